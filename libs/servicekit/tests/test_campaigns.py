"""What a service knows of a campaign, whatever order partnerships' events arrive in: the state only
moves forward, the details are the newest event's, and a late or foreign event changes nothing."""

import itertools
import uuid
from datetime import UTC, date, datetime, timedelta
from functools import reduce

import pytest

from contracts import CampaignState, Money, Objective
from servicekit.campaigns import CampaignDetails, CampaignNews, KnownCampaign, fold_campaign

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
CAMPAIGN, ORG = uuid.uuid4(), uuid.uuid4()
SPRING = CampaignDetails("Spring", Objective.AWARENESS, Money(amount_minor=500_000, currency="EUR"), None, None)
SUMMER = CampaignDetails(
    "Summer", Objective.CONVERSIONS, Money(amount_minor=900_000, currency="EUR"), date(2026, 6, 1), date(2026, 8, 31)
)


def news(minutes: int, state: CampaignState, details: CampaignDetails | None = None, **fields: object) -> CampaignNews:
    return CampaignNews(
        campaign_id=CAMPAIGN,
        tenant_id=fields.pop("tenant_id", ORG),  # type: ignore[arg-type]
        at=T0 + timedelta(minutes=minutes),
        state=state,
        details=details,
        created=bool(fields.pop("created", False)),
    )


CREATED = news(0, CampaignState.DRAFT, SPRING, created=True)
RENAMED = news(1, CampaignState.DRAFT, SUMMER)
LAUNCHED = news(2, CampaignState.ACTIVE)
COMPLETED = news(3, CampaignState.COMPLETED)


def known_after(*events: CampaignNews) -> KnownCampaign | None:
    return reduce(fold_campaign, events, None)  # type: ignore[arg-type]


def test_in_order_the_campaign_is_what_its_events_said() -> None:
    known = known_after(CREATED, RENAMED, LAUNCHED, COMPLETED)

    assert known == KnownCampaign(
        id=CAMPAIGN,
        tenant_id=ORG,
        state=CampaignState.COMPLETED,
        name="Summer",
        objective=Objective.CONVERSIONS,
        budget=SUMMER.budget,
        starts_on=SUMMER.starts_on,
        ends_on=SUMMER.ends_on,
        created_at=T0,
        updated_at=COMPLETED.at,
        details_at=RENAMED.at,
    )


@pytest.mark.parametrize(
    "order", list(itertools.permutations([CREATED, RENAMED, LAUNCHED, COMPLETED])), ids=lambda o: ""
)
def test_every_arrival_order_ends_in_the_same_campaign(order: tuple[CampaignNews, ...]) -> None:
    assert known_after(*order) == known_after(CREATED, RENAMED, LAUNCHED, COMPLETED)


def test_a_state_change_before_its_created_event_is_kept() -> None:
    early = known_after(LAUNCHED)
    assert early is not None
    assert (early.state, early.name, early.created_at) == (CampaignState.ACTIVE, None, None)

    known = known_after(LAUNCHED, CREATED)

    assert known is not None
    assert (known.state, known.name, known.budget, known.created_at) == (
        CampaignState.ACTIVE,
        "Spring",
        SPRING.budget,
        T0,
    )


def test_an_older_change_arriving_late_changes_nothing() -> None:
    current = known_after(CREATED, RENAMED)

    assert known_after(CREATED, RENAMED, CREATED) == current
    assert known_after(CREATED, RENAMED, news(0, CampaignState.DRAFT, SPRING)) == current


def test_a_campaign_never_goes_back_to_an_earlier_state() -> None:
    cancelled = news(2, CampaignState.CANCELLED)
    late_update = news(5, CampaignState.ACTIVE, SUMMER)  # stamped by a replica whose clock runs ahead

    known = known_after(CREATED, cancelled, late_update)

    assert known is not None
    assert known.state is CampaignState.CANCELLED
    assert known.name == "Summer"


def test_an_event_of_another_org_for_the_same_campaign_changes_nothing() -> None:
    current = known_after(CREATED)

    assert known_after(CREATED, news(4, CampaignState.CANCELLED, SUMMER, tenant_id=uuid.uuid4())) == current


def test_the_same_event_twice_is_the_same_as_once() -> None:
    for event in (CREATED, RENAMED, LAUNCHED, COMPLETED):
        assert known_after(CREATED, event, event) == known_after(CREATED, event)
