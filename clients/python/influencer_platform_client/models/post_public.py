from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.finding_public import FindingPublic


T = TypeVar("T", bound="PostPublic")


@_attrs_define
class PostPublic:
    """
    Attributes:
        id (UUID):
        deliverable_id (UUID):
        platform (str):
        url (str):
        external_id (str):
        published_at (datetime.datetime):
        recorded_at (datetime.datetime):
        source (str):
        live_caption (None | str):
        findings (list[FindingPublic]): The live caption checked again and against the approved
    """

    id: UUID
    deliverable_id: UUID
    platform: str
    url: str
    external_id: str
    published_at: datetime.datetime
    recorded_at: datetime.datetime
    source: str
    live_caption: None | str
    findings: list[FindingPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        deliverable_id = str(self.deliverable_id)

        platform = self.platform

        url = self.url

        external_id = self.external_id

        published_at = self.published_at.isoformat()

        recorded_at = self.recorded_at.isoformat()

        source = self.source

        live_caption: None | str
        live_caption = self.live_caption

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deliverable_id": deliverable_id,
                "platform": platform,
                "url": url,
                "external_id": external_id,
                "published_at": published_at,
                "recorded_at": recorded_at,
                "source": source,
                "live_caption": live_caption,
                "findings": findings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_public import FindingPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        deliverable_id = UUID(d.pop("deliverable_id"))

        platform = d.pop("platform")

        url = d.pop("url")

        external_id = d.pop("external_id")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        source = d.pop("source")

        def _parse_live_caption(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        live_caption = _parse_live_caption(d.pop("live_caption"))

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = FindingPublic.from_dict(findings_item_data)

            findings.append(findings_item)

        post_public = cls(
            id=id,
            deliverable_id=deliverable_id,
            platform=platform,
            url=url,
            external_id=external_id,
            published_at=published_at,
            recorded_at=recorded_at,
            source=source,
            live_caption=live_caption,
            findings=findings,
        )

        post_public.additional_properties = d
        return post_public

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
