from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetAudience")


@_attrs_define
class TargetAudience:
    """
    Attributes:
        countries (list[str] | Unset):
        age_buckets (list[str] | Unset):
        genders (list[str] | Unset):
        languages (list[str] | Unset):
        interests (list[str] | Unset):
    """

    countries: list[str] | Unset = UNSET
    age_buckets: list[str] | Unset = UNSET
    genders: list[str] | Unset = UNSET
    languages: list[str] | Unset = UNSET
    interests: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        countries: list[str] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = self.countries

        age_buckets: list[str] | Unset = UNSET
        if not isinstance(self.age_buckets, Unset):
            age_buckets = self.age_buckets

        genders: list[str] | Unset = UNSET
        if not isinstance(self.genders, Unset):
            genders = self.genders

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        interests: list[str] | Unset = UNSET
        if not isinstance(self.interests, Unset):
            interests = self.interests

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        age_buckets = cast(list[str], d.pop("age_buckets", UNSET))

        genders = cast(list[str], d.pop("genders", UNSET))

        languages = cast(list[str], d.pop("languages", UNSET))

        interests = cast(list[str], d.pop("interests", UNSET))

        target_audience = cls(
            countries=countries,
            age_buckets=age_buckets,
            genders=genders,
            languages=languages,
            interests=interests,
        )

        target_audience.additional_properties = d
        return target_audience

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
