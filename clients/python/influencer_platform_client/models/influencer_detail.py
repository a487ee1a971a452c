from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.influencer_detail_engagement_rate_source_type_0 import InfluencerDetailEngagementRateSourceType0
from ..models.platform import Platform
from ..models.tier import Tier
from ..models.visibility import Visibility

if TYPE_CHECKING:
    from ..models.audience_public import AudiencePublic
    from ..models.competitor_work_public import CompetitorWorkPublic
    from ..models.content_quality_public import ContentQualityPublic
    from ..models.coverage_public import CoveragePublic
    from ..models.growth_public import GrowthPublic
    from ..models.influencer_detail_contact import InfluencerDetailContact
    from ..models.influencer_detail_rate_card_type_0 import InfluencerDetailRateCardType0
    from ..models.influencer_post_public import InfluencerPostPublic
    from ..models.money import Money
    from ..models.performance_public import PerformancePublic
    from ..models.sponsored_history_public import SponsoredHistoryPublic


T = TypeVar("T", bound="InfluencerDetail")


@_attrs_define
class InfluencerDetail:
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
        bio (None | str):
        language (None | str):
        following (int | None):
        posts (int | None):
        avg_likes (float | None):
        avg_comments (float | None):
        avg_views (float | None):
        avg_shares (float | None):
        avg_engagements (float | None):
        engagement_rate_source (InfluencerDetailEngagementRateSourceType0 | None):
        performance_score (float | None):
        audience (AudiencePublic):
        rate_card (InfluencerDetailRateCardType0 | None):
        past_sponsors (list[str]):
        contact (InfluencerDetailContact):
        tags (list[str]): The org's own tags
        last_refreshed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        growth (GrowthPublic):
        past_performance (PerformancePublic):
        recent_posts (list[InfluencerPostPublic]): The newest imported posts (5)
        sponsored_history (SponsoredHistoryPublic):
        competitors (list[CompetitorWorkPublic] | None): Per ?competitors= name; null without
        content_quality (ContentQualityPublic | None): From its own posts; null: no posts imported
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
    bio: None | str
    language: None | str
    following: int | None
    posts: int | None
    avg_likes: float | None
    avg_comments: float | None
    avg_views: float | None
    avg_shares: float | None
    avg_engagements: float | None
    engagement_rate_source: InfluencerDetailEngagementRateSourceType0 | None
    performance_score: float | None
    audience: AudiencePublic
    rate_card: InfluencerDetailRateCardType0 | None
    past_sponsors: list[str]
    contact: InfluencerDetailContact
    tags: list[str]
    last_refreshed_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    growth: GrowthPublic
    past_performance: PerformancePublic
    recent_posts: list[InfluencerPostPublic]
    sponsored_history: SponsoredHistoryPublic
    competitors: list[CompetitorWorkPublic] | None
    content_quality: ContentQualityPublic | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.content_quality_public import ContentQualityPublic  # noqa: PLC0415
        from ..models.influencer_detail_rate_card_type_0 import InfluencerDetailRateCardType0  # noqa: PLC0415
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

        bio: None | str
        bio = self.bio

        language: None | str
        language = self.language

        following: int | None
        following = self.following

        posts: int | None
        posts = self.posts

        avg_likes: float | None
        avg_likes = self.avg_likes

        avg_comments: float | None
        avg_comments = self.avg_comments

        avg_views: float | None
        avg_views = self.avg_views

        avg_shares: float | None
        avg_shares = self.avg_shares

        avg_engagements: float | None
        avg_engagements = self.avg_engagements

        engagement_rate_source: None | str
        if isinstance(self.engagement_rate_source, InfluencerDetailEngagementRateSourceType0):
            engagement_rate_source = self.engagement_rate_source.value
        else:
            engagement_rate_source = self.engagement_rate_source

        performance_score: float | None
        performance_score = self.performance_score

        audience = self.audience.to_dict()

        rate_card: dict[str, Any] | None
        if isinstance(self.rate_card, InfluencerDetailRateCardType0):
            rate_card = self.rate_card.to_dict()
        else:
            rate_card = self.rate_card

        past_sponsors = self.past_sponsors

        contact = self.contact.to_dict()

        tags = self.tags

        last_refreshed_at: None | str
        if isinstance(self.last_refreshed_at, datetime.datetime):
            last_refreshed_at = self.last_refreshed_at.isoformat()
        else:
            last_refreshed_at = self.last_refreshed_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        growth = self.growth.to_dict()

        past_performance = self.past_performance.to_dict()

        recent_posts = []
        for recent_posts_item_data in self.recent_posts:
            recent_posts_item = recent_posts_item_data.to_dict()
            recent_posts.append(recent_posts_item)

        sponsored_history = self.sponsored_history.to_dict()

        competitors: list[dict[str, Any]] | None
        if isinstance(self.competitors, list):
            competitors = []
            for competitors_type_0_item_data in self.competitors:
                competitors_type_0_item = competitors_type_0_item_data.to_dict()
                competitors.append(competitors_type_0_item)

        else:
            competitors = self.competitors

        content_quality: dict[str, Any] | None
        if isinstance(self.content_quality, ContentQualityPublic):
            content_quality = self.content_quality.to_dict()
        else:
            content_quality = self.content_quality

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
                "bio": bio,
                "language": language,
                "following": following,
                "posts": posts,
                "avg_likes": avg_likes,
                "avg_comments": avg_comments,
                "avg_views": avg_views,
                "avg_shares": avg_shares,
                "avg_engagements": avg_engagements,
                "engagement_rate_source": engagement_rate_source,
                "performance_score": performance_score,
                "audience": audience,
                "rate_card": rate_card,
                "past_sponsors": past_sponsors,
                "contact": contact,
                "tags": tags,
                "last_refreshed_at": last_refreshed_at,
                "created_at": created_at,
                "updated_at": updated_at,
                "growth": growth,
                "past_performance": past_performance,
                "recent_posts": recent_posts,
                "sponsored_history": sponsored_history,
                "competitors": competitors,
                "content_quality": content_quality,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audience_public import AudiencePublic  # noqa: PLC0415
        from ..models.competitor_work_public import CompetitorWorkPublic  # noqa: PLC0415
        from ..models.content_quality_public import ContentQualityPublic  # noqa: PLC0415
        from ..models.coverage_public import CoveragePublic  # noqa: PLC0415
        from ..models.growth_public import GrowthPublic  # noqa: PLC0415
        from ..models.influencer_detail_contact import InfluencerDetailContact  # noqa: PLC0415
        from ..models.influencer_detail_rate_card_type_0 import InfluencerDetailRateCardType0  # noqa: PLC0415
        from ..models.influencer_post_public import InfluencerPostPublic  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.performance_public import PerformancePublic  # noqa: PLC0415
        from ..models.sponsored_history_public import SponsoredHistoryPublic  # noqa: PLC0415

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

        def _parse_bio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bio = _parse_bio(d.pop("bio"))

        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))

        def _parse_following(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        following = _parse_following(d.pop("following"))

        def _parse_posts(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        posts = _parse_posts(d.pop("posts"))

        def _parse_avg_likes(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_likes = _parse_avg_likes(d.pop("avg_likes"))

        def _parse_avg_comments(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_comments = _parse_avg_comments(d.pop("avg_comments"))

        def _parse_avg_views(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_views = _parse_avg_views(d.pop("avg_views"))

        def _parse_avg_shares(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_shares = _parse_avg_shares(d.pop("avg_shares"))

        def _parse_avg_engagements(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_engagements = _parse_avg_engagements(d.pop("avg_engagements"))

        def _parse_engagement_rate_source(data: object) -> InfluencerDetailEngagementRateSourceType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                engagement_rate_source_type_0 = InfluencerDetailEngagementRateSourceType0(data)

                return engagement_rate_source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InfluencerDetailEngagementRateSourceType0 | None, data)

        engagement_rate_source = _parse_engagement_rate_source(d.pop("engagement_rate_source"))

        def _parse_performance_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        performance_score = _parse_performance_score(d.pop("performance_score"))

        audience = AudiencePublic.from_dict(d.pop("audience"))

        def _parse_rate_card(data: object) -> InfluencerDetailRateCardType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rate_card_type_0 = InfluencerDetailRateCardType0.from_dict(data)

                return rate_card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InfluencerDetailRateCardType0 | None, data)

        rate_card = _parse_rate_card(d.pop("rate_card"))

        past_sponsors = cast(list[str], d.pop("past_sponsors"))

        contact = InfluencerDetailContact.from_dict(d.pop("contact"))

        tags = cast(list[str], d.pop("tags"))

        def _parse_last_refreshed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_refreshed_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_refreshed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_refreshed_at = _parse_last_refreshed_at(d.pop("last_refreshed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        growth = GrowthPublic.from_dict(d.pop("growth"))

        past_performance = PerformancePublic.from_dict(d.pop("past_performance"))

        recent_posts = []
        _recent_posts = d.pop("recent_posts")
        for recent_posts_item_data in _recent_posts:
            recent_posts_item = InfluencerPostPublic.from_dict(recent_posts_item_data)

            recent_posts.append(recent_posts_item)

        sponsored_history = SponsoredHistoryPublic.from_dict(d.pop("sponsored_history"))

        def _parse_competitors(data: object) -> list[CompetitorWorkPublic] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                competitors_type_0 = []
                _competitors_type_0 = data
                for competitors_type_0_item_data in _competitors_type_0:
                    competitors_type_0_item = CompetitorWorkPublic.from_dict(competitors_type_0_item_data)

                    competitors_type_0.append(competitors_type_0_item)

                return competitors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CompetitorWorkPublic] | None, data)

        competitors = _parse_competitors(d.pop("competitors"))

        def _parse_content_quality(data: object) -> ContentQualityPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                content_quality_type_0 = ContentQualityPublic.from_dict(data)

                return content_quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContentQualityPublic | None, data)

        content_quality = _parse_content_quality(d.pop("content_quality"))

        influencer_detail = cls(
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
            bio=bio,
            language=language,
            following=following,
            posts=posts,
            avg_likes=avg_likes,
            avg_comments=avg_comments,
            avg_views=avg_views,
            avg_shares=avg_shares,
            avg_engagements=avg_engagements,
            engagement_rate_source=engagement_rate_source,
            performance_score=performance_score,
            audience=audience,
            rate_card=rate_card,
            past_sponsors=past_sponsors,
            contact=contact,
            tags=tags,
            last_refreshed_at=last_refreshed_at,
            created_at=created_at,
            updated_at=updated_at,
            growth=growth,
            past_performance=past_performance,
            recent_posts=recent_posts,
            sponsored_history=sponsored_history,
            competitors=competitors,
            content_quality=content_quality,
        )

        influencer_detail.additional_properties = d
        return influencer_detail

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
