"""An org's members: who they are, a role changed, a member removed, an invited person joining.
A change that takes access away ends every access it took (tokens, refresh tokens, API keys), in
the same transaction."""

from uuid import UUID

from gateway.application import webhooks
from gateway.application.ports import UnitOfWork
from gateway.domain import webhooks as domain_webhooks
from gateway.domain.accounts import MembershipRecord, OrgRecord, UserRecord
from gateway.domain.administration import (
    check_removal,
    check_role_change,
    keeps_api_keys,
    may_manage_webhooks,
    require_member_manager,
    require_own_org,
)
from gateway.domain.identity import Principal, Role
from gateway.domain.onboarding import InvitationRecord, InvitationState
from gateway.domain.revocation import RevocationKind
from servicekit.errors import Conflict, NotFound


async def list_members(uow: UnitOfWork, caller: Principal, org_id: UUID) -> list[tuple[MembershipRecord, UserRecord]]:
    require_own_org(caller, org_id)
    return await uow.identity.members(org_id)


async def change_role(
    uow: UnitOfWork, caller: Principal, org_id: UUID, user_id: UUID, role: Role
) -> tuple[MembershipRecord, UserRecord]:
    """Owners only; the last owner cannot step down. Tokens carrying the old role end (a refresh or
    sign-in gives the new one); so do the keys they made when the new role may not hold keys."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    membership = await uow.identity.membership(org_id, user_id)
    user = await uow.identity.user(user_id)
    if membership is None or user is None:
        raise NotFound("member", user_id)
    if membership.role is not role:
        check_role_change(membership.role, role, await uow.identity.count_owners(org_id))
        changed = await uow.identity.change_role(membership, role)
        await uow.revoke(RevocationKind.GRANT, [membership.grant_id])
        if not keeps_api_keys(role):
            await _revoke_keys_made_by(uow, membership)
        if not may_manage_webhooks(role):
            await webhooks.disable_made_by_user(uow, org_id, user_id, domain_webhooks.CREATOR_DEMOTED)
        membership = changed
    return membership, user


async def remove_member(uow: UnitOfWork, caller: Principal, org_id: UUID, user_id: UUID) -> None:
    """Owners only; the last owner cannot be removed. Their tokens for the org, their refresh
    tokens for it and the API keys they made end; the webhooks they (or those keys) made stop."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    membership = await uow.identity.membership(org_id, user_id)
    if membership is None:
        raise NotFound("member", user_id)
    check_removal(membership.role, await uow.identity.count_owners(org_id))
    await uow.identity.remove_membership(membership.org_id, membership.user_id)
    await uow.revoke(RevocationKind.GRANT, [membership.grant_id])
    await uow.refresh_tokens.revoke_member(membership.user_id, membership.org_id)
    await _revoke_keys_made_by(uow, membership)
    await webhooks.disable_made_by_user(uow, org_id, user_id, domain_webhooks.CREATOR_REMOVED)


async def _revoke_keys_made_by(uow: UnitOfWork, membership: MembershipRecord) -> None:
    keys = await uow.api_keys.revoke_made_by(membership.org_id, membership.user_id)
    await uow.revoke(RevocationKind.API_KEY, keys)
    await webhooks.disable_made_by_keys(uow, membership.org_id, keys)


async def join(uow: UnitOfWork, invitation: InvitationRecord, user_id: UUID) -> MembershipRecord:
    """The invited user becomes a member with the invitation's role (a 409 if it was answered
    meanwhile, or if they are a member already)."""
    membership = await uow.identity.add_membership(invitation.org_id, user_id, invitation.role)
    if not await uow.invitations.decide(invitation.id, InvitationState.ACCEPTED):
        raise Conflict("this invitation was answered meanwhile")
    return membership


async def whoami(uow: UnitOfWork, caller: Principal) -> tuple[OrgRecord | None, UserRecord | None]:
    """The caller's org, and its user (none for an API key)."""
    org = await uow.identity.org(caller.org_id)
    user = None if caller.is_api_key else await uow.identity.user(caller.user_id)
    return org, user
