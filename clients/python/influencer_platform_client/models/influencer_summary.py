from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.platform import Platform
from ..models.tier import Tier
from ..models.visibility import Visibility

if TYPE_CHECKING:
    from ..models.coverage_public import CoveragePublic
    from ..models.money import Money


T = TypeVar("T", bound="InfluencerSummary")


@_attrs_define
class InfluencerSummary:
    """
    Attributes:
        id (UUID):
        visibility (Visibility):
        platform (Platform):
        handle (str):
        display_name (None | str):
        country (None | str):
        categories (list[str]):
        followers (int):
        tier (Tier):
        engagement_rate (float | None):
        authenticity_score (float): 0-100: 50 + 12.5 per signal assessed - penalties
        authenticity_coverage (CoveragePublic): How much of a score rests on data; each signal not assessed counted as
            neutral.
        price_per_post (Money | None):
    """

    id: UUID
    visibility: Visibility
    platform: Platform
    handle: str
    display_name: None | str
    country: None | str
    categories: list[str]
    followers: int
    tier: Tier
    engagement_rate: float | None
    authenticity_score: float
    authenticity_coverage: CoveragePublic
    price_per_post: Money | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = str(self.id)

        visibility = self.visibility.value

        platform = self.platform.value

        handle = self.handle

        display_name: None | str
        display_name = self.display_name

        country: None | str
        country = self.country

        categories = self.categories

        followers = self.followers

        tier = self.tier.value

        engagement_rate: float | None
        engagement_rate = self.engagement_rate

        authenticity_score = self.authenticity_score

        authenticity_coverage = self.authenticity_coverage.to_dict()

        price_per_post: dict[str, Any] | None
        if isinstance(self.price_per_post, Money):
            price_per_post = self.price_per_post.to_dict()
        else:
            price_per_post = self.price_per_post

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "visibility": visibility,
                "platform": platform,
                "handle": handle,
                "display_name": display_name,
                "country": country,
                "categories": categories,
                "followers": followers,
                "tier": tier,
                "engagement_rate": engagement_rate,
                "authenticity_score": authenticity_score,
                "authenticity_coverage": authenticity_coverage,
                "price_per_post": price_per_post,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_public import CoveragePublic  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        visibility = Visibility(d.pop("visibility"))

        platform = Platform(d.pop("platform"))

        handle = d.pop("handle")

        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        categories = cast(list[str], d.pop("categories"))

        followers = d.pop("followers")

        tier = Tier(d.pop("tier"))

        def _parse_engagement_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        engagement_rate = _parse_engagement_rate(d.pop("engagement_rate"))

        authenticity_score = d.pop("authenticity_score")

        authenticity_coverage = CoveragePublic.from_dict(d.pop("authenticity_coverage"))

        def _parse_price_per_post(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                price_per_post_type_0 = Money.from_dict(data)

                return price_per_post_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        price_per_post = _parse_price_per_post(d.pop("price_per_post"))

        influencer_summary = cls(
            id=id,
            visibility=visibility,
            platform=platform,
            handle=handle,
            display_name=display_name,
            country=country,
            categories=categories,
            followers=followers,
            tier=tier,
            engagement_rate=engagement_rate,
            authenticity_score=authenticity_score,
            authenticity_coverage=authenticity_coverage,
            price_per_post=price_per_post,
        )

        influencer_summary.additional_properties = d
        return influencer_summary

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
