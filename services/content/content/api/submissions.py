"""Versions of a deliverable, their compliance check and their review."""

from uuid import UUID, uuid4

from fastapi import APIRouter, status

from content.api.deliverable_schemas import (
    ApproveBody,
    CommentIn,
    ComplianceReport,
    RequestChangesBody,
    SubmissionBody,
    SubmissionPublic,
)
from content.api.dependencies import CallerDep, Now, UnitOfWorkDep
from content.api.presenters import compliance_report, submission_public
from content.application import submissions
from content.application.submissions import Draft, ReviewRequest
from content.domain.submissions import Comment, Decision, MediaRef
from servicekit.pagination import Page, Pagination, bad_cursor, encode_cursor

router = APIRouter(prefix="/api/v1", tags=["submissions"])


@router.post("/deliverables/{deliverable_id}/submissions", status_code=status.HTTP_201_CREATED)
async def submit_version(
    deliverable_id: UUID, body: SubmissionBody, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> SubmissionPublic:
    """Creator: submit a version (caption, media) for review; it is checked for compliance."""
    draft = Draft(
        caption=body.caption,
        platform=body.platform,
        format=body.format,
        media=tuple(MediaRef(media_id=m.media_id, url=m.url) for m in body.media),
        notes=body.notes,
    )
    return submission_public(await submissions.submit(uow, caller, deliverable_id, draft, now))


@router.get("/deliverables/{deliverable_id}/submissions")
async def list_versions(
    deliverable_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, page: Pagination
) -> Page[SubmissionPublic]:
    """Every version of the deliverable, newest first."""
    after = None
    if page.after:
        if len(page.after) != 1 or not isinstance(page.after[0], int):
            raise bad_cursor()
        after = page.after[0]
    found = await submissions.list_submissions(uow, caller, deliverable_id, limit=page.limit + 1, after=after)
    shown = list(found[: page.limit])
    next_cursor = encode_cursor([shown[-1].version]) if len(found) > page.limit else None
    return Page(items=[submission_public(s) for s in shown], next_cursor=next_cursor)


@router.get("/submissions/{submission_id}")
async def get_version(submission_id: UUID, uow: UnitOfWorkDep, caller: CallerDep) -> SubmissionPublic:
    """One version with its review."""
    return submission_public(await submissions.get_submission(uow, caller, submission_id))


@router.get("/submissions/{submission_id}/compliance")
async def get_compliance(submission_id: UUID, uow: UnitOfWorkDep, caller: CallerDep) -> ComplianceReport:
    """The version's compliance check: each finding with its code, severity, rule and caption span."""
    return compliance_report(await submissions.get_submission(uow, caller, submission_id))


def _comments(given: list[CommentIn], caller: CallerDep, now: Now) -> tuple[Comment, ...]:
    return tuple(
        Comment(
            id=uuid4(),
            body=c.body,
            author_id=caller.user_id,
            created_at=now,
            span=(c.span.start, c.span.end) if c.span else None,
            at_seconds=c.at_seconds,
        )
        for c in given
    )


@router.post("/submissions/{submission_id}/approve")
async def approve_version(
    submission_id: UUID, body: ApproveBody, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> SubmissionPublic:
    """Brand: approve the version (an override reason when it has blocking findings)."""
    request = ReviewRequest(
        decision=Decision.APPROVED,
        comments=_comments(body.comments, caller, now),
        override_reason=body.override_reason,
        confirm_in_video_disclosure=body.confirm_in_video_disclosure,
    )
    return submission_public(await submissions.review(uow, caller, submission_id, request, now))


@router.post("/submissions/{submission_id}/request-changes")
async def request_changes(
    submission_id: UUID, body: RequestChangesBody, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> SubmissionPublic:
    """Brand: ask for changes, with comments (on a span of the caption or a moment of the video)."""
    request = ReviewRequest(decision=Decision.CHANGES_REQUESTED, comments=_comments(body.comments, caller, now))
    return submission_public(await submissions.review(uow, caller, submission_id, request, now))
