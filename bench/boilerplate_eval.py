#!/usr/bin/env python3
"""How well ``artifacts.Boilerplate`` finds furniture, and how rarely it errs.

Three measurements, each through ``copydesk.api`` as a pipeline would call it:

Only ``artifacts.Boilerplate`` runs (``--select``), so each number is the
rule's own.

1. **Recall** on a collection built by ``bench/furniture_collection.py``
   (clean articles with site furniture put back, 12 sites in 12 languages):
   the share of inserted furniture lines that a finding covers, by kind;
   findings on anything else are false; licence notices are content the
   publisher wants and must stay unflagged.
2. **False alarms** on the 4,373 clean news articles as a collection, by
   source (``--source-field source``) and as one source: every finding is
   false, since the corpus has no furniture.
3. **False alarms** on the calibration trees and the PowerShell reference
   run as folders with ``--learn-boilerplate``: as they are (authored pages,
   where the rule is off), and read as drafts (``--kind-for '*=draft'``),
   which tests the guards (headings, tables, quotations) rather than the
   kinds.

    python3 bench/boilerplate_eval.py    # bench/results/boilerplate-<date>-<commit>.md
"""

from __future__ import annotations

import argparse
import collections
import datetime
import io
import json
import lzma
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import furniture_collection  # noqa: E402
import precision  # noqa: E402

from copydesk import api  # noqa: E402
from copydesk.collection_output import JsonLinesSink  # noqa: E402
from copydesk.collections import CollectionSpec  # noqa: E402

RULE = "artifacts.Boilerplate"
WORK = ROOT / "bench" / "work" / "boilerplate"
TREES = ("hugo-md", "sphinx-rst", "html-site", "blog-md", "powershell")


def collection_rows(path: Path, source_field: str | None) -> list[dict[str, object]]:
    """Every finding of a collection run, as output rows."""
    workspace = api.Workspace(ROOT, api.Overrides(isolated=True, select=(RULE,)))
    out = io.StringIO()
    spec = CollectionSpec(str(path), source_field=source_field)
    workspace.lint_collection(spec, JsonLinesSink(out))
    return [json.loads(line) for line in out.getvalue().splitlines()]


def recall(path: Path) -> Iterator[str]:
    rows = collection_rows(path, "source")
    found: dict[str, list[str]] = collections.defaultdict(list)
    for row in rows:
        found[str(row["id"])].append(str(row["match"]))
    by_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    notices = [0, 0]
    false = 0
    articles = 0
    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            record = json.loads(raw)
            articles += 1
            inserted = {str(i["line"]): i for i in record["inserted"]}
            ours = [r for r in rows_of(rows, record["id"]) if r["rule"] == RULE]
            hits = {str(r["match"]) for r in rows_of(rows, record["id"])}
            for line, item in inserted.items():
                if item["furniture"]:
                    by_kind[str(item["kind"])][0] += line in hits
                    by_kind[str(item["kind"])][1] += 1
                else:
                    notices[0] += line in {str(r["match"]) for r in ours}
                    notices[1] += 1
            false += sum(1 for r in ours if str(r["match"]) not in inserted)
    total_found = sum(f for f, _ in by_kind.values())
    total = sum(n for _, n in by_kind.values())
    yield f"Articles: {articles}. Furniture lines inserted: {total}."
    yield ""
    yield "| kind | found | inserted | recall |"
    yield "|---|---:|---:|---:|"
    for kind in sorted(by_kind):
        f, n = by_kind[kind]
        yield f"| {kind} | {f} | {n} | {f / n:.3f} |"
    yield f"| **all** | {total_found} | {total} | {total_found / total:.3f} |"
    yield ""
    yield f"False {RULE} findings (not an inserted line): {false}"
    yield f"Licence notices flagged: {notices[0]} of {notices[1]}"


_BY_ID: dict[int, dict[str, list[dict[str, object]]]] = {}


def rows_of(rows: list[dict[str, object]], doc_id: str) -> list[dict[str, object]]:
    """The rows of one document (indexed once per list of rows)."""
    index = _BY_ID.get(id(rows))
    if index is None:
        index = collections.defaultdict(list)
        for row in rows:
            index[str(row["id"])].append(row)
        _BY_ID[id(rows)] = index
    return index.get(doc_id, [])


def news_false_alarms(news: Path) -> Iterator[str]:
    WORK.mkdir(parents=True, exist_ok=True)
    plain = WORK / "news.jsonl"
    if not plain.exists():
        with lzma.open(news, "rt", encoding="utf-8") as src:
            plain.write_text(src.read(), encoding="utf-8")
    yield "| run | articles | findings | per 100 articles |"
    yield "|---|---:|---:|---:|"
    for label, field in (("by source", "source"), ("one source", None)):
        rows = [r for r in collection_rows(plain, field) if r["rule"] == RULE]
        yield f"| {label} | 4373 | {len(rows)} | {len(rows) / 43.73:.2f} |"
        for row in rows[:20]:
            yield f"  - {row['id']}: {row['match']!r}"


def tree_false_alarms(shared: Path) -> Iterator[str]:
    yield "| tree | files | as authored | as drafts |"
    yield "|---|---:|---:|---:|"
    samples: list[str] = []
    for tree in TREES:
        folder = precision.unpack(tree, shared, precision.WORK)
        counts = []
        files = 0
        for kind_for in ((), (("*", "draft"),)):
            overrides = api.Overrides(isolated=True, select=(RULE,), kind_for=kind_for)
            workspace = api.Workspace(folder, overrides)
            problems: list[object] = []
            plans = workspace.plan_paths([str(folder)], problems)  # type: ignore[arg-type]
            run = workspace.lint_plans_learning(plans)
            files = len(run.results)
            ours = [f for f in run.findings if f.rule == RULE]
            counts.append(len(ours))
            samples += [
                f"  - {tree} {Path(f.path).relative_to(folder)}:{f.line} {f.match!r}"
                for f in ours[:5]
            ]
        yield f"| {tree} | {files} | {counts[0]} | {counts[1]} |"
    yield from samples


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=precision.SHARED)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--skip-trees", action="store_true")
    args = parser.parse_args(argv)
    news = args.shared / "corpus" / "news" / "news.jsonl.xz"
    furnished = WORK / f"furniture-{args.seed}.jsonl"
    furniture_collection.build(furnished, args.count, args.seed, news)
    head = precision.head_commit()
    lines = [f"# artifacts.Boilerplate at {head}", ""]
    lines += ["## Recall: furniture put back into clean articles", ""]
    lines += list(recall(furnished))
    lines += ["", "## False alarms: the clean news corpus", ""]
    lines += list(news_false_alarms(news))
    if not args.skip_trees:
        lines += ["", "## False alarms: calibration trees (--learn-boilerplate)", ""]
        lines += list(tree_false_alarms(args.shared))
    report = "\n".join(lines) + "\n"
    print(report)
    day = datetime.date.today().isoformat()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / f"boilerplate-{day}-{head}.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
