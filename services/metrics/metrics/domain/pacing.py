"""Pacing: a campaign's spend and results against its budget and the KPI targets set on it.

- Elapsed share = days gone / days of the campaign (its dates, inclusive; null without them).
- A count or amount target (impressions, reach, engagements, clicks, conversions, revenue_minor)
  is on track when what was reached is at least the target times the elapsed share (without
  dates: the whole target); a rate target (engagement_rate, ctr, roi, roas) when the rate is at
  least the target; a cost target (cpm, cpe, cpc, cpa) when the cost is at most the target.
- A target is reached when the value meets it in full (at least, or at most for a cost target);
  `metrics.kpi.reached` tells it once per campaign and KPI.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

CUMULATIVE = frozenset({"impressions", "reach", "engagements", "clicks", "conversions", "revenue_minor"})
LOWER_IS_BETTER = frozenset({"cpm", "cpe", "cpc", "cpa"})


def is_reached(kpi: str, actual: float | None, target: float) -> bool:
    if actual is None:
        return False
    return actual <= target if kpi in LOWER_IS_BETTER else actual >= target


def elapsed_share(starts_on: date | None, ends_on: date | None, today: date) -> float | None:
    if starts_on is None or ends_on is None or ends_on < starts_on:
        return None
    days = (ends_on - starts_on).days + 1
    gone = min(max((today - starts_on).days + 1, 0), days)
    return gone / days


@dataclass(frozen=True)
class TargetPace:
    kpi: str
    target: float
    actual: float | None
    expected_by_now: float | None
    reached: bool
    on_track: bool | None


@dataclass(frozen=True)
class Pacing:
    budget_minor: int | None
    cost_minor: int | None
    budget_spent_share: float | None
    elapsed_share: float | None
    over_budget: bool | None
    targets: tuple[TargetPace, ...]


def pace(
    *,
    budget_minor: int | None,
    cost_minor: int | None,
    starts_on: date | None,
    ends_on: date | None,
    today: date,
    targets: Mapping[str, float],
    actuals: Mapping[str, float | None],
) -> Pacing:
    elapsed = elapsed_share(starts_on, ends_on, today)
    paces = []
    for kpi, target in sorted(targets.items()):
        actual = actuals.get(kpi)
        expected: float | None = target
        if kpi in CUMULATIVE and elapsed is not None:
            expected = target * elapsed
        if actual is None:
            on_track = None
        elif kpi in LOWER_IS_BETTER:
            on_track = actual <= target
        else:
            on_track = expected is not None and actual >= expected
        paces.append(TargetPace(kpi, target, actual, expected, is_reached(kpi, actual, target), on_track))
    spent = cost_minor / budget_minor if budget_minor and cost_minor is not None else None
    over = None if budget_minor is None or cost_minor is None else cost_minor > budget_minor
    return Pacing(budget_minor, cost_minor, spent, elapsed, over, tuple(paces))
