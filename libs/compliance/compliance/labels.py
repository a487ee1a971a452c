"""Finding disclosure labels in a caption: hashtags first, then words and phrases standing as labels."""

import re
from bisect import bisect_right
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from compliance.model import Span
from compliance.rules import BRAND_TAG_PREFIXES, BRAND_TAG_SUFFIXES, HASHTAG_LABELS, PHRASE_LABELS
from compliance.text import Caption

# Hashtags that name their brand after a fixed start, whoever the brand is ("#sponsoredbyacme").
_OPEN_TAG_PREFIXES = {"sponsoredby": "sponsored", "giftedby": "gifted", "paidpartnershipwith": "paid_partnership"}

# Each phrase on its own, so the regex engine jumps to its first letters; only phrases whose word is
# in the caption are looked for at all.
_PHRASES = tuple(
    (key, re.compile(rf"(?:{pattern})(?!\w)"), label, label_only) for key, pattern, label, label_only in PHRASE_LABELS
)
# Which phrases' words the caption holds, in one pass over it (thirty substring tests took longer). Each
# word found gives its number (a word such as "ad" occurs often: a set of small ints is cheap to build),
# and _WORD_ROWS[number] its rows: (row, pattern, label, label_only).
_PHRASE_WORDS = tuple(dict.fromkeys(word for key, *_ in _PHRASES for word in key.split("|")))
_WORD_ROWS = tuple(
    tuple((row, *rest) for row, (key, *rest) in enumerate(_PHRASES) if word in key.split("|")) for word in _PHRASE_WORDS
)
_KEYS = ahocorasick.Automaton()
for _number, _word in enumerate(_PHRASE_WORDS):
    _KEYS.add_word(_word, _number)
_KEYS.make_automaton()
_NEGATED = re.compile(
    r"\b(?:not|no|non|never|nicht|kein|keine|keinerlei|ohne)[\s\-]+(?:(?:an?|eine?|paid|bezahlte)\s+)?$"
)
_WORD = re.compile(r"\w")
_START = itemgetter(3)
_new = tuple.__new__  # a named tuple without its keyword-argument constructor
_CLOSERS = ")]|:/•·-–—"
_SENTENCE_ENDS = ".!?|•·"


class Label(NamedTuple):
    label: str  # a key of rules.LABELS
    written: str  # as the caption writes it
    span: Span  # in the caption as written
    start: int  # in the folded text
    end: int
    hashtag: bool


def find_labels(caption: Caption, brand_keys: frozenset[str] = frozenset()) -> tuple[Label, ...]:
    """Every label in the caption, in order. `brand_keys` makes "#<brand>partner" a label of its own."""
    phrases: tuple[Label, ...] | None = caption.__dict__.get("_phrase_labels")
    if phrases is None:
        phrases = caption.__dict__["_phrase_labels"] = _phrase_labels(caption)
    tags: list[Label] = []
    for tag in caption.hashtags:
        value = tag.value
        label = HASHTAG_LABELS.get(value)
        if label is None:
            # Most hashtags are no label: only a brand's or an open one's start or end needs a closer look.
            if not (value.startswith(_PREFIXES) or value.endswith(_SUFFIXES)):
                continue
            label = hashtag_label(value, brand_keys)
            if label is None:
                continue
        if not _negated(caption.folded.text, tag.start):
            span = tag.span
            tags.append(_new(Label, (label, caption.text[span.start : span.end], span, tag.start, tag.end, True)))
    if not tags:
        return phrases
    if not phrases:
        return tuple(tags)
    return tuple(sorted((*phrases, *tags), key=_START))


_PREFIXES = (*_OPEN_TAG_PREFIXES, *BRAND_TAG_PREFIXES)
_SUFFIXES = tuple(BRAND_TAG_SUFFIXES)


def hashtag_label(value: str, brand_keys: frozenset[str] = frozenset()) -> str | None:
    label = HASHTAG_LABELS.get(value)
    if label is not None or not (value.startswith(_PREFIXES) or value.endswith(_SUFFIXES)):
        return label
    for prefix, open_label in _OPEN_TAG_PREFIXES.items():
        if value.startswith(prefix) and len(value) > len(prefix):
            return open_label
    for suffix, brand_label in BRAND_TAG_SUFFIXES.items():
        if value.endswith(suffix) and len(value) > len(suffix):
            owner = value[: -len(suffix)].rstrip("_")
            if owner in brand_keys:
                return brand_label
            return "partner" if "partner" in suffix else "ambassador"
    for prefix, brand_label in BRAND_TAG_PREFIXES.items():
        if value.startswith(prefix) and value[len(prefix) :].lstrip("_") in brand_keys:
            return brand_label
    return None


def _phrase_candidates(text: str) -> list[tuple[int, int, int, str, bool]]:
    """(start, row, end, label, label_only) of every phrase starting a word, earliest first."""
    found: list[tuple[int, int, int, str, bool]] = []
    for number in {number for _, number in _KEYS.iter(text)}:
        for row, pattern, label, label_only in _WORD_ROWS[number]:
            position = 0
            while (match := pattern.search(text, position)) is not None:
                start = match.start()
                position = start + 1
                before = text[start - 1] if start else " "
                if not (before.isalnum() or before in "_#@"):
                    found.append((start, row, match.end(), label, label_only))
    found.sort()
    return found


def _phrase_labels(caption: Caption) -> tuple[Label, ...]:
    folded = caption.folded
    text = folded.text
    candidates = _phrase_candidates(text)
    if not candidates:
        return ()
    tokens = caption.tokens
    starts = [t.start for t in tokens]
    found: list[Label] = []
    taken_until = 0
    for start, _, end, label, label_only in candidates:
        if start < taken_until:
            continue
        inside = bisect_right(starts, start) - 1  # tokens do not overlap: only the last one before may hold it
        if inside >= 0 and start < tokens[inside].end:
            continue
        if label_only and not stands_as_label(text, start, end):
            continue
        taken_until = end
        if _negated(text, start):
            continue
        span = folded.span(start, end)
        found.append(Label(label, caption.text[span.start : span.end], span, start, end, False))
    return tuple(found)


def _negated(text: str, start: int) -> bool:
    if not start or not (text[start - 1].isspace() or text[start - 1] == "-"):
        return False  # what _NEGATED ends with is not there (str.isspace is the regex's \s)
    return _NEGATED.search(text, max(0, start - 24), start) is not None


def stands_as_label(text: str, start: int, end: int) -> bool:
    """First on its line, in brackets, before ":" or "|", or alone after a full stop at the end of a line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if before.rstrip().endswith("#"):
        return False  # "# ad": a broken hashtag, no label
    if not _WORD.search(before):
        return True
    line_end = text.find("\n", end)
    after = text[end : len(text) if line_end < 0 else line_end].strip()
    if after[:1] and after[0] in _CLOSERS:
        return True
    previous = before.rstrip()[-1:]
    return bool(previous) and (previous in "[(" or (not after and previous in _SENTENCE_ENDS))
