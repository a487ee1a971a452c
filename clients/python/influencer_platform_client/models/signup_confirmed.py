from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.org_public import OrgPublic
    from ..models.user_public import UserPublic


T = TypeVar("T", bound="SignupConfirmed")


@_attrs_define
class SignupConfirmed:
    """
    Attributes:
        org (OrgPublic):
        user (UserPublic):
        role (Role):
        existing_account (bool): The email had an account: the org or membership was added to it, its password unchanged
        influencer_id (None | Unset | UUID):
    """

    org: OrgPublic
    user: UserPublic
    role: Role
    existing_account: bool
    influencer_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org = self.org.to_dict()

        user = self.user.to_dict()

        role = self.role.value

        existing_account = self.existing_account

        influencer_id: None | str | Unset
        if isinstance(self.influencer_id, Unset):
            influencer_id = UNSET
        elif isinstance(self.influencer_id, UUID):
            influencer_id = str(self.influencer_id)
        else:
            influencer_id = self.influencer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org": org,
                "user": user,
                "role": role,
                "existing_account": existing_account,
            }
        )
        if influencer_id is not UNSET:
            field_dict["influencer_id"] = influencer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_public import OrgPublic  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        d = dict(src_dict)
        org = OrgPublic.from_dict(d.pop("org"))

        user = UserPublic.from_dict(d.pop("user"))

        role = Role(d.pop("role"))

        existing_account = d.pop("existing_account")

        def _parse_influencer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                influencer_id_type_0 = UUID(data)

                return influencer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        influencer_id = _parse_influencer_id(d.pop("influencer_id", UNSET))

        signup_confirmed = cls(
            org=org,
            user=user,
            role=role,
            existing_account=existing_account,
            influencer_id=influencer_id,
        )

        signup_confirmed.additional_properties = d
        return signup_confirmed

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
