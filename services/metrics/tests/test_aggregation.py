"""Clicks and insights through the real broker into the aggregates: bots and repeats recorded but
not counted, the latest snapshot per metric wins whatever the order, a batch folded twice (a
crash between the fold and the next read, a rebalance) counts once, a repeat after a restart is
still one (visitors kept per batch) and the sweep forgets them past twice the window, spooled clicks
replayed twice count once; and the campaign's KPIs add up to what was sent."""

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import orjson
import pytest
from aiokafka import AIOKafkaProducer, ConsumerRecord, TopicPartition
from prometheus_client import Histogram
from sqlalchemy import func, select

from devstack.databases import DatabaseFactory
from metrics.adapters.aggregation import keep_visitors, load_visitors
from metrics.adapters.aggregator import BATCH_SECONDS, Aggregator, pause_after
from metrics.adapters.click_log import ClickLog, SpoolReplayer, replayed
from metrics.adapters.tables import click_spool, link_clicks, post_totals

from .conftest import T0, Brand, eventually, metrics_service

GOOGLEBOT = "Googlebot/2.1 (+http://www.google.com/bot.html)"


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with metrics_service(
        databases, messaging_settings, "metrics_aggregation", consumer_enabled=True, publish_interval_s=0.2
    ) as client:
        aggregator = client.app.state.ingestion  # type: ignore[attr-defined]
        await eventually(lambda: _assigned(aggregator.aggregator), timeout_s=60)
        yield client


async def _assigned(aggregator: Aggregator | None) -> bool:
    return aggregator is not None and aggregator.assigned.is_set()


@pytest.fixture
async def brand(service: httpx.AsyncClient, internal_secret: str) -> Brand:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    return brand


async def link_counts(brand: Brand, link_id: str) -> tuple[int, int, int]:
    database = brand.service.app.state.runtime.database  # type: ignore[attr-defined]
    async with database.session(read_only=True) as session:
        row = (await session.execute(select(link_clicks).where(link_clicks.c.link_id == uuid.UUID(link_id)))).first()
    return (row.counted, row.bots, row.repeats) if row else (0, 0, 0)


async def test_bots_and_repeats_are_recorded_but_not_counted(brand: Brand) -> None:
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    visits = [
        ("203.0.113.1", None),
        ("203.0.113.1", None),  # the same client again: a repeat
        ("203.0.113.2", None),
        ("203.0.113.3", GOOGLEBOT),
        ("203.0.113.4", ""),  # no user agent at all: a bot
    ]
    for address, agent in visits:
        kwargs = {"user_agent": agent} if agent is not None else {}
        assert (await brand.click(link["code"], address=address, **kwargs)).status_code == 302
    # A HEAD is a link checker or a preview, whatever agent it names: nobody is sent anywhere.
    assert (await brand.click(link["code"], address="203.0.113.5", method="HEAD")).status_code == 302

    assert await eventually(lambda: _counts_are(brand, link["id"], (2, 3, 1)))
    body = await brand.metrics()
    assert (body["totals"]["clicks"], body["totals"]["bot_clicks"], body["totals"]["repeat_clicks"]) == (2, 3, 1)
    shown = await brand.service.get(f"/api/v1/tracking-links/{link['id']}", headers=brand.headers)
    assert (shown.json()["clicks"], shown.json()["bot_clicks"], shown.json()["repeat_clicks"]) == (2, 3, 1)


async def _counts_are(brand: Brand, link_id: str, expected: tuple[int, int, int]) -> bool:
    return await link_counts(brand, link_id) == expected


async def snapshot(brand: Brand, post_id: uuid.UUID, body: dict[str, Any]) -> httpx.Response:
    return await brand.service.post(f"/api/v1/posts/{post_id}/insights", json=body, headers=brand.headers)


