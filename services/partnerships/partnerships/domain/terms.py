"""A partnership's terms: what is delivered, for what fee, with which rights, paid when.

Terms are immutable; each offer or counter-offer is a new version. Their JSON document (the
shape the API shows) is also what the terms hash is taken of, so both parties can check that
they sign the same thing.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from contracts import CollaborationType, FeeKind, MilestoneTrigger, Money
from servicekit.errors import InvalidField

PERCENT_WHOLE = 100


@dataclass(frozen=True)
class Deliverable:
    type: str
    platform: str
    count: int
    due_on: date | None = None


@dataclass(frozen=True)
class Fee:
    """One of four kinds; `budgeted` is what the terms cost the campaign budget.

    fixed: `amount`; per_deliverable: `amount` per deliverable; commission: `rate_bps` of
    attributed sales, budgeted (and paid) up to `cap`; gifting: a product of `amount` declared value.
    """

    kind: FeeKind
    amount: Money | None = None
    rate_bps: int | None = None
    cap: Money | None = None
    product: str | None = None

    @property
    def currency(self) -> str:
        money = self.cap if self.kind is FeeKind.COMMISSION else self.amount
        assert money is not None
        return money.currency

    @property
    def amount_field(self) -> str:
        """Where the fee's money sits in the terms document (for naming a bad field)."""
        if self.kind is FeeKind.COMMISSION:
            return "terms.fee.cap"
        return "terms.fee.declared_value" if self.kind is FeeKind.GIFTING else "terms.fee.amount"


@dataclass(frozen=True)
class UsageRights:
    channels: tuple[str, ...]
    duration_days: int


@dataclass(frozen=True)
class Exclusivity:
    categories: tuple[str, ...]
    duration_days: int


@dataclass(frozen=True)
class Milestone:
    trigger: MilestoneTrigger
    percent: int


@dataclass(frozen=True)
class Terms:
    collaboration_type: CollaborationType
    deliverables: tuple[Deliverable, ...]
    fee: Fee
    usage_rights: UsageRights | None = None
    exclusivity: Exclusivity | None = None
    payment_schedule: tuple[Milestone, ...] = ()
    notes: str | None = None

    @property
    def deliverable_count(self) -> int:
        return sum(d.count for d in self.deliverables)

    @property
    def budgeted_minor(self) -> int:
        """What signing these terms commits from the campaign budget."""
        fee = self.fee
        if fee.kind is FeeKind.COMMISSION:
            assert fee.cap is not None
            return fee.cap.amount_minor
        assert fee.amount is not None
        if fee.kind is FeeKind.PER_DELIVERABLE:
            return fee.amount.amount_minor * self.deliverable_count
        return fee.amount.amount_minor

    @property
    def budgeted(self) -> Money:
        return Money(amount_minor=self.budgeted_minor, currency=self.fee.currency)

    def milestone_amounts(self) -> dict[MilestoneTrigger, int]:
        """Each milestone's share of the fee in minor units; the last takes the rounding remainder,
        so the amounts always add up to the fee exactly."""
        total = self.budgeted_minor
        amounts: dict[MilestoneTrigger, int] = {}
        for index, milestone in enumerate(self.payment_schedule):
            if index == len(self.payment_schedule) - 1:
                amounts[milestone.trigger] = total - sum(amounts.values())
            else:
                amounts[milestone.trigger] = total * milestone.percent // PERCENT_WHOLE
        return amounts

    def to_document(self) -> dict[str, Any]:
        fee: dict[str, Any] = {"kind": self.fee.kind.value}
        if self.fee.amount is not None:
            key = "declared_value" if self.fee.kind is FeeKind.GIFTING else "amount"
            fee[key] = _money_doc(self.fee.amount)
        if self.fee.rate_bps is not None:
            fee["rate_bps"] = self.fee.rate_bps
        if self.fee.cap is not None:
            fee["cap"] = _money_doc(self.fee.cap)
        if self.fee.product is not None:
            fee["product"] = self.fee.product
        return {
            "collaboration_type": self.collaboration_type.value,
            "deliverables": [
                {
                    "type": d.type,
                    "platform": d.platform,
                    "count": d.count,
                    "due_on": d.due_on.isoformat() if d.due_on else None,
                }
                for d in self.deliverables
            ],
            "fee": fee,
            "usage_rights": (
                {"channels": list(self.usage_rights.channels), "duration_days": self.usage_rights.duration_days}
                if self.usage_rights
                else None
            ),
            "exclusivity": (
                {"categories": list(self.exclusivity.categories), "duration_days": self.exclusivity.duration_days}
                if self.exclusivity
                else None
            ),
            "payment_schedule": [{"trigger": m.trigger.value, "percent": m.percent} for m in self.payment_schedule],
            "notes": self.notes,
        }

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> "Terms":
        """The one way in: API input and stored versions both come through here."""
        raw_fee = document["fee"]
        kind = FeeKind(raw_fee["kind"])
        amount = raw_fee.get("declared_value") if kind is FeeKind.GIFTING else raw_fee.get("amount")
        fee = Fee(
            kind=kind,
            amount=_money(amount),
            rate_bps=raw_fee.get("rate_bps"),
            cap=_money(raw_fee.get("cap")),
            product=raw_fee.get("product"),
        )
        rights = document.get("usage_rights")
        exclusivity = document.get("exclusivity")
        schedule = tuple(
            Milestone(MilestoneTrigger(m["trigger"]), int(m["percent"])) for m in document.get("payment_schedule") or ()
        )
        terms = cls(
            collaboration_type=CollaborationType(document["collaboration_type"]),
            deliverables=tuple(
                Deliverable(
                    type=d["type"],
                    platform=d["platform"],
                    count=int(d["count"]),
                    due_on=date.fromisoformat(d["due_on"]) if d.get("due_on") else None,
                )
                for d in document["deliverables"]
            ),
            fee=fee,
            usage_rights=UsageRights(tuple(rights["channels"]), int(rights["duration_days"])) if rights else None,
            exclusivity=(
                Exclusivity(tuple(exclusivity["categories"]), int(exclusivity["duration_days"]))
                if exclusivity
                else None
            ),
            payment_schedule=schedule,
            notes=document.get("notes"),
        )
        return terms.with_default_schedule()

    def with_default_schedule(self) -> "Terms":
        """Cash fees are paid in full on publication and a gift ships on signing, unless the
        parties agree on a schedule; a commission is paid from sales, never on milestones."""
        if self.payment_schedule or self.fee.kind is FeeKind.COMMISSION:
            return self
        trigger = MilestoneTrigger.ON_SIGNING if self.fee.kind is FeeKind.GIFTING else MilestoneTrigger.ON_PUBLISH
        return Terms(
            collaboration_type=self.collaboration_type,
            deliverables=self.deliverables,
            fee=self.fee,
            usage_rights=self.usage_rights,
            exclusivity=self.exclusivity,
            payment_schedule=(Milestone(trigger, PERCENT_WHOLE),),
            notes=self.notes,
        )


