from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatorCreate")


@_attrs_define
class CreatorCreate:
    """
    Attributes:
        email (str): an email address (compared without case)
        password (str): 10 characters or more, not starting or ending with a space
        influencer_id (UUID): The discovery profile this creator claims
        display_name (None | str | Unset):
    """

    email: str
    password: str
    influencer_id: UUID
    display_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        influencer_id = str(self.influencer_id)

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
                "influencer_id": influencer_id,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        influencer_id = UUID(d.pop("influencer_id"))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        creator_create = cls(
            email=email,
            password=password,
            influencer_id=influencer_id,
            display_name=display_name,
        )

        return creator_create
