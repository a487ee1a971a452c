"""Rate limits across gateway replicas: every interval each replica writes the tokens it took
since the last round to the gateway's database and adds those the others wrote to its own
buckets. Requests are checked against memory only; a caller spreading requests over N replicas
gets its limit, plus at most what the others let through during one interval."""

import socket
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select

from gateway.adapters.tables import rate_limit_usage
from gateway.domain.rate_limit import Key, RateLimiter
from servicekit.background import BackgroundLoop
from servicekit.db import Database

# Rows are read again for this long after their time, in case they committed late (ids are not
# committed in order) or the writer's clock is behind; an id is never added twice.
_LATE = timedelta(seconds=5)
# Rows are kept this long; any replica deletes older ones now and then.
_KEEP = timedelta(minutes=2)


class RateLimitSharing(BackgroundLoop):
    name = "rate-limit-sharing"

    def __init__(
        self, database: Database, limiter: RateLimiter, *, interval_s: float, replica: str | None = None
    ) -> None:
        super().__init__(interval_s)
        self.database = database
        self.limiter = limiter
        self.replica = replica or f"{socket.gethostname()}-{uuid.uuid4().hex[:8]}"
        self._read_since = datetime.now(UTC)
        self._added: dict[int, datetime] = {}  # ids of rows already added, while they may be read
        self._purged_at = 0.0

    async def run_once(self) -> bool:
        now = datetime.now(UTC)
        used = self.limiter.take_usage()
        purge = time.monotonic() - self._purged_at > _KEEP.total_seconds() / 4
        try:
            # A round with nothing to write only reads (on SQLite: without the write lock).
            async with self.database.session(read_only=not (used or purge)) as session:
                if used:
                    await session.execute(insert(rate_limit_usage), self._rows(used, now))
                others = (
                    await session.execute(
                        select(
                            rate_limit_usage.c.id,
                            rate_limit_usage.c.identity,
                            rate_limit_usage.c.route_class,
                            rate_limit_usage.c.used,
                            rate_limit_usage.c.at,
                        ).where(
                            rate_limit_usage.c.replica != self.replica,
                            rate_limit_usage.c.at > self._read_since - _LATE,
                        )
                    )
                ).all()
                if purge:
                    await session.execute(delete(rate_limit_usage).where(rate_limit_usage.c.at < now - _KEEP))
                    self._purged_at = time.monotonic()
        except BaseException:
            self.limiter.give_back_usage(used)
            raise
        self._add(others)
        self._read_since = now
        return False

    def _rows(self, used: dict[Key, int], now: datetime) -> list[dict[str, object]]:
        return [
            {"replica": self.replica, "identity": identity, "route_class": route_class, "used": count, "at": now}
            for (identity, route_class), count in used.items()
        ]

    def _add(self, rows: list) -> None:  # type: ignore[type-arg]
        fresh: dict[Key, int] = {}
        for row in rows:
            if row.id in self._added:
                continue
            self._added[row.id] = row.at
            key = (row.identity, row.route_class)
            fresh[key] = fresh.get(key, 0) + row.used
        if fresh:
            self.limiter.add_usage(fresh, time.monotonic())
        forget_before = self._read_since - 2 * _LATE
        self._added = {row_id: at for row_id, at in self._added.items() if at > forget_before}
