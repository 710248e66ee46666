"""``copydesk rules``: a table (or JSON) of every rule, as the project configures it."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from copydesk.cli.catalog_view import Row, rows_for
from copydesk.errors import CopydeskError

EXIT_CLEAN = 0


def run(args: argparse.Namespace, out: TextIO) -> int:
    """List the rules: id, type, level, fixability, on/off, description."""
    rows = rows_for(args.rules)
    if args.pack:
        unknown = set(args.pack) - {row.pack for row in rows}
        if unknown:
            raise CopydeskError("", f"unknown pack {sorted(unknown)[0]!r}")
        rows = [row for row in rows if row.pack in args.pack]
    if args.format == "json":
        out.write(json.dumps([row.as_dict() for row in rows], indent=2) + "\n")
        return EXIT_CLEAN
    out.write(_table(rows))
    return EXIT_CLEAN


def _table(rows: list[Row]) -> str:
    width = max((len(row.id) for row in rows), default=4)
    lines = [
        f"{'RULE':<{width}}  {'TYPE':<12}  {'LEVEL':<10}  {'FIX':<6}  "
        f"{'ON':<3}  DESCRIPTION"
    ]
    lines.extend(
        f"{row.id:<{width}}  {row.type:<12}  {row.level:<10}  {row.fix_label:<6}  "
        f"{'yes' if row.enabled else 'no':<3}  {row.summary}"
        for row in rows
    )
    off = sum(not row.enabled for row in rows)
    if off:
        lines.append(f"{off} of them off here: select them by id or pack to run them.")
    lines.append(f"{len(rows)} rules in {len({row.pack for row in rows})} packs.")
    return "\n".join(lines) + "\n"
