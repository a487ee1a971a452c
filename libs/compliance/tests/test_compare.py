"""The live caption against the approved one: only the differences that matter are findings."""

from compliance import Brand, BriefRequirements, Caption, CheckContext, Market, Platform, Severity, Span, compare

CONTEXT = CheckContext(
    platform=Platform.INSTAGRAM,
    markets=(Market.US, Market.UK),
    brand=Brand("Nike", ("@nike",)),
    brief=BriefRequirements(required_hashtags=("#NikeRun",), required_links=("nike.com/spring",)),
)
APPROVED = "#ad Spring running season with @nike #nikerun https://nike.com/spring?c=ig"
PADDING = " and I cannot stop talking about how good the cushioning feels on long runs. " * 2


def codes(approved: str, live: str, context: CheckContext = CONTEXT) -> list[tuple[str, Market | None, Span | None]]:
    return [(f.code, f.market, f.span) for f in compare(Caption(approved), Caption(live), context)]


def test_the_same_caption_or_small_edits_are_no_finding() -> None:
    assert codes(APPROVED, APPROVED) == []
    assert codes(APPROVED, APPROVED.replace("Spring", "spring") + " 🏃") == []
    assert codes(APPROVED, "#AD Spring runing season with @nike #nikerun https://nike.com/spring?c=ig") == []


def test_a_removed_disclosure_is_blocking_in_every_market() -> None:
    live = APPROVED.removeprefix("#ad ")
    found = compare(APPROVED, live, CONTEXT)
    assert [(f.code, f.market, f.span) for f in found] == [
        ("live.disclosure_removed", Market.US, Span(0, len(live))),
        ("live.disclosure_removed", Market.UK, Span(0, len(live))),
    ]
    assert all(f.severity is Severity.BLOCKING for f in found)


def test_a_disclosure_moved_below_the_fold_or_into_the_hashtags() -> None:
    live = APPROVED.removeprefix("#ad ") + PADDING + " #ad"
    assert codes(APPROVED, live)[:2] == [
        ("live.disclosure_moved", Market.US, Span(len(live) - 3, len(live))),
        ("live.disclosure_moved", Market.UK, Span(len(live) - 3, len(live))),
    ]
    buried = APPROVED.removeprefix("#ad ").replace(" https://nike.com/spring?c=ig", "")
    buried = "https://nike.com/spring?c=ig " + buried + " #run #fit #ad #gym"
    found = codes(APPROVED, buried)
    assert ("live.disclosure_moved", Market.US, Span(buried.index("#ad"), buried.index("#ad") + 3)) in found


def test_dropped_required_hashtag_brand_mention_and_link() -> None:
    live = "#ad Spring running season, love it"
    assert codes(APPROVED, live) == [
        ("live.hashtag_removed", None, Span(0, len(live))),
        ("live.mention_removed", None, Span(0, len(live))),
        ("live.link_removed", None, Span(0, len(live))),
    ]


def test_a_swapped_link_is_one_removed_and_one_added() -> None:
    live = APPROVED.replace("https://nike.com/spring?c=ig", "https://amzn.to/3xYz")
    found = compare(APPROVED, live, CONTEXT)
    assert [(f.code, f.severity) for f in found] == [
        ("live.link_removed", Severity.BLOCKING),
        ("live.link_added", Severity.WARNING),
    ]
    assert found[1].span == Span(live.index("https://amzn.to"), len(live))


def test_rewritten_text_is_a_warning_pointing_at_the_change() -> None:
    live = "#ad These shoes cured my knee pain in a week with @nike #nikerun https://nike.com/spring?c=ig"
    found = compare(APPROVED, live, CONTEXT)
    assert [(f.code, f.severity) for f in found] == [("live.text_changed", Severity.WARNING)]
    span = found[0].span
    assert span is not None
    assert live[span.start : span.end] == "These shoes cured my knee pain in a week"


def test_nothing_to_keep_when_the_approved_caption_had_no_disclosure() -> None:
    # Approved with an override: the live check reports the missing disclosure, compare has nothing to add.
    assert codes("Spring running with @nike #nikerun", "Spring running with @nike #nikerun") == []
