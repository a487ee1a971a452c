"""Folds a batch of clicks and insight snapshots into the aggregates, inside the caller's
transaction (the one that stores the batch's partition offsets: each record counts exactly once).

Click record: {"id": click id, "l": link, "t": tenant, "c": campaign, "p": partnership,
"at": epoch ms, "ua": user-agent class, "h": client hash (hex), "r": referrer host, "s": 1 if
replayed from the spool}. Insight record: {"post", "t", "c", "p", "at": observed epoch ms,
"m": {metric: value}}."""

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import case, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.sql import insert_for
from metrics.adapters.tables import (
    changed_partnerships,
    click_buckets,
    click_visitors,
    link_clicks,
    post_snapshots,
    post_totals,
    replayed_clicks,
)
from metrics.domain.clicks import BOT, bucket_of, counted
from metrics.domain.insights import METRICS

CHUNK = 1_000


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _at(millis: int) -> datetime:
    return datetime.fromtimestamp(millis // 1000, UTC).replace(microsecond=millis % 1000 * 1000)


async def fold_clicks(session: AsyncSession, clicks: list[dict[str, Any]], now: datetime) -> int:
    """Returns how many clicks were counted."""
    replays = list({c["id"] for c in clicks if c.get("s")})
    if replays:
        statement = insert_for(session, replayed_clicks).on_conflict_do_nothing(index_elements=["click_id"])
        fresh: set[str] = set()
        for chunk in _chunks(replays):
            result = await session.execute(
                statement.values([{"click_id": i, "counted_at": now} for i in chunk]).returning(
                    replayed_clicks.c.click_id
                )
            )
            fresh.update(result.scalars())
        kept, seen = [], set()
        for click in clicks:
            if click.get("s"):
                if click["id"] not in fresh or click["id"] in seen:
                    continue  # counted before, or twice in this batch
                seen.add(click["id"])
            kept.append(click)
        clicks = kept
    pairs = list({(UUID(c["l"]), bytes.fromhex(c["h"])) for c in clicks if c["ua"] != BOT})
    last: dict[tuple[UUID, bytes], datetime] = {}
    v = click_visitors.c
    for chunk in _chunks(pairs):
        rows = await session.execute(
            select(v.link_id, v.client_hash, v.last_counted_at).where(tuple_(v.link_id, v.client_hash).in_(chunk))
        )
        for link_id, client, at in rows:
            last[(link_id, bytes(client))] = at
    buckets: dict[tuple[UUID, datetime], list[int]] = defaultdict(lambda: [0, 0, 0])
    totals: dict[UUID, list[int]] = defaultdict(lambda: [0, 0, 0])
    visitors: dict[tuple[UUID, bytes], datetime] = {}
    changed: dict[UUID, UUID] = {}
    counted_clicks = 0
    for click in clicks:
        link, at = UUID(click["l"]), _at(click["at"])
        kind = 1  # bots
        if click["ua"] != BOT:
            pair = (link, bytes.fromhex(click["h"]))
            before = last.get(pair)
            if counted(at, before):
                kind = 0
                last[pair] = visitors[pair] = at if before is None else max(at, before)
                changed[UUID(click["p"])] = UUID(click["t"])
                counted_clicks += 1
            else:
                kind = 2  # repeats
        buckets[(link, bucket_of(at))][kind] += 1
        totals[link][kind] += 1
    await _add_counts(session, click_buckets, ["link_id", "bucket_start"], [
        {"link_id": link, "bucket_start": start, "counted": n[0], "bots": n[1], "repeats": n[2]}
        for (link, start), n in buckets.items()
    ])  # fmt: skip
    await _add_counts(session, link_clicks, ["link_id"], [
        {"link_id": link, "counted": n[0], "bots": n[1], "repeats": n[2]} for link, n in totals.items()
    ])  # fmt: skip
    if visitors:
        statement = insert_for(session, click_visitors)
        statement = statement.on_conflict_do_update(
            index_elements=["link_id", "client_hash"], set_={"last_counted_at": statement.excluded.last_counted_at}
        )
        rows = [
            {"link_id": link, "client_hash": client, "last_counted_at": at} for (link, client), at in visitors.items()
        ]
        await session.execute(statement, rows)
    await mark_changed(session, changed, now)
    return counted_clicks


async def _add_counts(session: AsyncSession, table: Any, keys: list[str], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    statement = insert_for(session, table)
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={name: table.c[name] + statement.excluded[name] for name in ("counted", "bots", "repeats")},
    )
    await session.execute(statement, rows)


async def mark_changed(session: AsyncSession, changed: dict[UUID, UUID], now: datetime) -> None:
    """`changed`: partnership -> tenant."""
    if not changed:
        return
    statement = insert_for(session, changed_partnerships).on_conflict_do_nothing(index_elements=["partnership_id"])
    await session.execute(
        statement, [{"partnership_id": p, "tenant_id": t, "changed_at": now} for p, t in changed.items()]
    )


async def fold_insights(session: AsyncSession, snapshots: list[dict[str, Any]], now: datetime) -> int:
    """Returns how many snapshots were new."""
    unique: dict[tuple[UUID, datetime], dict[str, Any]] = {}
    for snapshot in snapshots:
        unique.setdefault((UUID(snapshot["post"]), _at(snapshot["at"])), snapshot)  # the first wins
    if not unique:
        return 0
    statement = insert_for(session, post_snapshots).on_conflict_do_nothing(index_elements=["post_id", "observed_at"])
    stored: set[tuple[UUID, datetime]] = set()
    keys = list(unique)
    for chunk in _chunks(keys, 500):
        rows = [
            {"post_id": p, "observed_at": at, "metrics": json.dumps(unique[(p, at)]["m"], sort_keys=True),
             "received_at": now}
            for p, at in chunk
        ]  # fmt: skip
        result = await session.execute(
            statement.values(rows).returning(post_snapshots.c.post_id, post_snapshots.c.observed_at)
        )
        stored.update((post_id, at) for post_id, at in result)
    latest: dict[UUID, dict[str, tuple[int, datetime]]] = defaultdict(dict)
    changed: dict[UUID, UUID] = {}
    for (post_id, at), snapshot in unique.items():
        if (post_id, at) not in stored:
            continue
        changed[UUID(snapshot["p"])] = UUID(snapshot["t"])
        for metric, value in snapshot["m"].items():
            known = latest[post_id].get(metric)
            if known is None or at > known[1]:
                latest[post_id][metric] = (value, at)
    if latest:
        await _fold_totals(session, latest)
    await mark_changed(session, changed, now)
    return len(stored)


async def _fold_totals(session: AsyncSession, latest: dict[UUID, dict[str, tuple[int, datetime]]]) -> None:
    t = post_totals
    rows = []
    for post_id, metrics in latest.items():
        row: dict[str, Any] = {"post_id": post_id}
        for metric in METRICS:
            value, at = metrics.get(metric, (None, None))
            row[metric], row[f"{metric}_at"] = value, at
        rows.append(row)
    statement = insert_for(session, t)
    newer = {
        metric: (statement.excluded[f"{metric}_at"].is_not(None))
        & (t.c[f"{metric}_at"].is_(None) | (statement.excluded[f"{metric}_at"] > t.c[f"{metric}_at"]))
        for metric in METRICS
    }
    set_ = {}
    for metric in METRICS:
        set_[metric] = case((newer[metric], statement.excluded[metric]), else_=t.c[metric])
        set_[f"{metric}_at"] = case((newer[metric], statement.excluded[f"{metric}_at"]), else_=t.c[f"{metric}_at"])
    await session.execute(statement.on_conflict_do_update(index_elements=["post_id"], set_=set_), rows)
