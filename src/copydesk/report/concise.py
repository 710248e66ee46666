"""One line per finding, ``path:line:col: level rule [*] message``, and nothing else.

Meant for editors' error parsers (Vim ``errorformat``, Emacs compile mode)
and ``grep``/``wc -l``, so there is deliberately no summary line: every line
of output is a finding, and a clean run prints nothing. Line breaks inside a
message become spaces to keep that promise. The level stays, so ``grep
error`` works and an editor can tell an error from a suggestion; ``[*]``
marks a finding ``copydesk fix`` would change, as in the text format.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from copydesk.report._common import FIXABLE, fixable, one_line

if TYPE_CHECKING:
    from copydesk.model import Finding
    from copydesk.report import ReportContext


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """``path:line:col: level rule [*] message`` lines, in the order given."""
    del ctx  # nothing beyond the findings is shown
    return "".join(_line(f) for f in findings)


def _line(finding: Finding) -> str:
    mark = f"{FIXABLE} " if fixable(finding) else ""
    return (
        f"{finding.path}:{finding.line}:{finding.col}: {finding.severity.label} "
        f"{finding.rule} {mark}{one_line(finding.message)}\n"
    )
