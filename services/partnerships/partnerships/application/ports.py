"""What the use cases need from the outside world: Protocols of the repositories the unit of work
holds, which adapters/ implement in SQL and the tests in memory."""

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from contracts import EventData
from partnerships.domain.access import Visibility
from partnerships.domain.budget import Account, Posting
from partnerships.domain.campaigns import Campaign, CampaignState
from partnerships.domain.influencers import KnownInfluencer
from partnerships.domain.messages import Message, MessageTemplate
from partnerships.domain.negotiation import PartnershipState
from partnerships.domain.partnerships import HistoryEntry, Partnership, TermsVersion
from partnerships.domain.payments import DeliverableMark, DeliverableStage, Payout

Cursor = tuple[datetime, UUID]


class CampaignStore(Protocol):
    """Scoped to the unit of work's tenant."""

    async def add(self, campaign: Campaign) -> None: ...

    async def get(self, campaign_id: UUID, *, for_update: bool = False) -> Campaign | None: ...

    async def save(self, campaign: Campaign) -> None: ...

    async def lock_of_partnership(self, partnership_id: UUID) -> Campaign | None:
        """The campaign of a partnership, locked for update, whatever its tenant: the first step
        of a change to a partnership, which then checks who may see it."""
        ...

    async def list(
        self, *, limit: int, after: Cursor | None = None, state: CampaignState | None = None
    ) -> Sequence[Campaign]: ...


class PartnershipStore(Protocol):
    """Looking a partnership up by id is not tenant-scoped: a creator reaches it from another
    tenant, so `access.party_for` decides who may see what the store returns."""

    async def add(self, partnership: Partnership) -> None: ...

    async def get(self, partnership_id: UUID, *, for_update: bool = False) -> Partnership | None: ...

    async def save(self, partnership: Partnership) -> None:
        """The row, and the versions, signatures and history entries it has not written yet.
        Only for a partnership loaded `for_update`."""

    async def open_for(self, campaign_id: UUID, influencer_id: UUID) -> Partnership | None: ...

    async def list_open(self, campaign_id: UUID, *, for_update: bool = False) -> Sequence[Partnership]: ...

    async def list(
        self,
        visible: Visibility,
        *,
        limit: int,
        after: Cursor | None = None,
        campaign_id: UUID | None = None,
        state: PartnershipState | None = None,
    ) -> Sequence[Partnership]: ...

    async def versions(self, partnership_id: UUID) -> Sequence[TermsVersion]: ...

    async def history(self, partnership_id: UUID) -> Sequence[HistoryEntry]: ...

    async def mark_contacted(self, partnership_id: UUID, at: datetime) -> None:
        """Sets contacted_at if unset, without touching the rest of the row (no lock needed)."""

    async def mark_deliverable(
        self, partnership_id: UUID, deliverable_id: UUID, stage: DeliverableStage, at: datetime
    ) -> None: ...

    async def deliverable_marks(self, partnership_id: UUID) -> Sequence[DeliverableMark]: ...


class LedgerStore(Protocol):
    async def record(self, campaign_id: UUID, postings: Sequence[Posting], at: datetime) -> None: ...

    async def balances(self, campaign_id: UUID, currency: str) -> dict[Account, int]: ...


class PayoutStore(Protocol):
    async def add(self, payout: Payout) -> None: ...

    async def for_partnership(self, partnership_id: UUID) -> Sequence[Payout]: ...


class MessageStore(Protocol):
    async def add(self, message: Message) -> None: ...

    async def list(self, partnership_id: UUID, *, limit: int, after: Cursor | None = None) -> Sequence[Message]: ...


class TemplateStore(Protocol):
    """Scoped to the unit of work's tenant."""

    async def add(self, template: MessageTemplate) -> None: ...

    async def get(self, template_id: UUID) -> MessageTemplate | None: ...

    async def named(self, name: str) -> MessageTemplate | None: ...

    async def save(self, template: MessageTemplate) -> None: ...

    async def delete(self, template_id: UUID) -> None: ...

    async def list(self, *, limit: int, after: Cursor | None = None) -> Sequence[MessageTemplate]: ...


class InfluencerDirectory(Protocol):
    """Discovery's influencers as its events told them (not tenant-scoped: `visible_to` decides)."""

    async def get(self, influencer_id: UUID) -> KnownInfluencer | None: ...

    async def record(self, influencers: Sequence[KnownInfluencer]) -> None:
        """Keeps each unless as new a version of it is kept already: a redelivered or late event
        changes nothing."""


class EventSink(Protocol):
    """Events recorded here are published if, and only if, the unit of work commits."""

    async def record(self, data: EventData, *, subject: UUID, key: UUID) -> None: ...


class UnitOfWork(Protocol):
    tenant_id: UUID
    campaigns: CampaignStore
    partnerships: PartnershipStore
    ledger: LedgerStore
    payouts: PayoutStore
    messages: MessageStore
    templates: TemplateStore
    influencers: InfluencerDirectory
    events: EventSink

    def scoped_to(self, tenant_id: UUID) -> "UnitOfWork":
        """The same transaction, acting in another tenant (a creator's or the system's change
        to a brand's partnership is the brand's data, and its events carry the brand's tenant)."""
        ...
