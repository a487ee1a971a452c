"""Share links of a campaign's report: read-only, expiring, revocable. Whoever holds the link sees
that one report, as the org sees it, without signing in; an expired or revoked link is answered
exactly as one that never existed."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

DEFAULT_DAYS = 7
MAX_DAYS = 90


@dataclass(frozen=True)
class ReportShare:
    id: UUID
    org_id: UUID
    campaign_id: UUID
    created_by: UUID | None
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None

    def open_at(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


def expiry(now: datetime, days: int) -> datetime:
    """When a link made now for `days` days ends (1 to MAX_DAYS: the schema holds the range)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"a share link lasts 1 to {MAX_DAYS} days")
    return now + timedelta(days=days)
