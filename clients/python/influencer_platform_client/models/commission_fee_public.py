from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="CommissionFeePublic")


@_attrs_define
class CommissionFeePublic:
    """
    Attributes:
        kind (Literal['commission']):
        rate_bps (int):
        cap (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
    """

    kind: Literal["commission"]
    rate_bps: int
    cap: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        rate_bps = self.rate_bps

        cap = self.cap.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["commission"], d.pop("kind"))
        if kind != "commission":
            raise ValueError(f"kind must match const 'commission', got '{kind}'")

        rate_bps = d.pop("rate_bps")

        cap = Money.from_dict(d.pop("cap"))

        commission_fee_public = cls(
            kind=kind,
            rate_bps=rate_bps,
            cap=cap,
        )

        commission_fee_public.additional_properties = d
        return commission_fee_public

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
