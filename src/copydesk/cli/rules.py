"""``copydesk rules``: a table (or JSON) of every rule, as the project configures it."""

from __future__ import annotations

import argparse
import json
import re
from typing import TextIO

from copydesk.cli.catalog_view import Row, rows_for
from copydesk.cli.terminal import width_for
from copydesk.errors import CopydeskError
from copydesk.report._fit import hanging
from copydesk.suggest import hint

EXIT_CLEAN = 0


def run(args: argparse.Namespace, out: TextIO) -> int:
    """List the rules: id, type, level, fixability, on/off, description."""
    rows = rows_for(args.rules)
    if args.pack:
        packs = {row.pack for row in rows}
        unknown = sorted(set(args.pack) - packs)
        if unknown:
            name = unknown[0]
            raise CopydeskError("", f"unknown pack {name!r}{hint(name, packs)}")
        rows = [row for row in rows if row.pack in args.pack]
    if args.format == "json":
        out.write(json.dumps([row.as_dict() for row in rows], indent=2) + "\n")
        return EXIT_CLEAN
    out.write(_table(rows, width_for(out)))
    return EXIT_CLEAN


#: Narrower than this, a description starts on its own line under the row.
MIN_DESCRIPTION = 30


def _table(rows: list[Row], width: int) -> str:
    """One row per rule; descriptions wrap under their own column (or, on a
    narrow terminal, on indented lines below the row)."""
    cells = [
        (row.id, row.type, row.level, row.fix_label, "yes" if row.enabled else "no")
        for row in rows
    ]
    header = ("RULE", "TYPE", "LEVEL", "FIX", "ON")
    widths = [max(len(cell[i]) for cell in [header, *cells]) for i in range(5)]
    column = sum(widths) + 2 * len(widths)
    beside = width - column >= MIN_DESCRIPTION

    def line(values: tuple[str, ...], description: str) -> str:
        head = "".join(
            f"{value:<{size}}  " for value, size in zip(values, widths, strict=True)
        )
        text = hanging(description, width, first=column, indent=column)
        return (head + text).rstrip()

    lines = [line(header, "DESCRIPTION" if beside else "")]
    for row, values in zip(rows, cells, strict=True):
        summary = first_sentence(row.summary)
        lines.append(line(values, summary if beside else ""))
        if summary and not beside:
            lines.append("    " + hanging(summary, width, first=4, indent=4))
    off = sum(not row.enabled for row in rows)
    if off:
        lines.append(f"{off} of them off here: select them by id or pack to run them.")
    lines.append(f"{len(rows)} rules in {len({row.pack for row in rows})} packs.")
    return "\n".join(lines) + "\n"


def first_sentence(text: str) -> str:
    """The description's first sentence: what the rule is about, for a table
    row (``copydesk explain`` shows the rest)."""
    found = _SENTENCE_END.search(text)
    return text[: found.start() + 1] if found else text


#: A full stop (or ! ?) before white space and a capital, not the last dot
#: of an abbreviation ("e.g. Kyiv").
_SENTENCE_END = re.compile(r"(?<!\.\w)[.!?](?=\s+[A-Z“\"(])")
