"""The import graph follows the design's one direction: faces on top.

The CLI (``copydesk.cli``) and the editor server sit on ``copydesk.api``;
nothing below them imports argparse or a face, so a long-lived process can use
the core without the command line, and the CLI and the core never import each
other. Imports inside functions count: they are edges all the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

import copydesk

PACKAGE = Path(copydesk.__file__).parent
FACES = ("copydesk.cli", "copydesk.server", "copydesk.__main__")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of its code."""
    found: set[str] = set()
    package = module_name(path).rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = (
                    package.rsplit(".", node.level - 1)[0]
                    if node.level > 1
                    else package
                )
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def is_face(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FACES)


def test_the_graph_sees_the_packages() -> None:
    modules = graph()
    assert "copydesk.api" in modules
    assert "copydesk.cli.main" in modules
    assert "copydesk.cli.main" in modules["copydesk.__main__"]


def test_nothing_below_the_faces_imports_argparse_or_a_face() -> None:
    offenders = {
        module: sorted(name for name in imported if name == "argparse" or is_face(name))
        for module, imported in graph().items()
        if not is_face(module)
    }
    assert {m: names for m, names in offenders.items() if names} == {}


def test_the_server_reaches_the_core_through_the_api_not_the_cli() -> None:
    for module, imported in graph().items():
        if module.startswith("copydesk.server"):
            assert not any(name.startswith("copydesk.cli") for name in imported), module
