"""The records a one-file check makes are built without compiling annotations.

``copydesk.model`` states the house rule: a module on a check's path that
defines ``typing.NamedTuple`` records does not postpone its annotations,
because ``typing`` compiles each field's string annotation into a
``ForwardRef`` (a ``compile()`` call per field) at every start. A one-file
check is what a pre-commit hook or an editor pays for on every save, so the
rule is checked on the modules such a check really imports: a Markdown page
and a plain-text draft are checked in a fresh interpreter, and the source of
every ``copydesk`` module it loaded is parsed.

The same runs call ``compile()`` not at all: the first call in a process
builds the interpreter's AST types (10 M instructions, whatever it compiles),
so one string annotation, or one ``Analysis["X"]`` naming a class not yet
defined, costs a one-file check that much.
"""

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PAGE = (
    "# Output objects\n\n"
    "Extending an object takes more then one step: add a property, then a\n"
    "method, and update the format file.\n"
)
DRAFT = (
    "Kyiv, 3 December. The mayor said on Tuesday that the city would open\n"
    "two new schools next year.\n\n"
    "Follow us on Telegram\n"
)


@pytest.fixture(scope="module")
def one_file_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Checking a Markdown page (text report) and then a plain-text draft
    (concise) in a fresh interpreter: ``files``, every ``copydesk`` module
    (name: source file) imported; ``compiled``, the start of the source of
    each ``compile()`` call that was not the import system compiling a
    module without its bytecode."""
    folder = tmp_path_factory.mktemp("one-file")
    (folder / "page.md").write_text(PAGE, encoding="utf-8")
    (folder / "draft.txt").write_text(DRAFT, encoding="utf-8")
    script = (
        "import builtins, json, sys\n"
        "compiled, _compile = [], builtins.compile\n"
        "def counted(source, *args, **kwargs):\n"
        "    if not sys._getframe(1).f_code.co_filename.startswith('<frozen'):\n"
        "        compiled.append(str(source)[:40])\n"
        "    return _compile(source, *args, **kwargs)\n"
        "builtins.compile = counted\n"
        "from copydesk.cli.main import main\n"
        "codes = [main(['check', '--no-cache', 'page.md']),\n"
        "         main(['check', '--no-cache', '--format', 'concise', 'draft.txt'])]\n"
        "files = {name: getattr(module, '__file__', None)\n"
        "         for name, module in sorted(sys.modules.items())\n"
        "         if name == 'copydesk' or name.startswith('copydesk.')}\n"
        "print(json.dumps([codes, files, compiled]))\n"
    )
    out = subprocess.check_output([sys.executable, "-c", script], cwd=folder, text=True)
    codes, files, compiled = json.loads(out.splitlines()[-1])
    assert codes == [1, 1]  # each file has a finding: both were linted
    files = {name: path for name, path in files.items() if path}
    return {"files": files, "compiled": compiled}


@pytest.fixture(scope="module")
def checked_modules(one_file_runs: dict[str, Any]) -> dict[str, str]:
    files: dict[str, str] = one_file_runs["files"]
    return files


def _defines_records(tree: ast.Module) -> bool:
    """Whether the module has a class statement deriving from NamedTuple."""
    return any(
        isinstance(node, ast.ClassDef)
        and any(_names_named_tuple(base) for base in node.bases)
        for node in ast.walk(tree)
    )


def _names_named_tuple(base: ast.expr) -> bool:
    if isinstance(base, ast.Attribute):
        return base.attr == "NamedTuple"
    return isinstance(base, ast.Name) and base.id == "NamedTuple"


def _postpones_annotations(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )


def _record_modules(modules: dict[str, str]) -> dict[str, bool]:
    """Each module that defines records: whether it postpones annotations."""
    found: dict[str, bool] = {}
    for name, path in modules.items():
        tree = ast.parse(Path(path).read_text(encoding="utf-8"), filename=path)
        if _defines_records(tree):
            found[name] = _postpones_annotations(tree)
    return found


def test_no_module_on_a_checks_path_postpones_its_records_annotations(
    checked_modules: dict[str, str],
) -> None:
    records = _record_modules(checked_modules)
    # The walk reached the records of both runs: the shared model, the
    # Markdown reader's, the text report's and the draft-only boilerplate
    # check's.
    assert {
        "copydesk.model",
        "copydesk.markup.markdown",
        "copydesk.report.text",
        "copydesk.checks.boilerplate",
    } <= records.keys()
    postponing = sorted(name for name, postpones in records.items() if postpones)
    assert postponing == []


def test_a_one_file_check_compiles_nothing(one_file_runs: dict[str, Any]) -> None:
    assert one_file_runs["compiled"] == []
