from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.adjustment_public import AdjustmentPublic
    from ..models.attribution_public import AttributionPublic
    from ..models.money import Money


T = TypeVar("T", bound="ConversionPublic")


@_attrs_define
class ConversionPublic:
    """
    Attributes:
        id (UUID):
        order_id (str):
        amount (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
        net (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
        counts (bool): Counted as a conversion: net above zero and not cancelled
        cancelled (bool):
        occurred_at (datetime.datetime):
        received_at (datetime.datetime):
        click_id (None | str):
        promo_code (None | str):
        attribution (AttributionPublic):
        adjustments (list[AdjustmentPublic] | None): Listed on GET of one conversion
    """

    id: UUID
    order_id: str
    amount: Money
    net: Money
    counts: bool
    cancelled: bool
    occurred_at: datetime.datetime
    received_at: datetime.datetime
    click_id: None | str
    promo_code: None | str
    attribution: AttributionPublic
    adjustments: list[AdjustmentPublic] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        order_id = self.order_id

        amount = self.amount.to_dict()

        net = self.net.to_dict()

        counts = self.counts

        cancelled = self.cancelled

        occurred_at = self.occurred_at.isoformat()

        received_at = self.received_at.isoformat()

        click_id: None | str
        click_id = self.click_id

        promo_code: None | str
        promo_code = self.promo_code

        attribution = self.attribution.to_dict()

        adjustments: list[dict[str, Any]] | None
        if isinstance(self.adjustments, list):
            adjustments = []
            for adjustments_type_0_item_data in self.adjustments:
                adjustments_type_0_item = adjustments_type_0_item_data.to_dict()
                adjustments.append(adjustments_type_0_item)

        else:
            adjustments = self.adjustments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "order_id": order_id,
                "amount": amount,
                "net": net,
                "counts": counts,
                "cancelled": cancelled,
                "occurred_at": occurred_at,
                "received_at": received_at,
                "click_id": click_id,
                "promo_code": promo_code,
                "attribution": attribution,
                "adjustments": adjustments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_public import AdjustmentPublic  # noqa: PLC0415
        from ..models.attribution_public import AttributionPublic  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        order_id = d.pop("order_id")

        amount = Money.from_dict(d.pop("amount"))

        net = Money.from_dict(d.pop("net"))

        counts = d.pop("counts")

        cancelled = d.pop("cancelled")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        def _parse_click_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        click_id = _parse_click_id(d.pop("click_id"))

        def _parse_promo_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        promo_code = _parse_promo_code(d.pop("promo_code"))

        attribution = AttributionPublic.from_dict(d.pop("attribution"))

        def _parse_adjustments(data: object) -> list[AdjustmentPublic] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                adjustments_type_0 = []
                _adjustments_type_0 = data
                for adjustments_type_0_item_data in _adjustments_type_0:
                    adjustments_type_0_item = AdjustmentPublic.from_dict(adjustments_type_0_item_data)

                    adjustments_type_0.append(adjustments_type_0_item)

                return adjustments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AdjustmentPublic] | None, data)

        adjustments = _parse_adjustments(d.pop("adjustments"))

        conversion_public = cls(
            id=id,
            order_id=order_id,
            amount=amount,
            net=net,
            counts=counts,
            cancelled=cancelled,
            occurred_at=occurred_at,
            received_at=received_at,
            click_id=click_id,
            promo_code=promo_code,
            attribution=attribution,
            adjustments=adjustments,
        )

        conversion_public.additional_properties = d
        return conversion_public

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
