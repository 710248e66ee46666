"""The time budget of the file being linted, consulted inside checks: the
cooperative half of ``file-timeout``.

The engine checks a file's budget between rules, which cannot stop one slow
rule: it ran on for as long as it took. While a file is linted the engine
sets its deadline here, and the places where a check can run long consult
it: the engine between the findings a check yields, a check's own long loop
through ``on_time``, and every user pattern, whose regex timeout is cut to
the time left (``regex_timeout``), so a backtracking pattern stops at the
deadline rather than at the match timeout. Each raises ``OutOfTimeError`` (or the
regex module's TimeoutError once the deadline has passed), which the engine
reports as ``copydesk.file-timeout`` naming the rule it cut.

A context variable, not a global: the editor server's threads and a Dask
worker's each lint their own file. No deadline is set outside a lint, so a
check run alone (tests, ``copydesk rules``) never stops.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_DEADLINE: ContextVar[float] = ContextVar("copydesk_deadline", default=math.inf)


class OutOfTimeError(Exception):
    """The file's time budget ran out while a check was running."""


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Lint within ``seconds`` from now (``math.inf``: no limit)."""
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def passed() -> bool:
    """Whether the current file's deadline has passed."""
    return time.monotonic() > _DEADLINE.get()


def on_time() -> None:
    """Raise ``OutOfTimeError`` once the current file's deadline has passed: for a
    check's long loops (a reading of the clock, ~0.1 us)."""
    if time.monotonic() > _DEADLINE.get():
        raise OutOfTimeError


def regex_timeout(limit: float) -> float:
    """The timeout for one regex call: ``limit``, or the time the file has
    left if that is less; ``OutOfTimeError`` when none is left."""
    deadline = _DEADLINE.get()
    if deadline == math.inf:
        return limit
    left = deadline - time.monotonic()
    if left <= 0:
        raise OutOfTimeError
    return min(limit, left)


def checked(items: Iterable[T]) -> Iterator[T]:
    """``items``, the deadline consulted before each (a check's findings)."""
    for item in items:
        on_time()
        yield item
