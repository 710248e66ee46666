"""``copydesk explain RULE``: one rule's description, settings, examples and link."""

from __future__ import annotations

import argparse
from typing import TextIO

from copydesk.cli.catalog_view import Row, rows_for
from copydesk.cli.terminal import width_for
from copydesk.errors import CopydeskError
from copydesk.report._fit import hanging
from copydesk.suggest import closest

EXIT_CLEAN = 0


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Explain one rule as the project configures it (level, on or off)."""
    rows = {row.id: row for row in rows_for(args.rules)}
    row = rows.get(args.rule)
    if row is None:
        wanted = args.rule.lower()
        close = [rule for rule in rows if wanted in rule.lower()]
        guess = closest(args.rule, rows)
        if not close and guess is not None:
            close = [guess]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        raise CopydeskError("", f"unknown rule {args.rule!r}{hint}")
    out.write(explanation(row, width_for(out)))
    return EXIT_CLEAN


def explanation(row: Row, width: int) -> str:
    """The rule's text, its settings and examples, wrapped to ``width``."""
    meta = row.meta
    description = meta.description.strip() or "(no description)"
    lines = [
        meta.id,
        "",
        *(
            hanging(paragraph, width, first=0, indent=0)
            for paragraph in description.split("\n\n")
        ),
        "",
    ]
    fields = [
        ("Type", meta.extends),
        ("Level", row.level),
        ("Fixable", row.fix_label),
        ("Enabled", _enabled(row)),
        ("Source", meta.source),
    ]
    if meta.scope != "text":
        fields.append(("Scope", meta.scope))
    if meta.kinds:
        fields.append(("Kinds", f"{', '.join(meta.kinds)} documents only"))
    if meta.link:
        fields.append(("Link", meta.link))
    lines += [
        f"{name + ':':<10}" + hanging(value, width, first=10, indent=10)
        for name, value in fields
    ]
    for title, mark, examples in (
        ("Flagged:", "✗", meta.examples.bad),
        ("Accepted:", "✓", meta.examples.good),
    ):
        if examples:
            lines += ["", title]
            lines += [
                f"  {mark} " + hanging(e, width, first=4, indent=4) for e in examples
            ]
    return "\n".join(lines) + "\n"


def _enabled(row: Row) -> str:
    if row.enabled:
        return "yes (opt-in, selected here)" if row.opt_in else "yes"
    if row.opt_in:
        return "no: opt-in, select it by id or pack (--select RULE_OR_PACK)"
    return "no: switched off by this project's config or flags"
