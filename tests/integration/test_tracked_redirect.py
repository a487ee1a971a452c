"""The public tracking redirect through the gateway to the real metrics service (its broker and
database): concurrent visitors are each answered with their own link's target and click id while
metrics is asked once for many of them; an unknown code among them is a 404 recording nothing; a
HEAD is recorded as a bot's; metrics out of reach is a 503 problem; the internal route metrics
answers the gateway on is not reachable from outside."""

import asyncio
import secrets
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import orjson
import pytest
from starlette.types import Receive, Scope, Send

from contracts import CollaborationType, FeeKind, Money, Party
from contracts.events.partnerships import CampaignCreated, PartnershipSigned
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import read_topic_until, serve_over_http, service_headers
from gateway.main import create_app as create_gateway
from gateway.settings import GatewaySettings
from metrics.domain.clicks import read_click_id
from metrics.main import create_app as create_metrics
from metrics.settings import MetricsSettings
from servicekit.testing import deliver

MOBILE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
NOWHERE = "http://127.0.0.1:9"


class Exchanges:
    """In front of metrics: counts the HTTP requests it is sent, by method and path."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seen: Counter[tuple[str, str]] = Counter()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.app, name)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.seen[(scope["method"], "/r/" if scope["path"].startswith("/r/") else scope["path"])] += 1
        await self.app(scope, receive, send)


@dataclass
class Metrics:
    url: str
    settings: MetricsSettings
    exchanges: Exchanges
    codes: dict[str, str]  # code -> target URL
    link_ids: dict[str, str]  # code -> link id


@pytest.fixture(scope="module")
async def metrics(databases: DatabaseFactory, messaging_settings: dict[str, object]) -> AsyncIterator[Metrics]:
    own = uuid.uuid4().hex[:8]
    settings = MetricsSettings(
        database_url=await databases.new("metrics_redirect"),
        **{**messaging_settings, "consumer_enabled": False},
        service_name=f"metrics-{own}",
        clicks_topic=f"clicks-{own}",
        insights_topic=f"insights-{own}",
    )
    app = create_metrics(settings)
    exchanges = Exchanges(app)
    org, campaign_id = uuid.uuid4(), uuid.uuid4()
    async with serve_over_http(exchanges) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
        runtime = app.state.runtime
        budget = Money(amount_minor=500_000, currency="EUR")
        created = CampaignCreated(campaign_id=campaign_id, name="Spring", objective="conversions", budget=budget)
        await deliver(runtime, created, tenant_id=org)
        codes, link_ids = {}, {}
        for n in range(3):
            partnership_id = uuid.uuid4()
            signed = PartnershipSigned(
                partnership_id=partnership_id, campaign_id=campaign_id, influencer_id=uuid.uuid4(), terms_version=1,
                actor=Party.BRAND, terms_hash="h", collaboration_type=CollaborationType.SPONSORED_POST,
                fee=Money(amount_minor=100_000, currency="EUR"), fee_kind=FeeKind.FIXED,
            )  # fmt: skip
            await deliver(runtime, signed, tenant_id=org)
            made = await client.post(
                "/api/v1/tracking-links",
                json={"partnership_id": str(partnership_id), "destination_url": f"https://shop{n}.example/spring"},
                headers=service_headers(settings.internal_secret, org),
            )
            assert made.status_code == 201, made.text
            codes[made.json()["code"]] = made.json()["target_url"]
            link_ids[made.json()["code"]] = made.json()["id"]
        yield Metrics(url, settings, exchanges, codes, link_ids)


def gateway_settings(metrics_url: str, messaging: dict[str, object], database_url: str, mail: Path) -> GatewaySettings:
    return GatewaySettings(
        **messaging,
        database_url=database_url,
        mail_dir=str(mail),
        discovery_url=NOWHERE,
        partnerships_url=NOWHERE,
        content_url=NOWHERE,
        metrics_url=metrics_url,
        jwt_keys={"t1": secrets.token_urlsafe(48)},
        jwt_active_kid="t1",
        consumer_enabled=False,
        upstream_timeout_s=5.0,
        rate_limits={"public": {"per_minute": 100_000, "burst": 10_000}},
    )


@pytest.fixture(scope="module")
async def gateway(
    metrics: Metrics,
    databases: DatabaseFactory,
    messaging_settings: dict[str, object],
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[httpx.AsyncClient]:
    settings = gateway_settings(
        metrics.url, messaging_settings, await databases.new("gateway"), tmp_path_factory.mktemp("mail")
    )
    async with serve_over_http(create_gateway(settings)) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
        yield client


async def clicks_recorded(metrics: Metrics, more_than: int = -1, timeout_s: float = 10) -> list[dict[str, Any]]:
    """The clicks on metrics' click topic, once there are more than `more_than` (all there are
    after `timeout_s` otherwise)."""
    records = await read_topic_until(
        str(metrics.settings.kafka_bootstrap_servers),
        metrics.settings.clicks_topic,
        lambda found: sum(len(orjson.loads(r.value)) for r in found) > more_than,
        timeout_s=timeout_s,
    )
    return [click for record in records for click in orjson.loads(record.value)]


async def all_clicks(metrics: Metrics) -> list[dict[str, Any]]:
    return await clicks_recorded(metrics, more_than=10**9, timeout_s=1)


async def test_concurrent_visitors_are_each_answered_their_own_link_in_few_internal_exchanges(
    gateway: httpx.AsyncClient, metrics: Metrics
) -> None:
    codes = list(metrics.codes)
    visits = [(codes[i % len(codes)], f"{MOBILE} visitor-{i}") for i in range(40)]
    # A visitor's junk (a code no link can have, a huge user agent) fails no other visit of its batch.
    unknown = {"no-such-code", "x" * 3_000}
    visits[7] = visits[23] = ("no-such-code", MOBILE)
    visits[11] = ("x" * 3_000, "y" * 20_000)
    before = dict(metrics.exchanges.seen)
    recorded_before = len(await all_clicks(metrics))

    answers = await asyncio.gather(*(gateway.get(f"/r/{code}", headers={"user-agent": ua}) for code, ua in visits))

    click_ids = set()
    for (code, _), answer in zip(visits, answers, strict=True):
        assert answer.headers["x-request-id"]
        assert "ratelimit-remaining" in answer.headers
        if code in unknown:
            assert answer.status_code == 404, answer.text
            assert answer.headers["content-type"] == "application/problem+json"
            assert answer.json()["detail"] == "no such tracking link"
            continue
        assert answer.status_code == 302, answer.text
        assert answer.headers["cache-control"] == "no-store"
        assert answer.headers["content-length"] == "0"
        location = answer.headers["location"]
        assert location.startswith(metrics.codes[code] + "&click_id="), (code, location)
        click_id = parse_qs(urlsplit(location).query)["click_id"][0]
        ref = read_click_id(metrics.settings.click_key(), click_id)
        assert ref is not None
        assert str(ref.link_id) == metrics.link_ids[code]
        click_ids.add(click_id)
    assert len(click_ids) == 37
    # Every answered click was recorded, and nothing for the unknown code.
    await clicks_recorded(metrics, more_than=recorded_before + 36)
    clicks = await all_clicks(metrics)
    assert len(clicks) == recorded_before + 37
    recorded = [click for click in clicks if click["id"] in click_ids]
    assert len(recorded) == 37
    assert {click["ua"] for click in recorded} == {"mobile"}
    asked = {key: n - before.get(key, 0) for key, n in metrics.exchanges.seen.items() if n - before.get(key, 0)}
    assert ("GET", "/r/") not in asked, asked
    assert 1 <= asked[("POST", "/internal/redirects")] < len(visits) / 2, asked


async def test_a_head_request_is_recorded_as_a_bots_click(gateway: httpx.AsyncClient, metrics: Metrics) -> None:
    code = next(iter(metrics.codes))
    recorded_before = len(await all_clicks(metrics))

    answer = await gateway.head(f"/r/{code}", headers={"user-agent": MOBILE})

    assert answer.status_code == 302
    assert answer.content == b""
    click_id = parse_qs(urlsplit(answer.headers["location"]).query)["click_id"][0]
    (recorded,) = [c for c in await clicks_recorded(metrics, more_than=recorded_before) if c["id"] == click_id]
    assert recorded["ua"] == "bot"


async def test_the_internal_route_is_not_reachable_from_outside(gateway: httpx.AsyncClient, metrics: Metrics) -> None:
    body = {"items": [{"code": next(iter(metrics.codes)), "method": "GET", "address": "1.2.3.4", "user_agent": MOBILE}]}
    for method in ("GET", "POST"):
        answer = await gateway.request(method, "/internal/redirects", json=body)
        assert answer.status_code == 404, answer.text
    async with httpx.AsyncClient(base_url=metrics.url) as direct:
        assert (await direct.post("/internal/redirects", json=body)).status_code == 401


async def test_metrics_out_of_reach_is_a_503_problem_for_every_visitor(
    databases: DatabaseFactory, messaging_settings: dict[str, object], tmp_path: Path
) -> None:
    settings = gateway_settings(NOWHERE, messaging_settings, await databases.new("gateway"), tmp_path)
    async with serve_over_http(create_gateway(settings)) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
        answers = await asyncio.gather(*(client.get(f"/r/code{i}", headers={"user-agent": MOBILE}) for i in range(5)))
    for answer in answers:
        assert answer.status_code == 503, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        # Refused connections open the breaker at once: the later visitors are told for how long.
        assert answer.json()["detail"].startswith("the metrics service is "), answer.text
        assert "127.0.0.1:9" not in answer.text
