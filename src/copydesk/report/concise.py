"""One line per finding, ``path:line:col: rule message``, and nothing else.

Meant for editors' error parsers (Vim ``errorformat``, Emacs compile mode)
and ``grep``/``wc -l``, so there is deliberately no summary line: every line
of output is a finding, and a clean run prints nothing. Line breaks inside a
message become spaces to keep that promise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from copydesk.report._common import one_line

if TYPE_CHECKING:
    from copydesk.model import Finding
    from copydesk.report import ReportContext


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """``path:line:col: rule message`` lines, in the order given."""
    del ctx  # nothing beyond the findings is shown
    return "".join(
        f"{f.path}:{f.line}:{f.col}: {f.rule} {one_line(f.message)}\n" for f in findings
    )
