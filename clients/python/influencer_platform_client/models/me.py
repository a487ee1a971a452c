from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.org_public import OrgPublic
    from ..models.user_public import UserPublic


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        user (None | UserPublic):
        org (OrgPublic):
        roles (list[str]):
        scopes (list[str]):
        influencer_id (None | UUID):
        api_key (bool):
    """

    user: None | UserPublic
    org: OrgPublic
    roles: list[str]
    scopes: list[str]
    influencer_id: None | UUID
    api_key: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_public import UserPublic  # noqa: PLC0415

        user: dict[str, Any] | None
        if isinstance(self.user, UserPublic):
            user = self.user.to_dict()
        else:
            user = self.user

        org = self.org.to_dict()

        roles = self.roles

        scopes = self.scopes

        influencer_id: None | str
        if isinstance(self.influencer_id, UUID):
            influencer_id = str(self.influencer_id)
        else:
            influencer_id = self.influencer_id

        api_key = self.api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "org": org,
                "roles": roles,
                "scopes": scopes,
                "influencer_id": influencer_id,
                "api_key": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_public import OrgPublic  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_user(data: object) -> None | UserPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = UserPublic.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserPublic, data)

        user = _parse_user(d.pop("user"))

        org = OrgPublic.from_dict(d.pop("org"))

        roles = cast(list[str], d.pop("roles"))

        scopes = cast(list[str], d.pop("scopes"))

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

        api_key = d.pop("api_key")

        me = cls(
            user=user,
            org=org,
            roles=roles,
            scopes=scopes,
            influencer_id=influencer_id,
            api_key=api_key,
        )

        me.additional_properties = d
        return me

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
