"""The rules behind the numbers: platform metric names, bots and repeats, click ids, tracking-link
URLs, attribution windows and promo codes, orders and their adjustments, pacing."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from metrics.domain import clicks, conversions, insights, links, pacing
from metrics.domain.conversions import AttributionMethod, Entry, EntryKind, LinkOwner, OrderState
from servicekit.errors import Conflict, InvalidField

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
KEY = b"k" * 32


@pytest.mark.parametrize(
    ("platform", "sent", "expected"),
    [
        (
            "instagram",
            {"views": 10, "reach": 8, "saved": 3, "total_interactions": 20, "ig_reels_avg_watch_time": 4321.6},
            {"views": 10, "reach": 8, "saves": 3, "interactions": 20, "avg_watch_time_ms": 4322},
        ),
        ("instagram", {"impressions": 99}, {"impressions": 99}),
        (
            "youtube",
            {"views": 100, "estimatedMinutesWatched": 12.5, "averageViewDuration": 31, "likes": 4},
            {"views": 100, "watch_time_s": 750, "avg_watch_time_ms": 31_000, "likes": 4},
        ),
        (
            "tiktok",
            {"video_views": 5, "reach": 4, "shares": 1, "link_clicks": 2},
            {"views": 5, "reach": 4, "shares": 1, "link_clicks": 2},
        ),
        ("x", {"impressions": 7, "saves": 1}, {"impressions": 7, "saves": 1}),
    ],
)
def test_each_platform_speaks_its_own_names(platform: str, sent: dict, expected: dict) -> None:
    assert insights.map_metrics(platform, sent) == expected


@pytest.mark.parametrize(
    ("platform", "sent", "field"),
    [
        ("instagram", {"saves": 1}, "metrics.saves"),  # Instagram calls it `saved`
        ("tiktok", {"views": 1}, "metrics.views"),  # TikTok's is `video_views`
        ("youtube", {"likes": 1.5}, "metrics.likes"),
        ("youtube", {"likes": -1}, "metrics.likes"),
        ("instagram", {}, "metrics"),
    ],
)
def test_a_name_or_value_the_platform_does_not_have_is_named(platform: str, sent: dict, field: str) -> None:
    with pytest.raises(InvalidField) as refused:
        insights.map_metrics(platform, sent)
    assert refused.value.field == field


def test_the_latest_snapshot_per_metric_wins_whatever_the_order_they_came_in() -> None:
    late = insights.Snapshot(T0 + timedelta(hours=2), {"views": 300, "likes": 30})
    early = insights.Snapshot(T0, {"views": 100, "likes": 10, "reach": 90})
    tie = insights.Snapshot(T0 + timedelta(hours=2), {"views": 999})
    assert insights.latest_per_metric([late, early, tie]) == {
        "views": (300, late.observed_at),
        "likes": (30, late.observed_at),
        "reach": (90, early.observed_at),
    }
    assert insights.engagements_of({"likes": 5, "interactions": 50}) == 5
    assert insights.engagements_of({"interactions": 50}) == 50
    assert insights.engagements_of({"views": 1}) is None


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1",
            "mobile",
        ),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36", "mobile"),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1", "tablet"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", "desktop"),
        ("Googlebot/2.1 (+http://www.google.com/bot.html)", "bot"),
        ("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "bot"),
        ("curl/8.5.0", "bot"),
        ("", "bot"),
    ],
)
def test_user_agent_classes(user_agent: str, expected: str) -> None:
    assert clicks.ua_class(user_agent) == expected


def test_a_client_counts_once_per_link_in_30_minutes() -> None:
    assert clicks.counted(T0, None)
    assert not clicks.counted(T0 + timedelta(minutes=29, seconds=59), T0)
    assert clicks.counted(T0 + timedelta(minutes=30), T0)
    assert not clicks.counted(T0 - timedelta(minutes=10), T0)  # arrived out of order
    salt = b"s" * 16
    one = clicks.client_hash(salt, "203.0.113.9", "UA")
    assert one == clicks.client_hash(salt, "203.0.113.9", "UA") != clicks.client_hash(salt, "203.0.113.9", "UA2")
    assert one != clicks.client_hash(b"t" * 16, "203.0.113.9", "UA")
    assert b"203.0.113.9" not in one
    assert len(one) == 16


def test_click_buckets_are_quarter_hours() -> None:
    assert clicks.bucket_of(T0 + timedelta(minutes=44, seconds=59)) == T0 + timedelta(minutes=30)


def test_a_click_id_names_its_link_and_time_and_cannot_be_forged() -> None:
    link = uuid.uuid4()
    issued = clicks.issue_click_id(KEY, link, T0)
    assert clicks.read_click_id(KEY, issued) == clicks.ClickRef(link, T0)
    assert issued != clicks.issue_click_id(KEY, link, T0)  # two clicks, two ids
    assert clicks.read_click_id(b"x" * 32, issued) is None
    tampered = issued[:-3] + ("A" if issued[-3] != "A" else "B") + issued[-2:]
    assert clicks.read_click_id(KEY, tampered) is None
    for junk in ("", "abc", "%%%", "A" * 48):
        assert clicks.read_click_id(KEY, junk) is None


def test_a_link_sends_to_its_destination_with_utm_parameters() -> None:
    url = links.target_url(
        "https://shop.example/p/1?utm_source=newsletter&color=red#top",
        {"medium": "reel", "term": ""},
        campaign="spring-sale",
        content="d-1",
    )
    assert url == (
        "https://shop.example/p/1?utm_source=newsletter&color=red&utm_medium=reel"
        "&utm_campaign=spring-sale&utm_content=d-1#top"
    )
    assert links.with_click_id(url, "C1").endswith("&utm_content=d-1&click_id=C1#top")
    assert links.with_click_id("https://a.example", "C1") == "https://a.example?click_id=C1"
    assert links.slug("Spring Sale — 2026!") == "spring-sale-2026"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://shop.example/x",
        "/relative/path",
        "https://user:pw@shop.example/",
        "https:///nohost",
        "https://shop.example:99999/",
        "javascript:alert(1)",
        "https://shop.example/a b",
        "https://shop.example/" + "a" * 2_000,
    ],
)
def test_a_destination_must_be_a_plain_web_address(url: str) -> None:
    with pytest.raises(InvalidField) as refused:
        links.check_destination(url)
    assert refused.value.field == "destination_url"


def test_custom_codes() -> None:
    assert links.check_code("spring-26_A") == "spring-26_A"
    for bad in ("ab", "a/b", "x" * 65, "héllo"):
        with pytest.raises(InvalidField):
            links.check_code(bad)
    assert len(links.new_code()) == 7


OWNER = LinkOwner(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
PROMO = LinkOwner(None, uuid.uuid4(), uuid.uuid4(), uuid.uuid4())


def attribute(click_at: datetime | None, promo: LinkOwner | None = None, window: int | None = None):  # type: ignore[no-untyped-def]
    return conversions.attribute(
        ordered_at=T0,
        click_at=click_at,
        click_link=OWNER if click_at else None,
        click_problem=None,
        window_days=window,
        promo=promo,
        promo_problem=None,
    )


def test_a_click_within_the_window_wins_over_a_promo_code() -> None:
    by_click = attribute(T0 - timedelta(days=29, hours=23), PROMO)
    assert (by_click.method, by_click.partnership_id, by_click.link_id) == (
        AttributionMethod.CLICK,
        OWNER.partnership_id,
        OWNER.link_id,
    )
    assert attribute(T0 + timedelta(minutes=4)).method is AttributionMethod.CLICK  # clock skew


def test_a_click_outside_the_window_falls_to_the_promo_code_or_to_nobody() -> None:
    old = T0 - timedelta(days=30, minutes=1)
    by_promo = attribute(old, PROMO)
    assert (by_promo.method, by_promo.partnership_id) == (AttributionMethod.PROMO_CODE, PROMO.partnership_id)
    assert "30-day window" in (by_promo.reason or "")
    nobody = attribute(old)
    assert (nobody.method, nobody.partnership_id, nobody.attributed) == (AttributionMethod.NONE, None, False)
    assert attribute(old, window=45).method is AttributionMethod.CLICK  # the campaign's own window
    assert attribute(T0 - timedelta(days=8), window=7).method is AttributionMethod.NONE
    assert "later than the order" in (attribute(T0 + timedelta(hours=1)).reason or "")


def entry(kind: EntryKind, amount: int, adjustment: str | None = None) -> Entry:
    return Entry(uuid.uuid4(), uuid.uuid4(), kind, adjustment, amount, "EUR", T0)


def test_orders_repeat_or_conflict_and_adjustments_take_what_remains() -> None:
    order = entry(EntryKind.ORDER, 10_000)
    conversions.repeat_of_order(order, 10_000, "EUR", "order")  # the same order: fine
    for amount, currency in ((9_999, "EUR"), (10_000, "USD")):
        with pytest.raises(Conflict):
            conversions.repeat_of_order(order, amount, currency, "order")
    state = OrderState(order, (entry(EntryKind.REFUND, 2_500, "r1"),))
    assert (state.net_minor, state.counts) == (7_500, True)
    assert conversions.adjustment_amount(state, EntryKind.REFUND, 7_500, "EUR", "f") == 7_500
    with pytest.raises(Conflict):
        conversions.adjustment_amount(state, EntryKind.REFUND, 7_501, "EUR", "f")
    with pytest.raises(Conflict):
        conversions.adjustment_amount(state, EntryKind.REFUND, 1, "USD", "f")
    assert conversions.adjustment_amount(state, EntryKind.CANCELLATION, None, None, "f") == 7_500
    cancelled = OrderState(order, (*state.adjustments, entry(EntryKind.CANCELLATION, 7_500, "c1")))
    assert (cancelled.net_minor, cancelled.counts) == (0, False)
    with pytest.raises(Conflict):
        conversions.adjustment_amount(cancelled, EntryKind.REFUND, 1, None, "f")
    refunded = OrderState(order, (entry(EntryKind.REFUND, 10_000, "r"),))
    assert refunded.counts is False  # nothing left of it
    conversions.repeat_of_adjustment(state.adjustments[0], EntryKind.REFUND, 2_500, "f")
    with pytest.raises(Conflict):
        conversions.repeat_of_adjustment(state.adjustments[0], EntryKind.REFUND, 2_000, "f")


def test_pacing_against_the_budget_and_the_targets() -> None:
    paced = pacing.pace(
        budget_minor=100_000,
        cost_minor=60_000,
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 3, 10),
        today=date(2026, 3, 5),
        targets={"clicks": 1_000, "ctr": 0.02, "cpc": 50.0, "conversions": 10},
        actuals={"clicks": 600, "ctr": 0.01, "cpc": 100.0, "conversions": None},
    )
    assert (paced.elapsed_share, paced.budget_spent_share, paced.over_budget) == (0.5, 0.6, False)
    by_kpi = {t.kpi: t for t in paced.targets}
    assert (by_kpi["clicks"].expected_by_now, by_kpi["clicks"].on_track, by_kpi["clicks"].reached) == (500, True, False)
    assert (by_kpi["ctr"].on_track, by_kpi["cpc"].on_track, by_kpi["conversions"].on_track) == (False, False, None)
    assert pacing.is_reached("cpc", 49.0, 50.0)
    assert not pacing.is_reached("cpc", None, 50.0)
    assert pacing.is_reached("clicks", 1_000, 1_000)
    assert pacing.elapsed_share(None, None, date(2026, 3, 5)) is None
    assert pacing.elapsed_share(date(2026, 3, 1), date(2026, 3, 10), date(2026, 4, 1)) == 1.0
