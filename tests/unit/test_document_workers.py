"""A large document's checks shared by forked processes find what one
process finds.

``copydesk.document_workers`` cuts a windowed document's work into units
(each window, every group of whole-document checks) that the parent and its
forked children claim from one queue. Whatever the number of processes, the
window size, and whichever process ran which unit, the findings must be the
findings of one process, byte for byte; a child that dies or cannot send
what it found costs only time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager as ContextManager
from functools import lru_cache
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import batch, document_workers, engine, forked, windows
from copydesk.checks.base import Check
from copydesk.document import Document
from copydesk.document_workers import can_share, merged, sharing_groups
from copydesk.model import Finding, Severity
from copydesk.ruleset import Ruleset, load_ruleset
from copydesk.windows import lint_in_windows, paragraph_local, read_in_windows

from ..robustness.test_time_budget import Endless
from .test_windows import document

SAMPLE = Path(__file__).parents[3] / "shared" / "samples" / "mt-news-draft.txt"

#: Run first (tests/conftest.py): a child is forked only from a process with
#: no other thread.
pytestmark = pytest.mark.forks

needs_fork = pytest.mark.skipif(
    not forked.AVAILABLE, reason="documents are shared on Linux only"
)


@lru_cache(maxsize=1)
def shipped() -> Ruleset:
    return load_ruleset()


def checked(
    text: str, fmt: str, size: int, workers: int, ruleset: Ruleset | None = None
) -> list[Finding]:
    doc, spans = read_in_windows(text, "doc", fmt, "en", "", size)
    rules = shipped() if ruleset is None else ruleset
    return lint_in_windows(doc, spans, rules, workers=workers)


@needs_fork
@settings(max_examples=40, deadline=None)
@given(
    text=document,
    size=st.integers(1, 120),
    fmt=st.sampled_from(["plain", "markdown"]),
    workers=st.integers(2, 3),
)
def test_shared_and_one_process_runs_find_the_same(
    text: str, size: int, fmt: str, workers: int
) -> None:
    assert can_share(workers)  # not one process compared with itself
    assert checked(text, fmt, size, workers) == checked(text, fmt, size, 1)


@needs_fork
def test_the_sample_draft_shared_by_two_and_three_processes() -> None:
    if not SAMPLE.is_file():
        pytest.skip(f"sample not found: {SAMPLE}")
    text = SAMPLE.read_text(encoding="utf-8")
    assert can_share(2)
    alone = checked(text, "plain", 2_000, 1)
    assert len(alone) > 10
    assert {f.rule for f in alone} >= {"names.People", "quotes.Mixed"}
    for workers in (2, 3):
        assert checked(text, "plain", 2_000, workers) == alone


class Slow:
    """A shipped check that takes its time in the parent, so that children
    claim units; in a child it notes its pid in ``trace`` (if given) and does
    what ``in_child`` says."""

    def __init__(
        self, check: Check, parent: int, in_child: str, trace: Path | None
    ) -> None:
        self.meta = check.meta
        self.check = check
        self.parent = parent
        self.in_child = in_child
        self.trace = trace

    def run(self, doc: Document) -> Iterator[Finding]:
        if os.getpid() == self.parent:
            time.sleep(0.01)
            return self.check.run(doc)
        if self.trace is not None:
            with self.trace.open("a") as trace:
                trace.write(f"{os.getpid()}\n")
        if self.in_child == "die":
            os._exit(7)
        elif self.in_child == "hang":
            time.sleep(3600)
        elif self.in_child == "unpicklable":
            error = ValueError("a crash the child cannot send")
            error.hook = lambda: None  # type: ignore[attr-defined]
            raise error
        return self.check.run(doc)


def with_slow(in_child: str, trace: Path | None = None) -> Ruleset:
    """The shipped rules, each wrapped in ``Slow``."""
    parent = os.getpid()
    wrapped = [Slow(c, parent, in_child, trace) for c in shipped().checks]
    return Ruleset(wrapped)  # type: ignore[arg-type]


def spied_forks() -> tuple[ContextManager[object], list[int]]:
    """A patch recording the pid of every child forked while it holds."""
    forks: list[int] = []
    real = forked.start

    def spy(work: Callable[[], bytes]) -> forked.Child:
        child = real(work)
        forks.append(child.pid)
        return child

    return mock.patch.object(forked, "start", new=spy), forks


DRAFT = (
    "The mayor of Kiev met the the delegation.\n\n"
    "Volodymyr Zelenskyj spoke. Later Volodymyr Zelensky spoke again.\n\n"
    "“The talks were productive,” he said, “and will go on.\n\n"
    "It was definately a seperate issue.\n\n"
) * 12


@needs_fork
@pytest.mark.parametrize("in_child", ["die", "unpicklable"])
def test_a_child_that_fails_costs_only_time(in_child: str, tmp_path: Path) -> None:
    """The units of a child that dies, or whose crash cannot be pickled, are
    run again by the parent: the same findings as one process (``Slow``
    fails only in a child, so here it finds what the shipped check finds)."""
    alone = checked(DRAFT, "plain", 300, 1)
    patch, forks = spied_forks()
    reported: list[object] = []
    real_result = forked.Child.result

    def result(child: forked.Child, until: float | None = None) -> object:
        reported.append(real_result(child, until))
        return reported[-1]

    trace = tmp_path / "trace"
    with patch, mock.patch.object(forked.Child, "result", result):
        shared = checked(DRAFT, "plain", 300, 2, with_slow(in_child, trace))
    assert forks
    assert shared == alone
    assert engine.CRASH_RULE not in {f.rule for f in shared}
    # The child did run checks, and what they found was lost: nothing came
    # back from the dead one, no unit of the crashing one.
    assert set(trace.read_text().split()) == {str(forks[0])}
    assert reported == [None] if in_child == "die" else reported == [{}]


@needs_fork
def test_a_stuck_child_is_stopped_at_the_file_budget() -> None:
    """A child that never reports (stuck on a lock, say) is stopped once the
    file's budget is spent; what it held is reported as the budget's end."""
    ruleset = with_slow("hang")
    ruleset.file_timeout = 1.5
    patch, forks = spied_forks()
    began = time.monotonic()
    with patch:
        found = checked(DRAFT, "plain", 300, 2, ruleset)
    assert time.monotonic() - began < 10
    assert forks
    assert engine.FILE_TIMEOUT_RULE in {f.rule for f in found}
    with pytest.raises(ChildProcessError):  # reaped: no child left behind
        os.waitpid(forks[0], os.WNOHANG)


def test_the_first_failing_window_decides_a_check() -> None:
    """Windows join in order; a check's first exception (in unit order)
    replaces its findings, as ``run_in_windows`` stops at it."""
    doc = batch.build_document("One. Two. Three.", "doc", "plain", "en")
    a, b, c = (
        doc.finding("x.Any", Severity.WARNING, "here", i * 5, i * 5 + 3)
        for i in range(3)
    )
    first, second = ValueError("first"), KeyError("second")
    given_ = merged(
        [
            {"x.Whole": [a]},
            {"x.Local": [b], "x.Failing": [a]},
            {"x.Local": [c], "x.Failing": first},
            {"x.Local": [], "x.Failing": second},
        ]
    )
    assert given_["x.Whole"] == [a]
    assert given_["x.Local"] == [b, c]
    assert given_["x.Failing"] is first


def test_whole_document_checks_are_grouped_by_what_they_share() -> None:
    """Checks that build the same analyses (declared by their types) run in
    one unit, so each analysis is built once."""
    whole = [c for c in shipped().checks if not paragraph_local(c)]
    groups = [{c.meta.id for c in g} for g in sharing_groups(whole)]
    by_rule = {rule: i for i, g in enumerate(groups) for rule in g}
    # names and variants read the same token index; the lexicon and rarity
    # the same word counts; the four quotation rules the same pairs.
    assert by_rule["names.People"] == by_rule["variants.Names"]
    assert by_rule["typos.Unknown"] == by_rule["typos.RareWords"]
    assert len({by_rule[f"quotes.{r}"] for r in ("Mixed", "Stray", "Unclosed")}) == 1
    assert by_rule["names.People"] != by_rule["typos.Unknown"]
    assert sorted(r for g in groups for r in g) == sorted(c.meta.id for c in whole)


def test_units_keep_the_queue_within_a_pipe() -> None:
    local = [c for c in shipped().checks if paragraph_local(c)]
    spans = [(i, i + 1) for i in range(10_000)]
    units = document_workers.units_of(local, [], spans)
    assert len(units) <= document_workers._MOST_UNITS
    assert [s for u in units for s in (u.spans or ())] == spans
    assert all(u.checks == tuple(local) for u in units)


def test_no_fork_from_a_process_with_threads() -> None:
    """A server's or a Dask worker's threads may hold locks a child would
    inherit held: such a process checks a document alone."""
    assert not can_share(1)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_share(2)
    finally:
        stop.set()
        thread.join()
    assert can_share(2) is forked.AVAILABLE


@needs_fork
def test_a_large_text_with_jobs_forks_and_finds_the_same() -> None:
    """``lint_text`` shares a text of over a million characters when given
    jobs; a small one is never shared."""
    text = DRAFT * (batch.LARGE // len(DRAFT) + 1)
    alone = batch.lint_text(text, "big.txt", "plain", shipped())
    patch, forks = spied_forks()
    with patch:
        shared = batch.lint_text(text, "big.txt", "plain", shipped(), jobs=2)
        small = batch.lint_text(DRAFT, "small.txt", "plain", shipped(), jobs=2)
    assert len(forks) == 1
    assert shared == alone
    assert len(alone) > 1000
    assert small == batch.lint_text(DRAFT, "small.txt", "plain", shipped())


@needs_fork
def test_the_command_line_gives_the_same_report_with_one_or_two_jobs(
    tmp_path: Path,
) -> None:
    """``copydesk check`` on one large Markdown file: ``--jobs 2`` shares its
    checks and prints the report ``--jobs 1`` prints, byte for byte."""
    section = (
        "## Talks in Kiev\n\n"
        "The mayor of Kiev met the the delegation, said Volodymyr Zelenskyj.\n\n"
        "- Share this article\n- Volodymyr Zelensky spoke again\n\n"
        "“The talks were productive,” he said, “and will go on.\n\n"
        "```\nKiev the the\n```\n\n"
    )
    big = tmp_path / "big.md"
    big.write_text(section * (batch.LARGE // len(section) + 1), encoding="utf-8")
    command = [sys.executable, "-m", "copydesk", "check", "--no-cache"]
    reports = [
        subprocess.run(
            [*command, "--format", "json", "--jobs", jobs, str(big)],
            capture_output=True,
            check=False,
            cwd=tmp_path,
        )
        for jobs in ("1", "2")
    ]
    assert [r.returncode for r in reports] == [1, 1]
    assert reports[0].stdout == reports[1].stdout
    assert reports[0].stdout.count(b'"rule"') > 10_000


@needs_fork
def test_the_file_budget_cuts_where_one_process_cuts() -> None:
    """A rule that would run forever is cut at the file's budget wherever it
    runs: the report names it as one process's does, and keeps what the
    rules before it found (not every rule's findings lost at the first)."""
    ruleset = load_ruleset()
    whole = [c for c in ruleset.checks if not paragraph_local(c)]
    at = ruleset.checks.index(whole[len(whole) // 2])
    ruleset.checks.insert(at, Endless(whole[0].meta._replace(id="house.Endless")))
    ruleset.file_timeout = 1.0
    runs = []
    for workers in (1, 2):
        began = time.monotonic()
        runs.append(checked(DRAFT, "plain", 300, workers, ruleset))
        assert time.monotonic() - began < 15
    for found in runs:
        [late] = [f for f in found if f.rule == engine.FILE_TIMEOUT_RULE]
        assert "over the 1 s file-timeout" in late.message
        assert "(house.Endless and after)" in late.message
    kept = [[f for f in found if f.rule != engine.FILE_TIMEOUT_RULE] for found in runs]
    assert kept[0] == kept[1]
    assert {f.rule for f in kept[0]} >= {"names.People"}


@needs_fork
def test_a_large_file_that_asks_to_be_ignored_is_not_checked() -> None:
    text = "# copydesk: ignore-file\n\n" + DRAFT * (batch.LARGE // len(DRAFT) + 1)
    patch, forks = spied_forks()
    unchecked = mock.patch.object(windows, "run_in_windows", side_effect=AssertionError)
    with patch, unchecked:
        assert batch.lint_text(text, "big.txt", "plain", shipped(), jobs=2) == []
        assert batch.lint_text(text, "big.txt", "plain", shipped()) == []
    assert forks == []
    plain = text.split("\n\n", 1)[1]  # the directive left out: findings again
    assert batch.lint_text(plain, "big.txt", "plain", shipped(), jobs=2)


@needs_fork
@pytest.mark.parametrize(
    ("fmt", "section"),
    [
        (
            "html",
            "<h2>Talks in Kiev</h2>\n<p>The mayor of Kiev met the the delegation,"
            " said Volodymyr Zelenskyj.</p>\n<ul><li>Share this article</li></ul>\n"
            "<p>“The talks were productive,” he said, “and will go on.</p>\n"
            "<pre>Kiev the the</pre>\n",
        ),
        (
            "rst",
            "Talks in Kiev\n=============\n\nThe mayor of Kiev met the the delegation,"
            " said Volodymyr Zelenskyj.\n\n* Share this article\n\n“The talks were"
            " productive,” he said, “and will go on.\n\n::\n\n    Kiev the the\n\n",
        ),
    ],
)
def test_a_large_file_read_whole_shares_its_rules(
    fmt: str, section: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTML and reST have no window reader: a large file is read whole and
    its rules are shared in groups, with the findings of one process ("large"
    made 40,000 characters here: docutils reads 0.2 MB a second)."""
    monkeypatch.setattr(batch, "LARGE", 40_000)
    text = section * (batch.LARGE // len(section) + 1)
    alone = batch.lint_text(text, f"big.{fmt}", fmt, shipped())
    patch, forks = spied_forks()
    with patch:
        shared = batch.lint_text(text, f"big.{fmt}", fmt, shipped(), jobs=2)
    assert len(forks) == 1
    assert shared == alone
    assert {"names.Places", "style.Repetition"} <= {f.rule for f in alone}
