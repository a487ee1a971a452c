"""The rules without I/O: the deliverable state machine and who may take each step, units from
terms, post links per platform, amplification and asset states."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from content.domain.amplifications import Amplification, AmplificationState, Decision
from content.domain.assets import Asset, AssetStatus
from content.domain.deliverables import (
    Action,
    DeliverableState,
    InvalidTransition,
    TermsLine,
    UsageRights,
    allowed_actions,
    deliverable_id,
    next_state,
    units_of,
)
from content.domain.posts import normalise
from contracts import AmplificationKind, Money, Party
from servicekit.errors import Forbidden, InvalidField

S = DeliverableState
NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("state", "action", "party", "to"),
    [
        (S.DRAFT, Action.SUBMIT, Party.CREATOR, S.SUBMITTED),
        (S.SUBMITTED, Action.REQUEST_CHANGES, Party.BRAND, S.CHANGES_REQUESTED),
        (S.CHANGES_REQUESTED, Action.SUBMIT, Party.CREATOR, S.SUBMITTED),
        (S.SUBMITTED, Action.APPROVE, Party.BRAND, S.APPROVED),
        (S.APPROVED, Action.SCHEDULE, Party.CREATOR, S.SCHEDULED),
        (S.SCHEDULED, Action.SCHEDULE, Party.BRAND, S.SCHEDULED),
        (S.SCHEDULED, Action.PUBLISH, Party.CREATOR, S.PUBLISHED),
        (S.APPROVED, Action.PUBLISH, Party.BRAND, S.PUBLISHED),
        (S.SUBMITTED, Action.CANCEL, Party.SYSTEM, S.CANCELLED),
    ],
)
def test_the_steps_of_the_state_machine(state: S, action: Action, party: Party, to: S) -> None:
    assert next_state(state, action, party) is to


@pytest.mark.parametrize(
    ("action", "party"),
    [
        (Action.SUBMIT, Party.BRAND),
        (Action.APPROVE, Party.CREATOR),
        (Action.REQUEST_CHANGES, Party.CREATOR),
        (Action.CANCEL, Party.BRAND),
        (Action.CANCEL, Party.CREATOR),
    ],
)
def test_a_side_never_takes_the_others_steps(action: Action, party: Party) -> None:
    with pytest.raises(Forbidden):
        next_state(S.SUBMITTED, action, party)


def test_a_wrong_moment_names_the_state_and_what_the_caller_may_do() -> None:
    with pytest.raises(InvalidTransition) as refused:
        next_state(S.APPROVED, Action.SUBMIT, Party.CREATOR)
    assert refused.value.details == {"current_state": "approved", "allowed_actions": ["schedule", "publish"]}
    assert allowed_actions(S.PUBLISHED, Party.BRAND) == []
    assert allowed_actions(S.SUBMITTED, Party.BRAND) == [Action.APPROVE, Action.REQUEST_CHANGES]
    with pytest.raises(InvalidTransition):
        next_state(S.PUBLISHED, Action.CANCEL, Party.SYSTEM)


def test_one_unit_per_count_with_stable_ids() -> None:
    units = units_of([TermsLine("reel", "instagram", 2, None), TermsLine("video", "youtube", 1, date(2026, 6, 1))])
    assert [(u.line_index, u.unit_index, u.type) for u in units] == [(0, 0, "reel"), (0, 1, "reel"), (1, 0, "video")]
    partnership = uuid.uuid4()
    assert deliverable_id(partnership, units[1]) == deliverable_id(partnership, units[1])
    assert len({deliverable_id(partnership, u) for u in units}) == 3


@pytest.mark.parametrize(
    ("platform", "url", "kept", "external_id"),
    [
        (
            "instagram",
            "http://instagram.com/p/C4xYz12AbCd?utm_source=ig",
            "https://www.instagram.com/p/C4xYz12AbCd/",
            "C4xYz12AbCd",
        ),
        (
            "instagram",
            "https://www.instagram.com/reels/Abc_12-3/",
            "https://www.instagram.com/reel/Abc_12-3/",
            "Abc_12-3",
        ),
        (
            "instagram",
            "https://www.instagram.com/stories/runner/3312345678901/",
            "https://www.instagram.com/stories/runner/3312345678901/",
            "3312345678901",
        ),
        (
            "tiktok",
            "https://m.tiktok.com/@trail.runner/video/7312345678901234567?lang=en",
            "https://www.tiktok.com/@trail.runner/video/7312345678901234567",
            "7312345678901234567",
        ),
        ("youtube", "https://youtu.be/dQw4w9WgXcQ?t=42", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        (
            "youtube",
            "https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "dQw4w9WgXcQ",
        ),
        (
            "youtube",
            "https://youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "dQw4w9WgXcQ",
        ),
        (
            "x",
            "https://twitter.com/runner/status/1790000000000000000?s=20",
            "https://x.com/runner/status/1790000000000000000",
            "1790000000000000000",
        ),
    ],
)
def test_post_links_are_normalised_per_platform(platform: str, url: str, kept: str, external_id: str) -> None:
    link = normalise(platform, url)
    assert (link.url, link.external_id) == (kept, external_id)


@pytest.mark.parametrize(
    ("platform", "url"),
    [
        ("instagram", "https://www.instagram.com/runner/"),
        ("instagram", "https://www.tiktok.com/@a/video/7312345678901234567"),
        ("tiktok", "https://vm.tiktok.com/ZMabc123/"),
        ("youtube", "https://www.youtube.com/watch?v=short"),
        ("x", "https://x.com/runner"),
        ("x", "javascript:alert(1)"),
    ],
)
def test_links_to_no_single_post_are_refused(platform: str, url: str) -> None:
    with pytest.raises(InvalidField) as refused:
        normalise(platform, url)
    assert refused.value.field == "body.url"


def amplification(starts: date, ends: date) -> Amplification:
    return Amplification(
        id=uuid.uuid4(), tenant_id=uuid.uuid4(), deliverable_id=uuid.uuid4(), campaign_id=uuid.uuid4(),
        partnership_id=uuid.uuid4(), influencer_id=uuid.uuid4(), post_id=None, kind=AmplificationKind.PAID_BOOST,
        platform="instagram", spend=Money(amount_minor=100, currency="EUR"), starts_on=starts, ends_on=ends,
        requested_at=NOW, requested_by=None,
    )  # fmt: skip


def test_an_amplification_runs_between_its_dates_once_funded() -> None:
    boost = amplification(date(2026, 5, 10), date(2026, 5, 20))
    assert boost.state(date(2026, 5, 12)) is AmplificationState.REQUESTED
    assert boost.decide(Decision.FUNDED, NOW)
    assert not boost.decide(Decision.FUNDED, NOW)  # told twice
    assert [boost.state(date(2026, 5, d)) for d in (9, 10, 20, 21)] == [
        AmplificationState.FUNDED,
        AmplificationState.RUNNING,
        AmplificationState.RUNNING,
        AmplificationState.DONE,
    ]


def test_an_assets_rights_run_from_publication() -> None:
    asset = Asset(
        id=uuid.uuid4(), tenant_id=uuid.uuid4(), deliverable_id=uuid.uuid4(), campaign_id=uuid.uuid4(),
        partnership_id=uuid.uuid4(), influencer_id=uuid.uuid4(), submission_id=uuid.uuid4(), caption="#ad",
        platform="instagram", format="post", media=(), usage_rights=UsageRights(("paid_social",), 30),
        approved_at=NOW, rights_from=NOW,
    )  # fmt: skip
    asset.published(NOW + timedelta(days=10), "https://www.instagram.com/p/Abcdef/")
    assert asset.expires_at == NOW + timedelta(days=40)
    assert asset.status(NOW + timedelta(days=39)) is AssetStatus.USABLE
    assert asset.status(NOW + timedelta(days=40)) is AssetStatus.EXPIRED
    asset.usage_rights = None
    assert asset.status(NOW) is AssetStatus.NO_RIGHTS