async def test_the_latest_snapshot_per_metric_wins_and_repeats_change_nothing(brand: Brand) -> None:
    partnership_id, influencer_id = await brand.partnership()
    post_id, _ = await brand.post(partnership_id, influencer_id, platform="instagram")
    late = {"observed_at": (T0 + timedelta(hours=5)).isoformat(), "metrics": {"views": 900, "likes": 90, "saved": 9}}
    early = {"observed_at": (T0 + timedelta(hours=1)).isoformat(), "metrics": {"views": 100, "likes": 10, "reach": 80}}
    accepted = await snapshot(brand, post_id, {"items": [late, early]})
    assert accepted.status_code == 202, accepted.text
    assert accepted.json() == {"post_id": str(post_id), "accepted": 2, "repeats": 0}
    await eventually(lambda: _post_has(brand, post_id, "views", 900))

    repeat = await snapshot(brand, post_id, early)
    assert (repeat.status_code, repeat.json()["repeats"]) == (200, 1)
    conflict = await snapshot(brand, post_id, {**early, "metrics": {"views": 101}})
    assert conflict.status_code == 409, conflict.text
    assert [e["field"] for e in conflict.json()["errors"]] == ["body"]
    wrong_name = await snapshot(brand, post_id, {"observed_at": T0.isoformat(), "metrics": {"saves": 1}})
    assert wrong_name.status_code == 422
    assert [e["field"] for e in wrong_name.json()["errors"]] == ["body.metrics.saves"]

    shown = await brand.service.get(f"/api/v1/posts/{post_id}/metrics", headers=brand.headers)
    totals = shown.json()["totals"]
    # views and likes from the latest snapshot, reach from the only one that reports it
    assert (totals["views"], totals["likes"], totals["saves"], totals["reach"]) == (900, 90, 9, 80)
    assert totals["engagements"] == 99
    assert shown.json()["kpis"]["engagement_rate_by_views"] == pytest.approx(99 / 900)
    history = await brand.service.get(f"/api/v1/posts/{post_id}/insights?limit=1", headers=brand.headers)
    assert [s["metrics"] for s in history.json()["items"]] == [{"views": 900, "likes": 90, "saves": 9}]
    assert history.json()["next_cursor"]
    unknown = await snapshot(brand, uuid.uuid4(), early)
    assert unknown.status_code == 404


async def _post_has(brand: Brand, post_id: uuid.UUID, metric: str, value: int) -> bool:
    database = brand.service.app.state.runtime.database  # type: ignore[attr-defined]
    async with database.session(read_only=True) as session:
        found = await session.scalar(select(post_totals.c[metric]).where(post_totals.c.post_id == post_id))
    return found == value


def _record(topic: str, partition: int, offset: int, value: dict[str, Any]) -> ConsumerRecord:
    payload = orjson.dumps(value)
    return ConsumerRecord(topic, partition, offset, 0, 0, None, payload, None, 0, len(payload), [])


async def test_a_batch_folded_twice_counts_once(brand: Brand) -> None:
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    aggregator = brand.service.app.state.ingestion.aggregator  # type: ignore[attr-defined]
    topic = f"test-clicks-{uuid.uuid4().hex[:6]}"
    aggregator_for_test = Aggregator(
        database=aggregator.database,
        bootstrap_servers="unused",
        clicks_topic=topic,
        insights_topic="unused",
        group_id="unused",
        batch_records=100,
        fetch_max_wait_ms=50,
    )
    now_ms = int(datetime.now(UTC).timestamp() * 1000)
    clicks = [
        {"id": f"c{i}", "l": link["id"], "t": str(brand.org), "c": str(brand.campaign_id), "p": str(partnership_id),
         "at": now_ms + i, "ua": "mobile", "h": f"{i:032x}", "r": None}
        for i in range(10)
    ]  # fmt: skip
    partition = TopicPartition(topic, 0)
    first = {partition: [_record(topic, 0, offset, click) for offset, click in enumerate(clicks[:6])]}
    overlapping = {partition: [_record(topic, 0, offset, click) for offset, click in enumerate(clicks)]}

    assert await aggregator_for_test.apply(first) == 6
    assert await aggregator_for_test.apply(first) == 0
    assert await aggregator_for_test.apply(overlapping) == 4

    assert await link_counts(brand, link["id"]) == (10, 0, 0)


def _test_aggregator(database: Any, topic: str, **options: Any) -> Aggregator:
    return Aggregator(
        database=database, bootstrap_servers="unused", clicks_topic=topic, insights_topic="unused",
        group_id="unused", batch_records=100, fetch_max_wait_ms=50, **options,
    )  # fmt: skip


