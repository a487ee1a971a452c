"""Who may call which operation: the roles each route class admits and the scope an API key
needs, both read from the route table (domain/routing.py).

Services check ownership (this partnership is yours); the gateway checks the coarse rule first,
so a role that may never write is refused before any service is asked.
"""

from dataclasses import dataclass

from gateway.domain.identity import Principal, Role
from gateway.domain.routing import (
    ANY_CALLER,
    SCOPE_RESOURCES,
    Action,
    Operation,
    Route,
    RouteClass,
    resolve,
)

ALLOWED_ROLES: dict[RouteClass, frozenset[str]] = {
    RouteClass.READ: frozenset({Role.OWNER, Role.MANAGER, Role.ANALYST, Role.CREATOR, Role.ADMIN}),
    RouteClass.BRAND_WRITE: frozenset({Role.OWNER, Role.MANAGER, Role.ADMIN}),
    RouteClass.CREATOR_WRITE: frozenset({Role.OWNER, Role.MANAGER, Role.CREATOR, Role.ADMIN}),
    RouteClass.PARTNER_WRITE: frozenset({Role.OWNER, Role.MANAGER, Role.ADMIN}),
    RouteClass.PUBLIC: frozenset(),
    RouteClass.PERSONAL: frozenset({Role.OWNER, Role.MANAGER, Role.ANALYST, Role.CREATOR, Role.ADMIN}),
}

KNOWN_SCOPES = frozenset(f"{resource}:{action}" for resource in SCOPE_RESOURCES for action in Action)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""


def class_of(route: Route | None, method: str) -> RouteClass:
    """An operation's class. A path the table lacks (planned, not built; or a method the path does
    not have) is a read for people when it is a GET and a brand write otherwise; never for keys."""
    if isinstance(route, Operation):
        return route.route_class
    if route is not None and route.public:
        return RouteClass.PUBLIC
    return RouteClass.READ if method in SAFE_METHODS else RouteClass.BRAND_WRITE


def decide(principal: Principal, route: Route | None, method: str, path: str) -> Decision:
    route_cls = class_of(route, method)
    if route_cls is RouteClass.PUBLIC:
        return Decision(True)
    if principal.is_api_key:
        return _decide_for_key(principal, route, method, path)
    if principal.roles & ALLOWED_ROLES[route_cls]:
        return Decision(True)
    needed = ", ".join(sorted(ALLOWED_ROLES[route_cls]))
    return Decision(False, f"{method} {path} needs one of the roles: {needed}")


def _decide_for_key(principal: Principal, route: Route | None, method: str, path: str) -> Decision:
    if not isinstance(route, Operation):
        return Decision(False, f"no API-key scope covers {method} {path}")
    if route.resource == ANY_CALLER:
        return Decision(True)
    scope = route.scope
    if scope is None:
        return Decision(False, f"{method} {route.path} is for people, not API keys")
    if scope not in principal.scopes:
        return Decision(False, f"this API key lacks the scope {scope}")
    return Decision(True)


def action_of(route: Route | None, method: str) -> Action:
    if isinstance(route, Operation):
        return route.action
    return Action.READ if class_of(route, method) in (RouteClass.READ, RouteClass.PUBLIC) else Action.WRITE


def roles_for_services(principal: Principal, action: Action) -> frozenset[str]:
    """The roles services see. An API key acts as a manager where it may write and as an analyst
    where it may read: services then apply one rule for people and keys."""
    if not principal.is_api_key:
        return principal.roles
    return _KEY_ROLES[action]


_KEY_ROLES = {Action.WRITE: frozenset({Role.MANAGER.value}), Action.READ: frozenset({Role.ANALYST.value})}


# By method and path, for callers that have no resolved route at hand.
def authorize(principal: Principal, method: str, path: str) -> Decision:
    method = method.upper()
    return decide(principal, resolve(method, path), method, path)


def route_class(method: str, path: str) -> RouteClass:
    method = method.upper()
    return class_of(resolve(method, path), method)


def required_scope(method: str, path: str) -> str | None:
    """The scope an API key needs here, e.g. `campaigns:read`, `conversions:write`."""
    route = resolve(method.upper(), path)
    return route.scope if isinstance(route, Operation) else None


def service_roles(principal: Principal, method: str, path: str) -> frozenset[str]:
    method = method.upper()
    return roles_for_services(principal, action_of(resolve(method, path), method))
