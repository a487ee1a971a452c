"""Domain objects as the API shows them."""

from collections.abc import Sequence
from datetime import timedelta

from contracts import Money
from discovery.api.schemas import (
    PUBLIC_NUMBERS,
    AudiencePublic,
    AuthenticityPublic,
    CoveragePublic,
    GrowthPublic,
    InfluencerDetail,
    InfluencerPublic,
    InfluencerSummary,
    PerformancePublic,
    ReasonPublic,
    SnapshotPublic,
)
from discovery.api.search_schemas import RankedHitPublic, ScorePart
from discovery.domain.authenticity import SIGNALS as AUTHENTICITY_SIGNALS
from discovery.domain.authenticity import AuthenticityReport
from discovery.domain.coverage import Coverage
from discovery.domain.engagement import benchmark
from discovery.domain.facts import Snapshot
from discovery.domain.figures import current_snapshot
from discovery.domain.performance import PerformanceSummary
from discovery.domain.profiles import Influencer
from discovery.domain.ranking import RankedHit
from discovery.domain.search import Visibility


def _visibility(influencer: Influencer) -> Visibility:
    return Visibility.SHARED if influencer.is_shared else Visibility.PRIVATE


def summary(influencer: Influencer) -> InfluencerSummary:
    facts = influencer.facts
    card = facts.rate_card
    price = card.reference_price if card else None
    return InfluencerSummary(
        id=influencer.id,
        visibility=_visibility(influencer),
        platform=facts.platform,
        handle=facts.handle,
        display_name=facts.display_name,
        country=facts.country,
        categories=list(facts.categories),
        followers=facts.followers,
        tier=influencer.tier,
        engagement_rate=influencer.engagement_rate,
        authenticity_score=influencer.authenticity_score,
        authenticity_coverage=coverage(Coverage.among(AUTHENTICITY_SIGNALS, influencer.authenticity_not_assessed)),
        price_per_post=Money(amount_minor=price, currency=card.currency) if card and price is not None else None,
    )


def public(influencer: Influencer, tags: Sequence[str]) -> InfluencerPublic:
    facts = influencer.facts
    card = facts.rate_card
    return InfluencerPublic(
        **summary(influencer).model_dump(),
        bio=facts.bio,
        language=facts.language,
        **{f.called: getattr(facts, f.name) for f in PUBLIC_NUMBERS},
        engagement_rate_source=influencer.engagement_rate_source,  # type: ignore[arg-type]
        performance_score=influencer.performance_score,
        audience=AudiencePublic(**facts.audience.as_dict()),
        rate_card={k: Money(amount_minor=v, currency=card.currency) for k, v in card.prices.items()} if card else None,
        past_sponsors=list(facts.past_sponsors),
        contact=facts.contact.as_dict(),
        tags=list(tags),
        last_refreshed_at=facts.last_refreshed_at,
        created_at=influencer.created_at,
        updated_at=influencer.updated_at,
    )


def growth(influencer: Influencer, snapshots: Sequence[Snapshot]) -> GrowthPublic:
    """Followers now against the last snapshot at least 30 days older than the newest."""
    ordered = sorted([*snapshots, current_snapshot(influencer)], key=lambda s: s.taken_at)
    if not ordered:
        return GrowthPublic(followers_change_30d=None, followers_growth_30d=None)
    latest = ordered[-1]
    earlier = [s for s in ordered if s.taken_at <= latest.taken_at - timedelta(days=30)]
    if not earlier:
        return GrowthPublic(followers_change_30d=None, followers_growth_30d=None)
    base = earlier[-1]
    change = influencer.facts.followers - base.followers
    return GrowthPublic(
        followers_change_30d=change, followers_growth_30d=change / base.followers if base.followers else None
    )


def detail(
    influencer: Influencer, tags: Sequence[str], snapshots: Sequence[Snapshot], performance: PerformanceSummary
) -> InfluencerDetail:
    return InfluencerDetail(
        **public(influencer, tags).model_dump(),
        growth=growth(influencer, snapshots),
        past_performance=PerformancePublic(
            measured=performance.score is not None, score=performance.score, posts=performance.posts
        ),
    )


def snapshot(s: Snapshot) -> SnapshotPublic:
    return SnapshotPublic.model_validate(s, from_attributes=True)


def coverage(c: Coverage) -> CoveragePublic:
    return CoveragePublic(assessed=c.assessed, of=c.of, missing=list(c.missing))


def authenticity(influencer: Influencer, report: AuthenticityReport) -> AuthenticityPublic:
    return AuthenticityPublic(
        influencer_id=influencer.id,
        score=report.score,
        reasons=[ReasonPublic(code=r.code, penalty=r.penalty, detail=r.detail) for r in report.reasons],
        not_assessed=report.not_assessed,
        coverage=coverage(report.coverage),
        engagement_rate=influencer.engagement_rate,
        benchmark_engagement_rate=benchmark(influencer.facts.platform, influencer.tier),
    )


def ranked_hit(hit: RankedHit, influencer: Influencer) -> RankedHitPublic:
    return RankedHitPublic(
        influencer=summary(influencer),
        score=round(hit.score, 6),
        parts={
            name: ScorePart(
                score=round(part.score, 6), weight=part.weight, detail=part.detail, coverage=coverage(part.coverage)
            )
            for name, part in hit.parts.items()
        },
    )
