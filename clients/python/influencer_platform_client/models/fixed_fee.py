from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.positive_money_in import PositiveMoneyIn


T = TypeVar("T", bound="FixedFee")


@_attrs_define
class FixedFee:
    """
    Attributes:
        kind (Literal['fixed']):
        amount (PositiveMoneyIn): An amount that must be more than zero (a fee, a cap, a declared value).
    """

    kind: Literal["fixed"]
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
        kind = cast(Literal["fixed"], d.pop("kind"))
        if kind != "fixed":
            raise ValueError(f"kind must match const 'fixed', got '{kind}'")

        amount = PositiveMoneyIn.from_dict(d.pop("amount"))

        fixed_fee = cls(
            kind=kind,
            amount=amount,
        )

        return fixed_fee
