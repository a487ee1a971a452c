"""The campaign report as a page: a presenter of application.campaign_report's results (the same
the KPI, series and CSV endpoints answer), formatted for people and rendered by the template."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from metrics.api.report_charts import daily_chart
from metrics.api.report_template import REPORT_TEMPLATE
from metrics.application.campaign_report import CampaignReport, PostResult
from metrics.application.reports import ReportLine
from metrics.domain.kpis import Kpis, Totals
from metrics.domain.money import minor_exponent
from metrics.domain.pacing import CUMULATIVE
from metrics.domain.report import group_totals, top

_TEMPLATE = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(REPORT_TEMPLATE)
NONE = "\u2013"  # shown for a ratio with a zero denominator, or money no rate covers

# key, label, formula: the headline figures, then the costs per result (domain/kpis.py).
FORMULAS = (
    ("impressions", "Impressions", "sum over posts of each post's latest impressions"),
    ("reach", "Reach", "sum over posts of each post's latest reach"),
    ("engagements", "Engagements", "likes + comments + shares + saves (else the post's total interactions)"),
    ("clicks", "Clicks", "counted tracked clicks + platform-reported link clicks of posts no tracking link covers"),
    ("conversions", "Conversions", "attributed orders whose net is above zero and not cancelled"),
    ("revenue", "Revenue", "attributed orders - refunds - cancellations"),
    ("cost", "Cost", "fees + paid spend"),
    ("emv", "Earned media value", "sum over actions of count(action) * value_per_mille(action) / 1000"),
    ("engagement_rate", "Engagement rate", "engagements / impressions, over the posts reporting impressions"),
    ("ctr", "Click-through rate", "clicks / impressions"),
    ("conversion_rate", "Conversion rate", "conversions / clicks"),
    ("roi", "ROI", "(revenue - cost) / cost"),
    ("roas", "ROAS", "revenue / cost"),
    ("cpm", "Cost per mille", "cost / impressions * 1000"),
    ("cpe", "Cost per engagement", "cost / engagements"),
    ("cpc", "Cost per click", "cost / clicks"),
    ("cpa", "Cost per acquisition", "cost / conversions"),
)
_NOTES = {key: str(n) for n, (key, _, _) in enumerate(FORMULAS, start=1)}
_COST_KPIS = ("cpm", "cpe", "cpc", "cpa")


@dataclass(frozen=True)
class Formats:
    currency: str | None

    def money(self, minor: int | float | None) -> str:
        """Major units to the minor unit (a cost per result is rounded to it, half to even)."""
        if minor is None or self.currency is None:
            return NONE
        exponent = minor_exponent(self.currency)
        amount = round(minor)
        text = f"{abs(amount) / 10**exponent:,.{exponent}f}"
        return f"{'-' if amount < 0 else ''}{text} {self.currency}"

    @staticmethod
    def count(value: int | float | None) -> str:
        return NONE if value is None else f"{round(value):,}"

    @staticmethod
    def percent(value: float | None) -> str:
        return NONE if value is None else f"{value * 100:.2f}%"

    @staticmethod
    def times(value: float | None) -> str:
        return NONE if value is None else f"{value:.2f}\u00d7"

    def kpi(self, name: str, value: float | None) -> str:
        if name == "revenue_minor" or name in _COST_KPIS:
            return self.money(value)
        if name in CUMULATIVE:
            return self.count(value)
        if name == "roas":
            return self.times(value)
        return self.percent(value)


def _cards(f: Formats, t: Totals, k: Kpis, emv_minor: int | None) -> list[dict[str, str]]:
    values = {
        "impressions": f.count(t.impressions),
        "reach": f.count(t.reach),
        "engagements": f.count(t.engagements),
        "clicks": f.count(t.clicks),
        "conversions": f.count(t.conversions),
        "revenue": f.money(t.revenue_minor if t.revenue_known else None),
        "cost": f.money(t.cost_minor if t.cost_known else None),
        "emv": f.money(emv_minor),
        "engagement_rate": f.percent(k.engagement_rate),
        "ctr": f.percent(k.ctr),
        "conversion_rate": f.percent(k.conversion_rate),
        "roi": f.percent(k.roi),
        "roas": f.times(k.roas),
    }
    return [_figure(key, label, formula, values[key]) for key, label, formula in FORMULAS if key in values]


def _figure(key: str, label: str, formula: str, value: str) -> dict[str, str]:
    return {"key": key, "label": label, "formula": formula, "note": _NOTES[key], "value": value}


def _row(f: Formats, name: str, t: Totals, k: Kpis, url: str | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "url": url,
        "posts": f.count(t.posts),
        "impressions": f.count(t.impressions),
        "engagements": f.count(t.engagements),
        "engagement_rate": f.percent(k.engagement_rate),
        "clicks": f.count(t.clicks),
        "conversions": f.count(t.conversions),
        "revenue": f.money(t.revenue_minor if t.revenue_known else None),
        "cost": f.money(t.cost_minor if t.cost_known else None),
        "roi": f.percent(k.roi),
    }


def _post_rows(f: Formats, posts: Iterable[PostResult]) -> list[dict[str, Any]]:
    return [_row(f, f"{p.post.platform} post", p.measurement.totals, p.measurement.kpis, p.post.url) for p in posts]


def _line_rows(f: Formats, lines: Iterable[ReportLine]) -> list[dict[str, Any]]:
    return [
        # The short id names it here; the CSV report carries the full ids.
        _row(
            f,
            f"influencer {str(line.influencer_id)[:8]} ({line.state})",
            line.measurement.totals,
            line.measurement.kpis,
        )
        for line in lines
    ]


def _charts(report: CampaignReport) -> list[Markup]:
    days = [p.bucket for p in report.series]
    if not days:
        return []
    counts = {name: [p.counts[name] for p in report.series] for name in SERIES}
    # Two charts: impressions dwarf the rest, which would lie flat on one axis.
    return [
        Markup(daily_chart(days, {n: counts[n] for n in ("impressions", "engagements")}, "Impressions, engagements")),
        Markup(daily_chart(days, {n: counts[n] for n in ("clicks", "conversions")}, "Clicks, conversions")),
    ]


SERIES = ("impressions", "engagements", "clicks", "conversions")


def render_report(report: CampaignReport) -> str:
    """The page (CPU-bound: the charts take a fraction of a second; call it off the event loop)."""
    measured, campaign = report.measured, report.measured.campaign
    f = Formats(report.currency)
    m = measured.measurement
    totals, kpis = (m.totals, m.kpis) if m is not None else (Totals(), None)
    kpis = kpis or _no_kpis()
    emv = m.emv.known_minor if m is not None and m.emv is not None else None
    pacing = measured.pacing
    budget = None
    if pacing is not None and pacing.budget_minor is not None:
        share = pacing.budget_spent_share
        budget = {
            "budget": f.money(pacing.budget_minor),
            "cost": f.money(pacing.cost_minor),
            "spent": f.percent(share),
            "over": bool(pacing.over_budget),
            "elapsed": f.percent(pacing.elapsed_share),
            "width": f"{min(share or 0, 1) * 100:.1f}",
        }
    partnerships = [line for line in report.lines if line.partnership_id is not None]
    dates = " to ".join(str(d) for d in (campaign.starts_on, campaign.ends_on) if d is not None)
    return _TEMPLATE.render(
        name=campaign.name or f"Campaign {campaign.id}",
        campaign_id=campaign.id,
        state=campaign.state.value,
        dates=dates,
        currency=report.currency,
        generated_at=report.generated_at.strftime("%Y-%m-%d %H:%M"),
        cards=_cards(f, totals, kpis, emv),
        budget=budget,
        targets=[
            {
                "kpi": t.kpi,
                "target": f.kpi(t.kpi, t.target),
                "actual": f.kpi(t.kpi, t.actual),
                "expected": f.kpi(t.kpi, t.expected_by_now),
                "on_track": bool(t.on_track),
                "status": "reached" if t.reached else ("on track" if t.on_track else "behind"),
            }
            for t in (pacing.targets if pacing is not None else [])
        ],
        charts=_charts(report),
        per_result=[
            _figure(key, label, formula, f.money(getattr(kpis, key)))
            for key, label, formula in FORMULAS
            if key in _COST_KPIS
        ],
        top_posts_roi=_post_rows(f, top(report.posts, lambda p: p.measurement.kpis.roi)),
        top_posts_er=_post_rows(f, top(report.posts, lambda p: p.measurement.kpis.engagement_rate)),
        top_partnerships_roi=_line_rows(f, top(partnerships, lambda line: line.measurement.kpis.roi)),
        top_partnerships_er=_line_rows(f, top(partnerships, lambda line: line.measurement.kpis.engagement_rate)),
        platforms=[
            _row(f, g.key, g.totals, g.kpis)
            for g in group_totals((p.post.platform, p.measurement.totals) for p in report.posts)
        ],
        influencers=[
            _row(f, f"influencer {str(g.key)[:8]}", g.totals, g.kpis)
            for g in group_totals((line.influencer_id, line.measurement.totals) for line in partnerships)
        ],
        formulas=[{"key": key, "label": label, "formula": formula} for key, label, formula in FORMULAS],
    )


def _no_kpis() -> Kpis:
    return Kpis(*([None] * 12))
