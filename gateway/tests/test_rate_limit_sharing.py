"""Gateway replicas share their rate-limit usage through the gateway's database: a caller whose
requests land on several replicas is held to one limit (late by at most one sync round), each
replica's usage counts once, and usage that could not be written is sent with the next round."""

import time
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from devstack.databases import DatabaseFactory
from gateway.adapters.rate_limit_sharing import RateLimitSharing
from gateway.adapters.tables import rate_limit_usage
from gateway.domain.rate_limit import Limit, RateLimiter
from gateway.main import MIGRATIONS
from servicekit.db import Database
from servicekit.migrations import upgrade_to_head

pytestmark = pytest.mark.asyncio(loop_scope="session")

# Ten requests, then one every ten seconds: no refill to speak of while a test runs.
LIMITS = {"read": Limit(per_minute=6, burst=10)}
CALLER = "key:partner"


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("gateway_limits"))
    await upgrade_to_head(database, MIGRATIONS)
    try:
        yield database
    finally:
        await database.dispose()


def take(limiter: RateLimiter, times: int) -> list[bool]:
    return [limiter.check(CALLER, "read", time.monotonic()).allowed for _ in range(times)]  # type: ignore[union-attr]


async def test_two_replicas_hold_a_caller_to_one_limit(database: Database) -> None:
    first, second = RateLimiter(LIMITS), RateLimiter(LIMITS)
    first_sharing = RateLimitSharing(database, first, interval_s=1, replica="first")
    second_sharing = RateLimitSharing(database, second, interval_s=1, replica="second")
    assert take(first, 6) == [True] * 6
    assert take(second, 3) == [True] * 3
    for sharing in (first_sharing, second_sharing, first_sharing):
        await sharing.run_once()
    # Nine of ten used between them: one more, wherever it lands, then none.
    assert take(second, 2) == [True, False]
    await second_sharing.run_once()
    await first_sharing.run_once()
    assert take(first, 1) == [False]
    # Rounds with nothing new change nothing: each row counts once.
    tokens = first.buckets[(CALLER, "read")].tokens
    for _ in range(3):
        await first_sharing.run_once()
    assert first.buckets[(CALLER, "read")].tokens == pytest.approx(tokens, abs=0.05)


async def test_usage_that_could_not_be_written_goes_with_the_next_round(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    limiter, other = RateLimiter(LIMITS), RateLimiter(LIMITS)
    sharing = RateLimitSharing(database, limiter, interval_s=1, replica="flaky")
    other_sharing = RateLimitSharing(database, other, interval_s=1, replica="other")
    take(limiter, 4)
    broken = Database("sqlite+aiosqlite:////nonexistent-dir/x/y.db")
    monkeypatch.setattr(sharing, "database", broken)
    with pytest.raises(Exception):  # noqa: B017, PT011 - whatever the driver raises
        await sharing.run_once()
    monkeypatch.setattr(sharing, "database", database)
    take(limiter, 2)
    await sharing.run_once()
    async with database.sessionmaker() as session:
        written = await session.scalar(
            select(func.sum(rate_limit_usage.c.used)).where(rate_limit_usage.c.replica == "flaky")
        )
    assert written == 6
    await other_sharing.run_once()
    assert take(other, 5) == [True] * 4 + [False]
    await broken.dispose()
