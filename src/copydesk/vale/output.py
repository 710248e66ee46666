"""Vale's three outputs, byte for byte: ``line``, ``JSON`` and ``CLI``.

``line`` prints ``path:line:column:Check:Message``. ``JSON`` is Go's indented
encoding of a map from path to alerts (keys sorted, ``<``, ``>`` and ``&``
escaped as Go does, absent actions as ``null`` parameters). ``CLI`` is the
human table: the path, one row per alert (position, level, message wrapped
at 30 columns unless ``--no-wrap``, rule), then the totals line. Files are
in the order linted (by path with ``--sort``), alerts by line and column.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from copydesk.vale.model import Alert, LintFile

__all__ = ["has_errors", "render", "sorted_alerts"]


def sorted_alerts(file: LintFile) -> list[Alert]:
    """``File.SortedAlerts``: by line, then column."""
    return sorted(file.alerts, key=lambda a: (a.line, a.span[0]))


def has_errors(files: Sequence[LintFile]) -> bool:
    """Whether any alert is an error (Vale's exit status 1)."""
    return any(a.severity == "error" for f in files for a in f.alerts)


def render_line(files: Sequence[LintFile]) -> str:
    return "".join(
        f"{file.path}:{alert.line}:{alert.span[0]}:{alert.check}:{alert.message}\n"
        for file in files
        for alert in sorted_alerts(file)
    )


def _alert_json(alert: Alert) -> dict[str, Any]:
    params = list(alert.action.params) if alert.action.params else None
    return {
        "Action": {"Name": alert.action.name, "Params": params},
        "Span": list(alert.span),
        "Check": alert.check,
        "Description": alert.description,
        "Link": alert.link,
        "Message": alert.message,
        "Severity": alert.severity,
        "Match": alert.match,
        "Line": alert.line,
    }


def go_json(value: Any) -> str:
    """``json.MarshalIndent(value, "", "  ")`` as Go writes it."""
    text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_json(files: Sequence[LintFile]) -> str:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for file in files:
        for alert in sorted_alerts(file):
            grouped.setdefault(file.path, []).append(_alert_json(alert))
    ordered = {path: grouped[path] for path in sorted(grouped)}
    return go_json(ordered) + "\n"


_COLORS = {"suggestion": "\x1b[34m", "warning": "\x1b[33m", "error": "\x1b[31m"}


_WRAP_WIDTH = 30
_PENALTY = 100_000


def _wrap_words(words: list[str], limit: int) -> list[list[str]]:
    """Split ``words`` into lines with minimal raggedness (squared slack,
    the last line free), as the table writer Vale uses does."""
    n = len(words)
    widths = [[0] * n for _ in range(n)]
    for i in range(n):
        widths[i][i] = len(words[i])
        for j in range(i + 1, n):
            widths[i][j] = widths[i][j - 1] + 1 + len(words[j])
    breaks = [0] * n
    cost = [2**31 - 1] * n
    for i in range(n - 1, -1, -1):
        if widths[i][n - 1] <= limit:
            cost[i] = 0
            breaks[i] = n
            continue
        for j in range(i + 1, n):
            slack = limit - widths[i][j - 1]
            total = slack * slack + cost[j]
            if widths[i][j - 1] > limit:
                total += _PENALTY
            if total < cost[i]:
                cost[i] = total
                breaks[i] = j
    lines: list[list[str]] = []
    i = 0
    while i < n:
        lines.append(words[i : breaks[i]])
        i = breaks[i]
    return lines


def _cell(text: str, wrap: bool) -> tuple[list[str], int]:
    """A table cell's lines and the width it asks for."""
    if not wrap:
        return [text], len(text)
    width = min(len(text), _WRAP_WIDTH)
    words = text.replace("\n", " ").split(" ")
    limit = max([width, *(len(w) for w in words)])
    lines = [" ".join(line) for line in _wrap_words(words, limit)]
    return lines, max([width, *(len(line) for line in lines)])


def _plural(word: str, count: int) -> str:
    return word if count == 1 else word + "s"


def render_cli(files: Sequence[LintFile], wrap: bool, color: bool) -> str:
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    out: list[str] = []
    for file in files:
        alerts = sorted_alerts(file)
        if not alerts:
            continue
        path = f"\x1b[4m{file.path}\x1b[0m" if color else file.path
        out.append(f"\n {path}\n")
        rows: list[list[list[str]]] = []
        widths = [0, 0, 0, 0]
        for alert in alerts:
            counts[alert.severity] = counts.get(alert.severity, 0) + 1
            texts = (
                f"{alert.line}:{alert.span[0]}",
                alert.severity,
                alert.message,
                alert.check,
            )
            row = []
            for i, text in enumerate(texts):
                lines, width = _cell(text, wrap)
                widths[i] = max(widths[i], width)
                row.append(lines)
            rows.append(row)
        for row in rows:
            height = max(len(cell) for cell in row)
            for n in range(height):
                cells = []
                for i, cell in enumerate(row):
                    text = cell[n] if n < len(cell) else ""
                    padded = text.ljust(widths[i])
                    if color and i == 1 and text:
                        colored = _COLORS.get(text, "") + text + "\x1b[0m"
                        padded = colored + " " * (widths[i] - len(text))
                    cells.append(f" {padded} ")
                out.append("".join(cells) + "\n")
        out.append("\n")
    errors, warnings, suggestions = (
        counts["error"],
        counts["warning"],
        counts["suggestion"],
    )
    symbol = "\u2716" if errors or warnings else "\u2714"
    parts = (
        f"{errors} {_plural('error', errors)}",
        f"{warnings} {_plural('warning', warnings)}",
        f"{suggestions} {_plural('suggestion', suggestions)}",
    )
    if color:
        parts = (
            f"\x1b[31m{parts[0]}\x1b[0m",
            f"\x1b[33m{parts[1]}\x1b[0m",
            f"\x1b[34m{parts[2]}\x1b[0m",
        )
    if len(files) == 1 and files[0].path.startswith("stdin"):
        where = "stdin"
    else:
        where = f"{len(files)} {_plural('file', len(files))}"
    out.append(f"{symbol} {parts[0]}, {parts[1]} and {parts[2]} in {where}.\n")
    return "".join(out)


def render(
    files: Sequence[LintFile], output: str, wrap: bool = True, color: bool = False
) -> str:
    """The text Vale prints for ``files`` in ``output`` style."""
    if output == "JSON":
        return render_json(files)
    if output == "line":
        return render_line(files)
    return render_cli(files, wrap, color)
