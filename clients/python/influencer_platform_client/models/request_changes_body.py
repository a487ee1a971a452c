from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.comment_in import CommentIn


T = TypeVar("T", bound="RequestChangesBody")


@_attrs_define
class RequestChangesBody:
    """
    Attributes:
        comments (list[CommentIn]):
    """

    comments: list[CommentIn]

    def to_dict(self) -> dict[str, Any]:
        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "comments": comments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_in import CommentIn  # noqa: PLC0415

        d = dict(src_dict)
        comments = []
        _comments = d.pop("comments")
        for comments_item_data in _comments:
            comments_item = CommentIn.from_dict(comments_item_data)

            comments.append(comments_item)

        request_changes_body = cls(
            comments=comments,
        )

        return request_changes_body
