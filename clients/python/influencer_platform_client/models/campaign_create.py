from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.objective import Objective
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.campaign_create_kpis import CampaignCreateKpis
    from ..models.money_in import MoneyIn
    from ..models.target_audience_in import TargetAudienceIn


T = TypeVar("T", bound="CampaignCreate")


@_attrs_define
class CampaignCreate:
    """
    Attributes:
        name (str):
        objective (Objective):
        budget (MoneyIn | None | Unset):
        starts_on (datetime.date | None | Unset):
        ends_on (datetime.date | None | Unset):
        target_audience (None | TargetAudienceIn | Unset):
        kpis (CampaignCreateKpis | Unset): Target value per KPI
    """

    name: str
    objective: Objective
    budget: MoneyIn | None | Unset = UNSET
    starts_on: datetime.date | None | Unset = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    target_audience: None | TargetAudienceIn | Unset = UNSET
    kpis: CampaignCreateKpis | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in import MoneyIn  # noqa: PLC0415
        from ..models.target_audience_in import TargetAudienceIn  # noqa: PLC0415

        name = self.name

        objective = self.objective.value

        budget: dict[str, Any] | None | Unset
        if isinstance(self.budget, Unset):
            budget = UNSET
        elif isinstance(self.budget, MoneyIn):
            budget = self.budget.to_dict()
        else:
            budget = self.budget

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        target_audience: dict[str, Any] | None | Unset
        if isinstance(self.target_audience, Unset):
            target_audience = UNSET
        elif isinstance(self.target_audience, TargetAudienceIn):
            target_audience = self.target_audience.to_dict()
        else:
            target_audience = self.target_audience

        kpis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.kpis, Unset):
            kpis = self.kpis.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "objective": objective,
            }
        )
        if budget is not UNSET:
            field_dict["budget"] = budget
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if target_audience is not UNSET:
            field_dict["target_audience"] = target_audience
        if kpis is not UNSET:
            field_dict["kpis"] = kpis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_create_kpis import CampaignCreateKpis  # noqa: PLC0415
        from ..models.money_in import MoneyIn  # noqa: PLC0415
        from ..models.target_audience_in import TargetAudienceIn  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        objective = Objective(d.pop("objective"))

        def _parse_budget(data: object) -> MoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                budget_type_0 = MoneyIn.from_dict(data)

                return budget_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyIn | None | Unset, data)

        budget = _parse_budget(d.pop("budget", UNSET))

        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_target_audience(data: object) -> None | TargetAudienceIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_audience_type_0 = TargetAudienceIn.from_dict(data)

                return target_audience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TargetAudienceIn | Unset, data)

        target_audience = _parse_target_audience(d.pop("target_audience", UNSET))

        _kpis = d.pop("kpis", UNSET)
        kpis: CampaignCreateKpis | Unset
        if isinstance(_kpis, Unset):
            kpis = UNSET
        else:
            kpis = CampaignCreateKpis.from_dict(_kpis)

        campaign_create = cls(
            name=name,
            objective=objective,
            budget=budget,
            starts_on=starts_on,
            ends_on=ends_on,
            target_audience=target_audience,
            kpis=kpis,
        )

        return campaign_create
