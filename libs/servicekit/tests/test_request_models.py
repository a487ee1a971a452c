"""RequestModel: strict types, ranges and clean text for every field, each bad one named at once."""

import json
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

import httpx
import pytest
from fastapi import FastAPI, Query
from pydantic import Field

from servicekit.problems import install_problem_handlers
from servicekit.schemas import (
    MAX_SAFE_INTEGER,
    SINGLE_LINE,
    SINGLE_LINE_PATTERN,
    Instant,
    MoneyIn,
    RequestModel,
    Text,
)


class Color(StrEnum):
    RED = "red"
    BLUE = "blue"


class Part(RequestModel):
    label: str
    size: int = Field(default=1, ge=1, le=10)


class Order(RequestModel):
    id: UUID
    name: str = Field(max_length=50)
    note: Text | None = Field(default=None, max_length=500)
    quantity: int = 1
    ratio: float = 0.5
    rush: bool = False
    color: Color = Color.RED
    size: Literal["s", "m"] = "s"
    due_on: date | None = None
    placed_at: datetime | None = None  # a plain datetime: RequestModel requires its offset
    parts: list[Part] = []
    tags: list[str] = []
    scores: dict[str, float] = {}
    by_color: dict[Color, int] = {}
    price: MoneyIn | None = None


ORDER = {"id": "5f0c8a52-6a0e-4a8a-9a37-0d6f1e9b2c11", "name": "Crate"}


@pytest.fixture(scope="module")
async def client() -> Any:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/orders")
    async def place(order: Order) -> dict[str, Any]:
        return order.model_dump(mode="json")

    @app.get("/orders")
    async def search(
        q: Annotated[str | None, Query(max_length=20, pattern=SINGLE_LINE)] = None,
        min_quantity: Annotated[int | None, Query(ge=0, le=1000)] = None,
        since: Annotated[Instant | None, Query()] = None,
    ) -> dict[str, Any]:
        return {"q": q, "min_quantity": min_quantity, "since": since and since.isoformat()}

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://t") as client:
        client.app = app
        yield client


async def post(client: httpx.AsyncClient, raw: str) -> httpx.Response:
    return await client.post("/orders", content=raw, headers={"content-type": "application/json"})


def with_raw(body: dict[str, Any], field: str, raw_value: str) -> str:
    """The body as JSON with `field` set to raw JSON text (NaN, 1e309: what json.dumps cannot write)."""
    body.pop(field, None)
    return json.dumps(body)[:-1] + f', "{field}": {raw_value}}}'


