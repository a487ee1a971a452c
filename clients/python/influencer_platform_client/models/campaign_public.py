from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_action import CampaignAction
from ..models.campaign_state import CampaignState
from ..models.objective import Objective

if TYPE_CHECKING:
    from ..models.campaign_public_kpis import CampaignPublicKpis
    from ..models.money import Money
    from ..models.target_audience import TargetAudience


T = TypeVar("T", bound="CampaignPublic")


@_attrs_define
class CampaignPublic:
    """
    Attributes:
        id (UUID):
        name (str):
        objective (Objective):
        state (CampaignState):
        allowed_actions (list[CampaignAction]):
        budget (Money | None):
        starts_on (datetime.date | None):
        ends_on (datetime.date | None):
        target_audience (TargetAudience):
        kpis (CampaignPublicKpis):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    name: str
    objective: Objective
    state: CampaignState
    allowed_actions: list[CampaignAction]
    budget: Money | None
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    target_audience: TargetAudience
    kpis: CampaignPublicKpis
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = str(self.id)

        name = self.name

        objective = self.objective.value

        state = self.state.value

        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item = allowed_actions_item_data.value
            allowed_actions.append(allowed_actions_item)

        budget: dict[str, Any] | None
        if isinstance(self.budget, Money):
            budget = self.budget.to_dict()
        else:
            budget = self.budget

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        target_audience = self.target_audience.to_dict()

        kpis = self.kpis.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "objective": objective,
                "state": state,
                "allowed_actions": allowed_actions,
                "budget": budget,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "target_audience": target_audience,
                "kpis": kpis,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_public_kpis import CampaignPublicKpis  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.target_audience import TargetAudience  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        objective = Objective(d.pop("objective"))

        state = CampaignState(d.pop("state"))

        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in _allowed_actions:
            allowed_actions_item = CampaignAction(allowed_actions_item_data)

            allowed_actions.append(allowed_actions_item)

        def _parse_budget(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                budget_type_0 = Money.from_dict(data)

                return budget_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        budget = _parse_budget(d.pop("budget"))

        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        target_audience = TargetAudience.from_dict(d.pop("target_audience"))

        kpis = CampaignPublicKpis.from_dict(d.pop("kpis"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        campaign_public = cls(
            id=id,
            name=name,
            objective=objective,
            state=state,
            allowed_actions=allowed_actions,
            budget=budget,
            starts_on=starts_on,
            ends_on=ends_on,
            target_audience=target_audience,
            kpis=kpis,
            created_at=created_at,
            updated_at=updated_at,
        )

        campaign_public.additional_properties = d
        return campaign_public

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
