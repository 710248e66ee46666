#!/usr/bin/env python3
"""Issue-20 evaluation sets: score the default packs per family and write the
report (``--out``; the issue's is ``bench/results/accuracy-issue20-*.md``);
``--blind`` scores the sets written blind later (``accuracy3`` to ``accuracy33``).

The sets and the scoring live in ``tests/accuracy_sets.py`` (the tests hold
their thresholds); this script prints every miss and extra finding, which a
test log hides. Run from the repository root with copydesk's interpreter.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import accuracy_sets  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("family", nargs="*", help="default: all families")
    parser.add_argument("--out", type=Path, help="write the report here too")
    parser.add_argument(
        "--blind",
        action="store_true",
        help="score the blind sets (tests/documents/accuracy3-23) instead",
    )
    args = parser.parse_args(argv)
    unknown = set(args.family) - set(accuracy_sets.FAMILIES)
    if unknown:
        parser.error(f"unknown family {sorted(unknown)[0]!r}")
    folders = accuracy_sets.BLIND_SETS if args.blind else (accuracy_sets.SETS,)
    lines: list[str] = []
    notes: list[str] = []
    for folder in folders:
        lines += [
            f"{folder.name}:",
            "",
            "| family | cases (clean) | found | clean documents flagged | extra |",
            "|---|---:|---:|---:|---:|",
        ]
        for family in args.family or accuracy_sets.families_of(folder):
            if family not in accuracy_sets.families_of(folder):
                continue
            s = accuracy_sets.score(family, accuracy_sets.load(family, folder))
            lines.append(
                f"| {family} | {s.cases} ({s.clean}) | {s.hits}/{s.expected} "
                f"({s.recall:.0%}) | {s.clean_flagged} of {s.clean} | {s.extra} |"
            )
            notes += [f"- {folder.name} {family}: {n}" for n in s.notes]
        lines.append("")
    report = "\n".join([*lines, "", *notes]) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
