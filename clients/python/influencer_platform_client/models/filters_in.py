from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.platform import Platform
from ..models.tier import Tier
from ..models.visibility import Visibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.filters_in_min_audience_age_share import FiltersInMinAudienceAgeShare
    from ..models.filters_in_min_audience_country_share import FiltersInMinAudienceCountryShare
    from ..models.filters_in_min_audience_gender_share import FiltersInMinAudienceGenderShare


T = TypeVar("T", bound="FiltersIn")


@_attrs_define
class FiltersIn:
    """
    Attributes:
        platforms (list[Platform] | Unset):
        countries (list[str] | Unset):
        languages (list[str] | Unset):
        categories (list[str] | Unset):
        tiers (list[Tier] | Unset):
        min_followers (int | None | Unset):
        max_followers (int | None | Unset):
        min_engagement_rate (float | None | Unset):
        max_engagement_rate (float | None | Unset):
        min_authenticity (float | None | Unset):
        min_audience_country_share (FiltersInMinAudienceCountryShare | Unset):
        min_audience_age_share (FiltersInMinAudienceAgeShare | Unset):
        min_audience_gender_share (FiltersInMinAudienceGenderShare | Unset):
        max_price_minor (int | None | Unset): In the budget's currency (default USD)
        q (None | str | Unset):
        tags (list[str] | Unset):
        visibility (None | Unset | Visibility):
    """

    platforms: list[Platform] | Unset = UNSET
    countries: list[str] | Unset = UNSET
    languages: list[str] | Unset = UNSET
    categories: list[str] | Unset = UNSET
    tiers: list[Tier] | Unset = UNSET
    min_followers: int | None | Unset = UNSET
    max_followers: int | None | Unset = UNSET
    min_engagement_rate: float | None | Unset = UNSET
    max_engagement_rate: float | None | Unset = UNSET
    min_authenticity: float | None | Unset = UNSET
    min_audience_country_share: FiltersInMinAudienceCountryShare | Unset = UNSET
    min_audience_age_share: FiltersInMinAudienceAgeShare | Unset = UNSET
    min_audience_gender_share: FiltersInMinAudienceGenderShare | Unset = UNSET
    max_price_minor: int | None | Unset = UNSET
    q: None | str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    visibility: None | Unset | Visibility = UNSET

    def to_dict(self) -> dict[str, Any]:
        platforms: list[str] | Unset = UNSET
        if not isinstance(self.platforms, Unset):
            platforms = []
            for platforms_item_data in self.platforms:
                platforms_item = platforms_item_data.value
                platforms.append(platforms_item)

        countries: list[str] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = self.countries

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        categories: list[str] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = self.categories

        tiers: list[str] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = []
            for tiers_item_data in self.tiers:
                tiers_item = tiers_item_data.value
                tiers.append(tiers_item)

        min_followers: int | None | Unset
        if isinstance(self.min_followers, Unset):
            min_followers = UNSET
        else:
            min_followers = self.min_followers

        max_followers: int | None | Unset
        if isinstance(self.max_followers, Unset):
            max_followers = UNSET
        else:
            max_followers = self.max_followers

        min_engagement_rate: float | None | Unset
        if isinstance(self.min_engagement_rate, Unset):
            min_engagement_rate = UNSET
        else:
            min_engagement_rate = self.min_engagement_rate

        max_engagement_rate: float | None | Unset
        if isinstance(self.max_engagement_rate, Unset):
            max_engagement_rate = UNSET
        else:
            max_engagement_rate = self.max_engagement_rate

        min_authenticity: float | None | Unset
        if isinstance(self.min_authenticity, Unset):
            min_authenticity = UNSET
        else:
            min_authenticity = self.min_authenticity

        min_audience_country_share: dict[str, Any] | Unset = UNSET
        if not isinstance(self.min_audience_country_share, Unset):
            min_audience_country_share = self.min_audience_country_share.to_dict()

        min_audience_age_share: dict[str, Any] | Unset = UNSET
        if not isinstance(self.min_audience_age_share, Unset):
            min_audience_age_share = self.min_audience_age_share.to_dict()

        min_audience_gender_share: dict[str, Any] | Unset = UNSET
        if not isinstance(self.min_audience_gender_share, Unset):
            min_audience_gender_share = self.min_audience_gender_share.to_dict()

        max_price_minor: int | None | Unset
        if isinstance(self.max_price_minor, Unset):
            max_price_minor = UNSET
        else:
            max_price_minor = self.max_price_minor

        q: None | str | Unset
        if isinstance(self.q, Unset):
            q = UNSET
        else:
            q = self.q

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        visibility: None | str | Unset
        if isinstance(self.visibility, Unset):
            visibility = UNSET
        elif isinstance(self.visibility, Visibility):
            visibility = self.visibility.value
        else:
            visibility = self.visibility

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if platforms is not UNSET:
            field_dict["platforms"] = platforms
        if countries is not UNSET:
            field_dict["countries"] = countries
        if languages is not UNSET:
            field_dict["languages"] = languages
        if categories is not UNSET:
            field_dict["categories"] = categories
        if tiers is not UNSET:
            field_dict["tiers"] = tiers
        if min_followers is not UNSET:
            field_dict["min_followers"] = min_followers
        if max_followers is not UNSET:
            field_dict["max_followers"] = max_followers
        if min_engagement_rate is not UNSET:
            field_dict["min_engagement_rate"] = min_engagement_rate
        if max_engagement_rate is not UNSET:
            field_dict["max_engagement_rate"] = max_engagement_rate
        if min_authenticity is not UNSET:
            field_dict["min_authenticity"] = min_authenticity
        if min_audience_country_share is not UNSET:
            field_dict["min_audience_country_share"] = min_audience_country_share
        if min_audience_age_share is not UNSET:
            field_dict["min_audience_age_share"] = min_audience_age_share
        if min_audience_gender_share is not UNSET:
            field_dict["min_audience_gender_share"] = min_audience_gender_share
        if max_price_minor is not UNSET:
            field_dict["max_price_minor"] = max_price_minor
        if q is not UNSET:
            field_dict["q"] = q
        if tags is not UNSET:
            field_dict["tags"] = tags
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filters_in_min_audience_age_share import FiltersInMinAudienceAgeShare  # noqa: PLC0415
        from ..models.filters_in_min_audience_country_share import FiltersInMinAudienceCountryShare  # noqa: PLC0415
        from ..models.filters_in_min_audience_gender_share import FiltersInMinAudienceGenderShare  # noqa: PLC0415

        d = dict(src_dict)
        _platforms = d.pop("platforms", UNSET)
        platforms: list[Platform] | Unset = UNSET
        if _platforms is not UNSET:
            platforms = []
            for platforms_item_data in _platforms:
                platforms_item = Platform(platforms_item_data)

                platforms.append(platforms_item)

        countries = cast(list[str], d.pop("countries", UNSET))

        languages = cast(list[str], d.pop("languages", UNSET))

        categories = cast(list[str], d.pop("categories", UNSET))

        _tiers = d.pop("tiers", UNSET)
        tiers: list[Tier] | Unset = UNSET
        if _tiers is not UNSET:
            tiers = []
            for tiers_item_data in _tiers:
                tiers_item = Tier(tiers_item_data)

                tiers.append(tiers_item)

        def _parse_min_followers(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_followers = _parse_min_followers(d.pop("min_followers", UNSET))

        def _parse_max_followers(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_followers = _parse_max_followers(d.pop("max_followers", UNSET))

        def _parse_min_engagement_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_engagement_rate = _parse_min_engagement_rate(d.pop("min_engagement_rate", UNSET))

        def _parse_max_engagement_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_engagement_rate = _parse_max_engagement_rate(d.pop("max_engagement_rate", UNSET))

        def _parse_min_authenticity(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_authenticity = _parse_min_authenticity(d.pop("min_authenticity", UNSET))

        _min_audience_country_share = d.pop("min_audience_country_share", UNSET)
        min_audience_country_share: FiltersInMinAudienceCountryShare | Unset
        if isinstance(_min_audience_country_share, Unset):
            min_audience_country_share = UNSET
        else:
            min_audience_country_share = FiltersInMinAudienceCountryShare.from_dict(_min_audience_country_share)

        _min_audience_age_share = d.pop("min_audience_age_share", UNSET)
        min_audience_age_share: FiltersInMinAudienceAgeShare | Unset
        if isinstance(_min_audience_age_share, Unset):
            min_audience_age_share = UNSET
        else:
            min_audience_age_share = FiltersInMinAudienceAgeShare.from_dict(_min_audience_age_share)

        _min_audience_gender_share = d.pop("min_audience_gender_share", UNSET)
        min_audience_gender_share: FiltersInMinAudienceGenderShare | Unset
        if isinstance(_min_audience_gender_share, Unset):
            min_audience_gender_share = UNSET
        else:
            min_audience_gender_share = FiltersInMinAudienceGenderShare.from_dict(_min_audience_gender_share)

        def _parse_max_price_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_price_minor = _parse_max_price_minor(d.pop("max_price_minor", UNSET))

        def _parse_q(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        q = _parse_q(d.pop("q", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_visibility(data: object) -> None | Unset | Visibility:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visibility_type_0 = Visibility(data)

                return visibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Visibility, data)

        visibility = _parse_visibility(d.pop("visibility", UNSET))

        filters_in = cls(
            platforms=platforms,
            countries=countries,
            languages=languages,
            categories=categories,
            tiers=tiers,
            min_followers=min_followers,
            max_followers=max_followers,
            min_engagement_rate=min_engagement_rate,
            max_engagement_rate=max_engagement_rate,
            min_authenticity=min_authenticity,
            min_audience_country_share=min_audience_country_share,
            min_audience_age_share=min_audience_age_share,
            min_audience_gender_share=min_audience_gender_share,
            max_price_minor=max_price_minor,
            q=q,
            tags=tags,
            visibility=visibility,
        )

        return filters_in
