from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignBody")


@_attrs_define
class SignBody:
    """
    Attributes:
        terms_version (int): The version you sign (409 if it is no longer current)
        terms_hash (None | str | Unset): If sent, must equal the version's hash
    """

    terms_version: int
    terms_hash: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        terms_version = self.terms_version

        terms_hash: None | str | Unset
        if isinstance(self.terms_hash, Unset):
            terms_hash = UNSET
        else:
            terms_hash = self.terms_hash

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "terms_version": terms_version,
            }
        )
        if terms_hash is not UNSET:
            field_dict["terms_hash"] = terms_hash

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        terms_version = d.pop("terms_version")

        def _parse_terms_hash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        terms_hash = _parse_terms_hash(d.pop("terms_hash", UNSET))

        sign_body = cls(
            terms_version=terms_version,
            terms_hash=terms_hash,
        )

        return sign_body
