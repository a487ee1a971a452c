"""A deliverable's versions and their review: every version is kept with the compliance findings
it was checked with, the brief version it followed and, once reviewed, the decision and comments."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from compliance import Finding, Format, Platform, Severity
from servicekit.errors import InvalidField

# The platforms whose rules the compliance check knows; content reviews posts on these.
PLATFORMS = tuple(p.value for p in Platform)
FORMATS = tuple(f.value for f in Format)
VIDEO_FORMATS = frozenset({Format.REEL, Format.STORY, Format.VIDEO, Format.SHORT, Format.LIVE})
MAX_MEDIA = 20  # Instagram's carousel takes 20; more is never one post


class SubmissionStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    SUPERSEDED = "superseded"  # the deliverable was cancelled while this waited for review


class Decision(StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"


@dataclass(frozen=True)
class MediaRef:
    """An uploaded medium of the deliverable, or media the creator hosts elsewhere (a URL)."""

    media_id: UUID | None = None
    url: str | None = None


@dataclass(frozen=True)
class Comment:
    id: UUID
    body: str
    author_id: UUID | None
    created_at: datetime
    span: tuple[int, int] | None = None  # [start, end) of the caption, in code points
    at_seconds: float | None = None  # a moment of the video


@dataclass(frozen=True)
class Review:
    decision: Decision
    reviewer_id: UUID | None
    reviewed_at: datetime
    comments: tuple[Comment, ...] = ()
    override_reason: str | None = None
    overridden: tuple[str, ...] = ()  # codes of the blocking findings the override set aside


@dataclass
class Submission:
    id: UUID
    tenant_id: UUID
    deliverable_id: UUID
    version: int
    caption: str
    platform: str
    format: str
    media: tuple[MediaRef, ...]
    brief_version: int
    submitted_at: datetime
    submitted_by: UUID | None
    findings: tuple[Finding, ...]
    checked_at: datetime
    in_video_disclosure_confirmed: bool = False
    status: SubmissionStatus = SubmissionStatus.SUBMITTED
    review: Review | None = None
    notes: str | None = None
    comments: list[Comment] = field(default_factory=list)

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.BLOCKING)

    @property
    def is_video(self) -> bool:
        return Format(self.format) in VIDEO_FORMATS


def check_comment(submission: Submission, comment: Comment, index: int) -> None:
    """A comment's span lies within the caption; a time only on a video."""
    where = f"body.comments.{index}"
    if comment.span is not None:
        start, end = comment.span
        if not 0 <= start < end <= len(submission.caption):
            raise InvalidField(
                f"{where}.span", f"must lie within the caption (0 to {len(submission.caption)}), start before end"
            )
    if comment.at_seconds is not None and not submission.is_video:
        raise InvalidField(f"{where}.at_seconds", f"a time applies to video formats, not a {submission.format}")


def check_override(submission: Submission, override_reason: str | None) -> tuple[str, ...]:
    """Approving a version with blocking findings needs a reason; returns the codes it sets aside."""
    codes = tuple(dict.fromkeys(f.code for f in submission.blocking))
    if codes and not (override_reason and override_reason.strip()):
        raise InvalidField(
            "body.override_reason",
            f"required to approve a version with blocking findings ({', '.join(codes)})",
        )
    return codes if override_reason and override_reason.strip() else ()
