from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audience_in_ages import AudienceInAges
    from ..models.audience_in_countries import AudienceInCountries
    from ..models.audience_in_genders import AudienceInGenders


T = TypeVar("T", bound="AudienceIn")


@_attrs_define
class AudienceIn:
    """Shares of the audience per segment, each 0..1, each dimension summing to at most 1.

    Attributes:
        ages (AudienceInAges | Unset):
        genders (AudienceInGenders | Unset):
        countries (AudienceInCountries | Unset): ISO country code -> share
    """

    ages: AudienceInAges | Unset = UNSET
    genders: AudienceInGenders | Unset = UNSET
    countries: AudienceInCountries | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ages: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ages, Unset):
            ages = self.ages.to_dict()

        genders: dict[str, Any] | Unset = UNSET
        if not isinstance(self.genders, Unset):
            genders = self.genders.to_dict()

        countries: dict[str, Any] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = self.countries.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ages is not UNSET:
            field_dict["ages"] = ages
        if genders is not UNSET:
            field_dict["genders"] = genders
        if countries is not UNSET:
            field_dict["countries"] = countries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audience_in_ages import AudienceInAges  # noqa: PLC0415
        from ..models.audience_in_countries import AudienceInCountries  # noqa: PLC0415
        from ..models.audience_in_genders import AudienceInGenders  # noqa: PLC0415

        d = dict(src_dict)
        _ages = d.pop("ages", UNSET)
        ages: AudienceInAges | Unset
        if isinstance(_ages, Unset):
            ages = UNSET
        else:
            ages = AudienceInAges.from_dict(_ages)

        _genders = d.pop("genders", UNSET)
        genders: AudienceInGenders | Unset
        if isinstance(_genders, Unset):
            genders = UNSET
        else:
            genders = AudienceInGenders.from_dict(_genders)

        _countries = d.pop("countries", UNSET)
        countries: AudienceInCountries | Unset
        if isinstance(_countries, Unset):
            countries = UNSET
        else:
            countries = AudienceInCountries.from_dict(_countries)

        audience_in = cls(
            ages=ages,
            genders=genders,
            countries=countries,
        )

        return audience_in
