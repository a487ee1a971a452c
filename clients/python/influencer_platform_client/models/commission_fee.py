from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.positive_money_in import PositiveMoneyIn


T = TypeVar("T", bound="CommissionFee")


@_attrs_define
class CommissionFee:
    """
    Attributes:
        kind (Literal['commission']):
        rate_bps (int): Share of attributed sales in basis points (1000 = 10%)
        cap (PositiveMoneyIn): An amount that must be more than zero (a fee, a cap, a declared value).
    """

    kind: Literal["commission"]
    rate_bps: int
    cap: PositiveMoneyIn

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        rate_bps = self.rate_bps

        cap = self.cap.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "rate_bps": rate_bps,
                "cap": cap,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.positive_money_in import PositiveMoneyIn  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["commission"], d.pop("kind"))
        if kind != "commission":
            raise ValueError(f"kind must match const 'commission', got '{kind}'")

        rate_bps = d.pop("rate_bps")

        cap = PositiveMoneyIn.from_dict(d.pop("cap"))

        commission_fee = cls(
            kind=kind,
            rate_bps=rate_bps,
            cap=cap,
        )

        return commission_fee
