"""A caption as the platforms read it: folded for matching, tokenised into hashtags, mentions and links.

Matching runs on a folded copy of the text (NFKC, case folded, invisible format characters such as
zero-width spaces and joiners dropped where they touch a word), so `＃ＡＤ`, `#Ad` and `#a\u200bd` all
read `#ad`. Every position found in the folded copy maps back to the caption as written, so spans
point at what the author typed. Hashtags follow the platforms' (twitter-text's) rules: `#` not preceded by a letter,
digit, `_` or `&`, then letters, digits, marks and `_` up to the first space, punctuation or emoji, and
not all digits; `# ad` is no hashtag. A mention is `@` plus a handle (letters, digits, `_`, `.`),
not preceded by a word character (so no e-mail address reads as one).
"""

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from compliance.model import Span, once

_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
# After an invisible character: it touches a word character, "#" or "@" (what _hides tests, in a regex).
_HIDING_AFTER = f"(?=[\\w#@＃＠])|(?<=[\\w#@＃＠][{_INVISIBLE}])"
_SHARP_S = re.compile("ß")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

_TAG_CHARS = r"[\w\u0300-\u036f\u0900-\u0dff]"
_TLDS = "com|net|org|io|co|de|uk|us|ly|to|me|it|at|ch|eu|fr|tv|app|shop|store|link|page|info|biz|gl|gg"
# Each pattern starts with its literal character (the word-start test follows it) so the regex engine
# can skip to the next "#", "@" or "." instead of trying every position.
_HASHTAG = re.compile(rf"#(?<![\w&]#)({_TAG_CHARS}+)")
_MENTION = re.compile(r"@(?<![\w@.]@)(\w(?:[\w.]*\w)?)")
_SCHEME_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")
_TLD = re.compile(rf"\.(?:{_TLDS})(?![\w\-])")
_URL_PATH = re.compile(r"/[^\s<>\"]*")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
_URL_TRAILING = ".,;:!?)]}'\"”’"
_WORD = re.compile(r"\w")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)
_START = itemgetter(2)
_new = tuple.__new__  # a named tuple without its keyword-argument constructor: tokens are made in bulk


class Folded:
    """The folded text and how its positions map back to the caption as written.

    Without pieces every folded character sits where its original did. With them, each piece is
    (folded start, original start, original end, exact): an exact piece maps character for
    character; another (a character or cluster that folded to a different length) maps as a whole;
    a dropped invisible character leaves no piece.
    """

    __slots__ = ("_exact", "_folded_starts", "_original_ends", "_original_starts", "length", "text")

    def __init__(self, text: str, length: int, pieces: list[tuple[int, int, int, bool]] | None = None) -> None:
        self.text = text
        self.length = length
        self._folded_starts = [p[0] for p in pieces] if pieces else None
        self._original_starts = [p[1] for p in pieces] if pieces else []
        self._original_ends = [p[2] for p in pieces] if pieces else []
        self._exact = [p[3] for p in pieces] if pieces else []

    @property
    def moved(self) -> bool:
        return self._folded_starts is not None

    def span(self, start: int, end: int) -> Span:
        starts = self._folded_starts
        if starts is None:
            return _new(Span, (start, end))
        if start >= len(self.text):
            return _new(Span, (self.length, self.length))
        piece = bisect_right(starts, start) - 1
        exact = self._exact
        first = self._original_starts[piece] + (start - starts[piece] if exact[piece] else 0)
        if end <= start:
            return _new(Span, (first, first))
        last = end - 1
        if piece + 1 < len(starts) and starts[piece + 1] <= last:  # most spans lie within one piece
            piece = bisect_right(starts, last, piece) - 1
        if exact[piece]:
            return _new(Span, (first, self._original_starts[piece] + last - starts[piece] + 1))
        return _new(Span, (first, self._original_ends[piece]))


