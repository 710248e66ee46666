"""Score of ``variants.Names`` on the snippets in tests/documents/variants.

Each ``v*`` snippet spells one person or place two ways (German, French,
Polish, Czech and English romanisations); each ``c*`` snippet is clean but
built to trip naive matching. The set was written for this check, so the
score is an upper bound; it guards against regressions.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from tests.conftest import REPO

from copydesk.checks.variants import Variants
from copydesk.document import Document
from copydesk.model import RuleMeta
from copydesk.rulefiles import ShippedPacks

DOCS = REPO / "tests" / "documents" / "variants"
RULE = REPO / "rules" / "variants" / "Names.yml"


#: The shipped packs, lent to check types as the loader lends them.
SHIPPED = ShippedPacks()


def _check() -> Variants:
    data = yaml.safe_load(RULE.read_text("utf-8"))
    meta = RuleMeta(
        id="variants.Names",
        extends="variants",
        source=str(RULE),
        message=data["message"],
    )
    check = Variants.from_yaml(meta, data, SHIPPED)
    assert isinstance(check, Variants)
    return check


def _pairs(check: Variants, path: Path) -> set[tuple[str, str]]:
    doc = Document.plain(path.read_text("utf-8"), path=path.name)
    return {(f.match, f.suggestions[0]) for f in check.run(doc)}


def test_variant_recall_and_clean_documents() -> None:
    check = _check()
    expected: dict[str, dict[str, str]] = yaml.safe_load(
        (DOCS / "expected.yml").read_text("utf-8")
    )
    docs = sorted(DOCS.glob("*.txt"))
    clean = [p for p in docs if p.name.startswith("c")]
    assert len(docs) >= 40
    assert len(clean) * 3 >= len(docs)
    assert {p.name for p in docs} - {p.name for p in clean} == set(expected)
    wanted = found = 0
    for name, variants in expected.items():
        got = _pairs(check, DOCS / name)
        wanted += len(variants)
        found += sum(1 for pair in variants.items() if pair in got)
    flagged = [p.name for p in clean if _pairs(check, p)]
    recall = found / wanted
    print(f"variants recall {found}/{wanted} = {recall:.1%}; clean flagged {flagged}")  # noqa: T201
    assert recall >= 0.9
    assert len(flagged) <= 1
