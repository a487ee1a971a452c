"""Share links' rules, without I/O: how long a link lasts and when it stops opening."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from gateway.domain.report_shares import MAX_DAYS, ReportShare, expiry

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def share(**changes: object) -> ReportShare:
    fields = {"id": uuid.uuid4(), "org_id": uuid.uuid4(), "campaign_id": uuid.uuid4(), "created_by": None,
              "created_at": NOW, "expires_at": NOW + timedelta(days=7), **changes}  # fmt: skip
    return ReportShare(**fields)  # type: ignore[arg-type]


def test_a_link_opens_until_it_expires_or_is_revoked() -> None:
    assert share().open_at(NOW + timedelta(days=6, hours=23))
    assert not share().open_at(NOW + timedelta(days=7))
    assert not share(revoked_at=NOW + timedelta(hours=1)).open_at(NOW + timedelta(hours=2))


@pytest.mark.parametrize("days", [0, -1, MAX_DAYS + 1])
def test_a_link_lasts_one_to_ninety_days(days: int) -> None:
    assert expiry(NOW, MAX_DAYS) == NOW + timedelta(days=90)
    with pytest.raises(ValueError, match="1 to 90 days"):
        expiry(NOW, days)
