"""Clicks on tracking links: who clicked (a user-agent class and a salted hash of the client, never
the address), which are counted, and the click id a shop hands back with an order.

- A known bot (a user agent matching the crawler-user-agents list, or none at all) is recorded
  but not counted; so is a HEAD request, whatever agent it names (link checkers and previews ask
  where a link goes; a visitor's browser follows it with GET).
- A repeat is recorded but not counted: a click by the same client (same address and user agent)
  on the same link within 30 minutes of that client's last counted click there.
- The click id carries the link, the time and a MAC: a conversion naming it is attributed without
  looking the click up, and an id nobody issued is refused.
"""

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from uuid import UUID

import crawleruseragents

REPEAT_WINDOW = timedelta(minutes=30)
BUCKET = timedelta(minutes=15)  # what every time zone's offset is a multiple of

BOT, MOBILE, TABLET, DESKTOP = "bot", "mobile", "tablet", "desktop"
UA_CLASSES = (BOT, MOBILE, TABLET, DESKTOP)
_TABLET = re.compile(r"iPad|Tablet|Kindle|Silk/|PlayBook|Android(?!.*Mobile)", re.IGNORECASE)
_MOBILE = re.compile(r"Mobi|iPhone|iPod|Android.*Mobile|Windows Phone|BlackBerry|Opera Mini", re.IGNORECASE)


@lru_cache(maxsize=4096)
def ua_class(user_agent: str) -> str:
    """bot, mobile, tablet or desktop (user agents repeat: the answers are cached)."""
    if not user_agent.strip() or crawleruseragents.is_crawler(user_agent):
        return BOT
    if _TABLET.search(user_agent):
        return TABLET
    if _MOBILE.search(user_agent):
        return MOBILE
    return DESKTOP


def visitor_class(method: str, user_agent: str) -> str:
    """ua_class, except that a HEAD request is a bot's."""
    return BOT if method == "HEAD" else ua_class(user_agent)


def client_hash(salt: bytes, address: str, user_agent: str) -> bytes:
    """16 bytes that tell one client from another without keeping its address."""
    return hashlib.blake2b(f"{address}\n{user_agent}".encode(), key=salt[:64], digest_size=16).digest()


def counted(at: datetime, last_counted_at: datetime | None) -> bool:
    """Whether a click of a client at `at` counts, given that client's last counted click on the
    same link (clicks of a link may arrive slightly out of order: the gap is taken either way)."""
    return last_counted_at is None or abs(at - last_counted_at) >= REPEAT_WINDOW


def bucket_of(at: datetime) -> datetime:
    """The start of the 15-minute bucket (UTC) `at` falls in."""
    epoch = int(at.timestamp())
    step = int(BUCKET.total_seconds())
    return datetime.fromtimestamp(epoch - epoch % step, UTC)


@dataclass(frozen=True)
class ClickRef:
    link_id: UUID
    at: datetime


_MAC_BYTES = 10


def issue_click_id(key: bytes, link_id: UUID, at: datetime) -> str:
    return issue_click_id_at(key, link_id, int(at.timestamp() * 1000), os.urandom(4))


def issue_click_id_at(key: bytes, link_id: UUID, millis: int, nonce: bytes) -> str:
    body = link_id.bytes + millis.to_bytes(6, "big") + nonce
    mac = hmac.new(key, body, hashlib.sha256).digest()[:_MAC_BYTES]
    return base64.urlsafe_b64encode(body + mac).decode().rstrip("=")


def read_click_id(key: bytes, click_id: str) -> ClickRef | None:
    """The link and time of a click id this service issued; None for anything else."""
    try:
        raw = base64.urlsafe_b64decode(click_id + "=" * (-len(click_id) % 4))
    except ValueError:
        return None
    if len(raw) != 26 + _MAC_BYTES:
        return None
    body, mac = raw[:26], raw[26:]
    if not hmac.compare_digest(mac, hmac.new(key, body, hashlib.sha256).digest()[:_MAC_BYTES]):
        return None
    millis = int.from_bytes(body[16:22], "big")
    at = datetime.fromtimestamp(millis // 1000, UTC).replace(microsecond=millis % 1000 * 1000)
    return ClickRef(UUID(bytes=body[:16]), at)