async def test_a_repeat_after_a_restart_or_rebalance_is_still_a_repeat(brand: Brand) -> None:
    """The visitors' last counted clicks outlive the process that counted them: another aggregator
    (a restart, or the partition's next owner) reads them before its first batch of the partition."""
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    database = brand.service.app.state.ingestion.aggregator.database  # type: ignore[attr-defined]
    topic = f"test-clicks-{uuid.uuid4().hex[:6]}"
    now_ms = int(datetime.now(UTC).timestamp() * 1000)

    def click(i: int, client: int, at: int) -> dict[str, Any]:
        return {"id": f"r{i}", "l": link["id"], "t": str(brand.org), "c": str(brand.campaign_id),
                "p": str(partnership_id), "at": at, "ua": "mobile", "h": f"{client:032x}", "r": None}  # fmt: skip

    p0, p1 = TopicPartition(topic, 0), TopicPartition(topic, 1)
    first = _test_aggregator(database, topic)
    await first.apply(
        {p0: [_record(topic, 0, 0, click(0, 1, now_ms))], p1: [_record(topic, 1, 0, click(1, 2, now_ms))]}
    )
    await first.apply({p0: [_record(topic, 0, 1, click(2, 3, now_ms))]})

    restarted = _test_aggregator(database, topic)
    five_minutes = 5 * 60_000
    later = {
        p0: [_record(topic, 0, 2, click(3, 1, now_ms + five_minutes)), _record(topic, 0, 3, click(4, 3, now_ms + 1))],
        p1: [_record(topic, 1, 1, click(5, 2, now_ms + five_minutes)), _record(topic, 1, 2, click(6, 4, now_ms))],
    }
    assert await restarted.apply(later) == 4
    # counted: clients 1, 2, 3 at first, client 4 now; repeats: 1, 2 and 3 again within 30 minutes
    assert await link_counts(brand, link["id"]) == (4, 0, 3)
    # past the window, the same clients count again
    past = now_ms + 31 * 60_000
    await restarted.apply(
        {p0: [_record(topic, 0, 4, click(7, 1, past))], p1: [_record(topic, 1, 3, click(8, 2, past))]}
    )
    assert await link_counts(brand, link["id"]) == (6, 0, 3)


async def test_the_sweep_forgets_visitors_past_twice_the_repeat_window(brand: Brand) -> None:
    """A batch of visitors goes once its newest click is more than twice the repeat window behind
    the newest its partition kept; a partition's latest batch stays, however old (a quiet
    partition's next click, or a backlog's, is compared with it)."""
    ingestion = brand.service.app.state.ingestion  # type: ignore[attr-defined]
    database = ingestion.aggregator.database
    topic = f"test-clicks-{uuid.uuid4().hex[:6]}"
    now = datetime.now(UTC)
    link = str(uuid.uuid4())

    def ms(at: datetime) -> int:
        return int(at.timestamp() * 1000)

    p0, p1, p2 = (TopicPartition(topic, i) for i in range(3))
    async with database.session() as session:
        for partition, offset, visitors in [
            (p0, 1, {"a0": now - timedelta(minutes=61), "a1": now - timedelta(minutes=59)}),
            (p1, 1, {"b0": now - timedelta(minutes=61)}),
            (p1, 2, {"b1": now}),
            (p2, 1, {"c0": now - timedelta(hours=3)}),
        ]:
            await keep_visitors(
                session,
                {(link, client): ms(at) for client, at in visitors.items()},
                {link: partition},
                {partition: offset},
            )

    await ingestion.publisher._sweep(now)

    async with database.session(read_only=True) as session:
        known = await load_visitors(session, [p0, p1, p2], now)
    # a batch whose newest visitor is recent stays whole; one past the window behind its partition's
    # newest goes; a partition's only batch stays
    assert {client for _, client in known} == {"a0", "a1", "b1", "c0"}


