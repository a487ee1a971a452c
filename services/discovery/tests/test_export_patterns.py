"""Spreadsheet exports as they come (issue 18), each pattern generated (tests/export_patterns.py):
the column mapping reads headers and values together, a bad optional cell is a warning and its row
is imported, only a row without a handle or a readable follower count is rejected."""

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

import pytest

from discovery.adapters.file_formats import read_file, read_upload
from discovery.domain.column_mapping import ColumnMapping, resolve_mapping
from discovery.domain.imports import ImportJob, ImportState, read_chunks
from discovery.domain.profiles import Platform

from .export_patterns import HANDLE_BESIDE_NAME, Export, followers_of, messy_headers, repeated_header, sheet_errors


def mapping_of(content: bytes, platform: Platform) -> ColumnMapping:
    upload = read_upload(content, filename="export.csv", content_type=None, format_name=None)
    return resolve_mapping(upload.columns, {}, platform_given=True, samples=upload.samples, platform=platform)


def read(content: bytes, platform: Platform) -> tuple[list, list, list]:
    """Every row, rejection and warning of a file as an import job reads them."""
    mapping = mapping_of(content, platform)
    job = ImportJob(
        id=UUID(int=1),
        tenant_id=UUID(int=2),
        catalogue_id=UUID(int=2),
        state=ImportState.RUNNING,
        format="csv",
        filename=None,
        size_bytes=len(content),
        options={"platform": platform.value, "checks": mapping.checks},
        created_at=datetime.now(UTC),
        mapping=mapping.fields,
        unmapped_columns=mapping.unmapped,
    )
    rows, rejections, warnings = [], [], []
    for chunk in read_chunks(job, read_file(content, "csv"), 1000):
        rows += chunk.rows
        rejections += chunk.rejections
        warnings += chunk.warnings
    return rows, rejections, warnings


@pytest.mark.parametrize("make", HANDLE_BESIDE_NAME, ids=lambda make: make().name)
def test_the_handle_is_told_from_the_name_beside_it_by_its_values(make: Callable[[], Export]) -> None:
    export = make()
    mapping = mapping_of(export.content, Platform(export.platform))
    assert mapping.fields["handle"] == export.handle_column
    assert mapping.fields["display_name"] == export.name_column
    handle = next(c for c in mapping.choices if c.field == "handle")
    assert "look like handles" in handle.reason
    assert 0 < handle.confidence <= 1
    rows, rejections, warnings = read(export.content, Platform(export.platform))
    assert (len(rows), rejections, warnings) == (export.rows, [], [])
    first = rows[0][1].facts
    assert (first.handle, first.display_name, first.followers) == ("lena.fit_0", "Lena Fit 0", followers_of(0))


def test_serial_and_rank_columns_are_ignored() -> None:
    mapping = mapping_of(HANDLE_BESIDE_NAME[0]().content, Platform.TIKTOK)
    serial = next(c for c in mapping.choices if c.column == "S.no")
    assert (serial.field, serial.reason) == (None, "a serial number or rank: nothing about the profile")
    assert "S.no" in mapping.unmapped
    assert "S.no" not in mapping.fields.values()


def test_of_two_columns_with_one_header_the_exact_one_wins() -> None:
    mapping = mapping_of(repeated_header(), Platform.YOUTUBE)
    assert mapping.fields["followers"] == "Subscribers count [2]"
    assert mapping.checks == {"followers": "Subscribers count"}
    assert mapping.fields["handle"] == "youTuber"
    assert "Rank" in mapping.unmapped
    rows, rejections, warnings = read(repeated_header(), Platform.YOUTUBE)
    assert [row.facts.followers for _, row in rows] == [followers_of(i) for i in range(10)]
    assert (rejections, warnings) == ([], [])


def test_two_columns_of_one_figure_apart_beyond_rounding_is_a_warning() -> None:
    rows, rejections, warnings = read(repeated_header(disagree_on=3), Platform.YOUTUBE)
    assert len(rows) == 10
    assert rejections == []
    assert [(w.line, w.column, w.field) for w in warnings] == [(5, "Subscribers count", "followers")]
    exact = followers_of(3)
    assert warnings[0].reason == f"'40.3M' here but {exact} in 'Subscribers count [2]': more than rounding apart"
    assert rows[3][1].facts.followers == followers_of(3)


def test_headers_with_stray_spaces_line_breaks_and_suffixes() -> None:
    mapping = mapping_of(messy_headers(), Platform.TIKTOK)
    assert mapping.fields == {
        "handle": "Tiktoker name",
        "display_name": "Tiktok name",
        "followers": "Subscribers (mostly)",
        "avg_views": "Views (avg.)",
        "avg_likes": "Likes (avg.)",
        "avg_comments": "Comments (avg.)",
        "avg_shares": "Shares (avg.) Numbers",
        "audience_countries": "Audience Country (mostly)",
    }
    assert mapping.unmapped == ["row-cell"]
    rows, rejections, warnings = read(messy_headers(), Platform.TIKTOK)
    assert (len(rows), rejections) == (8, [])
    # A country without its share is no audience breakdown: read as empty, with a warning.
    assert {(w.column, w.field, w.reason) for w in warnings} == {
        ("Audience Country (mostly)", "audience.countries", "'Brazil' is not segment:share")
    }
    assert len(warnings) == 8
    facts = rows[0][1].facts
    assert (facts.followers, facts.avg_views, facts.avg_likes, facts.avg_shares) == (13_800_000, 1.2e6, 250_100, 3000)


def test_a_spreadsheet_error_in_an_optional_cell_is_a_warning_and_the_row_is_imported() -> None:
    rows, rejections, warnings = read(sheet_errors(), Platform.INSTAGRAM)
    assert len(rows) == 10
    assert [(r.line, r.field, r.reason) for r in rejections] == [
        (12, "handle", "handle: '#REF!' is a spreadsheet error"),
        (13, "followers", "followers: '#VALUE!' is a spreadsheet error"),
    ]
    assert [(w.line, w.column, w.field, w.reason) for w in warnings] == [
        (2, "Engagement Rate", "engagement_rate", "'#VALOR!' is a spreadsheet error"),
        (3, "Engagement Rate", "engagement_rate", "'#VALUE!' is a spreadsheet error"),
        (4, "Engagement Rate", "engagement_rate", "'#N/A' is a spreadsheet error"),
        (5, "Engagement Rate", "engagement_rate", "'#DIV/0!' is a spreadsheet error"),
        (6, "Engagement Rate", "engagement_rate", "'#REF!' is a spreadsheet error"),
        (10, "Country", "country", "'#N/A' is a spreadsheet error"),
    ]
    by_line = {line: row.facts for line, row in rows}
    assert by_line[2].reported_engagement_rate is None
    assert by_line[2].avg_likes == 12_500
    assert by_line[7].reported_engagement_rate == pytest.approx(0.025)
    # `N/A'` and a dash are empty cells, not errors: no warning.
    assert by_line[8].avg_likes is None
    assert by_line[9].avg_likes is None
    assert by_line[10].country is None
