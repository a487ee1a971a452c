"""Idempotency-Key rules: the same key and body replays the first response; another body is a
conflict. Keys are scoped to the caller, so two callers never see each other's responses.

A request holds its key while it runs, and its answer is stored before it is sent: a client
that has the answer can only find it stored. A key whose request never answered within its
lease (its gateway replica died) holds nothing and is taken over by the next request."""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

KEY_TTL_S = 24 * 3600
MAX_KEY_LENGTH = 255
# Visible ASCII, spaces inside only (a header's own leading and trailing ones are not its value).
KEY_PATTERN = r"^[!-~]([ -~]*[!-~])?$"
_KEY = re.compile(KEY_PATTERN)


def valid_key(key: str) -> bool:
    return len(key) <= MAX_KEY_LENGTH and _KEY.fullmatch(key) is not None


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    return _digest(method.upper().encode(), path.encode(), query.encode(), body)


def stored_key(principal: str, key: str) -> str:
    """What is kept of a caller's key: its hash, never the key (migration 0010 hashes alike)."""
    return _digest(principal.encode(), key.encode())


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class Outcome(StrEnum):
    PROCEED = "proceed"  # first use: run the request, store what it answers
    REPLAY = "replay"  # same request again: answer what was stored
    MISMATCH = "mismatch"  # same key, another request: 409
    IN_PROGRESS = "in_progress"  # the first request has not answered yet: 409
    TAKE_OVER = "take_over"  # the stored key holds nothing (expired, or its request died): begin afresh


@dataclass(frozen=True)
class StoredRequest:
    fingerprint: str
    completed: bool
    started_at: datetime | None = None
    expires_at: datetime | None = None


def decide(
    stored: StoredRequest | None,
    request_fingerprint: str,
    *,
    now: datetime | None = None,
    lease: timedelta | None = None,
) -> Outcome:
    if stored is None:
        return Outcome.PROCEED
    if now is not None and stored.expires_at is not None and stored.expires_at <= now:
        return Outcome.TAKE_OVER
    if stored.fingerprint != request_fingerprint:
        return Outcome.MISMATCH
    if stored.completed:
        return Outcome.REPLAY
    if now is not None and lease is not None and stored.started_at is not None and stored.started_at + lease <= now:
        return Outcome.TAKE_OVER
    return Outcome.IN_PROGRESS


def keeps(status: int, asks_retry: bool = False) -> bool:
    """Whether an answer is kept and replayed. A 5xx (our failure), 401 or 429 (the request was
    not let through) is no answer to the request itself: the client may try again with the key.
    Nor is one that asks to be retried (Retry-After): replaying it would answer the retry it asks for."""
    return status < 500 and status not in (401, 429) and not asks_retry
