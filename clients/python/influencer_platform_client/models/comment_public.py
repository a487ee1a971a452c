from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.span_public import SpanPublic


T = TypeVar("T", bound="CommentPublic")


@_attrs_define
class CommentPublic:
    """
    Attributes:
        id (UUID):
        body (str):
        span (None | SpanPublic):
        at_seconds (float | None):
        author_id (None | UUID):
        created_at (datetime.datetime):
    """

    id: UUID
    body: str
    span: None | SpanPublic
    at_seconds: float | None
    author_id: None | UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.span_public import SpanPublic  # noqa: PLC0415

        id = str(self.id)

        body = self.body

        span: dict[str, Any] | None
        if isinstance(self.span, SpanPublic):
            span = self.span.to_dict()
        else:
            span = self.span

        at_seconds: float | None
        at_seconds = self.at_seconds

        author_id: None | str
        if isinstance(self.author_id, UUID):
            author_id = str(self.author_id)
        else:
            author_id = self.author_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "body": body,
                "span": span,
                "at_seconds": at_seconds,
                "author_id": author_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.span_public import SpanPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        body = d.pop("body")

        def _parse_span(data: object) -> None | SpanPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                span_type_0 = SpanPublic.from_dict(data)

                return span_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpanPublic, data)

        span = _parse_span(d.pop("span"))

        def _parse_at_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        at_seconds = _parse_at_seconds(d.pop("at_seconds"))

        def _parse_author_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_id_type_0 = UUID(data)

                return author_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        author_id = _parse_author_id(d.pop("author_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        comment_public = cls(
            id=id,
            body=body,
            span=span,
            at_seconds=at_seconds,
            author_id=author_id,
            created_at=created_at,
        )

        comment_public.additional_properties = d
        return comment_public

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
