"""An in-memory unit of work for domain tests (on servicekit.testing's): no I/O, and copies in
and out as a database would, so a change the domain forgot to save is lost here too."""

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

from partnerships.domain.access import Visibility
from partnerships.domain.budget import Account, Posting
from partnerships.domain.campaigns import Campaign, CampaignState
from partnerships.domain.influencers import KnownInfluencer
from partnerships.domain.messages import Message, MessageTemplate
from partnerships.domain.negotiation import OPEN_STATES, PartnershipState
from partnerships.domain.partnerships import HistoryEntry, Partnership, Signature, TermsVersion
from partnerships.domain.payments import DeliverableMark, DeliverableStage, Payout
from servicekit import testing


@dataclass
class Memory(testing.Memory):
    campaigns: dict[UUID, Campaign] = field(default_factory=dict)
    partnerships: dict[UUID, Partnership] = field(default_factory=dict)
    versions: dict[UUID, list[TermsVersion]] = field(default_factory=dict)
    history: dict[UUID, list[HistoryEntry]] = field(default_factory=dict)
    marks: dict[tuple[UUID, UUID], DeliverableMark] = field(default_factory=dict)
    postings: list[tuple[UUID, Posting]] = field(default_factory=list)
    payouts: list[Payout] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    templates: dict[UUID, MessageTemplate] = field(default_factory=dict)
    influencers: dict[UUID, KnownInfluencer] = field(default_factory=dict)


def know(memory: Memory, influencer_id: UUID, org_id: UUID | None = None, handle: str = "someone") -> UUID:
    """What discovery's profile event would have told partnerships of this influencer."""
    memory.influencers[influencer_id] = KnownInfluencer(
        influencer_id, org_id, "instagram", handle, handle.title(), datetime.now(UTC)
    )
    return influencer_id


class FakeCampaigns:
    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        self.memory = memory
        self.tenant_id = tenant_id

    async def add(self, campaign: Campaign) -> None:
        self.memory.campaigns[campaign.id] = copy.deepcopy(campaign)

    async def get(self, campaign_id: UUID, *, for_update: bool = False) -> Campaign | None:
        found = self.memory.campaigns.get(campaign_id)
        return copy.deepcopy(found) if found and found.tenant_id == self.tenant_id else None

    async def lock_of_partnership(self, partnership_id: UUID) -> Campaign | None:
        partnership = self.memory.partnerships.get(partnership_id)
        return copy.deepcopy(self.memory.campaigns[partnership.campaign_id]) if partnership else None

    async def save(self, campaign: Campaign) -> None:
        assert campaign.tenant_id == self.tenant_id
        self.memory.campaigns[campaign.id] = copy.deepcopy(campaign)

    async def list(
        self, *, limit: int, after: tuple[datetime, UUID] | None = None, state: CampaignState | None = None
    ) -> Sequence[Campaign]:
        mine = [c for c in self.memory.campaigns.values() if c.tenant_id == self.tenant_id]
        return [copy.deepcopy(c) for c in mine if state is None or c.state == state][:limit]


class FakePartnerships:
    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    def _store(self, partnership: Partnership) -> None:
        for item in partnership.drain_unsaved():
            if isinstance(item, TermsVersion):
                self.memory.versions.setdefault(partnership.id, []).append(item)
            elif isinstance(item, HistoryEntry):
                self.memory.history.setdefault(partnership.id, []).append(item)
            else:
                assert isinstance(item, Signature)
        self.memory.partnerships[partnership.id] = copy.deepcopy(partnership)

    async def add(self, partnership: Partnership) -> None:
        assert partnership.id not in self.memory.partnerships
        self._store(partnership)

    async def get(self, partnership_id: UUID, *, for_update: bool = False) -> Partnership | None:
        found = self.memory.partnerships.get(partnership_id)
        return copy.deepcopy(found) if found else None

    async def save(self, partnership: Partnership) -> None:
        assert partnership.id in self.memory.partnerships
        self._store(partnership)

    async def open_for(self, campaign_id: UUID, influencer_id: UUID) -> Partnership | None:
        for p in self.memory.partnerships.values():
            if p.campaign_id == campaign_id and p.influencer_id == influencer_id and p.state in OPEN_STATES:
                return copy.deepcopy(p)
        return None

    async def list_open(self, campaign_id: UUID, *, for_update: bool = False) -> Sequence[Partnership]:
        return [
            copy.deepcopy(p)
            for p in self.memory.partnerships.values()
            if p.campaign_id == campaign_id and p.state in OPEN_STATES
        ]

    async def list(
        self,
        visible: Visibility,
        *,
        limit: int,
        after: tuple[datetime, UUID] | None = None,
        campaign_id: UUID | None = None,
        state: PartnershipState | None = None,
    ) -> Sequence[Partnership]:
        def shown(p: Partnership) -> bool:
            if visible.tenant_id is not None:
                mine = p.tenant_id == visible.tenant_id
            else:
                mine = p.influencer_id == visible.influencer_id and p.contacted_at is not None
            return mine and campaign_id in (None, p.campaign_id) and state in (None, p.state)

        return [copy.deepcopy(p) for p in self.memory.partnerships.values() if shown(p)][:limit]

    async def versions(self, partnership_id: UUID) -> Sequence[TermsVersion]:
        return list(self.memory.versions.get(partnership_id, []))

    async def history(self, partnership_id: UUID) -> Sequence[HistoryEntry]:
        return list(self.memory.history.get(partnership_id, []))

    async def mark_contacted(self, partnership_id: UUID, at: datetime) -> None:
        stored = self.memory.partnerships[partnership_id]
        if stored.contacted_at is None:
            stored.contacted_at = at

    async def mark_deliverable(
        self, partnership_id: UUID, deliverable_id: UUID, stage: DeliverableStage, at: datetime
    ) -> None:
        key = (partnership_id, deliverable_id)
        mark = self.memory.marks.get(key, DeliverableMark(deliverable_id, approved=False, published=False))
        self.memory.marks[key] = DeliverableMark(
            deliverable_id,
            approved=mark.approved or stage is DeliverableStage.APPROVED,
            published=mark.published or stage is DeliverableStage.PUBLISHED,
        )

    async def deliverable_marks(self, partnership_id: UUID) -> Sequence[DeliverableMark]:
        return [mark for (pid, _), mark in self.memory.marks.items() if pid == partnership_id]


