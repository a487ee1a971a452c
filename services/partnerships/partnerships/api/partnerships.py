"""Partnerships as brands and creators see them. Who may do what is the domain's rule
(`domain/access.py`, `domain/negotiation.py`): these endpoints check no roles of their own."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from partnerships.api.dependencies import CallerDep, UnitOfWorkDep
from partnerships.api.partnership_schemas import (
    AcceptBody,
    CounterBody,
    MessageCreate,
    MessagePublic,
    PartnershipDetail,
    PartnershipPublic,
    PaymentsPublic,
    ProposeBody,
    ReasonBody,
    SignBody,
)
from partnerships.api.presenters import message_public, partnership_detail, partnership_public, payments_public
from partnerships.application import lifecycle, messages, negotiation, payments
from partnerships.domain.access import Caller, party_for
from partnerships.domain.messages import Message
from partnerships.domain.negotiation import PartnershipState
from partnerships.domain.partnerships import Partnership
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1/partnerships", tags=["partnerships"])


def _public(partnership: Partnership, caller: Caller) -> PartnershipPublic:
    return partnership_public(partnership, party_for(caller, partnership))


def _created(item: Partnership | Message) -> tuple[datetime, UUID]:
    return item.created_at, item.id


@router.get("")
async def list_partnerships(
    uow: UnitOfWorkDep,
    caller: CallerDep,
    page: Pagination,
    state: Annotated[PartnershipState | None, Query(description="Only partnerships in this state")] = None,
) -> Page[PartnershipPublic]:
    """A brand's partnerships, or a creator's own offers, newest first."""
    found = await negotiation.list_partnerships(uow, caller, limit=page.limit + 1, after=created_key(page), state=state)
    shown, next_cursor = page_by_created(found, page, _created)
    return Page(items=[_public(p, caller) for p in shown], next_cursor=next_cursor)


@router.get("/{partnership_id}")
async def get_partnership(partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep) -> PartnershipDetail:
    """The partnership with its current terms, every terms version and its history."""
    return partnership_detail(await negotiation.get_partnership(uow, caller, partnership_id))


@router.post("/{partnership_id}/propose")
async def propose_partnership(
    partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, body: ProposeBody | None = None
) -> PartnershipPublic:
    """Brand: offer a draft to the influencer (with new terms, or the draft's); reserves the fee."""
    terms = body.terms.terms() if body and body.terms else None
    return _public(await negotiation.propose(uow, caller, partnership_id, terms), caller)


@router.post("/{partnership_id}/counter")
async def counter_partnership(
    partnership_id: UUID, body: CounterBody, uow: UnitOfWorkDep, caller: CallerDep
) -> PartnershipPublic:
    """Either side: answer the other's offer with new terms (a new version)."""
    partnership = await negotiation.counter(
        uow,
        caller,
        partnership_id,
        body.terms.terms(),
        expected_version=body.terms_version,
        note=body.note,
    )
    return _public(partnership, caller)


@router.post("/{partnership_id}/accept")
async def accept_partnership(
    partnership_id: UUID, body: AcceptBody, uow: UnitOfWorkDep, caller: CallerDep
) -> PartnershipPublic:
    """Creator: accept the brand's current offer."""
    partnership = await negotiation.accept(uow, caller, partnership_id, expected_version=body.terms_version)
    return _public(partnership, caller)


@router.post("/{partnership_id}/decline")
async def decline_partnership(
    partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, body: ReasonBody | None = None
) -> PartnershipPublic:
    """Creator: turn the partnership down."""
    partnership = await negotiation.decline(uow, caller, partnership_id, reason=body.reason if body else None)
    return _public(partnership, caller)


@router.post("/{partnership_id}/withdraw")
async def withdraw_partnership(
    partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, body: ReasonBody | None = None
) -> PartnershipPublic:
    """Brand: take the offer back before it is signed; the reservation is released."""
    partnership = await negotiation.withdraw(uow, caller, partnership_id, reason=body.reason if body else None)
    return _public(partnership, caller)


@router.post("/{partnership_id}/sign")
async def sign_partnership(
    partnership_id: UUID, body: SignBody, uow: UnitOfWorkDep, caller: CallerDep
) -> PartnershipPublic:
    """Either side: sign the current terms version; once both have, the fee is committed."""
    partnership = await negotiation.sign(
        uow, caller, partnership_id, expected_version=body.terms_version, expected_hash=body.terms_hash
    )
    return _public(partnership, caller)


@router.post("/{partnership_id}/complete")
async def complete_partnership(partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep) -> PartnershipPublic:
    """Brand: the work is done; milestones still unpaid are paid."""
    return _public(await lifecycle.complete(uow, caller, partnership_id), caller)


@router.post("/{partnership_id}/cancel")
async def cancel_partnership(
    partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, body: ReasonBody | None = None
) -> PartnershipPublic:
    """Brand: discard a draft, or end a contract; what it had not paid goes back to the budget."""
    partnership = await lifecycle.cancel(uow, caller, partnership_id, reason=body.reason if body else None)
    return _public(partnership, caller)


@router.get("/{partnership_id}/payments")
async def get_partnership_payments(partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep) -> PaymentsPublic:
    """The payment schedule, each milestone's status and the payouts recorded."""
    return payments_public(await payments.payments(uow, caller, partnership_id))


@router.post("/{partnership_id}/messages", status_code=status.HTTP_201_CREATED)
async def post_partnership_message(
    partnership_id: UUID, body: MessageCreate, uow: UnitOfWorkDep, caller: CallerDep, response: Response
) -> MessagePublic:
    """Send a message (or fill a template); a brand's first message on a draft is its outreach."""
    message = await messages.post_message(uow, caller, partnership_id, body=body.body, template_id=body.template_id)
    response.headers["Location"] = f"/api/v1/partnerships/{partnership_id}/messages"
    return message_public(message)


@router.get("/{partnership_id}/messages")
async def list_partnership_messages(
    partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, page: Pagination
) -> Page[MessagePublic]:
    """The conversation, newest first."""
    found = await messages.list_messages(uow, caller, partnership_id, limit=page.limit + 1, after=created_key(page))
    shown, next_cursor = page_by_created(found, page, _created)
    return Page(items=[message_public(m) for m in shown], next_cursor=next_cursor)
