"""Every format rendered from the same sample, compared with a golden file.

Run ``pytest tests/report --update-golden`` after an intended change, then
read the diff of ``tests/report/golden/`` like any other code change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from copydesk.model import Finding
from copydesk.report import ReportContext, render

GOLDEN = Path(__file__).parent / "golden"

#: case name -> (format, context changes)
CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "text": ("text", {}),
    "text-color": ("text", {"color": True}),
    "json": ("json", {}),
    "concise": ("concise", {}),
    "github": ("github", {}),
    "sarif": ("sarif", {}),
    "junit": ("junit", {}),
    "checkstyle": ("checkstyle", {}),
    "rdjson": ("rdjson", {}),
    "statistics": ("statistics", {}),
    "statistics-json": ("statistics-json", {}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(
    case: str,
    findings: tuple[Finding, ...],
    ctx: ReportContext,
    update_golden: bool,
) -> None:
    fmt, changes = CASES[case]
    ctx = ctx._replace(**changes)
    output = render(fmt, findings, ctx)
    golden = GOLDEN / f"{case}.txt"
    if update_golden:
        golden.write_bytes(output.encode("utf-8"))
    assert output == golden.read_bytes().decode("utf-8")


def test_every_format_has_a_golden_case() -> None:
    from copydesk.report import FORMATS

    assert set(FORMATS) <= {fmt for fmt, _ in CASES.values()}
