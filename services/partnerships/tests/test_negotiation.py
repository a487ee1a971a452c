"""The negotiation state machine, every state x action x party (and the turn and signature
conditions that change the answer), against a table written out by hand."""

import pytest

from partnerships.domain.negotiation import (
    Action,
    ActionNotPermitted,
    Negotiation,
    PartnershipState,
    Party,
    TransitionRefused,
    awaiting,
    decide,
)

S, P = PartnershipState, Party

# Each context, then per party the outcome of each action in this column order:
# a state (the transition happens), 403 (the party may never do this), 409 (not from here).
ACTIONS = [
    Action.PROPOSE,
    Action.COUNTER,
    Action.ACCEPT,
    Action.DECLINE,
    Action.WITHDRAW,
    Action.SIGN,
    Action.ACTIVATE,
    Action.COMPLETE,
    Action.CANCEL,
]
CONTEXTS: dict[str, Negotiation] = {
    "draft": Negotiation(S.DRAFT),
    "draft with terms": Negotiation(S.DRAFT, P.BRAND),
    "proposed": Negotiation(S.PROPOSED, P.BRAND),
    "countered by creator": Negotiation(S.COUNTERED, P.CREATOR),
    "countered by brand": Negotiation(S.COUNTERED, P.BRAND),
    "accepted, unsigned": Negotiation(S.ACCEPTED, P.BRAND),
    "accepted, creator signed": Negotiation(S.ACCEPTED, P.BRAND, frozenset({P.CREATOR})),
    "accepted, brand signed": Negotiation(S.ACCEPTED, P.CREATOR, frozenset({P.BRAND})),
    "signed": Negotiation(S.SIGNED, P.BRAND, frozenset({P.BRAND, P.CREATOR})),
    "active": Negotiation(S.ACTIVE, P.BRAND, frozenset({P.BRAND, P.CREATOR})),
    "completed": Negotiation(S.COMPLETED, P.BRAND),
    "declined": Negotiation(S.DECLINED, P.BRAND),
    "withdrawn": Negotiation(S.WITHDRAWN, P.BRAND),
    "cancelled": Negotiation(S.CANCELLED, P.BRAND),
}
TABLE = """
context                  | party  | propose  counter   accept   decline  withdraw  sign     activate complete  cancel
draft                    | brand  | proposed 409       403      403      409       409      403      409       cancelled
draft                    | creator| 403      409       409      409      403       409      403      403       403
draft                    | system | 403      403       403      403      403       403      409      409       cancelled
draft with terms         | brand  | proposed 409       403      403      409       409      403      409       cancelled
draft with terms         | creator| 403      409       409      409      403       409      403      403       403
draft with terms         | system | 403      403       403      403      403       403      409      409       cancelled
proposed                 | brand  | 409      409       403      403      withdrawn 409      403      409       409
proposed                 | creator| 403      countered accepted declined 403       accepted 403      403       403
proposed                 | system | 403      403       403      403      403       403      409      409       cancelled
countered by creator     | brand  | 409      countered 403      403      withdrawn accepted 403      409       409
countered by creator     | creator| 403      409       409      declined 403       409      403      403       403
countered by creator     | system | 403      403       403      403      403       403      409      409       cancelled
countered by brand       | brand  | 409      409       403      403      withdrawn 409      403      409       409
countered by brand       | creator| 403      countered accepted declined 403       accepted 403      403       403
countered by brand       | system | 403      403       403      403      403       403      409      409       cancelled
accepted, unsigned       | brand  | 409      409       403      403      withdrawn accepted 403      409       409
accepted, unsigned       | creator| 403      409       409      declined 403       accepted 403      403       403
accepted, unsigned       | system | 403      403       403      403      403       403      409      409       cancelled
accepted, creator signed | brand  | 409      409       403      403      withdrawn signed   403      409       409
accepted, creator signed | creator| 403      409       409      declined 403       409      403      403       403
accepted, creator signed | system | 403      403       403      403      403       403      409      409       cancelled
accepted, brand signed   | brand  | 409      409       403      403      withdrawn 409      403      409       409
accepted, brand signed   | creator| 403      409       409      declined 403       signed   403      403       403
accepted, brand signed   | system | 403      403       403      403      403       403      409      409       cancelled
signed                   | brand  | 409      409       403      403      409       409      403      409       cancelled
signed                   | creator| 403      409       409      409      403       409      403      403       403
signed                   | system | 403      403       403      403      403       403      active   409       cancelled
active                   | brand  | 409      409       403      403      409       409      403      completed cancelled
active                   | creator| 403      409       409      409      403       409      403      403       403
active                   | system | 403      403       403      403      403       403      409      completed cancelled
completed                | brand  | 409      409       403      403      409       409      403      409       409
completed                | creator| 403      409       409      409      403       409      403      403       403
completed                | system | 403      403       403      403      403       403      409      409       409
declined                 | brand  | 409      409       403      403      409       409      403      409       409
declined                 | creator| 403      409       409      409      403       409      403      403       403
declined                 | system | 403      403       403      403      403       403      409      409       409
withdrawn                | brand  | 409      409       403      403      409       409      403      409       409
withdrawn                | creator| 403      409       409      409      403       409      403      403       403
withdrawn                | system | 403      403       403      403      403       403      409      409       409
cancelled                | brand  | 409      409       403      403      409       409      403      409       409
cancelled                | creator| 403      409       409      409      403       409      403      403       403
cancelled                | system | 403      403       403      403      403       403      409      409       409
"""


