"""The import's dry run (issue 18): the proposed mapping of every column with its confidence, reason
and samples, the rows that would be imported, warned of and rejected; nothing written; and the
confirmed mapping imports exactly the rows the preview promised."""

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from devstack.databases import DatabaseFactory
from discovery.adapters.tables import import_jobs, import_rejections, import_warnings, influencers, messaging
from servicekit.db import Database

from .conftest import Org, app_of, discovery_service, wait_for_job
from .export_patterns import HANDLE_BESIDE_NAME, messy_headers, repeated_header, sheet_errors

pytestmark = pytest.mark.asyncio(loop_scope="session")

PATTERNS: dict[str, Callable[[], tuple[bytes, str]]] = {
    **{
        f"handle beside name {i}": (lambda make=make: (make().content, make().platform))
        for i, make in enumerate(HANDLE_BESIDE_NAME)
    },
    "repeated header": lambda: (repeated_header(disagree_on=3), "youtube"),
    "messy headers": lambda: (messy_headers(), "tiktok"),
    "spreadsheet errors": lambda: (sheet_errors(), "instagram"),
}
ROWS = ("rows_read", "rows_imported", "rows_created", "rows_updated", "rows_unchanged", "rows_rejected", "warnings")


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_preview") as client:
        yield client


@pytest.fixture
def org(internal_secret: str) -> Org:
    return Org(internal_secret)


async def post(client: httpx.AsyncClient, org: Org, content: bytes, **params: Any) -> httpx.Response:
    return await client.post(
        "/api/v1/influencers/import",
        content=content,
        params=params,
        headers={**org.headers, "content-type": "text/csv"},
    )


async def stored(client: httpx.AsyncClient) -> dict[str, int]:
    """How many rows each table an import writes holds."""
    database: Database = app_of(client).state.runtime.database
    tables = {
        "influencers": influencers,
        "import_jobs": import_jobs,
        "import_rejections": import_rejections,
        "import_warnings": import_warnings,
        "outbox": messaging.outbox,
    }
    async with database.sessionmaker() as session:
        return {
            name: int(await session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in tables.items()
        }


@pytest.mark.parametrize("pattern", list(PATTERNS))
async def test_the_preview_writes_nothing_and_the_confirmed_mapping_imports_what_it_promised(
    service: httpx.AsyncClient, org: Org, pattern: str
) -> None:
    content, platform = PATTERNS[pattern]()
    before = await stored(service)
    response = await post(service, org, content, platform=platform, dry_run="true")
    assert response.status_code == 200, response.text
    preview = response.json()
    assert await stored(service) == before
    assert preview["dry_run"] is True
    columns = {c["column"]: c for c in preview["columns"]}
    assert set(columns) >= set(preview["mapping"].values())
    for field, column in preview["mapping"].items():
        assert columns[column]["field"] == field
        assert 0 < columns[column]["confidence"] <= 1
        assert columns[column]["reason"]
    handle = columns[preview["mapping"]["handle"]]
    assert handle["samples"]
    assert all(" " not in s for s in handle["samples"])
    assert preview["rows_imported"] == preview["rows_created"] > 0

    confirmed = await post(service, org, content, platform=platform, mapping=json.dumps(preview["mapping"]))
    assert confirmed.status_code == 202, confirmed.text
    job = await wait_for_job(service, confirmed.json()["id"], org.headers)
    assert job["state"] == "succeeded"
    assert job["mapping"] == preview["mapping"]
    assert {k: job[k] for k in ROWS} == {k: preview[k] for k in ROWS}
    assert job["rejected"] == preview["rejected"]
    assert job["warned"] == preview["warned"]


async def test_the_preview_of_a_messy_file_shows_warnings_and_rejections_apart(
    service: httpx.AsyncClient, org: Org
) -> None:
    response = await post(service, org, sheet_errors(), platform="instagram", dry_run="true")
    preview = response.json()
    assert (preview["rows_read"], preview["rows_imported"], preview["rows_rejected"], preview["warnings"]) == (
        12,
        10,
        2,
        6,
    )
    assert [(r["line"], r["field"]) for r in preview["rejected"]] == [(12, "handle"), (13, "followers")]
    assert preview["warned"][0] == {
        "line": 2,
        "column": "Engagement Rate",
        "field": "engagement_rate",
        "reason": "'#VALOR!' is a spreadsheet error",
    }
    rank = next(c for c in preview["columns"] if c["column"] == "Rank")
    assert rank["field"] is None
    assert "serial number or rank" in rank["reason"]


async def test_a_second_import_previews_updates_and_unchanged_rows(service: httpx.AsyncClient, org: Org) -> None:
    content = repeated_header()
    first = await post(service, org, content, platform="youtube")
    await wait_for_job(service, first.json()["id"], org.headers)
    again = (await post(service, org, content, platform="youtube", dry_run="true")).json()
    assert (again["rows_created"], again["rows_updated"], again["rows_unchanged"]) == (0, 0, 10)


@pytest.mark.parametrize(
    ("content", "params", "field"),
    [
        (b"notes,followers\nhello there,1\n", {}, "mapping.handle"),
        (b"handle,followers\na,1\n", {"mapping": '{"followers": "Subs"}'}, "mapping.followers"),
        (b"handle,followers\na,1\n", {"dry_run": "perhaps"}, "query.dry_run"),
    ],
)
async def test_a_preview_of_bad_input_names_the_field(
    service: httpx.AsyncClient, org: Org, content: bytes, params: dict[str, str], field: str
) -> None:
    response = await post(service, org, content, platform="instagram", **{"dry_run": "true", **params})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == [field]
