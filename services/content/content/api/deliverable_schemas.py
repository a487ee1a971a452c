"""Deliverables, their versions, review, compliance findings, media and live posts on the wire."""

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, Field, model_validator

from content.api.brief_schemas import EffectiveBriefPublic
from content.domain.deliverables import Action, DeliverableState
from content.domain.submissions import Decision, SubmissionStatus
from servicekit.schemas import CONTROL_CHARACTERS, RequestModel, Text, one_of_required, raise_for

PlatformName = Literal["instagram", "tiktok", "youtube", "x"]
FormatName = Literal["post", "carousel", "reel", "story", "video", "short", "live"]
MAX_CAPTION = 10_000  # beyond every platform's limit, so the check can say by how much


class MediaItemIn(RequestModel):
    """An uploaded medium of this deliverable (`media_id`), or one hosted elsewhere (`url`)."""

    model_config = {"json_schema_extra": one_of_required("media_id", "url")}

    media_id: UUID | None = None
    url: Annotated[str, Field(max_length=1000, pattern=rf"^https://[^\s{CONTROL_CHARACTERS}]+$")] | None = None

    @model_validator(mode="after")
    def _one(self) -> "MediaItemIn":
        if (self.media_id is None) == (self.url is None):
            raise_for([("", "exactly one of media_id and url")])
        return self


class SubmissionBody(RequestModel):
    caption: Text = Field(max_length=MAX_CAPTION, description="The caption or description as it will be posted")
    platform: PlatformName = Field(description="The deliverable's platform")
    format: FormatName
    media: list[MediaItemIn] = Field(default=[], max_length=20)
    notes: Text | None = Field(default=None, max_length=2000, description="A word to the reviewer")


class SpanIn(RequestModel):
    start: int = Field(ge=0, le=MAX_CAPTION)
    end: int = Field(ge=1, le=MAX_CAPTION)


class CommentIn(RequestModel):
    body: Text = Field(min_length=1, max_length=2000)
    span: SpanIn | None = Field(default=None, description="The part of the caption it is about, [start, end)")
    at_seconds: float | None = Field(default=None, ge=0, le=86_400, description="The moment of the video")


class ApproveBody(RequestModel):
    comments: list[CommentIn] = Field(default=[], max_length=50)
    override_reason: Text | None = Field(
        default=None, max_length=1000, description="Required when the version has blocking findings"
    )
    confirm_in_video_disclosure: bool = Field(
        default=False, description="The reviewer saw the disclosure said and shown in the video"
    )


class RequestChangesBody(RequestModel):
    comments: list[CommentIn] = Field(min_length=1, max_length=50)


class ScheduleBody(RequestModel):
    scheduled_for: datetime = Field(description="When the approved version goes live")


class PublishBody(RequestModel):
    url: str = Field(
        min_length=8,
        max_length=1000,
        pattern=rf"^https?://[^\s{CONTROL_CHARACTERS}]+$",
        description="The live post's link",
    )
    published_at: datetime | None = Field(default=None, description="When it went live (default: now)")
    caption: Text | None = Field(
        default=None, max_length=MAX_CAPTION, description="The caption as it is live: checked against the approved"
    )


class SpanPublic(BaseModel):
    start: int
    end: int


class RulePublic(BaseModel):
    id: str
    title: str
    source: str


class FindingPublic(BaseModel):
    code: str
    severity: Literal["blocking", "warning", "info"]
    rule: RulePublic
    message: str
    span: SpanPublic | None = Field(description="Where in the caption, [start, end) in code points")
    market: str | None


class CommentPublic(BaseModel):
    id: UUID
    body: str
    span: SpanPublic | None
    at_seconds: float | None
    author_id: UUID | None
    created_at: datetime


class ReviewPublic(BaseModel):
    decision: Decision
    reviewer_id: UUID | None
    reviewed_at: datetime
    comments: list[CommentPublic]
    override_reason: str | None = Field(description="Why it was approved despite blocking findings")
    overridden: list[str] = Field(description="Codes of the blocking findings the override set aside")


class MediaItemPublic(BaseModel):
    media_id: UUID | None = None
    url: str | None = None


class ComplianceSummary(BaseModel):
    blocking: int
    warnings: int
    checked_at: datetime


class SubmissionPublic(BaseModel):
    id: UUID
    deliverable_id: UUID
    version: int
    status: SubmissionStatus
    caption: str
    platform: str
    format: str
    media: list[MediaItemPublic]
    notes: str | None
    brief_version: int = Field(description="The campaign brief version it was checked against (0: none)")
    submitted_at: datetime
    submitted_by: UUID | None
    compliance: ComplianceSummary
    review: ReviewPublic | None


class ComplianceReport(BaseModel):
    submission_id: UUID
    version: int
    checked_at: datetime
    brief_version: int
    in_video_disclosure_confirmed: bool
    blocking: bool = Field(description="Approving needs an override reason")
    findings: list[FindingPublic]
    override_reason: str | None


class PostPublic(BaseModel):
    id: UUID
    deliverable_id: UUID
    platform: str
    url: str
    external_id: str
    published_at: datetime
    recorded_at: datetime
    source: str
    live_caption: str | None
    findings: list[FindingPublic] = Field(description="The live caption checked again and against the approved")


class DeliverablePublic(BaseModel):
    id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    type: str
    platform: str
    due_on: date | None
    overdue: bool = Field(description="The due date passed and it is not live")
    state: DeliverableState
    allowed_actions: list[Action] = Field(description="What the caller may do now")
    collaboration_type: str
    versions: int
    current_submission_id: UUID | None
    approved_submission_id: UUID | None
    scheduled_for: datetime | None
    post_id: UUID | None
    published_at: datetime | None
    cancelled_reason: str | None
    created_at: datetime
    updated_at: datetime


class DeliverableDetail(DeliverablePublic):
    brief: EffectiveBriefPublic
    current_submission: SubmissionPublic | None
    post: PostPublic | None


class MediaPublic(BaseModel):
    id: UUID
    deliverable_id: UUID
    content_type: str
    kind: Literal["image", "video"]
    size: int
    sha256: str
    uploaded_at: datetime
    uploaded_by: UUID | None
