"""Amplification of a published deliverable: the brand asks, partnerships funds or refuses the
spend from the campaign budget, and a funded one is told to metrics as committed spend."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID, uuid4

from content.application.ports import Cursor, UnitOfWork
from content.domain.access import Caller, brand_only
from content.domain.amplifications import Amplification, Decision, check_request
from content.domain.deliverables import DeliverableState
from contracts import AmplificationKind, Money
from contracts.events.content import ContentAmplificationRequested, ContentAmplified
from servicekit.errors import Conflict, NotFound


@dataclass(frozen=True)
class AmplificationRequest:
    kind: AmplificationKind
    platform: str
    spend: Money
    starts_on: date
    ends_on: date


async def request(
    uow: UnitOfWork, caller: Caller, deliverable_id: UUID, wanted: AmplificationRequest, now: datetime
) -> Amplification:
    deliverable = await uow.deliverables.get(deliverable_id, for_update=True)
    if deliverable is None:
        raise NotFound("deliverable", deliverable_id)
    brand_only(caller, deliverable.tenant_id, "deliverable", deliverable_id, write=True)
    if deliverable.state is not DeliverableState.PUBLISHED:
        raise Conflict(
            "only a published deliverable is amplified", current_state=deliverable.state.value, allowed_actions=[]
        )
    campaign = await uow.campaigns.get(deliverable.campaign_id)
    currency = campaign.budget.currency if campaign is not None and campaign.budget else deliverable.currency
    check_request(
        wanted.kind,
        wanted.platform,
        deliverable.platform,
        wanted.spend,
        currency,
        wanted.starts_on,
        wanted.ends_on,
        now.date(),
    )
    amplification = Amplification(
        id=uuid4(),
        tenant_id=deliverable.tenant_id,
        deliverable_id=deliverable.id,
        campaign_id=deliverable.campaign_id,
        partnership_id=deliverable.partnership_id,
        influencer_id=deliverable.influencer_id,
        post_id=deliverable.post_id,
        kind=wanted.kind,
        platform=wanted.platform,
        spend=wanted.spend,
        starts_on=wanted.starts_on,
        ends_on=wanted.ends_on,
        requested_at=now,
        requested_by=caller.user_id,
    )
    await uow.amplifications.add(amplification)
    if amplification.spend.amount_minor == 0:
        await _funded(uow, amplification, now)
        return amplification
    await uow.events.record(
        ContentAmplificationRequested(
            deliverable_id=amplification.deliverable_id,
            partnership_id=amplification.partnership_id,
            campaign_id=amplification.campaign_id,
            influencer_id=amplification.influencer_id,
            amplification_id=amplification.id,
            kind=amplification.kind,
            platform=amplification.platform,
            spend=amplification.spend,
            starts_on=amplification.starts_on,
            ends_on=amplification.ends_on,
        ),
        subject=amplification.id,
        key=amplification.campaign_id,
    )
    return amplification


async def _funded(uow: UnitOfWork, amplification: Amplification, now: datetime) -> None:
    amplification.decide(Decision.FUNDED, now)
    await uow.amplifications.save(amplification)
    await uow.events.record(
        ContentAmplified(
            deliverable_id=amplification.deliverable_id,
            partnership_id=amplification.partnership_id,
            campaign_id=amplification.campaign_id,
            influencer_id=amplification.influencer_id,
            amplification_id=amplification.id,
            post_id=amplification.post_id,
            kind=amplification.kind,
            platform=amplification.platform,
            spend=amplification.spend,
            starts_on=amplification.starts_on,
            ends_on=amplification.ends_on,
        ),
        subject=amplification.id,
        key=amplification.campaign_id,
    )


async def decided(uow: UnitOfWork, amplification_id: UUID, funded: bool, reason: str | None, now: datetime) -> bool:
    """Partnerships' answer; False when it is not about an amplification of this org, or was
    already recorded."""
    amplification = await uow.amplifications.get(amplification_id, for_update=True)
    if amplification is None or amplification.tenant_id != uow.tenant_id:
        return False
    if amplification.decision is not Decision.REQUESTED:
        return False
    if funded:
        await _funded(uow, amplification, now)
    else:
        amplification.decide(Decision.REFUSED, now, reason)
        await uow.amplifications.save(amplification)
    return True


async def get_amplification(uow: UnitOfWork, caller: Caller, amplification_id: UUID) -> Amplification:
    amplification = await uow.amplifications.get(amplification_id)
    if amplification is None:
        raise NotFound("amplification", amplification_id)
    brand_only(caller, amplification.tenant_id, "amplification", amplification_id)
    return amplification


async def list_amplifications(
    uow: UnitOfWork, caller: Caller, deliverable_id: UUID, *, limit: int, after: Cursor | None
) -> Sequence[Amplification]:
    deliverable = await uow.deliverables.get(deliverable_id)
    if deliverable is None:
        raise NotFound("deliverable", deliverable_id)
    brand_only(caller, deliverable.tenant_id, "deliverable", deliverable_id)
    return await uow.amplifications.of_deliverable(deliverable_id, limit=limit, after=after)
