"""Which service answers which public path. The most specific pattern comes first."""

import re
from dataclasses import dataclass

_SEGMENT = "[^/]+"


@dataclass(frozen=True)
class PublicRoute:
    pattern: str
    service: str
    public: bool = False  # no caller: the tracking redirect

    @property
    def path(self) -> str:
        """The template metrics are labelled with."""
        return self.pattern

    def regex(self) -> re.Pattern[str]:
        body = re.sub(r"\{[^}]+\}", _SEGMENT, self.pattern)
        return re.compile(f"^{body}(?:/.*)?$")


# Paths that take file uploads, under a larger body limit than the rest (max_upload_bytes).
UPLOAD_PATHS = frozenset({"/api/v1/influencers/import"})

ROUTES: tuple[PublicRoute, ...] = (
    PublicRoute("/api/v1/campaigns/{id}/shortlist", "discovery"),
    PublicRoute("/api/v1/campaigns/{id}/metrics", "metrics"),
    PublicRoute("/api/v1/campaigns/{id}/report.csv", "metrics"),
    PublicRoute("/api/v1/campaigns", "partnerships"),
    PublicRoute("/api/v1/partnerships/{id}/deliverables", "content"),
    PublicRoute("/api/v1/partnerships/{id}/metrics", "metrics"),
    PublicRoute("/api/v1/partnerships", "partnerships"),
    PublicRoute("/api/v1/message-templates", "partnerships"),
    PublicRoute("/api/v1/influencers/{id}/performance", "metrics"),
    PublicRoute("/api/v1/influencers", "discovery"),
    PublicRoute("/api/v1/import-jobs", "discovery"),
    PublicRoute("/api/v1/deliverables", "content"),
    PublicRoute("/api/v1/submissions", "content"),
    PublicRoute("/api/v1/assets", "content"),
    PublicRoute("/api/v1/tracking-links", "metrics"),
    PublicRoute("/api/v1/conversions", "metrics"),
    PublicRoute("/api/v1/posts", "metrics"),
    PublicRoute("/r/{code}", "metrics", public=True),
)

_COMPILED = tuple((route.regex(), route) for route in ROUTES)


def route_for(path: str) -> PublicRoute | None:
    for regex, route in _COMPILED:
        if regex.match(path):
            return route
    return None


def service_for(path: str) -> str | None:
    route = route_for(path)
    return route.service if route else None
