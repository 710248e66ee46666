"""Checks never import the loader: what they need from it is handed to them.

The loader imports the checks; a check importing the loader back would tie a
check type to how rule files are found and read, and make a cycle. So every
import in ``copydesk/checks/*.py``, at any depth (inside a function or an
``if TYPE_CHECKING:`` too), is read from the source here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import copydesk.checks

LOADER = {"copydesk.ruleset", "copydesk.rule_index", "copydesk.rulefiles"}
CHECK_FILES = sorted(Path(copydesk.checks.__file__).parent.glob("*.py"))


def imported_modules(source: str) -> set[str]:
    """Every module an import statement in ``source`` names (absolute only)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            # ``from copydesk import ruleset`` names the module as an alias.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_every_import_form_is_seen() -> None:
    source = (
        "import copydesk.ruleset\n"
        "from copydesk import rule_index\n"
        "def f() -> None:\n"
        "    from copydesk.rulefiles import read_rule\n"
    )
    assert imported_modules(source) >= LOADER


@pytest.mark.parametrize("path", CHECK_FILES, ids=lambda p: p.name)
def test_a_check_module_does_not_import_the_loader(path: Path) -> None:
    imports = imported_modules(path.read_text(encoding="utf-8"))
    assert not imports & LOADER, f"{path.name} imports {sorted(imports & LOADER)}"
