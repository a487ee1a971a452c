from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="GiftingFeePublic")


@_attrs_define
class GiftingFeePublic:
    """
    Attributes:
        kind (Literal['gifting']):
        product (str):
        declared_value (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
    """

    kind: Literal["gifting"]
    product: str
    declared_value: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        product = self.product

        declared_value = self.declared_value.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "product": product,
                "declared_value": declared_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["gifting"], d.pop("kind"))
        if kind != "gifting":
            raise ValueError(f"kind must match const 'gifting', got '{kind}'")

        product = d.pop("product")

        declared_value = Money.from_dict(d.pop("declared_value"))

        gifting_fee_public = cls(
            kind=kind,
            product=product,
            declared_value=declared_value,
        )

        gifting_fee_public.additional_properties = d
        return gifting_fee_public

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
