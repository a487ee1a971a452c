from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.milestone_trigger import MilestoneTrigger

T = TypeVar("T", bound="MilestoneTerms")


@_attrs_define
class MilestoneTerms:
    """
    Attributes:
        trigger (MilestoneTrigger):
        percent (int): Share of the fee; the schedule adds up to 100
    """

    trigger: MilestoneTrigger
    percent: int

    def to_dict(self) -> dict[str, Any]:
        trigger = self.trigger.value

        percent = self.percent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "trigger": trigger,
                "percent": percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        trigger = MilestoneTrigger(d.pop("trigger"))

        percent = d.pop("percent")

        milestone_terms = cls(
            trigger=trigger,
            percent=percent,
        )

        return milestone_terms
