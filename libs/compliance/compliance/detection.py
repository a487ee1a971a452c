"""Was a post sponsored? For discovery's sponsored-post history, with the same labels the compliance check reads.

In order: the platform's paid-partnership label; else a clear disclosure label in the caption (clear in
any market); else a known brand mentioned with commercial cues (a discount code, "link in bio", an
affiliate link, "partnered with", a vague label such as "#spon"). Each answer says why, with the
evidence and a confidence. The confidences rank the kinds of evidence; they are not calibrated
probabilities.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import compress

from compliance.check import as_caption
from compliance.collaboration import COMMISSION, COMMISSION_WORDS
from compliance.labels import Label, find_labels
from compliance.model import Brand, Span, name_key
from compliance.rules import DENIAL_HASHTAGS, LABELS, Status
from compliance.text import Caption, canonical_link, outside


class Basis(StrEnum):
    PLATFORM_LABEL = "platform_label"
    DISCLOSURE = "disclosure"
    BRAND_WITH_CUES = "brand_with_commercial_cues"
    VAGUE_LABEL = "vague_label"
    SAYS_NOT_SPONSORED = "says_not_sponsored"
    CUES_WITHOUT_BRAND = "commercial_cues_without_brand"
    BRAND_WITHOUT_CUES = "brand_without_cues"
    NOTHING = "nothing"


CONFIDENCE: dict[Basis, float] = {
    Basis.PLATFORM_LABEL: 0.99,
    Basis.DISCLOSURE: 0.95,
    Basis.BRAND_WITH_CUES: 0.6,  # plus 0.1 for each further kind of cue, up to 0.9
    Basis.VAGUE_LABEL: 0.6,
    Basis.SAYS_NOT_SPONSORED: 0.1,
    Basis.CUES_WITHOUT_BRAND: 0.3,
    Basis.BRAND_WITHOUT_CUES: 0.15,
    Basis.NOTHING: 0.02,
}
GIFT_LABEL_CONFIDENCE = 0.9
# Enum members as constants: Python 3.11 looks a member up on its class in about half a microsecond.
ACCEPTED, GIFT = Status.ACCEPTED, Status.GIFT
_NOT_CLEAR = frozenset({Status.VAGUE, Status.FOREIGN})

COMMERCIAL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "discount_code",
        re.compile(
            r"\b(?:discount|promo|rabatt|gutschein)[- ]?codes?\b"
            r"|\b(?:use|using|with|mit)\s+(?:my|the|meinem|dem)?\s*code\b"
            r"|\bcode\s*:?\s*[a-z]*\d+[a-z0-9]*\b|\b\d{1,2}\s?%\s?(?:off|rabatt|discount)\b"
        ),
    ),
    (
        "link_in_bio",
        re.compile(
            r"\blink (?:is )?in (?:my |the )?bio\b|\blink in der bio\b|\bswipe up\b"
            r"|\bshop (?:now|my look|the look|here)\b|\btap to shop\b"
        ),
    ),
    (
        "partnered_with",
        re.compile(
            r"\b(?:partnered|teamed up|collaborated|collaborating|working|worked) with\b"
            r"|\bin (?:partnership|collaboration|kooperation|zusammenarbeit) (?:with|mit)\b"
        ),
    ),
    ("gifted", re.compile(r"\b(?:sent me|was gifted|pr package|pr-paket|zur verfügung gestellt)\b")),
    ("commission", COMMISSION),
)
# What each cue's pattern cannot match without (the folded text holds one of them, or the pattern
# is not run): most captions hold none of some, and a search costs more than these look-ups.
CUE_WORDS: dict[str, tuple[str, ...]] = {
    "discount_code": ("code", "%"),
    "link_in_bio": ("bio", "swipe up", "shop"),
    "partnered_with": ("with", "mit"),
    "gifted": ("sent me", "was gifted", "pr package", "pr-paket", "zur verfügung gestellt"),
    "commission": COMMISSION_WORDS,
}
AFFILIATE_HOSTS = frozenset(
    {
        "amzn.to", "amzn.eu", "liketoknow.it", "shopltk.com", "rstyle.me", "shopmy.us", "go.magik.ly", "howl.me",
        "howl.link", "awin1.com", "tidd.ly", "click.linksynergy.com", "shareasale.com", "geni.us", "fave.co",
        "prf.hn", "pntra.com", "anrdoezrs.net", "jdoqocy.com", "tkqlhce.com", "dpbolvw.net", "kqzyfj.com",
    }
)  # fmt: skip
_AFFILIATE_QUERY = re.compile(r"[?&](?:tag|aff|affid|aff_id|affiliate|affiliate_id|ref|ranmid|irclickid|clickref|awc)=")
_DENIAL_PHRASES = re.compile(
    r"\b(?:not|isn'?t|non)[\s\-]+(?:a\s+|an\s+)?(?:sponsored|an? ad|advert\w*|paid)\b"
    r"|\bunsponsored\b|\b(?:keine|nicht)\s+(?:werbung|gesponsert|bezahlt)\b"
)
# What _DENIAL_PHRASES cannot match without, as CUE_WORDS are for the cues.
DENIAL_WORDS = ("not", "isn't", "isnt", "non", "unsponsored", "keine", "nicht")
_NAME_WORDS = re.compile(r"\w+")
MAX_NAME_WORDS = 4
MIN_NAME_LENGTH = 3


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str  # "label", "brand", "discount_code", "affiliate_link", ...
    written: str
    span: Span | None


@dataclass(frozen=True, slots=True)
class Detection:
    sponsored: bool
    confidence: float  # that the post is sponsored, 0..1
    basis: Basis
    reason: str
    brand: str | None
    evidence: tuple[Evidence, ...]


class BrandIndex:
    """Known brands by handle, hashtag and name, built once for many captions."""

    def __init__(self, brands: Iterable[Brand]) -> None:
        self.by_key: dict[str, Brand] = {}
        self.by_name: dict[str, Brand] = {}
        for brand in brands:
            for key in brand.keys:
                self.by_key.setdefault(key, brand)
            name = name_key(brand.name)
            if len(name) >= MIN_NAME_LENGTH:
                self.by_name.setdefault(name, brand)
        self.keys = frozenset(self.by_key)
        # Every start of a name: words joined into anything else cannot become a name by joining more.
        self.name_starts = frozenset(name[:end] for name in self.by_name for end in range(1, len(name) + 1))

    def mentioned(self, caption: Caption) -> list[tuple[Brand, Evidence]]:
        found: list[tuple[Brand, Evidence]] = []
        for token in caption.mentions + caption.hashtags:
            brand = self.by_key.get(token.value)
            if brand is not None:
                found.append((brand, Evidence("brand", caption.text[token.span.start : token.span.end], token.span)))
        if self.by_name:
            folded = caption.folded
            words = list(_NAME_WORDS.finditer(folded.text))
            words = list(compress(words, outside([w.start() for w in words], caption.tokens)))
            starts = self.name_starts
            for i in range(len(words)):
                joined = ""
                for j in range(i, min(i + MAX_NAME_WORDS, len(words))):
                    joined += words[j].group()
                    if joined not in starts:
                        break
                    brand = self.by_name.get(joined)
                    if brand is not None:
                        span = folded.span(words[i].start(), words[j].end())
                        found.append((brand, Evidence("brand", caption.text[span.start : span.end], span)))
        return found


def cues_in(caption: Caption) -> list[Evidence]:
    folded = caption.folded
    text = folded.text
    found: list[Evidence] = []
    for kind, pattern in COMMERCIAL_CUES:
        if not any(word in text for word in CUE_WORDS[kind]):
            continue
        match = pattern.search(text)
        if match is not None:
            span = folded.span(*match.span())
            found.append(Evidence(kind, caption.text[span.start : span.end], span))
    for token in caption.urls:
        written = caption.text[token.span.start : token.span.end]
        link = canonical_link(written)
        if link.split("/", 1)[0] in AFFILIATE_HOSTS or _AFFILIATE_QUERY.search(link):
            found.append(Evidence("affiliate_link", written, token.span))
    return found


def _label_evidence(label: Label) -> Evidence:
    return Evidence("label", label.written, label.span)


def detect_sponsorship(
    caption: Caption | str, *, platform_label: bool, known_brands: Iterable[Brand] | BrandIndex = ()
) -> Detection:
    caption = as_caption(caption)
    if platform_label:
        return _answer(Basis.PLATFORM_LABEL, "the platform's paid-partnership label is on the post", None, ())
    index = known_brands if isinstance(known_brands, BrandIndex) else BrandIndex(known_brands)
    labels = find_labels(caption, index.keys)
    clear = [label for label in labels if ACCEPTED in LABELS[label.label]]
    if clear:
        return _answer(Basis.DISCLOSURE, f"discloses with '{clear[0].written}'", None, map(_label_evidence, clear))
    gift = [label for label in labels if GIFT in LABELS[label.label]]
    if gift:
        reason = f"discloses a gift with '{gift[0].written}'"
        return _answer(Basis.DISCLOSURE, reason, None, map(_label_evidence, gift), GIFT_LABEL_CONFIDENCE)
    vague = [label for label in labels if set(LABELS[label.label]) <= _NOT_CLEAR]
    brands = index.mentioned(caption)
    cues = cues_in(caption) + [_label_evidence(label) for label in vague]
    brand_evidence = [evidence for _, evidence in brands]
    denial = _denial(caption)
    if denial is not None:
        return _answer(Basis.SAYS_NOT_SPONSORED, f"says '{denial.written}'", None, [denial, *brand_evidence, *cues])
    brand = brands[0][0].name if brands else None
    if brands and cues:
        kinds = {e.kind for e in cues}
        confidence = round(min(0.9, CONFIDENCE[Basis.BRAND_WITH_CUES] + 0.1 * (len(kinds) - 1)), 2)
        reason = f"mentions {brand} with commercial cues: " + ", ".join(sorted(kinds))
        return _answer(Basis.BRAND_WITH_CUES, reason, brand, [*brand_evidence, *cues], confidence)
    if vague:
        return _answer(Basis.VAGUE_LABEL, f"a vague label '{vague[0].written}' and no clear one", brand, cues)
    if cues:
        named = ", ".join(sorted({e.kind for e in cues}))
        return _answer(Basis.CUES_WITHOUT_BRAND, f"commercial cues ({named}) but no known brand", None, cues)
    if brands:
        return _answer(Basis.BRAND_WITHOUT_CUES, f"mentions {brand} without commercial cues", brand, brand_evidence)
    return _answer(Basis.NOTHING, "no label, brand or commercial cue", None, ())


def _denial(caption: Caption) -> Evidence | None:
    for token in caption.hashtags:
        if token.value in DENIAL_HASHTAGS:
            return Evidence("denial", caption.text[token.span.start : token.span.end], token.span)
    text = caption.folded.text
    match = _DENIAL_PHRASES.search(text) if any(word in text for word in DENIAL_WORDS) else None
    if match is None:
        return None
    span = caption.folded.span(*match.span())
    return Evidence("denial", caption.text[span.start : span.end], span)


def _answer(
    basis: Basis, reason: str, brand: str | None, evidence: Iterable[Evidence], confidence: float | None = None
) -> Detection:
    confidence = CONFIDENCE[basis] if confidence is None else confidence
    return Detection(confidence >= 0.5, confidence, basis, reason, brand, tuple(evidence))
