from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sponsor_signal import SponsorSignal

T = TypeVar("T", bound="SponsorshipPublic")


@_attrs_define
class SponsorshipPublic:
    """
    Attributes:
        sponsored (bool):
        signal (SponsorSignal): Why a post was taken as sponsored (or not), strongest first.
        reason (str):
        brands (list[str]): The accounts it names as partners (its sponsor tags, else its mentions)
    """

    sponsored: bool
    signal: SponsorSignal
    reason: str
    brands: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sponsored = self.sponsored

        signal = self.signal.value

        reason = self.reason

        brands = self.brands

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sponsored": sponsored,
                "signal": signal,
                "reason": reason,
                "brands": brands,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sponsored = d.pop("sponsored")

        signal = SponsorSignal(d.pop("signal"))

        reason = d.pop("reason")

        brands = cast(list[str], d.pop("brands"))

        sponsorship_public = cls(
            sponsored=sponsored,
            signal=signal,
            reason=reason,
            brands=brands,
        )

        sponsorship_public.additional_properties = d
        return sponsorship_public

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
