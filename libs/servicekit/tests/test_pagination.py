import uuid
from datetime import UTC, datetime, timedelta

import pytest

from servicekit.pagination import PageParams, created_key, decode_cursor, encode_cursor, page_by_created
from servicekit.problems import Problem


def test_cursor_round_trip() -> None:
    values = ["2026-01-01T00:00:00+00:00", str(uuid.uuid4())]
    assert decode_cursor(encode_cursor(values)) == values


@pytest.mark.parametrize(
    "cursor",
    [
        "%%%",
        "bm90IGpzb24",
        encode_cursor({"a": 1}),  # type: ignore[arg-type]
        encode_cursor([2**63]),  # would overflow a 64-bit column
        encode_cursor([-(2**53)]),
        encode_cursor([[1, 2]]),
        encode_cursor([{"a": 1}]),
    ],
)
def test_foreign_cursor_is_a_400_naming_the_field(cursor: str) -> None:
    with pytest.raises(Problem) as info:
        decode_cursor(cursor)
    assert info.value.status == 400
    assert info.value.errors == [{"field": "query.cursor", "message": "invalid cursor", "type": "value_error"}]


def test_pages_walk_every_item_once() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    items = [(start - timedelta(seconds=i), uuid.uuid4()) for i in range(7)]  # newest first
    seen = []
    page = PageParams(limit=3, after=None)
    while True:
        after = created_key(page)
        remaining = [item for item in items if after is None or item < after]
        shown, cursor = page_by_created(remaining[: page.limit + 1], page, lambda item: item)
        seen.extend(shown)
        if cursor is None:
            break
        page = PageParams(limit=3, after=decode_cursor(cursor))
    assert seen == items


def test_a_cursor_time_without_its_offset_is_refused() -> None:
    naive = PageParams(limit=3, after=["2026-01-01T00:00:00", str(uuid.uuid4())])
    with pytest.raises(Problem):
        created_key(naive)


def test_cursor_with_wrong_shape_is_refused() -> None:
    with pytest.raises(Problem):
        created_key(PageParams(limit=3, after=["yesterday", "nobody"]))
