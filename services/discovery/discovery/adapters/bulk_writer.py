"""An import's chunk written in bulk: on PostgreSQL by COPY (new profiles straight into the
table, updates through a staging table), elsewhere by plain statements.

The import's tuned path, kept by hand: ChangeRows are plain values because the planning child
pickles them to the writing process (adapters/import_pipeline.py), and COPY takes them as they are."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.profile_rows import (
    ROW_COLUMNS,
    SNAPSHOT_COLUMNS,
    SNAPSHOT_FIELDS,
    UPSERT_KEEP,
    audience_rows,
    copy_record,
    snapshot_row,
    to_row,
    with_search_texts,
)
from discovery.adapters.tables import audience_countries, influencer_snapshots, influencers
from discovery.domain.imports import ProfileChanges, StaleProfiles
from discovery.domain.profiles import Influencer


@dataclass
class ChangeRows:
    """A chunk's changes as COPY records: plain values, cheap to pickle from the process that
    works them out to the one that writes them. Their search texts are left out (None) and filled
    in by the writer (write_rows), which has time to spare while the planning process is busy."""

    created: list[tuple[Any, ...]]
    # Each with the updated_at and performance_score the profile had when read.
    updated: list[tuple[Any, ...]]
    audience_replaced: list[str]
    audience: list[tuple[str, str, float]]
    snapshots: list[tuple[Any, ...]]

    def ids(self) -> list[str]:
        return [record[0] for record in (*self.created, *self.updated)]

    def only(self, ids: Collection[str]) -> "ChangeRows":
        """The records of these profiles (ids as hexadecimal text) alone."""
        keep = set(ids)
        return ChangeRows(
            created=[r for r in self.created if r[0] in keep],
            updated=[r for r in self.updated if r[0] in keep],
            audience_replaced=[i for i in self.audience_replaced if i in keep],
            audience=[r for r in self.audience if r[0] in keep],
            snapshots=[r for r in self.snapshots if r[0] in keep],
        )


def _audience_replaced(changes: ProfileChanges) -> list[Influencer]:
    return [u.after for u in changes.updated if u.after.facts.audience.countries != u.before.facts.audience.countries]


def change_rows(changes: ProfileChanges) -> ChangeRows:
    replaced = _audience_replaced(changes)
    return ChangeRows(
        created=[copy_record(i) for i in changes.created],
        updated=[(*copy_record(u.after), u.before.updated_at, u.before.performance_score) for u in changes.updated],
        audience_replaced=[i.id.hex for i in replaced],
        audience=[
            (key, country, share)
            for i in (*changes.created, *replaced)
            if i.facts.audience.countries
            for key in (i.id.hex,)
            for country, share in i.facts.audience.countries.items()
        ],
        snapshots=[(i.hex, s.taken_at, *(getattr(s, name) for name in SNAPSHOT_FIELDS)) for i, s in changes.snapshots],
    )


async def driver_connection(session: AsyncSession) -> Any:
    """The asyncpg connection under the session, inside the session's transaction."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


async def copy(session: AsyncSession, table: str, columns: Sequence[str], records: Sequence[Sequence[Any]]) -> None:
    """COPY into a table, in the session's transaction (PostgreSQL only)."""
    connection = await driver_connection(session)
    await connection.copy_records_to_table(table, records=records, columns=list(columns))


async def write_by_copy(session: AsyncSession, rows: ChangeRows) -> None:
    """A chunk's changes on PostgreSQL, by COPY: new profiles straight into the table (a handle
    taken meanwhile fails the chunk, which is then read again); updates through a staging table,
    applied only to the profiles still as they were read."""
    connection = await driver_connection(session)
    if rows.created:
        created = [with_search_texts(record) for record in rows.created]
        await connection.copy_records_to_table("influencers", records=created, columns=ROW_COLUMNS)
    if rows.updated:
        updated = [with_search_texts(record) for record in rows.updated]
        await connection.execute(_CREATE_CHANGES)
        await connection.copy_records_to_table(_CHANGES, records=updated, columns=_CHANGE_COLUMNS)
        status = await connection.execute(_APPLY_CHANGES)
        if int(status.rsplit(" ", 1)[1]) != len(rows.updated):
            raise StaleProfiles()
        # Emptied at once, not at commit: a chunk written in parts stages each part alone.
        await connection.execute(f"DELETE FROM {_CHANGES}")
    if rows.audience_replaced:
        await connection.execute(
            "DELETE FROM audience_countries WHERE influencer_id = ANY($1::uuid[])", rows.audience_replaced
        )
    if rows.audience:
        await connection.copy_records_to_table("audience_countries", records=rows.audience, columns=_AUDIENCE)
    if rows.snapshots:
        await connection.copy_records_to_table("influencer_snapshots", records=rows.snapshots, columns=SNAPSHOT_COLUMNS)


async def write_by_statements(session: AsyncSession, changes: ProfileChanges) -> None:
    """A chunk's changes by INSERT and UPDATE statements (SQLite), each update only if the profile
    is still as it was read."""
    if changes.created:
        await session.execute(insert(influencers), [to_row(i) for i in changes.created])
    for update in changes.updated:
        before = update.before
        row = {k: v for k, v in to_row(update.after).items() if k not in UPSERT_KEEP}
        result = await session.execute(
            influencers.update()
            .where(
                influencers.c.id == before.id,
                influencers.c.updated_at == before.updated_at,
                influencers.c.performance_score.is_not_distinct_from(before.performance_score),
            )
            .values(row)
        )
        if result.rowcount != 1:
            raise StaleProfiles(before.id)
    replaced = _audience_replaced(changes)
    if replaced:
        ids = [i.id for i in replaced]
        await session.execute(delete(audience_countries).where(audience_countries.c.influencer_id.in_(ids)))
    rows = audience_rows([*changes.created, *replaced])
    if rows:
        await session.execute(insert(audience_countries), rows)
    if changes.snapshots:
        await session.execute(insert(influencer_snapshots), [snapshot_row(i, s) for i, s in changes.snapshots])


_AUDIENCE = ("influencer_id", "country", "share")
_CHANGES = "influencer_changes"
_CHANGE_COLUMNS = [*ROW_COLUMNS, "expected_updated_at", "expected_performance"]
_CREATE_CHANGES = (
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_CHANGES} (LIKE influencers INCLUDING DEFAULTS, "
    "expected_updated_at timestamptz, expected_performance double precision) ON COMMIT DELETE ROWS"
)
_APPLY_CHANGES = (
    "UPDATE influencers SET "
    + ", ".join(f"{c} = c.{c}" for c in ROW_COLUMNS if c not in UPSERT_KEEP)
    + f" FROM {_CHANGES} AS c WHERE influencers.id = c.id AND influencers.updated_at = c.expected_updated_at"
    " AND influencers.performance_score IS NOT DISTINCT FROM c.expected_performance"
)
