"""Sponsored-post detection on a table of captions and labels (domain/sponsorship.py)."""

import pytest

from discovery.domain.post_rows import mentions_in
from discovery.domain.posts import SponsorSignal
from discovery.domain.sponsorship import detect

CASES = [
    # caption, paid-partnership label, sponsor tags, past sponsors -> sponsored, signal, brands
    ("Sunset with friends", True, (), (), True, SponsorSignal.PAID_PARTNERSHIP_LABEL, ()),
    ("Sunset with @acme", True, ("acme",), (), True, SponsorSignal.PAID_PARTNERSHIP_LABEL, ("acme",)),
    ("Sunset with friends", None, ("glossier",), (), True, SponsorSignal.SPONSOR_TAG, ("glossier",)),
    ("New drop from @nike #ad", False, (), (), True, SponsorSignal.DISCLOSURE, ("nike",)),
    ("Paid partnership with @hellofresh", None, (), (), True, SponsorSignal.DISCLOSURE, ("hellofresh",)),
    ("Anzeige | mein Lieblingsshampoo von @balea", None, (), (), True, SponsorSignal.DISCLOSURE, ("balea",)),
    ("Loving @gymshark, use code LENA20 for 20% off, link in bio", None, (), (), True,
     SponsorSignal.BRAND_WITH_CUES, ("gymshark",)),
    ("My Oatly latte, code LENA10 at checkout", None, (), ("Oatly",), True, SponsorSignal.BRAND_WITH_CUES,
     ("oatly",)),
    ("Use code SAVE10, link in bio", None, (), (), False, SponsorSignal.NONE, ()),
    ("Lovely morning with @nike shoes", None, (), (), False, SponsorSignal.NONE, ()),
    ("Not sponsored, I just love @nike, link in bio", None, (), (), False, SponsorSignal.NONE, ()),
    ("Sunset #travel", False, (), (), False, SponsorSignal.NONE, ()),
    (None, None, (), (), False, SponsorSignal.NONE, ()),
]  # fmt: skip


@pytest.mark.parametrize(("caption", "label", "tags", "past", "sponsored", "signal", "brands"), CASES)
def test_a_post_is_sponsored_on_its_strongest_signal_with_a_reason(
    caption: str | None,
    label: bool | None,
    tags: tuple[str, ...],
    past: tuple[str, ...],
    sponsored: bool,
    signal: SponsorSignal,
    brands: tuple[str, ...],
) -> None:
    found = detect(
        caption, paid_partnership=label, sponsor_tags=tags, mentions=mentions_in(caption), past_sponsors=past
    )
    assert (found.sponsored, found.signal, found.brands) == (sponsored, signal, brands)
    assert found.reason


def test_the_reason_says_what_was_read() -> None:
    assert detect("Sunset", paid_partnership=True).reason == "the platform's paid-partnership label is on the post"
    assert "#ad" in detect("Hi #ad", paid_partnership=None).reason
    assert "discount_code" in detect("@acme code X10", paid_partnership=None, mentions=["acme"]).reason
