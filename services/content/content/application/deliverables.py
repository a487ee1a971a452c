"""Deliverables: made from a signed partnership, cancelled with it, read by brand and creator,
given brief overrides by the brand, and marked overdue once."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from content.application.ports import Cursor, DeliverableFilter, UnitOfWork
from content.domain.access import Caller, acting_party, party_for, visibility
from content.domain.briefs import EffectiveBrief, effective_brief
from content.domain.deliverables import (
    OPEN_STATES,
    Action,
    Deliverable,
    DeliverableState,
    TermsLine,
    UsageRights,
    allowed_actions,
    deliverable_id,
    units_of,
)
from content.domain.posts import Post
from content.domain.submissions import Submission, SubmissionStatus
from contracts import CollaborationType, FeeKind, Party
from contracts.events.content import ContentOverdue
from servicekit.errors import Forbidden, NotFound


@dataclass(frozen=True)
class SignedTerms:
    """What `partnership.signed` tells content."""

    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    collaboration_type: CollaborationType
    fee_kind: FeeKind | None
    currency: str | None
    usage_rights: UsageRights | None
    lines: list[TermsLine]


async def create_from_signed(uow: UnitOfWork, terms: SignedTerms, now: datetime) -> list[Deliverable]:
    """One deliverable per unit of each line; a redelivered event makes none twice."""
    made: list[Deliverable] = []
    for unit in units_of(terms.lines):
        deliverable = Deliverable(
            id=deliverable_id(terms.partnership_id, unit),
            tenant_id=uow.tenant_id,
            campaign_id=terms.campaign_id,
            partnership_id=terms.partnership_id,
            influencer_id=terms.influencer_id,
            line_index=unit.line_index,
            unit_index=unit.unit_index,
            type=unit.type,
            platform=unit.platform,
            due_on=unit.due_on,
            collaboration_type=terms.collaboration_type,
            fee_kind=terms.fee_kind,
            currency=terms.currency,
            usage_rights=terms.usage_rights,
            created_at=now,
            updated_at=now,
        )
        if await uow.deliverables.add(deliverable):
            made.append(deliverable)
    return made


async def cancel_for_partnership(uow: UnitOfWork, partnership_id: UUID, reason: str | None, now: datetime) -> int:
    """The partnership was cancelled: its open deliverables are too (published ones stay)."""
    cancelled = 0
    for deliverable in await uow.deliverables.of_partnership(partnership_id, for_update=True):
        if deliverable.tenant_id != uow.tenant_id or deliverable.state not in OPEN_STATES:
            continue
        pending = deliverable.state is DeliverableState.SUBMITTED
        deliverable.apply(Action.CANCEL, Party.SYSTEM, now)
        deliverable.cancelled_reason = reason or "the partnership was cancelled"
        await uow.deliverables.save(deliverable)
        if pending and deliverable.current_submission_id is not None:
            submission = await uow.submissions.get(deliverable.current_submission_id)
            if submission is not None and submission.status is SubmissionStatus.SUBMITTED:
                submission.status = SubmissionStatus.SUPERSEDED
                await uow.submissions.save(submission)
        cancelled += 1
    return cancelled


@dataclass(frozen=True)
class DeliverableView:
    deliverable: Deliverable
    party: Party
    brief: EffectiveBrief
    current: Submission | None
    post: Post | None
    allowed_actions: list[Action]
    today: date


async def visible(uow: UnitOfWork, caller: Caller, deliverable_id: UUID) -> tuple[Deliverable, Party]:
    deliverable = await uow.deliverables.get(deliverable_id)
    if deliverable is None:
        raise NotFound("deliverable", deliverable_id)
    return deliverable, party_for(
        caller, deliverable.tenant_id, deliverable.influencer_id, "deliverable", deliverable_id
    )


async def locked(uow: UnitOfWork, caller: Caller, deliverable_id: UUID) -> tuple[Deliverable, Party, UnitOfWork]:
    """The deliverable locked for a change, the caller's side, and a unit of work of its brand's org
    (a creator acts from an org of its own; the events are the brand's)."""
    deliverable = await uow.deliverables.get(deliverable_id, for_update=True)
    if deliverable is None:
        raise NotFound("deliverable", deliverable_id)
    party = acting_party(caller, deliverable.tenant_id, deliverable.influencer_id, "deliverable", deliverable_id)
    return deliverable, party, uow.scoped_to(deliverable.tenant_id)


async def brief_of(uow: UnitOfWork, deliverable: Deliverable) -> EffectiveBrief:
    brand = uow.scoped_to(deliverable.tenant_id)
    return effective_brief(await brand.briefs.latest(deliverable.campaign_id), deliverable.brief_overrides)


async def view(uow: UnitOfWork, deliverable: Deliverable, party: Party, today: date) -> DeliverableView:
    current = None
    if deliverable.current_submission_id is not None:
        current = await uow.submissions.get(deliverable.current_submission_id)
    post = await uow.posts.get(deliverable.post_id) if deliverable.post_id is not None else None
    brief = await brief_of(uow, deliverable)
    if current is not None and deliverable.state not in (DeliverableState.DRAFT, DeliverableState.CHANGES_REQUESTED):
        # Under review or past it: the version it was checked with stays what it follows.
        brand = uow.scoped_to(deliverable.tenant_id)
        pinned = await brand.briefs.version(deliverable.campaign_id, current.brief_version)
        brief = effective_brief(pinned, deliverable.brief_overrides)
    return DeliverableView(deliverable, party, brief, current, post, allowed_actions(deliverable.state, party), today)


async def get_deliverable(uow: UnitOfWork, caller: Caller, deliverable_id: UUID, today: date) -> DeliverableView:
    deliverable, party = await visible(uow, caller, deliverable_id)
    return await view(uow, deliverable, party, today)


async def list_deliverables(
    uow: UnitOfWork, caller: Caller, where: DeliverableFilter, *, limit: int, after: Cursor | None
) -> Sequence[Deliverable]:
    if where.campaign_id is not None and caller.reads_as_brand and await uow.campaigns.get(where.campaign_id) is None:
        deliverables = await uow.deliverables.list(visibility(caller), where, limit=1, after=None)
        if not deliverables:
            raise NotFound("campaign", where.campaign_id)
    return await uow.deliverables.list(visibility(caller), where, limit=limit, after=after)


async def list_partnership_deliverables(
    uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, limit: int, after: Cursor | None
) -> Sequence[Deliverable]:
    """Content knows a partnership by its deliverables (made once it is signed): one it has none
    of that the caller may see is not found."""
    where = DeliverableFilter(partnership_id=partnership_id)
    found = await uow.deliverables.list(visibility(caller), where, limit=limit, after=after)
    if not found and after is None:
        raise NotFound("partnership", partnership_id)
    return found


async def set_brief_overrides(
    uow: UnitOfWork, caller: Caller, deliverable_id: UUID, overrides: dict[str, Any], now: datetime
) -> Deliverable:
    """The brand asks this deliverable for something the campaign brief does not (or otherwise);
    the fields given replace the deliverable's overrides."""
    deliverable, party, _ = await locked(uow, caller, deliverable_id)
    if party is not Party.BRAND:
        raise Forbidden("only the brand sets a deliverable's brief")
    deliverable.brief_overrides = dict(overrides)
    deliverable.updated_at = now
    await uow.deliverables.save(deliverable)
    return deliverable


async def mark_overdue(uow: UnitOfWork, deliverable_id: UUID, today: date, now: datetime) -> bool:
    """Tells once that a deliverable is overdue: the claim is a guarded update, so of two replicas
    that find it at once only one tells."""
    deliverable = await uow.deliverables.get(deliverable_id)
    if deliverable is None or not deliverable.is_overdue(today) or deliverable.overdue_at is not None:
        return False
    if not await uow.deliverables.claim_overdue(deliverable_id, now):
        return False
    assert deliverable.due_on is not None
    brand = uow.scoped_to(deliverable.tenant_id)
    await brand.events.record(
        ContentOverdue(
            deliverable_id=deliverable.id,
            partnership_id=deliverable.partnership_id,
            campaign_id=deliverable.campaign_id,
            influencer_id=deliverable.influencer_id,
            due_on=deliverable.due_on,
            state=deliverable.state.value,
        ),
        subject=deliverable.id,
        key=deliverable.campaign_id,
    )
    return True
