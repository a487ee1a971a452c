"""The live caption against the approved one: what changed that matters after publication.

Run `check` on the live caption as well; this reports only the differences: a disclosure removed or
moved out of sight, a required hashtag, a brand mention or a link dropped, a link added, and the
text rewritten beyond small edits.
"""

import re
from difflib import SequenceMatcher
from itertools import compress

from compliance.brief import caption_links, hashtag_key
from compliance.check import as_caption
from compliance.disclosure import assess
from compliance.labels import find_labels
from compliance.model import CheckContext, Finding, Severity, Span, handle_key
from compliance.rules import APPROVED_RULE, MARKETS
from compliance.text import Caption, outside

# The text changed materially when more words differ than this share of the approved text (and at
# least MATERIAL_MIN_WORDS): a typo fixed or an emoji added is no finding.
MATERIAL_SHARE = 0.1
MATERIAL_MIN_WORDS = 3
_WORDS = re.compile(r"\w+")


def compare(approved: Caption | str, live: Caption | str, context: CheckContext) -> list[Finding]:
    approved, live = as_caption(approved), as_caption(live)
    return [
        *_disclosure_changes(approved, live, context),
        *_dropped(approved, live, context),
        *_text_change(approved, live),
    ]


def _disclosure_changes(approved: Caption, live: Caption, context: CheckContext) -> list[Finding]:
    brand_keys = context.brand.keys if context.brand is not None else frozenset()
    approved_labels, live_labels = find_labels(approved, brand_keys), find_labels(live, brand_keys)
    findings: list[Finding] = []
    for market in context.markets:
        before = assess(approved, context, market, approved_labels).visible
        after = assess(live, context, market, live_labels)
        if before is None or after.visible is not None:
            continue
        rules = MARKETS[market]
        if after.accepted:
            moved = after.accepted[0]
            findings.append(
                Finding(
                    "live.disclosure_moved",
                    Severity.BLOCKING,
                    rules.placement,
                    f"approved with '{before.written}' where viewers see it; live, '{moved.written}' is "
                    "below the fold or among the trailing hashtags",
                    moved.span,
                    market,
                )
            )
        else:
            end = len(live.text) if after.fold is None else min(after.fold, len(live.text))
            findings.append(
                Finding(
                    "live.disclosure_removed",
                    Severity.BLOCKING,
                    rules.disclosure,
                    f"approved with '{before.written}'; the live caption has no disclosure that counts in {market}",
                    Span(0, end),
                    market,
                )
            )
    return findings


def _dropped(approved: Caption, live: Caption, context: CheckContext) -> list[Finding]:
    whole = Span(0, len(live.text))
    findings: list[Finding] = []
    required_tags = {hashtag_key(t) for t in context.brief.required_hashtags}
    live_tags = {t.value for t in live.hashtags}
    for tag in dict.fromkeys(t.value for t in approved.hashtags if t.value in required_tags):
        if tag not in live_tags:
            findings.append(_finding("live.hashtag_removed", f"#{tag} was approved and is gone", whole))
    kept_handles = {handle_key(h) for h in context.brief.required_mentions}
    if context.brand is not None:
        kept_handles |= context.brand.handle_keys
    live_handles = {t.value for t in live.mentions}
    for handle in dict.fromkeys(t.value for t in approved.mentions if t.value in kept_handles):
        if handle not in live_handles:
            findings.append(_finding("live.mention_removed", f"@{handle} was approved and is gone", whole))
    approved_links, live_links = caption_links(approved), caption_links(live)
    for link in dict.fromkeys(approved_links):
        if link not in live_links:
            findings.append(_finding("live.link_removed", f"the approved link {link} is gone", whole))
    for token, link in zip(live.urls, live_links, strict=True):
        if link not in approved_links:
            findings.append(
                _finding("live.link_added", f"{link} was not in the approved caption", token.span, Severity.WARNING)
            )
    return findings


def _words(caption: Caption) -> list[tuple[str, Span]]:
    """The caption's words outside hashtags, mentions and links, folded, with where each is."""
    folded = caption.folded
    matches = list(_WORDS.finditer(folded.text))
    kept = compress(matches, outside([m.start() for m in matches], caption.tokens))
    return [(match.group(), folded.span(*match.span())) for match in kept]


def _text_change(approved: Caption, live: Caption) -> list[Finding]:
    before, after = _words(approved), _words(live)
    matcher = SequenceMatcher(None, [w for w, _ in before], [w for w, _ in after], autojunk=False)
    changed = 0
    first: int | None = None
    last = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changed += max(i2 - i1, j2 - j1)
        if first is None:
            first = j1
        last = max(j1, j2 - 1)
    if changed < max(MATERIAL_MIN_WORDS, MATERIAL_SHARE * len(before)) or first is None:
        return []
    if after:
        start = after[min(first, len(after) - 1)][1].start
        end = after[min(last, len(after) - 1)][1].end
        span = Span(start, max(start, end))
    else:
        span = Span(0, len(live.text))
    return [
        _finding(
            "live.text_changed",
            f"{changed} of {len(before)} words differ from the approved caption",
            span,
            Severity.WARNING,
        )
    ]


def _finding(code: str, message: str, span: Span, severity: Severity = Severity.BLOCKING) -> Finding:
    return Finding(code, severity, APPROVED_RULE, message, span)
