#!/usr/bin/env python3
"""Score copydesk's findings on a held-out tree against its committed labels.

    cd TREE && copydesk check --no-cache --format json . > /tmp/found.json
    python3 bench/heldout_score.py LABELS.tsv CORPUS /tmp/found.json

A finding is matched to a label by path, line, column and rule. Prints, per
rule, the labelled findings (true / false / debatable), the strict
precision (true / labelled) and the findings no label covers (new since
the labelling: read them before trusting the number), then the labelled
findings that are gone. The labels are the TSV's rows whose ``corpus``
column is CORPUS.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

Key = tuple[str, int, int, str]


def labels_of(tsv: Path, corpus: str) -> dict[Key, str]:
    with tsv.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {
            (row["path"], int(row["line"]), int(row["col"]), row["rule"]): row["label"]
            for row in rows
            if row["corpus"] == corpus
        }


def findings_of(path: Path) -> list[Key]:
    found = json.loads(path.read_text(encoding="utf-8"))
    return [
        (f["path"].removeprefix("./"), f["line"], f["column"], f["rule"]) for f in found
    ]


def main(tsv: str, corpus: str, findings: str) -> int:
    labels = labels_of(Path(tsv), corpus)
    found = findings_of(Path(findings))
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for key in found:
        per_rule[key[3]][labels.get(key, "unlabelled")] += 1
    print("| rule | true | false | debatable | strict | unlabelled |")
    print("|---|--:|--:|--:|--:|--:|")
    total: Counter[str] = Counter()
    for rule in sorted(per_rule):
        counts = per_rule[rule]
        total.update(counts)
        print(_row(rule, counts))
    print(_row("**all**", total))
    gone = sorted(set(labels) - set(found))
    print(f"\nLabelled findings gone: {len(gone)}")
    for key in gone:
        print(f"- {labels[key]} {key[0]}:{key[1]}:{key[2]} {key[3]}")
    return 0


def _row(rule: str, counts: Counter[str]) -> str:
    labelled = counts["true"] + counts["false"] + counts["debatable"]
    strict = f"{counts['true'] / labelled:.2f}" if labelled else "–"
    return (
        f"| {rule} | {counts['true']} | {counts['false']} | {counts['debatable']}"
        f" | {strict} | {counts['unlabelled']} |"
    )


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
