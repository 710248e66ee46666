"""The language server: LSP messages in, lints of the editor's buffers out.

This module only wires pygls to the pieces beside it: ``documents`` (the
buffers), ``folders`` (one ``api.Workspace`` per workspace folder),
``linting`` (findings to diagnostics), ``actions``, ``hover``, ``vocab_edit``
and ``watch``. Everything runs on pygls's event loop: a lint of a news
article takes milliseconds, and one thread means no lock and no lint of a
buffer that has already changed.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import from_fs_path, to_fs_path

from copydesk import __version__
from copydesk.errors import CopydeskError
from copydesk.model import Finding
from copydesk.server import actions, negotiate, watch
from copydesk.server.debounce import Debouncer
from copydesk.server.diagnostics import lsp_range, to_diagnostic
from copydesk.server.documents import Change, DocumentStore, OpenDocument
from copydesk.server.folders import Folders
from copydesk.server.hover import hover
from copydesk.server.linting import lint_document, rule_link
from copydesk.server.positions import Encoding
from copydesk.server.vocab_edit import accept_term

log = logging.getLogger(__name__)

#: Quiet time after a keystroke before the buffer is linted again (seconds).
DEBOUNCE = 0.025

#: File names for buffers with no file behind them (``untitled:``), by the
#: editor's language id, so they are read in the right format.
_UNTITLED = {"markdown": ".md", "html": ".html", "restructuredtext": ".rst"}

#: Why "accept in vocabulary" refuses a document no workspace folder holds.
OUTSIDE_FOLDERS = (
    "the document is outside every workspace folder (or a symlink leading out"
    " of one): copydesk edits only a workspace's own config; add the term to"
    " vocab.accept by hand"
)


class CopydeskProtocol(LanguageServerProtocol):
    """pygls's protocol, choosing the position encoding copydesk prefers, and
    leaving the buffers to ``documents``: pygls would keep a second copy of
    each and re-split it into lines on every change (a minute for a burst of
    a thousand keystrokes in a 10 MB buffer)."""

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(
        self, params: types.InitializeParams
    ) -> Generator[Any, Any, types.InitializeResult]:
        negotiate.put_first(params.capabilities, negotiate.choose(params.capabilities))
        return (yield from super().lsp_initialize(params))

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(
        self, params: types.DidOpenTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._to_handler(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._to_handler(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(
        self, params: types.DidCloseTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._to_handler(types.TEXT_DOCUMENT_DID_CLOSE, params)

    def _to_handler(self, method: str, params: object) -> Generator[Any, Any, None]:
        """Straight to copydesk's handler, as pygls does after its own copy."""
        handler = self.fm.features.get(method)
        if handler is not None:
            yield handler, (params,), None


