"""The whole lifecycle of a campaign through the gateway only, as steps, so that the fault runs can
break something between or during them and still demand the same exact end.

The story: a brand signs up and subscribes a webhook; the platform's catalogue takes a real export
(a slice of ../shared/datasets/instagram_top200.csv: only a shared profile can be claimed by its
creator, and only an admin writes the shared catalogue); the brand ranks the catalogue for India,
shortlists the three best, writes a brief and launches; three creators claim their profiles; the
first counters the brand's offer and both sign, the second accepts a commission contract, the third
declines; a draft without its disclosure is sent back, the second is approved, published and
boosted; visitors follow the tracking link, a shop reports orders and a refund, the platform reports
insights (both by API key); every figure is then known to the minor unit.
"""

import asyncio
import base64
import csv
import hashlib
import hmac
import io
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from influencer_platform_client import AuthenticatedClient
from influencer_platform_client.api.conversions import report_conversions
from influencer_platform_client.api.insights import report_insights
from influencer_platform_client.models import (
    ConversionBatch,
    ConversionIn,
    ConversionInType,
    ConversionResults,
    InsightsAccepted,
    MoneyIn,
    MoneyInCurrency,
    SnapshotBatch,
    SnapshotIn,
    SnapshotInMetrics,
)
from influencer_platform_client.types import Response

from devstack import mailbox as devstack_mailbox
from devstack.mailbox import Mailbox
from devstack.stack import Stack
from devstack.walk import Walk, png, terms, until

from .conftest import PASSWORD, Org, log_in, sign_up
from .test_campaign_journey import platform_admin

EXPORT = Path(__file__).with_name("data") / "instagram_top200_slice.csv"
MOBILE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
BUDGET = 1_000_000
OFFER, COUNTER = 200_000, 250_000  # the first creator's fee: offered, then countered and signed
SCHEDULE = [{"trigger": "on_approval", "percent": 40}, {"trigger": "on_publish", "percent": 60}]
RATE_BPS, CAP = 1_000, 50_000  # the second creator's commission: 10 % of net sales, at most 500.00
BOOST = 30_000
ORDER_BY_CLICK, ORDER_BY_CODE, REFUND = 60_000, 40_000, 10_000
POST = {"views": 5_000, "reach": 4_000, "likes": 300, "comments": 40, "saved": 20, "shares": 10}
ENGAGEMENTS = 300 + 40 + 20 + 10  # likes + comments + saves + shares


class Subscriber:
    """A partner's webhook endpoint on 127.0.0.1: keeps each signed delivery it gets."""

    def __init__(self) -> None:
        self.secret = ""
        self.received: list[dict[str, Any]] = []
        self.bad_signatures = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        signed = f"{headers.get('webhook-id')}.{headers.get('webhook-timestamp')}.".encode() + body
        key = base64.b64decode(self.secret.removeprefix("whsec_"))
        expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        if not any(hmac.compare_digest(expected, s) for s in headers.get("webhook-signature", "").split()):
            self.bad_signatures += 1
            await send({"type": "http.response.start", "status": 401, "headers": []})
        else:
            self.received.append({"webhook_id": headers["webhook-id"], **json.loads(body)})
            await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