def fields(response: httpx.Response) -> dict[str, str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return {e["field"]: e["message"] for e in response.json()["errors"]}


async def test_a_valid_order_with_every_kind_of_field_is_taken(client: httpx.AsyncClient) -> None:
    order = {
        **ORDER,
        "note": "line one\nline two\twith a tab",
        "quantity": 3,
        "ratio": 2,
        "rush": True,
        "color": "blue",
        "size": "m",
        "due_on": "2027-06-01",
        "placed_at": "2026-05-01T09:30:00+02:00",
        "parts": [{"label": "lid", "size": 10}],
        "tags": ["a"],
        "scores": {"x": 0.5},
        "by_color": {"red": 1},
        "price": {"amount_minor": 1999, "currency": "EUR"},
    }
    response = await client.post("/orders", json=order)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ratio"] == 2.0
    assert body["placed_at"] == "2026-05-01T09:30:00+02:00"
    assert body["by_color"] == {"red": 1}


@pytest.mark.parametrize(
    ("raw_value", "field"),
    [
        ('"100"', "quantity"),
        ("1.5", "quantity"),
        ("true", "quantity"),
        (str(2**63), "quantity"),
        (str(MAX_SAFE_INTEGER + 1), "quantity"),
        (str(-MAX_SAFE_INTEGER - 1), "quantity"),
        ('"0.5"', "ratio"),
        ("true", "ratio"),
        ("NaN", "ratio"),
        ("Infinity", "ratio"),
        ("-Infinity", "ratio"),
        ("1e309", "ratio"),
        ('"true"', "rush"),
        ("1", "rush"),
        ("7", "name"),
        ('"green"', "color"),
        ('"0"', "due_on"),
        ("20270601", "due_on"),
        ('"9999-12-31"', "due_on"),
        ('"1700000000"', "placed_at"),
        ("1700000000", "placed_at"),
        ('"2026-05-01T09:30:00"', "placed_at"),
        ('"2026-05-01 09:30"', "placed_at"),
        ('"0001-01-01T00:00:00Z"', "placed_at"),
    ],
)
async def test_a_value_of_the_wrong_kind_is_refused_and_named(
    client: httpx.AsyncClient, raw_value: str, field: str
) -> None:
    raw = with_raw({**ORDER}, field, raw_value)
    assert list(fields(await post(client, raw))) == [f"body.{field}"]


@pytest.mark.parametrize("text", ["a\u0000b", "a\u001bb", "a\u0085b", "a\ud800b", "two\nlines", "a\tb"])
async def test_names_hold_no_control_characters(client: httpx.AsyncClient, text: str) -> None:
    found = fields(await post(client, json.dumps({**ORDER, "name": text})))  # escaped, as a client would
    assert list(found) == ["body.name"]


async def test_text_may_hold_line_breaks_but_no_other_control_character(client: httpx.AsyncClient) -> None:
    assert (await client.post("/orders", json={**ORDER, "note": "a\r\nb\tc"})).status_code == 200
    assert list(fields(await client.post("/orders", json={**ORDER, "note": "a\u0000b"}))) == ["body.note"]


async def test_strings_in_lists_maps_and_keys_are_checked_too(client: httpx.AsyncClient) -> None:
    found = fields(
        await client.post(
            "/orders",
            json={**ORDER, "tags": ["fine", "a\u0000"], "scores": {"a\u0000": 1.0}, "parts": [{"label": "\u0007"}]},
        )
    )
    assert set(found) == {"body.tags.1", "body.scores.a\u0000.[key]", "body.parts.0.label"}


async def test_every_bad_field_is_reported_at_once(client: httpx.AsyncClient) -> None:
    raw = (
        '{"id": "not-a-uuid", "name": "a\\u0000", "quantity": "3", "ratio": NaN, "due_on": 0,'
        ' "parts": [{"label": "ok", "size": 11}], "price": {"amount_minor": 1, "currency": "ZZZ"}, "extra": 1}'
    )
    assert set(fields(await post(client, raw))) == {
        "body.id",
        "body.name",
        "body.quantity",
        "body.ratio",
        "body.due_on",
        "body.parts.0.size",
        "body.price.currency",
        "body.extra",
    }


@pytest.mark.parametrize(
    ("amount", "currency"), [('"100"', '"EUR"'), ("1.5", '"EUR"'), ("1000000000000001", '"EUR"'), ("1", '"ZZZ"')]
)
async def test_money_is_whole_minor_units_of_an_iso_currency(
    client: httpx.AsyncClient, amount: str, currency: str
) -> None:
    raw = with_raw({**ORDER}, "price", f'{{"amount_minor": {amount}, "currency": {currency}}}')
    field = "amount_minor" if currency == '"EUR"' else "currency"
    assert list(fields(await post(client, raw))) == [f"body.price.{field}"]


async def test_lengths_are_limited_where_the_field_does_not_say(client: httpx.AsyncClient) -> None:
    found = fields(await client.post("/orders", json={**ORDER, "tags": ["x" * 1001], "scores": {}}))
    assert list(found) == ["body.tags.0"]
    many = fields(await client.post("/orders", json={**ORDER, "tags": ["x"] * 1001}))
    assert list(many) == ["body.tags"]
    assert list(fields(await client.post("/orders", json={**ORDER, "note": "x" * 501}))) == ["body.note"]


def test_every_range_and_limit_is_in_the_openapi() -> None:
    schema = Order.model_json_schema()
    props = schema["properties"]
    assert props["quantity"]["minimum"] == -MAX_SAFE_INTEGER
    assert props["quantity"]["maximum"] == MAX_SAFE_INTEGER
    assert props["name"]["maxLength"] == 50
    assert props["tags"]["maxItems"] == 1000
    assert props["tags"]["items"]["maxLength"] == 1000
    note = next(option for option in props["note"]["anyOf"] if option.get("type") == "string")
    assert note["maxLength"] == 500
    part = schema["$defs"]["Part"]["properties"]
    assert (part["size"]["minimum"], part["size"]["maximum"]) == (1, 10)


async def test_query_parameters_are_parsed_but_held_to_their_ranges(client: httpx.AsyncClient) -> None:
    assert (await client.get("/orders", params={"min_quantity": "7"})).json()["min_quantity"] == 7
    for bad in (str(2**63), "1.5", "-1"):
        assert list(fields(await client.get("/orders", params={"min_quantity": bad}))) == ["query.min_quantity"]
    assert list(fields(await client.get("/orders", params={"q": "a\u0000b"}))) == ["query.q"]


async def test_a_time_in_a_query_is_held_to_the_rules_of_a_body_time(client: httpx.AsyncClient) -> None:
    since = await client.get("/orders", params={"since": "2026-05-01T09:30:00+02:00"})
    assert since.json()["since"] == "2026-05-01T09:30:00+02:00"
    for bad in ("2026-05-01T09:30:00", "1700000000", "0001-01-01T00:00:00Z"):
        assert list(fields(await client.get("/orders", params={"since": bad}))) == ["query.since"], bad
    naive = fields(await client.get("/orders", params={"since": "2026-05-01T09:30:00"}))
    assert "offset" in naive["query.since"]


def test_the_openapi_says_a_time_is_rfc_3339() -> None:
    # RFC 3339 date-time requires the offset: a client generating times from the schema sends one.
    assert Order.model_json_schema()["properties"]["placed_at"]["anyOf"][0]["format"] == "date-time"


def test_python_values_pass_as_themselves() -> None:
    order = Order(
        id=UUID(ORDER["id"]),
        name="Crate",
        due_on=date(2027, 1, 1),
        placed_at=datetime.fromisoformat("2027-01-01T00:00Z"),
    )
    assert order.color is Color.RED


async def test_a_whole_number_written_with_a_fraction_is_an_integer(client: httpx.AsyncClient) -> None:
    # JSON Schema counts 2.0 as an integer: a client generating data from the OpenAPI may send it.
    raw = with_raw({**ORDER}, "quantity", "2.0")
    response = await post(client, raw)
    assert response.status_code == 200, response.text
    assert response.json()["quantity"] == 2


def test_the_json_schema_says_which_characters_strings_take() -> None:
    class Named(RequestModel):
        name: str

    assert Named.model_json_schema()["properties"]["name"]["pattern"] == SINGLE_LINE_PATTERN
