from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PromoCodePublic")


@_attrs_define
class PromoCodePublic:
    """
    Attributes:
        id (UUID):
        code (str): Compared in upper case
        campaign_id (UUID):
        partnership_id (UUID):
        influencer_id (UUID):
        created_at (datetime.datetime):
    """

    id: UUID
    code: str
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        campaign_id = str(self.campaign_id)

        partnership_id = str(self.partnership_id)

        influencer_id = str(self.influencer_id)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "campaign_id": campaign_id,
                "partnership_id": partnership_id,
                "influencer_id": influencer_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        campaign_id = UUID(d.pop("campaign_id"))

        partnership_id = UUID(d.pop("partnership_id"))

        influencer_id = UUID(d.pop("influencer_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        promo_code_public = cls(
            id=id,
            code=code,
            campaign_id=campaign_id,
            partnership_id=partnership_id,
            influencer_id=influencer_id,
            created_at=created_at,
        )

        promo_code_public.additional_properties = d
        return promo_code_public

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
