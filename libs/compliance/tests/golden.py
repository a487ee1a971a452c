"""Golden findings: inputs and what the checks found for them, the oracle the library is compared to.

golden.json.xz holds deterministic, seeded cases: the 10k captions of bench/compliance_checks.py (each with
its own context and a detection with the bench's brands; every tenth compared against the one before), and 4k
captions built from pieces that folding, tokenising and X's count find hard (each with a random context,
compared against the one before, and a detection). A case names its approved caption by number (-1: empty).
A rule changed on purpose changes findings: regenerate, review what changed, and commit it with the rule.

    python libs/compliance/tests/golden.py   # rewrites golden.json.xz from the library as it is
"""

import importlib.util
import json
import lzma
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from compliance import (
    Brand,
    BrandIndex,
    BriefRequirements,
    Caption,
    CheckContext,
    Collaboration,
    Detection,
    Finding,
    Format,
    Market,
    Platform,
    check,
    compare,
    detect_sponsorship,
)

GOLDEN = Path(__file__).with_name("golden.json.xz")
BENCH = Path(__file__).resolve().parents[3] / "bench" / "compliance_checks.py"

# Pieces that fold, tokenise or weigh unusually: full-width and mathematical letters, "ß", "İ", ligatures,
# combining marks, invisible characters inside words and emoji, emoji sequences, CJK, links, labels.
PIECES = [
    "#ad", "#AD", "＃ＡＤ", "#a\u200bd", "#Werbung", "Werbung", "Anzeige", "Ad |", "[Ad]", "(ad)", "ad", "Ad:", "#sp",
    "#collab", "#gifted", "#nikepartner", "#nike_ambassador", "#thanksnike", "#sponsoredbyacme", "#notsponsored",
    "sponsored", "Sponsored by", "paid partnership with", "Bezahlte Werbepartnerschaft mit", "unbezahlte Werbung",
    "this is an ad", "not an ad", "keine Werbung", "thanks to", "thank you @nike", "in Kooperation mit", "PR package",
    "affiliate links", "I earn a commission if you buy", "To enter: follow @x and tag a friend", "Ends 31 May",
    "open to UK residents 18+", "not sponsored or administered by Instagram", "code SPRING20", "link in bio",
    "@nike", "@Nike.Running", "ann@acme.test", "https://glossier.com/spring?utm=ig", "www.nike.com/", "nike.com/sale",
    "amzn.to/x", "e.g.", "#NikeRun", "#2024", "cure", "best ever", "guaranteed", "Ben & Jerry's", "Straße", "İstanbul",
    "ﬁne", "cafe\u0301", "𝐁𝐨𝐥𝐝", "🄐", "ｶﾞ", "字字字", "👩\u200d💻", "🏃\u200d♀️", "🇩🇪", "👍🏽", "1\ufe0f\u20e3", "☕️",
    "✨", "\u200b", "\u200d", "\u00ad", "\n", "\n.\n.\n", ".", "|", ":", " ", "  ", "<", ">", "x" * 90,
    "Advertisement feature", "#paidpartnership", "Includes paid promotion", "#gesponsert", "#unbezahltewerbung",
    "#prsample", "#aff", "#Lavazza", "#CoffeeTime", "@lavazza", "glossier.com/spring", "powered by", "#nikeambassador",
    "tag=abc", "?ref=me", "20% off", "swipe up", "#keinewerbung", "Gewinnspiel endet am 3.6.", "ab 18", "weltweit",
    "Instagram steht in keiner Verbindung", "kommentiert", "#thankyounike", "sponsored.", "ad\n",
    " ".join(f"@friend{number}" for number in range(21)),
]  # fmt: skip
TRAILING_TAGS = ["#ad", "#werbung", "#sponsored", "#gifted", "#collab", "#run", "#gym", "#style", "#fyp", "@nike"]
INVISIBLE = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\u2064\u2066\u206f\ufeff"
PIECE_BRANDS = [Brand("Nike", ("@nike",)), Brand("Ben & Jerry's", ("@benandjerrys",)), Brand("Acme")]
PIECE_BRIEFS = [
    BriefRequirements(),
    BriefRequirements(
        required_hashtags=("#NikeRun", "＃Straße"),
        required_mentions=("@nike",),
        required_links=("nike.com/sale", "https://glossier.com/spring"),
        forbidden_words=("cure", "best ever", "İstanbul"),
    ),
]
FORMATS = [Format.POST, Format.REEL, Format.STORY, Format.VIDEO, Format.SHORT, Format.LIVE, Format.CAROUSEL]


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compliance_checks_bench", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def random_character(rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.5:
        return chr(rng.randrange(0x20, 0x7F))
    if draw < 0.65:
        return chr(rng.randrange(0x80, 0x300))
    if draw < 0.7:
        return rng.choice(INVISIBLE)
    if draw < 0.9:
        while 0xD800 <= (code := rng.randrange(0x300, 0x10000)) <= 0xDFFF:
            pass
        return chr(code)
    return chr(rng.randrange(0x10000, 0x30000))


