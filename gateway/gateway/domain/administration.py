"""Who administers an org: its members, API keys and webhooks."""

from uuid import UUID

from gateway.domain.identity import Principal, Role
from servicekit.errors import Conflict, Forbidden, InvalidField, NotFound

MEMBER_ROLES = frozenset({Role.OWNER, Role.MANAGER, Role.ANALYST})
ORG_ADMINS = frozenset({Role.OWNER, Role.MANAGER, Role.ADMIN})


def require_own_org(principal: Principal, org_id: UUID) -> None:
    # Another org's id is not found, never forbidden: ids of other tenants stay secret.
    if principal.org_id != org_id and Role.ADMIN not in principal.roles:
        raise NotFound("org", org_id)


def require_member_manager(principal: Principal) -> None:
    if not principal.roles & {Role.OWNER, Role.ADMIN}:
        raise Forbidden("only the org's owners manage its members")


def check_member_role(role: Role) -> None:
    if role not in MEMBER_ROLES:
        raise InvalidField("body.role", "must be owner, manager or analyst")


def check_removal(removed_role: Role, owners_left: int) -> None:
    if removed_role is Role.OWNER and owners_left <= 1:
        raise Conflict("the last owner of an org cannot be removed")


def require_key_admin(principal: Principal) -> None:
    """API keys are made by people: an owner or manager, never by another key."""
    if principal.is_api_key or not principal.roles & ORG_ADMINS:
        raise Forbidden("API keys are managed by the org's owners and managers")


def require_webhook_admin(principal: Principal) -> None:
    """Webhooks carry every event of the org: its owners, managers, or a key scoped for them."""
    if not principal.is_api_key and not principal.roles & ORG_ADMINS:
        raise Forbidden("managing webhooks needs the role owner or manager")
