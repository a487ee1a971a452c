"""Reading exports: header matching and each row's parsing (file formats: test_file_formats.py)."""

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discovery.domain.column_mapping import ColumnMapping, header_key, resolve_mapping
from discovery.domain.facts import ProfileFacts
from discovery.domain.profiles import Platform
from discovery.domain.row_parser import RowParser, merge
from discovery.domain.row_values import RowError, _any_shares, _plain_shares, read_shares
from servicekit.errors import InvalidField


def test_header_keys_ignore_case_and_punctuation() -> None:
    assert header_key("#Followers") == "followers"
    assert header_key("Eng. (Avg.)") == "engavg"
    assert header_key("\ufeffrank") == "rank"
    assert header_key(" Avg_Likes ") == "avglikes"


def test_common_headers_are_matched_automatically() -> None:
    mapping = resolve_mapping(
        ["Username", "#Followers", "Eng. (Avg.)", "Country", "Category", "Rank"], {}, platform_given=True
    )
    assert mapping.fields == {
        "handle": "Username",
        "followers": "#Followers",
        "avg_engagements": "Eng. (Avg.)",
        "country": "Country",
        "categories": "Category",
    }
    assert mapping.unmapped == ["Rank"]


def test_the_real_exports_headers() -> None:
    instagram = resolve_mapping(
        ["rank", "channel_info", "influence_score", "posts", "followers", "avg_likes", "60d_eng_rate", "country"],
        {},
        platform_given=True,
    )
    assert instagram.fields["handle"] == "channel_info"
    assert instagram.fields["engagement_rate"] == "60d_eng_rate"
    youtube = resolve_mapping(
        ["rank", "Youtuber", "subscribers", "video_views", "category", "Title", "uploads", "Country", "Abbreviation"],
        {},
        platform_given=True,
    )
    assert youtube.fields["handle"] == "Youtuber"
    assert youtube.fields["display_name"] == "Title"
    assert youtube.fields["followers"] == "subscribers"
    assert youtube.fields["posts"] == "uploads"
    assert youtube.fields["total_views"] == "video_views"


def test_a_given_mapping_wins_and_null_unmaps() -> None:
    mapping = resolve_mapping(
        ["name", "Subs", "followers", "bio"],
        {"handle": "name", "followers": "subs", "bio": None},
        platform_given=True,
    )
    assert mapping.fields["handle"] == "name"
    assert mapping.fields["followers"] == "Subs"
    assert "bio" not in mapping.fields


@pytest.mark.parametrize(
    ("columns", "explicit", "platform_given", "field"),
    [
        (["handle", "followers"], {"likes_per_day": "x"}, True, "mapping.likes_per_day"),
        (["handle", "followers"], {"followers": "Subs"}, True, "mapping.followers"),
        (["followers", "bio"], {}, True, "mapping.handle"),
        (["handle", "bio"], {}, True, "mapping.followers"),
        (["handle", "followers"], {}, False, "platform"),
    ],
)
def test_mapping_problems_name_the_field(
    columns: list[str], explicit: dict[str, str], platform_given: bool, field: str
) -> None:
    with pytest.raises(InvalidField) as error:
        resolve_mapping(columns, explicit, platform_given=platform_given)
    assert error.value.field == field


def parser(**fields: str) -> RowParser:
    return RowParser(ColumnMapping(fields=fields, unmapped=[]), platform=Platform.INSTAGRAM, currency="USD")


