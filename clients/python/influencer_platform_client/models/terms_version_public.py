from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.party import Party

if TYPE_CHECKING:
    from ..models.terms_public import TermsPublic


T = TypeVar("T", bound="TermsVersionPublic")


@_attrs_define
class TermsVersionPublic:
    """
    Attributes:
        version (int):
        author (Party):
        author_user_id (None | UUID):
        terms_hash (str):
        created_at (datetime.datetime):
        terms (TermsPublic): One version of the terms as it was agreed or offered.
    """

    version: int
    author: Party
    author_user_id: None | UUID
    terms_hash: str
    created_at: datetime.datetime
    terms: TermsPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        author = self.author.value

        author_user_id: None | str
        if isinstance(self.author_user_id, UUID):
            author_user_id = str(self.author_user_id)
        else:
            author_user_id = self.author_user_id

        terms_hash = self.terms_hash

        created_at = self.created_at.isoformat()

        terms = self.terms.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "author": author,
                "author_user_id": author_user_id,
                "terms_hash": terms_hash,
                "created_at": created_at,
                "terms": terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.terms_public import TermsPublic  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        author = Party(d.pop("author"))

        def _parse_author_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_user_id_type_0 = UUID(data)

                return author_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        author_user_id = _parse_author_user_id(d.pop("author_user_id"))

        terms_hash = d.pop("terms_hash")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        terms = TermsPublic.from_dict(d.pop("terms"))

        terms_version_public = cls(
            version=version,
            author=author,
            author_user_id=author_user_id,
            terms_hash=terms_hash,
            created_at=created_at,
            terms=terms,
        )

        terms_version_public.additional_properties = d
        return terms_version_public

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
