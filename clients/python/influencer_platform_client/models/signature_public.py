from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.party import Party

T = TypeVar("T", bound="SignaturePublic")


@_attrs_define
class SignaturePublic:
    """
    Attributes:
        party (Party):
        user_id (None | UUID):
        terms_version (int):
        terms_hash (str):
        signed_at (datetime.datetime):
    """

    party: Party
    user_id: None | UUID
    terms_version: int
    terms_hash: str
    signed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        party = self.party.value

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        terms_version = self.terms_version

        terms_hash = self.terms_hash

        signed_at = self.signed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "party": party,
                "user_id": user_id,
                "terms_version": terms_version,
                "terms_hash": terms_hash,
                "signed_at": signed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        party = Party(d.pop("party"))

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        terms_version = d.pop("terms_version")

        terms_hash = d.pop("terms_hash")

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        signature_public = cls(
            party=party,
            user_id=user_id,
            terms_version=terms_version,
            terms_hash=terms_hash,
            signed_at=signed_at,
        )

        signature_public.additional_properties = d
        return signature_public

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
