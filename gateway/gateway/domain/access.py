"""Who may call which route: route classes, the roles each admits, and API-key scopes.

Services check ownership (this partnership is yours); the gateway checks the coarse rule first,
so a role that may never write is refused before any service is asked.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from gateway.domain.identity import Principal, Role


class RouteClass(StrEnum):
    READ = "read"
    BRAND_WRITE = "brand_write"  # a brand changes its campaigns, proposals, shortlists, links
    CREATOR_WRITE = "creator_write"  # actions both sides take: counter, accept, sign, submit drafts
    PARTNER_WRITE = "partner_write"  # shops and platforms report conversions and post insights
    PUBLIC = "public"  # the tracking redirect


ALLOWED_ROLES: dict[RouteClass, frozenset[str]] = {
    RouteClass.READ: frozenset({Role.OWNER, Role.MANAGER, Role.ANALYST, Role.CREATOR, Role.ADMIN}),
    RouteClass.BRAND_WRITE: frozenset({Role.OWNER, Role.MANAGER, Role.ADMIN}),
    RouteClass.CREATOR_WRITE: frozenset({Role.OWNER, Role.MANAGER, Role.CREATOR, Role.ADMIN}),
    RouteClass.PARTNER_WRITE: frozenset({Role.OWNER, Role.MANAGER, Role.ADMIN}),
    RouteClass.PUBLIC: frozenset(),
}

_ID = "[^/]+"
# Writes are brand writes unless listed here.
_WRITE_CLASSES: tuple[tuple[re.Pattern[str], RouteClass], ...] = tuple(
    (re.compile(f"^{pattern}$"), route_class)
    for pattern, route_class in (
        (f"/api/v1/partnerships/{_ID}/(counter|accept|decline|sign)", RouteClass.CREATOR_WRITE),
        (f"/api/v1/partnerships/{_ID}/messages", RouteClass.CREATOR_WRITE),
        (f"/api/v1/deliverables/{_ID}/(submissions|publish)", RouteClass.CREATOR_WRITE),
        ("/api/v1/conversions", RouteClass.PARTNER_WRITE),
        (f"/api/v1/posts/{_ID}/insights", RouteClass.PARTNER_WRITE),
    )
)

# The resource an API-key scope names, by the first path segment after /api/v1.
SCOPE_RESOURCES = {
    "campaigns": "campaigns",
    "partnerships": "partnerships",
    "message-templates": "partnerships",
    "influencers": "influencers",
    "import-jobs": "influencers",
    "deliverables": "content",
    "submissions": "content",
    "assets": "content",
    "tracking-links": "tracking-links",
    "conversions": "conversions",
    "posts": "insights",
    "webhooks": "webhooks",
}
KNOWN_SCOPES = frozenset(
    f"{resource}:{action}" for resource in set(SCOPE_RESOURCES.values()) for action in ("read", "write")
)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def route_class(method: str, path: str) -> RouteClass:
    if path.startswith("/r/"):
        return RouteClass.PUBLIC
    if method.upper() in SAFE_METHODS:
        return RouteClass.READ
    for pattern, route in _WRITE_CLASSES:
        if pattern.match(path):
            return route
    return RouteClass.BRAND_WRITE


def required_scope(method: str, path: str) -> str | None:
    """The scope an API key needs here, e.g. `campaigns:read`, `conversions:write`."""
    parts = path.removeprefix("/api/v1/").split("/", 1)
    resource = SCOPE_RESOURCES.get(parts[0]) if parts and parts[0] else None
    if resource is None:
        return None
    return f"{resource}:{'read' if method.upper() in SAFE_METHODS else 'write'}"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""


def authorize(principal: Principal, method: str, path: str) -> Decision:
    route = route_class(method, path)
    if route is RouteClass.PUBLIC:
        return Decision(True)
    if principal.is_api_key:
        scope = required_scope(method, path)
        if scope is None or scope not in principal.scopes:
            return Decision(False, f"this API key lacks the scope {scope or 'for this path'}")
        return Decision(True)
    if principal.roles & ALLOWED_ROLES[route]:
        return Decision(True)
    needed = ", ".join(sorted(ALLOWED_ROLES[route]))
    return Decision(False, f"{method.upper()} {path} needs one of the roles: {needed}")


def service_roles(principal: Principal, method: str, path: str) -> frozenset[str]:
    """The roles services see. An API key acts as a manager where its scopes let it write, and
    as an analyst where they let it read: services then apply one rule for people and keys."""
    if not principal.is_api_key:
        return principal.roles
    return frozenset({Role.MANAGER if method.upper() not in SAFE_METHODS else Role.ANALYST})
