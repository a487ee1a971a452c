"""Token buckets, the circuit breaker, idempotency decisions, webhook signatures."""

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from gateway.domain import idempotency, webhooks
from gateway.domain.circuit_breaker import BreakerState, CircuitBreaker
from gateway.domain.rate_limit import Limit, RateLimiter, TokenBucket
from gateway.settings import GatewaySettings


def test_bucket_allows_a_burst_then_refills_at_its_rate() -> None:
    bucket = TokenBucket(Limit(per_minute=60, burst=3), now=0.0)
    verdicts = [bucket.take(0.0) for _ in range(4)]
    assert [v.allowed for v in verdicts] == [True, True, True, False]
    assert verdicts[2].remaining == 0
    assert verdicts[3].retry_after_s == 1
    assert bucket.take(0.5).allowed is False
    assert bucket.take(1.0).allowed is True
    assert bucket.take(100.0).remaining == 2


def test_limiter_keeps_callers_and_route_classes_apart() -> None:
    limiter = RateLimiter({"read": Limit(60, 1), "brand_write": Limit(60, 1)})
    assert limiter.check("user:a", "read", 0.0).allowed  # type: ignore[union-attr]
    assert not limiter.check("user:a", "read", 0.0).allowed  # type: ignore[union-attr]
    assert limiter.check("user:b", "read", 0.0).allowed  # type: ignore[union-attr]
    assert limiter.check("user:a", "brand_write", 0.0).allowed  # type: ignore[union-attr]
    assert limiter.check("user:a", "unlimited-class", 0.0) is None


def test_limiter_forgets_full_buckets() -> None:
    limiter = RateLimiter({"read": Limit(60, 5)}, sweep_every=4)
    for caller in ("a", "b", "c"):
        limiter.check(caller, "read", 0.0)
    assert len(limiter.buckets) == 3
    limiter.check("d", "read", 100.0)  # the fourth new bucket sweeps: a, b, c have long refilled
    assert set(limiter.buckets) == {("d", "read")}


def test_replicas_that_share_their_usage_hold_a_caller_to_one_limit() -> None:
    # Two gateway replicas, a burst of 10 each: apart, the caller gets 20 through.
    first, second = RateLimiter({"read": Limit(60, 10)}), RateLimiter({"read": Limit(60, 10)})
    assert all(first.check("key:a", "read", 0.0).allowed for _ in range(6))  # type: ignore[union-attr]
    assert all(second.check("key:a", "read", 0.0).allowed for _ in range(3))  # type: ignore[union-attr]
    first_used, second_used = first.take_usage(), second.take_usage()
    assert first_used == {("key:a", "read"): 6}
    assert second_used == {("key:a", "read"): 3}
    assert first.take_usage() == {}  # each use is handed over once
    first.add_usage(second_used, 0.0)
    second.add_usage(first_used, 0.0)
    verdict = second.check("key:a", "read", 0.0)
    assert verdict is not None
    assert verdict.allowed
    assert verdict.remaining == 0
    first.add_usage(second.take_usage(), 0.0)
    assert not first.check("key:a", "read", 0.0).allowed  # type: ignore[union-attr]
    assert first.check("key:a", "read", 1.0).allowed  # type: ignore[union-attr]  # refilled one a second


def test_usage_elsewhere_counts_for_a_caller_not_seen_here_yet() -> None:
    limiter = RateLimiter({"read": Limit(60, 5)})
    limiter.add_usage({("key:b", "read"): 5, ("key:b", "unlimited-class"): 3}, 0.0)
    assert not limiter.check("key:b", "read", 0.0).allowed  # type: ignore[union-attr]
    assert limiter.take_usage() == {}  # a refusal uses nothing


def test_a_flood_elsewhere_costs_at_most_one_extra_burst() -> None:
    limiter = RateLimiter({"read": Limit(60, 5)})
    limiter.add_usage({("key:c", "read"): 1_000}, 0.0)
    # In debt by at most a burst: back after (5 + 1) s at one token a second, not after 1000 s.
    assert not limiter.check("key:c", "read", 5.5).allowed  # type: ignore[union-attr]
    assert limiter.check("key:c", "read", 6.0).allowed  # type: ignore[union-attr]


def test_breaker_opens_after_faults_from_several_callers_and_tries_again_after_cooldown() -> None:
    breaker = CircuitBreaker(threshold=3, cooldown_s=10)
    for t, caller in enumerate(("user:a", "user:b", "user:a")):
        assert breaker.allow(float(t))
        breaker.record_fault(float(t), caller)
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allow(5.0)
    assert breaker.retry_after_s(5.0) == 7.0
    assert breaker.allow(13.0)  # the one trial call
    assert not breaker.allow(13.1)  # others wait while it runs
    breaker.record_fault(13.2, "user:a")
    assert breaker.state is BreakerState.OPEN
    assert breaker.allow(24.0)
    breaker.record_success()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow(24.1)