class FakeLedger:
    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def record(self, campaign_id: UUID, postings: Sequence[Posting], at: datetime) -> None:
        for posting in postings:
            assert posting.amount_minor > 0, posting
            self.memory.postings.append((campaign_id, posting))

    async def balances(self, campaign_id: UUID, currency: str) -> dict[Account, int]:
        totals = dict.fromkeys(Account, 0)
        for owner, posting in self.memory.postings:
            if owner == campaign_id and posting.currency == currency:
                totals[posting.source] -= posting.amount_minor
                totals[posting.destination] += posting.amount_minor
        return totals


class FakePayouts:
    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def add(self, payout: Payout) -> None:
        assert not any(
            p.partnership_id == payout.partnership_id and p.milestone == payout.milestone for p in self.memory.payouts
        ), "a milestone is paid once (the unique constraint)"
        self.memory.payouts.append(payout)

    async def for_partnership(self, partnership_id: UUID) -> Sequence[Payout]:
        return [p for p in self.memory.payouts if p.partnership_id == partnership_id]


class FakeMessages:
    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        self.memory = memory
        self.tenant_id = tenant_id

    async def add(self, message: Message) -> None:
        self.memory.messages.append(message)

    async def list(
        self, partnership_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None = None
    ) -> Sequence[Message]:
        found = [
            m for m in self.memory.messages if m.partnership_id == partnership_id and m.tenant_id == self.tenant_id
        ]
        return list(reversed(found))[:limit]


class FakeTemplates:
    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        self.memory = memory
        self.tenant_id = tenant_id

    async def add(self, template: MessageTemplate) -> None:
        self.memory.templates[template.id] = copy.deepcopy(template)

    async def get(self, template_id: UUID) -> MessageTemplate | None:
        found = self.memory.templates.get(template_id)
        return copy.deepcopy(found) if found and found.tenant_id == self.tenant_id else None

    async def named(self, name: str) -> MessageTemplate | None:
        for t in self.memory.templates.values():
            if t.tenant_id == self.tenant_id and t.name == name:
                return copy.deepcopy(t)
        return None

    async def save(self, template: MessageTemplate) -> None:
        self.memory.templates[template.id] = copy.deepcopy(template)

    async def delete(self, template_id: UUID) -> None:
        self.memory.templates.pop(template_id, None)

    async def list(self, *, limit: int, after: tuple[datetime, UUID] | None = None) -> Sequence[MessageTemplate]:
        return [copy.deepcopy(t) for t in self.memory.templates.values() if t.tenant_id == self.tenant_id][:limit]


class FakeInfluencers:
    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def get(self, influencer_id: UUID) -> KnownInfluencer | None:
        return self.memory.influencers.get(influencer_id)

    async def record(self, influencers: Sequence[KnownInfluencer]) -> None:
        for influencer in influencers:
            kept = self.memory.influencers.get(influencer.id)
            if kept is None or influencer.version > kept.version:
                self.memory.influencers[influencer.id] = influencer


class FakeUnitOfWork(testing.FakeUnitOfWork[Memory]):
    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        super().__init__(memory, tenant_id)
        self.campaigns = FakeCampaigns(memory, tenant_id)
        self.partnerships = FakePartnerships(memory)
        self.ledger = FakeLedger(memory)
        self.payouts = FakePayouts(memory)
        self.messages = FakeMessages(memory, tenant_id)
        self.templates = FakeTemplates(memory, tenant_id)
        self.influencers = FakeInfluencers(memory)
