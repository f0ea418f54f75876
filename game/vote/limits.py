"""Rate limits: token buckets, one per device and one per kind of request anyone can make.

A bucket holds up to ``burst`` requests and refills at ``per_second``; a request that finds it
empty is refused with the seconds to wait (HTTP 429 and ``Retry-After``). Used only from the
server's event loop thread, so no lock. Keys are device tokens or fixed names, never addresses.
"""

from __future__ import annotations

import math
import time
from typing import Callable


class RateLimiter:
    def __init__(self, burst: float, per_second: float, max_keys: int = 4096,
                 clock: Callable[[], float] = time.monotonic):
        if burst < 1 or per_second <= 0:
            raise ValueError("burst must be at least 1 and per_second positive")
        self.burst = float(burst)
        self.per_second = float(per_second)
        self.max_keys = max_keys
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}    # key → (tokens, at)

    def take(self, key: str) -> float:
        """0.0 when the request may go ahead (one token taken), else the seconds to wait."""
        now = self._clock()
        tokens = self._tokens(key, now)
        if tokens >= 1.0:
            self._store(key, tokens - 1.0, now)
            return 0.0
        self._store(key, tokens, now)
        return (1.0 - tokens) / self.per_second

    def wait(self, key: str) -> float:
        """The seconds ``take`` would ask to wait now, without taking anything."""
        tokens = self._tokens(key, self._clock())
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.per_second

    def _tokens(self, key: str, now: float) -> float:
        tokens, at = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - at) * self.per_second)

    def retry_after(self, wait: float) -> str:
        """The ``Retry-After`` header value: whole seconds, at least 1."""
        return str(max(1, math.ceil(wait)))

    def _store(self, key: str, tokens: float, now: float) -> None:
        if key not in self._buckets and len(self._buckets) >= self.max_keys:
            self._forget_full(now)
        self._buckets[key] = (tokens, now)

    def _forget_full(self, now: float) -> None:
        """Drop buckets that have refilled (they hold nothing a fresh bucket would not)."""
        full = [k for k, (t, at) in self._buckets.items() if t + (now - at) * self.per_second >= self.burst]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) >= self.max_keys:       # all busy: forget the oldest half
            for key in sorted(self._buckets, key=lambda k: self._buckets[k][1])[: self.max_keys // 2]:
                del self._buckets[key]
