"""Events produced by content (topic content.events, key = campaign id, tenant = the brand's org).

Every event is about one deliverable: one unit of a deliverable line of a signed partnership's
terms (a line of `count` 3 makes three deliverables).
"""

from datetime import date, datetime
from uuid import UUID

from pydantic import Field

from contracts.events.base import EventData
from contracts.money import Money
from contracts.vocabulary import AmplificationKind

PLATFORMS = "instagram, tiktok, youtube or x"


class DeliverableEvent(EventData):
    deliverable_id: UUID
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID


class SubmissionEvent(DeliverableEvent):
    submission_id: UUID
    version: int = Field(ge=1, description="The deliverable's draft version this is about (1, 2, ...)")


class ContentSubmitted(SubmissionEvent):
    """The creator submitted a version of a deliverable; its compliance check is stored with it."""

    event_type = "content.submitted"
    producer = "content"

    platform: str = Field(default="", description=PLATFORMS)
    format: str = Field(default="", description="post, carousel, reel, story, video, short or live")
    blocking_findings: int = Field(default=0, ge=0, description="Compliance findings that block approval")


class ContentApproved(SubmissionEvent):
    """The brand approved a version (with `override_reason` when it had blocking findings)."""

    event_type = "content.approved"
    producer = "content"

    override_reason: str | None = None


class ContentChangesRequested(SubmissionEvent):
    event_type = "content.changes_requested"
    producer = "content"

    comments: int = Field(default=0, ge=0, description="How many review comments came with the request")


class ContentPublished(DeliverableEvent):
    """A deliverable went live: what metrics needs to register the post (one event per post; a
    post recorded twice is told once)."""

    event_type = "content.published"
    producer = "content"

    post_id: UUID = Field(description="Content's id of the live post")
    platform: str = Field(description=PLATFORMS)
    url: str = Field(description="The post's URL, normalised for its platform")
    external_id: str = Field(default="", description="The platform's own id of the post (shortcode, video id)")
    published_at: datetime
    format: str = Field(default="", description="post, carousel, reel, story, video, short or live")
    submission_id: UUID | None = Field(default=None, description="The approved version that went live")


class ContentAmplificationRequested(DeliverableEvent):
    """The brand asks to boost or repost a published deliverable: partnerships funds the spend from
    the campaign budget (`amplification.funded`) or refuses it (`amplification.refused`)."""

    event_type = "content.amplification_requested"
    producer = "content"

    amplification_id: UUID
    kind: AmplificationKind
    platform: str = Field(description=PLATFORMS)
    spend: Money
    starts_on: date
    ends_on: date


class ContentAmplified(DeliverableEvent):
    """An amplification was funded: its spend is committed from the campaign budget (metrics counts
    it as the deliverable's paid cost)."""

    event_type = "content.amplified"
    producer = "content"

    amplification_id: UUID
    post_id: UUID | None = None
    kind: AmplificationKind
    platform: str = Field(default="", description=PLATFORMS)
    spend: Money = Field(description="The committed spend, in the campaign's currency")
    starts_on: date | None = None
    ends_on: date | None = None


class ContentOverdue(DeliverableEvent):
    """A deliverable's due date passed before it was published (told once per deliverable)."""

    event_type = "content.overdue"
    producer = "content"

    due_on: date
    state: str = Field(description="The deliverable's state when it was found overdue")


EVENTS: tuple[type[EventData], ...] = (
    ContentSubmitted,
    ContentApproved,
    ContentChangesRequested,
    ContentPublished,
    ContentAmplificationRequested,
    ContentAmplified,
    ContentOverdue,
)
