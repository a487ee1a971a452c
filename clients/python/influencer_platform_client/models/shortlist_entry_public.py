from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.influencer_summary import InfluencerSummary


T = TypeVar("T", bound="ShortlistEntryPublic")


@_attrs_define
class ShortlistEntryPublic:
    """
    Attributes:
        campaign_id (UUID):
        influencer (InfluencerSummary):
        note (None | str):
        added_by (None | UUID):
        added_at (datetime.datetime):
    """

    campaign_id: UUID
    influencer: InfluencerSummary
    note: None | str
    added_by: None | UUID
    added_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        influencer = self.influencer.to_dict()

        note: None | str
        note = self.note

        added_by: None | str
        if isinstance(self.added_by, UUID):
            added_by = str(self.added_by)
        else:
            added_by = self.added_by

        added_at = self.added_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "influencer": influencer,
                "note": note,
                "added_by": added_by,
                "added_at": added_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.influencer_summary import InfluencerSummary  # noqa: PLC0415

        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        influencer = InfluencerSummary.from_dict(d.pop("influencer"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_added_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                added_by_type_0 = UUID(data)

                return added_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        added_by = _parse_added_by(d.pop("added_by"))

        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        shortlist_entry_public = cls(
            campaign_id=campaign_id,
            influencer=influencer,
            note=note,
            added_by=added_by,
            added_at=added_at,
        )

        shortlist_entry_public.additional_properties = d
        return shortlist_entry_public

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
