from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audience_public_ages import AudiencePublicAges
    from ..models.audience_public_countries import AudiencePublicCountries
    from ..models.audience_public_genders import AudiencePublicGenders


T = TypeVar("T", bound="AudiencePublic")


@_attrs_define
class AudiencePublic:
    """
    Attributes:
        ages (AudiencePublicAges):
        genders (AudiencePublicGenders):
        countries (AudiencePublicCountries):
    """

    ages: AudiencePublicAges
    genders: AudiencePublicGenders
    countries: AudiencePublicCountries
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ages = self.ages.to_dict()

        genders = self.genders.to_dict()

        countries = self.countries.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ages": ages,
                "genders": genders,
                "countries": countries,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audience_public_ages import AudiencePublicAges  # noqa: PLC0415
        from ..models.audience_public_countries import AudiencePublicCountries  # noqa: PLC0415
        from ..models.audience_public_genders import AudiencePublicGenders  # noqa: PLC0415

        d = dict(src_dict)
        ages = AudiencePublicAges.from_dict(d.pop("ages"))

        genders = AudiencePublicGenders.from_dict(d.pop("genders"))

        countries = AudiencePublicCountries.from_dict(d.pop("countries"))

        audience_public = cls(
            ages=ages,
            genders=genders,
            countries=countries,
        )

        audience_public.additional_properties = d
        return audience_public

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
