from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.positive_money_in import PositiveMoneyIn


T = TypeVar("T", bound="GiftingFee")


@_attrs_define
class GiftingFee:
    """
    Attributes:
        kind (Literal['gifting']):
        product (str):
        declared_value (PositiveMoneyIn): An amount that must be more than zero (a fee, a cap, a declared value).
    """

    kind: Literal["gifting"]
    product: str
    declared_value: PositiveMoneyIn

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        product = self.product

        declared_value = self.declared_value.to_dict()

        field_dict: dict[str, Any] = {}

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
        from ..models.positive_money_in import PositiveMoneyIn  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["gifting"], d.pop("kind"))
        if kind != "gifting":
            raise ValueError(f"kind must match const 'gifting', got '{kind}'")

        product = d.pop("product")

        declared_value = PositiveMoneyIn.from_dict(d.pop("declared_value"))

        gifting_fee = cls(
            kind=kind,
            product=product,
            declared_value=declared_value,
        )

        return gifting_fee
