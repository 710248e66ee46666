"""Run one job per key after a short quiet spell, cancelling stale ones.

While a writer types, each change replaces the pending lint of that buffer:
only the text as it stands when typing pauses is linted. The delay is short
(a lint of a news article takes a few milliseconds), so diagnostics follow
the keyboard; it exists to skip the keystrokes of a burst, not to batch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Debouncer:
    """Pending delayed calls, at most one per key."""

    def __init__(self) -> None:
        self._pending: dict[str, asyncio.TimerHandle] = {}

    def schedule(self, key: str, delay: float, job: Callable[[], None]) -> None:
        """Run ``job`` after ``delay`` seconds unless ``key`` is rescheduled
        or cancelled first (``delay`` 0: on the next turn of the loop)."""
        self.cancel(key)
        loop = asyncio.get_running_loop()

        def run() -> None:
            del self._pending[key]
            job()

        self._pending[key] = loop.call_later(delay, run)

    def cancel(self, key: str) -> None:
        handle = self._pending.pop(key, None)
        if handle is not None:
            handle.cancel()

    def cancel_all(self) -> None:
        for key in list(self._pending):
            self.cancel(key)

    def __contains__(self, key: str) -> bool:
        return key in self._pending
