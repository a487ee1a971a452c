"""A circuit breaker per upstream. It counts upstream faults only (the service unreachable, too
slow, a broken connection, a 502/503/504, a 500 that is not the service's own problem answer),
never a caller's mistake, and never trips because of one caller: it opens after `threshold`
faults in a row within `window_s` that came from at least `min_callers` callers, or from a
refused connection, which no caller causes. Open, it refuses calls for `cooldown_s`; then one
trial call may pass (half-open): an answer closes it, a fault reopens it."""

from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass
class CircuitBreaker:
    threshold: int = 5
    cooldown_s: float = 10.0
    min_callers: int = 2
    window_s: float = 30.0
    state: BreakerState = BreakerState.CLOSED
    opened_at: float = 0.0
    trial_in_flight: bool = False
    # (when, who) of the faults since the last answer; None: no caller (a refused connection).
    faults: deque[tuple[float, str | None]] = field(default_factory=deque)

    def allow(self, now: float) -> bool:
        if self.state is BreakerState.CLOSED:
            return True
        if self.state is BreakerState.OPEN and now - self.opened_at >= self.cooldown_s:
            self.state = BreakerState.HALF_OPEN
            self.trial_in_flight = False
        if self.state is BreakerState.HALF_OPEN and not self.trial_in_flight:
            self.trial_in_flight = True
            return True
        return False

    def retry_after_s(self, now: float) -> float:
        return max(0.0, self.cooldown_s - (now - self.opened_at))

    def record_success(self) -> None:
        """The service answered (whatever it answered): it is there."""
        self.state = BreakerState.CLOSED
        self.faults.clear()
        self.trial_in_flight = False

    def record_fault(self, now: float, caller: str | None) -> None:
        """An upstream fault met by `caller` (its rate-limit identity); None when no caller can
        have caused it."""
        self.faults.append((now, caller))
        while self.faults and (now - self.faults[0][0] > self.window_s or len(self.faults) > 8 * self.threshold):
            self.faults.popleft()
        if self.state is BreakerState.HALF_OPEN or self._tripped():
            self.state = BreakerState.OPEN
            self.opened_at = now
            self.trial_in_flight = False
            self.faults.clear()

    def _tripped(self) -> bool:
        if len(self.faults) < self.threshold:
            return False
        callers = {caller for _, caller in self.faults}
        return None in callers or len(callers) >= self.min_callers
