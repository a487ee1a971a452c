"""Access taken away: what each event ends, and the in-memory list every request is checked
against (no I/O per request). Entries need to live only as long as a token they could refuse:
an access token issued before the revocation expires within its lifetime; API keys and refresh
tokens also stay revoked in the database."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from gateway.domain.identity import Principal

# Replicas' clocks differ a little: an entry outlives the tokens it refuses by this much.
CLOCK_MARGIN = timedelta(seconds=60)


class RevocationKind(StrEnum):
    API_KEY = "api_key"  # the key and every client-credentials token issued for it
    SESSION = "session"  # one login: its refresh tokens and the access tokens issued from them
    GRANT = "grant"  # a membership as it stood: the tokens carrying its role in its org


@dataclass(frozen=True)
class Revocation:
    kind: RevocationKind
    subject: UUID
    until: datetime  # every token it refuses has expired by then


def revocation(kind: RevocationKind, subject: UUID, *, at: datetime, token_ttl: timedelta) -> Revocation:
    return Revocation(kind, subject, at + token_ttl + CLOCK_MARGIN)


class RevocationList:
    """Ids of revoked keys, logins and memberships until the tokens naming them have expired."""

    def __init__(self) -> None:
        self._until: dict[UUID, float] = {}

    def add(self, revocations: Iterable[Revocation]) -> None:
        for revoked in revocations:
            until = revoked.until.timestamp()
            if until > self._until.get(revoked.subject, 0.0):
                self._until[revoked.subject] = until

    def refuses(self, principal: Principal) -> bool:
        until = self._until
        return bool(until) and (
            principal.user_id in until or principal.session_id in until or principal.grant_id in until
        )

    def sweep(self, now: float) -> None:
        """Forgets entries whose tokens have all expired: memory stays bounded."""
        self._until = {subject: until for subject, until in self._until.items() if until > now}

    def __len__(self) -> int:
        return len(self._until)
