"""What the domain needs from the outside world, as protocols the adapters implement."""

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from contracts import EventData
from partnerships.domain.campaigns import Campaign, CampaignState


class CampaignStore(Protocol):
    async def add(self, campaign: Campaign) -> None: ...

    async def get(self, campaign_id: UUID, *, for_update: bool = False) -> Campaign | None: ...

    async def save(self, campaign: Campaign) -> None: ...

    async def list(
        self, *, limit: int, after: tuple[datetime, UUID] | None = None, state: CampaignState | None = None
    ) -> Sequence[Campaign]: ...


class EventSink(Protocol):
    """Events recorded here are published if, and only if, the unit of work commits."""

    async def record(self, data: EventData, *, subject: UUID, key: UUID) -> None: ...


class UnitOfWork(Protocol):
    tenant_id: UUID
    campaigns: CampaignStore
    events: EventSink
