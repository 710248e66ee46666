"""Attacks on the server that reach past the buffer: JSON nested without end
on the wire, a Word file opened as a text buffer, "accept in vocabulary" for
a document that lies (or leads, through a symlink) outside every workspace
folder, and a document that takes longer than ``file-timeout``."""

from __future__ import annotations

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
    codes = {d.code for d in found}
    # every word is a finding: more than are published
    assert codes == {
        "house.AllWords",
        "copydesk.file-timeout",
        "copydesk.more-findings",
    }
    [late] = [d for d in found if d.code == "copydesk.file-timeout"]
    assert late.severity == types.DiagnosticSeverity.Error
    assert "house.Names and after" in late.message
    small = await editor.open(tmp_path / "small.txt", "Officials in Kiev said so.\n")
    assert {d.code for d in small} == {"house.AllWords", "house.Names"}
