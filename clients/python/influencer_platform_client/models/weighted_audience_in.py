from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.weighted_audience_in_age_buckets_type_1_item import WeightedAudienceInAgeBucketsType1Item
from ..models.weighted_audience_in_genders_type_1_item import WeightedAudienceInGendersType1Item
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.weighted_audience_in_age_buckets_type_0 import WeightedAudienceInAgeBucketsType0
    from ..models.weighted_audience_in_countries_type_0 import WeightedAudienceInCountriesType0
    from ..models.weighted_audience_in_genders_type_0 import WeightedAudienceInGendersType0


T = TypeVar("T", bound="WeightedAudienceIn")


@_attrs_define
class WeightedAudienceIn:
    """Segments to reach: a list (equal weights) or segment -> weight.

    Attributes:
        countries (list[str] | Unset | WeightedAudienceInCountriesType0):
        age_buckets (list[WeightedAudienceInAgeBucketsType1Item] | Unset | WeightedAudienceInAgeBucketsType0):
        genders (list[WeightedAudienceInGendersType1Item] | Unset | WeightedAudienceInGendersType0):
    """

    countries: list[str] | Unset | WeightedAudienceInCountriesType0 = UNSET
    age_buckets: list[WeightedAudienceInAgeBucketsType1Item] | Unset | WeightedAudienceInAgeBucketsType0 = UNSET
    genders: list[WeightedAudienceInGendersType1Item] | Unset | WeightedAudienceInGendersType0 = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.weighted_audience_in_age_buckets_type_0 import WeightedAudienceInAgeBucketsType0  # noqa: PLC0415
        from ..models.weighted_audience_in_countries_type_0 import WeightedAudienceInCountriesType0  # noqa: PLC0415
        from ..models.weighted_audience_in_genders_type_0 import WeightedAudienceInGendersType0  # noqa: PLC0415

        countries: dict[str, Any] | list[str] | Unset
        if isinstance(self.countries, Unset):
            countries = UNSET
        elif isinstance(self.countries, WeightedAudienceInCountriesType0):
            countries = self.countries.to_dict()
        else:
            countries = self.countries

        age_buckets: dict[str, Any] | list[str] | Unset
        if isinstance(self.age_buckets, Unset):
            age_buckets = UNSET
        elif isinstance(self.age_buckets, WeightedAudienceInAgeBucketsType0):
            age_buckets = self.age_buckets.to_dict()
        else:
            age_buckets = []
            for age_buckets_type_1_item_data in self.age_buckets:
                age_buckets_type_1_item = age_buckets_type_1_item_data.value
                age_buckets.append(age_buckets_type_1_item)

        genders: dict[str, Any] | list[str] | Unset
        if isinstance(self.genders, Unset):
            genders = UNSET
        elif isinstance(self.genders, WeightedAudienceInGendersType0):
            genders = self.genders.to_dict()
        else:
            genders = []
            for genders_type_1_item_data in self.genders:
                genders_type_1_item = genders_type_1_item_data.value
                genders.append(genders_type_1_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if countries is not UNSET:
            field_dict["countries"] = countries
        if age_buckets is not UNSET:
            field_dict["age_buckets"] = age_buckets
        if genders is not UNSET:
            field_dict["genders"] = genders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weighted_audience_in_age_buckets_type_0 import WeightedAudienceInAgeBucketsType0  # noqa: PLC0415
        from ..models.weighted_audience_in_countries_type_0 import WeightedAudienceInCountriesType0  # noqa: PLC0415
        from ..models.weighted_audience_in_genders_type_0 import WeightedAudienceInGendersType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_countries(data: object) -> list[str] | Unset | WeightedAudienceInCountriesType0:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                countries_type_0 = WeightedAudienceInCountriesType0.from_dict(data)

                return countries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            countries_type_1 = cast(list[str], data)

            return countries_type_1

        countries = _parse_countries(d.pop("countries", UNSET))

        def _parse_age_buckets(
            data: object,
        ) -> list[WeightedAudienceInAgeBucketsType1Item] | Unset | WeightedAudienceInAgeBucketsType0:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                age_buckets_type_0 = WeightedAudienceInAgeBucketsType0.from_dict(data)

                return age_buckets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            age_buckets_type_1 = []
            _age_buckets_type_1 = data
            for age_buckets_type_1_item_data in _age_buckets_type_1:
                age_buckets_type_1_item = WeightedAudienceInAgeBucketsType1Item(age_buckets_type_1_item_data)

                age_buckets_type_1.append(age_buckets_type_1_item)

            return age_buckets_type_1

        age_buckets = _parse_age_buckets(d.pop("age_buckets", UNSET))

        def _parse_genders(
            data: object,
        ) -> list[WeightedAudienceInGendersType1Item] | Unset | WeightedAudienceInGendersType0:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                genders_type_0 = WeightedAudienceInGendersType0.from_dict(data)

                return genders_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            genders_type_1 = []
            _genders_type_1 = data
            for genders_type_1_item_data in _genders_type_1:
                genders_type_1_item = WeightedAudienceInGendersType1Item(genders_type_1_item_data)

                genders_type_1.append(genders_type_1_item)

            return genders_type_1

        genders = _parse_genders(d.pop("genders", UNSET))

        weighted_audience_in = cls(
            countries=countries,
            age_buckets=age_buckets,
            genders=genders,
        )

        return weighted_audience_in
