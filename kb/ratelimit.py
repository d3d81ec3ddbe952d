"""Per-client request budgets (token buckets) with the figures a client needs to back off; no web imports."""

from __future__ import annotations

import math
import re
import threading
import time
from dataclasses import dataclass

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)\s*$")


@dataclass(frozen=True)
class Rate:
    """`requests` per `period_s`, as written in settings: "120/minute"."""

    requests: int
    period_s: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        m = _RATE.match(text.lower())
        if not m or int(m.group(1)) < 1:
            raise ValueError(f"{text!r} is not a rate like 120/minute (second, minute, hour or day)")
        return cls(int(m.group(1)), _UNITS[m.group(2)])


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_s: int  # seconds until the bucket is full again (RateLimit-Reset), or until one request is allowed when refused


class RateLimiter:
    """One token bucket per client id; a bucket refills at `requests / period` a second up to `requests`."""

    def __init__(self, rate: Rate, max_clients: int = 100_000) -> None:
        self.rate, self._max = rate, max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> Decision:
        per_s = self.rate.requests / self.rate.period_s
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.rate.requests), now))
            tokens = min(float(self.rate.requests), tokens + (now - last) * per_s)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            if len(self._buckets) >= self._max and client not in self._buckets:
                self._buckets.clear()  # a flood of distinct ids: forget them all rather than grow without bound
            self._buckets[client] = (tokens, now)
        if allowed:
            return Decision(True, self.rate.requests, int(tokens), math.ceil((self.rate.requests - tokens) / per_s))
        return Decision(False, self.rate.requests, 0, max(1, math.ceil((1.0 - tokens) / per_s)))
