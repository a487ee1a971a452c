"""Campaigns: what a brand wants to achieve, with what money, when."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from contracts import CampaignState, Money, Objective
from partnerships.domain.budget import Allocation, BudgetView, Posting, funding_change
from servicekit.errors import Conflict, InvalidField


class CampaignAction(StrEnum):
    LAUNCH = "launch"
    COMPLETE = "complete"
    CANCEL = "cancel"


CAMPAIGN_TRANSITIONS: dict[tuple[CampaignState, CampaignAction], CampaignState] = {
    (CampaignState.DRAFT, CampaignAction.LAUNCH): CampaignState.ACTIVE,
    (CampaignState.DRAFT, CampaignAction.CANCEL): CampaignState.CANCELLED,
    (CampaignState.ACTIVE, CampaignAction.COMPLETE): CampaignState.COMPLETED,
    (CampaignState.ACTIVE, CampaignAction.CANCEL): CampaignState.CANCELLED,
}

# Fields that a running campaign keeps: it was launched on them.
FIXED_WHILE_ACTIVE = ("objective", "starts_on")
REQUIRED_WHILE_ACTIVE = ("budget", "starts_on", "ends_on")
EDITABLE = ("name", "objective", "budget", "starts_on", "ends_on", "target_audience", "kpis")
NEVER_NULL = ("name", "objective", "target_audience", "kpis")


def campaign_actions_from(state: CampaignState) -> list[CampaignAction]:
    return [action for (source, action) in CAMPAIGN_TRANSITIONS if source == state]


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
    allocation: Allocation = field(default_factory=Allocation)
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

    @property
    def allowed_actions(self) -> list[CampaignAction]:
        return campaign_actions_from(self.state)

    @property
    def is_open(self) -> bool:
        return self.state in (CampaignState.DRAFT, CampaignState.ACTIVE)

    def budget_view(self) -> BudgetView:
        return BudgetView(
            currency=self.budget.currency if self.budget else None,
            budget=self.budget.amount_minor if self.budget else 0,
            reserved=self.allocation.reserved,
            committed=self.allocation.committed,
            paid=self.allocation.paid,
        )

    def transition(self, action: CampaignAction, *, today: date, now: datetime) -> None:
        target = CAMPAIGN_TRANSITIONS.get((self.state, action))
        if target is None:
            raise Conflict(
                f"cannot {action} a campaign that is {self.state}",
                current_state=self.state.value,
                allowed_actions=[a.value for a in campaign_actions_from(self.state)],
            )
        if action is CampaignAction.LAUNCH:
            missing = [name for name in REQUIRED_WHILE_ACTIVE if getattr(self, name) is None]
            if missing:
                raise Conflict(
                    f"a campaign launches with a budget and dates; missing: {', '.join(missing)}",
                    current_state=self.state.value,
                    missing_fields=missing,
                )
            assert self.ends_on is not None
            if self.ends_on < today:
                raise Conflict(
                    f"the campaign ended on {self.ends_on.isoformat()}: move ends_on before launching",
                    current_state=self.state.value,
                    field="ends_on",
                )
        self.state = target
        self.updated_at = now

    def revise(self, changes: Mapping[str, Any], *, now: datetime) -> list[Posting]:
        """Applies a partial update; returns the ledger postings of a budget change."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise InvalidField(sorted(unknown)[0], "cannot be changed")
        for name in NEVER_NULL:
            if name in changes and changes[name] is None:
                raise InvalidField(name, "cannot be null")
        if not self.is_open:
            raise Conflict(
                f"a {self.state} campaign cannot be changed", current_state=self.state.value, allowed_actions=[]
            )
        if self.state is CampaignState.ACTIVE:
            for name in FIXED_WHILE_ACTIVE:
                if name in changes and changes[name] != getattr(self, name):
                    raise Conflict(
                        f"{name} cannot change once the campaign is active", current_state=self.state.value, field=name
                    )
            for name in REQUIRED_WHILE_ACTIVE:
                if name in changes and changes[name] is None:
                    raise Conflict(f"an active campaign keeps its {name}", current_state=self.state.value, field=name)
        starts_on = changes.get("starts_on", self.starts_on)
        ends_on = changes.get("ends_on", self.ends_on)
        check_dates(starts_on, ends_on)
        postings: list[Posting] = []
        if "budget" in changes:
            postings = self._rebudget(changes["budget"])
        for name, value in changes.items():
            setattr(self, name, value)
        self.updated_at = now
        return postings

    def _rebudget(self, budget: Money | None) -> list[Posting]:
        held = self.allocation.total
        view = self.budget_view()
        if held and (budget is None or budget.currency != view.currency):
            raise Conflict(
                "the budget's currency cannot change while money is reserved, committed or paid",
                field="budget.currency",
                **view.numbers(),
            )
        if budget is not None and budget.amount_minor < held:
            raise Conflict(
                f"the budget cannot go below what is reserved, committed and paid ({held})",
                field="budget.amount_minor",
                **view.numbers(),
            )
        return funding_change(self.budget, budget)


def check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise InvalidField("ends_on", f"ends before the campaign starts ({starts_on.isoformat()})")
