"""Folds a batch of clicks and insight snapshots into the aggregates, inside the caller's
transaction (the one that stores the batch's partition offsets: each record counts exactly once).

A click: {"id": click id, "l": link, "t": tenant, "c": campaign, "p": partnership, "at": epoch ms,
"ua": user-agent class, "h": client hash (hex), "r": referrer host, "s": 1 if replayed from the
spool}. A snapshot: {"post", "t", "c", "p", "at": observed epoch ms, "m": {metric: value}}.

The folding is plain Python over ids as text and times as epoch milliseconds; the statements are
the store's (aggregation_store: arrays through unnest on PostgreSQL, one statement per table and
batch; the portable SQL on SQLite)."""

from collections import defaultdict
from datetime import datetime
from typing import Any

import orjson
from aiokafka import TopicPartition
from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.aggregation_store import ms_of, store_for
from metrics.domain.clicks import BOT, BUCKET, REPEAT_WINDOW

_BUCKET_MS = int(BUCKET.total_seconds() * 1000)
_REPEAT_MS = int(REPEAT_WINDOW.total_seconds() * 1000)


async def fold_clicks(
    session: AsyncSession, clicks: list[dict[str, Any]], now: datetime, known: dict[tuple[str, str], int]
) -> dict[tuple[str, str], int]:
    """Folds the clicks; returns the last counted time (epoch ms) of each visitor (link, client)
    counted in the batch, to be kept with it (`keep_visitors`) and remembered once the transaction
    commits. A click counts unless it is a bot's or its client's second on the link within 30
    minutes of the last one counted (domain.clicks.counted, here on milliseconds). `known`: every
    visitor's last counted time for the partitions of the clicks (`load_visitors`, then what this
    process counted while it held them)."""
    if not clicks:
        return {}
    store = store_for(session)
    replays = list({c["id"] for c in clicks if c.get("s")})
    if replays:
        fresh = await store.first_replays(replays, now)
        kept, seen = [], set()
        for click in clicks:
            if click.get("s"):
                if click["id"] not in fresh or click["id"] in seen:
                    continue  # counted before, or twice in this batch
                seen.add(click["id"])
            kept.append(click)
        clicks = kept
    buckets: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    visitors: dict[tuple[str, str], int] = {}
    changed: dict[str, str] = {}
    for click in clicks:
        link, millis = click["l"], click["at"]
        kind = 1  # a bot's
        if click["ua"] != BOT:
            pair = (link, click["h"])
            before = visitors.get(pair, known.get(pair))
            if before is None or abs(millis - before) >= _REPEAT_MS:
                kind = 0
                visitors[pair] = millis if before is None else max(millis, before)
                changed[click["p"]] = click["t"]
            else:
                kind = 2  # a repeat
        buckets[(link, millis - millis % _BUCKET_MS)][kind] += 1
        totals[link][kind] += 1
    await store.add_buckets([(link, start, *n) for (link, start), n in buckets.items()])
    await store.add_link_totals([(link, *n) for link, n in totals.items()])
    await store.mark_changed(changed, now)
    return visitors


async def keep_visitors(
    session: AsyncSession,
    visitors: dict[tuple[str, str], int],
    partition_of: dict[str, TopicPartition],
    next_offsets: dict[TopicPartition, int],
) -> dict[TopicPartition, int]:
    """Stores the visitors a batch counted as one row per partition (`partition_of`: each link's
    partition in the batch), keyed by the partition's next offset; the newest counted click
    (epoch ms) of each partition."""
    by_partition: dict[TopicPartition, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    newest: dict[TopicPartition, int] = {}
    for (link, client), millis in visitors.items():
        partition = partition_of[link]
        by_partition[partition][link][client] = millis
        newest[partition] = max(millis, newest.get(partition, millis))
    await store_for(session).add_visitor_batches(
        [
            (tp.topic, tp.partition, next_offsets[tp], newest[tp], orjson.dumps(links))
            for tp, links in by_partition.items()
        ]
    )
    return newest


async def load_visitors(
    session: AsyncSession,
    partitions: list[TopicPartition],
    now: datetime,
    partition_of: dict[str, TopicPartition] | None = None,
) -> dict[tuple[str, str], int]:
    """Every visitor's last counted time (epoch ms) the partitions' batches kept, within twice the
    repeat window of each partition's newest kept click (a backlog's clicks are hours behind the
    clock), and those kept per visitor before migration 0005, within it of `now`. `partition_of`,
    if given, gets each link's partition (not those only kept before 0005: they had none)."""
    store = store_for(session)
    newest = await store.newest_visitor_batches(partitions)
    since = {tp: at - REPEAT_WINDOW * 2 for tp, at in newest.items()}
    legacy_since = now - REPEAT_WINDOW * 2
    found: dict[tuple[str, str], int] = {}
    for partition, kept in await store.visitor_batches(since, legacy_since):
        since_ms = ms_of(since.get(partition, legacy_since))
        links = orjson.loads(kept)
        if partition_of is not None and partition in since:
            partition_of.update(dict.fromkeys(links, partition))
        for link, clients in links.items():
            for client, millis in clients.items():
                if millis >= since_ms and millis > found.get((link, client), -1):
                    found[(link, client)] = millis
    return found


async def fold_insights(session: AsyncSession, snapshots: list[dict[str, Any]], now: datetime) -> int:
    """Returns how many snapshots were new. Each metric's value is that of the latest snapshot
    reporting it; a snapshot of a post and time kept before changes nothing (the first wins)."""
    unique: dict[tuple[str, int], dict[str, Any]] = {}
    for snapshot in snapshots:
        unique.setdefault((snapshot["post"], snapshot["at"]), snapshot)
    if not unique:
        return 0
    store = store_for(session)
    rows = [
        (post, millis, orjson.dumps(s["m"], option=orjson.OPT_SORT_KEYS).decode())
        for (post, millis), s in unique.items()
    ]
    stored = await store.insert_snapshots(rows, now)
    latest: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    changed: dict[str, str] = {}
    for (post, millis), snapshot in unique.items():
        if (post, millis) not in stored:
            continue
        changed[snapshot["p"]] = snapshot["t"]
        for metric, value in snapshot["m"].items():
            known = latest[post].get(metric)
            if known is None or millis > known[1]:
                latest[post][metric] = (value, millis)
    await store.fold_totals(latest)
    await store.mark_changed(changed, now)
    return len(stored)
