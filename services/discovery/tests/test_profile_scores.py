"""Tiers, engagement rate and quality, authenticity, past performance: each rule on its own."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from discovery.domain.authenticity import assess
from discovery.domain.engagement import computed_engagement_rate, engagement_quality, engagement_rate
from discovery.domain.facts import FINGERPRINT_PARTS, ProfileFacts, Snapshot, fingerprint_parts, with_facts
from discovery.domain.figures import derive
from discovery.domain.performance import PerformanceRecord, performance_score, scope_of, summarize
from discovery.domain.profiles import Audience, Platform, RateCard, Tier, tier_for
from servicekit.errors import InvalidField

from .conftest import every_fact

T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("followers", "tier"),
    [
        (0, Tier.NANO),
        (9_999, Tier.NANO),
        (10_000, Tier.MICRO),
        (49_999, Tier.MICRO),
        (50_000, Tier.MID),
        (499_999, Tier.MID),
        (500_000, Tier.MACRO),
        (999_999, Tier.MACRO),
        (1_000_000, Tier.MEGA),
        (475_800_000, Tier.MEGA),
    ],
)
def test_tiers_by_followers(followers: int, tier: Tier) -> None:
    assert tier_for(followers) is tier


def _rate(followers: int, **averages: float | None) -> float | None:
    return engagement_rate(ProfileFacts(Platform.INSTAGRAM, "a", followers, **averages))[0]


def test_engagement_rate_is_likes_comments_and_shares_per_post_over_followers() -> None:
    assert _rate(10_000, avg_likes=300, avg_comments=20) == pytest.approx(0.032)
    assert _rate(10_000, avg_likes=300, avg_comments=20, avg_shares=80) == pytest.approx(0.04)
    assert _rate(10_000, avg_engagements=500) == pytest.approx(0.05)
    assert _rate(10_000, avg_likes=300, avg_engagements=500) == pytest.approx(0.03)


def test_zero_followers_or_no_figures_give_no_rate() -> None:
    assert _rate(0, avg_likes=300, avg_comments=20) is None
    assert computed_engagement_rate(0, 320) is None
    assert _rate(10_000) is None
    assert computed_engagement_rate(10_000, None) is None


def test_a_reported_rate_wins_over_the_computed_one() -> None:
    facts = ProfileFacts(Platform.INSTAGRAM, "a", 1_000, avg_likes=50, reported_engagement_rate=0.02)
    assert engagement_rate(facts) == (0.02, "reported")
    assert engagement_rate(facts.with_changes(reported_engagement_rate=None)) == (0.05, "computed")
    assert engagement_rate(ProfileFacts(Platform.INSTAGRAM, "a", 1_000)) == (None, None)


def test_engagement_quality_against_the_tier_benchmark() -> None:
    assert engagement_quality(0.012, Platform.INSTAGRAM, Tier.MEGA) == pytest.approx(0.5)
    assert engagement_quality(0.024, Platform.INSTAGRAM, Tier.MEGA) == pytest.approx(0.75)
    assert engagement_quality(0.012, Platform.INSTAGRAM, Tier.NANO) < 0.5
    assert engagement_quality(0.0, Platform.TIKTOK, Tier.MID) == 0.0


def test_an_unknown_engagement_rate_counts_as_typical() -> None:
    """Neutral: the quality of a rate at its platform and tier benchmark (the typical rate), not 0."""
    assert engagement_quality(None, Platform.TIKTOK, Tier.MID) == 0.5
    assert engagement_quality(0.055, Platform.TIKTOK, Tier.MID) == pytest.approx(0.5)


def _now(followers: int, **counts: float | int | None) -> Snapshot:
    return Snapshot(taken_at=T0 + timedelta(days=60), followers=followers, **counts)  # type: ignore[arg-type]


def codes(report: object) -> list[str]:
    return [r.code for r in report.reasons]  # type: ignore[attr-defined]


CLEAN = {"following": 400, "avg_likes": 550, "avg_comments": 50}


def _clean_history() -> list[Snapshot]:
    return [Snapshot(taken_at=T0 + timedelta(days=30), followers=19_500, avg_likes=540, avg_comments=49)]


def test_a_clean_profile_with_every_signal_assessed_scores_100() -> None:
    report = assess(
        platform=Platform.INSTAGRAM,
        tier=Tier.MICRO,
        engagement_rate=0.03,
        current=_now(20_000, **CLEAN),
        history=_clean_history(),
    )
    assert report.score == 100
    assert report.reasons == []
    assert report.not_assessed == []
    assert (report.coverage.assessed, report.coverage.of) == (4, 4)


def test_an_unassessed_signal_counts_as_neutral_not_as_clean() -> None:
    """Each of the four signals is worth 12.5 of the points above a neutral 50: a profile whose
    data shows nothing scores 50, not 100, and each signal that was checked and clean adds 12.5."""
    nothing = assess(platform=Platform.INSTAGRAM, tier=Tier.MICRO, engagement_rate=None, current=_now(20_000))
    assert nothing.score == 50
    assert nothing.reasons == []
    assert nothing.coverage.assessed == 0
    assert nothing.coverage.of == 4
    assert (
        set(nothing.coverage.missing)
        == set(nothing.not_assessed)
        == {
            "engagement_vs_benchmark",
            "follower_spikes",
            "following_ratio",
            "comment_to_like_ratio",
        }
    )
    only_rate = assess(platform=Platform.INSTAGRAM, tier=Tier.MICRO, engagement_rate=0.03, current=_now(20_000))
    assert only_rate.score == 63  # 62.5, rounded half up
    assert only_rate.coverage.assessed == 1
    three = assess(platform=Platform.INSTAGRAM, tier=Tier.MICRO, engagement_rate=0.03, current=_now(20_000, **CLEAN))
    assert three.score == 88
    assert three.not_assessed == ["follower_spikes"]


@pytest.mark.parametrize(
    ("facts", "rate"),
    [
        ({"following": 15_000}, None),  # mass following (-30)
        ({"following": 12_000}, None),  # high following ratio (-15), the mildest finding
        ({"avg_likes": 10_000, "avg_comments": 5}, None),  # few comments for likes (-15)
        ({}, 0.010),  # engagement below its benchmark (-15)
    ],
)
def test_a_signal_checked_and_found_bad_costs_more_than_not_knowing(facts: dict[str, int], rate: float | None) -> None:
    unknown = assess(platform=Platform.INSTAGRAM, tier=Tier.MICRO, engagement_rate=None, current=_now(20_000))
    flagged = assess(platform=Platform.INSTAGRAM, tier=Tier.MICRO, engagement_rate=rate, current=_now(20_000, **facts))
    assert flagged.reasons
    assert flagged.score < unknown.score
    assert flagged.coverage.assessed == 1


def test_a_snapshot_of_the_current_state_itself_is_no_history() -> None:
    """The stored snapshot of a write has the current counts at the current time: no pair of
    observations, so follower spikes stay unassessed."""
    same = Snapshot(taken_at=T0 + timedelta(days=60), followers=20_000, **CLEAN)
    report = assess(
        platform=Platform.INSTAGRAM,
        tier=Tier.MICRO,
        engagement_rate=0.03,
        current=_now(20_000, **CLEAN),
        history=[same],
    )
    assert report.not_assessed == ["follower_spikes"]


@pytest.mark.parametrize(
    ("rate", "code", "penalty"),
    [
        (0.002, "engagement_far_below_benchmark", 30),
        (0.010, "engagement_below_benchmark", 15),
        (0.15, "engagement_above_benchmark", 20),
        (0.40, "engagement_far_above_benchmark", 35),
    ],
)
def test_engagement_far_from_its_benchmark_costs_points(rate: float, code: str, penalty: int) -> None:
    report = assess(
        platform=Platform.INSTAGRAM,
        tier=Tier.MICRO,
        engagement_rate=rate,
        current=_now(20_000, **CLEAN),
        history=_clean_history(),
    )
    assert codes(report) == [code]
    assert report.score == 100 - penalty
    assert "3.00%" in report.reasons[0].detail


def test_follower_spike_without_engagement_growth_costs_points() -> None:
    before = Snapshot(taken_at=T0, followers=20_000, avg_likes=600, avg_comments=30)
    spike = Snapshot(taken_at=T0 + timedelta(days=10), followers=32_000, avg_likes=610, avg_comments=30)
    report = assess(
        platform=Platform.INSTAGRAM,
        tier=Tier.MICRO,
        engagement_rate=0.02,
        current=_now(33_000, following=300, avg_likes=620, avg_comments=31),
        history=[spike, before],
    )
    assert codes(report) == ["follower_spike"]
    assert "60%" in report.reasons[0].detail
    assert report.score == 80


def test_growth_that_engagement_follows_is_no_spike() -> None:
    before = Snapshot(taken_at=T0, followers=20_000, avg_likes=600, avg_comments=30)
    grown = Snapshot(taken_at=T0 + timedelta(days=20), followers=30_000, avg_likes=900, avg_comments=45)
    report = assess(platform=Platform.INSTAGRAM, tier=Tier.MICRO, engagement_rate=0.03, current=grown, history=[before])
    assert "follower_spike" not in codes(report)


def test_spikes_are_capped() -> None:
    history = [Snapshot(taken_at=T0 + timedelta(days=10 * i), followers=10_000 * 2**i, avg_likes=300) for i in range(5)]
    report = assess(
        platform=Platform.INSTAGRAM, tier=Tier.MID, engagement_rate=0.02, current=history[-1], history=history[:-1]
    )
    assert sum(r.penalty for r in report.reasons if r.code == "follower_spike") == 40


@pytest.mark.parametrize(
    ("following", "followers", "code"),
    [(15_000, 12_000, "mass_following"), (7_000, 12_000, "high_following_ratio"), (900, 1_000, None)],
)
def test_following_ratio_of_mass_following(following: int, followers: int, code: str | None) -> None:
    report = assess(
        platform=Platform.INSTAGRAM,
        tier=tier_for(followers),
        engagement_rate=None,
        current=_now(followers, following=following),
    )
    assert codes(report) == ([code] if code else [])


@pytest.mark.parametrize(
    ("likes", "comments", "code"),
    [(10_000, 5, "few_comments_for_likes"), (1_000, 400, "many_comments_for_likes"), (1_000, 30, None)],
)
def test_comment_to_like_anomalies(likes: int, comments: int, code: str | None) -> None:
    report = assess(
        platform=Platform.INSTAGRAM,
        tier=Tier.MID,
        engagement_rate=None,
        current=_now(100_000, avg_likes=likes, avg_comments=comments),
    )
    assert codes(report) == ([code] if code else [])


def test_the_score_never_goes_below_zero() -> None:
    history = [
        Snapshot(taken_at=T0, followers=10_000, avg_likes=100, avg_comments=0),
        Snapshot(taken_at=T0 + timedelta(days=5), followers=20_000, avg_likes=100, avg_comments=0),
    ]
    current = Snapshot(
        taken_at=T0 + timedelta(days=10), followers=40_000, following=50_000, avg_likes=110, avg_comments=0
    )
    report = assess(platform=Platform.INSTAGRAM, tier=Tier.MICRO, engagement_rate=0.5, current=current, history=history)
    assert sum(r.penalty for r in report.reasons) > 100
    assert report.score == 0


def test_audience_shares_are_validated_per_dimension() -> None:
    Audience(ages={"18-24": 0.6, "25-34": 0.4}, countries={"US": 0.5})
    with pytest.raises(InvalidField) as too_much:
        Audience(ages={"18-24": 0.7, "25-34": 0.4})
    assert too_much.value.field == "audience.ages"
    with pytest.raises(InvalidField) as bucket:
        Audience(ages={"18-21": 0.1})
    assert bucket.value.field == "audience.ages.18-21"
    with pytest.raises(InvalidField) as share:
        Audience(genders={"female": 1.5})
    assert share.value.field == "audience.genders.female"
    with pytest.raises(InvalidField) as code:
        Audience(countries={"usa": 0.1})
    assert code.value.field == "audience.countries.usa"
    with pytest.raises(InvalidField) as not_a_number:
        Audience(countries={"US": float("nan")})
    assert not_a_number.value.field == "audience.countries.US"
    with pytest.raises(InvalidField, match="between 0 and 1"):
        Audience(genders={"female": "0.5"})  # type: ignore[dict-item]


def test_rate_card_reference_price_is_a_post_else_the_cheapest() -> None:
    assert RateCard("USD", {"post": 900, "story": 300}).reference_price == 900
    assert RateCard("USD", {"video": 5_000, "story": 300}).reference_price == 300
    with pytest.raises(InvalidField) as bad:
        RateCard("USD", {"billboard": 1})
    assert bad.value.field == "rate_card.billboard"


def test_derived_figures_follow_the_facts() -> None:
    facts = ProfileFacts(Platform.TIKTOK, "x", 60_000, avg_likes=3_000, avg_comments=300, following=200)
    figures = derive(facts, history=[], performance_score=None, at=T0)
    assert figures.tier is Tier.MID
    assert figures.engagement_rate == pytest.approx(0.055)
    assert figures.engagement_quality == pytest.approx(0.5)
    assert figures.authenticity.score == 88  # 87.5: follower spikes need history
    # prior = (0.20·0.5 + 0.15·0.88 + 0.10·0.5) / 0.45
    assert figures.prior_score == pytest.approx(0.282 / 0.45)
    assert figures.snapshot.followers == 60_000


def _record(scope: str, **fields: object) -> PerformanceRecord:
    values: dict[str, object] = {
        "posts": 0,
        "impressions": 0,
        "engagements": 0,
        "clicks": 0,
        "conversions": 0,
        "engagement_rate": None,
        "roi": None,
    }
    values.update(fields)
    return PerformanceRecord(
        influencer_id=uuid4(),
        scope=scope,
        tenant_id=None,
        measured_at=T0,
        **values,  # type: ignore[arg-type]
    )


def test_past_performance_is_neutral_until_measured() -> None:
    assert summarize([], Platform.INSTAGRAM).score is None
    assert performance_score(posts=10, engagement_rate=None, roi=None, platform=Platform.INSTAGRAM) == 0.5


def test_past_performance_from_engagement_and_roi() -> None:
    # Instagram mid benchmark is 2 %: twice it scores 1; ROI 2 scores 1.
    assert performance_score(posts=10, engagement_rate=0.04, roi=2.0, platform=Platform.INSTAGRAM) == 1.0
    assert performance_score(posts=10, engagement_rate=0.02, roi=0.0, platform=Platform.INSTAGRAM) == 0.5
    assert performance_score(posts=10, engagement_rate=0.0, roi=-2.0, platform=Platform.INSTAGRAM) == 0.0


def test_an_unmeasured_part_of_past_performance_counts_as_neutral() -> None:
    """ROI unknown (no costs or conversions tracked) counts as break-even, not as good as the
    engagement part: a profile whose ROI was measured and good ranks above it."""
    engagement_only = performance_score(posts=10, engagement_rate=0.04, roi=None, platform=Platform.INSTAGRAM)
    assert engagement_only == pytest.approx(0.75)
    both = performance_score(posts=10, engagement_rate=0.04, roi=2.0, platform=Platform.INSTAGRAM)
    losing = performance_score(posts=10, engagement_rate=0.04, roi=-2.0, platform=Platform.INSTAGRAM)
    assert both > engagement_only > losing


def test_few_measured_posts_count_less() -> None:
    one = performance_score(posts=1, engagement_rate=0.04, roi=2.0, platform=Platform.INSTAGRAM)
    assert one == pytest.approx(0.5 + 0.5 / 5)


def test_scopes_add_up() -> None:
    summary = summarize(
        [
            _record("partnership:a", posts=3, impressions=10_000, engagements=400, roi=1.0),
            _record("partnership:b", posts=2, impressions=10_000, engagements=200, roi=3.0),
        ],
        Platform.INSTAGRAM,
    )
    assert summary.posts == 5
    assert summary.engagement_rate == pytest.approx(0.03)
    assert summary.roi == pytest.approx((3 * 1.0 + 2 * 3.0) / 5)
    assert summary.score is not None
    assert summary.score > 0.5


def test_scope_names() -> None:
    p, c = uuid4(), uuid4()
    assert scope_of(p, c) == f"partnership:{p}"
    assert scope_of(None, c) == f"campaign:{c}"
    assert scope_of(None, None) == "influencer"


def test_replacing_every_fact_of_a_fingerprint_gives_the_fingerprint_of_the_new_facts() -> None:
    before = ProfileFacts(Platform.INSTAGRAM, "old", 10)
    after = every_fact()
    names = [name for name in FINGERPRINT_PARTS if "." not in name]
    assert with_facts(fingerprint_parts(before), after, names) == fingerprint_parts(after)
    for name in names:  # each fact lands in its own place only
        one = with_facts(fingerprint_parts(before), after, [name])
        assert one != fingerprint_parts(before), name
