from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.emv_values_public_per_mille_minor import EmvValuesPublicPerMilleMinor


T = TypeVar("T", bound="EmvValuesPublic")


@_attrs_define
class EmvValuesPublic:
    """
    Attributes:
        currency (None | str):
        per_mille_minor (EmvValuesPublicPerMilleMinor):
    """

    currency: None | str
    per_mille_minor: EmvValuesPublicPerMilleMinor
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency: None | str
        currency = self.currency

        per_mille_minor = self.per_mille_minor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "per_mille_minor": per_mille_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.emv_values_public_per_mille_minor import EmvValuesPublicPerMilleMinor  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        per_mille_minor = EmvValuesPublicPerMilleMinor.from_dict(d.pop("per_mille_minor"))

        emv_values_public = cls(
            currency=currency,
            per_mille_minor=per_mille_minor,
        )

        emv_values_public.additional_properties = d
        return emv_values_public

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
