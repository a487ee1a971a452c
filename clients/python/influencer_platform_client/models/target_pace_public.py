from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TargetPacePublic")


@_attrs_define
class TargetPacePublic:
    """
    Attributes:
        kpi (str):
        target (float):
        actual (float | None):
        expected_by_now (float | None):
        reached (bool):
        on_track (bool | None):
    """

    kpi: str
    target: float
    actual: float | None
    expected_by_now: float | None
    reached: bool
    on_track: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kpi = self.kpi

        target = self.target

        actual: float | None
        actual = self.actual

        expected_by_now: float | None
        expected_by_now = self.expected_by_now

        reached = self.reached

        on_track: bool | None
        on_track = self.on_track

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kpi": kpi,
                "target": target,
                "actual": actual,
                "expected_by_now": expected_by_now,
                "reached": reached,
                "on_track": on_track,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kpi = d.pop("kpi")

        target = d.pop("target")

        def _parse_actual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        actual = _parse_actual(d.pop("actual"))

        def _parse_expected_by_now(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        expected_by_now = _parse_expected_by_now(d.pop("expected_by_now"))

        reached = d.pop("reached")

        def _parse_on_track(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        on_track = _parse_on_track(d.pop("on_track"))

        target_pace_public = cls(
            kpi=kpi,
            target=target,
            actual=actual,
            expected_by_now=expected_by_now,
            reached=reached,
            on_track=on_track,
        )

        target_pace_public.additional_properties = d
        return target_pace_public

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
