"""Domain objects as the API shows them: each wire model read off the object of the same fields
(servicekit.presenters.present), given what the object does not hold."""

from collections.abc import Sequence
from typing import Any

from contracts import Money
from discovery.api.content_schemas import ContentQualityPublic, VoiceMatchPublic
from discovery.api.post_schemas import (
    CompetitorWorkPublic,
    InfluencerPostPublic,
    SponsoredHistoryPublic,
    SponsorshipPublic,
)
from discovery.api.schemas import (
    AuthenticityPublic,
    CellWarningPublic,
    ColumnChoicePublic,
    CoveragePublic,
    GrowthPublic,
    ImportJobPublic,
    ImportPreviewPublic,
    InfluencerDetail,
    InfluencerPublic,
    InfluencerSummary,
    NotePublic,
    PerformancePublic,
    RejectionPublic,
    ShortlistEntryPublic,
    SnapshotPublic,
)
from discovery.api.search_schemas import LookalikePublic, RankedHitPublic, ScorePart
from discovery.application.imports import ImportPreview
from discovery.application.influencers import ProfileDetail
from discovery.domain.authenticity import SIGNALS as AUTHENTICITY_SIGNALS
from discovery.domain.authenticity import AuthenticityReport
from discovery.domain.content_quality import StoredContentQuality
from discovery.domain.coverage import Coverage
from discovery.domain.engagement import benchmark
from discovery.domain.facts import Snapshot
from discovery.domain.imports import CellWarning, ImportJob, Rejection
from discovery.domain.lookalikes import Lookalike
from discovery.domain.notes import Note
from discovery.domain.posts import Post
from discovery.domain.profiles import SHARED_CATALOGUE, Influencer
from discovery.domain.ranking import RankedHit
from discovery.domain.search import Visibility
from discovery.domain.shortlists import ShortlistEntry
from discovery.domain.voice import VoiceMatch
from servicekit.presenters import present

# An import job shows its first rejections; the others are paged (GET .../rejections).
REJECTIONS_SHOWN = 1000
# And its first warnings (a file may warn of a cell on every row).
WARNINGS_SHOWN = 100
# A preview shows the first of each.
PREVIEW_SHOWN = 20


def _visibility(catalogue_id: object) -> Visibility:
    return Visibility.SHARED if catalogue_id == SHARED_CATALOGUE else Visibility.PRIVATE


def _figures(influencer: Influencer) -> dict[str, Any]:
    """What a summary shows besides the profile's facts."""
    card = influencer.facts.rate_card
    price = card.reference_price if card else None
    return {
        "id": influencer.id,
        "visibility": _visibility(influencer.catalogue_id),
        "tier": influencer.tier,
        "engagement_rate": influencer.engagement_rate,
        "authenticity_score": influencer.authenticity_score,
        "authenticity_coverage": Coverage.among(AUTHENTICITY_SIGNALS, influencer.authenticity_not_assessed),
        "price_per_post": Money(amount_minor=price, currency=card.currency) if card and price is not None else None,
    }


def _more_figures(influencer: Influencer) -> dict[str, Any]:
    """What a whole profile shows besides its facts."""
    facts = influencer.facts
    card = facts.rate_card
    return {
        **_figures(influencer),
        "engagement_rate_source": influencer.engagement_rate_source,
        "performance_score": influencer.performance_score,
        "rate_card": {k: Money(amount_minor=v, currency=card.currency) for k, v in card.prices.items()}
        if card
        else None,
        "contact": facts.contact.as_dict(),
        "created_at": influencer.created_at,
        "updated_at": influencer.updated_at,
    }


def summary(influencer: Influencer) -> InfluencerSummary:
    return present(InfluencerSummary, influencer.facts, **_figures(influencer))


def public(influencer: Influencer, tags: Sequence[str]) -> InfluencerPublic:
    return present(InfluencerPublic, influencer.facts, **_more_figures(influencer), tags=list(tags))


