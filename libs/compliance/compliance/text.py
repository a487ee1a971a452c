"""A caption as the platforms read it: folded for matching, tokenised into hashtags, mentions and links.

Matching runs on a folded copy of the text (NFKC, case folded, invisible format characters such as
zero-width spaces and joiners dropped), so `＃ＡＤ`, `#Ad` and `#a\u200bd` all read `#ad`. Every
position found in the folded copy maps back to the caption as written, so spans point at what the
author typed. Hashtags follow the platforms' (twitter-text's) rules: `#` not preceded by a letter,
digit, `_` or `&`, then letters, digits, marks and `_` up to the first space, punctuation or emoji, and
not all digits; `# ad` is no hashtag. A mention is `@` plus a handle (letters, digits, `_`, `.`),
not preceded by a word character (so no e-mail address reads as one).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from compliance.model import Span

_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]")

_TAG_CHARS = r"[\w\u0300-\u036f\u0900-\u0dff]"
_TLDS = "com|net|org|io|co|de|uk|us|ly|to|me|it|at|ch|eu|fr|tv|app|shop|store|link|page|info|biz|gl|gg"
_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"]+"
    rf"|(?<![\w@.\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:{_TLDS})(?![\w\-])(?:/[^\s<>\"]*)?)"
    rf"|(?<![\w&])#(?P<tag>{_TAG_CHARS}+)"
    r"|(?<![\w@.])@(?P<handle>\w(?:[\w.]*\w)?)"
)
_URL_TRAILING = ".,;:!?)]}'\"”’"
_WORD = re.compile(r"\w")


class Folded(NamedTuple):
    """The folded text and, when folding moved characters, where each folded character came from."""

    text: str
    starts: list[int] | None
    ends: list[int] | None
    length: int

    def span(self, start: int, end: int) -> Span:
        if self.starts is None or self.ends is None:
            return Span(start, end)
        if start >= len(self.text):
            return Span(self.length, self.length)
        if end <= start:
            return Span(self.starts[start], self.starts[start])
        return Span(self.starts[start], self.ends[end - 1])


def fold(text: str) -> Folded:
    if text.isascii():
        return Folded(text.lower(), None, None, len(text))
    folded = text.casefold()
    if len(folded) == len(text) and unicodedata.is_normalized("NFKC", text) and not _INVISIBLE_RE.search(text):
        return Folded(folded, None, None, len(text))
    return _fold_mapped(text)


def _fold_char(piece: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", piece).casefold())


def _fold_mapped(text: str) -> Folded:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    if unicodedata.is_normalized("NFC", text):
        for run in _RUNS.finditer(text):
            i, j = run.span()
            piece = run.group()
            if piece.isascii():
                out.append(piece.lower())
                starts.extend(range(i, j))
                ends.extend(range(i + 1, j + 1))
            elif not _INVISIBLE_RE.match(piece):
                folded = _fold_char(piece)
                out.append(folded)
                starts.extend([i] * len(folded))
                ends.extend([j] * len(folded))
    else:
        # Decomposed text: fold each base character with the marks that follow it, so "e" + U+0301 reads "é".
        i, n = 0, len(text)
        while i < n:
            if _INVISIBLE_RE.match(text[i]):
                i += 1
                continue
            j = i + 1
            while j < n and unicodedata.combining(text[j]):
                j += 1
            folded = _fold_char(text[i:j])
            out.append(folded)
            starts.extend([i] * len(folded))
            ends.extend([j] * len(folded))
            i = j
    return Folded("".join(out), starts, ends, len(text))


class Token(NamedTuple):
    kind: str  # "hashtag", "mention" or "url"
    value: str  # folded, without its # or @
    start: int  # in the folded text
    end: int
    span: Span  # in the caption as written


@dataclass(frozen=True, slots=True)
class TrailingBlock:
    """The run of hashtags (and mentions) the caption ends with, possibly across lines."""

    start: int  # in the folded text
    hashtags: int


class Caption:
    """One caption (a post's text, a video's description, a tweet). Analysed once, lazily, then shared."""

    __slots__ = ("__dict__", "text")

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise TypeError("a caption is text")
        self.text = text

    def __repr__(self) -> str:
        return f"Caption({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Caption) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    @cached_property
    def folded(self) -> Folded:
        return fold(self.text)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        folded = self.folded
        text = folded.text
        found: list[Token] = []
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup
            start, end = match.span()
            if kind == "url":
                while end > start and text[end - 1] in _URL_TRAILING:
                    end -= 1
                found.append(Token("url", text[start:end], start, end, folded.span(start, end)))
            elif kind == "tag":
                tag = match.group("tag")
                if not tag.isdigit():
                    found.append(Token("hashtag", tag, start, end, folded.span(start, end)))
            else:
                found.append(Token("mention", match.group("handle"), start, end, folded.span(start, end)))
        return tuple(found)

    @cached_property
    def hashtags(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.kind == "hashtag")

    @cached_property
    def mentions(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.kind == "mention")

    @cached_property
    def urls(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.kind == "url")

    @cached_property
    def trailing_block(self) -> TrailingBlock | None:
        """Hashtags and mentions with only spaces, line breaks, punctuation or emoji between and after them."""
        text = self.folded.text
        tokens = self.tokens
        i = len(tokens) - 1
        if i < 0 or tokens[i].kind == "url" or _WORD.search(text, tokens[i].end):
            return None
        while i > 0 and tokens[i - 1].kind != "url" and not _WORD.search(text, tokens[i - 1].end, tokens[i].start):
            i -= 1
        hashtags = sum(1 for t in tokens[i:] if t.kind == "hashtag")
        return TrailingBlock(tokens[i].start, hashtags) if hashtags else None

    @cached_property
    def prose(self) -> str:
        """The folded text with its hashtags blanked out (same length): what the caption says in words."""
        text = self.folded.text
        if not self.hashtags:
            return text
        parts: list[str] = []
        position = 0
        for tag in self.hashtags:
            parts.append(text[position : tag.start])
            parts.append(" " * (tag.end - tag.start))
            position = tag.end
        parts.append(text[position:])
        return "".join(parts)

    def is_first_word(self, folded_start: int) -> bool:
        """Nothing word-like comes before this position: an emoji or a bracket may, a word may not."""
        return _WORD.search(self.folded.text, 0, folded_start) is None


def canonical_link(link: str) -> str:
    """A link without scheme, `www.`, case in the host or trailing slash: how a required link is compared."""
    link = link.strip()
    link = re.sub(r"^[a-z][a-z0-9+.\-]*://", "", link, flags=re.IGNORECASE)
    host, slash, rest = link.partition("/")
    host = host.lower().removeprefix("www.")
    return (host + slash + rest).rstrip("/")


# X counts a post in weighted characters (twitter-text config v3): code points in these ranges weigh 1,
# every other code point 2, an emoji sequence 2 whatever its length, and every link 23 (t.co).
_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_X_URL_WEIGHT = 23
_EMOJI = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
_EMOJI_SEQUENCE = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}"
    f"|{_EMOJI}[\ufe0f\U0001f3fb-\U0001f3ff\u20e3]*(?:\u200d{_EMOJI}[\ufe0f\U0001f3fb-\U0001f3ff]*)*"
    "[\U000e0020-\U000e007f]*"
    "|[0-9#*]\ufe0f?\u20e3"
)
_X_URL = re.compile(
    r"https?://[^\s<>\"]+|(?<![\w@.\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:" + _TLDS + r")\b(?:/\S*)?",
    re.IGNORECASE,
)


def _code_point_weight(char: str) -> int:
    code = ord(char)
    return 1 if any(low <= code <= high for low, high in _X_LIGHT) else 2


def _x_weights(text: str) -> list[tuple[int, int, int]]:
    """(start, end, weight) pieces of the NFC text, in order."""
    pieces: list[tuple[int, int, int]] = []
    position = 0
    for match in _X_URL.finditer(text):
        pieces.extend(_x_plain_weights(text, position, match.start()))
        pieces.append((match.start(), match.end(), _X_URL_WEIGHT))
        position = match.end()
    pieces.extend(_x_plain_weights(text, position, len(text)))
    return pieces


def _x_plain_weights(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    if text.isascii():
        return [(i, i + 1, 1) for i in range(start, end)]
    pieces: list[tuple[int, int, int]] = []
    i = start
    while i < end:
        emoji = _EMOJI_SEQUENCE.match(text, i, end)
        if emoji and emoji.end() > i:
            pieces.append((i, emoji.end(), 2))
            i = emoji.end()
        else:
            pieces.append((i, i + 1, _code_point_weight(text[i])))
            i += 1
    return pieces


def x_weighted_length(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    if text.isascii() and "." not in text:
        return len(text)
    return sum(weight for _, _, weight in _x_weights(text))


def x_overflow_index(text: str, limit: int) -> int:
    """Where in the (NFC) text the weighted length passes `limit`."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    for start, _, weight in _x_weights(text):
        total += weight
        if total > limit:
            return start
    return len(text)


def utf8_overflow_index(text: str, limit: int) -> int:
    total = 0
    for index, char in enumerate(text):
        total += len(char.encode())
        if total > limit:
            return index
    return len(text)
