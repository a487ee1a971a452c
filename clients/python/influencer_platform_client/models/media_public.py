from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.media_public_kind import MediaPublicKind

T = TypeVar("T", bound="MediaPublic")


@_attrs_define
class MediaPublic:
    """
    Attributes:
        id (UUID):
        deliverable_id (UUID):
        content_type (str):
        kind (MediaPublicKind):
        size (int):
        sha256 (str):
        uploaded_at (datetime.datetime):
        uploaded_by (None | UUID):
    """

    id: UUID
    deliverable_id: UUID
    content_type: str
    kind: MediaPublicKind
    size: int
    sha256: str
    uploaded_at: datetime.datetime
    uploaded_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        deliverable_id = str(self.deliverable_id)

        content_type = self.content_type

        kind = self.kind.value

        size = self.size

        sha256 = self.sha256

        uploaded_at = self.uploaded_at.isoformat()

        uploaded_by: None | str
        if isinstance(self.uploaded_by, UUID):
            uploaded_by = str(self.uploaded_by)
        else:
            uploaded_by = self.uploaded_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deliverable_id": deliverable_id,
                "content_type": content_type,
                "kind": kind,
                "size": size,
                "sha256": sha256,
                "uploaded_at": uploaded_at,
                "uploaded_by": uploaded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        deliverable_id = UUID(d.pop("deliverable_id"))

        content_type = d.pop("content_type")

        kind = MediaPublicKind(d.pop("kind"))

        size = d.pop("size")

        sha256 = d.pop("sha256")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        def _parse_uploaded_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                uploaded_by_type_0 = UUID(data)

                return uploaded_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by"))

        media_public = cls(
            id=id,
            deliverable_id=deliverable_id,
            content_type=content_type,
            kind=kind,
            size=size,
            sha256=sha256,
            uploaded_at=uploaded_at,
            uploaded_by=uploaded_by,
        )

        media_public.additional_properties = d
        return media_public

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
