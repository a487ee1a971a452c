"""A click on a tracking link, recorded: the code resolved from memory, the click put to the click
log (no database transaction per click). Shared by GET /r/{code} and the gateway's batches."""

import asyncio
import os
import time
from urllib.parse import urlsplit

import orjson

from metrics.adapters.ingestion import Ingestion
from metrics.domain.clicks import client_hash, issue_click_id_at, visitor_class


def _referrer_host(referrer: str | None) -> str | None:
    if not referrer:
        return None
    try:
        return urlsplit(referrer).hostname
    except ValueError:
        return None


def record_click(
    ingestion: Ingestion, code: str, method: str, user_agent: str, address: str, referrer: str | None
) -> tuple[asyncio.Future[str], str] | None:
    """The click on `code` put to the click log, and the Location to send once it is kept (the
    future resolves then); None for an unknown or stopped code, which records nothing."""
    link = ingestion.links.resolve(code)
    if link is None:
        return None
    now_ms = time.time_ns() // 1_000_000
    click_id = issue_click_id_at(ingestion.click_key, link.id, now_ms, os.urandom(4))
    record = {
        "id": click_id,
        "l": link.link,
        "t": link.tenant,
        "c": link.campaign,
        "p": link.partnership,
        "at": now_ms,
        "ua": visitor_class(method, user_agent),
        "h": client_hash(ingestion.client_salt, address, user_agent).hex(),
        "r": _referrer_host(referrer),
    }
    kept = ingestion.clicks.enqueue(link.id.bytes, orjson.dumps(record))
    return kept, f"{link.head}{click_id}{link.tail}"
