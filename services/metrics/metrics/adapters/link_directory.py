"""Every org's active tracking links in memory, by code: the redirect resolves a code without
touching the database. Loaded at start; the replica that makes or changes a link puts it in at
once (after its commit), and every replica reads what the others changed every
`link_refresh_interval_s` (0.5 s)."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from metrics.adapters.link_repository import links_changed_since
from metrics.domain.links import TrackingLink, click_url_parts
from servicekit.background import BackgroundLoop
from servicekit.db import Database

log = logging.getLogger(__name__)

# Re-read what changed a little before the newest change seen: a transaction that stamped its
# row earlier but committed later is still found.
OVERLAP = timedelta(seconds=10)


@dataclass(frozen=True, slots=True)
class CachedLink:
    id: UUID
    # The target URL around a click's id: head + click_id + tail.
    head: str
    tail: str
    # What each click record carries, as text once (the redirect builds one per click).
    link: str
    tenant: str
    campaign: str
    partnership: str


def cached(link: TrackingLink) -> CachedLink:
    head, tail = click_url_parts(link.target_url)
    return CachedLink(
        link.id,
        head,
        tail,
        str(link.id),
        str(link.tenant_id),
        str(link.campaign_id),
        str(link.partnership_id),
    )


class LinkDirectory(BackgroundLoop):
    name = "link-directory"

    def __init__(self, database: Database, poll_interval_s: float) -> None:
        super().__init__(poll_interval_s)
        self.database = database
        self.by_code: dict[str, CachedLink] = {}
        self._seen_until: datetime | None = None
        self.loaded = False

    def resolve(self, code: str) -> CachedLink | None:
        return self.by_code.get(code)

    def put(self, link: TrackingLink) -> None:
        if link.active:
            self.by_code[link.code] = cached(link)
        else:
            self.by_code.pop(link.code, None)

    async def load(self) -> None:
        await self.run_once()
        self.loaded = True

    async def run_once(self) -> bool:
        since = self._seen_until - OVERLAP if self._seen_until is not None else None
        async with self.database.engine.connect() as connection:
            changed = await links_changed_since(connection, since)
        for link in changed:
            self.put(link)
            if self._seen_until is None or link.updated_at > self._seen_until:
                self._seen_until = link.updated_at
        return False
