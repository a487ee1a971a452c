"""Conversions from partner shops: the same order twice counts once, another amount is a 409, a
batch is taken whole or not at all; refunds and cancellations adjust an order; attribution by the
click id the redirect issued (the last click, within the campaign's window) or by a promo code;
unattributed orders are kept and listed; each attributed entry is told to partnerships."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import orjson
import pytest
from sqlalchemy import select

from devstack.databases import DatabaseFactory
from metrics.adapters.tables import messaging

from .conftest import T0, Brand, metrics_service


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with metrics_service(databases, messaging_settings, "metrics_conversions") as client:
        yield client


@pytest.fixture
async def brand(service: httpx.AsyncClient, internal_secret: str) -> Brand:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    return brand


def order(order_id: str, amount: int = 10_000, currency: str = "EUR", **more: Any) -> dict[str, Any]:
    return {
        "order_id": order_id,
        "amount": {"amount_minor": amount, "currency": currency},
        "occurred_at": (T0 + timedelta(days=1)).isoformat(),
        **more,
    }


def _after_now(delta: timedelta = timedelta(minutes=1)) -> str:
    return (datetime.now(UTC) + delta).isoformat()


async def report(brand: Brand, body: dict[str, Any]) -> httpx.Response:
    return await brand.service.post("/api/v1/conversions", json=body, headers=brand.headers)


async def click_id(brand: Brand, code: str) -> str:
    followed = await brand.click(code)
    assert followed.status_code == 302
    return parse_qs(urlsplit(followed.headers["location"]).query)["click_id"][0]


async def told(brand: Brand) -> list[dict[str, Any]]:
    """The metrics.conversion.attributed events in the outbox, oldest first."""
    database = brand.service.app.state.runtime.database  # type: ignore[attr-defined]
    outbox = messaging.outbox
    async with database.session(read_only=True) as session:
        rows = await session.execute(
            select(outbox.c.payload).where(outbox.c.event_type == "metrics.conversion.attributed").order_by(outbox.c.id)
        )
        events = [orjson.loads(payload) for payload in rows.scalars()]
    return [e["data"] for e in events if e["tenant_id"] == str(brand.org)]


async def test_an_order_through_a_tracking_link_is_attributed_and_told_once(brand: Brand) -> None:
    partnership_id, influencer_id = await brand.partnership()
    link = await brand.link(partnership_id)
    clicked = await click_id(brand, link["code"])  # the click is stamped now: the order comes after it

    first = await report(brand, order("A-1", click_id=clicked, occurred_at=_after_now()))
    again = await report(brand, order("A-1", click_id=clicked, occurred_at=_after_now()))

    assert first.status_code == 201, first.text
    assert again.status_code == 200, again.text
    assert (first.json()["created"], again.json()["created"]) == (True, False)
    attribution = first.json()["conversion"]["attribution"]
    assert attribution["method"] == "click"
    assert attribution["partnership_id"] == str(partnership_id)
    assert attribution["link_id"] == link["id"]
    assert again.json()["conversion"]["id"] == first.json()["conversion"]["id"]
    events = await told(brand)
    assert len(events) == 1
    assert (events[0]["entry_kind"], events[0]["net_change_minor"], events[0]["influencer_id"]) == (
        "order",
        10_000,
        str(influencer_id),
    )
    assert events[0]["in_campaign_currency"] == {"amount_minor": 10_000, "currency": "EUR"}


async def test_the_same_order_with_another_amount_is_a_409_and_changes_nothing(brand: Brand) -> None:
    assert (await report(brand, order("B-1"))).status_code == 201
    conflict = await report(brand, order("B-1", amount=9_999))
    assert conflict.status_code == 409, conflict.text
    assert conflict.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in conflict.json()["errors"]] == ["body"]
    other_currency = await report(brand, order("B-1", currency="USD"))
    assert other_currency.status_code == 409
    listed = await brand.service.get("/api/v1/conversions", headers=brand.headers)
    assert [(c["order_id"], c["amount"]["amount_minor"]) for c in listed.json()["items"]] == [("B-1", 10_000)]


async def test_a_batch_is_taken_whole_or_not_at_all_naming_each_bad_item(brand: Brand) -> None:
    assert (await report(brand, order("C-0"))).status_code == 201
    refused = await report(
        brand, {"items": [order("C-1"), order("C-0", amount=1), order("C-2"), order("C-3", amount=0)]}
    )
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == ["body.items.3.amount.amount_minor"]
    conflicting = await report(brand, {"items": [order("C-1"), order("C-0", amount=1), order("C-2")]})
    assert conflicting.status_code == 409, conflicting.text
    assert [e["field"] for e in conflicting.json()["errors"]] == ["body.items.1"]
    listed = await brand.service.get("/api/v1/conversions", headers=brand.headers)
    assert [c["order_id"] for c in listed.json()["items"]] == ["C-0"]
    taken = await report(brand, {"items": [order("C-1"), order("C-0"), order("C-2")]})
    assert taken.status_code == 201, taken.text
    assert [i["created"] for i in taken.json()["items"]] == [True, False, True]


async def test_refunds_and_cancellations_adjust_the_order_and_are_told_as_negative_changes(brand: Brand) -> None:
    partnership_id, _ = await brand.partnership()
    promo = await brand.service.post(
        "/api/v1/promo-codes", json={"code": "spring10", "partnership_id": str(partnership_id)}, headers=brand.headers
    )
    assert promo.status_code == 201, promo.text
    assert promo.json()["code"] == "SPRING10"
    assert (await report(brand, order("D-1", promo_code="Spring10"))).status_code == 201  # any case
    refund = {"type": "refund", "order_id": "D-1", "adjustment_id": "r-1", "occurred_at": T0.isoformat()}
    first = await report(brand, {**refund, "amount": {"amount_minor": 2_500, "currency": "EUR"}})
    assert first.status_code == 201, first.text
    assert first.json()["conversion"]["net"]["amount_minor"] == 7_500
    repeat = await report(brand, {**refund, "amount": {"amount_minor": 2_500, "currency": "EUR"}})
    assert repeat.status_code == 200
    changed = await report(brand, {**refund, "amount": {"amount_minor": 2_000, "currency": "EUR"}})
    assert changed.status_code == 409
    too_much = await report(
        brand, {**refund, "adjustment_id": "r-2", "amount": {"amount_minor": 7_501, "currency": "EUR"}}
    )
    assert too_much.status_code == 409
    cancel = await report(brand, {"type": "cancellation", "order_id": "D-1", "occurred_at": T0.isoformat()})
    assert cancel.status_code == 201, cancel.text
    assert (cancel.json()["conversion"]["counts"], cancel.json()["conversion"]["net"]["amount_minor"]) == (False, 0)
    unknown = await report(brand, {"type": "cancellation", "order_id": "nope", "occurred_at": T0.isoformat()})
    assert unknown.status_code == 422
    assert [e["field"] for e in unknown.json()["errors"]] == ["body.order_id"]
    events = [e for e in await told(brand) if e["order_id"] == "D-1"]
    assert [(e["entry_kind"], e["method"], e["net_change_minor"]) for e in events] == [
        ("order", "promo_code", 10_000),
        ("refund", "promo_code", -2_500),
        ("cancellation", "promo_code", -7_500),
    ]
    assert sum(e["net_change_minor"] for e in events) == 0


async def test_an_order_without_a_usable_click_or_code_is_kept_unattributed(brand: Brand, internal_secret: str) -> None:
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    clicked = await click_id(brand, link["code"])
    forged = clicked[:-2] + ("AA" if not clicked.endswith("AA") else "BB")
    responses = [
        await report(brand, order("E-1", click_id=forged)),
        await report(brand, order("E-2", promo_code="NOT-GIVEN")),
        await report(brand, order("E-3")),
        # A click older than the order by more than the window (the click is now; the order a year on)
        await report(brand, order("E-4", click_id=clicked, occurred_at="2999-01-01T00:00:00Z")),
    ]
    assert [r.status_code for r in responses] == [201] * 4
    reasons = [r.json()["conversion"]["attribution"] for r in responses]
    assert {a["method"] for a in reasons} == {"none"}
    assert "not one of this org's clicks" in reasons[0]["reason"]
    assert "promo code" in reasons[1]["reason"]
    assert "30-day window" in reasons[3]["reason"]
    other = Brand(brand.service, internal_secret)
    theirs = await other.service.post("/api/v1/conversions", json=order("F-1", click_id=clicked), headers=other.headers)
    assert theirs.json()["conversion"]["attribution"]["method"] == "none"  # another org's click is no click
    unattributed = await brand.service.get("/api/v1/conversions?attributed=false", headers=brand.headers)
    assert {c["order_id"] for c in unattributed.json()["items"]} == {"E-1", "E-2", "E-3", "E-4"}
    assert not [e for e in await told(brand) if e["order_id"].startswith("E-")]


async def test_the_campaigns_window_decides_how_old_a_click_may_be(brand: Brand) -> None:
    partnership_id, _ = await brand.partnership()
    settings = f"/api/v1/campaigns/{brand.campaign_id}/metrics/settings"
    assert (await brand.service.get(settings, headers=brand.headers)).json() == {"attribution_window_days": 30}
    put = await brand.service.put(settings, json={"attribution_window_days": 2}, headers=brand.headers)
    assert put.status_code == 200, put.text
    link = await brand.link(partnership_id)
    clicked = await click_id(brand, link["code"])
    in_window, late = _after_now(timedelta(days=1)), _after_now(timedelta(days=3))
    a = await report(brand, order("G-1", click_id=clicked, occurred_at=in_window))
    b = await report(brand, order("G-2", click_id=clicked, occurred_at=late))
    assert a.json()["conversion"]["attribution"]["method"] == "click"
    assert b.json()["conversion"]["attribution"]["method"] == "none"
    assert (
        await brand.service.put(settings, json={"attribution_window_days": 0}, headers=brand.headers)
    ).status_code == 422


async def test_bad_input_is_named_and_an_analyst_may_not_report(brand: Brand) -> None:
    bad = await report(brand, {"order_id": "", "amount": {"amount_minor": "100", "currency": "EUR"}})
    assert bad.status_code == 422
    fields = {e["field"] for e in bad.json()["errors"]}
    assert fields == {"body.order_id", "body.amount.amount_minor", "body.occurred_at"}
    refund = await report(brand, {"type": "refund", "order_id": "x", "occurred_at": T0.isoformat(), "click_id": "c"})
    assert {e["field"] for e in refund.json()["errors"]} == {"body.amount", "body.adjustment_id", "body.click_id"}
    batch = await report(brand, {"items": [order("H-1"), {"order_id": "H-2"}]})
    assert [e["field"] for e in batch.json()["errors"]] == ["body.items.1.occurred_at"]
    analyst = await brand.service.post("/api/v1/conversions", json=order("H-3"), headers=brand.as_role("analyst"))
    assert analyst.status_code == 403
    assert (await brand.service.get(f"/api/v1/conversions/{uuid.uuid4()}", headers=brand.headers)).status_code == 404


async def test_a_time_without_its_offset_is_refused_naming_the_field(brand: Brand) -> None:
    partnership_id, influencer_id = await brand.partnership()
    post_id, _ = await brand.post(partnership_id, influencer_id)
    naive = order("NAIVE-1", occurred_at="2026-05-01T10:00:00")

    reported = await report(brand, naive)
    observed = await brand.service.post(
        f"/api/v1/posts/{post_id}/insights",
        json={"observed_at": "2026-05-01T10:00:00", "metrics": {"views": 1}},
        headers=brand.headers,
    )

    assert (reported.status_code, [e["field"] for e in reported.json()["errors"]]) == (422, ["body.occurred_at"])
    assert (observed.status_code, [e["field"] for e in observed.json()["errors"]]) == (422, ["body.observed_at"])
    assert (await brand.service.get("/api/v1/conversions", headers=brand.headers)).json()["items"] == []
