"""The report's own rules, without I/O: grouping totals, ranking, and choosing the format."""

import pytest

from metrics.api.report import ReportFormat, negotiate
from metrics.domain.kpis import Totals
from metrics.domain.report import group_totals, top


def test_groups_add_totals_and_compute_their_kpis_by_the_same_rules() -> None:
    groups = group_totals(
        [
            (
                "instagram",
                Totals(posts=1, impressions=1_000, engagements_with_impressions=50, clicks=10, fees_minor=500),
            ),
            ("tiktok", Totals(posts=1, views=2_000, clicks=0)),
            ("instagram", Totals(posts=1, impressions=3_000, engagements_with_impressions=70, clicks=30)),
        ]
    )
    assert [(g.key, g.members, g.totals.posts, g.totals.impressions) for g in groups] == [
        ("instagram", 2, 2, 4_000),
        ("tiktok", 1, 1, 0),
    ]
    assert groups[0].kpis.engagement_rate == pytest.approx(120 / 4_000)
    assert groups[0].kpis.cpc == pytest.approx(500 / 40)
    assert groups[1].kpis.engagement_rate is None  # no impressions: no rate, not 0


def test_top_ranks_best_first_and_leaves_out_what_has_no_value() -> None:
    rois = {"a": 0.5, "b": None, "c": 2.0, "d": -1.0, "e": 0.5}
    assert top(rois, lambda k: rois[k], limit=3) == ["c", "a", "e"]


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        ("", ReportFormat.HTML),
        ("*/*", ReportFormat.HTML),
        ("text/csv", ReportFormat.CSV),
        ("application/pdf, text/html;q=0.5", ReportFormat.PDF),
        ("text/html;q=0.4, text/csv;q=0.9", ReportFormat.CSV),
        ("text/csv;q=0, application/json", ReportFormat.HTML),
        ("text/csv;q=oops", ReportFormat.HTML),
    ],
)
def test_the_accept_header_picks_the_format(accept: str, chosen: ReportFormat) -> None:
    assert negotiate(accept) == chosen
