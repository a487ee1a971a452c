from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InsightsAccepted")


@_attrs_define
class InsightsAccepted:
    """
    Attributes:
        post_id (UUID):
        accepted (int): New snapshots, counted into the post's totals within a second
        repeats (int): Snapshots kept before with the same numbers: they change nothing
    """

    post_id: UUID
    accepted: int
    repeats: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        post_id = str(self.post_id)

        accepted = self.accepted

        repeats = self.repeats

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "post_id": post_id,
                "accepted": accepted,
                "repeats": repeats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        post_id = UUID(d.pop("post_id"))

        accepted = d.pop("accepted")

        repeats = d.pop("repeats")

        insights_accepted = cls(
            post_id=post_id,
            accepted=accepted,
            repeats=repeats,
        )

        insights_accepted.additional_properties = d
        return insights_accepted

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
