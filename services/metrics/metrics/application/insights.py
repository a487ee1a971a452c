"""Insight snapshots a platform (or a partner tool) reports for a post.

Snapshots are checked here (the post is the org's; the platform's metric names; one snapshot per
observation time) and then appended to the insight topic, which the aggregator folds into each
post's totals in batches. A snapshot already kept with the same numbers is a repeat and changes
nothing; with other numbers it is a conflict (409)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from metrics.application.ports import UnitOfWork
from metrics.domain.insights import map_metrics
from metrics.domain.records import Post
from servicekit.errors import InvalidField, NotFound


@dataclass(frozen=True)
class ReportedSnapshot:
    field: str  # where it is in the request, e.g. "items.0"
    observed_at: datetime
    metrics: dict[str, float]


@dataclass(frozen=True)
class AcceptedSnapshot:
    observed_at: datetime
    metrics: dict[str, int]  # our names
    repeat: bool


class SnapshotRefusals(Exception):
    def __init__(self, status: int, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{f}: {m}" for f, m in errors))
        self.status = status
        self.errors = errors


async def check_snapshots(
    uow: UnitOfWork, post_id: UUID, reported: list[ReportedSnapshot]
) -> tuple[Post, list[AcceptedSnapshot]]:
    post = await uow.posts.get(post_id)
    if post is None:
        raise NotFound("post", post_id)
    invalid: list[tuple[str, str]] = []
    conflicts: list[tuple[str, str]] = []
    mapped: dict[datetime, tuple[str, dict[str, int]]] = {}
    accepted: list[AcceptedSnapshot] = []
    for snapshot in reported:
        # Kept to the millisecond (as the insight topic carries it), in UTC.
        observed = snapshot.observed_at.astimezone(UTC)
        snapshot = ReportedSnapshot(snapshot.field, observed.replace(microsecond=observed.microsecond // 1000 * 1000),
                                    snapshot.metrics)  # fmt: skip
        try:
            metrics = map_metrics(post.platform, snapshot.metrics)
        except InvalidField as refused:
            invalid.append((".".join(p for p in (snapshot.field, refused.field) if p), refused.message))
            continue
        earlier = mapped.get(snapshot.observed_at)
        if earlier is not None:
            if earlier[1] != metrics:
                conflicts.append((snapshot.field, f"{earlier[0]} has the same observation time with other numbers"))
            continue
        mapped[snapshot.observed_at] = (snapshot.field, metrics)
    if invalid:
        raise SnapshotRefusals(422, invalid)
    stored = await uow.figures.snapshot_at(post_id, list(mapped))
    for observed_at, (field, metrics) in mapped.items():
        kept = stored.get(observed_at)
        if kept is not None and kept != metrics:
            conflicts.append((field, "a snapshot observed at this time was kept with other numbers"))
        accepted.append(AcceptedSnapshot(observed_at, metrics, repeat=kept is not None))
    if conflicts:
        raise SnapshotRefusals(409, conflicts)
    return post, accepted


async def snapshot_history(
    uow: UnitOfWork, post_id: UUID, *, limit: int, before: datetime | None
) -> list[tuple[datetime, datetime, dict[str, int]]]:
    if await uow.posts.get(post_id) is None:
        raise NotFound("post", post_id)
    return await uow.figures.snapshot_page(post_id, limit=limit, before=before)
