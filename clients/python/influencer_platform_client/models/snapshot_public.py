from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SnapshotPublic")


@_attrs_define
class SnapshotPublic:
    """
    Attributes:
        taken_at (datetime.datetime):
        followers (int):
        following (int | None):
        posts (int | None):
        avg_likes (float | None):
        avg_comments (float | None):
        avg_views (float | None):
        avg_shares (float | None):
        avg_engagements (float | None):
        engagement_rate (float | None):
    """

    taken_at: datetime.datetime
    followers: int
    following: int | None
    posts: int | None
    avg_likes: float | None
    avg_comments: float | None
    avg_views: float | None
    avg_shares: float | None
    avg_engagements: float | None
    engagement_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        taken_at = self.taken_at.isoformat()

        followers = self.followers

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

        engagement_rate: float | None
        engagement_rate = self.engagement_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taken_at": taken_at,
                "followers": followers,
                "following": following,
                "posts": posts,
                "avg_likes": avg_likes,
                "avg_comments": avg_comments,
                "avg_views": avg_views,
                "avg_shares": avg_shares,
                "avg_engagements": avg_engagements,
                "engagement_rate": engagement_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        taken_at = datetime.datetime.fromisoformat(d.pop("taken_at"))

        followers = d.pop("followers")

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

        def _parse_engagement_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        engagement_rate = _parse_engagement_rate(d.pop("engagement_rate"))

        snapshot_public = cls(
            taken_at=taken_at,
            followers=followers,
            following=following,
            posts=posts,
            avg_likes=avg_likes,
            avg_comments=avg_comments,
            avg_views=avg_views,
            avg_shares=avg_shares,
            avg_engagements=avg_engagements,
            engagement_rate=engagement_rate,
        )

        snapshot_public.additional_properties = d
        return snapshot_public

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
