from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_status import AssetStatus

if TYPE_CHECKING:
    from ..models.media_item_public import MediaItemPublic
    from ..models.usage_rights_public import UsageRightsPublic


T = TypeVar("T", bound="AssetPublic")


@_attrs_define
class AssetPublic:
    """
    Attributes:
        id (UUID):
        deliverable_id (UUID):
        campaign_id (UUID):
        partnership_id (UUID):
        influencer_id (UUID):
        submission_id (UUID):
        caption (str):
        platform (str):
        format_ (str):
        media (list[MediaItemPublic]):
        post_url (None | str):
        usage_rights (None | UsageRightsPublic):
        rights_from (datetime.datetime): Publication, or approval until it is published
        expires_at (datetime.datetime | None):
        status (AssetStatus):
        approved_at (datetime.datetime):
    """

    id: UUID
    deliverable_id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    submission_id: UUID
    caption: str
    platform: str
    format_: str
    media: list[MediaItemPublic]
    post_url: None | str
    usage_rights: None | UsageRightsPublic
    rights_from: datetime.datetime
    expires_at: datetime.datetime | None
    status: AssetStatus
    approved_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.usage_rights_public import UsageRightsPublic  # noqa: PLC0415

        id = str(self.id)

        deliverable_id = str(self.deliverable_id)

        campaign_id = str(self.campaign_id)

        partnership_id = str(self.partnership_id)

        influencer_id = str(self.influencer_id)

        submission_id = str(self.submission_id)

        caption = self.caption

        platform = self.platform

        format_ = self.format_

        media = []
        for media_item_data in self.media:
            media_item = media_item_data.to_dict()
            media.append(media_item)

        post_url: None | str
        post_url = self.post_url

        usage_rights: dict[str, Any] | None
        if isinstance(self.usage_rights, UsageRightsPublic):
            usage_rights = self.usage_rights.to_dict()
        else:
            usage_rights = self.usage_rights

        rights_from = self.rights_from.isoformat()

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        status = self.status.value

        approved_at = self.approved_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deliverable_id": deliverable_id,
                "campaign_id": campaign_id,
                "partnership_id": partnership_id,
                "influencer_id": influencer_id,
                "submission_id": submission_id,
                "caption": caption,
                "platform": platform,
                "format": format_,
                "media": media,
                "post_url": post_url,
                "usage_rights": usage_rights,
                "rights_from": rights_from,
                "expires_at": expires_at,
                "status": status,
                "approved_at": approved_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.media_item_public import MediaItemPublic  # noqa: PLC0415
        from ..models.usage_rights_public import UsageRightsPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        deliverable_id = UUID(d.pop("deliverable_id"))

        campaign_id = UUID(d.pop("campaign_id"))

        partnership_id = UUID(d.pop("partnership_id"))

        influencer_id = UUID(d.pop("influencer_id"))

        submission_id = UUID(d.pop("submission_id"))

        caption = d.pop("caption")

        platform = d.pop("platform")

        format_ = d.pop("format")

        media = []
        _media = d.pop("media")
        for media_item_data in _media:
            media_item = MediaItemPublic.from_dict(media_item_data)

            media.append(media_item)

        def _parse_post_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        post_url = _parse_post_url(d.pop("post_url"))

        def _parse_usage_rights(data: object) -> None | UsageRightsPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_rights_type_0 = UsageRightsPublic.from_dict(data)

                return usage_rights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UsageRightsPublic, data)

        usage_rights = _parse_usage_rights(d.pop("usage_rights"))

        rights_from = datetime.datetime.fromisoformat(d.pop("rights_from"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        status = AssetStatus(d.pop("status"))

        approved_at = datetime.datetime.fromisoformat(d.pop("approved_at"))

        asset_public = cls(
            id=id,
            deliverable_id=deliverable_id,
            campaign_id=campaign_id,
            partnership_id=partnership_id,
            influencer_id=influencer_id,
            submission_id=submission_id,
            caption=caption,
            platform=platform,
            format_=format_,
            media=media,
            post_url=post_url,
            usage_rights=usage_rights,
            rights_from=rights_from,
            expires_at=expires_at,
            status=status,
            approved_at=approved_at,
        )

        asset_public.additional_properties = d
        return asset_public

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
