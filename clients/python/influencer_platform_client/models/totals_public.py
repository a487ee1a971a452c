from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TotalsPublic")


@_attrs_define
class TotalsPublic:
    """
    Attributes:
        posts (int):
        impressions (int):
        reach (int): Added over posts (people reached by two posts count twice)
        views (int):
        likes (int):
        comments (int):
        shares (int):
        saves (int):
        engagements (int):
        watch_time_s (int):
        clicks (int): Counted tracked clicks, plus platform-reported link clicks of posts no link covers
        tracked_clicks (int):
        reported_link_clicks (int):
        bot_clicks (int): Recorded, not counted
        repeat_clicks (int): Recorded, not counted: the same client within 30 minutes
        conversions (int):
        revenue_minor (int):
        fees_minor (int):
        spend_minor (int):
        cost_minor (int):
        emv_minor (int | None):
    """

    posts: int
    impressions: int
    reach: int
    views: int
    likes: int
    comments: int
    shares: int
    saves: int
    engagements: int
    watch_time_s: int
    clicks: int
    tracked_clicks: int
    reported_link_clicks: int
    bot_clicks: int
    repeat_clicks: int
    conversions: int
    revenue_minor: int
    fees_minor: int
    spend_minor: int
    cost_minor: int
    emv_minor: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        posts = self.posts

        impressions = self.impressions

        reach = self.reach

        views = self.views

        likes = self.likes

        comments = self.comments

        shares = self.shares

        saves = self.saves

        engagements = self.engagements

        watch_time_s = self.watch_time_s

        clicks = self.clicks

        tracked_clicks = self.tracked_clicks

        reported_link_clicks = self.reported_link_clicks

        bot_clicks = self.bot_clicks

        repeat_clicks = self.repeat_clicks

        conversions = self.conversions

        revenue_minor = self.revenue_minor

        fees_minor = self.fees_minor

        spend_minor = self.spend_minor

        cost_minor = self.cost_minor

        emv_minor: int | None
        emv_minor = self.emv_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "posts": posts,
                "impressions": impressions,
                "reach": reach,
                "views": views,
                "likes": likes,
                "comments": comments,
                "shares": shares,
                "saves": saves,
                "engagements": engagements,
                "watch_time_s": watch_time_s,
                "clicks": clicks,
                "tracked_clicks": tracked_clicks,
                "reported_link_clicks": reported_link_clicks,
                "bot_clicks": bot_clicks,
                "repeat_clicks": repeat_clicks,
                "conversions": conversions,
                "revenue_minor": revenue_minor,
                "fees_minor": fees_minor,
                "spend_minor": spend_minor,
                "cost_minor": cost_minor,
                "emv_minor": emv_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        posts = d.pop("posts")

        impressions = d.pop("impressions")

        reach = d.pop("reach")

        views = d.pop("views")

        likes = d.pop("likes")

        comments = d.pop("comments")

        shares = d.pop("shares")

        saves = d.pop("saves")

        engagements = d.pop("engagements")

        watch_time_s = d.pop("watch_time_s")

        clicks = d.pop("clicks")

        tracked_clicks = d.pop("tracked_clicks")

        reported_link_clicks = d.pop("reported_link_clicks")

        bot_clicks = d.pop("bot_clicks")

        repeat_clicks = d.pop("repeat_clicks")

        conversions = d.pop("conversions")

        revenue_minor = d.pop("revenue_minor")

        fees_minor = d.pop("fees_minor")

        spend_minor = d.pop("spend_minor")

        cost_minor = d.pop("cost_minor")

        def _parse_emv_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        emv_minor = _parse_emv_minor(d.pop("emv_minor"))

        totals_public = cls(
            posts=posts,
            impressions=impressions,
            reach=reach,
            views=views,
            likes=likes,
            comments=comments,
            shares=shares,
            saves=saves,
            engagements=engagements,
            watch_time_s=watch_time_s,
            clicks=clicks,
            tracked_clicks=tracked_clicks,
            reported_link_clicks=reported_link_clicks,
            bot_clicks=bot_clicks,
            repeat_clicks=repeat_clicks,
            conversions=conversions,
            revenue_minor=revenue_minor,
            fees_minor=fees_minor,
            spend_minor=spend_minor,
            cost_minor=cost_minor,
            emv_minor=emv_minor,
        )

        totals_public.additional_properties = d
        return totals_public

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
