"""A giveaway's terms and an affiliate's commission, in the ways captions state them (English and German)."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance import Caption, CheckContext, Collaboration, Platform, check
from compliance.collaboration import WAYS, names_commission

AFFILIATE = CheckContext(platform=Platform.INSTAGRAM, collaboration=Collaboration.AFFILIATE)
GIVEAWAY = CheckContext(platform=Platform.INSTAGRAM, collaboration=Collaboration.GIVEAWAY)
TERMS = (
    "giveaway.no_entry_method",
    "giveaway.no_end_date",
    "giveaway.no_eligibility",
    "giveaway.no_platform_disclaimer",
)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("I earn a commission if you buy through my link", True),
        ("Commissions earned", True),
        ("As an Amazon Associate I earn from qualifying purchases", True),
        ("We may get a small cut from sales made through these links", True),
        ("Ich erhalte eine Provision, wenn ihr über den Link kauft", True),
        ("*Provisionslink", True),
        ("Wir verdienen bei einem Kauf einen kleinen Anteil", True),
        ("#affiliate link in bio", False),
        ("Affiliate-Link unten", False),
        ("I earn nothing from this", False),
        ("#commission", False),
    ],
)
def test_an_affiliate_post_names_the_commission(text: str, named: bool) -> None:
    assert names_commission(Caption(text).prose) is named
    assert ("affiliate.commission_undisclosed" in check(Caption("#ad " + text), AFFILIATE).codes()) is not named


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("How to enter: like this post", TERMS[1:]),
        ("Folge @lavazza und markiere zwei Freunde", TERMS[1:]),
        ("Comment below", TERMS[1:]),
        ("Closes Friday at midnight", (TERMS[0], TERMS[2], TERMS[3])),
        ("Endet am 31.05.", (TERMS[0], TERMS[2], TERMS[3])),
        ("Winner picked on 3rd June", (TERMS[0], TERMS[2], TERMS[3])),
        ("Ends soon", TERMS),
        ("Open to UK residents", (TERMS[0], TERMS[1], TERMS[3])),
        ("Teilnahme ab 18 Jahren", (TERMS[1], TERMS[3])),
        ("Not affiliated with TikTok", TERMS[:3]),
        ("Instagram steht in keiner Verbindung zum Gewinnspiel", TERMS[:3]),
        ("I love Instagram, not sponsored", TERMS),
        ("#comment #ends #tomorrow #worldwide", TERMS),
    ],
)
def test_a_giveaway_states_its_terms(text: str, missing: tuple[str, ...]) -> None:
    codes = check(Caption("#ad " + text), GIVEAWAY).codes()
    assert tuple(c for c in codes if c.startswith("giveaway.")) == missing


@pytest.mark.parametrize(("words", "pattern"), [(words, pattern) for _, words, pattern in WAYS])
def test_whatever_states_a_giveaway_term_holds_one_of_its_words(
    words: tuple[str, ...], pattern: re.Pattern[str]
) -> None:
    """A caption without any of a way's words skips its pattern: each statement must hold one."""

    @settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def holds_a_word(text: str) -> None:
        match = pattern.search(text)
        assert match is not None
        assert any(word in match.group() for word in words), match.group()

    holds_a_word()
