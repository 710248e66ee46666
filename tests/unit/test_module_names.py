"""Each module binds each top-level name once.

A constant defined twice in one module (two ``_DATED`` patterns, one for an
event's date and one for a caption's stamp) silently gives every function the
later one; the linters do not object when both are used. A name rebound on
purpose would be a variable, and the package has none at module level.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "copydesk"


def _bound(tree: ast.Module) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            if isinstance(node.target, ast.Name):
                names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names[node.name] += 1
    return names


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_each_top_level_name_is_bound_once(path: Path) -> None:
    names = _bound(ast.parse(path.read_text(encoding="utf-8")))
    assert [name for name, count in names.items() if count > 1] == []


def test_a_name_bound_twice_is_found() -> None:
    tree = ast.parse("_DATED = 1\ndef f(): return _DATED\n_DATED = 2\n")
    assert _bound(tree)["_DATED"] == 2