def piece_caption(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(41)):
        if rng.random() < 0.6:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(random_character(rng) for _ in range(rng.randrange(7))))
    if rng.random() < 0.3:  # a trailing block of hashtags, labels among them or not
        tags = rng.sample(TRAILING_TAGS, rng.randrange(1, 7))
        parts.append(rng.choice([" ", "\n\n", "\n.\n.\n"]) + rng.choice([" ", " 🔥 ", ". "]).join(tags))
    return "".join(parts)


def piece_context(rng: random.Random) -> CheckContext:
    return CheckContext(
        platform=rng.choice(list(Platform)),
        format=rng.choice(FORMATS),
        markets=tuple(rng.choice(list(Market)) for _ in range(rng.randint(1, 3))),
        collaboration=rng.choice(list(Collaboration)),
        fee_is_gift=rng.random() < 0.5,
        brand_controls_content=rng.random() < 0.5,
        brand=rng.choice([None, *PIECE_BRANDS[:2]]),
        brief=rng.choice(PIECE_BRIEFS),
        in_video_disclosure_confirmed=rng.random() < 0.5,
    )


def cases() -> Iterator[tuple[str, str, CheckContext | None, str | None, list[Brand] | None]]:
    """(set, text, context to check in, approved caption to compare with, brands to detect) for every case."""
    bench = load_bench()
    rng = random.Random(7)
    previous = ""
    for number in range(10_000):
        text, context = bench.caption_text(rng), bench.context_for(rng)
        yield "bench", text, context, previous if number % 10 == 0 else None, bench.BRANDS
        previous = text
    rng = random.Random(13)
    previous = ""
    for _ in range(4_000):
        text = piece_caption(rng)
        yield "pieces", text, piece_context(rng), previous, PIECE_BRANDS
        previous = text


# A context as a list, in this order (the cases hold thousands of them).
CONTEXT_FIELDS = (
    "platform", "format", "markets", "collaboration", "fee_is_gift", "brand_controls_content", "brand", "brief",
    "in_video_disclosure_confirmed",
)  # fmt: skip


def context_json(context: CheckContext) -> list[Any]:
    brand = context.brand
    brief = context.brief
    return [
        context.platform.value,
        context.format.value,
        [m.value for m in context.markets],
        context.collaboration.value,
        context.fee_is_gift,
        context.brand_controls_content,
        None if brand is None else [brand.name, list(brand.handles)],
        [
            list(brief.required_hashtags),
            list(brief.required_mentions),
            list(brief.required_links),
            list(brief.forbidden_words),
        ],
        context.in_video_disclosure_confirmed,
    ]


def context_from(data: list[Any]) -> CheckContext:
    fields = dict(zip(CONTEXT_FIELDS, data, strict=True))
    brand = fields["brand"]
    hashtags, mentions, links, forbidden = fields["brief"]
    return CheckContext(
        platform=fields["platform"],
        format=fields["format"],
        markets=tuple(fields["markets"]),
        collaboration=fields["collaboration"],
        fee_is_gift=fields["fee_is_gift"],
        brand_controls_content=fields["brand_controls_content"],
        brand=None if brand is None else Brand(brand[0], tuple(brand[1])),
        brief=BriefRequirements(tuple(hashtags), tuple(mentions), tuple(links), tuple(forbidden)),
        in_video_disclosure_confirmed=fields["in_video_disclosure_confirmed"],
    )


