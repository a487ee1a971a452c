"""The route table: every public operation of the API (method and path template, as in the merged
OpenAPI) with the service that answers it, the resource an API-key scope names, and the route
class that says which roles may call it (its action, read or write, follows from the class).

Routing, the role and scope checks, the roles services see and the tenant-isolation sweep all
read this one table; a test holds it to the merged OpenAPI in both directions. Paths the table
lacks but a service's prefix covers (operations planned but not built) are still routed to that
service, which answers 404 until they exist.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    READ = "read"
    WRITE = "write"


class RouteClass(StrEnum):
    READ = "read"
    BRAND_WRITE = "brand_write"  # a brand changes its campaigns, proposals, shortlists, links
    CREATOR_WRITE = "creator_write"  # actions both sides take: counter, accept, sign, submit drafts
    PARTNER_WRITE = "partner_write"  # shops and platforms report conversions and post insights
    PUBLIC = "public"  # no caller: sign-up, the token endpoint, the tracking redirect
    PERSONAL = "personal"  # a person acting on their own account (an invitation to them): any role


READ, BRAND, CREATOR, PUBLIC = RouteClass.READ, RouteClass.BRAND_WRITE, RouteClass.CREATOR_WRITE, RouteClass.PUBLIC
PERSONAL, PARTNER = RouteClass.PERSONAL, RouteClass.PARTNER_WRITE

# Resources an operation may name besides a scope resource:
PEOPLE_ONLY = None  # no API-key scope reaches it (members, API keys)
ANY_CALLER = "*"  # every authenticated caller, a key without any particular scope too (GET /me)

# The resources of API-key scopes (`<resource>:read`, `<resource>:write`), with what each covers.
SCOPE_RESOURCES: dict[str, str] = {
    "campaigns": "campaigns, their state changes and budget",
    "partnerships": "partnerships (terms, fees, payments, messages), also under a campaign; message templates",
    "influencers": "profiles, ranked search, imports, the org's notes and tags",
    "shortlists": "a campaign's shortlist",
    "metrics": "KPIs of campaigns, partnerships, influencers and posts; exchange rates, EMV values, windows",
    "content": "briefs, deliverables, their versions, review and media, posts, amplifications, assets",
    "tracking-links": "tracking links and promo codes",
    "conversions": "conversions reported by shops",
    "insights": "post insights reported by platforms",
    "webhooks": "webhook subscriptions and their deliveries",
}


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str  # the template, as in the OpenAPI document; metrics are labelled with it
    service: str  # "gateway" for the gateway's own routes
    resource: str | None
    route_class: RouteClass
    public: bool = field(init=False)
    action: Action = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "public", self.route_class is RouteClass.PUBLIC)
        reads = self.route_class in (RouteClass.READ, RouteClass.PUBLIC) or self.method == "GET"
        object.__setattr__(self, "action", Action.READ if reads else Action.WRITE)

    @property
    def scope(self) -> str | None:
        """The scope an API key needs, e.g. `campaigns:read`; None when no scope is needed or none
        can grant it (see `resource`)."""
        if self.resource is None or self.resource == ANY_CALLER or self.public:
            return None
        return f"{self.resource}:{self.action}"


@dataclass(frozen=True, slots=True)
class Prefix:
    """Paths under `path` that the table lacks belong to `service` all the same."""

    path: str
    service: str
    public: bool = False


Route = Operation | Prefix

_C, _P, _I = "/api/v1/campaigns/{campaign_id}", "/api/v1/partnerships/{partnership_id}", "/api/v1/influencers"
_D, _S = "/api/v1/deliverables/{deliverable_id}", "/api/v1/submissions/{submission_id}"
_OPERATIONS: tuple[tuple[str, str, str, str | None, RouteClass], ...] = (
    # discovery
    ("GET", _I, "discovery", "influencers", READ),
    ("POST", _I, "discovery", "influencers", BRAND),
    ("POST", f"{_I}/search", "discovery", "influencers", READ),
    ("POST", f"{_I}/import", "discovery", "influencers", BRAND),
    ("POST", f"{_I}/posts/import", "discovery", "influencers", BRAND),
    ("GET", "/api/v1/import-jobs/{job_id}", "discovery", "influencers", READ),
    ("GET", "/api/v1/import-jobs/{job_id}/rejections", "discovery", "influencers", READ),
    ("GET", f"{_I}/{{influencer_id}}", "discovery", "influencers", READ),
    ("PATCH", f"{_I}/{{influencer_id}}", "discovery", "influencers", BRAND),
    ("GET", f"{_I}/{{influencer_id}}/snapshots", "discovery", "influencers", READ),
    ("GET", f"{_I}/{{influencer_id}}/posts", "discovery", "influencers", READ),
    ("GET", f"{_I}/{{influencer_id}}/authenticity", "discovery", "influencers", READ),
    ("GET", f"{_I}/{{influencer_id}}/lookalikes", "discovery", "influencers", READ),
    ("POST", f"{_I}/{{influencer_id}}/voice-match", "discovery", "influencers", READ),
    ("GET", f"{_I}/{{influencer_id}}/tags", "discovery", "influencers", READ),
    ("PUT", f"{_I}/{{influencer_id}}/tags", "discovery", "influencers", BRAND),
    ("GET", f"{_I}/{{influencer_id}}/notes", "discovery", "influencers", READ),
    ("POST", f"{_I}/{{influencer_id}}/notes", "discovery", "influencers", BRAND),
    ("DELETE", f"{_I}/{{influencer_id}}/notes/{{note_id}}", "discovery", "influencers", BRAND),
    ("GET", f"{_C}/shortlist", "discovery", "shortlists", READ),
    ("POST", f"{_C}/shortlist", "discovery", "shortlists", BRAND),
    ("DELETE", f"{_C}/shortlist/{{influencer_id}}", "discovery", "shortlists", BRAND),
    # partnerships
    ("GET", "/api/v1/campaigns", "partnerships", "campaigns", READ),
    ("POST", "/api/v1/campaigns", "partnerships", "campaigns", BRAND),
    ("GET", _C, "partnerships", "campaigns", READ),
    ("PATCH", _C, "partnerships", "campaigns", BRAND),
    ("POST", f"{_C}/launch", "partnerships", "campaigns", BRAND),
    ("POST", f"{_C}/complete", "partnerships", "campaigns", BRAND),
    ("POST", f"{_C}/cancel", "partnerships", "campaigns", BRAND),
    ("GET", f"{_C}/budget", "partnerships", "campaigns", READ),
    ("GET", f"{_C}/partnerships", "partnerships", "partnerships", READ),
    ("POST", f"{_C}/partnerships", "partnerships", "partnerships", BRAND),
    ("GET", "/api/v1/partnerships", "partnerships", "partnerships", READ),
    ("GET", _P, "partnerships", "partnerships", READ),
    ("POST", f"{_P}/propose", "partnerships", "partnerships", BRAND),
    ("POST", f"{_P}/counter", "partnerships", "partnerships", CREATOR),
    ("POST", f"{_P}/accept", "partnerships", "partnerships", CREATOR),
    ("POST", f"{_P}/decline", "partnerships", "partnerships", CREATOR),
    ("POST", f"{_P}/withdraw", "partnerships", "partnerships", BRAND),
    ("POST", f"{_P}/sign", "partnerships", "partnerships", CREATOR),
    ("POST", f"{_P}/complete", "partnerships", "partnerships", BRAND),
    ("POST", f"{_P}/cancel", "partnerships", "partnerships", BRAND),
    ("GET", f"{_P}/payments", "partnerships", "partnerships", READ),
    ("GET", f"{_P}/messages", "partnerships", "partnerships", READ),
    ("POST", f"{_P}/messages", "partnerships", "partnerships", CREATOR),
    ("GET", "/api/v1/message-templates", "partnerships", "partnerships", READ),
    ("POST", "/api/v1/message-templates", "partnerships", "partnerships", BRAND),
    ("GET", "/api/v1/message-templates/{template_id}", "partnerships", "partnerships", READ),
    ("PATCH", "/api/v1/message-templates/{template_id}", "partnerships", "partnerships", BRAND),
    ("DELETE", "/api/v1/message-templates/{template_id}", "partnerships", "partnerships", BRAND),
    # content
    ("GET", f"{_C}/brief", "content", "content", READ),
    ("PUT", f"{_C}/brief", "content", "content", BRAND),
    ("GET", f"{_C}/brief/versions", "content", "content", READ),
    ("GET", "/api/v1/briefs/{brief_id}", "content", "content", READ),
    ("GET", "/api/v1/deliverables", "content", "content", READ),
    ("GET", f"{_P}/deliverables", "content", "content", READ),
    ("GET", _D, "content", "content", READ),
    ("GET", f"{_D}/brief", "content", "content", READ),
    ("PUT", f"{_D}/brief", "content", "content", BRAND),
    ("POST", f"{_D}/media", "content", "content", CREATOR),
    ("GET", "/api/v1/media/{media_id}", "content", "content", READ),
    ("GET", "/api/v1/media/{media_id}/content", "content", "content", READ),
    ("GET", f"{_D}/submissions", "content", "content", READ),
    ("POST", f"{_D}/submissions", "content", "content", CREATOR),
    ("GET", f"{_S}", "content", "content", READ),
    ("GET", f"{_S}/compliance", "content", "content", READ),
    ("POST", f"{_S}/approve", "content", "content", BRAND),
    ("POST", f"{_S}/request-changes", "content", "content", BRAND),
    ("POST", f"{_D}/schedule", "content", "content", CREATOR),
    ("POST", f"{_D}/publish", "content", "content", CREATOR),
    ("GET", f"{_D}/amplifications", "content", "content", READ),
    ("POST", f"{_D}/amplifications", "content", "content", BRAND),
    ("GET", "/api/v1/amplifications/{amplification_id}", "content", "content", READ),
    ("GET", "/api/v1/assets", "content", "content", READ),
    ("GET", "/api/v1/assets/{asset_id}", "content", "content", READ),
    # metrics
    ("GET", f"{_C}/metrics", "metrics", "metrics", READ),
    ("GET", f"{_C}/metrics/timeseries", "metrics", "metrics", READ),
    ("GET", f"{_C}/report.csv", "metrics", "metrics", READ),
    ("GET", f"{_C}/report", "metrics", "metrics", READ),
    ("GET", f"{_C}/metrics/settings", "metrics", "metrics", READ),
    ("PUT", f"{_C}/metrics/settings", "metrics", "metrics", BRAND),
    ("GET", f"{_P}/metrics", "metrics", "metrics", READ),
    ("GET", f"{_I}/{{influencer_id}}/performance", "metrics", "metrics", READ),
    ("GET", "/api/v1/posts/{post_id}/metrics", "metrics", "metrics", READ),
    ("GET", "/api/v1/posts/{post_id}/insights", "metrics", "insights", READ),
    ("POST", "/api/v1/posts/{post_id}/insights", "metrics", "insights", PARTNER),
    ("GET", "/api/v1/conversions", "metrics", "conversions", READ),
    ("POST", "/api/v1/conversions", "metrics", "conversions", PARTNER),
    ("GET", "/api/v1/conversions/{conversion_id}", "metrics", "conversions", READ),
    ("GET", "/api/v1/tracking-links", "metrics", "tracking-links", READ),
    ("POST", "/api/v1/tracking-links", "metrics", "tracking-links", BRAND),
    ("GET", "/api/v1/tracking-links/{link_id}", "metrics", "tracking-links", READ),
    ("DELETE", "/api/v1/tracking-links/{link_id}", "metrics", "tracking-links", BRAND),
    ("GET", "/api/v1/promo-codes", "metrics", "tracking-links", READ),
    ("POST", "/api/v1/promo-codes", "metrics", "tracking-links", BRAND),
    ("DELETE", "/api/v1/promo-codes/{promo_code_id}", "metrics", "tracking-links", BRAND),
    ("GET", "/api/v1/exchange-rates", "metrics", "metrics", READ),
    ("POST", "/api/v1/exchange-rates", "metrics", "metrics", BRAND),
    ("DELETE", "/api/v1/exchange-rates/{rate_id}", "metrics", "metrics", BRAND),
    ("GET", "/api/v1/emv-values", "metrics", "metrics", READ),
    ("PUT", "/api/v1/emv-values", "metrics", "metrics", BRAND),
    ("GET", "/r/{code}", "metrics", PEOPLE_ONLY, PUBLIC),
    # the gateway's own
    ("POST", "/api/v1/orgs", "gateway", PEOPLE_ONLY, PUBLIC),
    ("POST", "/api/v1/creators", "gateway", PEOPLE_ONLY, PUBLIC),
    ("POST", "/api/v1/signups/confirm", "gateway", PEOPLE_ONLY, PUBLIC),
    ("POST", "/api/v1/auth/token", "gateway", PEOPLE_ONLY, PUBLIC),
    ("GET", "/api/v1/me", "gateway", ANY_CALLER, READ),
    ("GET", "/api/v1/orgs/{org_id}/members", "gateway", PEOPLE_ONLY, READ),
    ("POST", "/api/v1/orgs/{org_id}/members", "gateway", PEOPLE_ONLY, BRAND),
    ("PATCH", "/api/v1/orgs/{org_id}/members/{user_id}", "gateway", PEOPLE_ONLY, BRAND),
    ("DELETE", "/api/v1/orgs/{org_id}/members/{user_id}", "gateway", PEOPLE_ONLY, BRAND),
    ("GET", "/api/v1/orgs/{org_id}/invitations", "gateway", PEOPLE_ONLY, READ),
    ("DELETE", "/api/v1/orgs/{org_id}/invitations/{invitation_id}", "gateway", PEOPLE_ONLY, BRAND),
    ("GET", "/api/v1/me/invitations", "gateway", PEOPLE_ONLY, PERSONAL),
    ("POST", "/api/v1/invitations/{invitation_id}/accept", "gateway", PEOPLE_ONLY, PERSONAL),
    ("POST", "/api/v1/invitations/{invitation_id}/decline", "gateway", PEOPLE_ONLY, PERSONAL),
    ("POST", "/api/v1/invitations/join", "gateway", PEOPLE_ONLY, PUBLIC),
    ("GET", "/api/v1/api-keys", "gateway", PEOPLE_ONLY, READ),
    ("POST", "/api/v1/api-keys", "gateway", PEOPLE_ONLY, BRAND),
    ("DELETE", "/api/v1/api-keys/{key_id}", "gateway", PEOPLE_ONLY, BRAND),
    ("GET", "/api/v1/webhooks", "gateway", "webhooks", READ),
    ("POST", "/api/v1/webhooks", "gateway", "webhooks", BRAND),
    ("GET", "/api/v1/webhooks/{webhook_id}", "gateway", "webhooks", READ),
    ("DELETE", "/api/v1/webhooks/{webhook_id}", "gateway", "webhooks", BRAND),
    ("POST", "/api/v1/webhooks/{webhook_id}/enable", "gateway", "webhooks", BRAND),
    ("GET", "/api/v1/webhooks/{webhook_id}/deliveries", "gateway", "webhooks", READ),
    ("POST", "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/replay", "gateway", "webhooks", BRAND),
    ("GET", f"{_C}/overview", "gateway", "campaigns", READ),
    # share links of a campaign's report: made by people only (a link is a disclosure someone answers for)
    ("GET", f"{_C}/report-shares", "gateway", PEOPLE_ONLY, READ),
    ("POST", f"{_C}/report-shares", "gateway", PEOPLE_ONLY, BRAND),
    ("DELETE", "/api/v1/report-shares/{share_id}", "gateway", PEOPLE_ONLY, BRAND),
    ("GET", "/api/v1/shared-reports/{token}", "gateway", PEOPLE_ONLY, PUBLIC),
)
OPERATIONS: tuple[Operation, ...] = tuple(Operation(*row) for row in _OPERATIONS)

# Where paths the table lacks go, most specific first: operations planned but not built.
PREFIXES: tuple[Prefix, ...] = (
    Prefix(f"{_C}/shortlist", "discovery"),
    Prefix(f"{_C}/metrics", "metrics"),
    Prefix(f"{_C}/report.csv", "metrics"),
    Prefix(f"{_C}/report", "metrics"),
    Prefix(f"{_C}/brief", "content"),
    Prefix("/api/v1/campaigns", "partnerships"),
    Prefix(f"{_P}/deliverables", "content"),
    Prefix(f"{_P}/metrics", "metrics"),
    Prefix("/api/v1/partnerships", "partnerships"),
    Prefix("/api/v1/message-templates", "partnerships"),
    Prefix(f"{_I}/{{influencer_id}}/performance", "metrics"),
    Prefix(_I, "discovery"),
    Prefix("/api/v1/import-jobs", "discovery"),
    Prefix("/api/v1/deliverables", "content"),
    Prefix("/api/v1/submissions", "content"),
    Prefix("/api/v1/assets", "content"),
    Prefix("/api/v1/briefs", "content"),
    Prefix("/api/v1/media", "content"),
    Prefix("/api/v1/amplifications", "content"),
    Prefix("/api/v1/tracking-links", "metrics"),
    Prefix("/api/v1/conversions", "metrics"),
    Prefix("/api/v1/posts", "metrics"),
    Prefix("/api/v1/promo-codes", "metrics"),
    Prefix("/api/v1/exchange-rates", "metrics"),
    Prefix("/api/v1/emv-values", "metrics"),
    Prefix("/r/{code}", "metrics", public=True),
)

# Operations (path templates) that take file uploads, under a larger body limit than the rest
# (max_upload_bytes: it must hold content's largest medium, services/content/README.md).
UPLOAD_PATHS = frozenset({f"{_I}/import", f"{_D}/media"})


class _Node:
    __slots__ = ("literal", "operations", "parameter", "prefix")

    def __init__(self) -> None:
        self.literal: dict[str, _Node] = {}
        self.parameter: _Node | None = None
        self.operations: dict[str, Operation] = {}
        self.prefix: Prefix | None = None


def _segments(template: str) -> list[str]:
    return template[1:].split("/")


def _is_parameter(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


class RouteTable:
    """Finds a request's operation by walking its path segments through a tree of the templates
    (literal segments before parameters): a few dictionary look-ups, whatever the table's size."""

    def __init__(self, operations: tuple[Operation, ...], prefixes: tuple[Prefix, ...]) -> None:
        self.operations = operations
        self._root = _Node()
        for operation in operations:
            node = self._node(operation.path)
            if operation.method in node.operations:
                raise ValueError(f"{operation.method} {operation.path} is in the table twice (or under two names)")
            node.operations[operation.method] = operation
        for prefix in prefixes:
            node = self._node(prefix.path)
            if node.prefix is None:
                node.prefix = prefix

    def _node(self, template: str) -> _Node:
        node = self._root
        for segment in _segments(template):
            if _is_parameter(segment):
                node.parameter = node.parameter or _Node()
                node = node.parameter
            else:
                node = node.literal.setdefault(segment, _Node())
        return node

    def operation(self, method: str, path: str) -> Operation | None:
        if not path.startswith("/"):
            return None
        segments = _segments(path)
        return _walk(self._root, segments, method) or _find(self._root, segments, 0, method)

    def resolve(self, method: str, path: str) -> Route | None:
        """The operation; else the prefix of the service that owns the path; else None (not a
        service's: the gateway's own app answers, 404 for unknown paths and any empty segment)."""
        if not path.startswith("/"):
            return None
        segments = _segments(path)
        found = _walk(self._root, segments, method) or _find(self._root, segments, 0, method)
        if found is not None:
            return found
        if "" in segments:
            return None
        return _deepest_prefix(self._root, segments)

    def methods(self, path: str) -> frozenset[str]:
        """Every method the table has for this path (HEAD wherever GET is): what a 405 allows."""
        if not path.startswith("/"):
            return frozenset()
        found = _methods(self._root, _segments(path), 0)
        return found | {"HEAD"} if "GET" in found else found


