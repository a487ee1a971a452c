from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.comment_in import CommentIn


T = TypeVar("T", bound="ApproveBody")


@_attrs_define
class ApproveBody:
    """
    Attributes:
        comments (list[CommentIn] | Unset):
        override_reason (None | str | Unset): Required when the version has blocking findings
        confirm_in_video_disclosure (bool | Unset): The reviewer saw the disclosure said and shown in the video Default:
            False.
    """

    comments: list[CommentIn] | Unset = UNSET
    override_reason: None | str | Unset = UNSET
    confirm_in_video_disclosure: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        comments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.comments, Unset):
            comments = []
            for comments_item_data in self.comments:
                comments_item = comments_item_data.to_dict()
                comments.append(comments_item)

        override_reason: None | str | Unset
        if isinstance(self.override_reason, Unset):
            override_reason = UNSET
        else:
            override_reason = self.override_reason

        confirm_in_video_disclosure = self.confirm_in_video_disclosure

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if comments is not UNSET:
            field_dict["comments"] = comments
        if override_reason is not UNSET:
            field_dict["override_reason"] = override_reason
        if confirm_in_video_disclosure is not UNSET:
            field_dict["confirm_in_video_disclosure"] = confirm_in_video_disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_in import CommentIn  # noqa: PLC0415

        d = dict(src_dict)
        _comments = d.pop("comments", UNSET)
        comments: list[CommentIn] | Unset = UNSET
        if _comments is not UNSET:
            comments = []
            for comments_item_data in _comments:
                comments_item = CommentIn.from_dict(comments_item_data)

                comments.append(comments_item)

        def _parse_override_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        override_reason = _parse_override_reason(d.pop("override_reason", UNSET))

        confirm_in_video_disclosure = d.pop("confirm_in_video_disclosure", UNSET)

        approve_body = cls(
            comments=comments,
            override_reason=override_reason,
            confirm_in_video_disclosure=confirm_in_video_disclosure,
        )

        return approve_body
