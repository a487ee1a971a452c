from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

if TYPE_CHECKING:
    from ..models.org_summary import OrgSummary


T = TypeVar("T", bound="MyInvitation")


@_attrs_define
class MyInvitation:
    """
    Attributes:
        id (UUID):
        org (OrgSummary):
        role (Role):
        invited_by_email (None | str):
        expires_at (datetime.datetime):
    """

    id: UUID
    org: OrgSummary
    role: Role
    invited_by_email: None | str
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        org = self.org.to_dict()

        role = self.role.value

        invited_by_email: None | str
        invited_by_email = self.invited_by_email

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org": org,
                "role": role,
                "invited_by_email": invited_by_email,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_summary import OrgSummary  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        org = OrgSummary.from_dict(d.pop("org"))

        role = Role(d.pop("role"))

        def _parse_invited_by_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invited_by_email = _parse_invited_by_email(d.pop("invited_by_email"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        my_invitation = cls(
            id=id,
            org=org,
            role=role,
            invited_by_email=invited_by_email,
            expires_at=expires_at,
        )

        my_invitation.additional_properties = d
        return my_invitation

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
