"""Paid boosts and brand reposts of a published deliverable. The spend comes out of the campaign
budget, which partnerships keeps: content asks, partnerships funds or refuses (events both ways).

    requested -> funded -> running (from its first day) -> done (after its last day)
    requested -> refused

A request with no spend (a repost that costs nothing) needs no funding: it is funded at once.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from contracts import AmplificationKind, Money
from servicekit.errors import Conflict, InvalidField


class Decision(StrEnum):
    REQUESTED = "requested"
    FUNDED = "funded"
    REFUSED = "refused"


class AmplificationState(StrEnum):
    REQUESTED = "requested"
    FUNDED = "funded"
    REFUSED = "refused"
    RUNNING = "running"
    DONE = "done"


@dataclass
class Amplification:
    id: UUID
    tenant_id: UUID
    deliverable_id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    post_id: UUID | None
    kind: AmplificationKind
    platform: str
    spend: Money
    starts_on: date
    ends_on: date
    requested_at: datetime
    requested_by: UUID | None
    decision: Decision = Decision.REQUESTED
    decided_at: datetime | None = None
    refusal_reason: str | None = None

    def state(self, today: date) -> AmplificationState:
        if self.decision is not Decision.FUNDED:
            return AmplificationState(self.decision.value)
        if today > self.ends_on:
            return AmplificationState.DONE
        if today >= self.starts_on:
            return AmplificationState.RUNNING
        return AmplificationState.FUNDED

    def decide(self, decision: Decision, now: datetime, reason: str | None = None) -> bool:
        """Records partnerships' answer; False when it was already recorded (a redelivery)."""
        if self.decision is not Decision.REQUESTED:
            if self.decision is not decision:
                raise Conflict(f"amplification {self.id} was already {self.decision.value}")
            return False
        self.decision, self.decided_at, self.refusal_reason = decision, now, reason
        return True


def check_request(
    kind: AmplificationKind,
    platform: str,
    post_platform: str,
    spend: Money,
    currency: str | None,
    starts_on: date,
    ends_on: date,
    today: date,
) -> None:
    """A boost runs on the post's own platform; the spend is in the campaign's currency; the dates
    are in order and not past."""
    if kind is AmplificationKind.PAID_BOOST and platform != post_platform:
        raise InvalidField("body.platform", f"a paid boost runs where the post is ({post_platform})")
    if kind is AmplificationKind.PAID_BOOST and spend.amount_minor == 0:
        raise InvalidField("body.spend.amount_minor", "a paid boost has a spend")
    if currency is not None and spend.currency != currency:
        raise InvalidField("body.spend.currency", f"the campaign's budget is in {currency}")
    if ends_on < starts_on:
        raise InvalidField("body.ends_on", "on or after starts_on")
    if ends_on < today:
        raise InvalidField("body.ends_on", "not in the past")
