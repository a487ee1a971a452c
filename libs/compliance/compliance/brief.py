"""What the campaign brief asks of a caption, and what the platform accepts (length, hashtag and mention counts)."""

import re
import unicodedata
from functools import lru_cache

from compliance.model import BriefRequirements, Finding, Platform, Severity, Span, handle_key
from compliance.platforms import PLATFORMS, Counting
from compliance.rules import BRIEF_RULE
from compliance.text import Caption, canonical_link, fold, utf8_overflow_index
from compliance.x_weight import weigh as x_weigh

# Enum members as constants: Python 3.11 looks a member up on its class in about half a microsecond.
BLOCKING = Severity.BLOCKING
UTF8_BYTES, X_WEIGHTED = Counting.UTF8_BYTES, Counting.X_WEIGHTED


def hashtag_key(tag: str) -> str:
    return fold(tag.strip().lstrip("#＃")).text


@lru_cache(maxsize=256)
def _required_hashtags(tags: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(folded, as the brief writes it) for each required hashtag: briefs repeat, folding them once."""
    return tuple((hashtag_key(tag), "#" + tag.strip().lstrip("#＃")) for tag in tags)


@lru_cache(maxsize=256)
def _required_mentions(handles: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((handle_key(handle), "@" + handle.strip().lstrip("@")) for handle in handles)


@lru_cache(maxsize=256)
def _forbidden_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [r"\s+".join(re.escape(piece) for piece in fold(word).text.split()) for word in words]
    parts = [p for p in parts if p]
    if not parts:
        return None
    # No look-behind in front: the engine then skips to the words' first letters; the word start is
    # checked on each match instead.
    return re.compile(r"(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")(?!\w)")


def caption_links(caption: Caption) -> list[str]:
    return [canonical_link(caption.text[t.span.start : t.span.end]) for t in caption.urls]


@lru_cache(maxsize=256)
def _canonical_required(link: str) -> str:
    return canonical_link(link)  # briefs repeat: each required link made canonical once


def has_link(links: list[str], required: str) -> bool:
    wanted = _canonical_required(required)
    return any(link == wanted or (link.startswith(wanted) and link[len(wanted)] in "/?#&") for link in links)


def brief_findings(caption: Caption, brief: BriefRequirements) -> list[Finding]:
    whole = Span(0, len(caption.text))
    findings: list[Finding] = []
    if brief.required_hashtags:
        present = {t.value for t in caption.hashtags}
        for key, shown in _required_hashtags(brief.required_hashtags):
            if key not in present:
                findings.append(
                    Finding("brief.hashtag_missing", BLOCKING, BRIEF_RULE, f"the brief requires {shown}", whole)
                )
    if brief.required_mentions:
        mentioned = {t.value for t in caption.mentions}
        for key, shown in _required_mentions(brief.required_mentions):
            if key not in mentioned:
                findings.append(
                    Finding("brief.mention_missing", BLOCKING, BRIEF_RULE, f"the brief requires {shown}", whole)
                )
    if brief.required_links:
        links = caption_links(caption)
        for link in brief.required_links:
            if not has_link(links, link):
                findings.append(
                    Finding("brief.link_missing", BLOCKING, BRIEF_RULE, f"the brief requires the link {link}", whole)
                )
    pattern = _forbidden_pattern(brief.forbidden_words) if brief.forbidden_words else None
    if pattern is not None:
        folded = caption.folded
        text = folded.text
        position = 0
        while (match := pattern.search(text, position)) is not None:
            position = match.start() + 1
            if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] == "_"):
                continue
            position = match.end()
            span = folded.span(*match.span())
            written = caption.text[span.start : span.end]
            findings.append(
                Finding("brief.forbidden_word", BLOCKING, BRIEF_RULE, f"the brief forbids '{written}'", span)
            )
    return findings


def measure(caption: Caption, counting: Counting, limit: int) -> tuple[int, int]:
    """The caption's length as the platform counts it, and where it passes `limit` (len(text) if it does not)."""
    text = caption.text
    if counting is UTF8_BYTES:
        length = len(text.encode())
        return length, utf8_overflow_index(text, limit) if length > limit else len(text)
    if counting is X_WEIGHTED:
        return x_weigh(text, limit, _nfc_links(caption))
    return len(text), min(limit, len(text))


def _nfc_links(caption: Caption) -> list[Span] | None:
    """The caption's links, when its text is NFC as X measures it (else X's count finds them itself)."""
    return [link.span for link in caption.urls] if unicodedata.is_normalized("NFC", caption.text) else None


def limit_findings(caption: Caption, platform: Platform) -> list[Finding]:
    rules = PLATFORMS[platform]
    text = caption.text
    findings: list[Finding] = []
    length, overflow = measure(caption, rules.counting, rules.caption_limit)
    if length > rules.caption_limit:
        findings.append(
            Finding(
                "limits.caption_too_long",
                BLOCKING,
                rules.limits_rule,
                f"{length} {rules.counting} where {rules.name} takes {rules.caption_limit}",
                Span(overflow, len(text)),
            )
        )
    for code, tokens, limit, what in (
        ("limits.too_many_hashtags", caption.hashtags, rules.hashtag_limit, "hashtags"),
        ("limits.too_many_mentions", caption.mentions, rules.mention_limit, "mentions"),
    ):
        if limit is not None and len(tokens) > limit:
            findings.append(
                Finding(
                    code,
                    BLOCKING,
                    rules.limits_rule,
                    f"{len(tokens)} {what} where {rules.name} takes {limit}",
                    Span(tokens[limit].span.start, tokens[-1].span.end),
                )
            )
    for character in rules.forbidden_characters:
        index = text.find(character)
        if index >= 0:
            findings.append(
                Finding(
                    "limits.forbidden_character",
                    BLOCKING,
                    rules.limits_rule,
                    f"{rules.name} does not take '{character}' here",
                    Span(index, index + 1),
                )
            )
    return findings
