from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.finding_public import FindingPublic


T = TypeVar("T", bound="ComplianceReport")


@_attrs_define
class ComplianceReport:
    """
    Attributes:
        submission_id (UUID):
        version (int):
        checked_at (datetime.datetime):
        brief_version (int):
        in_video_disclosure_confirmed (bool):
        blocking (bool): Approving needs an override reason
        findings (list[FindingPublic]):
        override_reason (None | str):
    """

    submission_id: UUID
    version: int
    checked_at: datetime.datetime
    brief_version: int
    in_video_disclosure_confirmed: bool
    blocking: bool
    findings: list[FindingPublic]
    override_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        submission_id = str(self.submission_id)

        version = self.version

        checked_at = self.checked_at.isoformat()

        brief_version = self.brief_version

        in_video_disclosure_confirmed = self.in_video_disclosure_confirmed

        blocking = self.blocking

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        override_reason: None | str
        override_reason = self.override_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "submission_id": submission_id,
                "version": version,
                "checked_at": checked_at,
                "brief_version": brief_version,
                "in_video_disclosure_confirmed": in_video_disclosure_confirmed,
                "blocking": blocking,
                "findings": findings,
                "override_reason": override_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_public import FindingPublic  # noqa: PLC0415

        d = dict(src_dict)
        submission_id = UUID(d.pop("submission_id"))

        version = d.pop("version")

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        brief_version = d.pop("brief_version")

        in_video_disclosure_confirmed = d.pop("in_video_disclosure_confirmed")

        blocking = d.pop("blocking")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = FindingPublic.from_dict(findings_item_data)

            findings.append(findings_item)

        def _parse_override_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        override_reason = _parse_override_reason(d.pop("override_reason"))

        compliance_report = cls(
            submission_id=submission_id,
            version=version,
            checked_at=checked_at,
            brief_version=brief_version,
            in_video_disclosure_confirmed=in_video_disclosure_confirmed,
            blocking=blocking,
            findings=findings,
            override_reason=override_reason,
        )

        compliance_report.additional_properties = d
        return compliance_report

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