def _rows() -> list[tuple[str, Party, dict[Action, str]]]:
    rows = []
    for line in TABLE.strip().splitlines()[1:]:
        context, party, outcomes = (part.strip() for part in line.split("|"))
        cells = outcomes.split()
        assert len(cells) == len(ACTIONS), line
        rows.append((context, Party(party), dict(zip(ACTIONS, cells, strict=True))))
    return rows


ROWS = _rows()
CELLS = [(context, party, action, outcome) for context, party, row in ROWS for action, outcome in row.items()]


def test_the_table_covers_every_state_party_and_action() -> None:
    states = {CONTEXTS[context].state for context, _, _ in ROWS}
    assert states == set(PartnershipState)
    assert {(c, p) for c, p, _ in ROWS} == {(c, p) for c in CONTEXTS for p in Party}
    assert len(CELLS) == len(CONTEXTS) * len(Party) * len(Action)


@pytest.mark.parametrize(("context", "party", "action", "outcome"), CELLS)
def test_transition(context: str, party: Party, action: Action, outcome: str) -> None:
    negotiation = CONTEXTS[context]
    if outcome == "403":
        with pytest.raises(ActionNotPermitted):
            decide(negotiation, action, party)
    elif outcome == "409":
        with pytest.raises(TransitionRefused) as refused:
            decide(negotiation, action, party)
        allowed = [a.value for a, o in _row(context, party).items() if o not in ("403", "409")]
        assert refused.value.details == {"current_state": negotiation.state.value, "allowed_actions": allowed}
    else:
        assert decide(negotiation, action, party) == PartnershipState(outcome)


def _row(context: str, party: Party) -> dict[Action, str]:
    return next(row for c, p, row in ROWS if c == context and p == party)


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("draft", [P.BRAND]),
        ("proposed", [P.CREATOR]),
        ("countered by creator", [P.BRAND]),
        ("countered by brand", [P.CREATOR]),
        ("accepted, unsigned", [P.BRAND, P.CREATOR]),
        ("accepted, creator signed", [P.BRAND]),
        ("accepted, brand signed", [P.CREATOR]),
        ("signed", []),
        ("active", []),
        ("cancelled", []),
    ],
)
def test_whose_move_it_is(context: str, expected: list[Party]) -> None:
    assert awaiting(CONTEXTS[context]) == expected
