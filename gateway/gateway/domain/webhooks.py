"""Outgoing webhooks, signed as the Standard Webhooks spec says (standardwebhooks.com):

    webhook-id: <delivery id>          webhook-timestamp: <unix seconds>
    webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" with the secret>

The secret is "whsec_" + base64 of 32 random bytes; receivers should refuse timestamps older than
five minutes (replays) and compare signatures in constant time.
"""

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from fnmatch import fnmatchcase
from uuid import UUID

SECRET_PREFIX = "whsec_"
DEFAULT_MAX_ATTEMPTS = 8

# Why a subscription stopped: the access of whoever made it ended (a subscription sends the org's
# events to a URL its creator chose, so it is access too).
CREATOR_REMOVED = "its creator was removed from the org"
CREATOR_DEMOTED = "its creator may no longer manage webhooks"
KEY_REVOKED = "the API key that made it was revoked"


class CreatorKind(StrEnum):
    USER = "user"
    API_KEY = "api_key"


@dataclass(frozen=True)
class Creator:
    id: UUID
    kind: CreatorKind


@dataclass(frozen=True)
class Subscription:
    id: UUID
    org_id: UUID
    url: str
    event_types: list[str]
    secret: str
    description: str | None
    created_at: datetime
    created_by: Creator | None = None  # None for subscriptions made before creators were kept
    disabled_at: datetime | None = None
    disabled_reason: str | None = None

    @property
    def state(self) -> str:
        return "enabled" if self.disabled_at is None else "disabled"


@dataclass(frozen=True)
class Delivery:
    id: UUID
    subscription_id: UUID
    event_id: UUID
    event_type: str
    payload: bytes
    state: str
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


def creator_of(principal_id: UUID, is_api_key: bool) -> Creator:
    return Creator(principal_id, CreatorKind.API_KEY if is_api_key else CreatorKind.USER)


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify(secret: str, message_id: str, timestamp: int, body: bytes, header: str) -> bool:
    expected = sign(secret, message_id, timestamp, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in header.split())


def subscribable(event_types: Iterable[str]) -> list[str]:
    """What a subscription may name: an event type, `<prefix>.*` for a dotted prefix of one (all
    `partnership.*`, all `metrics.performance.*`), or `*` for every event."""
    names = {"*"}
    for event_type in event_types:
        names.add(event_type)
        parts = event_type.split(".")
        names.update(".".join(parts[:end]) + ".*" for end in range(1, len(parts)))
    return sorted(names)


def matches(event_types: list[str], event_type: str) -> bool:
    """Subscriptions name exact types or patterns such as `partnership.*` or `*`."""
    return any(fnmatchcase(event_type, pattern) for pattern in event_types)


def retry_delay_s(attempt: int, *, base_s: float = 5.0, cap_s: float = 6 * 3600) -> float:
    """Delay before attempt `attempt + 1` after `attempt` failed: 5 s, 10 s, 20 s, ... capped."""
    return min(cap_s, base_s * 2 ** (attempt - 1))