def _money_doc(money: Money) -> dict[str, Any]:
    return {"amount_minor": money.amount_minor, "currency": money.currency}


def _money(raw: dict[str, Any] | None) -> Money | None:
    return Money.model_validate(raw) if raw is not None else None


def check_terms(terms: Terms, *, currency: str | None, starts_on: date | None, ends_on: date | None) -> None:
    """Rules across fields that the request schema cannot see; each failure names its field."""
    fee = terms.fee
    if fee.kind is FeeKind.COMMISSION:
        if fee.rate_bps is None:
            raise InvalidField("terms.fee.rate_bps", "a commission needs its rate in basis points")
        if fee.cap is None:
            raise InvalidField("terms.fee.cap", "a commission needs a cap: the budget reserves it")
        if fee.cap.amount_minor <= 0:
            raise InvalidField("terms.fee.cap.amount_minor", "the cap must be more than zero")
        if terms.payment_schedule:
            raise InvalidField("terms.payment_schedule", "a commission is paid from attributed sales, not milestones")
    else:
        if fee.amount is None:
            raise InvalidField(fee.amount_field, f"a {fee.kind} fee needs this amount")
        if fee.amount.amount_minor <= 0:
            raise InvalidField(f"{fee.amount_field}.amount_minor", "must be more than zero")
        if fee.kind is FeeKind.GIFTING and not fee.product:
            raise InvalidField("terms.fee.product", "name the gifted product")
    if currency is not None and fee.currency != currency:
        raise InvalidField(
            f"{fee.amount_field}.currency", f"the fee is in {fee.currency} but the campaign budget is in {currency}"
        )
    if not terms.deliverables:
        raise InvalidField("terms.deliverables", "at least one deliverable")
    for index, deliverable in enumerate(terms.deliverables):
        if deliverable.due_on is None:
            continue
        if starts_on and deliverable.due_on < starts_on:
            raise InvalidField(
                f"terms.deliverables.{index}.due_on", f"is before the campaign starts ({starts_on.isoformat()})"
            )
        if ends_on and deliverable.due_on > ends_on:
            raise InvalidField(
                f"terms.deliverables.{index}.due_on", f"is after the campaign ends ({ends_on.isoformat()})"
            )
    if terms.payment_schedule:
        triggers = [m.trigger for m in terms.payment_schedule]
        if len(set(triggers)) != len(triggers):
            raise InvalidField("terms.payment_schedule", "one milestone per trigger")
        if any(m.percent <= 0 for m in terms.payment_schedule):
            raise InvalidField("terms.payment_schedule", "every milestone pays more than 0 percent")
        total = sum(m.percent for m in terms.payment_schedule)
        if total != PERCENT_WHOLE:
            raise InvalidField("terms.payment_schedule", f"the percentages add up to {total}, not 100")


def terms_hash(partnership_id: UUID, version: int, terms: Terms) -> str:
    """SHA-256 of the canonical JSON of what is signed: this partnership, this version, these terms."""
    canonical = json.dumps(
        {"partnership_id": str(partnership_id), "version": version, "terms": terms.to_document()},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