def _fold_piece(piece: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", piece).casefold())


def _character_class(codes: list[int]) -> str:
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


class _Tables(NamedTuple):
    expanding: re.Pattern[str]  # BMP characters that fold to other than one character (ß, ﬁ), or invisible
    # A BMP character whose fold is not its one-character lower case (İ, marks) other than "ß", or an
    # invisible one hiding a word: one scan (the class first, so the engine skips to those characters).
    not_lower: re.Pattern[str]
    unlike_lower_astral: frozenset[str]  # the same beyond the BMP (mathematical letters, enclosed ones)


@cache
def _tables() -> _Tables:
    """Built on first use from this Python's Unicode tables (about 60 ms).

    Two BMP classes, so the regex engine tests them with a bitmap, and a set for the rest: a class
    with ranges beyond the BMP is tested range by range, thirty times slower.
    """
    expanding: list[int] = []
    unlike: list[int] = []
    astral: list[str] = []
    for code in range(0x80, 0x30000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        folded = _fold_piece(char)
        if folded == char.lower() and len(folded) == 1 and not unicodedata.combining(char):
            continue
        if code > 0xFFFF:
            astral.append(char)
            continue
        unlike.append(code)
        if len(folded) != 1:
            expanding.append(code)
    unlike_but_sharp_s = _character_class([code for code in unlike if code != ord("ß")])
    return _Tables(
        re.compile(f"[{_character_class(expanding)}{_INVISIBLE}]"),
        re.compile(f"[{unlike_but_sharp_s}{_INVISIBLE}](?:(?<=[{unlike_but_sharp_s}])|{_HIDING_AFTER})"),
        frozenset(astral),
    )


class _Pieces:
    __slots__ = ("out", "pieces", "size")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pieces: list[tuple[int, int, int, bool]] = []
        self.size = 0

    def add(self, folded: str, start: int, end: int, exact: bool) -> None:
        if folded:
            self.pieces.append((self.size, start, end, exact))
            self.out.append(folded)
            self.size += len(folded)

    def segment(self, text: str, start: int, end: int) -> None:
        piece = text[start:end]
        folded = piece.lower() if piece.isascii() else _fold_piece(piece)
        if len(folded) == end - start:
            self.add(folded, start, end, True)
        else:
            self.clusters(text, start, end)

    def clusters(self, text: str, start: int, end: int) -> None:
        """Fold each base character with the marks that follow it, so "e" + U+0301 reads "é"."""
        i = start
        while i < end:
            if _INVISIBLE_RE.match(text, i):
                i += 1
                continue
            j = i + 1
            while j < end and unicodedata.combining(text[j]):
                j += 1
            self.add(_fold_piece(text[i:j]), i, j, False)
            i = j

    def folded(self, length: int) -> Folded:
        return Folded("".join(self.out), length, self.pieces)


def _hides(text: str, index: int) -> bool:
    """An invisible character touching a letter, digit, "_", "#" or "@" can hide a word ("#a\u200bd");
    one between emoji (the joiner in 👩\u200d💻) or spaces cannot, and stays in the folded text."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before.isalnum() or after.isalnum() or before in "_#@＃＠" or after in "_#@＃＠"


def fold(text: str) -> Folded:
    length = len(text)
    if text.isascii():
        return Folded(text.lower(), length)
    tables = _tables()
    if tables.not_lower.search(text) is None and tables.unlike_lower_astral.isdisjoint(_ASTRAL.findall(text)):
        # Most text with emoji, accents and umlauts: its fold is its lower case, character for
        # character; German text besides, where "ß" folds to "ss".
        lower = text.lower()
        if "ß" not in lower:
            return Folded(lower, length)
        pieces = _Pieces()
        position = 0
        for sharp_s in _SHARP_S.finditer(lower):
            if position < sharp_s.start():
                pieces.add(lower[position : sharp_s.start()], position, sharp_s.start(), True)
            pieces.add("ss", sharp_s.start(), sharp_s.end(), False)
            position = sharp_s.end()
        if position < length:
            pieces.add(lower[position:], position, length, True)
        return pieces.folded(length)
    pieces = _Pieces()
    if not unicodedata.is_normalized("NFC", text):
        pieces.clusters(text, 0, length)
        return pieces.folded(length)
    special = [match.start() for match in tables.expanding.finditer(text)]
    invisible = [_INVISIBLE_RE.match(text, index) is not None for index in special]
    if all(invisible):
        # Nothing expands: fold in one go, then leave out the invisible characters.
        folded = _fold_piece(text)
        if len(folded) != length:  # characters composed across each other: fold them one by one
            pieces.clusters(text, 0, length)
            return pieces.folded(length)
        if not any(_hides(text, index) for index in special):
            return Folded(folded, length)
        position = 0
        for index in special:
            if position < index:
                pieces.add(folded[position:index], position, index, True)
            position = index + 1
        if position < length:
            pieces.add(folded[position:], position, length, True)
        return pieces.folded(length)
    position = 0
    for index, is_invisible in zip(special, invisible, strict=True):
        if position < index:
            pieces.segment(text, position, index)
        if not is_invisible:
            pieces.add(_fold_piece(text[index]), index, index + 1, False)
        position = index + 1
    if position < length:
        pieces.segment(text, position, length)
    return pieces.folded(length)


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

    @once
    def folded(self) -> Folded:
        return fold(self.text)

    @once
    def urls(self) -> tuple[Token, ...]:
        folded = self.folded
        text = folded.text
        spans: list[tuple[int, int]] = []
        if "http" in text or "www." in text:
            spans.extend(m.span() for m in _SCHEME_URL.finditer(text))
        for tld in _TLD.finditer(text):
            start = tld.start()
            while start > 0 and text[start - 1] in _DOMAIN_CHARS:
                start -= 1
            while start < tld.start() and text[start] in ".-":
                start += 1
            if start == tld.start() or (start > 0 and (text[start - 1] == "@" or text[start - 1].isalnum())):
                continue
            if any(a <= start < b for a, b in spans):
                continue
            path = _URL_PATH.match(text, tld.end())
            spans.append((start, path.end() if path else tld.end()))
        found: list[Token] = []
        for start, end in sorted(spans):
            while end > start and text[end - 1] in _URL_TRAILING:
                end -= 1
            found.append(Token("url", text[start:end], start, end, folded.span(start, end)))
        return tuple(found)

    def _scan(self, kind: str, pattern: re.Pattern[str], marker: str) -> tuple[Token, ...]:
        folded = self.folded
        text = folded.text
        if marker not in text:
            return ()
        matches: Iterable[re.Match[str]] = pattern.finditer(text)
        if kind == "hashtag":
            matches = [m for m in matches if not m.group(1).isdigit()]
        # In comprehensions: a caption can hold dozens of hashtags, each a token.
        if folded.moved:
            span = folded.span
            found = [_new(Token, (kind, m.group(1), *m.span(), span(*m.span()))) for m in matches]
        else:
            found = [_new(Token, (kind, m.group(1), *m.span(), _new(Span, m.span()))) for m in matches]
        urls = self.urls
        if urls:
            found = list(compress(found, outside([t.start for t in found], urls)))
        return tuple(found)

    @once
    def hashtags(self) -> tuple[Token, ...]:
        return self._scan("hashtag", _HASHTAG, "#")

    @once
    def mentions(self) -> tuple[Token, ...]:
        return self._scan("mention", _MENTION, "@")

    @once
    def tokens(self) -> tuple[Token, ...]:
        """Hashtags, mentions and links in the order they appear."""
        hashtags, mentions, urls = self.hashtags, self.mentions, self.urls
        if not (mentions or urls) or not (hashtags or urls) or not (hashtags or mentions):
            return hashtags or mentions or urls  # one kind alone: already in order
        return tuple(sorted((*hashtags, *mentions, *urls), key=_START))

    @once
    def trailing_block(self) -> TrailingBlock | None:
        """Hashtags and mentions with only spaces, line breaks, punctuation or emoji between and after them."""
        text = self.folded.text
        tokens = self.tokens
        i = len(tokens) - 1
        if i < 0 or tokens[i].kind == "url" or _WORD.search(text, tokens[i].end):
            return None
        while i > 0 and tokens[i - 1].kind != "url":
            gap = tokens[i - 1].end
            one_space = tokens[i].start - gap == 1 and text[gap] == " "  # most tags stand one space apart
            if not one_space and _WORD.search(text, gap, tokens[i].start):
                break
            i -= 1
        hashtags = sum(1 for t in tokens[i:] if t.kind == "hashtag")
        return TrailingBlock(tokens[i].start, hashtags) if hashtags else None

    @once
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


def outside(starts: list[int], tokens: tuple[Token, ...]) -> list[bool]:
    """For each position (in order), whether no token (in order of their starts) holds it. One walk over both."""
    kept: list[bool] = []
    following = 0
    for start in starts:
        while following < len(tokens) and tokens[following].end <= start:
            following += 1  # a token ending before this position ends before every later one too
        kept.append(following == len(tokens) or tokens[following].start > start)
    return kept


def canonical_link(link: str) -> str:
    """A link without scheme, `www.`, case in the host or trailing slash: how a required link is compared."""
    link = _SCHEME.sub("", link.strip(), count=1)
    host, slash, rest = link.partition("/")
    host = host.lower().removeprefix("www.")
    return (host + slash + rest).rstrip("/")


def utf8_overflow_index(text: str, limit: int) -> int:
    total = 0
    for index, char in enumerate(text):
        total += len(char.encode())
        if total > limit:
            return index
    return len(text)
