from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.target_pace_public import TargetPacePublic


T = TypeVar("T", bound="PacingPublic")


@_attrs_define
class PacingPublic:
    """
    Attributes:
        budget_minor (int | None):
        cost_minor (int | None):
        budget_spent_share (float | None):
        elapsed_share (float | None):
        over_budget (bool | None):
        targets (list[TargetPacePublic]):
    """

    budget_minor: int | None
    cost_minor: int | None
    budget_spent_share: float | None
    elapsed_share: float | None
    over_budget: bool | None
    targets: list[TargetPacePublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget_minor: int | None
        budget_minor = self.budget_minor

        cost_minor: int | None
        cost_minor = self.cost_minor

        budget_spent_share: float | None
        budget_spent_share = self.budget_spent_share

        elapsed_share: float | None
        elapsed_share = self.elapsed_share

        over_budget: bool | None
        over_budget = self.over_budget

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget_minor": budget_minor,
                "cost_minor": cost_minor,
                "budget_spent_share": budget_spent_share,
                "elapsed_share": elapsed_share,
                "over_budget": over_budget,
                "targets": targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_pace_public import TargetPacePublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_budget_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        budget_minor = _parse_budget_minor(d.pop("budget_minor"))

        def _parse_cost_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cost_minor = _parse_cost_minor(d.pop("cost_minor"))

        def _parse_budget_spent_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        budget_spent_share = _parse_budget_spent_share(d.pop("budget_spent_share"))

        def _parse_elapsed_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        elapsed_share = _parse_elapsed_share(d.pop("elapsed_share"))

        def _parse_over_budget(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        over_budget = _parse_over_budget(d.pop("over_budget"))

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = TargetPacePublic.from_dict(targets_item_data)

            targets.append(targets_item)

        pacing_public = cls(
            budget_minor=budget_minor,
            cost_minor=cost_minor,
            budget_spent_share=budget_spent_share,
            elapsed_share=elapsed_share,
            over_budget=over_budget,
            targets=targets,
        )

        pacing_public.additional_properties = d
        return pacing_public

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
