"""The per-file time budget through the Python API: ``Workspace.lint_paths``
(in this process and in workers) and ``Workspace.lint_text`` (an editor's
buffer) report a document over ``file_timeout`` as ``copydesk.file-timeout``
and lint the others, as ``copydesk check`` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.api import Overrides, Workspace
from copydesk.engine import FILE_TIMEOUT_RULE

from .test_time_budget import LARGE, workdir

__all__ = ["workdir"]  # the fixture, shared with the CLI's tests

BUDGET = Overrides(
    isolated=True, rule_dirs=("house",), select=("house",), file_timeout=0.25
)


@pytest.mark.parametrize("jobs", [1, 2])
def test_lint_paths_reports_the_slow_file_and_lints_the_rest(
    workdir: Path, jobs: int
) -> None:
    names = sorted(p.name for p in workdir.glob("*.txt"))
    run = Workspace(workdir, BUDGET).lint_paths(names, jobs=jobs)
    rules: dict[str, set[str]] = {}
    for finding in run.findings:
        rules.setdefault(Path(finding.path).name, set()).add(finding.rule)
    assert rules.pop("slow.txt") == {FILE_TIMEOUT_RULE}  # AllWords cut short
    assert rules == {
        f"small{i:02}.txt": {"house.AllWords", "house.Names"} for i in range(40)
    }


def test_lint_text_reports_a_slow_buffer_and_the_next_is_whole(workdir: Path) -> None:
    workspace = Workspace(workdir, BUDGET)
    slow = {f.rule for f in workspace.lint_text("buffer.txt", LARGE)}
    assert slow == {FILE_TIMEOUT_RULE}
    small = {f.rule for f in workspace.lint_text("other.txt", "Officials in Kiev.\n")}
    assert small == {"house.AllWords", "house.Names"}
