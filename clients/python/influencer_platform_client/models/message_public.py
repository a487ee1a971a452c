from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.party import Party

T = TypeVar("T", bound="MessagePublic")


@_attrs_define
class MessagePublic:
    """
    Attributes:
        id (UUID):
        partnership_id (UUID):
        author (Party):
        author_user_id (None | UUID):
        body (str):
        template_id (None | UUID):
        created_at (datetime.datetime):
    """

    id: UUID
    partnership_id: UUID
    author: Party
    author_user_id: None | UUID
    body: str
    template_id: None | UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        partnership_id = str(self.partnership_id)

        author = self.author.value

        author_user_id: None | str
        if isinstance(self.author_user_id, UUID):
            author_user_id = str(self.author_user_id)
        else:
            author_user_id = self.author_user_id

        body = self.body

        template_id: None | str
        if isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "partnership_id": partnership_id,
                "author": author,
                "author_user_id": author_user_id,
                "body": body,
                "template_id": template_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        partnership_id = UUID(d.pop("partnership_id"))

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

        body = d.pop("body")

        def _parse_template_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                template_id_type_0 = UUID(data)

                return template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        template_id = _parse_template_id(d.pop("template_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        message_public = cls(
            id=id,
            partnership_id=partnership_id,
            author=author,
            author_user_id=author_user_id,
            body=body,
            template_id=template_id,
            created_at=created_at,
        )

        message_public.additional_properties = d
        return message_public

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
