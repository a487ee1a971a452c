"""What a campaign's report adds to its measurements: the same totals grouped (per platform, per
influencer) and ranked (by ROI, by engagement rate). Grouped totals are added field by field and
their KPIs computed by the same rules (domain.kpis) as every other scope's."""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from metrics.domain.kpis import Kpis, Totals, compute_kpis

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


@dataclass(frozen=True)
class Group(Generic[K]):
    key: K
    members: int
    totals: Totals
    kpis: Kpis


def group_totals(items: Iterable[tuple[K, Totals]]) -> list[Group[K]]:
    """One group per key, in the order keys first appear."""
    sums: dict[K, tuple[int, Totals]] = {}
    for key, totals in items:
        count, sofar = sums.get(key, (0, Totals()))
        sums[key] = (count + 1, sofar + totals)
    return [Group(key, count, totals, compute_kpis(totals)) for key, (count, totals) in sums.items()]


def top(items: Iterable[T], value: Callable[[T], float | None], limit: int = 5) -> list[T]:
    """The items with the highest value, best first; items without a value are left out (a ratio
    with a zero denominator ranks nowhere)."""
    valued = [(v, i, item) for i, item in enumerate(items) if (v := value(item)) is not None]
    valued.sort(key=lambda entry: (-entry[0], entry[1]))
    return [item for _, _, item in valued[:limit]]
