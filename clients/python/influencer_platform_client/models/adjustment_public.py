from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="AdjustmentPublic")


@_attrs_define
class AdjustmentPublic:
    """
    Attributes:
        id (UUID):
        adjustment_id (str):
        type_ (str):
        amount (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
        occurred_at (datetime.datetime):
    """

    id: UUID
    adjustment_id: str
    type_: str
    amount: Money
    occurred_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        adjustment_id = self.adjustment_id

        type_ = self.type_

        amount = self.amount.to_dict()

        occurred_at = self.occurred_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "adjustment_id": adjustment_id,
                "type": type_,
                "amount": amount,
                "occurred_at": occurred_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        adjustment_id = d.pop("adjustment_id")

        type_ = d.pop("type")

        amount = Money.from_dict(d.pop("amount"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        adjustment_public = cls(
            id=id,
            adjustment_id=adjustment_id,
            type_=type_,
            amount=amount,
            occurred_at=occurred_at,
        )

        adjustment_public.additional_properties = d
        return adjustment_public

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
