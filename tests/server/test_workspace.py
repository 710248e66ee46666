"""Configs, rule files and folders: reloads, bad files, several folders,
and a clean shutdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.server.editor import Editor, uri_of

pytestmark = pytest.mark.asyncio

DRAFT = "The mayor of Kiev spoke.\n"

RULE = """\
extends: existence
message: "'%s' is newsroom jargon."
level: error
tokens:
  - lede
"""


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def watched(
    path: Path, kind: types.FileChangeType
) -> types.DidChangeWatchedFilesParams:
    return types.DidChangeWatchedFilesParams([types.FileEvent(uri_of(path), kind)])


async def test_a_bad_config_is_one_diagnostic_and_the_server_lives_on(
    editor: Editor, tmp_path: Path
) -> None:
    config = tmp_path / ".copydesk.toml"
    config.write_text('pakcs = ["names"]\n')
    path = tmp_path / "draft.txt"
    uri = uri_of(path)
    diagnostics = await editor.open(path, DRAFT)
    # Asked for while initializing, so before the first diagnostics.
    assert [r.method for r in editor.registrations] == [
        types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    ]
    assert len(diagnostics) == 1
    error = diagnostics[0]
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.range.start == types.Position(0, 0)
    assert str(config) in error.message
    assert "'pakcs'" in error.message
    # Still serving: edits, code actions and hover all answer.
    assert len(await editor.replace_all(uri, "Kharkov.\n")) == 1
    assert await editor.actions(uri, error) == []
    # The file is fixed and the editor reports it: findings are back.
    config.write_text('packs = ["names"]\n')
    since = editor.mark()
    editor.client.workspace_did_change_watched_files(
        watched(config, types.FileChangeType.Changed)
    )
    after = await editor.diagnostics(uri, since)
    assert [d.message for d in after] == [
        "Use 'Kharkiv' rather than 'Kharkov' (house spelling)."
    ]


async def test_a_bad_rule_file_names_the_file_and_key(
    editor: Editor, tmp_path: Path
) -> None:
    (tmp_path / "styles" / "House").mkdir(parents=True)
    rule = tmp_path / "styles" / "House" / "Jargon.yml"
    rule.write_text(RULE.replace("tokens:", "tokenz:"))
    (tmp_path / ".copydesk.toml").write_text('rules-path = ["styles"]\n')
    path = tmp_path / "draft.txt"
    uri = uri_of(path)
    diagnostics = await editor.open(path, "A strong lede about Kiev.\n")
    assert len(diagnostics) == 1
    assert "Jargon.yml" in diagnostics[0].message
    assert "tokenz" in diagnostics[0].message
    rule.write_text(RULE)
    since = editor.mark()
    editor.client.workspace_did_change_watched_files(
        watched(rule, types.FileChangeType.Changed)
    )
    assert codes(await editor.diagnostics(uri, since)) == [
        "House.Jargon",
        "names.Places",
    ]


async def test_saving_a_config_reloads_it(
    client: LanguageClient, tmp_path: Path
) -> None:
    config = tmp_path / ".copydesk.toml"
    editor = Editor(client)
    await editor.start([tmp_path], watch=False)  # an editor that cannot watch files
    assert editor.registrations == []
    path = tmp_path / "draft.txt"
    uri = uri_of(path)
    assert codes(await editor.open(path, DRAFT)) == ["names.Places"]
    config.write_text('ignore = ["names"]\n')
    since = editor.mark()
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri_of(config)))
    )
    assert await editor.diagnostics(uri, since) == []


async def test_each_folder_has_its_own_config(
    client: LanguageClient, tmp_path: Path
) -> None:
    desk = tmp_path / "desk"
    wire = tmp_path / "desk" / "wire"  # a folder inside a folder: the deeper one wins
    wire.mkdir(parents=True)
    (desk / ".copydesk.toml").write_text('ignore = ["names"]\n')
    (wire / "pyproject.toml").write_text('[tool.copydesk]\npacks = ["names"]\n')
    editor = Editor(client)
    await editor.start([desk, wire])
    assert await editor.open(desk / "a.txt", DRAFT) == []
    assert codes(await editor.open(wire / "b.txt", DRAFT)) == ["names.Places"]
    outside = tmp_path / "elsewhere" / "c.txt"
    outside.parent.mkdir()
    assert codes(await editor.open(outside, DRAFT)) == ["names.Places"]


async def test_shutdown_then_exit_ends_the_server_with_0(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "draft.txt"
    await editor.open(path, DRAFT)
    # An edit still waiting for its debounce when shutdown arrives.
    editor.client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri_of(path), version=2),
            [types.TextDocumentContentChangeWholeDocument(text="Kharkov.\n")],
        )
    )
    await editor.client.shutdown_session()
    process = editor.client._server
    assert process is not None
    assert process.returncode == 0
