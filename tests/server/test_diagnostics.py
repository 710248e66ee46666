"""Diagnostics of unsaved buffers, end to end through a real LSP client."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from copydesk.api import Workspace
from tests.conftest import SAMPLE, needs_sample
from tests.server.editor import Editor, uri_of

pytestmark = pytest.mark.asyncio

ASTRAL = "Emoji 😀😀 first.\r\nThe 🎉 mayor of Kiev spoke.\r\n"


def at(diagnostic: types.Diagnostic) -> tuple[str, int, int, int, int]:
    r = diagnostic.range
    code = str(diagnostic.code)
    return code, r.start.line, r.start.character, r.end.line, r.end.character


@needs_sample
async def test_the_buffer_is_linted_not_the_file_on_disk(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "mt-news-draft.txt"
    path.write_text("Nothing to see here.\n")  # what is saved differs from the buffer
    text = SAMPLE.read_text(encoding="utf-8")
    diagnostics = await editor.open(path, text)
    expected = Workspace(tmp_path).lint_text(path, text)
    assert len(diagnostics) == len(expected) >= 12
    # The draft's lines hold only BMP characters: UTF-16 columns are code points.
    assert [at(d) for d in diagnostics] == [
        (f.rule, f.line - 1, f.col - 1, f.end_line - 1, f.end_col - 1) for f in expected
    ]
    kiev = next(d for d in diagnostics if d.code == "names.Places")
    assert kiev.source == "copydesk"
    assert kiev.severity == types.DiagnosticSeverity.Warning
    assert kiev.code_description is not None
    assert kiev.code_description.href.endswith("rules/names/Places.yml")
    assert isinstance(kiev.data, dict)
    assert kiev.data["fix"] == {
        "applicability": "safe",
        "edits": [
            {
                "start": kiev.data["start"],
                "end": kiev.data["end"],
                "replacement": "Kyiv",
            }
        ],
    }


async def test_ranges_count_utf16_units_across_crlf_and_emoji(
    client: LanguageClient, tmp_path: Path
) -> None:
    editor = Editor(client)
    result = await editor.start([tmp_path])
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    diagnostics = await editor.open(tmp_path / "draft.txt", ASTRAL)
    # "The 🎉 mayor of " is 15 code points and 16 UTF-16 units.
    assert [at(d) for d in diagnostics] == [("names.Places", 1, 16, 1, 20)]


@pytest.mark.parametrize(
    ("offered", "chosen", "column"),
    [(["utf-16", "utf-32"], "utf-32", 15), (["utf-16", "utf-8"], "utf-8", 18)],
)
async def test_a_wider_encoding_is_preferred_when_offered(
    client: LanguageClient, tmp_path: Path, offered: list[str], chosen: str, column: int
) -> None:
    editor = Editor(client)
    result = await editor.start([tmp_path], encodings=offered)
    assert result.capabilities.position_encoding == chosen
    diagnostics = await editor.open(tmp_path / "draft.txt", ASTRAL)
    assert [at(d) for d in diagnostics] == [("names.Places", 1, column, 1, column + 4)]


async def test_typing_before_an_emoji_keeps_ranges_exact(
    editor: Editor, tmp_path: Path
) -> None:
    uri = uri_of(tmp_path / "draft.txt")
    await editor.open(tmp_path / "draft.txt", ASTRAL)
    # Replace the second 😀 (UTF-16 columns 8-10 of line 0) with "Kharkov".
    span = types.Range(types.Position(0, 8), types.Position(0, 10))
    diagnostics = await editor.edit(uri, [types.TextEdit(span, "Kharkov")])
    assert [at(d) for d in diagnostics] == [
        ("names.Places", 0, 8, 0, 15),
        ("names.Places", 1, 16, 1, 20),
    ]


@needs_sample
async def test_every_edit_is_answered_with_its_own_findings(
    editor: Editor, tmp_path: Path
) -> None:
    """Eight edits in a row, each answered with the new version's diagnostics
    (one more house-style finding each time). How fast is the benchmark's
    question (bench/relint_latency.py), not a unit test's."""
    path = tmp_path / "draft.txt"
    uri = uri_of(path)
    baseline = len(await editor.open(path, SAMPLE.read_text(encoding="utf-8")))
    for n in range(8):
        # Each edit adds one house-style name at the top: one more finding.
        edit = types.TextEdit(
            types.Range(types.Position(0, 0), types.Position(0, 0)), "Kiev. "
        )
        diagnostics = await editor.edit(uri, [edit])
        assert len(diagnostics) == baseline + n + 1
        assert diagnostics[0].range.start == types.Position(0, 0)
        assert diagnostics[0].message.startswith("Use 'Kyiv'")


async def test_a_burst_of_edits_is_linted_once(editor: Editor, tmp_path: Path) -> None:
    """Changes that arrive within the debounce replace the pending lint: only
    the last version is linted and published."""
    path = tmp_path / "draft.txt"
    uri = uri_of(path)
    await editor.open(path, "Draft.\n")
    since = editor.mark()
    for version, text in [(2, "Kiev.\n"), (3, "Kiev, Kharkov.\n"), (4, "Odessa.\n")]:
        editor.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    last = await editor.diagnostics(uri, since, 4)
    assert [d.message for d in last] == [
        "Use 'Odesa' rather than 'Odessa' (house spelling)."
    ]
    assert [p.version for p in editor.client.published[since:]] == [4]


async def test_closing_a_buffer_clears_its_diagnostics(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "draft.txt"
    assert await editor.open(path, "Kiev.\n")
    since = editor.mark()
    editor.client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri_of(path)))
    )
    assert await editor.diagnostics(uri_of(path), since) == []
