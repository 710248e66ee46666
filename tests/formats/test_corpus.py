"""Findings of the full default ruleset on real Markdown never start in non-prose.

Over a deterministic sample of the PowerShell reference corpus (3,088 real
Markdown files beside the repository in ``../shared/corpus``; skipped where
absent), every finding of ``batch.lint_text(..., "markdown", ...)`` must start
outside the fenced and indented code blocks, inline code spans, front matter,
link and image targets and raw HTML that markdown-it-py locates in the same
file. The oracle is ``tests/markup/oracle.py``, given a view of the file that
shows only the first character of each finding. ``corpus_audit.py`` runs the
same check over the whole corpus through the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from copydesk.model import Finding, Severity
from tests.conftest import corpus_sample

from ..markup.oracle import make_parser, violations
from .golden import UNKNOWN_RULE, document, lint

SAMPLE = 150


def finding_view(text: str, starts: Sequence[int]) -> str:
    """``text`` masked (line breaks kept) except one mark at each finding start.

    A "prose view" in which only finding starts are visible: the oracle then
    reports exactly the non-prose spans that hold a finding's first character.
    """
    view = ["\n" if ch in "\r\n" else " " for ch in text]
    for start in starts:
        if start < len(view) and view[start] == " ":
            view[start] = "x"
    return "".join(view)


def audit(text: str, findings: Sequence[Finding]) -> tuple[int, list[str]]:
    """(spans the oracle placed, findings that start inside one of them)."""
    starts = [f.start for f in findings if f.rule != UNKNOWN_RULE]
    checked, found = violations(make_parser(), text, finding_view(text, starts))
    if not found:
        return checked, []
    placed = [f"{f.rule} {f.line}:{f.col} {f.match!r}" for f in findings]
    return checked, [*found, *placed]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    # an offset from tests/markup's sample, so the two tests see other files
    return corpus_sample(tmp_path_factory.mktemp("corpus"), SAMPLE, offset=0.5)


def test_view_marks_only_finding_starts() -> None:
    assert finding_view("ab\r\ncd", [1, 4]) == " x\n\nx "


def test_audit_sees_a_finding_in_code() -> None:
    text = "Kiev.\n\n```\nKiev\n```\n\nSee `Kiev` and [x](https://k.org/Kiev).\n"
    doc = document(text, "plain")
    starts = [12, text.index("`Kiev`") + 1, text.index("/Kiev)") + 1]
    fake = [
        doc.finding("names.Places", Severity.WARNING, "m", at, at + 4) for at in starts
    ]
    checked, found = audit(text, fake)
    assert checked >= 3
    kinds = {entry.split(" at ")[0] for entry in found if " at " in entry}
    assert kinds == {"fence", "code_inline", "link href"}
    assert audit(text, lint(text, "markdown"))[1] == []


def test_sample_findings_start_in_prose(sample: list[Path]) -> None:
    total_checked = 0
    total_findings = 0
    problems: list[str] = []
    for path in sample:
        text = path.read_text(encoding="utf-8")
        findings = lint(text, "markdown", str(path))
        total_findings += len(findings)
        checked, found = audit(text, findings)
        total_checked += checked
        problems.extend(f"{path.name}: {entry}" for entry in found)
    assert len(sample) >= 140
    assert total_checked > 1000, "the oracle located too few spans to mean anything"
    assert total_findings > 0, "no findings at all: the check would prove nothing"
    assert problems == []
