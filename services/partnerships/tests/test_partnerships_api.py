"""The partnerships API in-process, on real migrations: negotiation, money, roles, bad input."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from contracts import REGISTRY, decode
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process, service_headers
from partnerships.adapters.tables import ledger_entries, messaging
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings

from .conftest import known_influencer


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    # No events come in here; a consumer stopped mid-join would hold up the Kafka test's group.
    settings = PartnershipsSettings(
        database_url=await databases.new("partnerships_flow"), consumer_enabled=False, **messaging_settings
    )
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


def terms(amount: int = 100_000, currency: str = "EUR", **overrides: Any) -> dict[str, Any]:
    return {
        "collaboration_type": "sponsored_post",
        "deliverables": [{"type": "reel", "platform": "instagram", "count": 1, "due_on": "2027-06-15"}],
        "fee": {"kind": "fixed", "amount": {"amount_minor": amount, "currency": currency}},
        "usage_rights": {"channels": ["organic_social", "paid_social"], "duration_days": 90},
        "exclusivity": {"categories": ["running shoes"], "duration_days": 30},
        "payment_schedule": [{"trigger": "on_signing", "percent": 25}, {"trigger": "on_publish", "percent": 75}],
    } | overrides


class Parties:
    """A brand org (owner, analyst) and an influencer signed up in its own creator org."""

    def __init__(self, secret: str) -> None:
        self.tenant = uuid.uuid4()
        self.influencer_id = uuid.uuid4()
        self.brand = service_headers(secret, self.tenant, roles="owner")
        self.analyst = service_headers(secret, self.tenant, roles="analyst")
        self.creator = service_headers(
            secret, uuid.uuid4(), roles="creator", **{"x-influencer-id": str(self.influencer_id)}
        )
        self.other_creator = service_headers(
            secret, uuid.uuid4(), roles="creator", **{"x-influencer-id": str(uuid.uuid4())}
        )
        self.other_brand = service_headers(secret, uuid.uuid4(), roles="owner")


@pytest.fixture
async def parties(service: httpx.AsyncClient, internal_secret: str) -> Parties:
    parties = Parties(internal_secret)
    await known_influencer(service, parties.influencer_id)
    return parties


async def campaign(
    service: httpx.AsyncClient, parties: Parties, *, budget: int | None = 400_000, launch: bool = True
) -> str:
    body: dict[str, Any] = {
        "name": "Summer",
        "objective": "conversions",
        "starts_on": "2027-06-01",
        "ends_on": "2099-06-30",
    }
    if budget is not None:
        body["budget"] = {"amount_minor": budget, "currency": "EUR"}
    created = await service.post("/api/v1/campaigns", json=body, headers=parties.brand)
    assert created.status_code == 201, created.text
    campaign_id: str = created.json()["id"]
    if launch:
        launched = await service.post(f"/api/v1/campaigns/{campaign_id}/launch", headers=parties.brand)
        assert launched.status_code == 200, launched.text
    return campaign_id


async def propose(
    service: httpx.AsyncClient, parties: Parties, campaign_id: str, influencer_id: uuid.UUID | None = None, **kw: Any
) -> httpx.Response:
    return await service.post(
        f"/api/v1/campaigns/{campaign_id}/partnerships",
        json={
            "influencer_id": str(influencer_id or parties.influencer_id),
            "influencer": {"platform": "instagram", "handle": "@ana", "display_name": "Ana"},
            "terms": terms(**kw),
        },
        headers=parties.brand,
    )


async def budget(service: httpx.AsyncClient, parties: Parties, campaign_id: str) -> dict[str, Any]:
    response = await service.get(f"/api/v1/campaigns/{campaign_id}/budget", headers=parties.brand)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["reconciled"] is True, body
    return {k: (v["amount_minor"] if isinstance(v, dict) else v) for k, v in body.items()}


async def test_proposal_to_active_contract(service: httpx.AsyncClient, parties: Parties) -> None:
    campaign_id = await campaign(service, parties)
    proposed = await propose(service, parties, campaign_id)
    assert proposed.status_code == 201, proposed.text
    partnership = proposed.json()
    pid = partnership["id"]
    assert proposed.headers["location"] == f"/api/v1/partnerships/{pid}"
    assert partnership["state"] == "proposed"
    assert partnership["awaiting"] == ["creator"]
    assert partnership["fee"] == {"amount_minor": 100_000, "currency": "EUR"}
    assert (await budget(service, parties, campaign_id))["reserved"] == 100_000

    seen = (await service.get(f"/api/v1/partnerships/{pid}", headers=parties.creator)).json()
    assert seen["you_are"] == "creator"
    assert seen["allowed_actions"] == ["counter", "accept", "decline", "sign"]

    countered = await service.post(
        f"/api/v1/partnerships/{pid}/counter",
        json={"terms": terms(130_000), "terms_version": 1, "note": "two reels are more work"},
        headers=parties.creator,
    )
    assert countered.status_code == 200, countered.text
    assert countered.json()["terms_version"] == 2
    assert (await budget(service, parties, campaign_id))["reserved"] == 100_000

    brand_signs = await service.post(
        f"/api/v1/partnerships/{pid}/sign", json={"terms_version": 2}, headers=parties.brand
    )
    assert brand_signs.status_code == 200, brand_signs.text
    assert brand_signs.json()["state"] == "accepted"
    terms_hash = brand_signs.json()["terms_hash"]
    creator_signs = await service.post(
        f"/api/v1/partnerships/{pid}/sign",
        json={"terms_version": 2, "terms_hash": terms_hash},
        headers=parties.creator,
    )
    assert creator_signs.status_code == 200, creator_signs.text
    signed = creator_signs.json()
    assert signed["state"] == "active"
    assert {(s["party"], s["terms_version"], s["terms_hash"]) for s in signed["signatures"]} == {
        ("brand", 2, terms_hash),
        ("creator", 2, terms_hash),
    }
    money = await budget(service, parties, campaign_id)
    assert (money["reserved"], money["committed"], money["paid"], money["remaining"]) == (0, 97_500, 32_500, 270_000)

    payments = (await service.get(f"/api/v1/partnerships/{pid}/payments", headers=parties.creator)).json()
    assert [(m["trigger"], m["amount"]["amount_minor"], m["status"]) for m in payments["milestones"]] == [
        ("on_signing", 32_500, "paid"),
        ("on_publish", 97_500, "pending"),
    ]
    assert payments["outstanding"]["amount_minor"] == 97_500

    detail = (await service.get(f"/api/v1/partnerships/{pid}", headers=parties.brand)).json()
    assert [v["author"] for v in detail["versions"]] == ["brand", "creator"]
    assert [(h["action"], h["actor"], h["to_state"]) for h in detail["history"]] == [
        ("create", "brand", "draft"),
        ("propose", "brand", "proposed"),
        ("counter", "creator", "countered"),
        ("sign", "brand", "accepted"),
        ("sign", "creator", "signed"),
        ("activate", "system", "active"),
    ]
    assert detail["history"][2]["note"] == "two reels are more work"

    events = await outbox_events(service, campaign_id)
    assert [e.type for e in events] == [
        "campaign.created",
        "campaign.launched",
        "partnership.proposed",
        "partnership.countered",
        "partnership.accepted",
        "partnership.signature_recorded",
        "partnership.signed",
        "payment.recorded",
        "partnership.activated",
    ]
    signed_event = next(e for e in events if e.type == "partnership.signed")
    assert signed_event.tenant_id == parties.tenant
    assert signed_event.data["actor"] == "creator"
    assert signed_event.data["usage_rights"] == {"channels": ["organic_social", "paid_social"], "duration_days": 90}
    assert [m["amount"]["amount_minor"] for m in signed_event.data["payment_schedule"]] == [32_500, 97_500]
    assert all(REGISTRY.parse(e) for e in events)


async def outbox_events(service: httpx.AsyncClient, campaign_id: str) -> list[Any]:
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    outbox = messaging.outbox
    async with runtime.database.sessionmaker() as session:
        rows = (
            await session.execute(select(outbox.c.payload).where(outbox.c.key == campaign_id).order_by(outbox.c.id))
        ).all()
    return [decode(row.payload) for row in rows]


async def test_invalid_transition_names_state_and_allowed_actions(service: httpx.AsyncClient, parties: Parties) -> None:
    campaign_id = await campaign(service, parties)
    pid = (await propose(service, parties, campaign_id)).json()["id"]
    response = await service.post(f"/api/v1/partnerships/{pid}/complete", headers=parties.brand)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["current_state"] == "proposed"
    assert body["allowed_actions"] == ["withdraw"]
    own_offer = await service.post(f"/api/v1/partnerships/{pid}/sign", json={"terms_version": 1}, headers=parties.brand)
    assert own_offer.status_code == 409, "the brand cannot sign its own offer before the creator answers"
    stale = await service.post(f"/api/v1/partnerships/{pid}/accept", json={"terms_version": 7}, headers=parties.creator)
    assert stale.status_code == 409
    assert stale.json()["terms_version"] == 1


@pytest.mark.parametrize(
    ("who", "action", "body", "status"),
    [
        ("analyst", "counter", {"terms": terms()}, 403),
        ("analyst", "withdraw", None, 403),
        ("brand", "accept", {"terms_version": 1}, 403),
        ("brand", "decline", None, 403),
        ("creator", "withdraw", None, 403),
        ("creator", "cancel", None, 403),
        ("creator", "complete", None, 403),
        ("creator", "propose", None, 403),
        ("other_creator", "accept", {"terms_version": 1}, 404),
        ("other_brand", "withdraw", None, 404),
    ],
)
async def test_wrong_role_or_side(
    service: httpx.AsyncClient, parties: Parties, who: str, action: str, body: Any, status: int
) -> None:
    campaign_id = await campaign(service, parties)
    pid = (await propose(service, parties, campaign_id)).json()["id"]
    response = await service.post(f"/api/v1/partnerships/{pid}/{action}", json=body, headers=getattr(parties, who))
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    after = (await service.get(f"/api/v1/partnerships/{pid}", headers=parties.brand)).json()
    assert after["state"] == "proposed"


async def test_strangers_see_nothing(service: httpx.AsyncClient, parties: Parties) -> None:
    campaign_id = await campaign(service, parties)
    pid = (await propose(service, parties, campaign_id)).json()["id"]
    for headers in (parties.other_brand, parties.other_creator):
        for path in (f"/api/v1/partnerships/{pid}", f"/api/v1/partnerships/{pid}/payments"):
            assert (await service.get(path, headers=headers)).status_code == 404, path
        listed = (await service.get("/api/v1/partnerships", headers=headers)).json()
        assert pid not in {p["id"] for p in listed["items"]}
    assert (await service.get(f"/api/v1/campaigns/{campaign_id}/budget", headers=parties.creator)).status_code == 403
    assert (
        await service.get(f"/api/v1/campaigns/{campaign_id}/budget", headers=parties.other_brand)
    ).status_code == 404
    mine = (await service.get("/api/v1/partnerships", headers=parties.creator)).json()
    assert [p["id"] for p in mine["items"]] == [pid]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (
            {"fee": {"kind": "fixed", "amount": {"amount_minor": 10, "currency": "USD"}}},
            "body.terms.fee.amount.currency",
        ),
        ({"payment_schedule": [{"trigger": "on_publish", "percent": 60}]}, "body.terms.payment_schedule"),
        (
            {"deliverables": [{"type": "reel", "platform": "instagram", "count": 1, "due_on": "2100-01-01"}]},
            "body.terms.deliverables.0.due_on",
        ),
        ({"fee": {"kind": "barter", "amount": {"amount_minor": 10, "currency": "EUR"}}}, "body.terms.fee"),
        ({"fee": {"kind": "fixed", "amount": {"amount_minor": -5, "currency": "EUR"}}}, "body.terms.fee.fixed.amount"),
        ({"deliverables": []}, "body.terms.deliverables"),
        ({"collaboration_type": "haunting"}, "body.terms.collaboration_type"),
        ({"usage_rights": {"channels": ["billboards-on-mars"], "duration_days": 5}}, "body.terms.usage_rights"),
        ({"surprise": True}, "body.terms.surprise"),
    ],
)
async def test_bad_terms_are_422_naming_the_field(
    service: httpx.AsyncClient, parties: Parties, overrides: dict[str, Any], field: str
) -> None:
    campaign_id = await campaign(service, parties, launch=False)
    response = await service.post(
        f"/api/v1/campaigns/{campaign_id}/partnerships",
        json={"influencer_id": str(parties.influencer_id), "terms": terms() | overrides},
        headers=parties.brand,
    )
    assert response.status_code == 422, response.text
    fields = [e["field"] for e in response.json()["errors"]]
    assert any(f.startswith(field) for f in fields), fields
    assert (await budget(service, parties, campaign_id))["reserved"] == 0


async def test_bad_action_bodies_are_422(service: httpx.AsyncClient, parties: Parties) -> None:
    campaign_id = await campaign(service, parties)
    pid = (await propose(service, parties, campaign_id)).json()["id"]
    missing = await service.post(f"/api/v1/partnerships/{pid}/sign", json={}, headers=parties.creator)
    assert [e["field"] for e in missing.json()["errors"]] == ["body.terms_version"]
    assert (
        await service.post("/api/v1/partnerships/not-a-uuid/accept", json={"terms_version": 1}, headers=parties.creator)
    ).status_code == 422
    no_terms = await service.post(f"/api/v1/partnerships/{pid}/counter", json={"note": "hmm"}, headers=parties.creator)
    assert no_terms.status_code == 422
    assert [e["field"] for e in no_terms.json()["errors"]] == ["body.terms"]


async def test_an_offer_over_the_remaining_budget_is_409_with_the_numbers(
    service: httpx.AsyncClient, parties: Parties
) -> None:
    campaign_id = await campaign(service, parties, budget=150_000)
    assert (await propose(service, parties, campaign_id, amount=100_000)).status_code == 201
    response = await propose(
        service, parties, campaign_id, influencer_id=await known_influencer(service), amount=60_000
    )
    assert response.status_code == 409
    body = response.json()
    assert body["requested"] == {"amount_minor": 60_000, "currency": "EUR"}
    assert body["remaining"] == {"amount_minor": 50_000, "currency": "EUR"}
    assert body["budget"]["amount_minor"] == 150_000
    assert body["reserved"]["amount_minor"] == 100_000
    again = await propose(service, parties, campaign_id, amount=10_000)
    assert again.status_code == 409, "one open partnership per influencer and campaign"
    assert again.json()["current_state"] == "proposed"


async def test_a_proposal_to_an_influencer_not_known_here_is_a_retryable_422(
    service: httpx.AsyncClient, parties: Parties
) -> None:
    campaign_id = await campaign(service, parties)
    never_told = uuid.uuid4()
    private_elsewhere = await known_influencer(service, org_id=uuid.uuid4(), handle="not.yours")
    for influencer_id in (never_told, private_elsewhere):
        response = await service.post(
            f"/api/v1/campaigns/{campaign_id}/partnerships",
            json={"influencer_id": str(influencer_id), "terms": terms()},
            headers=parties.brand,
        )
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
        # One answer for both: another org's private profile is not revealed. The profile may be
        # on its way from discovery: the client may ask again.
        assert response.headers["retry-after"] == "5"
        body = response.json()
        assert body["retryable"] is True
        assert [e["field"] for e in body["errors"]] == ["body.influencer_id"]
        assert "not.yours" not in response.text
    assert (await budget(service, parties, campaign_id))["reserved"] == 0
    listed = await service.get(f"/api/v1/campaigns/{campaign_id}/partnerships", headers=parties.brand)
    assert listed.json()["items"] == []

    own = await known_influencer(service, org_id=parties.tenant, handle="own.one", display_name="Own One")
    created = await service.post(
        f"/api/v1/campaigns/{campaign_id}/partnerships",
        json={"influencer_id": str(own), "terms": terms()},
        headers=parties.brand,
    )
    assert created.status_code == 201, created.text
    assert created.json()["influencer"] == {"platform": "instagram", "handle": "own.one", "display_name": "Own One"}


async def test_the_newest_version_of_a_profile_is_kept_whatever_order_its_events_come_in(
    service: httpx.AsyncClient, parties: Parties
) -> None:
    influencer_id, at = uuid.uuid4(), datetime.now(UTC)
    await known_influencer(service, influencer_id, handle="new.name", display_name="New", updated_at=at)
    for _ in range(2):  # late, then redelivered
        older = at - timedelta(minutes=1)
        await known_influencer(service, influencer_id, handle="old.name", display_name="Old", updated_at=older)
    campaign_id = await campaign(service, parties)
    created = await service.post(
        f"/api/v1/campaigns/{campaign_id}/partnerships",
        json={"influencer_id": str(influencer_id), "influencer": {"display_name": "Newbie"}, "terms": terms()},
        headers=parties.brand,
    )
    assert created.status_code == 201, created.text
    # The brand's name for the influencer wins; what it leaves out comes from discovery's profile.
    assert created.json()["influencer"] == {"platform": "instagram", "handle": "new.name", "display_name": "Newbie"}


async def test_withdraw_and_decline_release_the_reservation(service: httpx.AsyncClient, parties: Parties) -> None:
    campaign_id = await campaign(service, parties)
    first = (await propose(service, parties, campaign_id)).json()["id"]
    second_influencer = await known_influencer(service)
    second = (await propose(service, parties, campaign_id, influencer_id=second_influencer, amount=50_000)).json()["id"]
    assert (await budget(service, parties, campaign_id))["reserved"] == 150_000
    assert (await service.post(f"/api/v1/partnerships/{first}/decline", headers=parties.creator)).status_code == 200
    withdrawn = await service.post(
        f"/api/v1/partnerships/{second}/withdraw", json={"reason": "went another way"}, headers=parties.brand
    )
    assert withdrawn.json()["state"] == "withdrawn"
    assert (await budget(service, parties, campaign_id))["reserved"] == 0


async def test_campaign_lifecycle_rules(service: httpx.AsyncClient, parties: Parties) -> None:
    bare = await campaign(service, parties, budget=None, launch=False)
    refused = await service.post(f"/api/v1/campaigns/{bare}/launch", headers=parties.brand)
    assert refused.status_code == 409
    assert refused.json()["missing_fields"] == ["budget"]
    assert (await service.post(f"/api/v1/campaigns/{bare}/complete", headers=parties.brand)).json()[
        "allowed_actions"
    ] == ["launch", "cancel"]
    no_budget = await propose(service, parties, bare)
    assert no_budget.status_code == 409
    assert no_budget.json()["budget"] is None

    campaign_id = await campaign(service, parties, budget=200_000)
    await propose(service, parties, campaign_id, amount=120_000)
    shrink = await service.patch(
        f"/api/v1/campaigns/{campaign_id}",
        json={"budget": {"amount_minor": 100_000, "currency": "EUR"}},
        headers=parties.brand,
    )
    assert shrink.status_code == 409
    assert shrink.json()["field"] == "budget.amount_minor"
    grow = await service.patch(
        f"/api/v1/campaigns/{campaign_id}",
        json={"budget": {"amount_minor": 300_000, "currency": "EUR"}, "name": "Summer+"},
        headers=parties.brand,
    )
    assert grow.status_code == 200, grow.text
    assert (await budget(service, parties, campaign_id))["remaining"] == 180_000
    fixed = await service.patch(
        f"/api/v1/campaigns/{campaign_id}", json={"objective": "awareness"}, headers=parties.brand
    )
    assert fixed.status_code == 409
    assert (
        await service.patch(f"/api/v1/campaigns/{campaign_id}", json={"name": None}, headers=parties.brand)
    ).status_code == 422
    assert (
        await service.patch(f"/api/v1/campaigns/{campaign_id}", json={"name": "x"}, headers=parties.analyst)
    ).status_code == 403

    done = await service.post(f"/api/v1/campaigns/{campaign_id}/complete", headers=parties.brand)
    assert done.json()["state"] == "completed"
    assert (await budget(service, parties, campaign_id))["reserved"] == 0
    listed = (await service.get(f"/api/v1/campaigns/{campaign_id}/partnerships", headers=parties.analyst)).json()
    assert [p["state"] for p in listed["items"]] == ["cancelled"]
    late = await service.patch(f"/api/v1/campaigns/{campaign_id}", json={"name": "y"}, headers=parties.brand)
    assert late.status_code == 409


async def test_messages_templates_and_outreach(service: httpx.AsyncClient, parties: Parties) -> None:
    campaign_id = await campaign(service, parties, launch=False)
    draft = await service.post(
        f"/api/v1/campaigns/{campaign_id}/partnerships",
        json={
            "influencer_id": str(parties.influencer_id),
            "influencer": {"handle": "@ana", "display_name": "Ana"},
            "terms": terms(80_000),
            "propose": False,
        },
        headers=parties.brand,
    )
    assert draft.json()["state"] == "draft"
    pid = draft.json()["id"]
    assert (await budget(service, parties, campaign_id))["reserved"] == 0
    assert (await service.get(f"/api/v1/partnerships/{pid}", headers=parties.creator)).status_code == 404

    bad_template = await service.post(
        "/api/v1/message-templates", json={"name": "bad", "body": "Hi {{ influencer.age }}"}, headers=parties.brand
    )
    assert bad_template.status_code == 422
    assert bad_template.json()["errors"][0]["field"] == "body.body"
    template = await service.post(
        "/api/v1/message-templates",
        json={
            "name": f"intro-{uuid.uuid4().hex[:6]}",
            "body": "Hi {{influencer.name}}! {{ campaign.name }} pays {{ partnership.fee }}.",
        },
        headers=parties.brand,
    )
    assert template.status_code == 201, template.text
    assert template.json()["fields"] == ["campaign.name", "influencer.name", "partnership.fee"]
    duplicate = await service.post(
        "/api/v1/message-templates", json={"name": template.json()["name"], "body": "x"}, headers=parties.brand
    )
    assert duplicate.status_code == 409
    assert (
        await service.post("/api/v1/message-templates", json={"name": "n", "body": "x"}, headers=parties.analyst)
    ).status_code == 403
    assert (
        await service.get(f"/api/v1/message-templates/{template.json()['id']}", headers=parties.other_brand)
    ).status_code == 404

    outreach = await service.post(
        f"/api/v1/partnerships/{pid}/messages", json={"template_id": template.json()["id"]}, headers=parties.brand
    )
    assert outreach.status_code == 201, outreach.text
    assert outreach.json()["body"] == "Hi Ana! Summer pays 800.00 EUR."

    seen = await service.get(f"/api/v1/partnerships/{pid}", headers=parties.creator)
    assert seen.status_code == 200, "the brand reached out: the creator sees the draft"
    assert seen.json()["allowed_actions"] == []
    reply = await service.post(
        f"/api/v1/partnerships/{pid}/messages", json={"body": "Tell me more"}, headers=parties.creator
    )
    assert reply.status_code == 201
    both = await service.post(
        f"/api/v1/partnerships/{pid}/messages",
        json={"body": "x", "template_id": template.json()["id"]},
        headers=parties.brand,
    )
    assert both.status_code == 422
    assert (
        await service.post(f"/api/v1/partnerships/{pid}/messages", json={"body": "x"}, headers=parties.analyst)
    ).status_code == 403
    conversation = (await service.get(f"/api/v1/partnerships/{pid}/messages?limit=1", headers=parties.creator)).json()
    assert [(m["author"], m["body"]) for m in conversation["items"]] == [("creator", "Tell me more")]
    older = (
        await service.get(
            f"/api/v1/partnerships/{pid}/messages?cursor={conversation['next_cursor']}", headers=parties.creator
        )
    ).json()
    assert [m["author"] for m in older["items"]] == ["brand"]
    assert older["next_cursor"] is None

    proposed = await service.post(f"/api/v1/partnerships/{pid}/propose", headers=parties.brand)
    assert proposed.status_code == 200, proposed.text
    assert proposed.json()["state"] == "proposed"
    assert (await budget(service, parties, campaign_id))["reserved"] == 80_000


async def test_concurrent_offers_never_overdraw(service: httpx.AsyncClient, parties: Parties) -> None:
    campaign_id = await campaign(service, parties, budget=100_000)
    influencers = [await known_influencer(service) for _ in range(6)]
    responses = await asyncio.gather(
        *(propose(service, parties, campaign_id, influencer_id=i, amount=30_000) for i in influencers)
    )
    assert sorted(r.status_code for r in responses) == [201, 201, 201, 409, 409, 409]
    money = await budget(service, parties, campaign_id)
    assert (money["reserved"], money["remaining"]) == (90_000, 10_000)


async def test_concurrent_transitions_on_one_partnership_apply_once(
    service: httpx.AsyncClient, parties: Parties
) -> None:
    campaign_id = await campaign(service, parties)
    pid = (await propose(service, parties, campaign_id)).json()["id"]
    calls = [service.post(f"/api/v1/partnerships/{pid}/withdraw", headers=parties.brand) for _ in range(3)]
    calls += [service.post(f"/api/v1/partnerships/{pid}/decline", headers=parties.creator) for _ in range(3)]
    calls += [
        service.post(f"/api/v1/partnerships/{pid}/sign", json={"terms_version": 1}, headers=parties.creator)
        for _ in range(2)
    ]
    responses = await asyncio.gather(*calls)
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {200, 409}, statuses
    detail = (await service.get(f"/api/v1/partnerships/{pid}", headers=parties.brand)).json()
    # Either a withdraw or decline came first (one success), or a signature did and then one of them.
    transitions = [h["action"] for h in detail["history"] if h["action"] not in ("create", "propose")]
    assert len(transitions) == statuses.count(200)
    assert transitions in (["withdraw"], ["decline"], ["sign", "withdraw"], ["sign", "decline"]), transitions
    assert detail["state"] in ("withdrawn", "declined")
    assert (await budget(service, parties, campaign_id))["reserved"] == 0
    async with service.app.state.runtime.database.sessionmaker() as session:  # type: ignore[attr-defined]
        entries = (
            await session.execute(
                select(ledger_entries.c.amount_minor).where(ledger_entries.c.partnership_id == uuid.UUID(pid))
            )
        ).all()
    assert len(entries) == 4, "one reservation and one release, two entries each"
    assert sum(e.amount_minor for e in entries) == 0
