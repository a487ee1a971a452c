"""A member joins, leaves or changes role: the change and, when it takes access away, the end of
every access it took (tokens, refresh tokens, API keys), written in one transaction."""

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.credentials import ApiKeyRepository, RefreshTokenRepository
from gateway.adapters.identity_repository import IdentityRepository, MembershipRecord
from gateway.adapters.onboarding_repository import InvitationRecord, InvitationRepository
from gateway.adapters.revocations import Revocations
from gateway.domain.administration import keeps_api_keys
from gateway.domain.identity import Role
from gateway.domain.onboarding import InvitationState
from gateway.domain.revocation import RevocationKind
from servicekit.errors import Conflict


async def remove_member(session: AsyncSession, revocations: Revocations, membership: MembershipRecord) -> None:
    """Their tokens for the org, their refresh tokens for it and the API keys they made end."""
    await IdentityRepository(session).remove_membership(membership.org_id, membership.user_id)
    await revocations.revoke(session, RevocationKind.GRANT, [membership.grant_id])
    await RefreshTokenRepository(session).revoke_member(membership.user_id, membership.org_id)
    await _revoke_keys_made_by(session, revocations, membership)


async def change_role(
    session: AsyncSession, revocations: Revocations, membership: MembershipRecord, role: Role
) -> MembershipRecord:
    """Tokens carrying the old role end (a refresh or sign-in gives the new one); so do the keys
    they made when the new role may not hold keys."""
    changed = await IdentityRepository(session).change_role(membership, role)
    await revocations.revoke(session, RevocationKind.GRANT, [membership.grant_id])
    if not keeps_api_keys(role):
        await _revoke_keys_made_by(session, revocations, membership)
    return changed


async def _revoke_keys_made_by(session: AsyncSession, revocations: Revocations, membership: MembershipRecord) -> None:
    keys = await ApiKeyRepository(session).revoke_made_by(membership.org_id, membership.user_id)
    await revocations.revoke(session, RevocationKind.API_KEY, keys)


async def join(session: AsyncSession, invitation: InvitationRecord, user_id: UUID) -> MembershipRecord:
    """The invited user becomes a member with the invitation's role (a 409 if it was answered
    meanwhile, or if they are a member already)."""
    membership = await IdentityRepository(session).add_membership(invitation.org_id, user_id, invitation.role)
    if not await InvitationRepository(session).decide(invitation.id, InvitationState.ACCEPTED):
        raise Conflict("this invitation was answered meanwhile")
    return membership
