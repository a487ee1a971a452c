"""Idempotency-Key rules: the same key and body replays the first response; another body is a
conflict. Keys are scoped to the caller, so two callers never see each other's responses."""

import hashlib
from dataclasses import dataclass
from enum import StrEnum

KEY_TTL_S = 24 * 3600
MAX_KEY_LENGTH = 255


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), query.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class Outcome(StrEnum):
    PROCEED = "proceed"  # first use: run the request, store what it answers
    REPLAY = "replay"  # same request again: answer what was stored
    MISMATCH = "mismatch"  # same key, another request: 409
    IN_PROGRESS = "in_progress"  # the first request has not answered yet: 409


@dataclass(frozen=True)
class StoredRequest:
    fingerprint: str
    completed: bool


def decide(stored: StoredRequest | None, request_fingerprint: str) -> Outcome:
    if stored is None:
        return Outcome.PROCEED
    if stored.fingerprint != request_fingerprint:
        return Outcome.MISMATCH
    return Outcome.REPLAY if stored.completed else Outcome.IN_PROGRESS