def detail(shown: ProfileDetail) -> InfluencerDetail:
    influencer, performance = shown.influencer, shown.performance
    return present(
        InfluencerDetail,
        influencer.facts,
        **_more_figures(influencer),
        tags=shown.tags,
        growth=GrowthPublic.model_validate(shown.growth, from_attributes=True),
        past_performance=present(PerformancePublic, performance, measured=performance.score is not None),
        recent_posts=[post(p) for p in shown.recent_posts],
        sponsored_history=SponsoredHistoryPublic.model_validate(shown.sponsored_history, from_attributes=True),
        competitors=None
        if shown.competitors is None
        else [CompetitorWorkPublic.model_validate(c, from_attributes=True) for c in shown.competitors],
        content_quality=None if shown.content_quality is None else content_quality(shown.content_quality),
    )


def post(p: Post) -> InfluencerPostPublic:
    return present(
        InfluencerPostPublic, p, sponsorship=SponsorshipPublic.model_validate(p.sponsorship, from_attributes=True)
    )


def content_quality(stored: StoredContentQuality) -> ContentQualityPublic:
    quality = stored.quality
    return present(ContentQualityPublic, quality, coverage=coverage(quality.coverage), assessed_at=stored.assessed_at)


def voice_match(influencer: Influencer, match: VoiceMatch) -> VoiceMatchPublic:
    return present(VoiceMatchPublic, match, influencer_id=influencer.id, explanation=match.explanation)


def snapshot(s: Snapshot) -> SnapshotPublic:
    return SnapshotPublic.model_validate(s, from_attributes=True)


def authenticity(influencer: Influencer, report: AuthenticityReport) -> AuthenticityPublic:
    return present(
        AuthenticityPublic,
        report,
        influencer_id=influencer.id,
        engagement_rate=influencer.engagement_rate,
        benchmark_engagement_rate=benchmark(influencer.facts.platform, influencer.tier),
    )


def coverage(c: Coverage) -> CoveragePublic:
    return CoveragePublic.model_validate(c, from_attributes=True)


def ranked_hit(hit: RankedHit, influencer: Influencer) -> RankedHitPublic:
    return RankedHitPublic(
        influencer=summary(influencer),
        score=round(hit.score, 6),
        parts={name: present(ScorePart, part, score=round(part.score, 6)) for name, part in hit.parts.items()},
    )


def lookalike(hit: Lookalike, influencer: Influencer) -> LookalikePublic:
    return LookalikePublic(
        influencer=summary(influencer),
        similarity=round(hit.similarity, 6),
        text_similarity=round(hit.text, 6),
        audience_similarity=None if hit.audience is None else round(hit.audience, 6),
    )


def note(n: Note) -> NotePublic:
    return NotePublic.model_validate(n, from_attributes=True)


def shortlist_entry(entry: ShortlistEntry, influencer: Influencer) -> ShortlistEntryPublic:
    return present(ShortlistEntryPublic, entry, influencer=summary(influencer))


def rejection(r: Rejection) -> RejectionPublic:
    return RejectionPublic.model_validate(r, from_attributes=True)


def import_job(
    job: ImportJob, rejections: Sequence[Rejection], warnings: Sequence[CellWarning] = ()
) -> ImportJobPublic:
    platform = job.options.get("platform")
    return present(
        ImportJobPublic,
        job,
        **vars(job.counts),
        state=job.state.value,
        visibility=_visibility(job.catalogue_id),
        platform=str(platform) if platform else None,
        rejected=[rejection(r) for r in rejections[:REJECTIONS_SHOWN]],
        rejected_truncated=len(rejections) > REJECTIONS_SHOWN,
        warned=[cell_warning(w) for w in warnings[:WARNINGS_SHOWN]],
    )


def cell_warning(w: CellWarning) -> CellWarningPublic:
    return CellWarningPublic.model_validate(w, from_attributes=True)


def import_preview(found: ImportPreview) -> ImportPreviewPublic:
    job = found.job
    platform = job.options.get("platform")
    return ImportPreviewPublic(
        **vars(found.counts),
        format=job.format,
        encoding=job.encoding,
        platform=str(platform) if platform else None,
        visibility=_visibility(job.catalogue_id),
        columns=[ColumnChoicePublic.model_validate(c, from_attributes=True) for c in found.choices],
        mapping=job.mapping,
        checks=found.checks,
        unmapped_columns=job.unmapped_columns,
        rejected=[rejection(r) for r in found.rejections],
        warned=[cell_warning(w) for w in found.warnings],
    )
