"""Attacks on the server that reach past the buffer: JSON nested without end
on the wire, a Word file opened as a text buffer, "accept in vocabulary" for
a document that lies (or leads, through a symlink) outside every workspace
folder, and a document that takes longer than ``file-timeout``. And edges of
the protocol: positions below zero in a change (LSP's positions are
unsigned: the message cannot be read and is dropped), a buffer that is one
line of 100,000 characters, documents whose URI is not a file of the
workspace (``untitled:``, a web address, a path climbing with ``..``)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.server.editor import Editor, uri_of
from tests.server.test_hostile_requests import DRAFT, framed, raw, still_serving

pytestmark = pytest.mark.asyncio


async def test_json_nested_without_end_is_survived(
    editor: Editor, tmp_path: Path
) -> None:
    uri = uri_of(tmp_path / "a.txt")
    await editor.open(tmp_path / "a.txt", DRAFT)
    deep = b'{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": '
    raw(editor, framed(deep + b"[" * 200_000 + b"]" * 200_000 + b"}"))
    raw(editor, b"Content-Length: -5\r\n\r\n")
    raw(editor, b"Content-Length: lots\r\n\r\n")
    await still_serving(editor, uri)


ACCEPT = "copydesk.acceptInVocabulary"


async def accept(editor: Editor, uri: str, term: str) -> None:
    await editor.client.workspace_execute_command_async(
        types.ExecuteCommandParams(ACCEPT, [uri, term])
    )


@pytest.mark.asyncio
async def test_accept_never_writes_beside_a_document_outside_the_workspace(
    client: LanguageClient, tmp_path: Path
) -> None:
    """No config applies, so accepting would create one beside the document:
    a document outside every folder, or linked into one from outside, is
    refused and nothing is written outside the workspace folder."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (outside / "real.txt").write_text("The mayor of Kiev spoke.\n")
    (project / "linked.txt").symlink_to(outside / "real.txt")
    editor = Editor(client)
    await editor.start([project])
    for path in (outside / "stray.txt", project / "linked.txt"):
        uri = path.absolute().as_uri()  # as the editor names it: the link
        editor.texts[uri], editor.versions[uri] = "", 1
        since = editor.mark()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri, "plaintext", 1, "Kiev.\n")
            )
        )
        await editor.diagnostics(uri, since, 1)
        await accept(editor, uri, "Kiev")
    reasons = [m.message for m in client.messages]
    assert len(reasons) == 2, reasons
    for reason in reasons:
        assert "outside every workspace folder" in reason, reason
    assert sorted(p.name for p in outside.iterdir()) == ["real.txt"]
    assert sorted(p.name for p in project.iterdir()) == ["linked.txt"]


async def test_a_word_file_opened_as_text_is_not_linted_or_edited(
    editor: Editor, tmp_path: Path
) -> None:
    """An editor that opens a .docx as text holds the zip's bytes, not its
    paragraphs: a fix to that text would corrupt the file when it is saved."""
    path = tmp_path / "draft.docx"
    text = "PK\x03\x04\x14\x00word/document.xml Officials in Kiev said teh.\n"
    [only] = await editor.open(path, text)
    assert only.code == "copydesk.not-a-buffer"
    assert only.severity == types.DiagnosticSeverity.Information
    assert "copydesk check" in only.message
    uri = uri_of(path)
    whole = types.Range(types.Position(0, 0), types.Position(1, 0))
    assert await editor.actions(uri, at=whole) == []


EVERY_WORD = (
    "extends: existence\nmessage: \"'%s'\"\nlevel: suggestion\nnonword: true\n"
    "tokens:\n  - '[A-Za-z]+'\n"
)
NAMES = "extends: existence\nmessage: \"'%s'\"\nlevel: warning\ntokens: [Kiev]\n"


async def test_a_buffer_over_the_file_timeout_is_one_error_and_the_next_is_linted(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "AllWords.yml").write_text(EVERY_WORD)
    (tmp_path / "house" / "Names.yml").write_text(NAMES)
    (tmp_path / ".copydesk.toml").write_text(
        'rules-path = ["house"]\nselect = ["house"]\nfile-timeout = 0.2\n'
    )
    editor = Editor(client)
    await editor.start([tmp_path])
    slow = "Officials in Kiev said on Monday that the talks would resume.\n\n"
    found = await editor.open(tmp_path / "slow.txt", slow * 6_000)
    # The rule flagging every word is cut short inside: its findings go.
    assert {d.code for d in found} == {"copydesk.file-timeout"}
    [late] = [d for d in found if d.code == "copydesk.file-timeout"]
    assert late.severity == types.DiagnosticSeverity.Error
    assert "house.AllWords and after" in late.message
    small = await editor.open(tmp_path / "small.txt", "Officials in Kiev said so.\n")
    assert {d.code for d in small} == {"house.AllWords", "house.Names"}


async def test_a_change_at_negative_positions_is_dropped(
    editor: Editor, tmp_path: Path
) -> None:
    uri = uri_of(tmp_path / "a.txt")
    await editor.open(tmp_path / "a.txt", DRAFT)
    below = {"line": -1, "character": -5}
    change = {
        "textDocument": {"uri": uri, "version": 7},
        "contentChanges": [
            {"range": {"start": below, "end": below}, "text": "Kharkov. "}
        ],
    }
    raw(
        editor,
        framed(
            {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": change}
        ),
    )
    end = types.Position(1, 0)
    found = await editor.edit(
        uri, [types.TextEdit(types.Range(end, end), "Odesa, Kharkov.\n")]
    )
    # Kiev and the Kharkov added at the end: the one at "-1:-5" never landed
    assert [d.range.start.line for d in found] == [0, 1]
    await still_serving(editor, uri)


async def test_one_line_of_100000_characters_is_linted_in_bounded_time(
    editor: Editor, tmp_path: Path
) -> None:
    words = ["Officials", "in", "Kiev", "said", "that", "that", "the", "talks"]
    pick = random.Random(23)
    line = " ".join(pick.choice(words) for _ in range(20_000))[:100_000] + "\n"
    began = time.monotonic()
    found = await editor.open(tmp_path / "long.txt", line, timeout=120)
    assert time.monotonic() - began < 120
    assert {d.code for d in found} >= {"names.Places"}
    await editor.open(tmp_path / "a.txt", DRAFT)
    await still_serving(editor, uri_of(tmp_path / "a.txt"))


@pytest.mark.parametrize(
    "uri",
    ["untitled:Untitled-1", "https://example.com/a.txt", "file:///../../etc/passwd"],
)
async def test_documents_that_are_not_workspace_files_are_linted_as_buffers(
    editor: Editor, tmp_path: Path, uri: str
) -> None:
    since = editor.mark()
    editor.texts[uri], editor.versions[uri] = DRAFT, 1
    editor.client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri, "plaintext", 1, DRAFT)
        )
    )
    found = await editor.diagnostics(uri, since, 1)
    assert [d.code for d in found] == ["names.Places"]
    assert sorted(p.name for p in tmp_path.iterdir()) == []
