"""A 10 MB buffer or a burst of 1,000 changes neither hangs the server nor
grows its memory without bound; a page with thousands of findings publishes
a bounded number of diagnostics."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types

from copydesk.server.linting import MAX_BUFFER, MAX_DIAGNOSTICS
from tests.server.editor import Editor, uri_of

pytestmark = pytest.mark.asyncio

PARAGRAPH = "Officials in Kiev said on Monday that the talks would resume.\n\n"


def server_rss(editor: Editor) -> int:
    """The server process's resident memory, in bytes (Linux)."""
    server = editor.client._server  # pytest-lsp keeps the process here
    assert server is not None
    status = Path(f"/proc/{server.pid}/status").read_text(encoding="utf-8")
    line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) * 1024


async def published(
    editor: Editor, uri: str, version: int, seconds: float
) -> list[types.Diagnostic]:
    """The diagnostics of ``version`` of ``uri``, waiting up to ``seconds``."""
    async with asyncio.timeout(seconds):
        while True:
            for params in reversed(editor.client.published):
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            editor.client.arrived.clear()
            await editor.client.arrived.wait()


async def test_a_10_mb_buffer_and_1000_changes_to_it(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "archive.txt"
    uri = uri_of(path)
    count = 10_000_000 // len(PARAGRAPH)
    opened = await editor.open(path, PARAGRAPH * count)
    assert [(d.code, d.severity) for d in opened] == [
        ("copydesk.too-large", types.DiagnosticSeverity.Information)
    ]
    assert f"{count * len(PARAGRAPH):,} characters" in opened[0].message
    before = server_rss(editor)
    middle = count // 2 * 2 + 1  # a blank line halfway down
    for i in range(1_000):
        at = types.Position(middle, i)
        editor.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=i + 2),
                [
                    types.TextDocumentContentChangePartial(
                        range=types.Range(at, at), text="x"
                    )
                ],
            )
        )
    last = await published(editor, uri, 1_001, 120)
    assert [d.code for d in last] == ["copydesk.too-large"]
    # A few copies of a 10 MB text at most, whatever the number of changes.
    assert server_rss(editor) - before < 200 * 1024 * 1024
    editor.versions[uri] = 1_001
    after = await editor.replace_all(uri, "Kharkov.\n")
    assert [d.code for d in after] == ["names.Places"]


async def test_thousands_of_findings_publish_a_bounded_list(
    editor: Editor, tmp_path: Path
) -> None:
    assert len(PARAGRAPH) * 3_000 < MAX_BUFFER
    found = await editor.open(tmp_path / "long.txt", PARAGRAPH * 3_000)
    assert len(found) == MAX_DIAGNOSTICS + 1
    assert {d.code for d in found[:-1]} == {"names.Places"}
    assert found[-1].message == (
        "copydesk shows the first 1,000 of 3,000 findings; 2,000 more are not"
        " shown: run copydesk check on it"
    )
