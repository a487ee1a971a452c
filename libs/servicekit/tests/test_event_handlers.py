"""The handler registry: keyed by event class, each handler gets the decoded concrete event and a
unit of work scoped to the event's org; what can never be handled is refused outright."""

import uuid
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest
from pydantic import ValidationError

from contracts import Envelope, new_event
from contracts.events.content import ContentApproved, ContentPublished
from contracts.events.discovery import InfluencerProfile, InfluencerProfilesChanged
from contracts.events.partnerships import CampaignCompleted, CampaignCreated
from servicekit.handlers import NO_TENANT, EventHandlers, PermanentFailure, Received

SESSION, OUTBOX = object(), object()


@dataclass
class Work:
    """What a service's unit of work would be: here, what it was built with."""

    session: Any
    outbox: Any
    tenant_id: UUID


def registry() -> tuple[EventHandlers[Work], list[tuple[Work, Received[Any]]]]:
    handled: list[tuple[Work, Received[Any]]] = []
    handlers = EventHandlers(Work)

    @handlers.on(CampaignCreated)
    async def campaign_created(uow: Work, event: Received[CampaignCreated]) -> None:
        handled.append((uow, event))

    @handlers.on(ContentApproved, ContentPublished)
    async def content_progress(uow: Work, event: Received[ContentApproved | ContentPublished]) -> None:
        handled.append((uow, event))

    @handlers.on(InfluencerProfilesChanged, tenant_optional=True)
    async def profiles_changed(uow: Work, event: Received[InfluencerProfilesChanged]) -> None:
        handled.append((uow, event))

    return handlers, handled


def created(tenant_id: UUID | None) -> Envelope:
    data = CampaignCreated(campaign_id=uuid.uuid4(), name="Spring", objective="awareness")
    return new_event(data, source="partnerships", tenant_id=tenant_id, subject=data.campaign_id)


async def test_a_handler_gets_the_concrete_event_and_a_unit_of_work_of_its_org() -> None:
    handlers, handled = registry()
    tenant = uuid.uuid4()
    envelope = created(tenant)

    prepared = handlers.prepare(envelope)
    assert prepared is not None
    await prepared.run(SESSION, OUTBOX)  # type: ignore[arg-type]

    [(uow, event)] = handled
    assert (uow.session, uow.outbox, uow.tenant_id) == (SESSION, OUTBOX, tenant)
    assert type(event.data) is CampaignCreated
    assert event.data == CampaignCreated.model_validate(envelope.data)
    assert (event.id, event.time, event.tenant_id, event.type) == (envelope.id, envelope.time, tenant, envelope.type)


def test_the_event_types_and_topics_follow_from_the_classes() -> None:
    handlers, _ = registry()

    assert handlers.event_types == {
        "campaign.created",
        "content.approved",
        "content.published",
        "influencer.profiles.changed",
    }
    assert handlers.topics() == ["content.events", "discovery.events", "partnerships.events"]
    assert handlers.handles("campaign.created")
    assert not handlers.handles("campaign.completed")


def test_an_event_class_takes_one_handler() -> None:
    handlers, _ = registry()

    async def again(uow: Work, event: Received[CampaignCreated]) -> None: ...

    with pytest.raises(ValueError, match=r"campaign\.created v1 already has a handler"):
        handlers.on(CampaignCompleted, CampaignCreated)(again)
    assert not handlers.handles("campaign.completed")  # nothing of a refused registration is kept


def test_an_event_nobody_handles_is_passed_over() -> None:
    handlers, _ = registry()
    data = CampaignCompleted(campaign_id=uuid.uuid4())

    assert handlers.prepare(new_event(data, source="partnerships", tenant_id=uuid.uuid4(), subject="x")) is None


def test_an_org_s_event_without_its_tenant_can_never_be_handled() -> None:
    handlers, _ = registry()
    envelope = created(None)

    with pytest.raises(PermanentFailure, match=f"campaign.created {envelope.id} has no tenant_id"):
        handlers.prepare(envelope)


async def test_an_event_that_may_belong_to_no_org_gets_a_unit_of_work_of_no_tenant() -> None:
    handlers, handled = registry()
    profile = InfluencerProfile(
        influencer_id=uuid.uuid4(), org_id=None, platform="tiktok", handle="x", updated_at=created(None).time
    )
    envelope = new_event(
        InfluencerProfilesChanged(profiles=[profile]), source="discovery", tenant_id=None, subject=NO_TENANT
    )

    prepared = handlers.prepare(envelope)
    assert prepared is not None
    await prepared.run(SESSION, OUTBOX)  # type: ignore[arg-type]

    [(uow, event)] = handled
    assert uow.tenant_id == NO_TENANT
    assert event.tenant_id is None
    assert event.data.profiles == [profile]


def test_a_version_no_handler_was_written_for_is_refused() -> None:
    handlers, _ = registry()
    envelope = created(uuid.uuid4()).model_copy(update={"version": 2})

    with pytest.raises(PermanentFailure, match=r"is version 2; this service handles \[1\]"):
        handlers.prepare(envelope)


class CampaignCreatedV2(CampaignCreated):
    event_version = 2


async def test_each_version_of_an_event_may_have_its_handler() -> None:
    handlers, handled = registry()

    @handlers.on(CampaignCreatedV2)
    async def campaign_created_v2(uow: Work, event: Received[CampaignCreatedV2]) -> None:
        handled.append((uow, event))

    envelope = created(uuid.uuid4()).model_copy(update={"version": 2})
    prepared = handlers.prepare(envelope)
    assert prepared is not None
    await prepared.run(SESSION, OUTBOX)  # type: ignore[arg-type]
    assert type(handled[0][1].data) is CampaignCreatedV2
    assert handlers.event_types == registry()[0].event_types


def test_data_that_does_not_fit_the_event_is_refused() -> None:
    handlers, _ = registry()
    envelope = created(uuid.uuid4())
    broken = envelope.model_copy(update={"data": {**envelope.data, "objective": "fame"}})

    with pytest.raises(ValidationError):
        handlers.prepare(broken)
