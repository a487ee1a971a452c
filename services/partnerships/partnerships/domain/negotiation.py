"""The negotiation state machine of a partnership: who may take which action from which state.

    draft -> proposed -> countered (either side, turn by turn) -> accepted -> signed -> active
    -> completed; declined, withdrawn and cancelled end it where the table below allows.

Signing is by both parties on the same terms version. The party receiving an offer may sign it
straight away, which accepts it; the contract is signed once the other party has signed too.
"""

from dataclasses import dataclass
from enum import Enum, StrEnum

from contracts import Party
from servicekit.errors import Conflict, Forbidden


class PartnershipState(StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    COUNTERED = "countered"
    ACCEPTED = "accepted"
    SIGNED = "signed"
    ACTIVE = "active"
    COMPLETED = "completed"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"


TERMINAL_STATES = frozenset(
    {PartnershipState.COMPLETED, PartnershipState.DECLINED, PartnershipState.WITHDRAWN, PartnershipState.CANCELLED}
)
OPEN_STATES = frozenset(PartnershipState) - TERMINAL_STATES
NEGOTIATING_STATES = frozenset({PartnershipState.PROPOSED, PartnershipState.COUNTERED, PartnershipState.ACCEPTED})
CONTRACT_STATES = frozenset({PartnershipState.SIGNED, PartnershipState.ACTIVE})


class PartnershipAction(StrEnum):
    PROPOSE = "propose"
    COUNTER = "counter"
    ACCEPT = "accept"
    DECLINE = "decline"
    WITHDRAW = "withdraw"
    SIGN = "sign"
    ACTIVATE = "activate"
    COMPLETE = "complete"
    CANCEL = "cancel"


# The short name inside the service; the API names it apart from content's deliverable actions.
Action = PartnershipAction


# What each party may ever do; anything else is a 403 whatever the state.
PARTY_ACTIONS: dict[Party, frozenset[Action]] = {
    Party.BRAND: frozenset(
        {Action.PROPOSE, Action.COUNTER, Action.SIGN, Action.WITHDRAW, Action.CANCEL, Action.COMPLETE}
    ),
    Party.CREATOR: frozenset({Action.COUNTER, Action.ACCEPT, Action.DECLINE, Action.SIGN}),
    Party.SYSTEM: frozenset({Action.ACTIVATE, Action.COMPLETE, Action.CANCEL}),
}


class Guard(Enum):
    NONE = "none"
    RECEIVER = "receiver"  # only the party that did not write the current terms version
    UNSIGNED = "unsigned"  # only a party that has not signed the current terms version yet


@dataclass(frozen=True)
class Rule:
    source: PartnershipState
    action: Action
    parties: frozenset[Party]
    target: PartnershipState
    guard: Guard = Guard.NONE


def _rule(
    source: PartnershipState, action: Action, parties: set[Party], target: PartnershipState, guard: Guard = Guard.NONE
) -> Rule:
    return Rule(source, action, frozenset(parties), target, guard)


S, A, P = PartnershipState, Action, Party
_BOTH = {P.BRAND, P.CREATOR}

RULES: tuple[Rule, ...] = (
    _rule(S.DRAFT, A.PROPOSE, {P.BRAND}, S.PROPOSED),
    _rule(S.DRAFT, A.CANCEL, {P.BRAND, P.SYSTEM}, S.CANCELLED),
    *(
        rule
        for offered in (S.PROPOSED, S.COUNTERED)
        for rule in (
            _rule(offered, A.COUNTER, _BOTH, S.COUNTERED, Guard.RECEIVER),
            _rule(offered, A.ACCEPT, {P.CREATOR}, S.ACCEPTED, Guard.RECEIVER),
            _rule(offered, A.SIGN, _BOTH, S.ACCEPTED, Guard.RECEIVER),
            _rule(offered, A.DECLINE, {P.CREATOR}, S.DECLINED),
            _rule(offered, A.WITHDRAW, {P.BRAND}, S.WITHDRAWN),
            _rule(offered, A.CANCEL, {P.SYSTEM}, S.CANCELLED),
        )
    ),
    # The first signature leaves the state at accepted; the second one signs (see `decide`).
    _rule(S.ACCEPTED, A.SIGN, _BOTH, S.SIGNED, Guard.UNSIGNED),
    _rule(S.ACCEPTED, A.DECLINE, {P.CREATOR}, S.DECLINED),
    _rule(S.ACCEPTED, A.WITHDRAW, {P.BRAND}, S.WITHDRAWN),
    _rule(S.ACCEPTED, A.CANCEL, {P.SYSTEM}, S.CANCELLED),
    _rule(S.SIGNED, A.ACTIVATE, {P.SYSTEM}, S.ACTIVE),
    _rule(S.SIGNED, A.CANCEL, {P.BRAND, P.SYSTEM}, S.CANCELLED),
    _rule(S.ACTIVE, A.COMPLETE, {P.BRAND, P.SYSTEM}, S.COMPLETED),
    _rule(S.ACTIVE, A.CANCEL, {P.BRAND, P.SYSTEM}, S.CANCELLED),
)
del S, A, P

_SIGNERS = frozenset({Party.BRAND, Party.CREATOR})


@dataclass(frozen=True)
class Negotiation:
    """What the next transition depends on besides the state."""

    state: PartnershipState
    terms_author: Party | None = None
    signed_by: frozenset[Party] = frozenset()


class ActionNotPermitted(Forbidden):
    """The party may never take this action (a 403)."""

    def __init__(self, party: Party, action: Action) -> None:
        allowed = ", ".join(sorted(PARTY_ACTIONS[party])) or "nothing"
        super().__init__(
            f"the {party} side cannot {action} a partnership (it may: {allowed})",
            action=action.value,
            party=party.value,
        )
        self.party = party
        self.action = action


class TransitionRefused(Conflict):
    def __init__(self, negotiation: Negotiation, action: Action, party: Party) -> None:
        allowed = allowed_actions(negotiation, party)
        super().__init__(
            f"cannot {action} a partnership that is {negotiation.state}",
            current_state=negotiation.state.value,
            allowed_actions=[a.value for a in allowed],
        )


def _guard_holds(rule: Rule, negotiation: Negotiation, party: Party) -> bool:
    if rule.guard is Guard.RECEIVER:
        return negotiation.terms_author is not None and negotiation.terms_author != party
    if rule.guard is Guard.UNSIGNED:
        return party not in negotiation.signed_by
    return True


def _rule_for(negotiation: Negotiation, action: Action, party: Party) -> Rule | None:
    for rule in RULES:
        if (
            rule.source == negotiation.state
            and rule.action == action
            and party in rule.parties
            and _guard_holds(rule, negotiation, party)
        ):
            return rule
    return None


def allowed_actions(negotiation: Negotiation, party: Party) -> list[Action]:
    return [action for action in Action if _rule_for(negotiation, action, party) is not None]


def decide(negotiation: Negotiation, action: Action, party: Party) -> PartnershipState:
    """The state after `party` takes `action`, or ActionNotPermitted (403) / TransitionRefused (409)."""
    if action not in PARTY_ACTIONS[party]:
        raise ActionNotPermitted(party, action)
    rule = _rule_for(negotiation, action, party)
    if rule is None:
        raise TransitionRefused(negotiation, action, party)
    first_of_two_signatures = not negotiation.signed_by | {party} >= _SIGNERS
    if rule.source is PartnershipState.ACCEPTED and rule.action is Action.SIGN and first_of_two_signatures:
        return PartnershipState.ACCEPTED
    return rule.target


def awaiting(negotiation: Negotiation) -> list[Party]:
    """Whose move it is while the parties negotiate."""
    if negotiation.state in (PartnershipState.PROPOSED, PartnershipState.COUNTERED):
        return [p for p in (Party.BRAND, Party.CREATOR) if p != negotiation.terms_author]
    if negotiation.state is PartnershipState.ACCEPTED:
        return [p for p in (Party.BRAND, Party.CREATOR) if p not in negotiation.signed_by]
    if negotiation.state is PartnershipState.DRAFT:
        return [Party.BRAND]
    return []
