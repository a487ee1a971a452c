from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.media_type import MediaType

if TYPE_CHECKING:
    from ..models.sponsorship_public import SponsorshipPublic


T = TypeVar("T", bound="InfluencerPostPublic")


@_attrs_define
class InfluencerPostPublic:
    """
    Attributes:
        id (UUID):
        platform (str):
        post_id (str):
        url (None | str):
        posted_at (datetime.datetime):
        caption (None | str):
        media_type (MediaType | None):
        likes (int | None):
        comments (int | None):
        views (int | None):
        shares (int | None):
        saves (int | None):
        paid_partnership (bool | None): The platform's label as the import stated it; null: not stated
        sponsorship (SponsorshipPublic):
    """

    id: UUID
    platform: str
    post_id: str
    url: None | str
    posted_at: datetime.datetime
    caption: None | str
    media_type: MediaType | None
    likes: int | None
    comments: int | None
    views: int | None
    shares: int | None
    saves: int | None
    paid_partnership: bool | None
    sponsorship: SponsorshipPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        platform = self.platform

        post_id = self.post_id

        url: None | str
        url = self.url

        posted_at = self.posted_at.isoformat()

        caption: None | str
        caption = self.caption

        media_type: None | str
        if isinstance(self.media_type, MediaType):
            media_type = self.media_type.value
        else:
            media_type = self.media_type

        likes: int | None
        likes = self.likes

        comments: int | None
        comments = self.comments

        views: int | None
        views = self.views

        shares: int | None
        shares = self.shares

        saves: int | None
        saves = self.saves

        paid_partnership: bool | None
        paid_partnership = self.paid_partnership

        sponsorship = self.sponsorship.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "platform": platform,
                "post_id": post_id,
                "url": url,
                "posted_at": posted_at,
                "caption": caption,
                "media_type": media_type,
                "likes": likes,
                "comments": comments,
                "views": views,
                "shares": shares,
                "saves": saves,
                "paid_partnership": paid_partnership,
                "sponsorship": sponsorship,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sponsorship_public import SponsorshipPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        platform = d.pop("platform")

        post_id = d.pop("post_id")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        def _parse_caption(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        caption = _parse_caption(d.pop("caption"))

        def _parse_media_type(data: object) -> MediaType | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                media_type_type_0 = MediaType(data)

                return media_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MediaType | None, data)

        media_type = _parse_media_type(d.pop("media_type"))

        def _parse_likes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        likes = _parse_likes(d.pop("likes"))

        def _parse_comments(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        comments = _parse_comments(d.pop("comments"))

        def _parse_views(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        views = _parse_views(d.pop("views"))

        def _parse_shares(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        shares = _parse_shares(d.pop("shares"))

        def _parse_saves(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        saves = _parse_saves(d.pop("saves"))

        def _parse_paid_partnership(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        paid_partnership = _parse_paid_partnership(d.pop("paid_partnership"))

        sponsorship = SponsorshipPublic.from_dict(d.pop("sponsorship"))

        influencer_post_public = cls(
            id=id,
            platform=platform,
            post_id=post_id,
            url=url,
            posted_at=posted_at,
            caption=caption,
            media_type=media_type,
            likes=likes,
            comments=comments,
            views=views,
            shares=shares,
            saves=saves,
            paid_partnership=paid_partnership,
            sponsorship=sponsorship,
        )

        influencer_post_public.additional_properties = d
        return influencer_post_public

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