class CopydeskServer(LanguageServer):
    """State of one editor session: open buffers, folders, pending lints."""

    def __init__(self) -> None:
        super().__init__(
            "copydesk",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=CopydeskProtocol,
        )
        self.documents = DocumentStore()
        self.folders = Folders()
        self.pending = Debouncer()
        self.encoding: Encoding = "utf-16"
        #: ``shutdown`` was received: the exit code after ``exit`` is 0.
        self.shut_down = False
        self._register()

    def _register(self) -> None:
        features: list[tuple[str, Any, Any]] = [
            (types.INITIALIZE, self.on_initialize, None),
            (types.INITIALIZED, self.on_initialized, None),
            (types.SHUTDOWN, self.on_shutdown, None),
            (types.TEXT_DOCUMENT_DID_OPEN, self.on_open, None),
            (types.TEXT_DOCUMENT_DID_CHANGE, self.on_change, None),
            (types.TEXT_DOCUMENT_DID_SAVE, self.on_save, None),
            (types.TEXT_DOCUMENT_DID_CLOSE, self.on_close, None),
            (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, self.on_watched_files, None),
            (
                types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS,
                self.on_folders_changed,
                None,
            ),
            (types.TEXT_DOCUMENT_HOVER, self.on_hover, None),
            (
                types.TEXT_DOCUMENT_CODE_ACTION,
                self.on_code_action,
                types.CodeActionOptions(
                    code_action_kinds=list(actions.KINDS), resolve_provider=False
                ),
            ),
        ]
        for method, handler, options in features:
            self.feature(method, options)(_plain(handler))
        self.command(actions.ACCEPT_COMMAND)(_plain(self.accept_in_vocabulary))

    # --- session ------------------------------------------------------------

    def on_initialize(self, params: types.InitializeParams) -> None:
        self.encoding = negotiate.choose(params.capabilities)
        self.folders.set_roots(self._folder_paths(params))

    def _folder_paths(self, params: types.InitializeParams | None = None) -> list[Path]:
        uris = [f.uri for f in self.workspace.folders.values()]
        if not uris and params is not None and params.root_uri:
            uris = [params.root_uri]
        if not uris and self.workspace.root_uri:
            uris = [self.workspace.root_uri]
        paths = (to_fs_path(uri) for uri in uris if uri.startswith("file:"))
        return [Path(p) for p in paths if p]

    async def on_initialized(self, _params: types.InitializedParams) -> None:
        if not watch.client_can_watch(self.client_capabilities):
            return
        try:
            await self.client_register_capability_async(watch.registration())
        except Exception:  # a client may refuse; saving a config still reloads
            log.warning("the client did not accept file watching", exc_info=True)

    def on_shutdown(self, _params: None) -> None:
        self.shut_down = True
        self.pending.cancel_all()

    def on_folders_changed(
        self, _params: types.DidChangeWorkspaceFoldersParams
    ) -> None:
        self.folders.set_roots(self._folder_paths())
        self.relint_all()

    # --- buffers ------------------------------------------------------------

    def _path_of(self, uri: str, language_id: str) -> Path:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return Path(path)
        roots = self.folders.roots
        folder = roots[-1] if roots else Path.cwd()
        return folder / f"untitled{_UNTITLED.get(language_id, '.txt')}"

    def on_open(self, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = self._path_of(item.uri, item.language_id)
        doc = self.documents.open(item.uri, path, item.version, item.text)
        self.lint(doc)

    def on_change(self, params: types.DidChangeTextDocumentParams) -> None:
        doc = self.documents.get(params.text_document.uri)
        if doc is None:
            return
        changes = [_change(c) for c in params.content_changes]
        doc.apply(changes, self.encoding)
        doc.version = params.text_document.version
        self.pending.schedule(doc.uri, DEBOUNCE, lambda: self.lint(doc))

    def on_save(self, params: types.DidSaveTextDocumentParams) -> None:
        doc = self.documents.get(params.text_document.uri)
        path = Path(to_fs_path(params.text_document.uri) or "")
        if watch.affects_settings(path):
            self.reload()
        elif doc is not None:
            self.lint(doc)

    def on_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.pending.cancel(uri)
        if self.documents.close(uri) is not None:
            self.publish(uri, [], None)
        self.folders.release_unused(d.path for d in self.documents)

    def on_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        paths = (to_fs_path(change.uri) for change in params.changes)
        if any(p and watch.affects_settings(Path(p)) for p in paths):
            self.reload()

    # --- linting ------------------------------------------------------------

    def lint(self, doc: OpenDocument) -> None:
        """Lint ``doc`` now and publish (a pending debounced lint is dropped)."""
        self.pending.cancel(doc.uri)
        if self.documents.get(doc.uri) is not doc:
            return  # closed meanwhile
        workspace = self.folders.workspace_for(doc.path)
        diagnostics = lint_document(doc, workspace, self.encoding)
        self.publish(doc.uri, diagnostics, doc.version)

    def publish(
        self, uri: str, diagnostics: list[types.Diagnostic], version: int | None
    ) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, diagnostics, version)
        )

    def relint_all(self) -> None:
        for doc in self.documents:
            self.lint(doc)

    def reload(self) -> None:
        """A config or rule file changed: forget them all, lint every buffer."""
        self.folders.reload_all()
        self.relint_all()

    # --- actions and hover --------------------------------------------------

    def _diagnostic(self, doc: OpenDocument, finding: Finding) -> types.Diagnostic:
        workspace = self.folders.workspace_for(doc.path)
        return to_diagnostic(
            finding,
            doc.positions,
            self.encoding,
            doc.version,
            lambda rule: rule_link(workspace, doc, rule),
        )

    def _document_changes(self) -> bool:
        workspace = self.client_capabilities.workspace
        edit = workspace.workspace_edit if workspace is not None else None
        return bool(edit is not None and edit.document_changes)

    def on_code_action(
        self, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        doc = self.documents.get(params.text_document.uri)
        if doc is None:
            return None
        workspace = self.folders.workspace_for(doc.path)
        try:
            fmt = workspace.settings_for(doc.path).format
        except CopydeskError:
            return None
        context = actions.ActionContext(
            doc,
            fmt,
            self.encoding,
            self._document_changes(),
            lambda finding: self._diagnostic(doc, finding),
        )
        only = params.context.only
        found: list[types.CodeAction] = []
        if actions.wanted(only, types.CodeActionKind.QuickFix):
            for finding in actions.findings_in(
                doc,
                params.range.start,
                params.range.end,
                params.context.diagnostics,
                self.encoding,
            ):
                found.extend(actions.quick_fixes(context, finding))
        if actions.wanted(only, actions.FIX_ALL) and any(
            f.fix is not None and f.fix.is_safe for f in doc.current_findings()
        ):
            try:
                fixed = workspace.fix_text(doc.path, doc.text).text
            except CopydeskError:
                fixed = doc.text
            fix_all = actions.fix_all_action(context, fixed)
            if fix_all is not None:
                found.append(fix_all)
        return found

    def on_hover(self, params: types.HoverParams) -> types.Hover | None:
        doc = self.documents.get(params.text_document.uri)
        if doc is None:
            return None
        workspace = self.folders.workspace_for(doc.path)
        position = params.position
        offset = doc.positions.offset(position.line, position.character, self.encoding)

        def meta_of(rule: str) -> Any:
            try:
                return workspace.rule_meta(rule, doc.path)
            except CopydeskError:
                return None

        return hover(
            doc.current_findings(),
            offset,
            meta_of,
            lambda f: lsp_range(doc.positions, f.start, f.end, self.encoding),
        )

    def accept_in_vocabulary(self, uri: str, term: str) -> None:
        """Add ``term`` to the vocabulary of the config that applies to the
        open document ``uri``. The arguments come from the client: pygls
        answers wrong types with an error, and anything else (a document not
        open, a term that is not one line of text, a config outside the
        workspace folder, a document outside every workspace folder or
        linked into one from outside) is refused with a message."""
        doc = self.documents.get(uri)
        if doc is None:
            self._cannot_accept(term, "the document is not open in the editor")
            return
        if not actions.is_term(term):
            self._cannot_accept(term, "not a word or phrase on one line")
            return
        root = self.folders.folder_of(doc.path)
        if root is None:
            # With no config, the new one would go beside the document.
            self._cannot_accept(term, OUTSIDE_FOLDERS)
            return
        workspace = self.folders.workspace_for(doc.path)
        try:
            config = workspace.settings_for(doc.path).config_path
            written = accept_term(config, root, term.strip())
        except (CopydeskError, OSError) as exc:
            self._cannot_accept(term, str(exc))
            return
        log.info("accepted %r in %s", term, from_fs_path(str(written)))
        self.reload()

    def _cannot_accept(self, term: str, reason: str) -> None:
        self.window_show_message(
            types.ShowMessageParams(
                types.MessageType.Error, f"copydesk could not accept {term!r}: {reason}"
            )
        )


def _plain(method: Callable[..., Any]) -> Callable[..., Any]:
    """A bound method as a plain function, which pygls can tag as a handler
    (it sets attributes on handlers; a bound method takes none)."""
    if inspect.iscoroutinefunction(method):

        @functools.wraps(method)
        async def run_async(*args: Any) -> Any:
            return await method(*args)

        return run_async

    @functools.wraps(method)
    def run(*args: Any) -> Any:
        return method(*args)

    return run


def _change(event: types.TextDocumentContentChangeEvent) -> Change:
    if isinstance(event, types.TextDocumentContentChangePartial):
        span = event.range
        return Change(
            event.text,
            (
                (span.start.line, span.start.character),
                (span.end.line, span.end.character),
            ),
        )
    return Change(event.text)
