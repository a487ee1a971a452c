"""A deliverable and its state machine: one unit of a signed partnership's deliverable line.

    draft -> submitted -> changes_requested -> submitted ... -> approved -> scheduled -> published
    any state before published -> cancelled (the partnership was cancelled)

The creator submits versions, the brand reviews them, either side schedules and records the live
post; the system cancels. An action a side may never take is a 403; one its side may take but not
from the current state is a 409 naming the state and the actions the caller has there.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID, uuid5

from contracts import CollaborationType, FeeKind, Party
from servicekit.errors import Conflict, Forbidden


class DeliverableState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    CANCELLED = "cancelled"


FINAL_STATES = frozenset({DeliverableState.PUBLISHED, DeliverableState.CANCELLED})
OPEN_STATES = frozenset(DeliverableState) - FINAL_STATES


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    SCHEDULE = "schedule"
    PUBLISH = "publish"
    CANCEL = "cancel"


S = DeliverableState
TRANSITIONS: dict[tuple[DeliverableState, Action], DeliverableState] = {
    (S.DRAFT, Action.SUBMIT): S.SUBMITTED,
    (S.CHANGES_REQUESTED, Action.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, Action.APPROVE): S.APPROVED,
    (S.SUBMITTED, Action.REQUEST_CHANGES): S.CHANGES_REQUESTED,
    (S.APPROVED, Action.SCHEDULE): S.SCHEDULED,
    (S.SCHEDULED, Action.SCHEDULE): S.SCHEDULED,
    (S.APPROVED, Action.PUBLISH): S.PUBLISHED,
    (S.SCHEDULED, Action.PUBLISH): S.PUBLISHED,
    **{(state, Action.CANCEL): S.CANCELLED for state in OPEN_STATES},
}

# What each side may ever do; anything else is a 403 whatever the state.
PARTY_ACTIONS: dict[Party, frozenset[Action]] = {
    Party.CREATOR: frozenset({Action.SUBMIT, Action.SCHEDULE, Action.PUBLISH}),
    Party.BRAND: frozenset({Action.APPROVE, Action.REQUEST_CHANGES, Action.SCHEDULE, Action.PUBLISH}),
    Party.SYSTEM: frozenset({Action.PUBLISH, Action.CANCEL}),
}


def allowed_actions(state: DeliverableState, party: Party) -> list[Action]:
    return [action for (source, action) in TRANSITIONS if source is state and action in PARTY_ACTIONS[party]]


class InvalidTransition(Conflict):
    def __init__(self, state: DeliverableState, action: Action, party: Party) -> None:
        super().__init__(
            f"a {state.value} deliverable cannot be {action.value.replace('_', ' ')}ed"
            if action is not Action.REQUEST_CHANGES
            else f"changes cannot be requested on a {state.value} deliverable",
            current_state=state.value,
            allowed_actions=[a.value for a in allowed_actions(state, party)],
        )


def next_state(state: DeliverableState, action: Action, party: Party) -> DeliverableState:
    if action not in PARTY_ACTIONS[party]:
        raise Forbidden(
            f"the {party.value} does not {action.value.replace('_', ' ')} deliverables", action=action.value
        )
    target = TRANSITIONS.get((state, action))
    if target is None:
        raise InvalidTransition(state, action, party)
    return target


@dataclass(frozen=True)
class UsageRights:
    channels: tuple[str, ...]
    duration_days: int


@dataclass(frozen=True)
class Unit:
    """One deliverable the signed terms ask for: unit `unit_index` of line `line_index`."""

    line_index: int
    unit_index: int
    type: str
    platform: str
    due_on: date | None


@dataclass(frozen=True)
class TermsLine:
    type: str
    platform: str
    count: int
    due_on: date | None


def units_of(lines: list[TermsLine]) -> list[Unit]:
    """One unit per `count` of each line, in the terms' order."""
    return [
        Unit(line_index, unit_index, line.type, line.platform, line.due_on)
        for line_index, line in enumerate(lines)
        for unit_index in range(line.count)
    ]


def deliverable_id(partnership_id: UUID, unit: Unit) -> UUID:
    """The same unit of the same partnership always has the same id: a redelivered
    `partnership.signed` makes no second deliverable."""
    return uuid5(partnership_id, f"deliverable:{unit.line_index}:{unit.unit_index}")


@dataclass
class Deliverable:
    id: UUID
    tenant_id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    line_index: int
    unit_index: int
    type: str
    platform: str
    due_on: date | None
    collaboration_type: CollaborationType
    fee_kind: FeeKind | None
    currency: str | None
    usage_rights: UsageRights | None
    created_at: datetime
    updated_at: datetime
    state: DeliverableState = DeliverableState.DRAFT
    brief_overrides: dict[str, object] = field(default_factory=dict)
    submissions: int = 0
    current_submission_id: UUID | None = None
    approved_submission_id: UUID | None = None
    scheduled_for: datetime | None = None
    post_id: UUID | None = None
    published_at: datetime | None = None
    overdue_at: datetime | None = None
    cancelled_reason: str | None = None

    def apply(self, action: Action, party: Party, now: datetime) -> None:
        self.state = next_state(self.state, action, party)
        self.updated_at = now

    def is_overdue(self, today: date) -> bool:
        """Its due date passed and it is not live (nor cancelled)."""
        return self.due_on is not None and today > self.due_on and self.state in OPEN_STATES

    def copy(self) -> "Deliverable":
        return replace(self)
