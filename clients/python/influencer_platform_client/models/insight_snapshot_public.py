from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.insight_snapshot_public_metrics import InsightSnapshotPublicMetrics


T = TypeVar("T", bound="InsightSnapshotPublic")


@_attrs_define
class InsightSnapshotPublic:
    """
    Attributes:
        observed_at (datetime.datetime):
        received_at (datetime.datetime):
        metrics (InsightSnapshotPublicMetrics): In metrics' names (see the service's README)
    """

    observed_at: datetime.datetime
    received_at: datetime.datetime
    metrics: InsightSnapshotPublicMetrics
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        observed_at = self.observed_at.isoformat()

        received_at = self.received_at.isoformat()

        metrics = self.metrics.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "observed_at": observed_at,
                "received_at": received_at,
                "metrics": metrics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.insight_snapshot_public_metrics import InsightSnapshotPublicMetrics  # noqa: PLC0415

        d = dict(src_dict)
        observed_at = datetime.datetime.fromisoformat(d.pop("observed_at"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        metrics = InsightSnapshotPublicMetrics.from_dict(d.pop("metrics"))

        insight_snapshot_public = cls(
            observed_at=observed_at,
            received_at=received_at,
            metrics=metrics,
        )

        insight_snapshot_public.additional_properties = d
        return insight_snapshot_public

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
