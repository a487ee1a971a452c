from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.platform import Platform
from ..models.visibility import Visibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audience_in import AudienceIn
    from ..models.contact_in import ContactIn
    from ..models.influencer_create_rate_card_type_0 import InfluencerCreateRateCardType0


T = TypeVar("T", bound="InfluencerCreate")


@_attrs_define
class InfluencerCreate:
    """
    Attributes:
        platform (Platform):
        handle (str):
        followers (int):
        display_name (None | str | Unset):
        bio (None | str | Unset):
        categories (list[str] | Unset):
        country (None | str | Unset): ISO 3166-1 alpha-2, or a name
        language (None | str | Unset): ISO 639-1, or a name
        following (int | None | Unset):
        posts (int | None | Unset):
        avg_likes (float | None | Unset):
        avg_comments (float | None | Unset):
        avg_views (float | None | Unset):
        avg_shares (float | None | Unset):
        avg_engagements (float | None | Unset): Likes+comments+shares per post, if only the total is known
        engagement_rate (float | None | Unset): A rate a data provider measured per post (fraction); else it is computed
        audience (AudienceIn | None | Unset):
        rate_card (InfluencerCreateRateCardType0 | None | Unset): Price per deliverable, one currency
        past_sponsors (list[str] | Unset):
        contact (ContactIn | None | Unset):
        last_refreshed_at (datetime.datetime | None | Unset):
        visibility (None | Unset | Visibility): shared (platform admins only; their default) or private to the org (the
            default)
    """

    platform: Platform
    handle: str
    followers: int
    display_name: None | str | Unset = UNSET
    bio: None | str | Unset = UNSET
    categories: list[str] | Unset = UNSET
    country: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    following: int | None | Unset = UNSET
    posts: int | None | Unset = UNSET
    avg_likes: float | None | Unset = UNSET
    avg_comments: float | None | Unset = UNSET
    avg_views: float | None | Unset = UNSET
    avg_shares: float | None | Unset = UNSET
    avg_engagements: float | None | Unset = UNSET
    engagement_rate: float | None | Unset = UNSET
    audience: AudienceIn | None | Unset = UNSET
    rate_card: InfluencerCreateRateCardType0 | None | Unset = UNSET
    past_sponsors: list[str] | Unset = UNSET
    contact: ContactIn | None | Unset = UNSET
    last_refreshed_at: datetime.datetime | None | Unset = UNSET
    visibility: None | Unset | Visibility = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.audience_in import AudienceIn  # noqa: PLC0415
        from ..models.contact_in import ContactIn  # noqa: PLC0415
        from ..models.influencer_create_rate_card_type_0 import InfluencerCreateRateCardType0  # noqa: PLC0415

        platform = self.platform.value

        handle = self.handle

        followers = self.followers

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        bio: None | str | Unset
        if isinstance(self.bio, Unset):
            bio = UNSET
        else:
            bio = self.bio

        categories: list[str] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = self.categories

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        following: int | None | Unset
        if isinstance(self.following, Unset):
            following = UNSET
        else:
            following = self.following

        posts: int | None | Unset
        if isinstance(self.posts, Unset):
            posts = UNSET
        else:
            posts = self.posts

        avg_likes: float | None | Unset
        if isinstance(self.avg_likes, Unset):
            avg_likes = UNSET
        else:
            avg_likes = self.avg_likes

        avg_comments: float | None | Unset
        if isinstance(self.avg_comments, Unset):
            avg_comments = UNSET
        else:
            avg_comments = self.avg_comments

        avg_views: float | None | Unset
        if isinstance(self.avg_views, Unset):
            avg_views = UNSET
        else:
            avg_views = self.avg_views

        avg_shares: float | None | Unset
        if isinstance(self.avg_shares, Unset):
            avg_shares = UNSET
        else:
            avg_shares = self.avg_shares

        avg_engagements: float | None | Unset
        if isinstance(self.avg_engagements, Unset):
            avg_engagements = UNSET
        else:
            avg_engagements = self.avg_engagements

        engagement_rate: float | None | Unset
        if isinstance(self.engagement_rate, Unset):
            engagement_rate = UNSET
        else:
            engagement_rate = self.engagement_rate

        audience: dict[str, Any] | None | Unset
        if isinstance(self.audience, Unset):
            audience = UNSET
        elif isinstance(self.audience, AudienceIn):
            audience = self.audience.to_dict()
        else:
            audience = self.audience

        rate_card: dict[str, Any] | None | Unset
        if isinstance(self.rate_card, Unset):
            rate_card = UNSET
        elif isinstance(self.rate_card, InfluencerCreateRateCardType0):
            rate_card = self.rate_card.to_dict()
        else:
            rate_card = self.rate_card

        past_sponsors: list[str] | Unset = UNSET
        if not isinstance(self.past_sponsors, Unset):
            past_sponsors = self.past_sponsors

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ContactIn):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        last_refreshed_at: None | str | Unset
        if isinstance(self.last_refreshed_at, Unset):
            last_refreshed_at = UNSET
        elif isinstance(self.last_refreshed_at, datetime.datetime):
            last_refreshed_at = self.last_refreshed_at.isoformat()
        else:
            last_refreshed_at = self.last_refreshed_at

        visibility: None | str | Unset
        if isinstance(self.visibility, Unset):
            visibility = UNSET
        elif isinstance(self.visibility, Visibility):
            visibility = self.visibility.value
        else:
            visibility = self.visibility

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "platform": platform,
                "handle": handle,
                "followers": followers,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if bio is not UNSET:
            field_dict["bio"] = bio
        if categories is not UNSET:
            field_dict["categories"] = categories
        if country is not UNSET:
            field_dict["country"] = country
        if language is not UNSET:
            field_dict["language"] = language
        if following is not UNSET:
            field_dict["following"] = following
        if posts is not UNSET:
            field_dict["posts"] = posts
        if avg_likes is not UNSET:
            field_dict["avg_likes"] = avg_likes
        if avg_comments is not UNSET:
            field_dict["avg_comments"] = avg_comments
        if avg_views is not UNSET:
            field_dict["avg_views"] = avg_views
        if avg_shares is not UNSET:
            field_dict["avg_shares"] = avg_shares
        if avg_engagements is not UNSET:
            field_dict["avg_engagements"] = avg_engagements
        if engagement_rate is not UNSET:
            field_dict["engagement_rate"] = engagement_rate
        if audience is not UNSET:
            field_dict["audience"] = audience
        if rate_card is not UNSET:
            field_dict["rate_card"] = rate_card
        if past_sponsors is not UNSET:
            field_dict["past_sponsors"] = past_sponsors
        if contact is not UNSET:
            field_dict["contact"] = contact
        if last_refreshed_at is not UNSET:
            field_dict["last_refreshed_at"] = last_refreshed_at
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audience_in import AudienceIn  # noqa: PLC0415
        from ..models.contact_in import ContactIn  # noqa: PLC0415
        from ..models.influencer_create_rate_card_type_0 import InfluencerCreateRateCardType0  # noqa: PLC0415

        d = dict(src_dict)
        platform = Platform(d.pop("platform"))

        handle = d.pop("handle")

        followers = d.pop("followers")

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_bio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bio = _parse_bio(d.pop("bio", UNSET))

        categories = cast(list[str], d.pop("categories", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_following(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        following = _parse_following(d.pop("following", UNSET))

        def _parse_posts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        posts = _parse_posts(d.pop("posts", UNSET))

        def _parse_avg_likes(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_likes = _parse_avg_likes(d.pop("avg_likes", UNSET))

        def _parse_avg_comments(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_comments = _parse_avg_comments(d.pop("avg_comments", UNSET))

        def _parse_avg_views(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_views = _parse_avg_views(d.pop("avg_views", UNSET))

        def _parse_avg_shares(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_shares = _parse_avg_shares(d.pop("avg_shares", UNSET))

        def _parse_avg_engagements(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_engagements = _parse_avg_engagements(d.pop("avg_engagements", UNSET))

        def _parse_engagement_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        engagement_rate = _parse_engagement_rate(d.pop("engagement_rate", UNSET))

        def _parse_audience(data: object) -> AudienceIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audience_type_0 = AudienceIn.from_dict(data)

                return audience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AudienceIn | None | Unset, data)

        audience = _parse_audience(d.pop("audience", UNSET))

        def _parse_rate_card(data: object) -> InfluencerCreateRateCardType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rate_card_type_0 = InfluencerCreateRateCardType0.from_dict(data)

                return rate_card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InfluencerCreateRateCardType0 | None | Unset, data)

        rate_card = _parse_rate_card(d.pop("rate_card", UNSET))

        past_sponsors = cast(list[str], d.pop("past_sponsors", UNSET))

        def _parse_contact(data: object) -> ContactIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ContactIn.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactIn | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        def _parse_last_refreshed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_refreshed_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_refreshed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_refreshed_at = _parse_last_refreshed_at(d.pop("last_refreshed_at", UNSET))

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

        influencer_create = cls(
            platform=platform,
            handle=handle,
            followers=followers,
            display_name=display_name,
            bio=bio,
            categories=categories,
            country=country,
            language=language,
            following=following,
            posts=posts,
            avg_likes=avg_likes,
            avg_comments=avg_comments,
            avg_views=avg_views,
            avg_shares=avg_shares,
            avg_engagements=avg_engagements,
            engagement_rate=engagement_rate,
            audience=audience,
            rate_card=rate_card,
            past_sponsors=past_sponsors,
            contact=contact,
            last_refreshed_at=last_refreshed_at,
            visibility=visibility,
        )

        return influencer_create
