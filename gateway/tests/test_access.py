import uuid

import pytest

from gateway.domain.access import RouteClass, authorize, required_scope, route_class, service_roles
from gateway.domain.identity import Principal

ROLES = ("owner", "manager", "analyst", "creator", "admin")

# One representative route per route class.
ROUTES = {
    RouteClass.READ: ("GET", "/api/v1/campaigns/abc"),
    RouteClass.BRAND_WRITE: ("POST", "/api/v1/campaigns"),
    RouteClass.CREATOR_WRITE: ("POST", "/api/v1/partnerships/abc/accept"),
    RouteClass.PARTNER_WRITE: ("POST", "/api/v1/conversions"),
}

EXPECTED = {
    RouteClass.READ: {"owner", "manager", "analyst", "creator", "admin"},
    RouteClass.BRAND_WRITE: {"owner", "manager", "admin"},
    RouteClass.CREATOR_WRITE: {"owner", "manager", "creator", "admin"},
    RouteClass.PARTNER_WRITE: {"owner", "manager", "admin"},
}


def person(role: str) -> Principal:
    return Principal(user_id=uuid.uuid4(), org_id=uuid.uuid4(), roles=frozenset({role}))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", list(ROUTES))
def test_role_matrix(role: str, route: RouteClass) -> None:
    method, path = ROUTES[route]
    assert route_class(method, path) is route
    assert authorize(person(role), method, path).allowed == (role in EXPECTED[route])


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/api/v1/partnerships/x/messages", RouteClass.READ),
        ("POST", "/api/v1/partnerships/x/messages", RouteClass.CREATOR_WRITE),
        ("POST", "/api/v1/partnerships/x/sign", RouteClass.CREATOR_WRITE),
        ("POST", "/api/v1/partnerships/x/withdraw", RouteClass.BRAND_WRITE),
        ("POST", "/api/v1/deliverables/x/submissions", RouteClass.CREATOR_WRITE),
        ("POST", "/api/v1/submissions/x/approve", RouteClass.BRAND_WRITE),
        ("POST", "/api/v1/posts/x/insights", RouteClass.PARTNER_WRITE),
        ("DELETE", "/api/v1/campaigns/x/shortlist/y", RouteClass.BRAND_WRITE),
        ("GET", "/r/abc", RouteClass.PUBLIC),
    ],
)
def test_route_classes(method: str, path: str, expected: RouteClass) -> None:
    assert route_class(method, path) is expected


def api_key(*scopes: str) -> Principal:
    return Principal(
        user_id=uuid.uuid4(), org_id=uuid.uuid4(), roles=frozenset(), scopes=frozenset(scopes), is_api_key=True
    )


def test_api_keys_are_held_to_their_scopes() -> None:
    shop = api_key("conversions:write")
    assert authorize(shop, "POST", "/api/v1/conversions").allowed
    assert not authorize(shop, "GET", "/api/v1/campaigns").allowed
    reader = api_key("campaigns:read")
    assert authorize(reader, "GET", "/api/v1/campaigns/x/metrics").allowed
    assert not authorize(reader, "POST", "/api/v1/campaigns").allowed
    assert not authorize(reader, "GET", "/api/v1/unknown").allowed


def test_scopes_by_path() -> None:
    assert required_scope("GET", "/api/v1/import-jobs/x") == "influencers:read"
    assert required_scope("POST", "/api/v1/posts/x/insights") == "insights:write"
    assert required_scope("POST", "/api/v1/submissions/x/approve") == "content:write"


def test_services_see_api_keys_as_managers_or_analysts() -> None:
    key = api_key("campaigns:write", "campaigns:read")
    assert service_roles(key, "POST", "/api/v1/campaigns") == {"manager"}
    assert service_roles(key, "GET", "/api/v1/campaigns") == {"analyst"}
    assert service_roles(person("owner"), "POST", "/api/v1/campaigns") == {"owner"}
