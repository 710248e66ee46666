"""Score the quotes pack on a held-out-style set of short documents.

``tests/documents/quotes/manifest.yml`` lists each document, its language and
the findings an editor expects (``<rule> <line>:<col>``). The pack must find
at least 90% of the defects at the right place and flag at most one clean
document; the score is printed so a change in either shows in the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from copydesk.checks.pairs import Pairs
from copydesk.document import Document
from copydesk.model import RuleMeta
from copydesk.rulefiles import ShippedPacks

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "tests" / "documents" / "quotes"
RULES = ROOT / "rules" / "quotes"


#: The shipped packs, lent to check types as the loader lends them.
SHIPPED = ShippedPacks()


def _checks() -> list[Any]:
    checks = []
    for path in sorted(RULES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        meta = RuleMeta(
            id=f"quotes.{path.stem}",
            extends="pairs",
            source=str(path),
            message=data.get("message", ""),
        )
        checks.append(Pairs.from_yaml(meta, data, SHIPPED))
    return checks


@dataclass(frozen=True)
class Case:
    file: str
    language: str
    expect: frozenset[str]


def _cases() -> list[Case]:
    rows = yaml.safe_load((SET / "manifest.yml").read_text(encoding="utf-8"))
    return [Case(r["file"], r["language"], frozenset(r["expect"] or ())) for r in rows]


def _found(case: Case, checks: list[Any]) -> set[str]:
    text = (SET / case.file).read_text(encoding="utf-8")
    doc = Document.plain(text, path=case.file, language=case.language)
    return {f"{f.rule} {f.line}:{f.col}" for c in checks for f in c.run(doc)}


def test_manifest_covers_every_document() -> None:
    listed = {c.file for c in _cases()}
    on_disk = {p.name for p in SET.glob("*.txt")}
    assert listed == on_disk
    cases = _cases()
    assert len(cases) >= 30
    assert sum(1 for c in cases if not c.expect) * 3 >= len(cases)
    assert {c.language.split("-")[0] for c in cases} >= {
        "en",
        "de",
        "fr",
        "pl",
        "da",
        "sv",
    }


def test_quotes_set_score(capsys: pytest.CaptureFixture[str]) -> None:
    checks = _checks()
    expected = hits = extra = flagged_clean = 0
    misses: list[str] = []
    for case in _cases():
        found = _found(case, checks)
        expected += len(case.expect)
        hits += len(found & case.expect)
        extra += len(found - case.expect)
        misses += [f"{case.file}: missed {x}" for x in sorted(case.expect - found)]
        misses += [f"{case.file}: extra {x}" for x in sorted(found - case.expect)]
        if not case.expect and found:
            flagged_clean += 1
    recall = hits / expected
    with capsys.disabled():
        print(  # noqa: T201
            f"\nquotes set: {hits}/{expected} defects at the right place "
            f"({recall:.0%}), {extra} extra findings, "
            f"{flagged_clean} clean documents flagged"
        )
        for line in misses:
            print("  " + line)  # noqa: T201
    assert recall >= 0.9, misses
    assert flagged_clean <= 1, misses
