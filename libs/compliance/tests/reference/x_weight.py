"""X's character count: a post is measured in weighted characters (twitter-text, configuration v3).

Code points in the ranges below weigh 1, every other code point 2 (CJK, most emoji), an emoji
sequence (joined by U+200D, with a skin tone, a flag's pair, a keycap) 2 whatever its length, and
every link 23 (t.co). Texts are measured as NFC, as twitter-text does. The emoji sequences are
recognised by a simplified pattern (joiners, modifiers, flags, tags, keycaps), not the full Unicode
emoji data.
"""

import re
import unicodedata
from collections.abc import Sequence

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
    code = ord(char)
    return 1 if any(low <= code <= high for low, high in LIGHT) else 2


def _plain(text: str) -> int:
    """The weight of text without links."""
    if text.isascii():
        return len(text)
    heavy = len(_HEAVY.findall(text))
    weight = len(text) + heavy
    if not heavy:
        return weight
    covered = 0
    for joining in _JOINING.finditer(text):
        index = joining.start()
        for start in (index - 1, index):
            if start < covered or start < 0:
                continue
            sequence = _SEQUENCE.match(text, start)
            if sequence is not None and sequence.end() > index:
                written = sequence.group()
                weight -= len(written) + len(_HEAVY.findall(written)) - 2
                covered = sequence.end()
                break
    return weight


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


def weighted_length(text: str, links: Sequence[Span] | None = None) -> int:
    """X's weighted length; `links` are where the links are when known (then `text` must be NFC)."""
    text, links = _links(text, links)
    weight = 0
    position = 0
    for start, end in links:
        weight += _plain(text[position:start]) + LINK_WEIGHT
        position = end
    return weight + _plain(text[position:])


def overflow_index(text: str, limit: int, links: Sequence[Span] | None = None) -> int:
    """Where the weighted length passes `limit` (len(text) if it does not)."""
    text, links = _links(text, links)
    total = 0
    position = 0
    for start, end in [*links, Span(len(text), len(text))]:
        weight = _plain(text[position:start])
        if total + weight > limit:
            return position + _plain_overflow(text[position:start], limit - total)
        total += weight
        if start < end:
            total += LINK_WEIGHT
            if total > limit:
                return start
        position = end
    return len(text)


def _plain_overflow(text: str, budget: int) -> int:
    """Words in runs of 64, then 8, then one (no emoji sequence spans a space), then piece by piece."""
    words = [word.span() for word in _WORD_AND_SPACE.finditer(text)]
    total = 0
    first, last = 0, len(words)
    for size in (64, 8, 1):
        for start in range(first, last, size):
            end = min(start + size, last)
            weight = _plain(text[words[start][0] : words[end - 1][1]])
            if total + weight > budget:
                first, last = start, end
                break
            total += weight
        else:
            return len(text)
    word_start, word_end = words[first]
    for offset, piece in _pieces(text[word_start:word_end]):
        total += piece
        if total > budget:
            return word_start + offset
    return word_end
