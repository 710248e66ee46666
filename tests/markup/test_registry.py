from __future__ import annotations

import subprocess
import sys

import pytest

from copydesk.markup import FORMATS, READERS, Parsed, format_for_path, read


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("README.md", "markdown"),
        ("docs/a.MARKDOWN", "markdown"),
        ("page.mdx", "markdown"),
        ("site/index.html", "html"),
        ("x.htm", "html"),
        ("x.xhtml", "html"),
        ("guide.rst", "rst"),
        ("guide.rest", "rst"),
        ("notes.txt", "plain"),
        ("notes.text", "plain"),
        ("LICENSE", "plain"),
        ("drafts/Interview.DOCX", "docx"),
        ("C:\\docs\\index.HTML", "html"),
        ("image.png", None),
        ("script.py", None),
    ],
)
def test_format_for_path(path: str, expected: str | None) -> None:
    assert format_for_path(path) == expected


def test_registry_lists_every_format() -> None:
    assert set(FORMATS) == {"plain", "markdown", "html", "rst", "docx"}
    for fmt in FORMATS:
        parsed = read(fmt, "Hello there.\n")
        assert isinstance(parsed, Parsed)
        assert parsed.prose.strip() == "Hello there."


def test_unknown_format() -> None:
    with pytest.raises(KeyError):
        read("odt", "text")


def test_plain_imports_no_parser() -> None:
    code = (
        "import sys; from copydesk.markup import read; read('plain', 'x');"
        "bad = {'pyromark', 'docutils', 'markdown_it'} & set(sys.modules);"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_registry_values_are_import_strings() -> None:
    for target in READERS.values():
        module, _, function = target.partition(":")
        assert module.startswith("copydesk.markup.")
        assert function == "read"
