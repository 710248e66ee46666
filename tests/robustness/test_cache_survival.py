"""The results cache after a killed run, a corrupted entry and concurrent runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

DRAFT = "Officials in Kiev said the talks would recieve support.\n\n“Soon, she said.\n"


def make_tree(root: Path, count: int) -> Path:
    docs = root / "docs"
    docs.mkdir()
    for n in range(count):
        (docs / f"story{n:04d}.txt").write_text(
            f"Story {n}.\n\n{DRAFT}", encoding="utf-8"
        )
    return docs


def run(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "copydesk",
            "check",
            "--format",
            "concise",
            *extra,
            "docs",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_a_killed_run_leaves_a_cache_that_gives_the_same_answer(tmp_path: Path) -> None:
    make_tree(tmp_path, 400)
    expected = run(tmp_path, "--no-cache").stdout
    proc = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "check", "--jobs", "1", "docs"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    cache = tmp_path / ".copydesk_cache"
    while time.monotonic() < deadline and len(list(cache.rglob("*.json"))) < 20:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    entries = [p for p in cache.rglob("*.json") if p.name != "rules.json"]
    assert 0 < len(entries) < 400, "the run should be killed part way"
    # A half-written entry (as a kill in the middle of a write could leave)
    entries[0].write_text('[{"rule": "names.Pla', encoding="utf-8")
    (entries[1].parent / ".tmp-abandoned.json").write_text("{", encoding="utf-8")
    again = run(tmp_path)
    assert again.returncode == 1
    assert again.stdout == expected
    assert run(tmp_path).stdout == expected


def test_two_concurrent_checks_share_one_cache(tmp_path: Path) -> None:
    make_tree(tmp_path, 120)
    expected = run(tmp_path, "--no-cache").stdout
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "copydesk", "check", "--format", "concise", "docs"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    assert outputs == [expected, expected]
    assert run(tmp_path).stdout == expected
