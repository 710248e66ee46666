"""A per-file time budget: a document that takes longer than ``file-timeout``
is reported as ``copydesk.file-timeout`` and the run goes on.

The budget is checked between rules and inside them (``copydesk.deadline``:
between the findings a check yields, in its long loops, and as the regex
timeout of user patterns), in this process and in worker processes alike; a
timed-out result is never cached. A house pack of two rules makes the slow
file slow: the first flags every word (a second or more on half a megabyte),
so it is cut short there and the second never reached, while the small files
finish in milliseconds.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from copydesk import patterns
from copydesk.batch import lint_text
from copydesk.cli.main import main
from copydesk.deadline import on_time
from copydesk.document import Document
from copydesk.engine import FILE_TIMEOUT_RULE
from copydesk.model import Finding, RuleMeta
from copydesk.ruleset import load_ruleset

from .test_hostile_rules import CATASTROPHIC, RUNAWAY_LINE

EVERY_WORD = (
    "extends: existence\nmessage: \"'%s'\"\nlevel: suggestion\nnonword: true\n"
    "tokens:\n  - '[A-Za-z]+'\n"
)
NAMES = (
    "extends: existence\nmessage: \"Use Kyiv, not '%s'.\"\nlevel: warning\n"
    "tokens:\n  - Kiev\n"
)
SMALL = "Officials in Kiev said so.\n"
LARGE = "Officials in Kiev said on Monday that the talks would resume.\n\n" * 8_000


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the house pack, ``slow.txt`` and ``small*.txt`` files."""
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "AllWords.yml").write_text(EVERY_WORD)
    (tmp_path / "house" / "Names.yml").write_text(NAMES)
    (tmp_path / "slow.txt").write_text(LARGE)
    for i in range(40):  # past two worker chunks, so --jobs 2 forks
        (tmp_path / f"small{i:02}.txt").write_text(SMALL)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[dict[str, Any]]]:
    code = main(
        ["check", "--isolated", "--rules", "house", "--select", "house",
         "--format", "json", *args]
    )  # fmt: skip
    return code, json.loads(capsys.readouterr().out)


