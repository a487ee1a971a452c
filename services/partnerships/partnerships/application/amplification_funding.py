"""Content asks to amplify a published deliverable with paid spend: the campaign's budget funds it
(committed at once) or refuses it, and content is told either way (answered once per request)."""

import logging
from datetime import UTC, datetime
from typing import Protocol
from uuid import UUID

from contracts import Money
from contracts.events.content import ContentAmplificationRequested
from contracts.events.partnerships import AmplificationFunded, AmplificationRefused
from partnerships.application import ports
from partnerships.domain.amplification import Refusal, fund

log = logging.getLogger(__name__)


class AmplificationFundingStore(Protocol):
    async def decided(self, amplification_id: UUID) -> bool: ...

    async def record(
        self,
        *,
        amplification_id: UUID,
        campaign_id: UUID,
        deliverable_id: UUID,
        partnership_id: UUID,
        spend: Money,
        funded: bool,
        reason: str | None,
        at: datetime,
    ) -> None: ...

    async def committed(self, campaign_id: UUID, currency: str) -> int: ...


class UnitOfWork(ports.UnitOfWork, Protocol):
    amplifications: AmplificationFundingStore


async def decide(uow: UnitOfWork, asked: ContentAmplificationRequested) -> bool:
    """False when there is nothing to answer: the campaign is not this org's, or it was answered."""
    campaign = await uow.campaigns.get(asked.campaign_id, for_update=True)
    if campaign is None:
        log.warning("amplification %s: campaign %s is not this org's", asked.amplification_id, asked.campaign_id)
        return False
    if await uow.amplifications.decided(asked.amplification_id):
        return False
    now = datetime.now(UTC)
    outcome = fund(campaign.budget_view(), campaign.allocation, asked.spend, campaign_open=campaign.is_open)
    fields = {
        "amplification_id": asked.amplification_id,
        "deliverable_id": asked.deliverable_id,
        "partnership_id": asked.partnership_id,
        "campaign_id": asked.campaign_id,
        "spend": asked.spend,
    }
    reason = outcome.reason if isinstance(outcome, Refusal) else None
    await uow.amplifications.record(**fields, funded=reason is None, reason=reason, at=now)
    if isinstance(outcome, Refusal):
        event: AmplificationFunded | AmplificationRefused = AmplificationRefused(
            **fields, reason=outcome.reason, remaining=outcome.remaining
        )
    else:
        await uow.ledger.record(campaign.id, outcome, now)
        await uow.campaigns.save(campaign)
        event = AmplificationFunded(**fields)
    await uow.events.record(event, subject=asked.amplification_id, key=campaign.id)
    return True
