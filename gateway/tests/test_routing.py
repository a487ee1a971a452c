import pytest

from gateway.domain.routing import service_for


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/api/v1/campaigns", "partnerships"),
        ("/api/v1/campaigns/abc", "partnerships"),
        ("/api/v1/campaigns/abc/launch", "partnerships"),
        ("/api/v1/campaigns/abc/budget", "partnerships"),
        ("/api/v1/campaigns/abc/partnerships", "partnerships"),
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
    ],
)
def test_each_public_path_goes_to_its_owner(path: str, service: str) -> None:
    assert service_for(path) == service


@pytest.mark.parametrize("path", ["/api/v1/campaignsx", "/api/v1/nothing", "/api/v2/campaigns", "/random"])
def test_unknown_paths_have_no_owner(path: str) -> None:
    assert service_for(path) is None
