from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ScheduleBody")


@_attrs_define
class ScheduleBody:
    """
    Attributes:
        scheduled_for (datetime.datetime): When the approved version goes live
    """

    scheduled_for: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        scheduled_for = self.scheduled_for.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scheduled_for": scheduled_for,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scheduled_for = datetime.datetime.fromisoformat(d.pop("scheduled_for"))

        schedule_body = cls(
            scheduled_for=scheduled_for,
        )

        return schedule_body
