from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_figure import MoneyFigure


T = TypeVar("T", bound="MoneyFigures")


@_attrs_define
class MoneyFigures:
    """
    Attributes:
        revenue (MoneyFigure): An amount in the scope's currency, the exchange rates it used, and what no rate covered.
        fees (MoneyFigure): An amount in the scope's currency, the exchange rates it used, and what no rate covered.
        spend (MoneyFigure): An amount in the scope's currency, the exchange rates it used, and what no rate covered.
        emv (MoneyFigure | None):
    """

    revenue: MoneyFigure
    fees: MoneyFigure
    spend: MoneyFigure
    emv: MoneyFigure | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_figure import MoneyFigure  # noqa: PLC0415

        revenue = self.revenue.to_dict()

        fees = self.fees.to_dict()

        spend = self.spend.to_dict()

        emv: dict[str, Any] | None
        if isinstance(self.emv, MoneyFigure):
            emv = self.emv.to_dict()
        else:
            emv = self.emv

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revenue": revenue,
                "fees": fees,
                "spend": spend,
                "emv": emv,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_figure import MoneyFigure  # noqa: PLC0415

        d = dict(src_dict)
        revenue = MoneyFigure.from_dict(d.pop("revenue"))

        fees = MoneyFigure.from_dict(d.pop("fees"))

        spend = MoneyFigure.from_dict(d.pop("spend"))

        def _parse_emv(data: object) -> MoneyFigure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                emv_type_0 = MoneyFigure.from_dict(data)

                return emv_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyFigure | None, data)

        emv = _parse_emv(d.pop("emv"))

        money_figures = cls(
            revenue=revenue,
            fees=fees,
            spend=spend,
            emv=emv,
        )

        money_figures.additional_properties = d
        return money_figures

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