@dataclass
class Lifecycle(Walk):
    gateway: httpx.AsyncClient
    stack: Stack
    mailbox: Mailbox
    hook_url: str
    subscriber: Subscriber
    patience: float = 60  # how long a step waits for what travels over events (longer under faults)
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:6])
    s: dict[str, Any] = field(default_factory=dict)  # what the steps learn, by name
    server_errors: list[str] = field(default_factory=list)

    @property
    def brand(self) -> Org:
        return self.s["brand"]  # type: ignore[no-any-return]

    def steps(self) -> list[tuple[str, Callable[[], Awaitable[None]]]]:
        return [
            ("sign_up", self.sign_up),
            ("import_export", self.import_export),
            ("rank_and_shortlist", self.rank_and_shortlist),
            ("brief_and_launch", self.brief_and_launch),
            ("creators_claim", self.creators_claim),
            ("negotiate", self.negotiate),
            ("draft_review_approve", self.draft_review_approve),
            ("publish_and_amplify", self.publish_and_amplify),
            ("clicks", self.clicks),
            ("conversions_and_insights", self.conversions_and_insights),
        ]

    async def run(self, between: Callable[[str], Awaitable[None]] | None = None) -> None:
        for name, step in self.steps():
            await step()
            if between is not None:
                await between(name)

    async def as_partner(
        self,
        what: str,
        call: Callable[[], Awaitable[Response[Any]]],
        statuses: tuple[int, ...],
        waits: tuple[int, ...] = (),
    ) -> Any:
        """A partner integration's call through the generated client (clients/python), retried as
        `post` retries; its typed answer, so an answer unlike the OpenAPI fails here."""

        async def attempt() -> Response[Any] | None:
            response = await call()
            await self._judge(what, response, (*statuses, *waits))
            return response if response.status_code in statuses else None

        answered: Response[Any] = await until(attempt, self.patience, lambda: f"{what}: {self.s.get('last_refusal')}")
        return answered.parsed

    # -- the steps ---------------------------------------------------------------------------

    async def sign_up(self) -> None:
        self.s["brand"] = brand = await sign_up(self.gateway, self.mailbox, "Masala")
        hook = await self.post("/api/v1/webhooks", brand.auth, json={"url": self.hook_url, "event_types": ["*"]})
        self.subscriber.secret = hook["secret"]
        self.s["hook"] = hook["id"]

    async def import_export(self) -> None:
        admin = await platform_admin(self.gateway, self.stack, self.mailbox)
        rows = list(csv.reader(io.StringIO(EXPORT.read_text(encoding="utf-8-sig"))))
        for row in rows[1:]:  # the shared catalogue is one for the whole session: this run's handles
            row[1] = f"{row[1]}_{self.tag}"
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        job = await self.post(
            "/api/v1/influencers/import?platform=instagram",
            admin.auth,
            (202,),
            content=("\ufeff" + out.getvalue()).encode(),
            headers={"content-type": "text/csv"},
        )
        done = await self.get(f"/api/v1/import-jobs/{job['id']}", admin.auth, lambda j: j["state"] == "succeeded")
        assert (done["rows_read"], done["rows_created"], done["rows_rejected"]) == (11, 11, 0), done

    async def rank_and_shortlist(self) -> None:
        query = {
            "target_audience": {"countries": ["IN"]},
            "brief": "Bollywood film, music and fashion for a spice brand",
            "filters": {"q": self.tag, "countries": ["IN"], "min_engagement_rate": 0.02},
            "limit": 3,
        }
        ranked = await self.post("/api/v1/influencers/search", self.brand.auth, (200,), json=query)
        assert ranked["candidates"] == 5  # the export's Indian accounts above 2 %
        scores = [hit["score"] for hit in ranked["items"]]
        assert scores == sorted(scores, reverse=True)
        assert len(scores) == 3
        self.s["top"] = top = [hit["influencer"] for hit in ranked["items"]]
        campaign = await self.post(
            "/api/v1/campaigns",
            self.brand.auth,
            json={"name": f"Masala {self.tag}", "objective": "conversions",
                  "budget": {"amount_minor": BUDGET, "currency": "EUR"},
                  "starts_on": str(date.today()), "ends_on": str(date.today() + timedelta(days=60)),
                  "kpis": {"clicks": 2, "conversions": 2}},
        )  # fmt: skip
        self.s["campaign"] = campaign["id"]
        for influencer in top:  # discovery hears of the campaign from partnerships first
            await self.post(
                f"/api/v1/campaigns/{campaign['id']}/shortlist",
                self.brand.auth,
                retry=(404,),  # a 404 until then
                json={"influencer_id": influencer["id"]},
            )
        listed = await self.get(
            f"/api/v1/campaigns/{campaign['id']}/shortlist", self.brand.auth, lambda b: len(b["items"]) == 3
        )
        assert len(listed["items"]) == 3

    async def brief_and_launch(self) -> None:
        campaign = self.s["campaign"]
        brief = {"required_hashtags": ["#Masala"], "markets": ["US", "UK"], "brand": {"name": "Masala"}}
        await self.post(f"/api/v1/campaigns/{campaign}/brief", self.brand.auth, (200,), json=brief, method="PUT")
        await self.post(f"/api/v1/campaigns/{campaign}/launch", self.brand.auth, (200,))

    async def creators_claim(self) -> None:
        creators = []
        for influencer in self.s["top"]:
            email = f"{influencer['handle'].lower()}@creators.test"
            claimed = await devstack_mailbox.sign_up(
                self.gateway,
                self.mailbox,
                {"email": email, "password": PASSWORD, "display_name": influencer["handle"],
                 "influencer_id": influencer["id"]},
                "/api/v1/creators",
            )  # fmt: skip
            creators.append(await log_in(self.gateway, email, claimed["org"]["id"]))
        self.s["creators"] = creators

    async def negotiate(self) -> None:
        campaign, brand = self.s["campaign"], self.brand
        drafts = await self.get(
            f"/api/v1/campaigns/{campaign}/partnerships", brand.auth, lambda b: len(b["items"]) == 3
        )
        by_influencer = {p["influencer_id"]: p["id"] for p in drafts["items"]}
        ids = [by_influencer[i["id"]] for i in self.s["top"]]
        self.s["partnerships"] = ids
        first, second, third = self.s["creators"]
        fixed = terms({"kind": "fixed", "amount": {"amount_minor": OFFER, "currency": "EUR"}}, SCHEDULE)
        commission = terms(
            {"kind": "commission", "rate_bps": RATE_BPS, "cap": {"amount_minor": CAP, "currency": "EUR"}}
        )
        offers = [fixed, commission, fixed]
        for pid, offer in zip(ids, offers, strict=True):
            await self.post(f"/api/v1/partnerships/{pid}/propose", brand.auth, (200,), json={"terms": offer})
        p1 = f"/api/v1/partnerships/{ids[0]}"
        countered = await self.post(
            f"{p1}/counter",
            first.auth,
            (200,),
            json={"terms": {**fixed, "fee": {"kind": "fixed", "amount": {"amount_minor": COUNTER, "currency": "EUR"}}},
                  "terms_version": 1, "note": "Two reels' worth of work"},
        )  # fmt: skip
        version = countered["terms_version"]
        for signer in (brand, first):
            await self.post(f"{p1}/sign", signer.auth, (200,), json={"terms_version": version})
        p2 = f"/api/v1/partnerships/{ids[1]}"
        await self.post(f"{p2}/accept", second.auth, (200,), json={"terms_version": 1})
        for signer in (second, brand):
            await self.post(f"{p2}/sign", signer.auth, (200,), json={"terms_version": 1})
        await self.post(f"/api/v1/partnerships/{ids[2]}/decline", third.auth, (200,), json={"reason": "booked"})
        await self.get(
            f"/api/v1/campaigns/{campaign}/partnerships",
            brand.auth,
            lambda b: sorted(p["state"] for p in b["items"]) == ["active", "active", "declined"],
        )

    async def draft_review_approve(self) -> None:
        creator = self.s["creators"][0]
        made = await self.get(
            f"/api/v1/partnerships/{self.s['partnerships'][0]}/deliverables", self.brand.auth, lambda b: b["items"]
        )
        (deliverable,) = made["items"]
        self.s["deliverable"] = d = deliverable["id"]
        medium = await self.post(
            f"/api/v1/deliverables/{d}/media", creator.auth, (201,), content=png(),
            headers={"content-type": "image/png"},
        )  # fmt: skip
        media = [{"media_id": medium["id"]}]
        draft = {
            "caption": "Sunday curry with Masala #Masala",
            "platform": "instagram",
            "format": "post",
            "media": media,
        }
        first = await self.post(f"/api/v1/deliverables/{d}/submissions", creator.auth, (201,), json=draft)
        report = await self.get(f"/api/v1/submissions/{first['id']}/compliance", self.brand.auth)
        assert ("disclosure.missing", "US") in {(f["code"], f["market"]) for f in report["findings"]}
        await self.post(
            f"/api/v1/submissions/{first['id']}/request-changes",
            self.brand.auth,
            (200,),
            json={"comments": [{"body": "Disclose the partnership: #ad up front"}]},
        )
        fixed = {**draft, "caption": "#ad Sunday curry with Masala #Masala"}
        second = await self.post(f"/api/v1/deliverables/{d}/submissions", creator.auth, (201,), json=fixed)
        assert second["compliance"]["blocking"] == 0, second
        await self.post(f"/api/v1/submissions/{second['id']}/approve", self.brand.auth, (200,), json={})

    async def publish_and_amplify(self) -> None:
        d, creator = self.s["deliverable"], self.s["creators"][0]
        post = await self.post(
            f"/api/v1/deliverables/{d}/publish",
            creator.auth,
            (201,),
            json={"url": f"https://www.instagram.com/p/Masala{self.tag}/", "caption": "#ad Sunday curry #Masala"},
        )
        self.s["post"] = post["id"]
        boost = await self.post(
            f"/api/v1/deliverables/{d}/amplifications",
            self.brand.auth,
            (201,),
            json={"kind": "paid_boost", "platform": "instagram", "spend": {"amount_minor": BOOST, "currency": "EUR"},
                  "starts_on": str(date.today()), "ends_on": str(date.today() + timedelta(days=7))},
        )  # fmt: skip
        await self.get(f"/api/v1/amplifications/{boost['id']}", self.brand.auth, lambda a: a["state"] == "running")

    async def clicks(self) -> None:
        p1 = self.s["partnerships"][0]
        link = await self.post(
            "/api/v1/tracking-links",
            self.brand.auth,
            (201,),
            json={"partnership_id": p1, "deliverable_id": self.s["deliverable"],
                  "destination_url": "https://masala.example/curry"},
        )  # fmt: skip
        # two visitors, one of them twice (a repeat), and a crawler: two counted clicks
        agents = [f"{MOBILE} {self.tag}-1", f"{MOBILE} {self.tag}-2", f"{MOBILE} {self.tag}-2", "Googlebot/2.1"]
        locations = []
        for agent in agents:
            followed = await until(lambda a=agent: self._follow(link["code"], a), self.patience, f"/r/{link['code']}")
            locations.append(followed.headers["location"])
        self.s["click_id"] = parse_qs(urlsplit(locations[0]).query)["click_id"][0]

    async def _follow(self, code: str, agent: str) -> httpx.Response | None:
        response = await self.gateway.get(f"/r/{code}", headers={"user-agent": agent})
        return response if response.status_code == 302 else None

    async def conversions_and_insights(self) -> None:
        """A shop and a social platform report through the typed client (clients/python) with the
        brand's API key, as a partner integration does."""
        key = await self.post(
            "/api/v1/api-keys",
            self.brand.auth,
            (201,),
            json={"name": "shop and platform", "scopes": ["conversions:write", "insights:write"]},
        )
        code = f"MASALA{self.tag}".upper()
        await self.post(
            "/api/v1/promo-codes",
            self.brand.auth,
            (201,),
            json={"code": code, "partnership_id": self.s["partnerships"][1]},
        )
        later = datetime.now(UTC) + timedelta(minutes=1)
        euros = MoneyInCurrency.EUR
        orders = ConversionBatch(items=[
            ConversionIn(order_id=f"{self.tag}-1", amount=MoneyIn(ORDER_BY_CLICK, euros), occurred_at=later,
                         click_id=self.s["click_id"]),
            ConversionIn(order_id=f"{self.tag}-2", amount=MoneyIn(ORDER_BY_CODE, euros), occurred_at=later,
                         promo_code=code.lower()),
            ConversionIn(type_=ConversionInType.REFUND, order_id=f"{self.tag}-2", adjustment_id=f"{self.tag}-r",
                         occurred_at=later, amount=MoneyIn(REFUND, euros)),
        ])  # fmt: skip
        snapshots = SnapshotBatch(items=[
            SnapshotIn(observed_at=datetime(2026, 5, 1, 10, tzinfo=UTC),
                       metrics=SnapshotInMetrics.from_dict({"views": 1_000, "reach": 900, "likes": 60})),
            SnapshotIn(observed_at=datetime(2026, 5, 2, 10, tzinfo=UTC), metrics=SnapshotInMetrics.from_dict(POST)),
        ])  # fmt: skip
        post_id = uuid.UUID(self.s["post"])
        async with AuthenticatedClient(
            base_url=str(self.gateway.base_url),
            token=key["key"],
            prefix="",
            auth_header_name="X-API-Key",
            timeout=httpx.Timeout(15),
        ) as partner:
            stored = await self.as_partner(
                "POST /api/v1/conversions",
                lambda: report_conversions.asyncio_detailed(client=partner, body=orders),
                (200, 201),
            )
            assert isinstance(stored, ConversionResults), stored
            assert [r.order_id for r in stored.items] == [f"{self.tag}-1", f"{self.tag}-2", f"{self.tag}-2"]
            taken = await self.as_partner(
                f"POST /api/v1/posts/{post_id}/insights",
                lambda: report_insights.asyncio_detailed(post_id, client=partner, body=snapshots),
                (200, 202),
                waits=(404,),  # metrics may not have heard of the post yet (content.published on its way)
            )
            assert isinstance(taken, InsightsAccepted), taken
            assert (taken.post_id, taken.accepted + taken.repeats) == (post_id, 2)


