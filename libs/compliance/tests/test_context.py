"""A check context says what it needs plainly and refuses what it cannot mean."""

import pytest

from compliance import BriefRequirements, Caption, CheckContext, Format, Market, Platform, check


def test_strings_are_read_as_their_enums_and_markets_once_each() -> None:
    context = CheckContext(platform="youtube", format="short", markets=["DE", "US", "DE"])  # type: ignore[arg-type]
    assert (context.platform, context.format, context.markets) == (
        Platform.YOUTUBE,
        Format.SHORT,
        (Market.DE, Market.US),
    )


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"platform": "myspace"}, "myspace"),
        ({"platform": "instagram", "markets": ()}, "markets"),
        ({"platform": "instagram", "markets": ("FR",)}, "FR"),
        ({"platform": "instagram", "format": "tweet"}, "tweet"),
    ],
)
def test_what_the_library_does_not_know_is_refused_by_name(fields: dict[str, object], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        CheckContext(**fields)  # type: ignore[arg-type]


def test_a_brief_list_is_a_list() -> None:
    with pytest.raises(TypeError, match="required_hashtags"):
        BriefRequirements(required_hashtags="#nike")  # type: ignore[arg-type]
    assert BriefRequirements(required_hashtags=["#nike", " "]).required_hashtags == ("#nike",)  # type: ignore[arg-type]


def test_a_youtube_description_is_measured_in_utf8_bytes() -> None:
    context = CheckContext(platform=Platform.YOUTUBE, in_video_disclosure_confirmed=True)
    text = "#ad " + "é" * 2499  # 4 + 4998 bytes, 2503 characters
    report = check(Caption(text), context)
    assert [(f.code, f.span) for f in report.findings] == [("limits.caption_too_long", (2502, 2503))]
    assert report.blocking
