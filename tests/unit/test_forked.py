"""A forked child works out one value and never outlives what it is for.

``copydesk.forked`` forks for a large document's read and checks. A child's
value is taken only whole; one that is late is stopped and reaped; one whose
parent dies is killed by the kernel; no child is forked where it would not
be safe.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from copydesk import forked

pytestmark = [
    pytest.mark.forks,  # run first: a child is forked from one thread only
    pytest.mark.skipif(not forked.AVAILABLE, reason="forks on Linux only"),
]


def gone(pid: int) -> bool:
    """Whether ``pid`` has ended (reaped, or a zombie nobody reaps)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def test_a_value_comes_back_whole() -> None:
    value = {"words": ["Kyiv"] * 100_000, "n": 3}
    child = forked.start(lambda: pickle.dumps(value))
    assert child.result() == value
    assert child.pid == 0
    assert child.pipe == -1


def sleeps() -> bytes:
    time.sleep(60)
    return b""


def test_a_late_child_is_stopped_and_reaped() -> None:
    child = forked.start(sleeps)
    pid = child.pid
    began = time.monotonic()
    assert child.result(time.monotonic() + 0.3) is None
    assert time.monotonic() - began < 5
    with pytest.raises(ChildProcessError):  # reaped: nothing left to wait for
        os.waitpid(pid, os.WNOHANG)


def test_a_child_that_fails_gives_nothing() -> None:
    def fails() -> bytes:
        raise ValueError("a bug in the child")

    assert forked.start(fails).result() is None
    assert forked.start(lambda: b"not a pickle").result() is None


def test_a_child_dies_with_its_parent(tmp_path: Path) -> None:
    """A parent killed outright (``kill -9`` runs no ``finally``) leaves no
    child working on."""
    script = textwrap.dedent(
        """
        import time
        from copydesk import forked
        child = forked.start(lambda: (time.sleep(60), b"")[1])
        print(child.pid, flush=True)
        time.sleep(60)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert not gone(pid)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while not gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gone(pid)


def test_no_fork_while_something_else_reaps_children() -> None:
    assert forked.can_fork()
    before = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert not forked.can_fork()
    finally:
        signal.signal(signal.SIGCHLD, before)
    assert forked.can_fork()
