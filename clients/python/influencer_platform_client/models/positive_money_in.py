from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.positive_money_in_currency import PositiveMoneyInCurrency

T = TypeVar("T", bound="PositiveMoneyIn")


@_attrs_define
class PositiveMoneyIn:
    """An amount that must be more than zero (a fee, a cap, a declared value).

    Attributes:
        amount_minor (int): Amount in minor units, e.g. cents
        currency (PositiveMoneyInCurrency): An active ISO 4217 code
    """

    amount_minor: int
    currency: PositiveMoneyInCurrency

    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        currency = self.currency.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_minor": amount_minor,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = PositiveMoneyInCurrency(d.pop("currency"))

        positive_money_in = cls(
            amount_minor=amount_minor,
            currency=currency,
        )

        return positive_money_in
