"""Cursor pagination as the API conventions define it: ?limit= (default 50, max 200), ?cursor=,
and bodies {"items": [...], "next_cursor": str | null}."""

import base64
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar
from uuid import UUID

import orjson
from fastapi import Depends, Query
from pydantic import BaseModel

from servicekit.problems import Problem
from servicekit.schemas import MAX_SAFE_INTEGER

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
CURSOR_MAX_LENGTH = 1_000


T = TypeVar("T")
V = TypeVar("V")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int
    after: list[Any] | None  # the sort-key values of the last item already seen


def bad_cursor(field: str = "query.cursor", detail: str = "cursor is not one this API issued") -> Problem:
    return Problem(400, detail, errors=[{"field": field, "message": "invalid cursor", "type": "value_error"}])


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(values)).decode().rstrip("=")


def decode_cursor(cursor: str, field: str = "query.cursor") -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = orjson.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, orjson.JSONDecodeError):
        values = None
    # What this API issues: plain values, integers within what a double holds exactly.
    if not isinstance(values, list) or not all(_plain(value) for value in values):
        raise bad_cursor(field)
    return values


def _plain(value: Any) -> bool:
    if isinstance(value, int):
        return -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
    return value is None or isinstance(value, str | float)


async def _page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None, Query(max_length=CURSOR_MAX_LENGTH, description="next_cursor of the previous page")
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, after=decode_cursor(cursor) if cursor else None)


Pagination = Annotated[PageParams, Depends(_page_params)]


def cursor_time(value: Any) -> datetime:
    """A time as this API writes it in cursors (ISO 8601 with its offset); a 400 otherwise."""
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise bad_cursor() from None
    if parsed.tzinfo is None:  # not one this API issued; the columns hold aware times
        raise bad_cursor()
    return parsed


def created_key(page: PageParams) -> tuple[datetime, UUID] | None:
    """The (created_at, id) of the last item seen, for lists ordered newest first."""
    if not page.after:
        return None
    try:
        created_at, last_id = page.after
        return cursor_time(created_at), UUID(str(last_id))
    except (ValueError, TypeError):
        raise bad_cursor() from None


def page_by_created(
    items: Sequence[V], page: PageParams, key: Callable[[V], tuple[datetime, UUID]]
) -> tuple[list[V], str | None]:
    """Given up to limit+1 items, the page and the cursor of the next one (None on the last page)."""
    shown = list(items[: page.limit])
    if len(items) <= page.limit:
        return shown, None
    created_at, last_id = key(shown[-1])
    return shown, encode_cursor([created_at.isoformat(), str(last_id)])
