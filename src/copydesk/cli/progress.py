"""A progress bar on stderr for long runs: only on a terminal, never in CI or pipes."""

from __future__ import annotations

import os
import time
from typing import TextIO

#: Runs over fewer files than this finish before a bar would help.
MIN_FILES = 50
_WIDTH = 24


def wanted(stream: TextIO, total: int) -> bool:
    """Show a bar only for many files, on a tty, outside CI."""
    if total < MIN_FILES or os.environ.get("CI") or os.environ.get("PRE_COMMIT"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """Files done, rate and time left, redrawn in place at most ten times a second."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def __call__(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self._drawn < 0.1 and self.done < self.total:
            return
        self._drawn = now
        self.stream.write("\r" + self.line(now - self.started))
        self.stream.flush()

    def line(self, elapsed: float) -> str:
        """The bar for ``done`` of ``total`` after ``elapsed`` seconds."""
        share = self.done / self.total if self.total else 1.0
        filled = int(share * _WIDTH)
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        bar = "#" * filled + "-" * (_WIDTH - filled)
        return (
            f"[{bar}] {self.done}/{self.total} files  {rate:6.1f} files/s"
            f"  ETA {int(left) // 60}:{int(left) % 60:02d}"
        )

    def close(self) -> None:
        """Erase the bar so the report starts on a clean line."""
        if self.done:
            self.stream.write("\r" + " " * (len(self.line(1.0)) + 8) + "\r")
            self.stream.flush()
