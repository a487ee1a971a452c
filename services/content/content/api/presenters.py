"""Domain objects as the API shows them."""

from datetime import date, datetime

from compliance import Finding, Severity
from content.api.amplification_schemas import AmplificationPublic, AssetPublic, UsageRightsPublic
from content.api.brief_schemas import effective_public
from content.api.deliverable_schemas import (
    CommentPublic,
    ComplianceReport,
    ComplianceSummary,
    DeliverableDetail,
    DeliverablePublic,
    FindingPublic,
    MediaItemPublic,
    MediaPublic,
    PostPublic,
    ReviewPublic,
    SpanPublic,
    SubmissionPublic,
)
from content.application.deliverables import DeliverableView
from content.domain.access import Caller
from content.domain.amplifications import Amplification
from content.domain.assets import Asset
from content.domain.compliance_check import finding_document
from content.domain.deliverables import Deliverable, allowed_actions
from content.domain.media import Media
from content.domain.posts import Post
from content.domain.submissions import MediaRef, Submission
from contracts import Party


def finding_public(finding: Finding) -> FindingPublic:
    return FindingPublic.model_validate(finding_document(finding))


def _media(refs: tuple[MediaRef, ...]) -> list[MediaItemPublic]:
    return [MediaItemPublic(media_id=r.media_id) if r.media_id else MediaItemPublic(url=r.url) for r in refs]


def submission_public(s: Submission) -> SubmissionPublic:
    review = None
    if s.review is not None:
        review = ReviewPublic(
            decision=s.review.decision,
            reviewer_id=s.review.reviewer_id,
            reviewed_at=s.review.reviewed_at,
            comments=[
                CommentPublic(
                    id=c.id,
                    body=c.body,
                    span=SpanPublic(start=c.span[0], end=c.span[1]) if c.span else None,
                    at_seconds=c.at_seconds,
                    author_id=c.author_id,
                    created_at=c.created_at,
                )
                for c in s.review.comments
            ],
            override_reason=s.review.override_reason,
            overridden=list(s.review.overridden),
        )
    return SubmissionPublic(
        id=s.id,
        deliverable_id=s.deliverable_id,
        version=s.version,
        status=s.status,
        caption=s.caption,
        platform=s.platform,
        format=s.format,
        media=_media(s.media),
        notes=s.notes,
        brief_version=s.brief_version,
        submitted_at=s.submitted_at,
        submitted_by=s.submitted_by,
        compliance=ComplianceSummary(
            blocking=len(s.blocking),
            warnings=sum(1 for f in s.findings if f.severity is Severity.WARNING),
            checked_at=s.checked_at,
        ),
        review=review,
    )


def compliance_report(s: Submission) -> ComplianceReport:
    return ComplianceReport(
        submission_id=s.id,
        version=s.version,
        checked_at=s.checked_at,
        brief_version=s.brief_version,
        in_video_disclosure_confirmed=s.in_video_disclosure_confirmed,
        blocking=bool(s.blocking),
        findings=[finding_public(f) for f in s.findings],
        override_reason=s.review.override_reason if s.review else None,
    )


def post_public(p: Post) -> PostPublic:
    return PostPublic(
        id=p.id,
        deliverable_id=p.deliverable_id,
        platform=p.platform,
        url=p.url,
        external_id=p.external_id,
        published_at=p.published_at,
        recorded_at=p.recorded_at,
        source=p.source,
        live_caption=p.live_caption,
        findings=[finding_public(f) for f in p.findings],
    )


def _party(caller: Caller, d: Deliverable) -> Party:
    return Party.BRAND if caller.reads_as_brand and caller.tenant_id == d.tenant_id else Party.CREATOR


def deliverable_fields(d: Deliverable, party: Party, today: date) -> dict[str, object]:
    return {
        "id": d.id,
        "campaign_id": d.campaign_id,
        "partnership_id": d.partnership_id,
        "influencer_id": d.influencer_id,
        "type": d.type,
        "platform": d.platform,
        "due_on": d.due_on,
        "overdue": d.is_overdue(today),
        "state": d.state,
        "allowed_actions": allowed_actions(d.state, party),
        "collaboration_type": d.collaboration_type.value,
        "versions": d.submissions,
        "current_submission_id": d.current_submission_id,
        "approved_submission_id": d.approved_submission_id,
        "scheduled_for": d.scheduled_for,
        "post_id": d.post_id,
        "published_at": d.published_at,
        "cancelled_reason": d.cancelled_reason,
        "created_at": d.created_at,
        "updated_at": d.updated_at,
    }


def deliverable_public(d: Deliverable, caller: Caller, today: date) -> DeliverablePublic:
    return DeliverablePublic.model_validate(deliverable_fields(d, _party(caller, d), today))


def deliverable_detail(view: DeliverableView) -> DeliverableDetail:
    return DeliverableDetail.model_validate(
        {
            **deliverable_fields(view.deliverable, view.party, view.today),
            "brief": effective_public(view.brief),
            "current_submission": submission_public(view.current) if view.current else None,
            "post": post_public(view.post) if view.post else None,
        }
    )


def media_public(m: Media) -> MediaPublic:
    return MediaPublic(
        id=m.id,
        deliverable_id=m.deliverable_id,
        content_type=m.content_type,
        kind=m.kind.value,
        size=m.size,
        sha256=m.sha256,
        uploaded_at=m.uploaded_at,
        uploaded_by=m.uploaded_by,
    )


def amplification_public(a: Amplification, today: date) -> AmplificationPublic:
    return AmplificationPublic(
        id=a.id,
        deliverable_id=a.deliverable_id,
        campaign_id=a.campaign_id,
        post_id=a.post_id,
        kind=a.kind,
        platform=a.platform,
        spend=a.spend,
        starts_on=a.starts_on,
        ends_on=a.ends_on,
        state=a.state(today),
        requested_at=a.requested_at,
        requested_by=a.requested_by,
        decided_at=a.decided_at,
        refusal_reason=a.refusal_reason,
    )


def asset_public(a: Asset, now: datetime) -> AssetPublic:
    rights = a.usage_rights
    return AssetPublic(
        id=a.id,
        deliverable_id=a.deliverable_id,
        campaign_id=a.campaign_id,
        partnership_id=a.partnership_id,
        influencer_id=a.influencer_id,
        submission_id=a.submission_id,
        caption=a.caption,
        platform=a.platform,
        format=a.format,
        media=_media(a.media),
        post_url=a.post_url,
        usage_rights=UsageRightsPublic(channels=list(rights.channels), duration_days=rights.duration_days)
        if rights
        else None,
        rights_from=a.rights_from,
        expires_at=a.expires_at,
        status=a.status(now),
        approved_at=a.approved_at,
    )
