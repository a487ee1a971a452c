"""Prometheus metrics every service exposes at /metrics, labelled by service and route template."""

import functools
import time

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests handled", ["service", "method", "route", "status"])
HTTP_LATENCY = Histogram(
    "http_request_duration_seconds",
    "HTTP request latency",
    ["service", "method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
EVENTS_PUBLISHED = Counter("events_published_total", "Events the outbox relay published", ["service", "topic"])
EVENTS_CONSUMED = Counter("events_consumed_total", "Events handled", ["service", "topic", "type"])
EVENTS_DUPLICATE = Counter(
    "events_duplicate_total", "Redelivered events the inbox recognised and skipped", ["service", "topic"]
)
EVENTS_FAILED = Counter("events_failed_total", "Handler attempts that raised", ["service", "topic", "type"])
EVENTS_DEAD_LETTERED = Counter(
    "events_dead_lettered_total", "Events sent to the dead-letter topic", ["service", "topic"]
)
OUTBOX_BACKLOG = Gauge("outbox_backlog", "Outbox events not yet published", ["service"])
CONSUMER_LAG = Gauge(
    "consumer_lag", "Messages behind the partition's high watermark", ["service", "topic", "partition"]
)

# Probes and scrapes would drown the request figures.
UNMEASURED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


@functools.lru_cache(maxsize=4096)
def _request_series(service: str, method: str, route: str, status: int) -> tuple[Counter, Histogram]:
    # labels() hashes and locks on every call; the series of a route are few and long-lived.
    return (
        HTTP_REQUESTS.labels(service, method, route, str(status)),
        HTTP_LATENCY.labels(service, method, route),
    )


def observe_request(service: str, method: str, route: str, status: int, seconds: float) -> None:
    count, latency = _request_series(service, method, route, status)
    count.inc()
    latency.observe(seconds)


class PrometheusMiddleware:
    """Counts and times requests by route template (`/campaigns/{id}`), never by raw path."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNMEASURED_PATHS:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            template = getattr(scope.get("route"), "path", None) or "unmatched"
            observe_request(self.service, scope["method"], template, status, time.perf_counter() - started)


async def metrics_endpoint(_request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
