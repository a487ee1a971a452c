"""The test kit services' domain tests stand on: a fake unit of work in memory, and `run`, which
fails the test if the code under test waits on real I/O."""

import asyncio
import uuid
from dataclasses import dataclass, field

import pytest

from contracts.events.partnerships import CampaignCancelled, CampaignCompleted
from servicekit.errors import Conflict
from servicekit.testing import FakeUnitOfWork, Memory, RecordedEvent, attempt, run


@dataclass
class Shelf(Memory):
    items: list[str] = field(default_factory=list)


async def shelve(uow: FakeUnitOfWork[Shelf], item: str) -> int:
    uow.memory.items.append(item)
    campaign_id = uuid.uuid4()
    await uow.events.record(CampaignCompleted(campaign_id=campaign_id), subject=campaign_id, key=campaign_id)
    if item == "refused":
        raise Conflict("no room on the shelf")
    return len(uow.memory.items)


def test_run_gives_the_result_of_code_that_never_waits() -> None:
    uow = FakeUnitOfWork(Shelf(), uuid.uuid4())

    assert run(shelve(uow, "book")) == 1


def test_run_fails_the_test_when_the_code_waits_on_io() -> None:
    async def waits() -> None:
        await asyncio.sleep(0)

    with pytest.raises(AssertionError, match="awaited real I/O"):
        run(waits())


def test_events_are_recorded_with_the_org_they_were_told_for() -> None:
    tenant = uuid.uuid4()
    memory = Shelf()

    run(shelve(FakeUnitOfWork(memory, tenant), "book"))

    [recorded] = memory.events
    assert isinstance(recorded, RecordedEvent)
    assert recorded.tenant_id == tenant
    assert recorded.key == recorded.subject == recorded.data.campaign_id
    assert memory.told(CampaignCompleted) == [recorded.data]
    assert memory.told(CampaignCancelled) == []


def test_a_refused_attempt_leaves_memory_as_it_was_as_a_rollback_would() -> None:
    memory = Shelf(items=["kept"])
    uow = FakeUnitOfWork(memory, uuid.uuid4())

    refused = attempt(memory, lambda: shelve(uow, "refused"))

    assert isinstance(refused, Conflict)
    assert memory.items == ["kept"]
    assert memory.events == []
    assert attempt(memory, lambda: shelve(uow, "book")) == 2


def test_a_unit_of_work_scoped_to_another_org_shares_the_transaction() -> None:
    memory = Shelf()
    brand, creator = uuid.uuid4(), uuid.uuid4()
    uow = FakeUnitOfWork(memory, brand)

    other = uow.scoped_to(creator)
    run(shelve(other, "book"))

    assert uow.scoped_to(brand) is uow
    assert type(other) is FakeUnitOfWork
    assert other.memory is memory
    assert [e.tenant_id for e in memory.events] == [creator]


def test_after_commit_callbacks_wait_for_the_commit() -> None:
    memory = Shelf()
    uow = FakeUnitOfWork(memory, uuid.uuid4())
    woken: list[str] = []

    uow.after_commit(lambda: woken.append("relay"))

    assert woken == []
    memory.commit()
    assert woken == ["relay"]
    memory.commit()
    assert woken == ["relay"]
