"""Currencies are the active ISO 4217 codes of money; amounts have a documented ceiling."""

import pytest
from pydantic import TypeAdapter, ValidationError

from contracts.money import CURRENCIES, MAX_AMOUNT_MINOR, Currency

CURRENCY = TypeAdapter(Currency)


@pytest.mark.parametrize("code", ["EUR", "USD", "JPY", "GBP", "CHF", "BHD"])
def test_active_iso_4217_codes_are_currencies(code: str) -> None:
    assert CURRENCY.validate_python(code) == code


@pytest.mark.parametrize("code", ["ZZZ", "eur", "EURO", "HRK", "XXX", "XTS", "XAU", ""])
def test_anything_else_is_not(code: str) -> None:
    with pytest.raises(ValidationError):
        CURRENCY.validate_python(code)


def test_the_list_is_iso_4217_and_the_ceiling_is_exact_in_a_double() -> None:
    assert len(CURRENCIES) > 150
    assert MAX_AMOUNT_MINOR < 2**53
    # the sum of many amounts still fits a 64-bit column
    assert MAX_AMOUNT_MINOR * 1000 < 2**63
