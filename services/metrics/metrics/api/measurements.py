"""KPIs: per campaign (with pacing, a time series and a CSV report), partnership, influencer, post."""

import csv
import io
from datetime import UTC, date, datetime
from typing import Annotated
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from fastapi import APIRouter, Query, Response

from contracts.money import Currency
from metrics.api.dependencies import CanManage, UnitOfWorkDep
from metrics.api.presenters import measurement_fields, pacing_public
from metrics.api.request_schemas import CampaignMetricSettingsIn
from metrics.api.schemas import (
    CampaignMetrics,
    InfluencerPerformance,
    PartnershipMetrics,
    PostMetrics,
    SeriesPointPublic,
    Timeseries,
)
from metrics.application import measurements, reports, settings
from metrics.domain.conversions import DEFAULT_WINDOW_DAYS
from metrics.domain.money import minor_exponent
from metrics.domain.timeseries import Granularity
from servicekit.presenters import present
from servicekit.problems import Problem
from servicekit.schemas import SINGLE_LINE

router = APIRouter(prefix="/api/v1", tags=["metrics"])
_ZONES = available_timezones()


def _now() -> datetime:
    return datetime.now(UTC)


@router.get("/campaigns/{campaign_id}/metrics")
async def get_campaign_metrics(campaign_id: UUID, uow: UnitOfWorkDep) -> CampaignMetrics:
    """A campaign's totals, KPIs (null where a denominator is zero) and pacing, in its budget currency."""
    measured = await measurements.campaign_measurement(uow, campaign_id, now=_now())
    campaign = measured.campaign
    currency = measured.measurement.currency if measured.measurement is not None else None
    return CampaignMetrics(
        campaign_id=campaign.id,
        campaign_state=campaign.state.value,
        pacing=pacing_public(measured.pacing),
        updated_at=campaign.updated_at,
        **measurement_fields(measured.measurement, currency),  # type: ignore[arg-type]
    )


def _zone(tz: str) -> ZoneInfo:
    if tz not in _ZONES:
        raise Problem(
            422,
            "query.tz: not an IANA time zone",
            errors=[{"field": "query.tz", "message": "an IANA time zone, e.g. Europe/Paris", "type": "value_error"}],
        )
    try:
        return ZoneInfo(tz)
    except ZoneInfoNotFoundError:  # pragma: no cover - listed zones exist
        raise Problem(422, "query.tz: unknown time zone") from None


@router.get("/campaigns/{campaign_id}/metrics/timeseries")
async def get_campaign_timeseries(
    campaign_id: UUID,
    uow: UnitOfWorkDep,
    granularity: Annotated[Granularity, Query(description="day or week (weeks start on Monday)")] = Granularity.DAY,
    tz: Annotated[str, Query(max_length=64, pattern=SINGLE_LINE, description="IANA time zone")] = "UTC",
    start: Annotated[date | None, Query(alias="from", description="First day (default: the campaign's start)")] = None,
    end: Annotated[date | None, Query(alias="to", description="Last day (default: the last with data)")] = None,
) -> Timeseries:
    """What a campaign gained per day or week, in a time zone (at most 1000 points)."""
    zone = _zone(tz)
    if start is not None and end is not None and end < start:
        raise Problem(
            422, "query.to: before query.from",
            errors=[{"field": "query.to", "message": "must not be before `from`", "type": "value_error"}],
        )  # fmt: skip
    campaign, currency, points = await reports.timeseries(
        uow, campaign_id, granularity=granularity, tz=zone, first=start, last=end, now=_now()
    )
    return Timeseries(
        campaign_id=campaign.id,
        granularity=granularity.value,
        tz=tz,
        currency=currency,
        points=[
            SeriesPointPublic(bucket=p.bucket, revenue_minor=p.revenue_minor, cost_minor=p.cost_minor, **p.counts)
            for p in points
        ],
    )


def _major(amount: int | None, currency: str | None) -> str:
    if amount is None or currency is None:
        return ""
    exponent = minor_exponent(currency)
    sign, whole = ("-" if amount < 0 else ""), abs(amount)
    if exponent == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole // 10**exponent}.{whole % 10**exponent:0{exponent}d}"


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}"


REPORT_COLUMNS = (
    "line", "partnership_id", "influencer_id", "state", "posts", "impressions", "reach", "views", "engagements",
    "clicks", "conversions", "currency", "revenue", "fees", "spend", "cost", "emv", "engagement_rate", "ctr",
    "conversion_rate", "cpm", "cpe", "cpc", "cpa", "roi", "roas",
)  # fmt: skip


