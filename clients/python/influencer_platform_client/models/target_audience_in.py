from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.target_audience_in_age_buckets_item import TargetAudienceInAgeBucketsItem
from ..models.target_audience_in_genders_item import TargetAudienceInGendersItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetAudienceIn")


@_attrs_define
class TargetAudienceIn:
    """
    Attributes:
        countries (list[str] | Unset): ISO 3166-1 alpha-2 codes
        age_buckets (list[TargetAudienceInAgeBucketsItem] | Unset):
        genders (list[TargetAudienceInGendersItem] | Unset):
        languages (list[str] | Unset): ISO 639-1 codes
        interests (list[str] | Unset):
    """

    countries: list[str] | Unset = UNSET
    age_buckets: list[TargetAudienceInAgeBucketsItem] | Unset = UNSET
    genders: list[TargetAudienceInGendersItem] | Unset = UNSET
    languages: list[str] | Unset = UNSET
    interests: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        countries: list[str] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = self.countries

        age_buckets: list[str] | Unset = UNSET
        if not isinstance(self.age_buckets, Unset):
            age_buckets = []
            for age_buckets_item_data in self.age_buckets:
                age_buckets_item = age_buckets_item_data.value
                age_buckets.append(age_buckets_item)

        genders: list[str] | Unset = UNSET
        if not isinstance(self.genders, Unset):
            genders = []
            for genders_item_data in self.genders:
                genders_item = genders_item_data.value
                genders.append(genders_item)

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        interests: list[str] | Unset = UNSET
        if not isinstance(self.interests, Unset):
            interests = self.interests

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if countries is not UNSET:
            field_dict["countries"] = countries
        if age_buckets is not UNSET:
            field_dict["age_buckets"] = age_buckets
        if genders is not UNSET:
            field_dict["genders"] = genders
        if languages is not UNSET:
            field_dict["languages"] = languages
        if interests is not UNSET:
            field_dict["interests"] = interests

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        countries = cast(list[str], d.pop("countries", UNSET))

        _age_buckets = d.pop("age_buckets", UNSET)
        age_buckets: list[TargetAudienceInAgeBucketsItem] | Unset = UNSET
        if _age_buckets is not UNSET:
            age_buckets = []
            for age_buckets_item_data in _age_buckets:
                age_buckets_item = TargetAudienceInAgeBucketsItem(age_buckets_item_data)

                age_buckets.append(age_buckets_item)

        _genders = d.pop("genders", UNSET)
        genders: list[TargetAudienceInGendersItem] | Unset = UNSET
        if _genders is not UNSET:
            genders = []
            for genders_item_data in _genders:
                genders_item = TargetAudienceInGendersItem(genders_item_data)

                genders.append(genders_item)

        languages = cast(list[str], d.pop("languages", UNSET))

        interests = cast(list[str], d.pop("interests", UNSET))

        target_audience_in = cls(
            countries=countries,
            age_buckets=age_buckets,
            genders=genders,
            languages=languages,
            interests=interests,
        )

        return target_audience_in
