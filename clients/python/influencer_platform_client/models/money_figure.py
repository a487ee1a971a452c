from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.amount_public import AmountPublic
    from ..models.rate_used_public import RateUsedPublic


T = TypeVar("T", bound="MoneyFigure")


@_attrs_define
class MoneyFigure:
    """An amount in the scope's currency, the exchange rates it used, and what no rate covered.

    Attributes:
        amount_minor (int):
        currency (str):
        complete (bool): False: part of it is in a currency without a rate (see `unconverted`)
        rates_used (list[RateUsedPublic]):
        unconverted (list[AmountPublic]):
    """

    amount_minor: int
    currency: str
    complete: bool
    rates_used: list[RateUsedPublic]
    unconverted: list[AmountPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        currency = self.currency

        complete = self.complete

        rates_used = []
        for rates_used_item_data in self.rates_used:
            rates_used_item = rates_used_item_data.to_dict()
            rates_used.append(rates_used_item)

        unconverted = []
        for unconverted_item_data in self.unconverted:
            unconverted_item = unconverted_item_data.to_dict()
            unconverted.append(unconverted_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_minor": amount_minor,
                "currency": currency,
                "complete": complete,
                "rates_used": rates_used,
                "unconverted": unconverted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount_public import AmountPublic  # noqa: PLC0415
        from ..models.rate_used_public import RateUsedPublic  # noqa: PLC0415

        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        complete = d.pop("complete")

        rates_used = []
        _rates_used = d.pop("rates_used")
        for rates_used_item_data in _rates_used:
            rates_used_item = RateUsedPublic.from_dict(rates_used_item_data)

            rates_used.append(rates_used_item)

        unconverted = []
        _unconverted = d.pop("unconverted")
        for unconverted_item_data in _unconverted:
            unconverted_item = AmountPublic.from_dict(unconverted_item_data)

            unconverted.append(unconverted_item)

        money_figure = cls(
            amount_minor=amount_minor,
            currency=currency,
            complete=complete,
            rates_used=rates_used,
            unconverted=unconverted,
        )

        money_figure.additional_properties = d
        return money_figure

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