COST = COUNTER + RATE_BPS * (ORDER_BY_CODE - REFUND) // 10_000 + BOOST  # fees + commission + paid spend
REVENUE = ORDER_BY_CLICK + ORDER_BY_CODE - REFUND


async def verify(lc: Lifecycle, timeout_s: float = 120) -> None:
    """The end every run must reach, whatever broke on the way: each figure worked out by hand."""
    campaign = lc.s["campaign"]
    p1, p2, _ = lc.s["partnerships"]
    commission = RATE_BPS * (ORDER_BY_CODE - REFUND) // 10_000  # 10 % of 300.00 net: 30.00

    def settled(body: dict[str, Any]) -> bool:
        t = body["totals"]
        return (t["views"], t["clicks"], t["revenue_minor"], t["fees_minor"], t["spend_minor"]) == (
            POST["views"], 2, REVENUE, COUNTER + commission, BOOST,
        )  # fmt: skip

    metrics = await until(lambda: _get(lc, f"/api/v1/campaigns/{campaign}/metrics", settled), timeout_s, "totals")
    t, k = metrics["totals"], metrics["kpis"]
    assert (t["posts"], t["views"], t["reach"], t["likes"], t["engagements"]) == (1, 5_000, 4_000, 300, ENGAGEMENTS)
    assert (t["clicks"], t["bot_clicks"], t["repeat_clicks"], t["conversions"]) == (2, 1, 1, 2)
    assert (t["revenue_minor"], t["cost_minor"]) == (REVENUE, COST) == (90_000, 283_000)
    assert k["roi"] == (REVENUE - COST) / COST
    assert k["roas"] == REVENUE / COST
    assert k["cpc"] == COST / 2
    assert k["cpa"] == COST / 2
    assert k["engagement_rate_by_views"] == ENGAGEMENTS / POST["views"]
    assert {p["kpi"]: p["reached"] for p in metrics["pacing"]["targets"]} == {"clicks": True, "conversions": True}

    overview = await _get(lc, f"/api/v1/campaigns/{campaign}/overview", lambda b: not b["missing"])
    assert overview["kpis"]["totals"] == t
    assert sorted(p["state"] for p in overview["partnerships"]) == ["active", "completed", "declined"]

    report = await _get(lc, f"/api/v1/campaigns/{campaign}/report.csv", bool)
    lines = {(row["line"], row["partnership_id"]): row for row in csv.DictReader(io.StringIO(report))}
    whole = lines[("campaign", "")]
    assert (whole["revenue"], whole["fees"], whole["spend"], whole["cost"]) == (
        "900.00",
        "2530.00",
        "300.00",
        "2830.00",
    )
    assert (whole["clicks"], whole["conversions"], whole["views"], whole["engagements"]) == ("2", "2", "5000", "370")
    assert whole["roi"] == f"{(REVENUE - COST) / COST:.6f}"
    assert whole["roas"] == f"{REVENUE / COST:.6f}"
    assert (lines[("partnership", p1)]["cost"], lines[("partnership", p2)]["cost"]) == ("2800.00", "30.00")

    # The money: milestones and commission paid, the rest of the cap and the boost committed.
    payments = await _get(lc, f"/api/v1/partnerships/{p1}/payments", lambda b: len(b["payouts"]) == 2)
    assert sorted((p["milestone"], p["amount"]["amount_minor"]) for p in payments["payouts"]) == [
        ("on_approval", COUNTER * 40 // 100), ("on_publish", COUNTER * 60 // 100),
    ]  # fmt: skip
    budget = await _get(lc, f"/api/v1/campaigns/{campaign}/budget", lambda b: b["paid"]["amount_minor"] == COST - BOOST)
    figures = {name: budget[name]["amount_minor"] for name in ("reserved", "committed", "paid", "remaining")}
    assert figures == {
        "reserved": 0,  # the declined offer released
        "committed": CAP - commission + BOOST,
        "paid": COUNTER + commission,
        "remaining": BUDGET - COUNTER - CAP - BOOST,
    }
    assert sum(figures.values()) == BUDGET
    assert budget["reconciled"] is True
    assert budget["amplification"]["amount_minor"] == BOOST
    assert t["fees_minor"] + t["spend_minor"] == figures["paid"] + BOOST  # what metrics costs is what was spent

    await every_event_delivered_once(lc, timeout_s)
    await outboxes_empty(lc.stack, timeout_s)


async def _get(lc: Lifecycle, path: str, done: Callable[[Any], bool]) -> Any:
    return await lc.get(path, lc.brand.auth, done)


async def every_event_delivered_once(lc: Lifecycle, timeout_s: float) -> None:
    """Every event of the brand's org on the services' topics reached the subscriber, signed, once."""
    from contracts import decode
    from contracts.topics import SERVICES, events_topic
    from devstack.pytest_plugin import read_topic_until

    bootstrap = lc.stack.env["KAFKA_BOOTSTRAP_SERVERS"]
    org = lc.brand.id
    told: dict[str, str] = {}
    for service in SERVICES:
        for record in await read_topic_until(bootstrap, events_topic(service), lambda _: False, timeout_s=3):
            envelope = decode(record.value)
            if str(envelope.tenant_id) == org:
                told[str(envelope.id)] = envelope.type
    story = {"partnership.countered", "partnership.signed", "content.changes_requested", "content.published",
             "amplification.funded", "metrics.conversion.attributed", "payment.recorded",
             "partnership.commission_accrued", "shortlist.added"}  # fmt: skip
    assert story <= set(told.values()), sorted(set(told.values()))

    async def all_arrived() -> bool:
        return {e["id"] for e in lc.subscriber.received} >= set(told)

    await until(all_arrived, timeout_s, "every event at the webhook")
    await asyncio.sleep(2)  # a second delivery of anything would show now
    event_ids = [e["id"] for e in lc.subscriber.received]
    assert sorted(event_ids) == sorted(told), "an event delivered twice, or one not of the org's"
    assert lc.subscriber.bad_signatures == 0


async def outboxes_empty(stack: Stack, timeout_s: float) -> None:
    async with httpx.AsyncClient(timeout=5) as client:
        for service in ("discovery", "partnerships", "content", "metrics"):

            async def empty(name: str = service) -> bool:
                text = (await client.get(f"{stack.url(name)}/metrics")).text
                backlog = [line for line in text.splitlines() if line.startswith("outbox_backlog{")]
                return bool(backlog) and all(float(line.rsplit(" ", 1)[1]) == 0 for line in backlog)

            await until(empty, timeout_s, f"{service}'s outbox")
