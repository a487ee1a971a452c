"""Token buckets: `rate` tokens a second up to `burst`; each request takes one."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    per_minute: int
    burst: int

    @property
    def rate(self) -> float:
        return self.per_minute / 60.0


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset_s: int  # until the bucket is full again
    retry_after_s: int  # until one token is back (0 when allowed)


class TokenBucket:
    __slots__ = ("limit", "tokens", "updated")

    def __init__(self, limit: Limit, now: float) -> None:
        self.limit = limit
        self.tokens = float(limit.burst)
        self.updated = now

    def take(self, now: float) -> Verdict:
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(float(self.limit.burst), self.tokens + elapsed * self.limit.rate)
        self.updated = now
        allowed = self.tokens >= 1.0
        if allowed:
            self.tokens -= 1.0
        missing_for_one = 0.0 if allowed else (1.0 - self.tokens) / self.limit.rate
        return Verdict(
            allowed=allowed,
            limit=self.limit.burst,
            remaining=max(0, math.floor(self.tokens)),
            reset_s=math.ceil((self.limit.burst - self.tokens) / self.limit.rate),
            retry_after_s=math.ceil(missing_for_one),
        )

    def idle_and_full(self, now: float) -> bool:
        return self.tokens + (now - self.updated) * self.limit.rate >= self.limit.burst

    def spend(self, used: int, now: float) -> None:
        """Tokens taken elsewhere (other replicas): into debt by at most one burst, so that a
        caller over the limit waits for a burst's refill, not for everything it ever sent."""
        elapsed = max(0.0, now - self.updated)
        tokens = min(float(self.limit.burst), self.tokens + elapsed * self.limit.rate)
        self.tokens = max(-float(self.limit.burst), tokens - used)
        self.updated = now


Key = tuple[str, str]  # (caller, route class)


class RateLimiter:
    """Buckets per (caller, route class), in this process's memory, checked without any I/O.

    Replicas share what they used (`take_usage` here, `add_usage` there; see
    adapters/rate_limit_sharing): each bucket then counts every replica's requests, those of the
    others a sync interval late."""

    def __init__(self, limits: dict[str, Limit], sweep_every: int = 10_000) -> None:
        self.limits = limits
        self.buckets: dict[Key, TokenBucket] = {}
        self._sweep_every = sweep_every
        self._since_sweep = 0
        self._used: dict[Key, int] = {}

    def take_usage(self) -> dict[Key, int]:
        """Tokens taken here since the last call."""
        used, self._used = self._used, {}
        return used

    def give_back_usage(self, used: dict[Key, int]) -> None:
        """Usage that could not be handed over: it goes with the next."""
        for key, count in used.items():
            self._used[key] = self._used.get(key, 0) + count

    def add_usage(self, used: dict[Key, int], now: float) -> None:
        """Tokens taken elsewhere."""
        for key, count in used.items():
            limit = self.limits.get(key[1])
            if limit is None:
                continue
            bucket = self.buckets.get(key) or self._new_bucket(key, limit, now)
            bucket.spend(count, now)

    def check(self, identity: str, route_class: str, now: float) -> Verdict | None:
        limit = self.limits.get(route_class)
        if limit is None:
            return None
        key = (identity, route_class)
        bucket = self.buckets.get(key) or self._new_bucket(key, limit, now)
        verdict = bucket.take(now)
        if verdict.allowed:
            self._used[key] = self._used.get(key, 0) + 1
        return verdict

    def _new_bucket(self, key: Key, limit: Limit, now: float) -> TokenBucket:
        self._since_sweep += 1
        if self._since_sweep >= self._sweep_every:
            self._sweep(now)
        bucket = self.buckets[key] = TokenBucket(limit, now)
        return bucket

    def _sweep(self, now: float) -> None:
        # A full bucket holds no state worth keeping: dropping it bounds memory.
        self.buckets = {k: b for k, b in self.buckets.items() if not b.idle_and_full(now)}
        self._since_sweep = 0
