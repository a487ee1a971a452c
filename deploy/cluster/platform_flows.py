"""What deploy/cluster/e2e.sh asks of the platform once it runs on the cluster, through the gateway's
Service as a user reaches it:

    python platform_flows.py first-contact GATEWAY_URL
    python platform_flows.py campaign-flow GATEWAY_URL
    python platform_flows.py rollouts GATEWAY_URL DEPLOYMENT...
    python platform_flows.py drain GATEWAY_URL NODE

`campaign-flow` takes one campaign from shortlist to signed contract, then its content from the
deliverable to the published post (content_flow.py). `rollouts` restarts each Deployment in turn
under a light request loop and fails on any 5xx or failed connection; `drain` scales the gateway to
two replicas and drains the node of them: the PodDisruptionBudget must let one go and keep the
other serving. kubectl is $KUBECTL (a command line), the namespace $NAMESPACE (flow_support.py).
"""

import asyncio
import sys
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import httpx
from content_flow import content_flow
from flow_support import PASSWORD, Caller, confirmed, eventually, expect, kubectl, say, sign_up, token


async def first_contact(gateway: httpx.AsyncClient) -> None:
    """The top README's "Try it": sign up, log in, create a campaign, read its metrics."""
    brand, _ = await sign_up(gateway, "Acme")
    say(f"signed up org {brand.org_id} and got a token")
    budget = {"amount_minor": 500000, "currency": "EUR"}
    campaign = expect(
        await gateway.post(
            "/api/v1/campaigns", json={"name": "Spring", "objective": "awareness", "budget": budget}, headers=brand.auth
        ),
        201,
    )
    say(f"created campaign {campaign['id']} ({campaign['state']})")

    async def metrics() -> httpx.Response | None:
        response = await gateway.get(f"/api/v1/campaigns/{campaign['id']}/metrics", headers=brand.auth)
        return response if response.status_code == 200 else None

    kpis = (await eventually(metrics, "the campaign's metrics (partnerships -> Kafka -> metrics)")).json()
    assert kpis["campaign_id"] == campaign["id"], kpis
    assert kpis["currency"] == "EUR", kpis
    say(f"metrics serve its KPIs: totals {kpis['totals']}")
    docs = await gateway.get("/docs")
    assert docs.status_code == 200, docs.status_code
    say("/docs answers")


