"""A scripted editor for end-to-end tests: a pytest-lsp client plus the
bookkeeping a real editor does (versions, applying edits, waiting for the
diagnostics of a given buffer version).

Edits are applied here with UTF-16 arithmetic written independently of
``copydesk.server.positions``, so a conversion bug in the server cannot hide
behind the same bug in the test.
"""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path
from typing import Union

from cattrs import Converter
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features


def _converter() -> Converter:
    """pygls's converter, reading a code action that carries a command as a
    CodeAction: lsprotocol takes any object with a ``command`` key for a bare
    Command, although a CodeAction's ``command`` is an object, not a string."""
    converter: Converter = default_converter()  # type: ignore[no-untyped-call]

    def action_or_command(
        value: dict[str, object], _: object
    ) -> types.Command | types.CodeAction:
        if isinstance(value.get("command"), str):
            return converter.structure(value, types.Command)
        return converter.structure(value, types.CodeAction)

    converter.register_structure_hook(
        Union[types.Command, types.CodeAction],  # noqa: UP007 - the hook's key
        action_or_command,
    )
    return converter


class RecordingClient(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics in order (with
    its version), so a test never misses one that arrived early."""

    def __init__(self) -> None:
        super().__init__(converter_factory=_converter)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.arrived = asyncio.Event()


def _record(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)
    client.arrived.set()


def make_client() -> RecordingClient:
    client = RecordingClient()
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record
    register_lsp_features(client, features)
    return client


SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "copydesk.server"],
    client_factory=make_client,
)


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()


def utf16_offset(text: str, line: int, character: int) -> int:
    """Code-point offset of an LSP position counted in UTF-16 units."""
    pieces = re.split(r"(\r\n|\r|\n)", text)
    lines = pieces[0::2]
    offset = sum(len(p) for p in pieces[: 2 * line])
    units = lines[line].encode("utf-16-le")[: 2 * character]
    return offset + len(units.decode("utf-16-le"))


def apply_text_edits(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with LSP edits (UTF-16 ranges into the original) applied."""
    spans = []
    for edit in edits:
        start = utf16_offset(text, edit.range.start.line, edit.range.start.character)
        end = utf16_offset(text, edit.range.end.line, edit.range.end.character)
        spans.append((start, end, edit.new_text))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_of(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    """The text edits a workspace edit makes to ``uri`` (either shape)."""
    if edit.changes is not None:
        return list(edit.changes.get(uri, []))
    found: list[types.TextEdit] = []
    for change in edit.document_changes or []:
        assert isinstance(change, types.TextDocumentEdit)
        if change.text_document.uri == uri:
            found.extend(e for e in change.edits if isinstance(e, types.TextEdit))
    return found


class Editor:
    """Drives one server through a pytest-lsp client, as an editor would."""

    def __init__(self, client: LanguageClient) -> None:
        assert isinstance(client, RecordingClient)
        self.client = client
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.registrations: list[types.Registration] = []

        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

        client.feature(types.CLIENT_REGISTER_CAPABILITY)(register)

    async def start(
        self,
        folders: list[Path],
        *,
        encodings: list[str] | None = None,
        watch: bool = True,
        document_changes: bool = False,
    ) -> types.InitializeResult:
        general = None
        if encodings is not None:
            general = types.GeneralClientCapabilities(
                position_encodings=[types.PositionEncodingKind(e) for e in encodings]
            )
        capabilities = types.ClientCapabilities(
            general=general,
            workspace=types.WorkspaceClientCapabilities(
                workspace_folders=True,
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=watch
                ),
                workspace_edit=types.WorkspaceEditClientCapabilities(
                    document_changes=document_changes
                ),
            ),
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                    version_support=True
                ),
                code_action=types.CodeActionClientCapabilities(
                    code_action_literal_support=types.ClientCodeActionLiteralOptions(
                        code_action_kind=types.ClientCodeActionKindOptions(
                            value_set=[
                                types.CodeActionKind.QuickFix,
                                types.CodeActionKind.SourceFixAll,
                            ]
                        )
                    ),
                    is_preferred_support=True,
                    data_support=True,
                ),
                hover=types.HoverClientCapabilities(
                    content_format=[types.MarkupKind.Markdown]
                ),
            ),
        )
        return await self.client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities,
                root_uri=uri_of(folders[0]) if folders else None,
                workspace_folders=[
                    types.WorkspaceFolder(uri_of(f), f.name) for f in folders
                ],
            )
        )

    def mark(self) -> int:
        """A point in the stream of published diagnostics to wait from."""
        return len(self.client.published)

    async def diagnostics(
        self, uri: str, since: int, version: int | None = None, timeout: float = 10
    ) -> list[types.Diagnostic]:
        """The first diagnostics of ``uri`` published after ``since`` (for
        ``version``, if given); waits up to ``timeout`` seconds for them."""
        async with asyncio.timeout(timeout):
            while True:
                for params in self.client.published[since:]:
                    if params.uri == uri and version in (None, params.version):
                        return list(params.diagnostics)
                self.client.arrived.clear()
                await self.client.arrived.wait()

    async def open(
        self, path: Path, text: str, language_id: str = "plaintext", timeout: float = 10
    ) -> list[types.Diagnostic]:
        """Open ``text`` as the (unsaved) buffer of ``path``; its diagnostics."""
        uri = uri_of(path)
        self.texts[uri], self.versions[uri] = text, 1
        since = self.mark()
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri, language_id, 1, text)
            )
        )
        return await self.diagnostics(uri, since, 1, timeout)

    async def edit(
        self, uri: str, edits: list[types.TextEdit]
    ) -> list[types.Diagnostic]:
        """Apply ``edits`` to the buffer, send them incrementally, and wait
        for the diagnostics of the new version."""
        text = self.texts[uri]
        # Sent last-first, so each range is still valid in the text so far.
        ordered = sorted(
            edits, key=lambda e: (e.range.start.line, e.range.start.character)
        )
        changes: list[types.TextDocumentContentChangeEvent] = [
            types.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
            for e in reversed(ordered)
        ]
        self.texts[uri] = apply_text_edits(text, edits)
        return await self.send(uri, changes)

    async def replace_all(self, uri: str, text: str) -> list[types.Diagnostic]:
        self.texts[uri] = text
        return await self.send(
            uri, [types.TextDocumentContentChangeWholeDocument(text=text)]
        )

    async def send(
        self, uri: str, changes: list[types.TextDocumentContentChangeEvent]
    ) -> list[types.Diagnostic]:
        self.versions[uri] += 1
        version = self.versions[uri]
        since = self.mark()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version), changes
            )
        )
        return await self.diagnostics(uri, since, version)

    async def actions(
        self,
        uri: str,
        diagnostic: types.Diagnostic | None = None,
        only: list[str] | None = None,
        at: types.Range | None = None,
    ) -> list[types.CodeAction]:
        span = at or (diagnostic.range if diagnostic else None)
        assert span is not None
        result = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri),
                span,
                types.CodeActionContext(
                    diagnostics=[diagnostic] if diagnostic else [], only=only
                ),
            )
        )
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    async def apply(self, uri: str, action: types.CodeAction) -> list[types.Diagnostic]:
        assert action.edit is not None
        return await self.edit(uri, edits_of(action.edit, uri))
