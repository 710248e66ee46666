"""--shard K/N: CI matrix jobs split one run's files exactly, and agree on how."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk.api import Workspace, shard_of
from copydesk.cli import main
from copydesk.errors import InputError

PLACES = ("Kiev", "Odessa", "Lvov", "Kharkov", "Nikolaev")


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """24 drafts in nested folders, each with a finding on its own line."""
    monkeypatch.chdir(tmp_path)
    for n in range(24):
        folder = tmp_path / "desk" / f"section{n % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        place = PLACES[n % len(PLACES)]
        (folder / f"story{n:02}.md").write_text(
            "# Brief\n\n" * (n % 4) + f"Reporters arrived in {place} today.\n",
            encoding="utf-8",
        )
    return tmp_path


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> set[tuple[str, int]]:
    main(["check", "--format", "json", *args, "desk"])
    return {(f["path"], f["line"]) for f in json.loads(capsys.readouterr().out)}


def test_shards_partition_a_run_exactly(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = findings(capsys, "--no-cache")
    assert len(whole) == 24
    parts = [findings(capsys, "--no-cache", "--shard", f"{k}/3") for k in (1, 2, 3)]
    assert set().union(*parts) == whole
    assert sum(len(p) for p in parts) == len(whole)  # no file in two shards
    assert all(parts), "24 files in 3 shards: none should be empty"
    halves = [findings(capsys, "--no-cache", "--shard", f"{k}/2") for k in (1, 2)]
    assert halves[0] | halves[1] == whole
    assert not halves[0] & halves[1]


def test_the_split_does_not_depend_on_the_process(newsroom: Path) -> None:
    """Python's own hash changes per process; the shard of a file must not."""

    def run(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = ["check", "--no-cache", "--format", "concise", "--shard", "1/2"]
        done = subprocess.run(
            [sys.executable, "-m", "copydesk", *command, "desk"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        return done.stdout

    assert run("1") == run("2") != ""


def test_a_file_keeps_its_shard_when_others_are_added() -> None:
    names = [f"docs/page{n}.md" for n in range(200)]
    before = {name: shard_of(name, 4) for name in names}
    assert set(before.values()) == {1, 2, 3, 4}
    assert {name: shard_of(name, 4) for name in [*names, "docs/new.md"]} == {
        **before,
        "docs/new.md": shard_of("docs/new.md", 4),
    }


def test_paths_given_differently_land_in_the_same_shard(newsroom: Path) -> None:
    workspace = Workspace(Path())
    problems: list[InputError] = []

    def shard_files(path: str, k: int) -> set[str]:
        plans = workspace.plan_paths([path], problems, shard=(k, 2))
        return {Path(t.path).name for _, group in plans for t in group}

    assert shard_files("desk", 1) == shard_files("./desk/", 1)
    assert shard_files(str(newsroom / "desk"), 1) == shard_files("desk", 1)
    assert shard_files("desk", 1).isdisjoint(shard_files("desk", 2))
    assert not problems


def test_sharded_runs_fill_the_cache_the_whole_run_reads(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = newsroom / "cache"
    sharded = findings(capsys, "--cache-dir", str(cache), "--shard", "1/2")
    sharded |= findings(capsys, "--cache-dir", str(cache), "--shard", "2/2")
    entries = sorted(p.name for p in cache.rglob("*.json"))
    whole = findings(capsys, "--cache-dir", str(cache))
    assert whole == sharded
    # The whole run found every file's findings already stored: the same keys.
    assert sorted(p.name for p in cache.rglob("*.json")) == entries


@pytest.mark.parametrize("value", ["0/2", "3/2", "1", "a/b", "1/0", "-1/2"])
def test_a_bad_shard_is_one_usage_error(
    value: str, newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", f"--shard={value}", "desk"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--shard" in err
    assert "expected K/N with 1 <= K <= N" in err