def finding_json(finding: Finding, rules: dict[str, list[str]]) -> list[Any]:
    """The finding with its rule's id; the rule's title and source go to `rules` (one entry per rule)."""
    span = finding.span
    rule = finding.rule
    rules[rule.id] = [rule.title, rule.source]
    return [
        finding.code,
        finding.severity.value,
        rule.id,
        finding.message,
        None if span is None else [span.start, span.end],
        None if finding.market is None else finding.market.value,
    ]


def detection_json(detection: Detection) -> list[Any]:
    evidence = [[e.kind, e.written, None if e.span is None else [e.span.start, e.span.end]] for e in detection.evidence]
    return [
        detection.sponsored,
        detection.confidence,
        detection.basis.value,
        detection.reason,
        detection.brand,
        evidence,
    ]


# What a case's outputs are made by: the library's functions, or another implementation's of the same shape.
Implementation = dict[str, Callable[..., Any]]
LIBRARY: Implementation = {
    "caption": Caption,
    "check": check,
    "compare": compare,
    "detect": detect_sponsorship,
    "index": BrandIndex,
}


def outcome(
    text: str,
    context: CheckContext | None,
    approved: str | None,
    brands: Any,
    rules: dict[str, list[str]],
    implementation: Implementation = LIBRARY,
) -> dict[str, Any]:
    """What the implementation finds for one case (each call on fresh captions, as callers make them)."""
    make = implementation["caption"]
    found: dict[str, Any] = {}
    if context is not None:
        found["findings"] = [finding_json(f, rules) for f in implementation["check"](make(text), context).findings]
    if approved is not None and context is not None:
        changes = implementation["compare"](make(approved), make(text), context)
        found["changes"] = [finding_json(f, rules) for f in changes]
    if brands is not None:
        detection = implementation["detect"](make(text), platform_label=False, known_brands=brands)
        found["detection"] = detection_json(detection)
    return found


def brands_json(brands: list[Brand]) -> list[list[Any]]:
    return [[brand.name, list(brand.handles)] for brand in brands]


def brands_from(data: list[list[Any]]) -> list[Brand]:
    return [Brand(name, tuple(handles)) for name, handles in data]


def generate(implementation: Implementation = LIBRARY) -> dict[str, Any]:
    brand_sets: list[list[list[Any]]] = []
    indexes: list[Any] = []
    contexts: dict[str, int] = {}
    numbers: dict[str, int] = {"": -1}
    rules: dict[str, list[str]] = {}
    rows = []
    for name, text, context, approved, brands in cases():
        row: dict[str, Any] = {"set": name, "text": text}
        index = None
        if brands is not None:
            key = brands_json(brands)
            if key not in brand_sets:
                brand_sets.append(key)
                indexes.append(implementation["index"](brands))
            row["brands"] = brand_sets.index(key)
            index = indexes[row["brands"]]
        if context is not None:
            row["context"] = contexts.setdefault(json.dumps(context_json(context)), len(contexts))
        if approved is not None:
            row["approved"] = numbers[approved]  # the case with that text ("" for none)
        numbers.setdefault(text, len(rows))
        row.update(outcome(text, context, approved, index, rules, implementation))
        rows.append(row)
    return {
        "rules": dict(sorted(rules.items())),
        "brand_sets": brand_sets,
        "contexts": [json.loads(context) for context in contexts],
        "cases": rows,
    }


def write(golden: dict[str, Any], path: Path = GOLDEN) -> None:
    raw = json.dumps(golden, ensure_ascii=False, separators=(",", ":")).encode()
    path.write_bytes(lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME))


def read(path: Path = GOLDEN) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(lzma.decompress(path.read_bytes()))
    return loaded


if __name__ == "__main__":
    write(generate())
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size} bytes)", file=sys.stderr)