def test_a_messy_but_valid_row() -> None:
    row = parser(
        handle="u",
        followers="f",
        avg_likes="l",
        engagement_rate="er",
        country="c",
        categories="cat",
        audience_countries="ac",
        audience_ages="aa",
        **{"rate_card.post": "p", "rate_card.story": "s"},
        last_refreshed_at="d",
    ).parse(
        {
            "u": " @Jane.Doe ",
            "f": "1.2m",
            "l": "24,5k",
            "er": "2.1%",
            "c": "CÃ´te d'Ivoire",
            "cat": "Beauty; Fashion | beauty",
            "ac": "US:40%; United Kingdom:0.2",
            "aa": "18 - 24:0.5;25-34:30%",
            "p": "$1,200",
            "s": "300",
            "d": "2026-03-01",
        }
    )
    facts = row.facts
    assert facts.handle == "jane.doe"
    assert facts.display_name == "@Jane.Doe"
    assert facts.followers == 1_200_000
    assert facts.avg_likes == 24_500
    assert facts.reported_engagement_rate == pytest.approx(0.021)
    assert facts.country == "CI"
    assert facts.categories == ("beauty", "fashion")
    assert facts.audience.countries == {"US": 0.4, "GB": 0.2}
    assert facts.audience.ages == {"18-24": 0.5, "25-34": 0.3}
    assert facts.rate_card is not None
    assert facts.rate_card.prices == {"post": 120_000, "story": 30_000}
    assert facts.last_refreshed_at == datetime(2026, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"u": "", "f": "10"}, "handle"),
        ({"u": "a", "f": ""}, "followers"),
        ({"u": "a", "f": "12x"}, "followers"),
        ({"u": "a", "f": "-3"}, "followers"),
        ({"u": "a", "f": "10", "p": "$10", "cur": "EUR", "s": "€5"}, "rate_card"),
        ({"u": "a", "f": "10", "pl": "myspace"}, "platform"),
    ],
)
def test_bad_rows_name_the_field(values: dict[str, str], field: str) -> None:
    row_parser = parser(
        handle="u",
        followers="f",
        country="c",
        audience_countries="ac",
        currency="cur",
        platform="pl",
        last_refreshed_at="d",
        **{"rate_card.post": "p", "rate_card.story": "s"},
    )
    with pytest.raises(RowError) as error:
        row_parser.parse(values)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("values", "warning"),
    [
        ({"c": "Atlantis"}, ("c", "country", "'Atlantis' is not a known country")),
        ({"c": "#N/A"}, ("c", "country", "'#N/A' is a spreadsheet error")),
        ({"ac": "US:0.8;GB:0.4"}, ("ac", "audience.countries", "shares sum to 1.2; they must sum to at most 1")),
        ({"ac": "US"}, ("ac", "audience.countries", "'US' is not segment:share")),
        ({"d": "yesterday"}, ("d", "last_refreshed_at", "'yesterday' is not an ISO 8601 date or time")),
        ({"n": "#DIV/0!"}, ("n", "posts", "'#DIV/0!' is a spreadsheet error")),
        ({"n": "lots"}, ("n", "posts", "'lots' is not a number")),
    ],
)
def test_a_bad_optional_cell_is_a_warning_and_the_row_is_kept(
    values: dict[str, str], warning: tuple[str, str, str]
) -> None:
    row = parser(
        handle="u", followers="f", country="c", audience_countries="ac", last_refreshed_at="d", posts="n"
    ).parse({"u": "kept", "f": "10", **values})
    assert (row.facts.handle, row.facts.followers) == ("kept", 10)
    assert row.warnings == (warning,)
    assert (row.facts.country, row.facts.audience.countries, row.facts.posts) == (None, {}, None)


def test_averages_from_totals_unless_there_are_no_posts() -> None:
    p = RowParser(
        ColumnMapping(fields={"handle": "h", "followers": "f", "posts": "n", "total_views": "v"}, unmapped=[]),
        platform=Platform.YOUTUBE,
        currency="USD",
    )
    assert p.parse({"h": "a", "f": "1e6", "n": "100", "v": "2.28E+9"}).facts.avg_views == 22_800_000
    assert p.parse({"h": "a", "f": "1e6", "n": "0", "v": "2.28E+9"}).facts.avg_views is None


def test_ndjson_values_and_nested_objects() -> None:
    p = parser(handle="handle", followers="followers", audience="audience", rate_card="rate_card", contact="contact")
    facts = p.parse(
        {
            "handle": "a",
            "followers": 1500,
            "audience": {"genders": {"female": 0.6, "male": 0.4}, "countries": {"DE": 0.7}},
            "rate_card": {"post": {"amount_minor": 9900, "currency": "EUR"}},
            "contact": {"email": "a@example.com"},
        }
    ).facts
    assert facts.audience.genders == {"female": 0.6, "male": 0.4}
    assert facts.audience.countries == {"DE": 0.7}
    assert facts.rate_card is not None
    assert facts.rate_card.currency == "EUR"
    assert facts.contact.email == "a@example.com"


def test_an_import_changes_only_the_facts_its_row_states() -> None:
    existing = ProfileFacts(Platform.INSTAGRAM, "a", 1_000, bio="keeps", country="FR")
    row = parser(handle="h", followers="f", country="c").parse({"h": "a", "f": "2k", "c": ""})
    merged = merge(existing, row)
    assert merged.followers == 2_000
    assert merged.bio == "keeps"
    assert merged.country == "FR"


# The one-pass reading of `US:0.35;GB:0.2` (imports parse it on most rows) must agree with the
# general reading wherever it answers at all; anything it does not answer goes the general way.
_SEGMENT_SPELLINGS = {
    "country": ["US", "GB", " de ", "Germany", "USA", "CÃ´te d'Ivoire", "Atlantis", "", "U=S"],
    "age": ["18-24", "25 - 34", "65+", "13-17", "old", ""],
    "gender": ["female", "F", "men", "other", "Women ", ""],
}
_SHARE_SPELLINGS = st.one_of(
    st.floats(min_value=0, max_value=1, allow_nan=False).map(lambda f: f"{f:.3f}"),
    st.sampled_from(["35%", "35", "1.5", "-0.1", "nan", "", " 0.2 ", "1e-1", "x", "inf", "1,5"]),
)


