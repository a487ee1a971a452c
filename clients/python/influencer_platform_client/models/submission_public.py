from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_status import SubmissionStatus

if TYPE_CHECKING:
    from ..models.compliance_summary import ComplianceSummary
    from ..models.media_item_public import MediaItemPublic
    from ..models.review_public import ReviewPublic


T = TypeVar("T", bound="SubmissionPublic")


@_attrs_define
class SubmissionPublic:
    """
    Attributes:
        id (UUID):
        deliverable_id (UUID):
        version (int):
        status (SubmissionStatus):
        caption (str):
        platform (str):
        format_ (str):
        media (list[MediaItemPublic]):
        notes (None | str):
        brief_version (int): The campaign brief version it was checked against (0: none)
        submitted_at (datetime.datetime):
        submitted_by (None | UUID):
        compliance (ComplianceSummary):
        review (None | ReviewPublic):
    """

    id: UUID
    deliverable_id: UUID
    version: int
    status: SubmissionStatus
    caption: str
    platform: str
    format_: str
    media: list[MediaItemPublic]
    notes: None | str
    brief_version: int
    submitted_at: datetime.datetime
    submitted_by: None | UUID
    compliance: ComplianceSummary
    review: None | ReviewPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.review_public import ReviewPublic  # noqa: PLC0415

        id = str(self.id)

        deliverable_id = str(self.deliverable_id)

        version = self.version

        status = self.status.value

        caption = self.caption

        platform = self.platform

        format_ = self.format_

        media = []
        for media_item_data in self.media:
            media_item = media_item_data.to_dict()
            media.append(media_item)

        notes: None | str
        notes = self.notes

        brief_version = self.brief_version

        submitted_at = self.submitted_at.isoformat()

        submitted_by: None | str
        if isinstance(self.submitted_by, UUID):
            submitted_by = str(self.submitted_by)
        else:
            submitted_by = self.submitted_by

        compliance = self.compliance.to_dict()

        review: dict[str, Any] | None
        if isinstance(self.review, ReviewPublic):
            review = self.review.to_dict()
        else:
            review = self.review

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deliverable_id": deliverable_id,
                "version": version,
                "status": status,
                "caption": caption,
                "platform": platform,
                "format": format_,
                "media": media,
                "notes": notes,
                "brief_version": brief_version,
                "submitted_at": submitted_at,
                "submitted_by": submitted_by,
                "compliance": compliance,
                "review": review,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.compliance_summary import ComplianceSummary  # noqa: PLC0415
        from ..models.media_item_public import MediaItemPublic  # noqa: PLC0415
        from ..models.review_public import ReviewPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        deliverable_id = UUID(d.pop("deliverable_id"))

        version = d.pop("version")

        status = SubmissionStatus(d.pop("status"))

        caption = d.pop("caption")

        platform = d.pop("platform")

        format_ = d.pop("format")

        media = []
        _media = d.pop("media")
        for media_item_data in _media:
            media_item = MediaItemPublic.from_dict(media_item_data)

            media.append(media_item)

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        brief_version = d.pop("brief_version")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        def _parse_submitted_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_by_type_0 = UUID(data)

                return submitted_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by"))

        compliance = ComplianceSummary.from_dict(d.pop("compliance"))

        def _parse_review(data: object) -> None | ReviewPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                review_type_0 = ReviewPublic.from_dict(data)

                return review_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewPublic, data)

        review = _parse_review(d.pop("review"))

        submission_public = cls(
            id=id,
            deliverable_id=deliverable_id,
            version=version,
            status=status,
            caption=caption,
            platform=platform,
            format_=format_,
            media=media,
            notes=notes,
            brief_version=brief_version,
            submitted_at=submitted_at,
            submitted_by=submitted_by,
            compliance=compliance,
            review=review,
        )

        submission_public.additional_properties = d
        return submission_public

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
