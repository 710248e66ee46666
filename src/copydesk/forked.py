"""A piece of one document's work done by a forked child, on another core.

A forked child inherits everything the parent has read and compiled (copy on
write: nothing is sent) and sends back one pickled value through a pipe.
Used where one large document would otherwise keep a run on one core: its
Markdown read (:mod:`copydesk.markup.markdown`, a child reads the second
half) and its checks (:mod:`copydesk.document_workers`).

Forking is safe and cheap only on Linux, from a process with one thread: a
server's or a Dask worker's threads may hold locks that a child would
inherit held (macOS forks too, but its system libraries are not safe to use
in a forked child); nor while something else reaps children (``SIGCHLD``
ignored). A child leaves with ``os._exit`` (no exit handlers, its buffers
unflushed), is killed by the kernel if its parent dies, and is stopped if it
has not reported in time; one that fails costs the parent only the time to
do its work itself.
"""

import contextlib
import gc
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable

#: Whether this platform forks with copy-on-write pages and safe libraries.
AVAILABLE = sys.platform == "linux"

#: The length of the value a child writes, before it: a value is taken only
#: whole, whatever became of the child's exit status.
_LENGTH = struct.Struct("=Q")
#: ``prctl`` option: the signal a child gets when its parent dies.
_PR_SET_PDEATHSIG = 1


def patience(began: float) -> float:
    """The monotonic time until which to wait for a child once this process
    has done its own share of the work, begun at ``began``: ten seconds and
    four times that share. A child doing as much is done long before; one
    that is not is taken for stuck, and its share is done here."""
    now = time.monotonic()
    return now + 10 + 4 * (now - began)


def can_fork() -> bool:
    """Whether this process may fork a child for its work now."""
    return (
        AVAILABLE
        and threading.active_count() == 1
        and signal.getsignal(signal.SIGCHLD) is not signal.SIG_IGN
    )


class Child:
    """A forked child working out one value (see :func:`start`)."""

    __slots__ = ("pid", "pipe")

    def __init__(self, pid: int, pipe: int) -> None:
        #: 0 once reaped (its number may be another process's from then on).
        self.pid = pid
        #: The read end of the pipe the child writes its value to; -1 closed.
        self.pipe = pipe

    def result(self, until: float | None = None) -> object | None:
        """The child's value; None if it failed, or had not written all of it
        by the monotonic time ``until``. The child is reaped (stopped first if
        need be) and the pipe closed whatever happens."""
        waiting = select.poll()  # not select(): a descriptor may be over 1023
        waiting.register(self.pipe, select.POLLIN)
        header = bytearray(_LENGTH.size)
        try:
            if not self._fill(memoryview(header), waiting, until):
                return None
            # One buffer of the announced size, read into: the value is held
            # once, not as chunks and their join (half a large text each).
            data = bytearray(_LENGTH.unpack(header)[0])
            if not self._fill(memoryview(data), waiting, until):
                return None
            value: object = pickle.loads(data)
            return value
        except Exception:
            return None
        finally:
            self.stop()

    def _fill(
        self, into: memoryview, waiting: "select.poll", until: float | None
    ) -> bool:
        """Read the pipe until ``into`` is full; False if it ends first or
        ``until`` (monotonic) passes."""
        done = 0
        while done < len(into):
            wait = None  # milliseconds; None: as long as it takes
            if until is not None:
                wait = int((until - time.monotonic()) * 1000)
            if (wait is not None and wait <= 0) or not waiting.poll(wait):
                return False
            count = os.readv(self.pipe, [into[done:]])
            if not count:
                return False
            done += count
        return True

    def stop(self) -> None:
        """End the child if it still runs, reap it and close the pipe: the
        parent leaves early, or has what it needs."""
        if self.pid:
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(self.pid, os.WNOHANG) == (0, 0):  # still running
                    os.kill(self.pid, signal.SIGKILL)  # not reaped: still ours
                    os.waitpid(self.pid, 0)
            self.pid = 0
        if self.pipe >= 0:
            os.close(self.pipe)
            self.pipe = -1


def start(work: Callable[[], bytes]) -> Child:
    """A child that runs ``work`` and writes the bytes it returns (a pickled
    value) to a pipe; OSError when no process can be made.

    Interrupts are held off across the fork, so that a Ctrl-C there is the
    parent's alone: the child cannot be sent back into the parent's code.
    """
    reader, writer = os.pipe()
    parent = os.getpid()
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        pid = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(reader)
        os.close(writer)
        raise
    if pid:
        child = Child(pid, reader)
        os.close(writer)
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        except BaseException:  # an interrupt held across the fork, now raised
            child.stop()
            raise
        return child
    status = 1
    try:  # the child: never returns, never runs the parent's exit handlers
        os.close(reader)
        _die_with(parent)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        gc.freeze()  # the inherited heap stays shared: no collection touches it
        data = work()
        with os.fdopen(writer, "wb") as out:
            out.write(_LENGTH.pack(len(data)))
            out.write(data)
        status = 0
    finally:
        os._exit(status)


def _die_with(parent: int) -> None:
    """Have the kernel kill this child when ``parent`` dies (a ``kill -9``
    runs no ``finally``), and leave now if it already has."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
