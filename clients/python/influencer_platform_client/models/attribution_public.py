from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttributionPublic")


@_attrs_define
class AttributionPublic:
    """
    Attributes:
        method (str): click, promo_code or none (unattributed)
        campaign_id (None | UUID):
        partnership_id (None | UUID):
        influencer_id (None | UUID):
        link_id (None | UUID):
        deliverable_id (None | UUID):
        reason (None | str): Why it is unattributed, or why a click id sent was passed over
    """

    method: str
    campaign_id: None | UUID
    partnership_id: None | UUID
    influencer_id: None | UUID
    link_id: None | UUID
    deliverable_id: None | UUID
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        campaign_id: None | str
        if isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        partnership_id: None | str
        if isinstance(self.partnership_id, UUID):
            partnership_id = str(self.partnership_id)
        else:
            partnership_id = self.partnership_id

        influencer_id: None | str
        if isinstance(self.influencer_id, UUID):
            influencer_id = str(self.influencer_id)
        else:
            influencer_id = self.influencer_id

        link_id: None | str
        if isinstance(self.link_id, UUID):
            link_id = str(self.link_id)
        else:
            link_id = self.link_id

        deliverable_id: None | str
        if isinstance(self.deliverable_id, UUID):
            deliverable_id = str(self.deliverable_id)
        else:
            deliverable_id = self.deliverable_id

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "campaign_id": campaign_id,
                "partnership_id": partnership_id,
                "influencer_id": influencer_id,
                "link_id": link_id,
                "deliverable_id": deliverable_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = d.pop("method")

        def _parse_campaign_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                campaign_id_type_0 = UUID(data)

                return campaign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id"))

        def _parse_partnership_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partnership_id_type_0 = UUID(data)

                return partnership_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        partnership_id = _parse_partnership_id(d.pop("partnership_id"))

        def _parse_influencer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                influencer_id_type_0 = UUID(data)

                return influencer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        influencer_id = _parse_influencer_id(d.pop("influencer_id"))

        def _parse_link_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                link_id_type_0 = UUID(data)

                return link_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        link_id = _parse_link_id(d.pop("link_id"))

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

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        attribution_public = cls(
            method=method,
            campaign_id=campaign_id,
            partnership_id=partnership_id,
            influencer_id=influencer_id,
            link_id=link_id,
            deliverable_id=deliverable_id,
            reason=reason,
        )

        attribution_public.additional_properties = d
        return attribution_public

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
