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


T = TypeVar("T", bound="PartnershipMetrics")


@_attrs_define
class PartnershipMetrics:
    """
    Attributes:
        currency (None | str):
        totals (TotalsPublic):
        kpis (KpisPublic):
        money (MoneyFigures | None):
        partnership_id (UUID):
        campaign_id (UUID):
        influencer_id (UUID):
        state (str):
    """

    currency: None | str
    totals: TotalsPublic
    kpis: KpisPublic
    money: MoneyFigures | None
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    state: str
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

        partnership_id = str(self.partnership_id)

        campaign_id = str(self.campaign_id)

        influencer_id = str(self.influencer_id)

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "totals": totals,
                "kpis": kpis,
                "money": money,
                "partnership_id": partnership_id,
                "campaign_id": campaign_id,
                "influencer_id": influencer_id,
                "state": state,
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

        partnership_id = UUID(d.pop("partnership_id"))

        campaign_id = UUID(d.pop("campaign_id"))

        influencer_id = UUID(d.pop("influencer_id"))

        state = d.pop("state")

        partnership_metrics = cls(
            currency=currency,
            totals=totals,
            kpis=kpis,
            money=money,
            partnership_id=partnership_id,
            campaign_id=campaign_id,
            influencer_id=influencer_id,
            state=state,
        )

        partnership_metrics.additional_properties = d
        return partnership_metrics

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
