from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.money_in_currency import MoneyInCurrency

T = TypeVar("T", bound="MoneyIn")


@_attrs_define
class MoneyIn:
    """An amount a caller sends: integer minor units of an active ISO 4217 currency.

    Attributes:
        amount_minor (int): Amount in minor units, e.g. cents
        currency (MoneyInCurrency): An active ISO 4217 code
    """

    amount_minor: int
    currency: MoneyInCurrency

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

        currency = MoneyInCurrency(d.pop("currency"))

        money_in = cls(
            amount_minor=amount_minor,
            currency=currency,
        )

        return money_in
