"""A check type declares the per-document analyses it reads (``USES``).

The declaration is only worth having if it is true: this test reads each
check module and requires every analysis its code asks the document for
(``doc.get(X)``, or ``doc.word_set`` for ``WordSet``) to be declared by a
check type of that module.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import copydesk.checks
from copydesk.checks import CHECK_TYPES
from copydesk.document import Analysis

FOLDER = Path(copydesk.checks.__file__).parent
MODULES = sorted({t.split(":")[0] for t in CHECK_TYPES.values()})


def asked_for(module_name: str) -> set[str]:
    """Names of the analyses a module's code asks a document for."""
    path = FOLDER / f"{module_name.rsplit('.', 1)[1]}.py"
    asked: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and node.args
            and isinstance(node.args[0], ast.Name)
        ):
            asked.add(node.args[0].id)
        elif isinstance(node, ast.Attribute) and node.attr == "word_set":
            asked.add("WordSet")
    module = importlib.import_module(module_name)
    return {
        name
        for name in asked
        if isinstance(getattr(module, name, None), type)
        and issubclass(getattr(module, name), Analysis)
    }


@pytest.mark.parametrize("module_name", MODULES)
def test_every_analysis_a_check_reads_is_declared(module_name: str) -> None:
    module = importlib.import_module(module_name)
    declared = {
        analysis.__name__
        for target in CHECK_TYPES.values()
        if target.startswith(module_name + ":")
        for analysis in getattr(module, target.split(":")[1]).USES
    }
    assert asked_for(module_name) <= declared


def test_the_test_sees_declarations() -> None:
    assert asked_for("copydesk.checks.pairs") == {"QuoteDefects"}
    assert asked_for("copydesk.checks.substitution") == {"WordSet"}
