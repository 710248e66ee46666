"""A time limit on one rule's run over one block.

Vale's styles come with the repository being linted, and a rule's pattern
can backtrack without end (``(a|aa)+$`` on a line of ``a``): Vale itself
then hangs. copydesk stops such a run after :data:`RULE_TIMEOUT` seconds
with an alarm signal (the ``regex`` module checks for signals while it
matches), which any code, a pattern or a rule's own loop, cannot outlast.
Signals reach only the main thread, so elsewhere a run has no limit:
``copydesk vale`` lints on its main thread.

The ``regex`` module's own ``timeout=`` (what copydesk's engine uses,
``copydesk.patterns``) would work on any thread, but it bounds one call: a
rule makes many (a token list, its exceptions, a capitalization check per
heading word), and every call site of every rule type would have to pass it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: Seconds one rule may take on one block (a whole file, for a ``raw`` rule).
RULE_TIMEOUT = 10.0


class RuleTimeout(BaseException):
    """A rule ran past its time; a BaseException, so a rule's own ``except
    Exception`` cannot swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`RuleTimeout` in the block after ``seconds``."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise RuleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        # restored even when the alarm fires as the block ends: its handler
        # then raises inside the inner ``finally``
        signal.signal(signal.SIGALRM, previous)
