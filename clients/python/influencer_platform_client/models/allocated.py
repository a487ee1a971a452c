from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="Allocated")


@_attrs_define
class Allocated:
    """
    Attributes:
        reserved (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
        committed (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
        paid (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
    """

    reserved: Money
    committed: Money
    paid: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reserved = self.reserved.to_dict()

        committed = self.committed.to_dict()

        paid = self.paid.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reserved": reserved,
                "committed": committed,
                "paid": paid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        reserved = Money.from_dict(d.pop("reserved"))

        committed = Money.from_dict(d.pop("committed"))

        paid = Money.from_dict(d.pop("paid"))

        allocated = cls(
            reserved=reserved,
            committed=committed,
            paid=paid,
        )

        allocated.additional_properties = d
        return allocated

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
