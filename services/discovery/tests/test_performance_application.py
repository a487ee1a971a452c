"""Measured performance folded into a profile's scores, as the application does it on a unit of
work in memory (no I/O)."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from discovery.application import performance
from discovery.domain.engagement import engagement_quality
from discovery.domain.facts import ProfileFacts
from discovery.domain.performance import NEUTRAL, PerformanceRecord
from discovery.domain.profiles import SHARED_CATALOGUE, Platform
from discovery.domain.ranking import prior_score
from servicekit.testing import run

from .fakes import FakeUnitOfWork, Memory, keep_profile

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)


def measured(influencer_id: uuid.UUID, *, roi: float, at: datetime) -> PerformanceRecord:
    return PerformanceRecord(influencer_id, "campaign:spring", None, 5, 10_000, 400, 50, 5, None, roi, at)


def test_the_newest_totals_of_a_scope_score_the_profile_and_an_older_one_changes_nothing() -> None:
    memory = Memory()
    uow = FakeUnitOfWork(memory, SHARED_CATALOGUE)
    star = keep_profile(memory, SHARED_CATALOGUE, ProfileFacts(Platform.INSTAGRAM, "star", 40_000, avg_likes=900))
    assert star.performance_score is None

    run(performance.record_measurement(uow, measured(star.id, roi=2.0, at=T0)))
    scored = star.performance_score
    assert scored is not None
    assert scored > NEUTRAL
    quality = engagement_quality(star.engagement_rate, star.facts.platform, star.tier)
    assert star.prior_score == pytest.approx(prior_score(quality, star.authenticity_score, scored))

    run(performance.record_measurement(uow, measured(star.id, roi=-1.0, at=T0 - timedelta(days=1))))
    assert star.performance_score == scored

    run(performance.record_measurement(uow, measured(star.id, roi=-1.0, at=T0 + timedelta(days=1))))
    assert star.performance_score is not None
    assert star.performance_score < scored


def test_a_measurement_of_an_unknown_influencer_is_kept_until_its_profile_comes() -> None:
    memory = Memory()
    unknown = uuid.uuid4()
    run(performance.record_measurement(FakeUnitOfWork(memory, SHARED_CATALOGUE), measured(unknown, roi=1.0, at=T0)))
    assert [r.influencer_id for r in memory.performance.values()] == [unknown]
