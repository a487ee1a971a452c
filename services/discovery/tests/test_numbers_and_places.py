"""Numbers and places as exports write them."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discovery.domain.numbers import NumberFormatError, parse_count, parse_money, parse_number, parse_rate
from discovery.domain.places import UnknownPlace, normalize_country, normalize_language, repair_mojibake


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("475.8m", 475_800_000),
        ("3.3k", 3_300),
        ("29.0b", 29_000_000_000),
        ("0.89k", 890),
        ("1,234", 1_234),
        ("1,234,567", 1_234_567),
        ("1 234", 1_234),
        ("1.234.567", 1_234_567),
        ("2.28E+11", 228_000_000_000),
        ("245000000", 245_000_000),
        ("12.5K", 12_500),
        ("1.2bn", 1_200_000_000),
        (" 7 ", 7),
        (42, 42),
        (3.0, 3),
    ],
)
def test_counts_in_the_formats_exports_use(raw: object, expected: int) -> None:
    assert parse_count(raw) == expected


@pytest.mark.parametrize("raw", ["", "nan", "NaN", "N/A", "-", "null", None, math.nan, "  "])
def test_missing_cells_are_none_not_errors(raw: object) -> None:
    assert parse_count(raw) is None
    assert parse_rate(raw) is None


@pytest.mark.parametrize("raw", ["12x", "abc", "1,2,3", "5 followers", "inf", "1e999", True])
def test_garbage_is_refused(raw: object) -> None:
    with pytest.raises(NumberFormatError):
        parse_count(raw)


def test_a_percentage_where_a_count_belongs_is_named_as_such() -> None:
    # An `Eng. (Avg.)` column is average engagements; a rate in it is a mapping mistake to show.
    with pytest.raises(NumberFormatError, match=r"'1\.39%' is a percentage, not a count or an amount"):
        parse_count("1.39%")
    with pytest.raises(NumberFormatError, match="is a percentage"):
        parse_number(" 12,5 % ")


def test_negative_counts_are_refused() -> None:
    with pytest.raises(NumberFormatError, match="negative"):
        parse_count("-5")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.39%", 0.0139),
        ("10.25%", 0.1025),
        ("0.5 %", 0.005),
        ("12,5%", 0.125),
        ("0.05", 0.05),
        ("3.2", 0.032),
        (0.02, 0.02),
        ("NaN%", None),
    ],
)
def test_rates_become_fractions(raw: object, expected: float | None) -> None:
    value = parse_rate(raw)
    if expected is None:
        assert value is None
    else:
        assert value == pytest.approx(expected)


def test_decimal_comma_and_point_are_told_apart() -> None:
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("12,5") == 12.5


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("$1,200", (120_000, "USD")),
        ("1.5k EUR", (150_000, "EUR")),
        ("EUR 99.99", (9_999, "EUR")),
        ("€99.99", (9_999, "EUR")),
        ("£40", (4_000, "GBP")),
        ("¥5000", (5_000, "JPY")),
        ("250", (25_000, "CAD")),
        ("nan", None),
    ],
)
def test_money_in_minor_units(raw: str, expected: tuple[int, str] | None) -> None:
    assert parse_money(raw, "CAD") == expected


@given(st.integers(min_value=0, max_value=10**15))
def test_thousands_separators_round_trip(n: int) -> None:
    assert parse_count(f"{n:,}") == n
    assert parse_count(str(n)) == n


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("United Kingdom", "GB"),
        ("uk", "GB"),
        ("GBR", "GB"),
        ("gb", "GB"),
        ("United States", "US"),
        ("Russia", "RU"),
        ("Turkey", "TR"),
        ("South Korea", "KR"),
        ("Czech Republic", "CZ"),
        ("British Virgin Islands", "VG"),
        ("CÃ´te d'Ivoire", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("cote d'ivoire", "CI"),
        ("NaN", None),
    ],
)
def test_countries_become_iso_codes(raw: str, code: str | None) -> None:
    assert normalize_country(raw) == code


def test_unknown_country_is_named() -> None:
    with pytest.raises(UnknownPlace, match="Atlantis"):
        normalize_country("Atlantis")


def test_languages_become_iso_639_1() -> None:
    assert normalize_language("English") == "en"
    assert normalize_language("pt-BR") == "pt"
    assert normalize_language("es") == "es"
    with pytest.raises(UnknownPlace):
        normalize_language("Klingonese")


def test_mojibake_is_repaired_and_clean_text_left_alone() -> None:
    assert repair_mojibake("CÃ´te d'Ivoire") == "Côte d'Ivoire"
    assert repair_mojibake("São Paulo") == "São Paulo"
