"""X's character count: a post is measured in weighted characters (twitter-text, configuration v3).

Code points in the ranges below weigh 1, every other code point 2 (CJK, most emoji), an emoji
sequence (joined by U+200D, with a skin tone, a flag's pair, a keycap) 2 whatever its length, and
every link 23 (t.co). Texts are measured as NFC, as twitter-text does. The emoji sequences are
recognised by a simplified pattern (joiners, modifiers, flags, tags, keycaps), not the full Unicode
emoji data.
"""

import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import chain

from compliance.model import Span

LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
LINK_WEIGHT = 23

_HEAVY = re.compile("[^" + "".join(f"{chr(low)}-{chr(high)}" for low, high in LIGHT) + "]")
_EMOJI = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
_SEQUENCE = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}"
    f"|{_EMOJI}[\ufe0f\U0001f3fb-\U0001f3ff\u20e3]*(?:\u200d{_EMOJI}[\ufe0f\U0001f3fb-\U0001f3ff]*)*"
    "[\U000e0020-\U000e007f]*"
    "|[0-9#*]\ufe0f?\u20e3"
)
# What makes a sequence longer than one code point; a lone emoji already weighs 2 code point by code point.
_JOINING = re.compile("[\ufe0f\u200d\u20e3\U0001f3fb-\U0001f3ff\U0001f1e6-\U0001f1ff\U000e0020-\U000e007f]")
_LINK = re.compile(
    r"https?://[^\s<>\"]+|(?<![\w@.\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+"
    r"(?:com|net|org|io|co|de|uk|us|ly|to|me|it|at|ch|eu|fr|tv|app|shop|store|link|page|info|biz|gl|gg)\b(?:/\S*)?",
    re.IGNORECASE,
)
_WORD_AND_SPACE = re.compile(r"\S+\s*|\s+")


def _code_point(char: str) -> int:
    return 1 if _HEAVY.match(char) is None else 2


def _sequences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each emoji sequence longer than one code point, looked for only around its joiners."""
    found: list[tuple[int, int]] = []
    covered = 0
    for joining in _JOINING.finditer(text):
        index = joining.start()
        for start in (index - 1, index):
            if start < covered or start < 0:
                continue
            sequence = _SEQUENCE.match(text, start)
            if sequence is not None and sequence.end() > index:
                covered = sequence.end()
                found.append((start, covered))
                break
    return found


def _plain(text: str) -> tuple[int, list[tuple[int, int]]]:
    """The weight of text without links, and its emoji sequences."""
    if text.isascii():
        return len(text), []
    heavy = len(_HEAVY.findall(text))
    weight = len(text) + heavy
    if not heavy:
        return weight, []
    sequences = _sequences(text)
    for start, end in sequences:
        weight -= end - start + len(_HEAVY.findall(text, start, end)) - 2
    return weight, sequences


def _doubles(text: str, sequences: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece weighing 2, in order: an emoji sequence (each holds a heavy code point),
    or a heavy code point outside one. Every other code point weighs 1."""
    following = iter(sequences)
    sequence = next(following, None)
    covered = 0
    for heavy in _HEAVY.finditer(text):
        index = heavy.start()
        if index < covered:
            continue
        if sequence is not None and sequence[0] <= index:
            yield sequence
            covered = sequence[1]
            sequence = next(following, None)
        else:
            yield index, index + 1


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, weight) of each character or emoji sequence of text without links."""
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        sequence = _SEQUENCE.match(text, i)
        if sequence is not None and sequence.end() > i:
            pieces.append((i, 2))
            i = sequence.end()
        else:
            pieces.append((i, _code_point(text[i])))
            i += 1
    return pieces


def _links(text: str, links: Sequence[Span] | None) -> tuple[str, Sequence[Span]]:
    if links is not None:
        return text, links
    text = unicodedata.normalize("NFC", text)
    return text, [Span(*m.span()) for m in _LINK.finditer(text)] if "." in text else []


def weigh(text: str, limit: int, links: Sequence[Span] | None = None) -> tuple[int, int]:
    """X's weighted length, and where it passes `limit` (len(text) if it does not); `links` are where the
    links are when known (then `text` must be NFC)."""
    text, links = _links(text, links)
    total = 0
    position = 0
    overflow = None
    for start, end in [*links, Span(len(text), len(text))]:
        plain = text[position:start]
        weight, sequences = _plain(plain)
        if overflow is None and total + weight > limit:
            overflow = position + _plain_overflow(plain, limit - total, sequences)
        total += weight
        if start < end:
            total += LINK_WEIGHT
            if overflow is None and total > limit:
                overflow = start
        position = end
    return total, len(text) if overflow is None else overflow


def weighted_length(text: str, links: Sequence[Span] | None = None) -> int:
    """X's weighted length; `links` are where the links are when known (then `text` must be NFC)."""
    return weigh(text, sys.maxsize, links)[0]


def overflow_index(text: str, limit: int, links: Sequence[Span] | None = None) -> int:
    """Where the weighted length passes `limit` (len(text) if it does not)."""
    return weigh(text, limit, links)[1]


def _plain_overflow(text: str, budget: int, sequences: list[tuple[int, int]]) -> int:
    """The first word (no emoji sequence spans a space) that ends beyond the budget, then piece by piece in it.

    Up to a word's end the weight is its length plus one for each piece weighing 2, less what a
    sequence of several code points saves: the pieces weighing 2 before it are all it takes.
    """
    total = 0
    position = 0
    doubles: list[tuple[int, int]] = []
    for start, end in chain(_doubles(text, sequences), [(len(text), len(text))]):
        if total + start - position > budget:
            crossing = position + budget - total  # the code point that passes the budget
            break
        total += start - position
        if start < end and total + 2 > budget:
            crossing = start
            break
        total += 2 if start < end else 0
        doubles.append((start, end))
        position = end
    else:
        return len(text)
    word_start = crossing
    while word_start > 0 and not (text[word_start - 1].isspace() and not text[word_start].isspace()):
        word_start -= 1
    word = _WORD_AND_SPACE.match(text, word_start)
    assert word is not None
    total = word_start + sum(2 - (end - start) for start, end in doubles if end <= word_start)
    for offset, piece in _pieces(word.group()):
        total += piece
        if total > budget:
            return word_start + offset
    return word.end()
