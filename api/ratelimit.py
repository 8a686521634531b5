"""Per-client sliding-window rate limit for the chat routes.

The window lives in the worker's memory: with N uvicorn workers a client may get up to N times
the limit. The client is `request.client.host`; behind a reverse proxy run uvicorn with
`--proxy-headers --forwarded-allow-ips=...` so that this is the real client address.
"""
from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 60.0
PRUNE_EVERY = 1024  # calls between sweeps of idle clients, so memory stays bounded


class SlidingWindowLimiter:
    """At most `limit` hits per client in any `window` seconds; `limit <= 0` disables the check."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._calls = 0

    def hit(self, client: str) -> float:
        """Record a hit; return 0 when allowed, else the seconds to wait before the next allowed hit."""
        if self.limit <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            self._calls += 1
            if self._calls % PRUNE_EVERY == 0:
                self._prune(now)
            hits = self._hits.setdefault(client, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return hits[0] + self.window - now
            hits.append(now)
            return 0.0

    def _prune(self, now: float) -> None:
        idle = [c for c, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]
        for client in idle:
            del self._hits[client]


def retry_after_header(wait: float) -> str:
    """Retry-After is whole seconds, at least 1."""
    return str(max(1, math.ceil(wait)))
