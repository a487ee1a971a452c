from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.positive_money_in import PositiveMoneyIn


T = TypeVar("T", bound="PerDeliverableFee")


@_attrs_define
class PerDeliverableFee:
    """
    Attributes:
        kind (Literal['per_deliverable']):
        amount (PositiveMoneyIn): An amount that must be more than zero (a fee, a cap, a declared value).
    """

    kind: Literal["per_deliverable"]
    amount: PositiveMoneyIn

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        amount = self.amount.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.positive_money_in import PositiveMoneyIn  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["per_deliverable"], d.pop("kind"))
        if kind != "per_deliverable":
            raise ValueError(f"kind must match const 'per_deliverable', got '{kind}'")

        amount = PositiveMoneyIn.from_dict(d.pop("amount"))

        per_deliverable_fee = cls(
            kind=kind,
            amount=amount,
        )

        return per_deliverable_fee
