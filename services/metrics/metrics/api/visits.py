"""POST /internal/redirects: the gateway's coalesced visits of GET/HEAD /r/{code}, one exchange for
many clicks. Each visit is what the gateway saw (the code, the method, the client's address, its
user agent and referrer); the answer is one item per visit, in order: `{"status": 302,
"location"}` once the click is kept, `{"status": 404}` for an unknown or stopped code (nothing
recorded), `{"status": 500}` for a click the log failed to take.

Only the gateway calls it (the internal credential, checked by api.redirect.RedirectFastPath); the
gateway's route table has no such path, so no outside caller reaches it. Not in the OpenAPI.
"""

import asyncio
from typing import Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from metrics.adapters.ingestion import Ingestion
from metrics.api.click import record_click
from servicekit.problems import Problem, field_errors

PATH = "/internal/redirects"
MAX_VISITS = 1_000
MAX_BODY_BYTES = 256 * 1024 * 1024  # what the gateway's visitors sent, nothing more


class Visit(BaseModel):
    # Not a RequestModel (whose strings are bounded): one visitor's junk (a code no link has, a
    # huge user agent) must not fail the other visits of its batch. An unknown code is a 404.
    model_config = ConfigDict(extra="forbid", strict=True)

    code: str
    method: Literal["GET", "HEAD"]
    address: str
    user_agent: str
    referrer: str | None = None


class Visits(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    items: list[Visit] = Field(max_length=MAX_VISITS)


VisitTuple = tuple[str, str, str, str, str | None]  # code, method, address, user agent, referrer
_FIELDS = frozenset(Visit.model_fields)
_REQUIRED = _FIELDS - {"referrer"}


def read_visits(body: bytes) -> list[VisitTuple] | None:
    """The visits of a batch Visits takes, as plain tuples (its models cost a coalesced batch more
    than the rest of its parsing); None for any other body, which Visits then names the fault of."""
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if type(document) is not dict or document.keys() != {"items"}:
        return None
    items = document["items"]
    if type(items) is not list or len(items) > MAX_VISITS:
        return None
    visits: list[VisitTuple] = []
    for item in items:
        if type(item) is not dict or not _REQUIRED <= item.keys() <= _FIELDS:
            return None
        code, method, address, agent = item["code"], item["method"], item["address"], item["user_agent"]
        referrer = item.get("referrer")
        if not (
            type(code) is str
            and type(method) is str
            and method in ("GET", "HEAD")
            and type(address) is str
            and type(agent) is str
            and (referrer is None or type(referrer) is str)
        ):
            return None
        visits.append((code, method, address, agent, referrer))
    return visits


def _validated(body: bytes) -> list[VisitTuple]:
    """Raises a 422 Problem naming the field."""
    try:
        visits = Visits.model_validate_json(body).items
    except ValidationError as exc:
        errors = field_errors(exc.errors())
        for error in errors:
            error["field"] = f"body.{error['field']}" if error["field"] else "body"
        raise Problem(422, "the visits are not valid", errors=errors) from None
    return [(v.code, v.method, v.address, v.user_agent, v.referrer) for v in visits]


async def answer(ingestion: Ingestion, body: bytes) -> bytes:
    """The answers to the visits in `body` (JSON), in order. Raises a 422 Problem naming the field."""
    visits = read_visits(body)
    if visits is None:
        visits = _validated(body)
    recorded = [
        record_click(ingestion, code, method, agent, address, referrer)
        for code, method, address, agent, referrer in visits
    ]
    kept = await asyncio.gather(*(r[0] for r in recorded if r is not None), return_exceptions=True)
    answers: list[dict[str, object]] = []
    outcomes = iter(kept)
    for r in recorded:
        if r is None:
            answers.append({"status": 404})
        elif isinstance(next(outcomes), BaseException):
            answers.append({"status": 500})
        else:
            answers.append({"status": 302, "location": r[1]})
    return orjson.dumps({"items": answers})
