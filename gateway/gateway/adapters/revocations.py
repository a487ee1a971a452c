"""Revocations across gateway replicas, the way rate limits are shared: the replica that takes
access away writes a row in the same transaction and applies it to its own list once that
commits; every replica reads new rows every interval (a second) and applies them. Requests are
checked against the in-memory list only (domain/revocation.RevocationList)."""

import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from uuid import UUID

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.credentials import ApiKeyCache
from gateway.adapters.tables import revocations
from gateway.domain.revocation import Revocation, RevocationKind, RevocationList, revocation
from servicekit.background import BackgroundLoop
from servicekit.db import Database, after_commit

# Rows are read again for this long after their time, in case they committed late or the
# writer's clock is behind; applying one twice changes nothing.
_LATE = timedelta(seconds=5)
_PURGE_EVERY_S = 60.0


async def write_revocations(
    session: AsyncSession, kind: RevocationKind, subjects: Iterable[UUID], token_ttl: timedelta
) -> list[Revocation]:
    """Rows every replica will read; commits with the session (used alone by the operator CLI)."""
    now = datetime.now(UTC)
    entries = [revocation(kind, subject, at=now, token_ttl=token_ttl) for subject in subjects]
    if entries:
        await session.execute(
            insert(revocations),
            [{"kind": e.kind.value, "subject": e.subject, "at": now, "expires_at": e.until} for e in entries],
        )
    return entries


class Revocations:
    """This replica's revocation list and the API-key cache it must keep in step."""

    def __init__(self, revoked: RevocationList, key_cache: ApiKeyCache, token_ttl: timedelta) -> None:
        self.revoked = revoked
        self.key_cache = key_cache
        self.token_ttl = token_ttl

    async def revoke(self, session: AsyncSession, kind: RevocationKind, subjects: Iterable[UUID]) -> None:
        """Ends the tokens naming `subjects` here once the session commits, elsewhere within a round."""
        entries = await write_revocations(session, kind, subjects, self.token_ttl)
        if entries:
            after_commit(session, lambda: self.apply(entries))

    def apply(self, entries: Iterable[Revocation]) -> None:
        entries = list(entries)
        self.revoked.add(entries)
        keys = {e.subject for e in entries if e.kind is RevocationKind.API_KEY}
        if keys:
            self.key_cache.forget_all(keys)


class RevocationSync(BackgroundLoop):
    name = "revocation-sync"

    def __init__(self, database: Database, revocations_: Revocations, *, interval_s: float) -> None:
        super().__init__(interval_s)
        self.database = database
        self.revocations = revocations_
        self._read_since: datetime | None = None
        self._purged_at = 0.0

    async def run_once(self) -> bool:
        """The first round reads every revocation still in force (a replica just started), the
        next ones what was written since the round before."""
        now = datetime.now(UTC)
        purge = time.monotonic() - self._purged_at > _PURGE_EVERY_S
        query = select(revocations.c.kind, revocations.c.subject, revocations.c.expires_at)
        if self._read_since is None:
            query = query.where(revocations.c.expires_at > now)
        else:
            query = query.where(revocations.c.at > self._read_since - _LATE)
        async with self.database.session(read_only=not purge) as session:
            rows = (await session.execute(query)).all()
            if purge:
                await session.execute(delete(revocations).where(revocations.c.expires_at < now))
        if purge:
            self._purged_at = time.monotonic()
        self.revocations.apply(Revocation(RevocationKind(r.kind), r.subject, r.expires_at) for r in rows)
        self.revocations.revoked.sweep(time.time())
        self._read_since = now
        return False
