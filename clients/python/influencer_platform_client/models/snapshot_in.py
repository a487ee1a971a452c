from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.snapshot_in_metrics import SnapshotInMetrics


T = TypeVar("T", bound="SnapshotIn")


@_attrs_define
class SnapshotIn:
    """A post's cumulative numbers as observed at one time, in its platform's names.

    Attributes:
        observed_at (datetime.datetime): RFC 3339 with its offset (Z for UTC)
        metrics (SnapshotInMetrics): By the post's platform's names (see the README's table)
    """

    observed_at: datetime.datetime
    metrics: SnapshotInMetrics

    def to_dict(self) -> dict[str, Any]:
        observed_at = self.observed_at.isoformat()

        metrics = self.metrics.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "observed_at": observed_at,
                "metrics": metrics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.snapshot_in_metrics import SnapshotInMetrics  # noqa: PLC0415

        d = dict(src_dict)
        observed_at = datetime.datetime.fromisoformat(d.pop("observed_at"))

        metrics = SnapshotInMetrics.from_dict(d.pop("metrics"))

        snapshot_in = cls(
            observed_at=observed_at,
            metrics=metrics,
        )

        return snapshot_in
