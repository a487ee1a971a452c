from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.conversion_in_type import ConversionInType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money_in import MoneyIn


T = TypeVar("T", bound="ConversionIn")


@_attrs_define
class ConversionIn:
    """An order, or a refund or cancellation of one (`type`).

    Attributes:
        order_id (str): The shop's own id of the order
        occurred_at (datetime.datetime): RFC 3339 with its offset (Z for UTC)
        type_ (ConversionInType | Unset):  Default: ConversionInType.ORDER.
        amount (MoneyIn | None | Unset): The order's amount, or what a refund gives back; a cancellation takes all that
            remains
        click_id (None | str | Unset): The click_id the tracking link added to the shop's URL
        promo_code (None | str | Unset):
        adjustment_id (None | str | Unset): The refund's or cancellation's own id (a refund needs one)
    """

    order_id: str
    occurred_at: datetime.datetime
    type_: ConversionInType | Unset = ConversionInType.ORDER
    amount: MoneyIn | None | Unset = UNSET
    click_id: None | str | Unset = UNSET
    promo_code: None | str | Unset = UNSET
    adjustment_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in import MoneyIn  # noqa: PLC0415

        order_id = self.order_id

        occurred_at = self.occurred_at.isoformat()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        amount: dict[str, Any] | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        elif isinstance(self.amount, MoneyIn):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        click_id: None | str | Unset
        if isinstance(self.click_id, Unset):
            click_id = UNSET
        else:
            click_id = self.click_id

        promo_code: None | str | Unset
        if isinstance(self.promo_code, Unset):
            promo_code = UNSET
        else:
            promo_code = self.promo_code

        adjustment_id: None | str | Unset
        if isinstance(self.adjustment_id, Unset):
            adjustment_id = UNSET
        else:
            adjustment_id = self.adjustment_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order_id": order_id,
                "occurred_at": occurred_at,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if amount is not UNSET:
            field_dict["amount"] = amount
        if click_id is not UNSET:
            field_dict["click_id"] = click_id
        if promo_code is not UNSET:
            field_dict["promo_code"] = promo_code
        if adjustment_id is not UNSET:
            field_dict["adjustment_id"] = adjustment_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in import MoneyIn  # noqa: PLC0415

        d = dict(src_dict)
        order_id = d.pop("order_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        _type_ = d.pop("type", UNSET)
        type_: ConversionInType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ConversionInType(_type_)

        def _parse_amount(data: object) -> MoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amount_type_0 = MoneyIn.from_dict(data)

                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyIn | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_click_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        click_id = _parse_click_id(d.pop("click_id", UNSET))

        def _parse_promo_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        promo_code = _parse_promo_code(d.pop("promo_code", UNSET))

        def _parse_adjustment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adjustment_id = _parse_adjustment_id(d.pop("adjustment_id", UNSET))

        conversion_in = cls(
            order_id=order_id,
            occurred_at=occurred_at,
            type_=type_,
            amount=amount,
            click_id=click_id,
            promo_code=promo_code,
            adjustment_id=adjustment_id,
        )

        return conversion_in