def by_file(found: list[dict[str, Any]]) -> dict[str, set[str]]:
    rules: dict[str, set[str]] = {}
    for f in found:
        rules.setdefault(Path(f["path"]).name, set()).add(f["rule"])
    return rules


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_slow_file_is_a_finding_and_the_others_are_linted(
    workdir: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    code, found = run(
        capsys, "--no-cache", "--jobs", jobs, "--file-timeout", "0.25", "."
    )
    rules = by_file(found)
    assert rules.pop("slow.txt") == {FILE_TIMEOUT_RULE}  # AllWords' were cut
    assert rules == {
        f"small{i:02}.txt": {"house.AllWords", "house.Names"} for i in range(40)
    }
    [late] = [f for f in found if f["rule"] == FILE_TIMEOUT_RULE]
    assert late["severity"] == "error"
    assert (late["line"], late["column"]) == (1, 1)
    assert late["message"].endswith(
        "over the 0.25 s file-timeout: 2 rules not run on this file (house.AllWords"
        " and after); raise file-timeout (0: no limit) or split the file"
    )
    assert code == 1


def test_a_timed_out_file_is_not_cached(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = ["--cache-dir", str(workdir / "cache"), "slow.txt"]
    _, found = run(capsys, "--file-timeout", "0.25", *cache)
    assert FILE_TIMEOUT_RULE in {f["rule"] for f in found}
    _, found = run(capsys, "--file-timeout", "0", *cache)
    assert {f["rule"] for f in found} == {"house.AllWords", "house.Names"}


def test_the_config_sets_the_budget_and_the_flag_wins(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def rules(*flags: str) -> set[str]:
        args = ["--rules", "house", "--select", "house", "--format", "json"]
        main(["check", *args, *flags, "--no-cache", "slow.txt"])
        return {f["rule"] for f in json.loads(capsys.readouterr().out)}

    (workdir / ".copydesk.toml").write_text("file-timeout = 0.25\n")
    assert FILE_TIMEOUT_RULE in rules()
    (workdir / ".copydesk.toml").write_text("file-timeout = 0\n")
    assert FILE_TIMEOUT_RULE in rules("--file-timeout", "0.25")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("-1", "a number of seconds"),
        ("true", "a number"),
        ("nan", "seconds"),
    ],
)
def test_a_bad_budget_names_the_key(
    workdir: Path, capsys: pytest.CaptureFixture[str], value: str, problem: str
) -> None:
    (workdir / ".copydesk.toml").write_text(f"file-timeout = {value}\n")
    assert main(["check", "--no-cache", "small00.txt"]) == 2
    err = capsys.readouterr().err
    assert "key 'file-timeout'" in err
    assert problem in err


def test_the_budget_is_checked_between_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a clock moving a second per reading (once when the file is
    read, once when its deadline is set, once before each rule), a 3.5 s
    budget lets two rules run."""
    ruleset = load_ruleset()
    ruleset.file_timeout = 3.5
    ticks = itertools.count()
    clock = SimpleNamespace(monotonic=lambda: float(next(ticks)))
    monkeypatch.setattr("copydesk.batch.time", clock)  # the file's start
    monkeypatch.setattr("copydesk.engine.time", clock)  # each rule's
    found = lint_text("Officials in Kiev said teh talks.\n", "a.txt", "plain", ruleset)
    [late] = [f for f in found if f.rule == FILE_TIMEOUT_RULE]
    left = len(ruleset.checks) - 2
    assert late.message == (
        f"linting stopped after 4.0 s, over the 3.5 s file-timeout: {left} rules not"
        f" run on this file ({ruleset.checks[2].meta.id} and after); raise"
        " file-timeout (0: no limit) or split the file"
    )
    assert {f.rule for f in found} <= {
        FILE_TIMEOUT_RULE,
        ruleset.checks[0].meta.id,
        ruleset.checks[1].meta.id,
    }


def test_a_runaway_user_pattern_stops_at_the_file_budget(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user pattern's regex timeout is cut to what the file's budget has
    left: the pattern stops there, as the file's timeout naming the rule (not
    at the 2 s match timeout, which would stop the rule for the whole run),
    and the next file is linted by every rule, the runaway one too."""
    (workdir / "house" / "Runaway.yml").write_text(
        f"extends: existence\nmessage: 'runaway %s'\nlevel: error\n"
        f"raw:\n  - '{CATASTROPHIC}'\n"
    )
    (workdir / "runaway.txt").write_text(f"Officials in Kiev.\n{RUNAWAY_LINE}\n")
    (workdir / "next.txt").write_text("Officials in Kiev.\naaa\n")
    began = time.monotonic()
    _, found = run(
        capsys, "--no-cache", "--file-timeout", "0.5", "runaway.txt", "next.txt"
    )
    assert time.monotonic() - began < patterns.MATCH_TIMEOUT + 1.5
    rules = by_file(found)
    assert rules == {
        "runaway.txt": {FILE_TIMEOUT_RULE, "house.AllWords", "house.Names"},
        "next.txt": {"house.AllWords", "house.Names", "house.Runaway"},
    }
    [late] = [f for f in found if f["rule"] == FILE_TIMEOUT_RULE]
    assert (
        "over the 0.5 s file-timeout: 1 rule not run on this file (house.Runaway"
        in (late["message"])
    )


@dataclasses.dataclass(frozen=True)
class Endless:
    """A check whose loop yields nothing and ends only when the deadline it
    consults stops it (or, so that a broken deadline fails a test instead of
    hanging it, after 20 s)."""

    meta: RuleMeta

    def run(self, doc: Document) -> Iterator[Finding]:
        del doc
        began = time.monotonic()
        while time.monotonic() - began < 20:
            on_time()
        return iter(())


def test_a_check_is_cut_inside_its_long_loop() -> None:
    ruleset = load_ruleset()
    first = ruleset.checks[0]
    endless = Endless(first.meta._replace(id="house.Endless"))
    ruleset.checks.insert(1, endless)
    ruleset.file_timeout = 0.3
    began = time.monotonic()
    found = lint_text("Officials in Kiev said teh talks.\n", "a.txt", "plain", ruleset)
    assert time.monotonic() - began < 0.3 + 1.0  # the budget and a small slack
    [late] = [f for f in found if f.rule == FILE_TIMEOUT_RULE]
    left = len(ruleset.checks) - 1
    assert f"{left} rules not run on this file (house.Endless and after)" in (
        late.message
    )


def test_a_window_of_a_large_file_is_cut_inside_a_check() -> None:
    """A file over a megabyte runs its paragraph-local checks window by
    window before the rest: they spend the file's budget too."""
    ruleset = load_ruleset()
    first = ruleset.checks[0]
    local = first.meta._replace(id="house.Endless", extends="repetition")
    ruleset.checks.insert(1, Endless(local))
    ruleset.file_timeout = 0.3
    text = "Officials in Kiev said teh talks would resume.\n\n" * 25_000
    began = time.monotonic()
    found = lint_text(text, "a.txt", "plain", ruleset)
    assert time.monotonic() - began < 10
    [late] = [f for f in found if f.rule == FILE_TIMEOUT_RULE]
    assert "over the 0.3 s file-timeout" in late.message