def test_one_caller_never_opens_the_circuit_for_the_others() -> None:
    breaker = CircuitBreaker(threshold=3, cooldown_s=10)
    for t in range(100):
        breaker.record_fault(t / 10, "key:careless")
    assert breaker.state is BreakerState.CLOSED
    breaker.record_fault(10.0, "user:b")  # a second caller meets a fault too: the service is failing
    assert breaker.state is BreakerState.OPEN


def test_refused_connections_open_it_whoever_calls() -> None:
    breaker = CircuitBreaker(threshold=3)
    for t in range(3):
        breaker.record_fault(float(t), None)  # nothing a caller sent: the service is not there
    assert breaker.state is BreakerState.OPEN


def test_a_success_or_time_forgets_the_faults() -> None:
    breaker = CircuitBreaker(threshold=3, window_s=30)
    breaker.record_fault(0, "user:a")
    breaker.record_fault(0, "user:b")
    breaker.record_success()
    breaker.record_fault(0, "user:a")
    assert breaker.state is BreakerState.CLOSED
    breaker.record_fault(1, "user:b")
    breaker.record_fault(40, "user:c")  # the others are older than the window
    assert breaker.state is BreakerState.CLOSED


def test_idempotency_decisions() -> None:
    first = idempotency.fingerprint("POST", "/api/v1/campaigns", "", b'{"name":"a"}')
    other = idempotency.fingerprint("POST", "/api/v1/campaigns", "", b'{"name":"b"}')
    assert first != other
    assert idempotency.fingerprint("POST", "/a", "b", b"") != idempotency.fingerprint("POST", "/ab", "", b"")
    decide = idempotency.decide
    assert decide(None, first) is idempotency.Outcome.PROCEED
    assert decide(idempotency.StoredRequest(first, True), first) is idempotency.Outcome.REPLAY
    assert decide(idempotency.StoredRequest(first, False), first) is idempotency.Outcome.IN_PROGRESS
    assert decide(idempotency.StoredRequest(first, True), other) is idempotency.Outcome.MISMATCH


def test_a_key_that_holds_nothing_is_taken_over() -> None:
    fp, now, lease = "f" * 64, datetime(2026, 5, 1, 12, 0, tzinfo=UTC), timedelta(seconds=60)
    decide, outcome = idempotency.decide, idempotency.Outcome

    def stored(completed: bool, started_s_ago: float, expires_in_s: float = 3600) -> idempotency.StoredRequest:
        started = now - timedelta(seconds=started_s_ago)
        return idempotency.StoredRequest(fp, completed, started, now + timedelta(seconds=expires_in_s))

    assert decide(stored(False, 59), fp, now=now, lease=lease) is outcome.IN_PROGRESS
    assert decide(stored(False, 60), fp, now=now, lease=lease) is outcome.TAKE_OVER, "its replica died"
    assert decide(stored(True, 600), fp, now=now, lease=lease) is outcome.REPLAY, "an answer outlives the lease"
    assert decide(stored(True, 600, expires_in_s=0), fp, now=now, lease=lease) is outcome.TAKE_OVER, "expired"
    assert decide(stored(False, 600), "0" * 64, now=now, lease=lease) is outcome.MISMATCH


@pytest.mark.parametrize(
    ("status", "kept"), [(201, True), (409, True), (422, True), (401, False), (429, False), (502, False)]
)
def test_which_answers_are_kept_for_replay(status: int, kept: bool) -> None:
    assert idempotency.keeps(status) is kept


def test_the_idempotency_lease_must_outlast_a_proxied_request() -> None:
    with pytest.raises(ValidationError, match="idempotency_lease_s"):
        GatewaySettings(upstream_timeout_s=30, upstream_retries=2, idempotency_lease_s=60)
    assert (
        GatewaySettings(upstream_timeout_s=30, upstream_retries=2, idempotency_lease_s=120).idempotency_lease_s == 120
    )


def test_webhook_signature_follows_standard_webhooks() -> None:
    secret = webhooks.new_secret()
    body = b'{"type":"campaign.created"}'
    header = webhooks.sign(secret, "msg_1", 1_700_000_000, body)
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(key, b"msg_1.1700000000." + body, hashlib.sha256).digest()).decode()
    assert header == f"v1,{expected}"
    assert webhooks.verify(secret, "msg_1", 1_700_000_000, body, header)
    assert not webhooks.verify(secret, "msg_1", 1_700_000_001, body, header)
    assert not webhooks.verify(webhooks.new_secret(), "msg_1", 1_700_000_000, body, header)


def test_webhook_type_patterns_and_backoff() -> None:
    assert webhooks.matches(["partnership.*"], "partnership.signed")
    assert not webhooks.matches(["partnership.*"], "campaign.created")
    assert webhooks.matches(["*"], "content.published")
    assert [webhooks.retry_delay_s(n) for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert webhooks.retry_delay_s(40) == 6 * 3600
