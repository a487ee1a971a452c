from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignupPending")


@_attrs_define
class SignupPending:
    """
    Attributes:
        email (str):
        expires_at (datetime.datetime): Until when the mailed link confirms
        detail (str | Unset):  Default: 'A confirmation link was mailed to this address; the sign-up completes when it
            is confirmed.'.
    """

    email: str
    expires_at: datetime.datetime
    detail: str | Unset = "A confirmation link was mailed to this address; the sign-up completes when it is confirmed."
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        expires_at = self.expires_at.isoformat()

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "expires_at": expires_at,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        detail = d.pop("detail", UNSET)

        signup_pending = cls(
            email=email,
            expires_at=expires_at,
            detail=detail,
        )

        signup_pending.additional_properties = d
        return signup_pending

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
