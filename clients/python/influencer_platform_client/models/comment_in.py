from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.span_in import SpanIn


T = TypeVar("T", bound="CommentIn")


@_attrs_define
class CommentIn:
    """
    Attributes:
        body (str):
        span (None | SpanIn | Unset): The part of the caption it is about, [start, end)
        at_seconds (float | None | Unset): The moment of the video
    """

    body: str
    span: None | SpanIn | Unset = UNSET
    at_seconds: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.span_in import SpanIn  # noqa: PLC0415

        body = self.body

        span: dict[str, Any] | None | Unset
        if isinstance(self.span, Unset):
            span = UNSET
        elif isinstance(self.span, SpanIn):
            span = self.span.to_dict()
        else:
            span = self.span

        at_seconds: float | None | Unset
        if isinstance(self.at_seconds, Unset):
            at_seconds = UNSET
        else:
            at_seconds = self.at_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
            }
        )
        if span is not UNSET:
            field_dict["span"] = span
        if at_seconds is not UNSET:
            field_dict["at_seconds"] = at_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.span_in import SpanIn  # noqa: PLC0415

        d = dict(src_dict)
        body = d.pop("body")

        def _parse_span(data: object) -> None | SpanIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                span_type_0 = SpanIn.from_dict(data)

                return span_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpanIn | Unset, data)

        span = _parse_span(d.pop("span", UNSET))

        def _parse_at_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        at_seconds = _parse_at_seconds(d.pop("at_seconds", UNSET))

        comment_in = cls(
            body=body,
            span=span,
            at_seconds=at_seconds,
        )

        return comment_in
