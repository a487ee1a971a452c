from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.exchange_rate_create_base import ExchangeRateCreateBase
from ..models.exchange_rate_create_quote import ExchangeRateCreateQuote

T = TypeVar("T", bound="ExchangeRateCreate")


@_attrs_define
class ExchangeRateCreate:
    """
    Attributes:
        base (ExchangeRateCreateBase): An active ISO 4217 code
        quote (ExchangeRateCreateQuote): An active ISO 4217 code
        rate (str): What one unit of `base` is worth in `quote`, as decimal text (e.g. "1.0842")
        valid_on (datetime.date): The first day the rate is in force
    """

    base: ExchangeRateCreateBase
    quote: ExchangeRateCreateQuote
    rate: str
    valid_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        base = self.base.value

        quote = self.quote.value

        rate = self.rate

        valid_on = self.valid_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "base": base,
                "quote": quote,
                "rate": rate,
                "valid_on": valid_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base = ExchangeRateCreateBase(d.pop("base"))

        quote = ExchangeRateCreateQuote(d.pop("quote"))

        rate = d.pop("rate")

        valid_on = datetime.date.fromisoformat(d.pop("valid_on"))

        exchange_rate_create = cls(
            base=base,
            quote=quote,
            rate=rate,
            valid_on=valid_on,
        )

        return exchange_rate_create
