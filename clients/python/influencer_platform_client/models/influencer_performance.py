from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kpis_public import KpisPublic
    from ..models.money_figures import MoneyFigures
    from ..models.totals_public import TotalsPublic


T = TypeVar("T", bound="InfluencerPerformance")


@_attrs_define
class InfluencerPerformance:
    """
    Attributes:
        currency (None | str):
        totals (TotalsPublic):
        kpis (KpisPublic):
        money (MoneyFigures | None):
        influencer_id (UUID):
        partnerships (int):
        campaigns (list[UUID]):
    """

    currency: None | str
    totals: TotalsPublic
    kpis: KpisPublic
    money: MoneyFigures | None
    influencer_id: UUID
    partnerships: int
    campaigns: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_figures import MoneyFigures  # noqa: PLC0415

        currency: None | str
        currency = self.currency

        totals = self.totals.to_dict()

        kpis = self.kpis.to_dict()

        money: dict[str, Any] | None
        if isinstance(self.money, MoneyFigures):
            money = self.money.to_dict()
        else:
            money = self.money

        influencer_id = str(self.influencer_id)

        partnerships = self.partnerships

        campaigns = []
        for campaigns_item_data in self.campaigns:
            campaigns_item = str(campaigns_item_data)
            campaigns.append(campaigns_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "totals": totals,
                "kpis": kpis,
                "money": money,
                "influencer_id": influencer_id,
                "partnerships": partnerships,
                "campaigns": campaigns,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpis_public import KpisPublic  # noqa: PLC0415
        from ..models.money_figures import MoneyFigures  # noqa: PLC0415
        from ..models.totals_public import TotalsPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        totals = TotalsPublic.from_dict(d.pop("totals"))

        kpis = KpisPublic.from_dict(d.pop("kpis"))

        def _parse_money(data: object) -> MoneyFigures | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                money_type_0 = MoneyFigures.from_dict(data)

                return money_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyFigures | None, data)

        money = _parse_money(d.pop("money"))

        influencer_id = UUID(d.pop("influencer_id"))

        partnerships = d.pop("partnerships")

        campaigns = []
        _campaigns = d.pop("campaigns")
        for campaigns_item_data in _campaigns:
            campaigns_item = UUID(campaigns_item_data)

            campaigns.append(campaigns_item)

        influencer_performance = cls(
            currency=currency,
            totals=totals,
            kpis=kpis,
            money=money,
            influencer_id=influencer_id,
            partnerships=partnerships,
            campaigns=campaigns,
        )

        influencer_performance.additional_properties = d
        return influencer_performance

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
