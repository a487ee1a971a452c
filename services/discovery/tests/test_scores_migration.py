"""Migration 0004 rescores the profiles stored before it as the rules now score them: each
authenticity signal not assessed counts as neutral, and so do an unknown engagement rate and a
part of past performance not measured."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from alembic import command
from sqlalchemy import Connection, insert, select

from devstack.databases import DatabaseFactory
from discovery.adapters.profile_rows import snapshot_row, to_row
from discovery.adapters.tables import influencer_snapshots, influencers, performance_records
from discovery.domain.facts import ProfileFacts, Snapshot
from discovery.domain.figures import derive, profile_from
from discovery.domain.performance import PerformanceRecord, summarize
from discovery.domain.profiles import SHARED_CATALOGUE, Platform
from servicekit.db import Database
from servicekit.migrations import alembic_config

pytestmark = pytest.mark.asyncio(loop_scope="session")

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@dataclass
class Stored:
    facts: ProfileFacts
    history: list[Snapshot] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


def _record(**fields: Any) -> dict[str, Any]:
    values = {"scope": f"partnership:{uuid4()}", "tenant_id": None, "clicks": 0, "conversions": 0, "measured_at": NOW}
    return {**values, **fields}


PROFILES = {
    "followers only": Stored(ProfileFacts(Platform.INSTAGRAM, "followers.only", 12_000)),
    "rate only": Stored(ProfileFacts(Platform.YOUTUBE, "rate.only", 80_000, reported_engagement_rate=0.02)),
    "clean, no history": Stored(
        ProfileFacts(Platform.INSTAGRAM, "clean", 40_000, following=500, avg_likes=1_200, avg_comments=60)
    ),
    "suspicious": Stored(
        ProfileFacts(Platform.INSTAGRAM, "suspicious", 12_000, following=15_000, avg_likes=5_000, avg_comments=2)
    ),
    "spiked and measured": Stored(
        ProfileFacts(Platform.TIKTOK, "spiked", 30_000, following=100, avg_likes=700, avg_comments=40),
        history=[
            Snapshot(taken_at=NOW - timedelta(days=40), followers=20_000, avg_likes=690, avg_comments=40),
            Snapshot(taken_at=NOW - timedelta(days=20), followers=30_000, avg_likes=700, avg_comments=40),
        ],
        records=[_record(posts=10, impressions=10_000, engagements=1_100, engagement_rate=None, roi=None)],
    ),
    "history too old for spikes": Stored(
        ProfileFacts(Platform.X, "old.history", 5_000, following=50),
        history=[Snapshot(taken_at=NOW - timedelta(days=90), followers=4_000)],
    ),
}


def _migrate(database: Database, revision: str) -> Any:
    config = alembic_config("discovery:migrations", database.url)

    def upgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    return upgrade


def _performance_records(influencer_id: Any, stored: Stored) -> list[PerformanceRecord]:
    return [PerformanceRecord(influencer_id=influencer_id, **record) for record in stored.records]


async def test_profiles_stored_before_are_rescored_as_the_rules_now_score_them(databases: DatabaseFactory) -> None:
    database = Database(await databases.new("discovery_rescore"))
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(_migrate(database, "0003"))
        ids = {}
        async with database.engine.begin() as connection:
            for name, stored in PROFILES.items():
                figures = derive(stored.facts, history=stored.history, performance_score=None, at=NOW)
                profile = profile_from(uuid4(), SHARED_CATALOGUE, stored.facts, figures, None, NOW)
                ids[name] = profile.id
                row = to_row(profile)
                del row["authenticity_not_assessed"]
                # As the code before wrote it: 100 less the penalties.
                row["authenticity_score"] = max(0, 100 - sum(r.penalty for r in figures.authenticity.reasons))
                row["performance_score"] = 1.0 if stored.records else None
                await connection.execute(insert(influencers).values(row))
                for snapshot in stored.history:
                    await connection.execute(insert(influencer_snapshots).values(snapshot_row(profile.id, snapshot)))
                for record in stored.records:
                    await connection.execute(insert(performance_records).values(influencer_id=profile.id, **record))
        async with database.engine.begin() as connection:
            await connection.run_sync(_migrate(database, "head"))
            found = {row.id: row for row in await connection.execute(select(influencers))}

        for name, stored in PROFILES.items():
            row = found[ids[name]]
            summary = summarize(_performance_records(ids[name], stored), stored.facts.platform)
            expected = derive(stored.facts, history=stored.history, performance_score=summary.score, at=NOW)
            assert row.authenticity_score == expected.authenticity.score, name
            assert row.authenticity_not_assessed == ",".join(expected.authenticity.not_assessed), name
            assert row.performance_score == pytest.approx(summary.score), name
            assert row.prior_score == pytest.approx(expected.prior_score), name
        assert found[ids["followers only"]].authenticity_score == 50
        assert found[ids["spiked and measured"]].authenticity_not_assessed == ""
        assert found[ids["spiked and measured"]].performance_score == pytest.approx(0.75)
    finally:
        await database.dispose()
