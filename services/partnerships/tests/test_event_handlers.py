"""Which events partnerships consumes, and what it refuses outright (to the dead-letter topic)."""

import uuid

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import new_event
from contracts.events.content import ContentApproved
from contracts.events.discovery import ShortlistAdded
from partnerships.adapters.event_handlers import event_handlers
from partnerships.adapters.tables import messaging
from servicekit.consumer import PermanentFailure
from servicekit.outbox import Outbox

HANDLERS = event_handlers(Outbox(messaging.outbox, source="partnerships", topic="partnerships.events"))


def test_it_consumes_the_shortlist_profile_and_contents_milestone_events() -> None:
    assert HANDLERS.event_types == {
        "shortlist.added",
        "shortlist.removed",
        "influencer.profiles.changed",
        "content.approved",
        "content.published",
    }
    assert HANDLERS.topics() == ["content.events", "discovery.events"]


@pytest.mark.parametrize(
    "data",
    [
        ContentApproved(
            deliverable_id=uuid.uuid4(),
            partnership_id=uuid.uuid4(),
            campaign_id=uuid.uuid4(),
            influencer_id=uuid.uuid4(),
            submission_id=uuid.uuid4(),
            version=1,
        ),
        ShortlistAdded(campaign_id=uuid.uuid4(), influencer_id=uuid.uuid4(), platform="tiktok", handle="@x"),
    ],
)
async def test_an_event_without_its_tenant_is_a_permanent_failure(data: ContentApproved | ShortlistAdded) -> None:
    envelope = new_event(data, source="elsewhere", tenant_id=None, subject=uuid.uuid4())
    handler = HANDLERS.get(envelope.type)
    assert handler is not None
    session: AsyncSession = None  # type: ignore[assignment]  # refused before any database work
    with pytest.raises(PermanentFailure, match="no tenant_id"):
        await handler(session, envelope, data)
