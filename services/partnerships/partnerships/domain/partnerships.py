"""A partnership: one campaign x one influencer, its terms versions, signatures and history."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from contracts import Money
from partnerships.domain.budget import Allocation
from partnerships.domain.negotiation import (
    Action,
    Negotiation,
    PartnershipState,
    Party,
    allowed_actions,
    awaiting,
    decide,
)
from partnerships.domain.terms import Terms, terms_hash
from servicekit.errors import Conflict, InvalidField


class Origin(StrEnum):
    API = "api"
    SHORTLIST = "shortlist"


@dataclass(frozen=True)
class InfluencerProfile:
    """What partnerships knows of the influencer (from the shortlist or the brand's proposal)."""

    platform: str | None = None
    handle: str | None = None
    display_name: str | None = None


@dataclass(frozen=True)
class Actor:
    party: Party
    user_id: UUID | None = None


SYSTEM = Actor(Party.SYSTEM)


@dataclass(frozen=True)
class TermsVersion:
    version: int
    terms: Terms
    terms_hash: str
    author: Party
    author_user_id: UUID | None
    created_at: datetime


@dataclass(frozen=True)
class Signature:
    terms_version: int
    party: Party
    user_id: UUID | None
    terms_hash: str
    signed_at: datetime


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    action: str  # an Action, or "create"
    party: Party
    user_id: UUID | None
    from_state: PartnershipState | None
    to_state: PartnershipState
    terms_version: int
    note: str | None = None


Unsaved = TermsVersion | Signature | HistoryEntry


@dataclass
class Partnership:
    id: UUID
    tenant_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    state: PartnershipState
    origin: Origin
    influencer: InfluencerProfile = field(default_factory=InfluencerProfile)
    current: TermsVersion | None = None
    signatures: list[Signature] = field(default_factory=list)
    allocation: Allocation = field(default_factory=Allocation)
    contacted_at: datetime | None = None
    signed_at: datetime | None = None
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # Versions, signatures and history entries made since loading, for the repository to insert.
    unsaved: list[Unsaved] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def start(
        cls,
        *,
        tenant_id: UUID,
        campaign_id: UUID,
        influencer_id: UUID,
        influencer: InfluencerProfile,
        origin: Origin,
        actor: Actor,
        now: datetime,
        terms: Terms | None = None,
    ) -> "Partnership":
        partnership = cls(
            id=uuid4(),
            tenant_id=tenant_id,
            campaign_id=campaign_id,
            influencer_id=influencer_id,
            state=PartnershipState.DRAFT,
            origin=origin,
            influencer=influencer,
            created_at=now,
            updated_at=now,
        )
        if terms is not None:
            partnership._new_version(terms, actor, now)
        partnership._log("create", actor, None, now)
        return partnership

    @property
    def terms_version(self) -> int:
        return self.current.version if self.current else 0

    @property
    def terms(self) -> Terms | None:
        return self.current.terms if self.current else None

    @property
    def terms_hash(self) -> str | None:
        return self.current.terms_hash if self.current else None

    @property
    def fee(self) -> Money | None:
        """What the current terms cost the campaign budget."""
        return self.current.terms.budgeted if self.current else None

    @property
    def negotiation(self) -> Negotiation:
        return Negotiation(
            state=self.state,
            terms_author=self.current.author if self.current else None,
            signed_by=frozenset(s.party for s in self.signatures),
        )

    def allowed_actions(self, party: Party) -> list[Action]:
        return allowed_actions(self.negotiation, party)

    def awaiting(self) -> list[Party]:
        return awaiting(self.negotiation)

    def apply(
        self,
        action: Action,
        actor: Actor,
        *,
        now: datetime,
        terms: Terms | None = None,
        expected_version: int | None = None,
        expected_hash: str | None = None,
        note: str | None = None,
    ) -> PartnershipState:
        """Takes one step of the negotiation; money and events are the caller's part."""
        negotiation = self.negotiation
        target = decide(negotiation, action, actor.party)
        if expected_version is not None and expected_version != self.terms_version:
            raise Conflict(
                f"the terms changed: version {self.terms_version} is current, not {expected_version}",
                current_state=self.state.value,
                allowed_actions=[a.value for a in self.allowed_actions(actor.party)],
                terms_version=self.terms_version,
            )
        if expected_hash is not None and self.current is not None and expected_hash != self.current.terms_hash:
            raise Conflict(
                "the terms hash does not match the current terms version",
                current_state=self.state.value,
                terms_version=self.terms_version,
                terms_hash=self.current.terms_hash,
            )
        source = self.state
        if action in (Action.PROPOSE, Action.COUNTER):
            if terms is not None:
                self._new_version(terms, actor, now)
            elif self.current is None or action is Action.COUNTER:
                raise InvalidField("terms", f"to {action}, send the terms")
        if action is Action.SIGN:
            assert self.current is not None
            signature = Signature(self.current.version, actor.party, actor.user_id, self.current.terms_hash, now)
            self.signatures.append(signature)
            self.unsaved.append(signature)
            if target is PartnershipState.SIGNED:
                self.signed_at = now
        if action is Action.PROPOSE and self.contacted_at is None:
            self.contacted_at = now
        self.state = target
        self.updated_at = now
        self._log(action.value, actor, source, now, note)
        return target

    def mark_contacted(self, now: datetime) -> bool:
        if self.contacted_at is not None:
            return False
        self.contacted_at = now
        return True

    def drain_unsaved(self) -> list[Unsaved]:
        unsaved, self.unsaved = self.unsaved, []
        return unsaved

    def _new_version(self, terms: Terms, actor: Actor, now: datetime) -> None:
        version = self.terms_version + 1
        self.current = TermsVersion(
            version=version,
            terms=terms,
            terms_hash=terms_hash(self.id, version, terms),
            author=actor.party,
            author_user_id=actor.user_id,
            created_at=now,
        )
        self.signatures = []
        self.unsaved.append(self.current)

    def _log(
        self, action: str, actor: Actor, source: PartnershipState | None, now: datetime, note: str | None = None
    ) -> None:
        self.unsaved.append(
            HistoryEntry(
                at=now,
                action=action,
                party=actor.party,
                user_id=actor.user_id,
                from_state=source,
                to_state=self.state,
                terms_version=self.terms_version,
                note=note,
            )
        )
