"""Partnerships speaks the contracts' words: its domain's enums are the ones its events carry, and
the few words only its events use (a draft's origin, a payout's reason) match its domain's."""

from enum import StrEnum
from typing import get_args

import pytest

import contracts
from contracts.events.partnerships import PartnershipDrafted, PaymentRecorded
from partnerships.domain.campaigns import CampaignState, Objective
from partnerships.domain.negotiation import Party
from partnerships.domain.partnerships import Origin
from partnerships.domain.payments import PayoutReason
from partnerships.domain.terms import CollaborationType, FeeKind, MilestoneTrigger


@pytest.mark.parametrize(
    ("domain", "shared"),
    [
        (CampaignState, contracts.CampaignState),
        (Objective, contracts.Objective),
        (CollaborationType, contracts.CollaborationType),
        (FeeKind, contracts.FeeKind),
        (MilestoneTrigger, contracts.MilestoneTrigger),
        (Party, contracts.Party),
    ],
    ids=lambda enum: enum.__name__,
)
def test_the_domain_uses_the_shared_definition(domain: type[StrEnum], shared: type[StrEnum]) -> None:
    assert domain is shared


@pytest.mark.parametrize(
    ("domain", "field"),
    [(Origin, PartnershipDrafted.model_fields["origin"]), (PayoutReason, PaymentRecorded.model_fields["reason"])],
    ids=["origin", "payout reason"],
)
def test_words_only_partnerships_tells_match_its_domain(domain: type[StrEnum], field: object) -> None:
    assert set(get_args(field.annotation)) == {member.value for member in domain}  # type: ignore[attr-defined]
