"""Drafts and review: the creator submits versions, each checked for compliance and kept; the
brand approves one (an override reason where it has blocking findings) or asks for changes."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID, uuid4

from content.application.deliverables import brief_of, locked
from content.application.ports import UnitOfWork
from content.domain.access import Caller, party_for
from content.domain.assets import Asset, asset_id
from content.domain.briefs import effective_brief
from content.domain.compliance_check import context_for, findings_of
from content.domain.deliverables import Action, Deliverable
from content.domain.submissions import (
    Comment,
    Decision,
    MediaRef,
    Review,
    Submission,
    SubmissionStatus,
    check_comment,
    check_override,
)
from contracts.events.content import ContentApproved, ContentChangesRequested, ContentSubmitted
from servicekit.errors import Conflict, InvalidField, NotFound


@dataclass(frozen=True)
class Draft:
    caption: str
    platform: str
    format: str
    media: tuple[MediaRef, ...] = ()
    notes: str | None = None


def _fields(deliverable: Deliverable, submission: Submission) -> dict[str, object]:
    return {
        "deliverable_id": deliverable.id,
        "partnership_id": deliverable.partnership_id,
        "campaign_id": deliverable.campaign_id,
        "influencer_id": deliverable.influencer_id,
        "submission_id": submission.id,
        "version": submission.version,
    }


async def _check_media(uow: UnitOfWork, deliverable: Deliverable, media: tuple[MediaRef, ...]) -> None:
    for index, ref in enumerate(media):
        if ref.media_id is None:
            continue
        found = await uow.media.get(ref.media_id)
        if found is None or found.deliverable_id != deliverable.id:
            raise InvalidField(f"body.media.{index}.media_id", "no medium uploaded to this deliverable has this id")


async def submit(uow: UnitOfWork, caller: Caller, deliverable_id: UUID, draft: Draft, now: datetime) -> Submission:
    deliverable, party, brand = await locked(uow, caller, deliverable_id)
    deliverable.apply(Action.SUBMIT, party, now)
    if draft.platform != deliverable.platform:
        raise InvalidField("body.platform", f"this deliverable is for {deliverable.platform}")
    await _check_media(uow, deliverable, draft.media)
    brief = await brief_of(uow, deliverable)
    findings = findings_of(draft.caption, context_for(deliverable, brief.content, draft.platform, draft.format, False))
    submission = Submission(
        id=uuid4(),
        tenant_id=deliverable.tenant_id,
        deliverable_id=deliverable.id,
        version=deliverable.submissions + 1,
        caption=draft.caption,
        platform=draft.platform,
        format=draft.format,
        media=draft.media,
        brief_version=brief.version,
        submitted_at=now,
        submitted_by=caller.user_id,
        findings=findings,
        checked_at=now,
        notes=draft.notes,
    )
    await uow.submissions.add(submission)
    deliverable.submissions = submission.version
    deliverable.current_submission_id = submission.id
    await uow.deliverables.save(deliverable)
    await brand.events.record(
        ContentSubmitted(
            **_fields(deliverable, submission),
            platform=submission.platform,
            format=submission.format,
            blocking_findings=len(submission.blocking),
        ),
        subject=submission.id,
        key=deliverable.campaign_id,
    )
    return submission


@dataclass(frozen=True)
class ReviewRequest:
    decision: Decision
    comments: tuple[Comment, ...] = ()
    override_reason: str | None = None
    confirm_in_video_disclosure: bool = False


async def review(
    uow: UnitOfWork, caller: Caller, submission_id: UUID, request: ReviewRequest, now: datetime
) -> Submission:
    found = await uow.submissions.get(submission_id)
    if found is None:
        raise NotFound("submission", submission_id)
    deliverable, party, brand = await locked(uow, caller, found.deliverable_id)
    action = Action.APPROVE if request.decision is Decision.APPROVED else Action.REQUEST_CHANGES
    deliverable.apply(action, party, now)
    submission = await uow.submissions.get(submission_id)
    assert submission is not None
    if deliverable.current_submission_id != submission.id or submission.status is not SubmissionStatus.SUBMITTED:
        raise Conflict(
            f"version {submission.version} is not the one waiting for review",
            current_submission_id=str(deliverable.current_submission_id),
        )
    for index, comment in enumerate(request.comments):
        check_comment(submission, comment, index)
    if request.confirm_in_video_disclosure:
        if not submission.is_video:
            raise InvalidField("body.confirm_in_video_disclosure", f"a {submission.format} is no video")
        submission = await _recheck_confirmed(brand, deliverable, submission, now)
    overridden: tuple[str, ...] = ()
    if request.decision is Decision.APPROVED:
        overridden = check_override(submission, request.override_reason)
    submission.review = Review(
        decision=request.decision,
        reviewer_id=caller.user_id,
        reviewed_at=now,
        comments=request.comments,
        override_reason=request.override_reason if overridden else None,
        overridden=overridden,
    )
    submission.status = SubmissionStatus(request.decision.value)
    await uow.submissions.save(submission)
    fields = _fields(deliverable, submission)
    if request.decision is Decision.APPROVED:
        deliverable.approved_submission_id = submission.id
        await _add_asset(uow, deliverable, submission, now)
        event: ContentApproved | ContentChangesRequested = ContentApproved(
            **fields, override_reason=submission.review.override_reason
        )
    else:
        event = ContentChangesRequested(**fields, comments=len(request.comments))
    await uow.deliverables.save(deliverable)
    await brand.events.record(event, subject=submission.id, key=deliverable.campaign_id)
    return submission


async def _recheck_confirmed(
    brand: UnitOfWork, deliverable: Deliverable, submission: Submission, now: datetime
) -> Submission:
    """The reviewer saw the disclosure said and shown in the video: checked again with that."""
    pinned = await brand.briefs.version(deliverable.campaign_id, submission.brief_version)
    brief = effective_brief(pinned, deliverable.brief_overrides)
    context = context_for(deliverable, brief.content, submission.platform, submission.format, True)
    return replace(
        submission,
        findings=findings_of(submission.caption, context),
        checked_at=now,
        in_video_disclosure_confirmed=True,
    )


async def _add_asset(uow: UnitOfWork, deliverable: Deliverable, submission: Submission, now: datetime) -> None:
    await uow.assets.add(
        Asset(
            id=asset_id(deliverable.id),
            tenant_id=deliverable.tenant_id,
            deliverable_id=deliverable.id,
            campaign_id=deliverable.campaign_id,
            partnership_id=deliverable.partnership_id,
            influencer_id=deliverable.influencer_id,
            submission_id=submission.id,
            caption=submission.caption,
            platform=submission.platform,
            format=submission.format,
            media=submission.media,
            usage_rights=deliverable.usage_rights,
            approved_at=now,
            rights_from=now,
        )
    )


async def get_submission(uow: UnitOfWork, caller: Caller, submission_id: UUID) -> Submission:
    submission = await uow.submissions.get(submission_id)
    if submission is None:
        raise NotFound("submission", submission_id)
    deliverable = await uow.deliverables.get(submission.deliverable_id)
    assert deliverable is not None
    party_for(caller, deliverable.tenant_id, deliverable.influencer_id, "submission", submission_id)
    return submission


async def list_submissions(
    uow: UnitOfWork, caller: Caller, deliverable_id: UUID, *, limit: int, after: int | None
) -> Sequence[Submission]:
    deliverable = await uow.deliverables.get(deliverable_id)
    if deliverable is None:
        raise NotFound("deliverable", deliverable_id)
    party_for(caller, deliverable.tenant_id, deliverable.influencer_id, "deliverable", deliverable_id)
    return await uow.submissions.of_deliverable(deliverable_id, limit=limit, after=after)
