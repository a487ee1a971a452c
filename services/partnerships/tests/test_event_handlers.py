"""Which events partnerships consumes, and what it refuses outright (to the dead-letter topic)."""

import uuid

import pytest

from contracts import new_event
from contracts.events.content import ContentApproved
from contracts.events.discovery import ShortlistAdded
from partnerships.adapters.event_handlers import handlers
from servicekit.handlers import PermanentFailure


def test_it_consumes_the_shortlist_profile_and_contents_milestone_and_amplification_events() -> None:
    assert handlers.event_types == {
        "shortlist.added",
        "shortlist.removed",
        "influencer.profiles.changed",
        "content.approved",
        "content.published",
        "content.amplification_requested",
        "metrics.conversion.attributed",
    }
    assert handlers.topics() == ["content.events", "discovery.events", "metrics.events"]


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
def test_an_event_without_its_tenant_is_a_permanent_failure(data: ContentApproved | ShortlistAdded) -> None:
    envelope = new_event(data, source="elsewhere", tenant_id=None, subject=uuid.uuid4())
    assert handlers.handles(envelope.type)
    with pytest.raises(PermanentFailure, match="no tenant_id"):  # refused before any database work
        handlers.prepare(envelope)
