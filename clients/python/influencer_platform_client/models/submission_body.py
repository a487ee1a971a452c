from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.submission_body_format import SubmissionBodyFormat
from ..models.submission_body_platform import SubmissionBodyPlatform
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmissionBody")


@_attrs_define
class SubmissionBody:
    """
    Attributes:
        caption (str): The caption or description as it will be posted
        platform (SubmissionBodyPlatform): The deliverable's platform
        format_ (SubmissionBodyFormat):
        media (list[Any] | Unset):
        notes (None | str | Unset): A word to the reviewer
    """

    caption: str
    platform: SubmissionBodyPlatform
    format_: SubmissionBodyFormat
    media: list[Any] | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        caption = self.caption

        platform = self.platform.value

        format_ = self.format_.value

        media: list[Any] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item: Any
                media_item = media_item_data
                media.append(media_item)

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "caption": caption,
                "platform": platform,
                "format": format_,
            }
        )
        if media is not UNSET:
            field_dict["media"] = media
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        caption = d.pop("caption")

        platform = SubmissionBodyPlatform(d.pop("platform"))

        format_ = SubmissionBodyFormat(d.pop("format"))

        _media = d.pop("media", UNSET)
        media: list[Any] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:

                def _parse_media_item(data: object) -> Any:
                    return cast(Any, data)

                media_item = _parse_media_item(media_item_data)

                media.append(media_item)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        submission_body = cls(
            caption=caption,
            platform=platform,
            format_=format_,
            media=media,
            notes=notes,
        )

        return submission_body
