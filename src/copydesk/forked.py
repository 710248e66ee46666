"""A piece of one document's work done by a forked child, on another core.

A forked child inherits everything the parent has read and compiled (copy on
write: nothing is sent) and sends back one pickled value through a pipe.
Used where one large document would otherwise keep a run on one core: its
Markdown read (:mod:`copydesk.markup.markdown`, a child reads the second
half) and its checks (:mod:`copydesk.document_workers`).

Forking is safe and cheap only on Linux, from a process with one thread: a
server's or a Dask worker's threads may hold locks that a child would
inherit held (macOS forks too, but its system libraries are not safe to use
in a forked child). A child never outlives its parent's call, never runs
the parent's exit handlers (it leaves with ``os._exit``, its buffers
unflushed), and one that fails, or does not report in time, costs the
parent only the time to do its work itself.
"""

import contextlib
import gc
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections.abc import Callable

#: Whether this platform forks with copy-on-write pages and safe libraries.
AVAILABLE = sys.platform == "linux"


def can_fork() -> bool:
    """Whether this process may fork a child for its work now."""
    return AVAILABLE and threading.active_count() == 1


class Child:
    """A forked child working out one value (see :func:`start`)."""

    __slots__ = ("pid", "pipe")

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        #: The read end of the pipe the child writes its pickled value to.
        self.pipe = pipe

    def result(self, until: float | None = None) -> object | None:
        """The child's value, once it has exited; None if it failed, or had
        not finished by the monotonic time ``until``. The child is reaped
        (stopped first if need be) and the pipe closed whatever happens."""
        chunks: list[bytes] = []
        try:
            while True:
                wait = None if until is None else max(0.0, until - time.monotonic())
                if not select.select([self.pipe], [], [], wait)[0]:
                    return None  # out of time: stopped below
                chunk = os.read(self.pipe, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            status = os.waitpid(self.pid, 0)[1]
            self.pid = 0  # reaped: its number may be another process's now
            if status != 0:
                return None
            value: object = pickle.loads(b"".join(chunks))
            return value
        except Exception:
            return None
        finally:
            self.stop()

    def stop(self) -> None:
        """End the child (if not reaped yet) and close the pipe: the parent
        leaves early, or no longer needs the value."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.pid = 0
        if self.pipe >= 0:
            os.close(self.pipe)
            self.pipe = -1


def start(work: Callable[[], bytes]) -> Child:
    """A child that runs ``work`` and writes the bytes it returns (a pickled
    value) to a pipe; OSError when no process can be made."""
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        raise
    if pid:
        os.close(writer)
        return Child(pid, reader)
    status = 1
    try:  # the child: never returns, never runs the parent's exit handlers
        os.close(reader)
        gc.freeze()  # the inherited heap stays shared: no collection touches it
        data = work()
        with os.fdopen(writer, "wb") as out:
            out.write(data)
        status = 0
    finally:
        os._exit(status)
