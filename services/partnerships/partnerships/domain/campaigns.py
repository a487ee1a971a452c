"""Campaigns: what a brand wants to achieve, with what money, when."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from contracts import Money
from servicekit.errors import InvalidField


class Objective(StrEnum):
    AWARENESS = "awareness"
    ENGAGEMENT = "engagement"
    CONVERSIONS = "conversions"


class CampaignState(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


@dataclass
class Campaign:
    id: UUID
    tenant_id: UUID
    name: str
    objective: Objective
    state: CampaignState
    budget: Money | None
    starts_on: date | None
    ends_on: date | None
    target_audience: dict[str, object] = field(default_factory=dict)
    kpis: dict[str, float] = field(default_factory=dict)
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @classmethod
    def draft(
        cls,
        *,
        tenant_id: UUID,
        name: str,
        objective: Objective,
        budget: Money | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        target_audience: dict[str, object] | None = None,
        kpis: dict[str, float] | None = None,
    ) -> "Campaign":
        check_dates(starts_on, ends_on)
        return cls(
            id=uuid4(),
            tenant_id=tenant_id,
            name=name,
            objective=objective,
            state=CampaignState.DRAFT,
            budget=budget,
            starts_on=starts_on,
            ends_on=ends_on,
            target_audience=target_audience or {},
            kpis=kpis or {},
        )


def check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise InvalidField("ends_on", f"ends before the campaign starts ({starts_on.isoformat()})")