def _report_row(line: reports.ReportLine, campaign_state: str, currency: str | None) -> list[object]:
    t, k, m = line.measurement.totals, line.measurement.kpis, line.measurement
    scale = 10 ** minor_exponent(currency or "EUR")  # cost KPIs in major units, as the amounts

    def money(amount: int | None) -> str:
        return _major(amount, currency)

    def per(value: float | None) -> str:
        return _ratio(None if value is None else value / scale)

    return [
        "partnership" if line.partnership_id else "campaign",
        line.partnership_id or "",
        line.influencer_id or "",
        line.state or campaign_state,
        t.posts, t.impressions, t.reach, t.views, t.engagements, t.clicks, t.conversions,
        currency or "",
        money(m.revenue.known_minor), money(m.fees.known_minor), money(m.spend.known_minor),
        money(t.cost_minor if t.cost_known else None), money(m.emv.known_minor if m.emv else None),
        _ratio(k.engagement_rate), _ratio(k.ctr), _ratio(k.conversion_rate),
        per(k.cpm), per(k.cpe), per(k.cpc), per(k.cpa),
        _ratio(k.roi), _ratio(k.roas),
    ]  # fmt: skip


@router.get(
    "/campaigns/{campaign_id}/report.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "The report"}},
)
async def get_campaign_report(campaign_id: UUID, uow: UnitOfWorkDep) -> Response:
    """One line per partnership and one for the campaign; amounts in major units of `currency`."""
    return await csv_report(uow, campaign_id, _now())


async def csv_report(uow: UnitOfWorkDep, campaign_id: UUID, now: datetime) -> Response:
    """The CSV report (also `GET /campaigns/{id}/report?format=csv`)."""
    campaign, currency, lines = await reports.report_lines(uow, campaign_id, now=now)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REPORT_COLUMNS)
    for line in lines:
        writer.writerow(_report_row(line, campaign.state.value, currency))
    filename = f"campaign-{campaign.id}.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/campaigns/{campaign_id}/metrics/settings")
async def get_campaign_metric_settings(campaign_id: UUID, uow: UnitOfWorkDep) -> CampaignMetricSettingsIn:
    """How a campaign is measured: the click attribution window (30 days unless set)."""
    days = await settings.attribution_window(uow, campaign_id)
    return CampaignMetricSettingsIn(attribution_window_days=days or DEFAULT_WINDOW_DAYS)


@router.put("/campaigns/{campaign_id}/metrics/settings", dependencies=[CanManage])
async def put_campaign_metric_settings(
    campaign_id: UUID, body: CampaignMetricSettingsIn, uow: UnitOfWorkDep
) -> CampaignMetricSettingsIn:
    """Set the click attribution window of a campaign (orders reported from then on)."""
    await settings.set_attribution_window(uow, campaign_id, body.attribution_window_days, _now())
    return body


@router.get("/partnerships/{partnership_id}/metrics")
async def get_partnership_metrics(partnership_id: UUID, uow: UnitOfWorkDep) -> PartnershipMetrics:
    """A partnership's totals and KPIs, in its campaign's currency."""
    partnership, measured, currency = await measurements.partnership_measurement(uow, partnership_id, now=_now())
    return present(
        PartnershipMetrics, partnership, partnership_id=partnership.id, **measurement_fields(measured, currency)
    )


@router.get("/influencers/{influencer_id}/performance")
async def get_influencer_performance(
    influencer_id: UUID,
    uow: UnitOfWorkDep,
    currency: Annotated[Currency | None, Query(description="Default: the latest campaign's")] = None,
) -> InfluencerPerformance:
    """What an influencer achieved across the org's partnerships with them."""
    partnerships, measured, chosen = await measurements.influencer_measurement(
        uow, influencer_id, currency=currency, now=_now()
    )
    return InfluencerPerformance(
        influencer_id=influencer_id,
        partnerships=len(partnerships),
        campaigns=sorted({p.campaign_id for p in partnerships}),
        **measurement_fields(measured, chosen),  # type: ignore[arg-type]
    )


@router.get("/posts/{post_id}/metrics")
async def get_post_metrics(post_id: UUID, uow: UnitOfWorkDep) -> PostMetrics:
    """A post's insights, clicks, the orders its clicks brought, its share of the fees and its spend."""
    post, measured, currency, source = await measurements.post_measurement(uow, post_id, now=_now())
    return present(PostMetrics, post, post_id=post.id, click_source=source, **measurement_fields(measured, currency))
