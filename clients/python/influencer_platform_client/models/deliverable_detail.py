from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action import Action
from ..models.deliverable_state import DeliverableState

if TYPE_CHECKING:
    from ..models.effective_brief_public import EffectiveBriefPublic
    from ..models.post_public import PostPublic
    from ..models.submission_public import SubmissionPublic


T = TypeVar("T", bound="DeliverableDetail")


@_attrs_define
class DeliverableDetail:
    """
    Attributes:
        id (UUID):
        campaign_id (UUID):
        partnership_id (UUID):
        influencer_id (UUID):
        type_ (str):
        platform (str):
        due_on (datetime.date | None):
        overdue (bool): The due date passed and it is not live
        state (DeliverableState):
        allowed_actions (list[Action]): What the caller may do now
        collaboration_type (str):
        versions (int):
        current_submission_id (None | UUID):
        approved_submission_id (None | UUID):
        scheduled_for (datetime.datetime | None):
        post_id (None | UUID):
        published_at (datetime.datetime | None):
        cancelled_reason (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        brief (EffectiveBriefPublic): What a deliverable follows: the campaign brief's `version` (0: none written yet)
            with the
            deliverable's overrides (`overridden` names them).
        current_submission (None | SubmissionPublic):
        post (None | PostPublic):
    """

    id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    type_: str
    platform: str
    due_on: datetime.date | None
    overdue: bool
    state: DeliverableState
    allowed_actions: list[Action]
    collaboration_type: str
    versions: int
    current_submission_id: None | UUID
    approved_submission_id: None | UUID
    scheduled_for: datetime.datetime | None
    post_id: None | UUID
    published_at: datetime.datetime | None
    cancelled_reason: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    brief: EffectiveBriefPublic
    current_submission: None | SubmissionPublic
    post: None | PostPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.post_public import PostPublic  # noqa: PLC0415
        from ..models.submission_public import SubmissionPublic  # noqa: PLC0415

        id = str(self.id)

        campaign_id = str(self.campaign_id)

        partnership_id = str(self.partnership_id)

        influencer_id = str(self.influencer_id)

        type_ = self.type_

        platform = self.platform

        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        overdue = self.overdue

        state = self.state.value

        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item = allowed_actions_item_data.value
            allowed_actions.append(allowed_actions_item)

        collaboration_type = self.collaboration_type

        versions = self.versions

        current_submission_id: None | str
        if isinstance(self.current_submission_id, UUID):
            current_submission_id = str(self.current_submission_id)
        else:
            current_submission_id = self.current_submission_id

        approved_submission_id: None | str
        if isinstance(self.approved_submission_id, UUID):
            approved_submission_id = str(self.approved_submission_id)
        else:
            approved_submission_id = self.approved_submission_id

        scheduled_for: None | str
        if isinstance(self.scheduled_for, datetime.datetime):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        post_id: None | str
        if isinstance(self.post_id, UUID):
            post_id = str(self.post_id)
        else:
            post_id = self.post_id

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        cancelled_reason: None | str
        cancelled_reason = self.cancelled_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        brief = self.brief.to_dict()

        current_submission: dict[str, Any] | None
        if isinstance(self.current_submission, SubmissionPublic):
            current_submission = self.current_submission.to_dict()
        else:
            current_submission = self.current_submission

        post: dict[str, Any] | None
        if isinstance(self.post, PostPublic):
            post = self.post.to_dict()
        else:
            post = self.post

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "campaign_id": campaign_id,
                "partnership_id": partnership_id,
                "influencer_id": influencer_id,
                "type": type_,
                "platform": platform,
                "due_on": due_on,
                "overdue": overdue,
                "state": state,
                "allowed_actions": allowed_actions,
                "collaboration_type": collaboration_type,
                "versions": versions,
                "current_submission_id": current_submission_id,
                "approved_submission_id": approved_submission_id,
                "scheduled_for": scheduled_for,
                "post_id": post_id,
                "published_at": published_at,
                "cancelled_reason": cancelled_reason,
                "created_at": created_at,
                "updated_at": updated_at,
                "brief": brief,
                "current_submission": current_submission,
                "post": post,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.effective_brief_public import EffectiveBriefPublic  # noqa: PLC0415
        from ..models.post_public import PostPublic  # noqa: PLC0415
        from ..models.submission_public import SubmissionPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        campaign_id = UUID(d.pop("campaign_id"))

        partnership_id = UUID(d.pop("partnership_id"))

        influencer_id = UUID(d.pop("influencer_id"))

        type_ = d.pop("type")

        platform = d.pop("platform")

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        overdue = d.pop("overdue")

        state = DeliverableState(d.pop("state"))

        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in _allowed_actions:
            allowed_actions_item = Action(allowed_actions_item_data)

            allowed_actions.append(allowed_actions_item)

        collaboration_type = d.pop("collaboration_type")

        versions = d.pop("versions")

        def _parse_current_submission_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_submission_id_type_0 = UUID(data)

                return current_submission_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        current_submission_id = _parse_current_submission_id(d.pop("current_submission_id"))

        def _parse_approved_submission_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_submission_id_type_0 = UUID(data)

                return approved_submission_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        approved_submission_id = _parse_approved_submission_id(d.pop("approved_submission_id"))

        def _parse_scheduled_for(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_for_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_for_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scheduled_for = _parse_scheduled_for(d.pop("scheduled_for"))

        def _parse_post_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                post_id_type_0 = UUID(data)

                return post_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        post_id = _parse_post_id(d.pop("post_id"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        def _parse_cancelled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancelled_reason = _parse_cancelled_reason(d.pop("cancelled_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        brief = EffectiveBriefPublic.from_dict(d.pop("brief"))

        def _parse_current_submission(data: object) -> None | SubmissionPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_submission_type_0 = SubmissionPublic.from_dict(data)

                return current_submission_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubmissionPublic, data)

        current_submission = _parse_current_submission(d.pop("current_submission"))

        def _parse_post(data: object) -> None | PostPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                post_type_0 = PostPublic.from_dict(data)

                return post_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostPublic, data)

        post = _parse_post(d.pop("post"))

        deliverable_detail = cls(
            id=id,
            campaign_id=campaign_id,
            partnership_id=partnership_id,
            influencer_id=influencer_id,
            type_=type_,
            platform=platform,
            due_on=due_on,
            overdue=overdue,
            state=state,
            allowed_actions=allowed_actions,
            collaboration_type=collaboration_type,
            versions=versions,
            current_submission_id=current_submission_id,
            approved_submission_id=approved_submission_id,
            scheduled_for=scheduled_for,
            post_id=post_id,
            published_at=published_at,
            cancelled_reason=cancelled_reason,
            created_at=created_at,
            updated_at=updated_at,
            brief=brief,
            current_submission=current_submission,
            post=post,
        )

        deliverable_detail.additional_properties = d
        return deliverable_detail

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