@given(
    keys=st.sampled_from(sorted(_SEGMENT_SPELLINGS)),
    data=st.data(),
    separator=st.sampled_from([";", ",", "|", "; "]),
    colon=st.sampled_from([":", "=", ": "]),
)
@settings(max_examples=400, deadline=None)
def test_the_fast_reading_of_shares_agrees_with_the_general_one(
    keys: str, data: st.DataObject, separator: str, colon: str
) -> None:
    pairs = data.draw(
        st.lists(st.tuples(st.sampled_from(_SEGMENT_SPELLINGS[keys]), _SHARE_SPELLINGS), min_size=1, max_size=4)
    )
    cell = separator.join(f"{key}{colon}{share}" for key, share in pairs)
    fast = _plain_shares(cell, keys)
    if fast is None:
        return
    assert fast == _any_shares(cell, "audience", keys=keys)


def test_shares_read_the_same_on_the_fast_path_and_off_it() -> None:
    assert read_shares("US:0.354;TR:0.318;IN:0.098", "audience.countries", keys="country") == {
        "US": 0.354,
        "TR": 0.318,
        "IN": 0.098,
    }
    # Off it: a percentage, a repeated country (summed), spelled-out names.
    assert read_shares("United States:40%;usa:0.1;Germany=0.2", "audience.countries", keys="country") == {
        "US": 0.5,
        "DE": 0.2,
    }
    with pytest.raises(RowError, match="'Atlantis' is not a known country"):
        read_shares("US:0.2;Atlantis:0.1", "audience.countries", keys="country")


LARGEST = 2**63 - 1


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        (
            {"u": "a", "f": "9223372036854775808"},
            f"followers: 9223372036854775808 is larger than the largest count we store ({LARGEST})",
        ),
        ({"u": "a", "f": "1e20"}, "followers: 100000000000000000000 is larger than the largest count we store"),
        ({"u": "a", "f": "10", "n": "9.3e18"}, "posts: 9300000000000000000 is larger than the largest count we store"),
        ({"u": "a", "f": "10", "p": "$1e20"}, "rate_card.post: '$1e20' is larger than the largest amount we store"),
        ({"u": "a", "f": "10", "name": "n" * 201}, "display_name: 201 characters; at most 200"),
        ({"u": "@" * 250 + "a", "f": "10"}, "display_name: 251 characters; at most 200"),
        ({"u": "a", "f": "10", "bio": "a\x00b"}, "bio: holds a NUL character, which cannot be stored"),
        ({"u": "a\x00", "f": "10"}, "handle: holds a NUL character, which cannot be stored"),
        ({"u": "a", "f": "10", "cat": "food;x\x00y"}, "categories: holds a NUL character, which cannot be stored"),
        (
            {"u": "a", "f": "10", "d": "0001-01-01T00:00:00+05:00"},
            "last_refreshed_at: '0001-01-01T00:00:00+05:00' is not a time we can store",
        ),
    ],
)
def test_a_row_the_database_would_refuse_is_rejected_with_a_plain_reason(values: dict[str, str], reason: str) -> None:
    # Each of these once failed its whole chunk (and the job) when the database refused it.
    row_parser = parser(
        handle="u",
        followers="f",
        posts="n",
        display_name="name",
        bio="bio",
        categories="cat",
        last_refreshed_at="d",
        **{"rate_card.post": "p"},
    )
    with pytest.raises(RowError) as error:
        row_parser.parse(values)
    assert str(error.value).startswith(reason)


def test_the_largest_count_we_store_is_read_exactly() -> None:
    p = parser(handle="u", followers="f")
    assert p.parse({"u": "a", "f": str(LARGEST)}).facts.followers == LARGEST


@pytest.mark.parametrize(
    ("rate_card", "reason"),
    [
        ({"post": {"amount_minor": 10**30, "currency": "EUR"}}, "larger than the largest amount we store"),
        ({"post": {"amount_minor": "lots", "currency": "EUR"}}, "rate_card.post: 'lots' is not an amount in minor"),
        ({"post": {"amount_minor": 100, "currency": "EURO"}}, "rate_card.post: 'EURO' is not an ISO 4217 code"),
    ],
)
def test_ndjson_prices_the_database_would_refuse(rate_card: dict[str, object], reason: str) -> None:
    p = parser(handle="handle", followers="followers", rate_card="rate_card")
    with pytest.raises(RowError) as error:
        p.parse({"handle": "a", "followers": 10, "rate_card": rate_card})
    assert reason in str(error.value)
    assert "int()" not in str(error.value)
