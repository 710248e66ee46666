"""Editor actions at the wrong moment, through a real client: "accept in
vocabulary" and "disable here" while the config is half-written or a link
out of the workspace, and buffer notifications out of order.

Each is answered (an error message, an edit of the open document only, or
nothing) and the server goes on linting; no file outside the workspace, and
no config it cannot read, is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.server.editor import Editor, uri_of
from tests.server.test_hostile_requests import still_serving
from tests.server.test_workspace import watched

pytestmark = pytest.mark.asyncio

DRAFT = "The mayor of Kiev spoke.\n"
CONFIG = 'packs = ["names"]\n'
ACCEPT = "copydesk.acceptInVocabulary"


def titles(actions: list[types.CodeAction]) -> list[str]:
    return [a.title for a in actions]


async def accept(editor: Editor, uri: str, term: str) -> None:
    await editor.client.workspace_execute_command_async(
        types.ExecuteCommandParams(ACCEPT, [uri, term])
    )


async def test_accept_and_disable_while_the_config_is_half_written(
    editor: Editor, client: LanguageClient, tmp_path: Path
) -> None:
    config = tmp_path / ".copydesk.toml"
    config.write_text(CONFIG)
    path = tmp_path / "a.txt"
    uri = uri_of(path)
    [kiev] = await editor.open(path, DRAFT)
    half = '[vocab]\naccept = ["Ki'
    config.write_text(half)
    since = editor.mark()
    editor.client.workspace_did_change_watched_files(
        watched(config, types.FileChangeType.Changed)
    )
    assert [d.code for d in await editor.diagnostics(uri, since)] == [
        "copydesk.config-error"
    ]
    # The stale finding's actions are asked for, as an editor would: none
    # is offered, the findings went with the config.
    assert await editor.actions(uri, kiev) == []
    await accept(editor, uri, "Kiev")
    [refusal] = [m.message for m in client.messages]
    assert refusal.startswith("copydesk could not accept 'Kiev'")
    assert config.read_text() == half  # left as the user's editor wrote it
    config.write_text(CONFIG)
    editor.client.workspace_did_change_watched_files(
        watched(config, types.FileChangeType.Changed)
    )
    await still_serving(editor, uri)


async def test_disable_here_with_a_config_linked_out_of_the_workspace(
    client: LanguageClient, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.toml"
    outside.write_text(CONFIG)
    project = tmp_path / "project"
    project.mkdir()
    (project / ".copydesk.toml").symlink_to(outside)
    editor = Editor(client)
    await editor.start([project])
    path = project / "a.txt"
    uri = uri_of(path)
    [kiev] = await editor.open(path, DRAFT)
    actions = await editor.actions(uri, kiev)
    assert "Disable names.Places for this line" in titles(actions)
    disable = next(a for a in actions if a.title.startswith("Disable names.Places"))
    assert disable.edit is not None
    assert set(disable.edit.changes or {}) == {uri}
    assert await editor.apply(uri, disable) == []
    await accept(editor, uri, "Kharkov")
    [refusal] = [m.message for m in client.messages]
    assert "elsewhere.toml" in refusal
    assert outside.read_text() == CONFIG
    assert sorted(p.name for p in project.iterdir()) == [".copydesk.toml"]


async def test_notifications_out_of_order_are_survived(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    uri = uri_of(path)
    stranger = uri_of(tmp_path / "never-opened.txt")
    client = editor.client
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(stranger))
    )
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(stranger))
    )
    for version in range(2, 1_002):  # a burst of changes to a closed buffer
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=stranger, version=version),
                [types.TextDocumentContentChangeWholeDocument("Kiev.\n")],
            )
        )
    await editor.open(path, DRAFT)
    # Opened again without a close: the new text is the buffer.
    since = editor.mark()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri, "plaintext", 1, "Kharkov and Kiev.\n")
        )
    )
    found = await editor.diagnostics(uri, since)
    assert [(d.code, d.range.start.character) for d in found] == [
        ("names.Places", 0),
        ("names.Places", 12),
    ]
    editor.texts[uri] = "Kharkov and Kiev.\n"
    # A change whose version goes backwards is still applied in order.
    editor.versions[uri] = 0
    found = await editor.replace_all(uri, DRAFT)
    assert [d.code for d in found] == ["names.Places"]
    editor.versions[uri] = 5
    await still_serving(editor, uri)
