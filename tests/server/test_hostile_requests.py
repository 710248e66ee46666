"""A hostile or broken client never takes the server down.

Malformed messages, requests with wrong parameters, changes with ranges that
do not exist, commands with odd arguments and half-written configs each get
an error reply (or are ignored, for notifications), and the server goes on:
after each, a hover on an open buffer is answered and a change is linted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from tests.server.editor import Editor, uri_of
from tests.server.test_workspace import watched

pytestmark = pytest.mark.asyncio

DRAFT = "Officials in Kiev said so.\n"
CHANGED = types.FileChangeType.Changed


async def still_serving(editor: Editor, uri: str) -> None:
    """The server answers a request and lints a change after whatever came."""
    hover = await editor.client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 14))
    )
    assert hover is not None
    found = await editor.replace_all(uri, DRAFT + "Kharkov too.\n")
    assert [d.code for d in found] == ["names.Places", "names.Places"]


def raw(editor: Editor, body: bytes) -> None:
    """Bytes straight onto the server's stdin, framed (or not) as given."""
    writer = editor.client.protocol.writer
    assert writer is not None
    writer.write(body)


def framed(payload: Any) -> bytes:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


async def test_garbage_on_the_wire_is_survived(editor: Editor, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.txt")
    await editor.open(tmp_path / "a.txt", DRAFT)
    raw(editor, framed(b"{not json"))
    raw(editor, framed(b'"a string, not a message"'))
    raw(editor, framed({"jsonrpc": "2.0", "method": "textDocument/didChange"}))
    raw(editor, framed({"jsonrpc": "2.0", "id": 99, "method": "no/suchMethod"}))
    raw(editor, framed({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                        "params": {"textDocument": {"uri": 5}}}))  # fmt: skip
    await still_serving(editor, uri)


ACCEPT = "copydesk.acceptInVocabulary"
#: Requests a careless or hostile client might send: parameters missing, of
#: the wrong type or out of range, commands with the wrong arguments.
BAD_REQUESTS: list[tuple[str, dict[str, Any]]] = [
    ("textDocument/hover", {"textDocument": {"uri": "URI"}}),
    (
        "textDocument/hover",
        {
            "textDocument": {"uri": "URI"},
            "position": {"line": -5, "character": 10**12},
        },
    ),
    ("textDocument/codeAction", {"textDocument": {"uri": "URI"}, "range": 7}),
    ("workspace/executeCommand", {"command": ACCEPT}),
    ("workspace/executeCommand", {"command": ACCEPT, "arguments": [1, 2, 3]}),
    ("workspace/executeCommand", {"command": ACCEPT, "arguments": ["URI", {}]}),
    ("workspace/executeCommand", {"command": "copydesk.nope"}),
]


async def test_requests_with_wrong_params_get_error_replies(
    editor: Editor, tmp_path: Path
) -> None:
    uri = uri_of(tmp_path / "a.txt")
    await editor.open(tmp_path / "a.txt", DRAFT)
    for number, (method, params) in enumerate(BAD_REQUESTS, start=9000):
        request = {"jsonrpc": "2.0", "id": number, "method": method, "params": params}
        body = json.dumps(request)
        raw(editor, framed(body.replace('"URI"', json.dumps(uri)).encode()))
    await still_serving(editor, uri)


async def test_changes_with_impossible_ranges_are_clamped(
    editor: Editor, tmp_path: Path
) -> None:
    uri = uri_of(tmp_path / "a.txt")
    await editor.open(tmp_path / "a.txt", DRAFT)
    far = types.Range(types.Position(900, 900), types.Position(5, 0))
    found = await editor.send(
        uri, [types.TextDocumentContentChangePartial(range=far, text="Kharkov.")]
    )
    assert [d.code for d in found] == ["names.Places", "names.Places"]
    # a change for a buffer that was never opened is ignored
    editor.client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(
                uri=uri_of(tmp_path / "b.txt"), version=2
            ),
            [types.TextDocumentContentChangeWholeDocument("Kiev")],
        )
    )
    await still_serving(editor, uri)


#: A config caught half-written by the watcher, in the states a save passes
#: through: truncated mid-string, mid-table, empty, binary garbage.
HALF_WRITTEN = (
    '[vocab]\naccept = ["Ki',
    "[voc",
    "",
    "\x00\xff\xfe garbage",
    'packs = ["names"]\nseverity = {',
)


async def test_a_half_written_config_never_stops_the_server(
    editor: Editor, tmp_path: Path
) -> None:
    config = tmp_path / ".copydesk.toml"
    config.write_text('packs = ["names"]\n')
    path = tmp_path / "a.txt"
    uri = uri_of(path)
    await editor.open(path, DRAFT)
    for state in HALF_WRITTEN:
        config.write_bytes(state.encode("utf-8", "surrogateescape"))
        since = editor.mark()
        editor.client.workspace_did_change_watched_files(watched(config, CHANGED))
        found = await editor.diagnostics(uri, since)
        assert [d.code for d in found] in (
            ["copydesk.config-error"],
            ["names.Places"],  # the empty file is a valid config
        ), state
    config.write_text('packs = ["names"]\n')
    editor.client.workspace_did_change_watched_files(watched(config, CHANGED))
    await still_serving(editor, uri)
