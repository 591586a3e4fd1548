"""A per-user sliding-window limit on incoming messages, so one flooding user cannot starve everyone else.

A flood gets exactly one polite reply; the rest is dropped silently until the window has room again.
The limiter
lives in `application.bot_data` (never a module global) and is only touched from the event loop thread.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum


class Verdict(Enum):
    ALLOW = "allow"
    REFUSE_AND_TELL = "refuse_and_tell"  # first refusal of this flood: say so once
    REFUSE = "refuse"  # already told: drop silently


class SlidingWindowLimiter:
    """At most `limit` events per `window` seconds per key; `limit <= 0` disables the limit."""

    def __init__(self, limit: int, window: float = 60.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        if window <= 0:
            raise ValueError(f"rate-limit window must be positive, got {window}")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[int, deque[float]] = {}
        self._told: set[int] = set()

    def check(self, key: int) -> Verdict:
        """Count one event for `key` if it fits the window and say what to do with it."""
        if self.limit <= 0:
            return Verdict.ALLOW
        now = self._clock()
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) < self.limit:
            events.append(now)
            self._told.discard(key)
            return Verdict.ALLOW
        if key in self._told:
            return Verdict.REFUSE
        self._told.add(key)
        return Verdict.REFUSE_AND_TELL

    def retry_in(self, key: int) -> float:
        """Seconds until `key` may send again (0 when it may now)."""
        events = self._events.get(key)
        if not events or len(events) < self.limit:
            return 0.0
        return max(0.0, events[0] + self.window - self._clock())

    def __len__(self) -> int:
        """How many users the limiter currently remembers."""
        return len(self._events)

    def prune(self) -> None:
        """Forget keys whose window is empty, so memory follows active users rather than all users ever."""
        cutoff = self._clock() - self.window
        for key in [k for k, ev in self._events.items() if not ev or ev[-1] <= cutoff]:
            del self._events[key]
            self._told.discard(key)
