"""A check type declares the per-document analyses it reads (``USES``).

The declaration is only worth having if it is true: this test reads each
check module and requires every analysis its code asks the document for
(``doc.get(X)``, or ``doc.word_set`` for ``WordSet``) to be declared by a
check type of that module.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from types import ModuleType

import pytest

import copydesk.checks
from copydesk.checks import CHECK_TYPES
from copydesk.document import Analysis

FOLDER = Path(copydesk.checks.__file__).parent
MODULES = sorted({t.split(":")[0] for t in CHECK_TYPES.values()})


def _analysis(node: ast.expr, module: ModuleType) -> str | None:
    """The name of the analysis ``node`` names in ``module`` (``QuoteStates``
    or ``doclang.DocumentLanguage``), if it names one."""
    found: object = None
    if isinstance(node, ast.Name):
        found = getattr(module, node.id, None)
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        owner = getattr(module, node.value.id, None)
        if isinstance(owner, ModuleType):
            found = getattr(owner, node.attr, None)
    if isinstance(found, type) and issubclass(found, Analysis):
        return found.__name__
    return None


def _analyses(tree: ast.AST, module: ModuleType) -> set[str]:
    """Names of the analyses the code in ``tree`` asks a document for."""
    asked: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and node.args
        ):
            name = _analysis(node.args[0], module)
            if name is not None:
                asked.add(name)
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == "word_set"
            and _analysis(ast.Name("WordSet"), module)
        ):
            asked.add("WordSet")
    return asked


def _helpers_asked(tree: ast.AST, module: ModuleType) -> set[str]:
    """Analyses asked by the copydesk functions ``tree`` calls as
    ``helper_module.function(...)`` (``doclang.foreign_quotation`` asks
    for the quotation's language): one call deep."""
    asked: set[str] = set()
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
        ):
            continue
        helper = getattr(module, node.func.value.id, None)
        if not isinstance(helper, ModuleType) or not helper.__name__.startswith(
            "copydesk."
        ):
            continue
        source = ast.parse(Path(inspect.getfile(helper)).read_text(encoding="utf-8"))
        for definition in source.body:
            if (
                isinstance(definition, ast.FunctionDef)
                and definition.name == node.func.attr
            ):
                asked |= _analyses(definition, helper)
    return asked


def asked_for(module_name: str) -> set[str]:
    """Names of the analyses a module's code asks a document for, itself or
    through a helper function of another copydesk module."""
    path = FOLDER / f"{module_name.rsplit('.', 1)[1]}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = importlib.import_module(module_name)
    return _analyses(tree, module) | _helpers_asked(tree, module)


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


def test_the_test_sees_what_a_helper_asks_for() -> None:
    """variants asks for the quotation's language through
    ``doclang.foreign_quotation``, which its ``run`` never names."""
    assert {"QuotationLanguage", "DocumentLanguage"} <= asked_for(
        "copydesk.checks.variants"
    )
