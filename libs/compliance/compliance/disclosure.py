"""Is the caption's disclosure there, clear in each market, and where a viewer sees it without expanding?"""

from functools import lru_cache
from typing import NamedTuple

from compliance.labels import Label
from compliance.model import CheckContext, Finding, Format, Market, Severity, Span
from compliance.platforms import PLATFORMS, fold_for, is_video
from compliance.rules import BURIED_AMONG, MARKETS, STATUS_IN, MarketRules, Status
from compliance.text import Caption

# Enum members as constants: Python 3.11 looks a member up on its class in about half a microsecond.
BLOCKING, WARNING, INFO = Severity.BLOCKING, Severity.WARNING, Severity.INFO
ACCEPTED, GIFT, FOREIGN = Status.ACCEPTED, Status.GIFT, Status.FOREIGN
LIVE = Format.LIVE


class MarketDisclosure(NamedTuple):
    """How one market reads the caption's labels (a named tuple: one per market and check, made cheaply)."""

    market: Market
    accepted: tuple[Label, ...]  # labels that are a clear disclosure in this market, in order
    visible: Label | None  # the first of them a viewer sees without expanding, outside a hashtag block
    refused: tuple[tuple[Label, Status], ...]  # labels that do not count here, and why
    fold: int | None


def gift_label_counts(market: Market, context: CheckContext) -> bool:
    rules = MARKETS[market]
    return context.fee_is_gift and not (rules.gift_needs_no_control and context.brand_controls_content)


def is_buried(caption: Caption, label: Label) -> bool:
    block = caption.trailing_block
    return (
        block is not None
        and label.start >= block.start
        and block.hashtags >= BURIED_AMONG
        and not caption.is_first_word(label.start)
    )


def assess(caption: Caption, context: CheckContext, market: Market, labels: tuple[Label, ...]) -> MarketDisclosure:
    fold = fold_for(context.platform, context.format)
    gift_counts = gift_label_counts(market, context)
    statuses = STATUS_IN[market]
    accepted: list[Label] = []
    refused: list[tuple[Label, Status]] = []
    for label in labels:
        found = statuses[label.label]
        if found is ACCEPTED or (found is GIFT and gift_counts):
            accepted.append(label)
        else:
            refused.append((label, found))
    visible = None
    for label in accepted:
        if (fold is None or label.span.end <= fold) and not is_buried(caption, label):
            visible = label
            break
    return MarketDisclosure(market, tuple(accepted), visible, tuple(refused), fold)


def disclosure_findings(caption: Caption, context: CheckContext, labels: tuple[Label, ...]) -> list[Finding]:
    findings: list[Finding] = []
    for market in context.markets:
        findings.extend(_market_findings(caption, context, assess(caption, context, market, labels)))
    if is_video(context.platform, context.format):
        findings.extend(_video_findings(context.markets, context.format, context.in_video_disclosure_confirmed))
    return findings


def _market_findings(caption: Caption, context: CheckContext, seen: MarketDisclosure) -> list[Finding]:
    rules = MARKETS[seen.market]
    market = seen.market
    platform = PLATFORMS[context.platform].name
    if seen.visible is not None:
        start = seen.visible.span.start
        if rules.up_front_chars is not None and start > rules.up_front_chars:
            return [
                Finding(
                    "disclosure.not_up_front",
                    WARNING,
                    rules.placement,
                    f"'{seen.visible.written}' starts at character {start + 1}; {market} guidance wants it up front "
                    f"(within the first {rules.up_front_chars} characters)",
                    seen.visible.span,
                    market,
                )
            ]
        return []
    if seen.accepted:
        first = seen.accepted[0]
        findings: list[Finding] = []
        if is_buried(caption, first):
            findings.append(
                Finding(
                    "disclosure.buried_in_hashtags",
                    BLOCKING,
                    rules.placement,
                    f"'{first.written}' is mixed into the block of hashtags the caption ends with; "
                    f"put it before the text, e.g. first",
                    first.span,
                    market,
                )
            )
        if seen.fold is not None and first.span.end > seen.fold:
            findings.append(
                Finding(
                    "disclosure.below_fold",
                    BLOCKING,
                    rules.placement,
                    f"'{first.written}' ends at character {first.span.end}, after the first {seen.fold} "
                    f"that {platform} shows before 'more'",
                    first.span,
                    market,
                )
            )
        return findings
    findings = [_refused(label, found, rules, context, market) for label, found in seen.refused]
    if not findings:
        missing_from = Span(0, len(caption.text) if seen.fold is None else min(seen.fold, len(caption.text)))
        findings.append(
            Finding(
                "disclosure.missing",
                BLOCKING,
                rules.disclosure,
                f"no ad disclosure where viewers see it: add {rules.write}",
                missing_from,
                market,
            )
        )
    return findings


def _refused(label: Label, found: Status, rules: MarketRules, context: CheckContext, market: Market) -> Finding:
    written = label.written
    if found is GIFT:
        why = "the brand had a say in the post" if context.fee_is_gift else "this partnership is paid"
        return Finding(
            "disclosure.gift_label_insufficient",
            BLOCKING,
            rules.gift,
            f"'{written}' discloses a gift, but {why}: use {rules.write}",
            label.span,
            market,
        )
    if found is FOREIGN:
        return Finding(
            "disclosure.wrong_language",
            BLOCKING,
            rules.disclosure,
            f"'{written}' is not a label viewers in {market} are expected to understand: use {rules.write}",
            label.span,
            market,
        )
    return Finding(
        "disclosure.vague",
        BLOCKING,
        rules.disclosure,
        f"'{written}' does not tell viewers in {market} that this is an ad: use {rules.write}",
        label.span,
        market,
    )


@lru_cache(maxsize=256)
def _video_findings(markets: tuple[Market, ...], format: Format, confirmed: bool) -> tuple[Finding, ...]:
    """The same for every caption of a context (findings are immutable): made once per context."""
    findings: list[Finding] = []
    for market in markets:
        rules = MARKETS[market]
        if not confirmed:
            findings.append(
                Finding(
                    "disclosure.in_video_unconfirmed",
                    BLOCKING,
                    rules.video,
                    "a video needs the disclosure in the video itself (said and shown on screen): "
                    "confirm it once the video is reviewed",
                    None,
                    market,
                )
            )
        if format is LIVE and rules.live is not None:
            findings.append(
                Finding(
                    "disclosure.repeat_during_live",
                    INFO,
                    rules.live,
                    "repeat the disclosure during the stream, for viewers who join late",
                    None,
                    market,
                )
            )
    return tuple(findings)
