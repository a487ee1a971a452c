from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision import Decision

if TYPE_CHECKING:
    from ..models.comment_public import CommentPublic


T = TypeVar("T", bound="ReviewPublic")


@_attrs_define
class ReviewPublic:
    """
    Attributes:
        decision (Decision):
        reviewer_id (None | UUID):
        reviewed_at (datetime.datetime):
        comments (list[CommentPublic]):
        override_reason (None | str): Why it was approved despite blocking findings
        overridden (list[str]): Codes of the blocking findings the override set aside
    """

    decision: Decision
    reviewer_id: None | UUID
    reviewed_at: datetime.datetime
    comments: list[CommentPublic]
    override_reason: None | str
    overridden: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        reviewer_id: None | str
        if isinstance(self.reviewer_id, UUID):
            reviewer_id = str(self.reviewer_id)
        else:
            reviewer_id = self.reviewer_id

        reviewed_at = self.reviewed_at.isoformat()

        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)

        override_reason: None | str
        override_reason = self.override_reason

        overridden = self.overridden

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision": decision,
                "reviewer_id": reviewer_id,
                "reviewed_at": reviewed_at,
                "comments": comments,
                "override_reason": override_reason,
                "overridden": overridden,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_public import CommentPublic  # noqa: PLC0415

        d = dict(src_dict)
        decision = Decision(d.pop("decision"))

        def _parse_reviewer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewer_id_type_0 = UUID(data)

                return reviewer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reviewer_id = _parse_reviewer_id(d.pop("reviewer_id"))

        reviewed_at = datetime.datetime.fromisoformat(d.pop("reviewed_at"))

        comments = []
        _comments = d.pop("comments")
        for comments_item_data in _comments:
            comments_item = CommentPublic.from_dict(comments_item_data)

            comments.append(comments_item)

        def _parse_override_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        override_reason = _parse_override_reason(d.pop("override_reason"))

        overridden = cast(list[str], d.pop("overridden"))

        review_public = cls(
            decision=decision,
            reviewer_id=reviewer_id,
            reviewed_at=reviewed_at,
            comments=comments,
            override_reason=override_reason,
            overridden=overridden,
        )

        review_public.additional_properties = d
        return review_public

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
