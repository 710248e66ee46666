"""``copydesk explain RULE``: one rule's description, settings, examples and link."""

from __future__ import annotations

import argparse
from typing import TextIO

from copydesk.cli.catalog_view import Row, rows_for
from copydesk.errors import CopydeskError

EXIT_CLEAN = 0


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Explain one rule as the project configures it (level, on or off)."""
    rows = {row.id: row for row in rows_for(args.rules)}
    row = rows.get(args.rule)
    if row is None:
        wanted = args.rule.lower()
        close = [rule for rule in rows if wanted in rule.lower()]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        raise CopydeskError("", f"unknown rule {args.rule!r}{hint}")
    meta = row.meta
    lines = [
        meta.id,
        "",
        meta.description.strip() or "(no description)",
        "",
        f"Type:     {meta.extends}",
        f"Level:    {row.level}",
        f"Fixable:  {row.fix_label}",
        f"Enabled:  {_enabled(row)}",
        f"Source:   {meta.source}",
    ]
    if meta.scope != "text":
        lines.append(f"Scope:    {meta.scope}")
    if meta.kinds:
        lines.append(f"Kinds:    {', '.join(meta.kinds)} documents only")
    if meta.link:
        lines.append(f"Link:     {meta.link}")
    if meta.examples.bad:
        lines += ["", "Flagged:"] + [f"  ✗ {e}" for e in meta.examples.bad]
    if meta.examples.good:
        lines += ["", "Accepted:"] + [f"  ✓ {e}" for e in meta.examples.good]
    out.write("\n".join(lines) + "\n")
    return EXIT_CLEAN


def _enabled(row: Row) -> str:
    if row.enabled:
        return "yes (opt-in, selected here)" if row.opt_in else "yes"
    if row.opt_in:
        return "no: opt-in, select it by id or pack (--select RULE_OR_PACK)"
    return "no: switched off by this project's config or flags"
