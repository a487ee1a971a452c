"""Amounts in other currencies are converted with the org's dated rates, each rate shown, and
never mixed silently: what no rate covers is reported apart."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from metrics.domain.money import (
    DatedAmount,
    ExchangeRate,
    RateBook,
    Unconverted,
    convert_all,
    convert_minor,
    minor_exponent,
    rate_text,
)

D1, D2, D3 = date(2026, 3, 1), date(2026, 3, 10), date(2026, 3, 20)


def rate(base: str, quote: str, value: str, on: date) -> ExchangeRate:
    return ExchangeRate(uuid.uuid4(), base, quote, Decimal(value), on)


@pytest.mark.parametrize(
    ("amount", "value", "source", "target", "expected"),
    [
        (10_000, "0.92", "USD", "EUR", 9_200),  # 100.00 USD -> 92.00 EUR
        (10_000, "160.5", "USD", "JPY", 16_050),  # 100.00 USD -> 16050 JPY (no minor unit)
        (16_050, "0.00623", "JPY", "USD", 9_999),  # 16050 JPY -> 99.99 USD (99.9915)
        (1_000, "3.25", "KWD", "EUR", 325),  # 1.000 KWD -> 3.25 EUR
        (125, "0.5", "EUR", "EUR", 62),  # 0.625 -> 0.62: half to even
        (135, "0.5", "EUR", "EUR", 68),  # 0.675 -> 0.68
        (-10_000, "0.92", "USD", "EUR", -9_200),  # a refund stays negative
    ],
)
def test_minor_units_convert_with_each_currencys_exponent(
    amount: int, value: str, source: str, target: str, expected: int
) -> None:
    assert convert_minor(amount, Decimal(value), source, target) == expected


def test_exponents_come_from_iso_4217() -> None:
    assert (minor_exponent("EUR"), minor_exponent("JPY"), minor_exponent("KWD")) == (2, 0, 3)


def test_the_rate_in_force_is_the_latest_on_or_before_the_date_and_an_inverse_serves_too() -> None:
    march, mid = rate("USD", "EUR", "0.90", D1), rate("USD", "EUR", "0.95", D2)
    inverse = rate("EUR", "USD", "1.25", D3)
    book = RateBook([march, mid, inverse])
    assert book.rate("USD", "EUR", date(2026, 2, 28)) is None
    assert book.rate("USD", "EUR", D1).rate == Decimal("0.90")
    assert book.rate("USD", "EUR", date(2026, 3, 15)).rate == Decimal("0.95")
    later = book.rate("USD", "EUR", D3)
    assert (later.rate, later.inverse, later.rate_id) == (Decimal("0.8"), True, inverse.id)
    assert book.rate("EUR", "USD", D2).rate == Decimal("1.052631578947")  # 1 / 0.95, to 12 places


def test_amounts_sharing_a_rate_are_added_then_converted_once() -> None:
    book = RateBook([rate("USD", "EUR", "0.333", D1)])
    amounts = [DatedAmount(1, "USD", D2)] * 3 + [DatedAmount(500, "EUR", D2)]
    total = convert_all(amounts, "EUR", book)
    # 3 cents at 0.333 is 0.999 -> 1 cent once; per amount it would be 0 + 0 + 0.
    assert (total.amount_minor, total.complete) == (501, True)
    (use,) = total.rates_used
    assert (use.source_minor, use.target_minor, rate_text(use.rate.rate)) == (3, 1, "0.333")


def test_what_no_rate_covers_is_kept_apart_and_the_total_is_not_known() -> None:
    book = RateBook([rate("USD", "EUR", "0.9", D2)])
    amounts = [
        DatedAmount(10_000, "EUR", D1),
        DatedAmount(10_000, "USD", D1),  # before the first USD rate
        DatedAmount(10_000, "USD", D3),
        DatedAmount(-2_000, "GBP", D3),
    ]
    total = convert_all(amounts, "EUR", book)
    assert total.amount_minor == 19_000
    assert total.unconverted == (Unconverted("GBP", -2_000), Unconverted("USD", 10_000))
    assert (total.complete, total.known_minor) == (False, None)
