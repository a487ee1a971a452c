"""Everything a campaign's report page shows, from the same use cases the KPI, series, post and
CSV endpoints answer with: the page is a view of the API, never a second computation."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from metrics.application.measurements import CampaignMeasurement, campaign_measurement, post_measurement
from metrics.application.ports import UnitOfWork
from metrics.application.reports import ReportLine, SeriesPoint, report_lines, timeseries
from metrics.domain.measurement import Measurement
from metrics.domain.records import Post
from metrics.domain.timeseries import Granularity

MAX_POSTS = 200  # a report lists at most this many posts (the newest first)


@dataclass(frozen=True)
class PostResult:
    post: Post
    measurement: Measurement
    click_source: str


@dataclass(frozen=True)
class CampaignReport:
    measured: CampaignMeasurement  # what GET /campaigns/{id}/metrics answers
    currency: str | None
    series: list[SeriesPoint]  # GET /campaigns/{id}/metrics/timeseries, per UTC day
    lines: list[ReportLine]  # the CSV report's lines: one per partnership, the campaign's last
    posts: list[PostResult]  # GET /posts/{id}/metrics of each post
    generated_at: datetime


async def campaign_report(uow: UnitOfWork, campaign_id: UUID, *, now: datetime) -> CampaignReport:
    measured = await campaign_measurement(uow, campaign_id, now=now)
    _, currency, series = await timeseries(
        uow, campaign_id, granularity=Granularity.DAY, tz=ZoneInfo("UTC"), first=None, last=None, now=now
    )
    _, _, lines = await report_lines(uow, campaign_id, now=now)
    found = await uow.figures.posts(campaign_id=campaign_id)
    newest = sorted((post for post, _ in found), key=lambda p: p.published_at, reverse=True)[:MAX_POSTS]
    posts = []
    for post in newest:
        _, measurement, _, source = await post_measurement(uow, post.id, now=now)
        posts.append(PostResult(post, measurement, source))
    return CampaignReport(measured, currency, series, lines, posts, now)
