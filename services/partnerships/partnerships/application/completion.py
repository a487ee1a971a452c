"""A running contract is done when content has published every deliverable of its terms: it
completes then, as the brand's `complete` would, paying what is still owed (the system acts)."""

from datetime import UTC, datetime
from uuid import UUID

from partnerships.application.changes import Change, lock
from partnerships.application.lifecycle import complete_contract
from partnerships.application.ports import UnitOfWork
from partnerships.domain.negotiation import PartnershipState
from partnerships.domain.partnerships import SYSTEM
from partnerships.domain.payments import reached_milestones
from partnerships.domain.terms import MilestoneTrigger
from servicekit.errors import NotFound


async def complete_when_delivered(uow: UnitOfWork, partnership_id: UUID) -> bool:
    """True when this completed the partnership; False when it is not this org's running
    contract, or a deliverable is still to be published."""
    try:
        campaign, partnership = await lock(uow, partnership_id)
    except NotFound:
        return False
    if partnership.tenant_id != uow.tenant_id or partnership.state is not PartnershipState.ACTIVE:
        return False
    if partnership.terms is None:
        return False
    marks = await uow.partnerships.deliverable_marks(partnership_id)
    if MilestoneTrigger.ON_PUBLISH not in reached_milestones(partnership.terms, marks):
        return False
    await complete_contract(Change(uow, campaign, partnership, SYSTEM, datetime.now(UTC)))
    return True
