"""Sponsored-post detection for discovery: the platform's label, else a disclosure, else a brand with cues."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import Basis, Brand, BrandIndex, Caption, detect_sponsorship
from compliance.detection import _DENIAL_PHRASES, COMMERCIAL_CUES, CUE_WORDS, DENIAL_WORDS, _denial, cues_in

BRANDS = [Brand("Nike", ("@nike",)), Brand("Ben & Jerry's", ("@benandjerrys",)), Brand("Glossier", ("@glossier",))]


@pytest.mark.parametrize(
    ("caption", "basis", "sponsored", "brand", "evidence"),
    [
        ("Morning run", Basis.NOTHING, False, None, []),
        ("#ad Morning run with @nike", Basis.DISCLOSURE, True, None, ["#ad"]),
        ("Werbung | Laufen mit @nike", Basis.DISCLOSURE, True, None, ["Werbung"]),
        ("#NikePartner morning run", Basis.DISCLOSURE, True, None, ["#NikePartner"]),
        ("Paid partnership with Nike", Basis.DISCLOSURE, True, None, ["Paid partnership with"]),
        ("So good #gifted by @glossier", Basis.DISCLOSURE, True, None, ["#gifted"]),
        ("New @nike trainers! Use my code RUN20 for 20% off", Basis.BRAND_WITH_CUES, True, "Nike", None),
        ("Obsessed with Ben & Jerry's, link in bio", Basis.BRAND_WITH_CUES, True, "Ben & Jerry's", None),
        ("#spon new trainers from @nike", Basis.BRAND_WITH_CUES, True, "Nike", ["@nike", "#spon"]),
        ("#spon new trainers", Basis.VAGUE_LABEL, True, None, ["#spon"]),
        ("Use my code RUN20 at checkout", Basis.CUES_WITHOUT_BRAND, False, None, None),
        ("Shop it: https://amzn.to/3xYz", Basis.CUES_WITHOUT_BRAND, False, None, ["https://amzn.to/3xYz"]),
        ("Just bought new @nike trainers", Basis.BRAND_WITHOUT_CUES, False, "Nike", ["@nike"]),
        ("Not sponsored, I just love @nike, link in bio", Basis.SAYS_NOT_SPONSORED, False, None, None),
        ("#notsponsored love my @glossier stuff", Basis.SAYS_NOT_SPONSORED, False, None, None),
        ("I saw an ad for @nike", Basis.BRAND_WITHOUT_CUES, False, "Nike", ["@nike"]),
        ("#adidas run today", Basis.NOTHING, False, None, []),
    ],
)
def test_detection(caption: str, basis: Basis, sponsored: bool, brand: str | None, evidence: list[str] | None) -> None:
    found = detect_sponsorship(Caption(caption), platform_label=False, known_brands=BRANDS)
    assert (found.basis, found.sponsored, found.brand) == (basis, sponsored, brand)
    assert found.reason
    assert 0 <= found.confidence <= 1
    if evidence is not None:
        assert [e.written for e in found.evidence] == evidence
    for item in found.evidence:
        assert item.span is None or caption[item.span.start : item.span.end] == item.written


def test_the_platform_label_wins_over_everything() -> None:
    found = detect_sponsorship("#notsponsored just love it", platform_label=True, known_brands=BRANDS)
    assert (found.basis, found.sponsored, found.confidence) == (Basis.PLATFORM_LABEL, True, 0.99)


def test_confidence_ranks_the_evidence() -> None:
    def confidence(caption: str, label: bool = False) -> float:
        found: float = detect_sponsorship(caption, platform_label=label, known_brands=BRANDS).confidence
        return found

    assert (
        confidence("x", label=True)
        > confidence("#ad x")
        > confidence("#gifted x")
        > confidence("@nike use my code RUN20, link in bio, partnered with them")
        > confidence("@nike use my code RUN20")
        > confidence("use my code RUN20")
        > confidence("@nike")
        > confidence("x")
    )


def test_the_same_labels_as_the_compliance_check() -> None:
    # "#ad" must not match "#adidas": the rule is the check's, not a second copy of it.
    assert detect_sponsorship("#adidas", platform_label=False).basis is Basis.NOTHING
    assert detect_sponsorship("＃ＡＤ", platform_label=False).basis is Basis.DISCLOSURE


def test_a_brand_index_is_built_once_for_many_captions() -> None:
    index = BrandIndex(BRANDS)
    captions = ["@nike code RUN20", "#glossier link in bio", "nothing here"]
    answers = [detect_sponsorship(c, platform_label=False, known_brands=index) for c in captions]
    assert [a.brand for a in answers] == ["Nike", "Glossier", None]


@settings(max_examples=300, deadline=None)  # no timed assertion: the machine is shared
@given(st.data())
@pytest.mark.parametrize(("kind", "pattern"), COMMERCIAL_CUES)
def test_a_cue_is_looked_for_only_where_its_words_are(kind: str, pattern: re.Pattern[str], data: st.DataObject) -> None:
    # A caption holding none of a cue's words skips its pattern: the pattern cannot match there.
    # Texts the pattern matches, made by Hypothesis from the pattern itself.
    text = Caption(data.draw(st.from_regex(pattern))).folded.text
    if pattern.search(text) is not None:
        assert any(word in text for word in CUE_WORDS[kind]), text
        assert kind in [e.kind for e in cues_in(Caption(text))]


@settings(max_examples=500, deadline=None)  # no timed assertion: the machine is shared
@given(st.from_regex(_DENIAL_PHRASES))
def test_a_denial_is_looked_for_only_where_its_words_are(written: str) -> None:
    text = Caption(written).folded.text
    if _DENIAL_PHRASES.search(text) is not None:
        assert any(word in text for word in DENIAL_WORDS), text
        assert _denial(Caption(written)) is not None
