from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrackingLinkPublic")


@_attrs_define
class TrackingLinkPublic:
    """
    Attributes:
        id (UUID):
        code (str):
        short_url (str): The public link: the gateway's /r/{code}
        campaign_id (UUID):
        partnership_id (UUID):
        influencer_id (UUID):
        deliverable_id (None | UUID):
        destination_url (str):
        target_url (str): Where a click lands: the destination with its UTM parameters and a click_id
        active (bool):
        clicks (int): Counted clicks
        bot_clicks (int):
        repeat_clicks (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    code: str
    short_url: str
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    deliverable_id: None | UUID
    destination_url: str
    target_url: str
    active: bool
    clicks: int
    bot_clicks: int
    repeat_clicks: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        short_url = self.short_url

        campaign_id = str(self.campaign_id)

        partnership_id = str(self.partnership_id)

        influencer_id = str(self.influencer_id)

        deliverable_id: None | str
        if isinstance(self.deliverable_id, UUID):
            deliverable_id = str(self.deliverable_id)
        else:
            deliverable_id = self.deliverable_id

        destination_url = self.destination_url

        target_url = self.target_url

        active = self.active

        clicks = self.clicks

        bot_clicks = self.bot_clicks

        repeat_clicks = self.repeat_clicks

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "short_url": short_url,
                "campaign_id": campaign_id,
                "partnership_id": partnership_id,
                "influencer_id": influencer_id,
                "deliverable_id": deliverable_id,
                "destination_url": destination_url,
                "target_url": target_url,
                "active": active,
                "clicks": clicks,
                "bot_clicks": bot_clicks,
                "repeat_clicks": repeat_clicks,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        short_url = d.pop("short_url")

        campaign_id = UUID(d.pop("campaign_id"))

        partnership_id = UUID(d.pop("partnership_id"))

        influencer_id = UUID(d.pop("influencer_id"))

        def _parse_deliverable_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deliverable_id_type_0 = UUID(data)

                return deliverable_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        deliverable_id = _parse_deliverable_id(d.pop("deliverable_id"))

        destination_url = d.pop("destination_url")

        target_url = d.pop("target_url")

        active = d.pop("active")

        clicks = d.pop("clicks")

        bot_clicks = d.pop("bot_clicks")

        repeat_clicks = d.pop("repeat_clicks")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        tracking_link_public = cls(
            id=id,
            code=code,
            short_url=short_url,
            campaign_id=campaign_id,
            partnership_id=partnership_id,
            influencer_id=influencer_id,
            deliverable_id=deliverable_id,
            destination_url=destination_url,
            target_url=target_url,
            active=active,
            clicks=clicks,
            bot_clicks=bot_clicks,
            repeat_clicks=repeat_clicks,
            created_at=created_at,
            updated_at=updated_at,
        )

        tracking_link_public.additional_properties = d
        return tracking_link_public

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
