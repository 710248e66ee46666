"""Code actions and hover, end to end: each action is applied the way an
editor applies it, and the diagnostics that come back are checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from copydesk.api import Workspace
from tests.conftest import SAMPLE, needs_sample
from tests.server.editor import Editor, uri_of, utf16_offset

pytestmark = pytest.mark.asyncio

PYPROJECT = """\
[project]
name = "newsroom"  # the desk's own tools

# House style: the names pack and the quotes pack only.
[tool.copydesk]
packs = ["names", "quotes"]

[tool.ruff]
line-length = 100
"""


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def fix_of(diagnostic: types.Diagnostic) -> str | None:
    """The applicability of the fix a diagnostic carries in ``data``."""
    assert isinstance(diagnostic.data, dict)
    fix = diagnostic.data["fix"]
    return None if fix is None else str(fix["applicability"])


async def open_sample(
    editor: Editor, folder: Path
) -> tuple[str, list[types.Diagnostic]]:
    """The sample draft opened as an unsaved buffer; its URI and diagnostics."""
    path = folder / "draft.txt"
    return uri_of(path), await editor.open(path, SAMPLE.read_text(encoding="utf-8"))


def kiev(diagnostics: list[types.Diagnostic]) -> types.Diagnostic:
    return next(d for d in diagnostics if d.code == "names.Places")


@needs_sample
async def test_the_preferred_quick_fix_removes_exactly_its_finding(
    editor: Editor, tmp_path: Path
) -> None:
    uri, before = await open_sample(editor, tmp_path)
    target = next(d for d in before if d.code == "names.Places" and "Kiev" in d.message)
    actions = await editor.actions(uri, target)
    titles = [a.title for a in actions]
    assert titles[:3] == [
        "Replace 'Kiev' with 'Kyiv' (names.Places)",
        "Accept 'Kiev' in this project's vocabulary",
        "Disable names.Places for this line",
    ]
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1
    after = await editor.apply(uri, preferred[0])
    assert len(after) == len(before) - 1
    assert "Kyiv portal" in editor.texts[uri]
    assert all("'Kiev'" not in d.message for d in after)


async def test_an_unsafe_fix_is_offered_but_not_preferred(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "draft.txt"
    diagnostics = await editor.open(path, 'He said: "We stay in Kiev."\n')
    target = kiev(diagnostics)  # inside a quotation: the speaker's spelling may stay
    fixes = [a for a in await editor.actions(uri_of(path), target) if a.edit]
    assert fixes[0].title.startswith("Replace 'Kiev' with 'Kyiv' (unsafe fix")
    assert not fixes[0].is_preferred


async def accept_kiev(
    editor: Editor, uri: str, diagnostics: list[types.Diagnostic]
) -> list[types.Diagnostic]:
    """Run the "Accept 'Kiev'" action as an editor does (it is a command the
    server carries out); the diagnostics published after it."""
    actions = await editor.actions(uri, kiev(diagnostics))
    accept = next(a for a in actions if a.title.startswith("Accept 'Kiev'"))
    assert accept.command is not None
    assert accept.edit is None  # the server edits the config, not the editor
    since = editor.mark()
    await editor.client.workspace_execute_command_async(
        types.ExecuteCommandParams(accept.command.command, accept.command.arguments)
    )
    return await editor.diagnostics(uri, since)


async def test_accepting_a_term_edits_pyproject_and_keeps_its_comments(
    editor: Editor, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    path = tmp_path / "drafts" / "today.txt"
    path.parent.mkdir()
    uri = uri_of(path)
    diagnostics = await editor.open(path, "The mayor of Kiev spoke. Kharkov too.\n")
    assert codes(diagnostics) == ["names.Places", "names.Places"]
    after = await accept_kiev(editor, uri, diagnostics)
    assert [d.message for d in after] == [
        "Use 'Kharkiv' rather than 'Kharkov' (house spelling)."
    ]
    written = (tmp_path / "pyproject.toml").read_text()
    assert written.startswith(PYPROJECT.split("[tool.ruff]", maxsplit=1)[0])
    assert '[tool.copydesk.vocab]\naccept = ["Kiev"]\n' in written
    assert 'name = "newsroom"  # the desk\'s own tools' in written
    assert "[tool.ruff]\nline-length = 100\n" in written
    # copydesk check reads the same file the same way.
    assert Workspace(tmp_path).lint_text(path, "Kiev.") == []


async def test_accepting_without_a_config_creates_one_in_the_folder(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "page.md"
    uri = uri_of(path)
    diagnostics = await editor.open(path, "See NV.ua and Kiev.\n", "markdown")
    assert await accept_kiev(editor, uri, diagnostics) == []
    assert (tmp_path / ".copydesk.toml").read_text() == '[vocab]\naccept = ["Kiev"]\n'


@pytest.mark.parametrize(
    ("name", "language", "text"),
    [
        ("draft.txt", "plaintext", "Intro.\nThe mayor of Kiev spoke.\nKiev again.\n"),
        ("page.md", "markdown", "Intro.\nThe mayor of Kiev spoke.\n\nKiev again.\n"),
        (
            "page.html",
            "html",
            "<p>Intro.\nThe mayor of Kiev spoke.</p>\n<p>Kiev again.</p>\n",
        ),
        (
            "page.rst",
            "restructuredtext",
            "Intro.\n\nThe mayor of Kiev spoke.\n\nKiev again.\n",
        ),
    ],
)
async def test_disabling_a_rule_for_a_line_silences_that_line_only(
    client: LanguageClient, tmp_path: Path, name: str, language: str, text: str
) -> None:
    editor = Editor(client)
    await editor.start([tmp_path], document_changes=True)
    path = tmp_path / name
    uri = uri_of(path)
    before = await editor.open(path, text, language)
    assert codes(before) == ["names.Places", "names.Places"]
    actions = await editor.actions(uri, before[0])
    disable = next(
        a for a in actions if a.title == "Disable names.Places for this line"
    )
    assert disable.edit is not None
    assert disable.edit.document_changes  # versioned: the client has the support
    after = await editor.apply(uri, disable)
    assert "copydesk: disable-next-line=names.Places" in editor.texts[uri]
    assert len(after) == 1
    edited = editor.texts[uri]
    start = after[0].range.start
    assert edited[utf16_offset(edited, start.line, start.character) :].startswith(
        "Kiev again."
    )


@needs_sample
async def test_fix_all_applies_the_safe_fixes_only(
    editor: Editor, tmp_path: Path
) -> None:
    uri, before = await open_sample(editor, tmp_path)
    whole = types.Range(types.Position(0, 0), types.Position(0, 0))
    actions = await editor.actions(uri, only=["source.fixAll"], at=whole)
    assert [(a.title, a.kind) for a in actions] == [
        ("copydesk: apply all safe fixes", "source.fixAll.copydesk")
    ]
    after = await editor.apply(uri, actions[0])
    path = tmp_path / "draft.txt"
    expected = Workspace(tmp_path).fix_text(path, SAMPLE.read_text(encoding="utf-8"))
    assert editor.texts[uri] == expected.text
    safe = [d for d in before if fix_of(d) == "safe"]
    assert len(safe) >= 3
    assert len(after) == len(before) - len(safe)
    assert {fix_of(d) for d in after} == {None, "unsafe"}


async def test_quick_fixes_are_not_offered_for_source_requests(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "draft.txt"
    diagnostics = await editor.open(path, "The mayor of Kiev spoke.\n")
    actions = await editor.actions(uri_of(path), diagnostics[0], only=["source.fixAll"])
    assert [a.kind for a in actions] == ["source.fixAll.copydesk"]


async def test_hover_explains_the_rule(editor: Editor, tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    await editor.open(path, "The mayor of Kiev spoke.\n")
    found = await editor.client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri_of(path)), types.Position(0, 14)
        )
    )
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    text = found.contents.value
    assert text.startswith("**names.Places** (warning): Use 'Kyiv' rather than 'Kiev'")
    assert "House spellings of Ukrainian places" in text
    assert "rules/names/Places.yml)" in text
    assert found.range == types.Range(types.Position(0, 13), types.Position(0, 17))
    nothing = await editor.client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri_of(path)), types.Position(0, 2)
        )
    )
    assert nothing is None
