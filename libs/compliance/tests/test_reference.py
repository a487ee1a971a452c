"""The faster checks find exactly what the code before them found: same findings, spans, codes and messages.

tests/reference holds that code. Compared on the 10k captions of bench/compliance_checks.py (each with its own
context) and on generated text that folding, tokenising and X's count find hard.
"""

import importlib.util
import random
from dataclasses import astuple
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import (
    Brand,
    BrandIndex,
    BriefRequirements,
    Caption,
    CheckContext,
    Collaboration,
    Market,
    Platform,
    check,
    compare,
    detect_sponsorship,
)

from .reference import check as reference_check
from .reference import compare as reference_compare
from .reference import detection as reference_detection
from .reference import text as reference_text

BENCH = Path(__file__).resolve().parents[3] / "bench" / "compliance_checks.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compliance_checks_bench", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def detected(text: str, brands: Any, module: Any = None) -> tuple[Any, ...]:
    if module is None:
        return astuple(detect_sponsorship(Caption(text), platform_label=False, known_brands=brands))
    caption = reference_text.Caption(text)
    return astuple(module.detect_sponsorship(caption, platform_label=False, known_brands=brands))


def assert_same(text: str, context: CheckContext, approved: str | None = None) -> None:
    assert check(Caption(text), context) == reference_check.check(reference_text.Caption(text), context), text
    if approved is not None:
        before, after = reference_text.Caption(approved), reference_text.Caption(text)
        assert compare(Caption(approved), Caption(text), context) == reference_compare.compare(before, after, context)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_bench()


def test_the_benchmark_captions_get_the_same_findings(bench: ModuleType) -> None:
    rng = random.Random(7)
    work = [(bench.caption_text(rng), bench.context_for(rng)) for _ in range(10_000)]
    previous = ""
    for number, (text, context) in enumerate(work):
        assert_same(text, context, previous if number % 10 == 0 else None)
        previous = text


def test_the_benchmark_captions_get_the_same_detections(bench: ModuleType) -> None:
    rng = random.Random(11)
    index = BrandIndex(bench.BRANDS)
    reference_index = reference_detection.BrandIndex(bench.BRANDS)
    for _ in range(5_000):
        text = bench.caption_text(rng)
        assert detected(text, index) == detected(text, reference_index, reference_detection), text


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
]  # fmt: skip
pieces = st.one_of(st.sampled_from(PIECES), st.text(max_size=6))
captions = st.lists(pieces, max_size=40).map(lambda parts: "".join(parts))
contexts = st.builds(
    CheckContext,
    platform=st.sampled_from(list(Platform)),
    format=st.sampled_from(["post", "reel", "story", "video", "short", "live"]),
    markets=st.lists(st.sampled_from(list(Market)), min_size=1, max_size=3).map(tuple),
    collaboration=st.sampled_from(list(Collaboration)),
    fee_is_gift=st.booleans(),
    brand_controls_content=st.booleans(),
    brand=st.sampled_from([None, Brand("Nike", ("@nike",)), Brand("Ben & Jerry's", ("@benandjerrys",))]),
    brief=st.sampled_from(
        [
            BriefRequirements(),
            BriefRequirements(
                required_hashtags=("#NikeRun", "＃Straße"),
                required_mentions=("@nike",),
                required_links=("nike.com/sale", "https://glossier.com/spring"),
                forbidden_words=("cure", "best ever", "İstanbul"),
            ),
        ]
    ),
    in_video_disclosure_confirmed=st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(captions, contexts, captions)
def test_any_text_gets_the_same_findings(text: str, context: CheckContext, approved: str) -> None:
    assert_same(text, context, approved)
    brands = [Brand("Nike", ("@nike",)), Brand("Ben & Jerry's", ("@benandjerrys",)), Brand("Acme")]
    assert detected(text, brands) == detected(text, brands, reference_detection)