async def campaign_flow(gateway: httpx.AsyncClient) -> None:
    """One campaign from shortlist to signed contract, its events crossing Kafka both ways; then the
    contract runs and its content is made, reviewed and published (content_flow.py)."""
    admin, admin_email = await sign_up(gateway, "Platform", kind="agency")
    # An operator makes platform admins, never the API: in the gateway's pod, with its settings.
    await kubectl("exec", "deploy/gateway", "--", "gateway-admin", "make-admin", admin_email)
    admin = Caller(await token(gateway, admin_email))
    say("platform admin made with gateway-admin in the gateway pod")
    profile = {
        "platform": "instagram",
        "handle": f"trailrunner_{uuid.uuid4().hex[:6]}",
        "display_name": "Trail Runner",
        "followers": 85_000,
        "bio": "Mountain running, gear reviews, sunrise trails",
        "categories": ["sports", "outdoors"],
        "country": "FR",
    }
    influencer = expect(await gateway.post("/api/v1/influencers", json=profile, headers=admin.auth), 201)
    creator_email = f"runner-{uuid.uuid4().hex[:6]}@creators.test"
    claim = {
        "email": creator_email,
        "password": PASSWORD,
        "display_name": "Trail Runner",
        "influencer_id": influencer["id"],
    }
    await confirmed(gateway, "/api/v1/creators", claim, creator_email)
    creator = Caller(await token(gateway, creator_email))
    say(f"influencer {influencer['id']} listed and claimed by its creator")

    brand, _ = await sign_up(gateway, "Outdoorsy")
    budget = {"amount_minor": 1_000_000, "currency": "EUR"}
    dates = {"starts_on": str(date.today()), "ends_on": str(date.today() + timedelta(days=60))}
    campaign = expect(
        await gateway.post(
            "/api/v1/campaigns",
            json={"name": "Summer trails", "objective": "awareness", "budget": budget, **dates},
            headers=brand.auth,
        ),
        201,
    )

    async def shortlisted() -> httpx.Response | None:
        body = {"influencer_id": influencer["id"], "note": "great fit"}
        response = await gateway.post(f"/api/v1/campaigns/{campaign['id']}/shortlist", json=body, headers=brand.auth)
        return response if response.status_code in (200, 201) else None

    await eventually(shortlisted, "discovery learning of the campaign (partnerships -> Kafka -> discovery)")
    say("campaign.created reached discovery: influencer shortlisted")

    async def drafted() -> httpx.Response | None:
        response = await gateway.get(f"/api/v1/campaigns/{campaign['id']}/partnerships", headers=brand.auth)
        return response if response.status_code == 200 and response.json()["items"] else None

    draft = (await eventually(drafted, "a draft from shortlist.added (discovery -> Kafka -> partnerships)")).json()
    partnership = draft["items"][0]["id"]
    say(f"shortlist.added reached partnerships: draft partnership {partnership}")
    terms = {
        "collaboration_type": "sponsored_post",
        "deliverables": [{"type": "post", "platform": "instagram", "count": 1}],
        "fee": {"kind": "fixed", "amount": {"amount_minor": 250_000, "currency": "EUR"}},
        "payment_schedule": [{"trigger": "on_approval", "percent": 40}, {"trigger": "on_publish", "percent": 60}],
    }
    path = f"/api/v1/partnerships/{partnership}"
    version = expect(await gateway.post(f"{path}/propose", json={"terms": terms}, headers=brand.auth), 200)[
        "terms_version"
    ]
    expect(await gateway.post(f"{path}/accept", json={"terms_version": version}, headers=creator.auth), 200)
    for signer in (creator, brand):
        signed = expect(await gateway.post(f"{path}/sign", json={"terms_version": version}, headers=signer.auth), 200)
    assert signed["state"] == "signed", signed
    spent = expect(await gateway.get(f"/api/v1/campaigns/{campaign['id']}/budget", headers=brand.auth), 200)
    assert spent["committed"]["amount_minor"] == 250_000, spent
    say("proposed, accepted and signed by both: 2,500.00 EUR committed")

    async def measured() -> httpx.Response | None:
        response = await gateway.get(f"/api/v1/campaigns/{campaign['id']}/metrics", headers=brand.auth)
        return response if response.status_code == 200 else None

    await eventually(measured, "the campaign in metrics")
    say("metrics serve the campaign")
    expect(await gateway.post(f"/api/v1/campaigns/{campaign['id']}/launch", headers=brand.auth), 200)
    running = expect(await gateway.get(path, headers=brand.auth), 200)
    assert running["state"] == "active", running
    say("campaign launched: the contract runs")
    await content_flow(gateway, brand, creator, campaign["id"], partnership)


@dataclass
class RequestLoop:
    """A light, steady mix of reads and writes through the gateway, each on a new connection (as
    clients behind a load balancer arrive), every outcome counted."""

    gateway_url: str
    caller: Caller
    campaign_id: str
    per_second: float = 8
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    pending: set[asyncio.Task[None]] = field(default_factory=set)

    def requests(self) -> list[tuple[str, str, dict | None]]:
        budget = {"amount_minor": 1000, "currency": "EUR"}
        return [
            ("GET", "/api/v1/campaigns?limit=5", None),
            ("GET", f"/api/v1/campaigns/{self.campaign_id}/metrics", None),
            ("GET", "/api/v1/influencers?limit=5", None),
            ("GET", "/api/v1/deliverables", None),
            ("POST", "/api/v1/campaigns", {"name": "Loop", "objective": "awareness", "budget": budget}),
            ("GET", "/readyz", None),
        ]

    async def run(self, stop: asyncio.Event) -> None:
        limits = httpx.Limits(max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=self.gateway_url, timeout=10, limits=limits) as client:
            plan, index = self.requests(), 0
            while not stop.is_set():
                method, path, body = plan[index % len(plan)]
                index += 1
                self.pending.add(task := asyncio.create_task(self.one(client, method, path, body)))
                task.add_done_callback(self.pending.discard)
                await asyncio.sleep(1 / self.per_second)
            await asyncio.gather(*self.pending)

    async def one(self, client: httpx.AsyncClient, method: str, path: str, body: dict | None) -> None:
        try:
            response = await client.request(method, path, json=body, headers=self.caller.auth)
            self.outcomes[str(response.status_code)] += 1
            if response.status_code >= 500:
                self.failures.append(f"{method} {path}: {response.status_code} {response.text[:200]}")
        except httpx.HTTPError as exc:
            self.outcomes[type(exc).__name__] += 1
            self.failures.append(f"{method} {path}: {type(exc).__name__} {exc}")


