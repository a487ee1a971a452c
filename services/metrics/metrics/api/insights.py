"""Insight snapshots of a post (scope insights:write), in its platform's own metric names."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Query, Response, status

from metrics.api.dependencies import CanManage, IngestionDep, UnitOfWorkDep
from metrics.api.request_schemas import InsightReport, SnapshotBatch
from metrics.api.schemas import InsightsAccepted, InsightSnapshotPublic
from metrics.application.insights import ReportedSnapshot, check_snapshots, snapshot_history
from servicekit.pagination import Page, Pagination, cursor_time, encode_cursor
from servicekit.schemas import Instant

router = APIRouter(prefix="/api/v1/posts", tags=["insights"])


@router.post(
    "/{post_id}/insights",
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[CanManage],
    responses={
        202: {"description": "Accepted: appended to the insight log"},
        200: {"model": InsightsAccepted, "description": "Only repeats"},
    },
)
async def report_insights(
    post_id: UUID,
    body: Annotated[InsightReport, Body()],
    uow: UnitOfWorkDep,
    ingestion: IngestionDep,
    response: Response,
) -> InsightsAccepted:
    """Report cumulative snapshots of a post: one, or up to 1000 as `items`. The latest by
    observation time wins for each metric; repeats change nothing; other numbers for a time
    already kept are a 409."""
    if isinstance(body, SnapshotBatch):
        reported = [ReportedSnapshot(f"items.{i}", s.observed_at, s.metrics) for i, s in enumerate(body.items)]
    else:
        reported = [ReportedSnapshot("", body.observed_at, body.metrics)]
    post, accepted = await check_snapshots(uow, post_id, reported)
    fresh = [snapshot for snapshot in accepted if not snapshot.repeat]
    if fresh:
        await ingestion.append_snapshots(post, fresh)
    else:
        response.status_code = status.HTTP_200_OK
    return InsightsAccepted(post_id=post.id, accepted=len(fresh), repeats=len(accepted) - len(fresh))


@router.get("/{post_id}/insights")
async def list_insights(
    post_id: UUID,
    uow: UnitOfWorkDep,
    page: Pagination,
    observed_before: Annotated[Instant | None, Query(description="Only snapshots observed before this")] = None,
) -> Page[InsightSnapshotPublic]:
    """A post's snapshots as kept, newest observation first."""
    before = cursor_time(page.after[0]) if page.after else observed_before
    rows = await snapshot_history(uow, post_id, limit=page.limit + 1, before=before)
    shown = rows[: page.limit]
    next_cursor = encode_cursor([shown[-1][0].isoformat()]) if len(rows) > page.limit else None
    return Page(
        items=[InsightSnapshotPublic(observed_at=o, received_at=r, metrics=m) for o, r, m in shown],
        next_cursor=next_cursor,
    )
