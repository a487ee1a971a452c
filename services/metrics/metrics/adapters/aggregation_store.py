"""The statements the aggregator runs, per database: on PostgreSQL each takes the whole batch as
arrays (unnest), one statement per table, its text constant; elsewhere (SQLite) the portable
INSERT ... ON CONFLICT of SQLAlchemy, in chunks."""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from aiokafka import TopicPartition
from sqlalchemy import and_, case, delete, func, insert, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.sql import insert_for
from metrics.adapters.tables import (
    changed_partnerships,
    click_buckets,
    click_visitor_batches,
    link_clicks,
    post_snapshots,
    post_totals,
    replayed_clicks,
)
from metrics.domain.insights import METRICS

LEGACY_PARTITION = -1  # migration 0005: the visitors kept per visitor before, read with every partition

CHUNK = 1_000


def at_ms(millis: int) -> datetime:
    """An epoch-milliseconds time as an aware UTC datetime."""
    return datetime.fromtimestamp(millis // 1000, UTC).replace(microsecond=millis % 1000 * 1000)


def ms_of(at: datetime) -> int:
    """An aware datetime as epoch milliseconds (`at_ms` the other way)."""
    return int(at.timestamp()) * 1000 + at.microsecond // 1000


Counts = tuple[str, int, int, int, int]  # link, bucket start (epoch ms), counted, bots, repeats


def store_for(session: AsyncSession) -> "PortableStore":
    return PostgresStore(session) if session.bind.dialect.name == "postgresql" else PortableStore(session)


class PortableStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def first_replays(self, click_ids: list[str], now: datetime) -> set[str]:
        statement = insert_for(self.session, replayed_clicks).on_conflict_do_nothing(index_elements=["click_id"])
        fresh: set[str] = set()
        for start in range(0, len(click_ids), CHUNK):
            rows = [{"click_id": i, "counted_at": now} for i in click_ids[start : start + CHUNK]]
            fresh.update(
                (await self.session.execute(statement.values(rows).returning(replayed_clicks.c.click_id))).scalars()
            )
        return fresh

    async def newest_visitor_batches(self, partitions: list[TopicPartition]) -> dict[TopicPartition, datetime]:
        """The newest click kept by each partition's batches (partitions with none are left out)."""
        b = click_visitor_batches.c
        if not partitions:
            return {}
        mine = or_(*(and_(b.topic == tp.topic, b.partition == tp.partition) for tp in partitions))
        rows = await self.session.execute(
            select(b.topic, b.partition, func.max(b.newest_at)).where(mine).group_by(b.topic, b.partition)
        )
        return {TopicPartition(topic, partition): newest for topic, partition, newest in rows}

    async def visitor_batches(
        self, since: dict[TopicPartition, datetime], legacy_since: datetime
    ) -> list[tuple[TopicPartition, bytes]]:
        """The visitors kept by each partition's batches whose newest is its `since` or later, and
        those kept per visitor before migration 0005 (read with every partition) since
        `legacy_since`; each with its partition."""
        b = click_visitor_batches.c
        wanted = or_(
            *(and_(b.topic == tp.topic, b.partition == tp.partition, b.newest_at >= at) for tp, at in since.items()),
            and_(b.partition == LEGACY_PARTITION, b.newest_at >= legacy_since),
        )
        rows = await self.session.execute(select(b.topic, b.partition, b.visitors).where(wanted))
        return [(TopicPartition(topic, partition), bytes(kept)) for topic, partition, kept in rows]

    async def forget_visitor_batches(self, keep: timedelta, now: datetime) -> None:
        """Deletes each partition's batches whose newest click is more than `keep` behind the
        partition's newest kept click (its own time, not the clock: a backlog read late, or a
        quiet partition, keeps what its next clicks are compared with), and the rows kept per
        visitor before migration 0005 more than `keep` before `now`."""
        b = click_visitor_batches.c
        newest = await self.session.execute(
            select(b.topic, b.partition, func.max(b.newest_at))
            .where(b.partition != LEGACY_PARTITION)
            .group_by(b.topic, b.partition)
        )
        for topic, partition, at in newest.all():
            await self.session.execute(
                delete(click_visitor_batches).where(b.topic == topic, b.partition == partition, b.newest_at < at - keep)
            )
        await self.session.execute(
            delete(click_visitor_batches).where(b.partition == LEGACY_PARTITION, b.newest_at < now - keep)
        )

    async def add_visitor_batches(self, rows: list[tuple[str, int, int, int, bytes]]) -> None:
        """(topic, partition, next offset, newest epoch ms, visitors)."""
        if rows:
            await self.session.execute(insert(click_visitor_batches), [
                {"topic": t, "partition": p, "next_offset": o, "newest_at": at_ms(n), "visitors": v}
                for t, p, o, n, v in rows
            ])  # fmt: skip

    async def _add(self, table: Any, keys: list[str], rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        statement = insert_for(self.session, table)
        statement = statement.on_conflict_do_update(
            index_elements=keys,
            set_={name: table.c[name] + statement.excluded[name] for name in ("counted", "bots", "repeats")},
        )
        await self.session.execute(statement, rows)

    async def add_buckets(self, rows: Sequence[Counts]) -> None:
        await self._add(click_buckets, ["link_id", "bucket_start"], [
            {"link_id": UUID(link), "bucket_start": at_ms(start), "counted": c, "bots": b, "repeats": r}
            for link, start, c, b, r in rows
        ])  # fmt: skip

    async def add_link_totals(self, rows: Sequence[tuple[str, int, int, int]]) -> None:
        await self._add(link_clicks, ["link_id"], [
            {"link_id": UUID(link), "counted": c, "bots": b, "repeats": r} for link, c, b, r in rows
        ])  # fmt: skip

    async def mark_changed(self, changed: dict[str, str], now: datetime) -> None:
        """`changed`: partnership -> tenant."""
        if not changed:
            return
        statement = insert_for(self.session, changed_partnerships).on_conflict_do_nothing(
            index_elements=["partnership_id"]
        )
        await self.session.execute(
            statement,
            [{"partnership_id": UUID(p), "tenant_id": UUID(t), "changed_at": now} for p, t in changed.items()],
        )

    async def insert_snapshots(self, rows: list[tuple[str, int, str]], now: datetime) -> set[tuple[str, int]]:
        """`rows`: (post, observed epoch ms, metrics JSON); returns the (post, observed ms) that were new."""
        statement = insert_for(self.session, post_snapshots).on_conflict_do_nothing(
            index_elements=["post_id", "observed_at"]
        )
        stored: set[tuple[str, int]] = set()
        for start in range(0, len(rows), 500):
            values = [
                {"post_id": UUID(post), "observed_at": at_ms(at), "metrics": metrics, "received_at": now}
                for post, at, metrics in rows[start : start + 500]
            ]
            result = await self.session.execute(
                statement.values(values).returning(post_snapshots.c.post_id, post_snapshots.c.observed_at)
            )
            stored.update((str(post), ms_of(at)) for post, at in result)
        return stored

    async def fold_totals(self, latest: dict[str, dict[str, tuple[int, int]]]) -> None:
        """`latest`: post -> metric -> (value, observed epoch ms)."""
        if not latest:
            return
        t = post_totals
        rows = []
        for post, metrics in latest.items():
            row: dict[str, Any] = {"post_id": UUID(post)}
            for metric in METRICS:
                value, millis = metrics.get(metric, (None, None))
                row[metric], row[f"{metric}_at"] = value, None if millis is None else at_ms(millis)
            rows.append(row)
        statement = insert_for(self.session, t)
        set_ = {}
        for metric in METRICS:
            new_at, old_at = statement.excluded[f"{metric}_at"], t.c[f"{metric}_at"]
            newer = new_at.is_not(None) & (old_at.is_(None) | (new_at > old_at))
            set_[metric] = case((newer, statement.excluded[metric]), else_=t.c[metric])
            set_[f"{metric}_at"] = case((newer, new_at), else_=old_at)
        await self.session.execute(statement.on_conflict_do_update(index_elements=["post_id"], set_=set_), rows)


def _totals_upsert() -> str:
    columns = ", ".join(f"{m}, {m}_at" for m in METRICS)
    arrays = ", ".join(f"CAST(:{m} AS bigint[]), CAST(:{m}_at AS bigint[])" for m in METRICS)
    times = ", ".join(f"{m}, to_timestamp({m}_at / 1000.0)" for m in METRICS)
    updates = ", ".join(
        f"{m} = CASE WHEN {newer} THEN excluded.{m} ELSE post_totals.{m} END, "
        f"{m}_at = CASE WHEN {newer} THEN excluded.{m}_at ELSE post_totals.{m}_at END"
        for m in METRICS
        for newer in [
            f"excluded.{m}_at IS NOT NULL AND (post_totals.{m}_at IS NULL OR excluded.{m}_at > post_totals.{m}_at)"
        ]
    )
    return (
        f"INSERT INTO post_totals (post_id, {columns}) SELECT post_id, {times} "
        f"FROM unnest(CAST(:post AS uuid[]), {arrays}) AS k(post_id, {columns}) "
        f"ON CONFLICT (post_id) DO UPDATE SET {updates}"
    )


_ADD_COUNTS = ", ".join(f"{c} = {{t}}.{c} + excluded.{c}" for c in ("counted", "bots", "repeats"))
_PG = {
    "replays": text(
        "INSERT INTO replayed_clicks (click_id, counted_at) SELECT unnest(CAST(:ids AS text[])), :now "
        "ON CONFLICT (click_id) DO NOTHING RETURNING click_id"
    ),
    "buckets": text(
        "INSERT INTO click_buckets (link_id, bucket_start, counted, bots, repeats) "
        "SELECT l, to_timestamp(s / 1000.0), c, b, r FROM unnest(CAST(:links AS uuid[]), CAST(:starts AS bigint[]), "
        "CAST(:counted AS bigint[]), CAST(:bots AS bigint[]), CAST(:repeats AS bigint[])) AS k(l, s, c, b, r) "
        "ON CONFLICT (link_id, bucket_start) DO UPDATE SET " + _ADD_COUNTS.format(t="click_buckets")
    ),
    "link_totals": text(
        "INSERT INTO link_clicks (link_id, counted, bots, repeats) SELECT * FROM unnest(CAST(:links AS uuid[]), "
        "CAST(:counted AS bigint[]), CAST(:bots AS bigint[]), CAST(:repeats AS bigint[])) "
        "ON CONFLICT (link_id) DO UPDATE SET " + _ADD_COUNTS.format(t="link_clicks")
    ),
    "changed": text(
        "INSERT INTO changed_partnerships (partnership_id, tenant_id, changed_at) SELECT p, t, :now FROM unnest("
        "CAST(:partnerships AS uuid[]), CAST(:tenants AS uuid[])) AS k(p, t) ON CONFLICT (partnership_id) DO NOTHING"
    ),
    "snapshots": text(
        # the new rows as two arrays in one row: a row each cost more to read than to insert
        "WITH new AS (INSERT INTO post_snapshots (post_id, observed_at, metrics, received_at) "
        "SELECT p, to_timestamp(o / 1000.0), m, :now FROM unnest(CAST(:posts AS uuid[]), CAST(:observed AS bigint[]), "
        "CAST(:metrics AS text[])) AS k(p, o, m) ON CONFLICT (post_id, observed_at) DO NOTHING "
        "RETURNING post_id, observed_at) "
        "SELECT array_agg(post_id::text), array_agg(CAST(extract(epoch FROM observed_at) * 1000 AS bigint)) FROM new"
    ),
    "totals": text(_totals_upsert()),
}


class PostgresStore(PortableStore):
    async def first_replays(self, click_ids: list[str], now: datetime) -> set[str]:
        return set((await self.session.execute(_PG["replays"], {"ids": click_ids, "now": now})).scalars())

    async def add_buckets(self, rows: Sequence[Counts]) -> None:
        if rows:
            links, starts, counted, bots, repeats = (list(column) for column in zip(*rows, strict=True))
            await self.session.execute(
                _PG["buckets"], {"links": links, "starts": starts, "counted": counted, "bots": bots, "repeats": repeats}
            )

    async def add_link_totals(self, rows: Sequence[tuple[str, int, int, int]]) -> None:
        if rows:
            links, counted, bots, repeats = (list(column) for column in zip(*rows, strict=True))
            await self.session.execute(
                _PG["link_totals"], {"links": links, "counted": counted, "bots": bots, "repeats": repeats}
            )

    async def mark_changed(self, changed: dict[str, str], now: datetime) -> None:
        if changed:
            await self.session.execute(
                _PG["changed"], {"partnerships": list(changed), "tenants": list(changed.values()), "now": now}
            )

    async def insert_snapshots(self, rows: list[tuple[str, int, str]], now: datetime) -> set[tuple[str, int]]:
        posts, observed, metrics = (list(column) for column in zip(*rows, strict=True))
        result = await self.session.execute(
            _PG["snapshots"], {"posts": posts, "observed": observed, "metrics": metrics, "now": now}
        )
        posts, observed = result.one()
        return set(zip(posts, observed, strict=True)) if posts else set()

    async def fold_totals(self, latest: dict[str, dict[str, tuple[int, int]]]) -> None:
        if not latest:
            return
        values: dict[str, list[Any]] = {"post": list(latest)}
        for metric in METRICS:
            values[metric] = [latest[post].get(metric, (None, None))[0] for post in latest]
            values[f"{metric}_at"] = [latest[post].get(metric, (None, None))[1] for post in latest]
        await self.session.execute(_PG["totals"], values)