def _methods(node: _Node, segments: list[str], index: int) -> frozenset[str]:
    """A literal segment's templates first (`/influencers/import`, not `/influencers/{id}`), as
    the OpenAPI lists each path's methods; a parameter only where no literal has any."""
    if index == len(segments):
        return frozenset(node.operations)
    segment = segments[index]
    child = node.literal.get(segment)
    if child is not None and (found := _methods(child, segments, index + 1)):
        return found
    if node.parameter is not None and segment:
        return _methods(node.parameter, segments, index + 1)
    return frozenset()


def _walk(node: _Node, segments: list[str], method: str) -> Operation | None:
    """The common case in one loop: each segment a literal of the tree, or else its parameter."""
    for segment in segments:
        child = node.literal.get(segment)
        if child is None:
            child = node.parameter
            if child is None or not segment:
                return None
        node = child
    return node.operations.get(method)


def _find(node: _Node, segments: list[str], index: int, method: str) -> Operation | None:
    """With backtracking, when the walk found nothing: a literal segment that leads nowhere for
    this method gives way to a parameter in its place."""
    if index == len(segments):
        return node.operations.get(method)
    segment = segments[index]
    child = node.literal.get(segment)
    if child is not None:
        found = _find(child, segments, index + 1, method)
        if found is not None:
            return found
    if node.parameter is not None and segment:
        return _find(node.parameter, segments, index + 1, method)
    return None


def _deepest_prefix(node: _Node, segments: list[str]) -> Prefix | None:
    deepest = None
    for segment in segments:
        nxt = node.literal.get(segment) or node.parameter
        if nxt is None:
            break
        node = nxt
        deepest = node.prefix or deepest
    return deepest


ROUTE_TABLE = RouteTable(OPERATIONS, PREFIXES)
resolve = ROUTE_TABLE.resolve
operation_for = ROUTE_TABLE.operation
methods_of = ROUTE_TABLE.methods


def takes_uploads(path: str) -> bool:
    """Whether a request to this concrete path uploads a file (its POST is in UPLOAD_PATHS)."""
    if path in UPLOAD_PATHS:
        return True
    operation = operation_for("POST", path)
    return operation is not None and operation.path in UPLOAD_PATHS


def service_for(path: str, method: str = "GET") -> str | None:
    route = resolve(method, path)
    return route.service if route is not None else None
