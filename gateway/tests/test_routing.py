import re

import pytest

from gateway.domain.routing import (
    ANY_CALLER,
    OPERATIONS,
    PREFIXES,
    SCOPE_RESOURCES,
    Action,
    Operation,
    RouteClass,
    RouteTable,
    operation_for,
    resolve,
    service_for,
)


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/api/v1/campaigns", "partnerships"),
        ("/api/v1/campaigns/abc", "partnerships"),
        ("/api/v1/campaigns/abc/launch", "partnerships"),
        ("/api/v1/campaigns/abc/budget", "partnerships"),
        ("/api/v1/campaigns/abc/partnerships", "partnerships"),
        ("/api/v1/campaigns/abc/overview", "gateway"),
        ("/api/v1/campaigns/abc/shortlist", "discovery"),
        ("/api/v1/campaigns/abc/shortlist/def", "discovery"),
        ("/api/v1/campaigns/abc/metrics", "metrics"),
        ("/api/v1/campaigns/abc/metrics/timeseries", "metrics"),
        ("/api/v1/campaigns/abc/report.csv", "metrics"),
        ("/api/v1/partnerships/abc", "partnerships"),
        ("/api/v1/message-templates/abc", "partnerships"),
        ("/api/v1/partnerships/abc/deliverables", "content"),
        ("/api/v1/partnerships/abc/metrics", "metrics"),
        ("/api/v1/influencers", "discovery"),
        ("/api/v1/influencers/search", "discovery"),
        ("/api/v1/influencers/abc/performance", "metrics"),
        ("/api/v1/import-jobs/abc", "discovery"),
        ("/api/v1/deliverables/abc/submissions", "content"),
        ("/api/v1/submissions/abc/approve", "content"),
        ("/api/v1/tracking-links", "metrics"),
        ("/api/v1/conversions", "metrics"),
        ("/api/v1/posts/abc/insights", "metrics"),
        ("/r/xyz", "metrics"),
        ("/api/v1/me", "gateway"),
        ("/api/v1/webhooks/abc/deliveries", "gateway"),
    ],
)
def test_each_public_path_goes_to_its_owner(path: str, service: str) -> None:
    assert service_for(path) == service


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/campaignsx",
        "/api/v1/nothing",
        "/api/v2/campaigns",
        "/random",
        "",
        # An empty segment is no service's path: no trailing-slash redirect from a service.
        "/api/v1/campaigns/",
        "/api/v1/campaigns/abc/",
        "/api/v1/campaigns//launch",
        "/api/v1/deliverables/",
    ],
)
def test_paths_no_service_owns(path: str) -> None:
    assert service_for(path) is None


def filled(template: str) -> str:
    return re.sub(r"\{[^}]+\}", "x1", template)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: f"{o.method} {o.path}")
def test_every_operation_is_found_from_a_concrete_path(operation: Operation) -> None:
    assert operation_for(operation.method, filled(operation.path)) is operation
    assert resolve(operation.method, filled(operation.path)) is operation


def test_a_literal_segment_wins_over_a_parameter_and_gives_way_when_it_leads_nowhere() -> None:
    search = operation_for("POST", "/api/v1/influencers/search")
    assert search is not None
    assert search.route_class is RouteClass.READ
    profile = operation_for("GET", "/api/v1/influencers/search")  # a profile id that reads "search"
    assert profile is not None
    assert profile.path == "/api/v1/influencers/{influencer_id}"


def test_the_action_follows_the_route_class() -> None:
    assert {o.action for o in OPERATIONS if o.route_class is RouteClass.READ} == {Action.READ}
    writes = {RouteClass.BRAND_WRITE, RouteClass.CREATOR_WRITE, RouteClass.PARTNER_WRITE}
    assert {o.action for o in OPERATIONS if o.route_class in writes} == {Action.WRITE}


def test_every_resource_is_a_known_scope_resource() -> None:
    for operation in OPERATIONS:
        assert operation.resource in (None, ANY_CALLER, *SCOPE_RESOURCES), operation


def test_every_operation_of_a_service_lies_under_its_prefix() -> None:
    # Else a method the table lacks would be sent to another service than its siblings.
    for operation in OPERATIONS:
        prefix = RouteTable((), PREFIXES).resolve(operation.method, filled(operation.path))
        if operation.service != "gateway":
            assert prefix is not None
            assert prefix.service == operation.service, operation


def test_an_operation_twice_in_the_table_is_refused() -> None:
    twice = (
        Operation("GET", "/api/v1/things/{thing_id}", "discovery", "influencers", RouteClass.READ),
        Operation("GET", "/api/v1/things/{id}", "discovery", "influencers", RouteClass.READ),
    )
    with pytest.raises(ValueError, match="twice"):
        RouteTable(twice, ())