async def loop_for(gateway: httpx.AsyncClient) -> RequestLoop:
    brand, _ = await sign_up(gateway, "Loadco")
    campaign = expect(
        await gateway.post("/api/v1/campaigns", json={"name": "Steady", "objective": "awareness"}, headers=brand.auth),
        201,
    )
    return RequestLoop(str(gateway.base_url), brand, campaign["id"])


async def under_load(gateway: httpx.AsyncClient, action: Callable[[], Awaitable[None]]) -> RequestLoop:
    loop = await loop_for(gateway)
    stop = asyncio.Event()
    running = asyncio.create_task(loop.run(stop))
    try:
        await asyncio.sleep(3)
        await action()
        await asyncio.sleep(3)
    finally:
        stop.set()
        await running
    return loop


def judge(loop: RequestLoop, what: str) -> None:
    total = sum(loop.outcomes.values())
    say(f"{what}: {total} requests, outcomes {dict(sorted(loop.outcomes.items()))}")
    if loop.failures:
        for failure in loop.failures[:20]:
            say(f"FAILED {failure}")
        raise AssertionError(f"{what}: {len(loop.failures)} of {total} requests failed")


async def rollouts(gateway: httpx.AsyncClient, deployments: list[str]) -> None:
    for deployment in deployments:
        started = time.monotonic()

        async def restart(deployment: str = deployment) -> None:
            old = (await kubectl("get", "pods", "-l", f"app.kubernetes.io/name={deployment}", "-o", "name")).split()
            await kubectl("rollout", "restart", f"deployment/{deployment}")
            await kubectl("rollout", "status", f"deployment/{deployment}", "--timeout=180s")
            # Until the old pods are gone: their preStop pause and graceful shutdown happen under load too.
            await kubectl("wait", "--for=delete", "--timeout=120s", *old)

        judge(await under_load(gateway, restart), f"rollout restart {deployment} ({time.monotonic() - started:.0f}s)")


async def drain(gateway: httpx.AsyncClient, node: str) -> None:
    await kubectl("scale", "deployment/gateway", "--replicas=2")
    await kubectl("rollout", "status", "deployment/gateway", "--timeout=180s")
    before = (await kubectl("get", "pods", "-l", "app.kubernetes.io/name=gateway", "-o", "name")).split()
    assert len(before) == 2, before
    result: dict[str, str] = {}

    async def drain_node() -> None:
        # One node: an evicted gateway cannot be rescheduled, so the budget (maxUnavailable 1) must
        # refuse the second eviction until the drain gives up.
        result["drain"] = await kubectl(
            "drain", node, "--pod-selector=app.kubernetes.io/name=gateway", "--delete-emptydir-data",
            "--timeout=25s", check=False,
        )  # fmt: skip

    try:
        loop = await under_load(gateway, drain_node)
        ready = await kubectl(
            "get", "pods", "-l", "app.kubernetes.io/name=gateway", "--field-selector=status.phase=Running",
            "-o", "jsonpath={range .items[*]}{.metadata.name}{' '}{.metadata.deletionTimestamp}{'\\n'}{end}",
        )  # fmt: skip
    finally:
        await kubectl("uncordon", node, check=False)
    output = result.get("drain", "")
    assert "violate the pod's disruption budget" in output, output
    survivors = [line.split()[0] for line in ready.splitlines() if line.strip() and len(line.split()) == 1]
    assert len(survivors) == 1, ready
    assert survivors[0] in {name.split("/")[1] for name in before}, ready
    say(f"drain evicted one gateway pod, the budget kept {survivors[0]}: {output.strip().splitlines()[-1]}")
    judge(loop, "gateway drained of one replica")
    await kubectl("scale", "deployment/gateway", "--replicas=1")
    await kubectl("rollout", "status", "deployment/gateway", "--timeout=180s")


async def main(argv: list[str]) -> None:
    command, gateway_url, *rest = argv
    async with httpx.AsyncClient(base_url=gateway_url, timeout=15) as gateway:
        if command == "first-contact":
            await first_contact(gateway)
        elif command == "campaign-flow":
            await campaign_flow(gateway)
        elif command == "rollouts":
            await rollouts(gateway, rest)
        elif command == "drain":
            await drain(gateway, rest[0])
        else:
            raise SystemExit(__doc__)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    asyncio.run(main(sys.argv[1:]))
