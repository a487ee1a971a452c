"""Which service answers which public path. The most specific pattern comes first."""

import re
from dataclasses import dataclass

_SEGMENT = "[^/]+"


@dataclass(frozen=True)
class PublicRoute:
    pattern: str
    service: str

    def regex(self) -> re.Pattern[str]:
        body = re.sub(r"\{[^}]+\}", _SEGMENT, self.pattern)
        return re.compile(f"^{body}(?:/.*)?$")


ROUTES: tuple[PublicRoute, ...] = (
    PublicRoute("/api/v1/campaigns/{id}/shortlist", "discovery"),
    PublicRoute("/api/v1/campaigns/{id}/metrics", "metrics"),
    PublicRoute("/api/v1/campaigns/{id}/report.csv", "metrics"),
    PublicRoute("/api/v1/campaigns", "partnerships"),
    PublicRoute("/api/v1/partnerships/{id}/deliverables", "content"),
    PublicRoute("/api/v1/partnerships/{id}/metrics", "metrics"),
    PublicRoute("/api/v1/partnerships", "partnerships"),
    PublicRoute("/api/v1/influencers/{id}/performance", "metrics"),
    PublicRoute("/api/v1/influencers", "discovery"),
    PublicRoute("/api/v1/import-jobs", "discovery"),
    PublicRoute("/api/v1/deliverables", "content"),
    PublicRoute("/api/v1/submissions", "content"),
    PublicRoute("/api/v1/assets", "content"),
    PublicRoute("/api/v1/tracking-links", "metrics"),
    PublicRoute("/api/v1/conversions", "metrics"),
    PublicRoute("/api/v1/posts", "metrics"),
    PublicRoute("/r", "metrics"),
)

_COMPILED = tuple((route.regex(), route.service) for route in ROUTES)


def service_for(path: str) -> str | None:
    for regex, service in _COMPILED:
        if regex.match(path):
            return service
    return None
