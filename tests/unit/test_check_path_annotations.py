"""The records a one-file check makes are built without compiling annotations.

``copydesk.model`` states the house rule: a module on a check's path that
defines ``typing.NamedTuple`` records does not postpone its annotations,
because ``typing`` compiles each field's string annotation into a
``ForwardRef`` (a ``compile()`` call per field) at every start. A one-file
check is what a pre-commit hook or an editor pays for on every save, so the
rule is checked on the modules such a check really imports: a Markdown page
and a plain-text draft are checked in a fresh interpreter, and the source of
every ``copydesk`` module it loaded is parsed.
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

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
def checked_modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every ``copydesk`` module (name: source file) that checking a
    Markdown page and then a plain-text draft imported."""
    folder = tmp_path_factory.mktemp("one-file")
    (folder / "page.md").write_text(PAGE, encoding="utf-8")
    (folder / "draft.txt").write_text(DRAFT, encoding="utf-8")
    script = (
        "import json, sys\n"
        "from copydesk.cli.main import main\n"
        "codes = [main(['check', '--no-cache', '--format', 'concise', name])\n"
        "         for name in ('page.md', 'draft.txt')]\n"
        "files = {name: getattr(module, '__file__', None)\n"
        "         for name, module in sorted(sys.modules.items())\n"
        "         if name == 'copydesk' or name.startswith('copydesk.')}\n"
        "print(json.dumps([codes, files]))\n"
    )
    out = subprocess.check_output([sys.executable, "-c", script], cwd=folder, text=True)
    codes, files = json.loads(out.splitlines()[-1])
    assert codes == [1, 1]  # each file has a finding: both were linted
    return {name: path for name, path in files.items() if path}


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
    # Markdown reader's and the draft-only boilerplate check's.
    assert {
        "copydesk.model",
        "copydesk.markup.markdown",
        "copydesk.checks.boilerplate",
    } <= records.keys()
    postponing = sorted(name for name, postpones in records.items() if postpones)
    assert postponing == []
