"""Who administers an org: its members, API keys and webhooks."""

from uuid import UUID

from gateway.domain.identity import Principal, Role
from servicekit.errors import Conflict, Forbidden, NotFound

MEMBER_ROLES = frozenset({Role.OWNER, Role.MANAGER, Role.ANALYST})
ORG_ADMINS = frozenset({Role.OWNER, Role.MANAGER, Role.ADMIN})


def require_own_org(principal: Principal, org_id: UUID) -> None:
    # Another org's id is not found, never forbidden: ids of other tenants stay secret.
    if principal.org_id != org_id and Role.ADMIN not in principal.roles:
        raise NotFound("org", org_id)


def require_member_manager(principal: Principal) -> None:
    if not principal.roles & {Role.OWNER, Role.ADMIN}:
        raise Forbidden("only the org's owners manage its members")


def check_removal(removed_role: Role, owners_left: int) -> None:
    if removed_role is Role.OWNER and owners_left <= 1:
        raise Conflict("the last owner of an org cannot be removed")


def check_role_change(current: Role, new: Role, owners: int) -> None:
    if current is Role.OWNER and new is not Role.OWNER and owners <= 1:
        raise Conflict("the last owner of an org cannot step down; make another member an owner first")


def keeps_api_keys(role: Role) -> bool:
    """The keys a member made stay only while their role may manage keys: each key's secret was
    shown to them, so a member who may no longer hold one must not keep it."""
    return role in ORG_ADMINS


def may_manage_webhooks(role: Role) -> bool:
    """The roles require_webhook_admin lets manage webhooks (a member's webhooks stop without it)."""
    return role in ORG_ADMINS


def require_person(principal: Principal) -> None:
    """Acting on one's own account (invitations): a person, never an API key."""
    if principal.is_api_key:
        raise Forbidden("an API key has no account of its own")


def require_key_admin(principal: Principal) -> None:
    """API keys are made by people: an owner or manager, never by another key."""
    if principal.is_api_key or not principal.roles & ORG_ADMINS:
        raise Forbidden("API keys are managed by the org's owners and managers")


def require_webhook_admin(principal: Principal) -> None:
    """Webhooks carry every event of the org: its owners, managers, or a key scoped for them."""
    if not principal.is_api_key and not principal.roles & ORG_ADMINS:
        raise Forbidden("managing webhooks needs the role owner or manager")