async def test_a_backlog_older_than_the_window_still_tells_repeats(brand: Brand) -> None:
    """Clicks read hours after they happened (the broker or this service was away) are told apart
    by their own times: the visitors remembered, kept and swept follow the partition's clicks, not
    the clock, so a repeat within 30 minutes of a click three hours ago is still a repeat, after
    a memory sweep, a restart and the stored batches' sweep."""
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    ingestion = brand.service.app.state.ingestion  # type: ignore[attr-defined]
    database = ingestion.aggregator.database
    topic = f"test-clicks-{uuid.uuid4().hex[:6]}"
    then = int((datetime.now(UTC) - timedelta(hours=3)).timestamp() * 1000)
    minute = 60_000

    def click(i: int, at: int) -> dict[str, Any]:
        return {"id": f"b{i}", "l": link["id"], "t": str(brand.org), "c": str(brand.campaign_id),
                "p": str(partnership_id), "at": at, "ua": "mobile", "h": "ab" * 16, "r": None}  # fmt: skip

    partition = TopicPartition(topic, 0)
    aggregator = _test_aggregator(database, topic, visitor_sweep_interval_s=0)  # sweeps after every batch
    await aggregator.apply({partition: [_record(topic, 0, 0, click(0, then))]})
    await aggregator.apply({partition: [_record(topic, 0, 1, click(1, then + 5 * minute))]})
    assert await link_counts(brand, link["id"]) == (1, 0, 1)

    await ingestion.publisher._sweep(datetime.now(UTC))
    restarted = _test_aggregator(database, topic)
    await restarted.apply({partition: [_record(topic, 0, 2, click(2, then + 10 * minute))]})
    assert await link_counts(brand, link["id"]) == (1, 0, 2)
    # past the window in the clicks' own time, the visitor counts again
    await restarted.apply({partition: [_record(topic, 0, 3, click(3, then + 41 * minute))]})
    assert await link_counts(brand, link["id"]) == (2, 0, 2)


async def test_a_quiet_partition_does_not_hold_back_the_memory_of_a_live_one(brand: Brand) -> None:
    """Each partition's visitors are forgotten by that partition's own newest click: one quiet for
    hours of its clicks' time keeps its visitors (its next click may repeat one), while the live
    one's older than twice the window go; a repeat within the window is still told on either."""
    partnership_id, _ = await brand.partnership()
    quiet_link, live_link = await brand.link(partnership_id), await brand.link(partnership_id)
    database = brand.service.app.state.ingestion.aggregator.database  # type: ignore[attr-defined]
    topic = f"test-clicks-{uuid.uuid4().hex[:6]}"
    then = int((datetime.now(UTC) - timedelta(hours=4)).timestamp() * 1000)
    minute, hour = 60_000, 3_600_000

    def click(i: int, link: dict[str, Any], client: int, at: int) -> dict[str, Any]:
        return {"id": f"q{i}", "l": link["id"], "t": str(brand.org), "c": str(brand.campaign_id),
                "p": str(partnership_id), "at": at, "ua": "mobile", "h": f"{client:032x}", "r": None}  # fmt: skip

    quiet, live = TopicPartition(topic, 0), TopicPartition(topic, 1)
    aggregator = _test_aggregator(database, topic, visitor_sweep_interval_s=0)  # sweeps after every batch
    await aggregator.apply(
        {
            quiet: [_record(topic, 0, 0, click(0, quiet_link, 1, then))],
            live: [_record(topic, 1, i, click(i + 1, live_link, 10 + i, then)) for i in range(20)],
        }
    )
    assert aggregator.visitors_remembered == 21
    # three hours on in the live partition's clicks; not one click in the quiet one
    await aggregator.apply({live: [_record(topic, 1, 20, click(21, live_link, 99, then + 3 * hour))]})
    assert aggregator.visitors_remembered == 2  # the quiet one's visitor and the live one's newest

    await aggregator.apply(
        {
            quiet: [_record(topic, 0, 1, click(22, quiet_link, 1, then + 5 * minute))],
            live: [_record(topic, 1, 21, click(23, live_link, 99, then + 3 * hour + 5 * minute))],
        }
    )
    assert await link_counts(brand, quiet_link["id"]) == (1, 0, 1)
    assert await link_counts(brand, live_link["id"]) == (21, 0, 1)


async def test_spooled_clicks_replayed_twice_count_once(
    brand: Brand, kafka_bootstrap: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    ingestion = brand.service.app.state.ingestion  # type: ignore[attr-defined]
    database = ingestion.clicks.database

    async def paused() -> bool:
        return False

    # The service's own replayer (a round a second) would otherwise take some of the clicks off
    # the spool before this test reads them there; its round in hand, if any, ends meanwhile.
    monkeypatch.setattr(ingestion.replayer, "run_once", paused)
    await asyncio.sleep(0.2)
    # A click log whose broker is away: the clicks go to the spool.
    away = ClickLog(
        database=database,
        topic=ingestion.settings.clicks_topic,
        producer_factory=lambda: _producer("127.0.0.1:9"),
        retry_s=60,
        send_timeout_s=0.3,
        spool_max_rows=1_000,
    )
    away.start()
    real_log, ingestion.clicks = ingestion.clicks, away
    try:
        for i in range(3):
            assert (await brand.click(link["code"], address=f"192.0.2.{i}")).status_code == 302
    finally:
        ingestion.clicks = real_log
        await away.stop()
    async with database.session(read_only=True) as session:
        spooled = (await session.execute(select(click_spool.c.key, click_spool.c.payload))).all()
    assert len(spooled) >= 3
    # A replay cut short after the broker took the clicks but before they left the spool: sent twice.
    replayer = SpoolReplayer(database, ingestion.settings.clicks_topic, lambda: _producer(kafka_bootstrap))
    producer = _producer(kafka_bootstrap)
    await producer.start()
    try:
        mine = [(k, p) for k, p in spooled if orjson.loads(p)["l"] == link["id"]]
        for key, payload in mine:
            await producer.send_and_wait(ingestion.settings.clicks_topic, replayed(payload), key=key)
    finally:
        await producer.stop()

    async def spool_emptied() -> bool | None:
        # The service's own replayer may hold the rows (skip locked on PostgreSQL): either empties it.
        while await replayer.run_once():
            pass
        async with database.session(read_only=True) as session:
            return await session.scalar(select(func.count()).select_from(click_spool)) == 0 or None

    try:
        assert await eventually(spool_emptied)
    finally:
        await replayer.stop()
    assert await eventually(lambda: _counts_are(brand, link["id"], (3, 0, 0)))
    await asyncio.sleep(0.5)
    assert await link_counts(brand, link["id"]) == (3, 0, 0)


async def test_a_steady_stream_of_clicks_is_folded_a_few_batches_a_second(brand: Brand, kafka_bootstrap: str) -> None:
    """Each batch costs a transaction whatever its size: a click flush every 10 ms (one record
    each, as a busy redirect sends them) is folded at most every min interval
    (METRICS_AGGREGATOR_MIN_INTERVAL_MS), not per record, and every click still counts."""
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    ingestion = brand.service.app.state.ingestion  # type: ignore[attr-defined]
    interval_s = ingestion.aggregator.min_interval_s
    ingestion.aggregator.min_interval_s = 0.3  # what METRICS_AGGREGATOR_MIN_INTERVAL_MS sets
    batches_before = _observed(BATCH_SECONDS)
    now_ms = int(datetime.now(UTC).timestamp() * 1000)
    producer = _producer(kafka_bootstrap)
    await producer.start()
    started = time.monotonic()
    try:
        for i in range(100):
            click = {
                "id": f"s{i}", "l": link["id"], "t": str(brand.org), "c": str(brand.campaign_id),
                "p": str(partnership_id), "at": now_ms + i, "ua": "mobile", "h": f"{i:032x}", "r": None,
            }  # fmt: skip
            await producer.send(ingestion.settings.clicks_topic, orjson.dumps([click]), key=link["id"].encode())
            await asyncio.sleep(0.01)
        await producer.flush()
        took_s = time.monotonic() - started
    finally:
        await producer.stop()
    try:
        assert await eventually(lambda: _counts_are(brand, link["id"], (100, 0, 0)))
    finally:
        ingestion.aggregator.min_interval_s = interval_s
    # 100 records over 1 s or more: a batch per 300 ms, and the last (13-40 a second without).
    assert _observed(BATCH_SECONDS) - batches_before <= took_s / 0.3 + 3


def _observed(histogram: Histogram) -> float:
    return next(s.value for m in histogram.collect() for s in m.samples if s.name.endswith("_count"))


def _producer(bootstrap: str) -> AIOKafkaProducer:
    return AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", request_timeout_ms=300)


def test_a_full_batch_is_followed_at_once_and_others_wait_out_the_interval() -> None:
    assert pause_after(10_000, 10_000, 0.01, 0.1) == 0.0  # a backlog: no pause
    assert pause_after(30, 10_000, 0.03, 0.1) == pytest.approx(0.07)
    assert pause_after(30, 10_000, 0.25, 0.1) == 0.0
    assert pause_after(30, 10_000, 0.01, 0.0) == 0.0
