"""The server's handlers on random editor sessions: no exception, the buffer
always the text an independent model computes, every published range inside
the buffer.

The handlers are called directly (no transport): publishing is recorded, the
debounced lint runs at once. Sessions interleave opens, incremental and whole
changes with ranges anywhere (past the end of a line or of the text), hovers,
code actions with any range and kinds, and closes, on hostile mixed-markup
text in every format. Bounded in CI; ``COPYDESK_FUZZ_EXAMPLES`` runs longer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from copydesk.server.app import CopydeskServer
from copydesk.server.documents import Change
from copydesk.server.positions import PositionIndex
from tests.robustness.strategies import fuzz_settings, mixed_documents
from tests.server.test_editing import reference

EXTENSIONS = {"plain": ".txt", "markdown": ".md", "html": ".html", "rst": ".rst"}


class _Now:
    """A debouncer that runs each job at once."""

    def schedule(self, key: str, delay: float, job: Callable[[], None]) -> None:
        job()

    def cancel(self, key: str) -> None:
        """Nothing is pending."""

    def cancel_all(self) -> None:
        """Nothing is pending."""


def session_server(root: Path) -> tuple[CopydeskServer, list[Any]]:
    server = CopydeskServer()
    server.protocol.client_capabilities = types.ClientCapabilities()
    server.folders.set_roots([root])
    server.pending = _Now()  # type: ignore[assignment]
    published: list[Any] = []
    server.publish = lambda uri, diagnostics, version: published.append(  # type: ignore[method-assign]
        (uri, diagnostics, version)
    )
    return server, published


positions = st.builds(types.Position, st.integers(0, 40), st.integers(0, 120))
ranges = st.builds(types.Range, positions, positions)
#: What a keystroke or a paste inserts.
INSERTS = st.sampled_from(["", "Kiev ", "“", "\r\n", "é😀", "```\n"])
#: A whole new buffer, as some editors send after a reload.
BUFFERS = st.text(alphabet="Kiev teh“\"'\r\n`<>", max_size=60)
KINDS = st.sampled_from([None, ["quickfix"], ["source"]])
steps = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), ranges, INSERTS),
        st.tuples(st.just("replace"), BUFFERS),
        st.tuples(st.just("hover"), positions),
        st.tuples(st.just("actions"), ranges, KINDS),
    ),
    max_size=12,
)


def in_buffer(text: str, span: types.Range) -> bool:
    lines = PositionIndex(text).line_count
    return span.start.line < lines and span.end.line < lines


@fuzz_settings(40)
@given(
    fmt=st.sampled_from(sorted(EXTENSIONS)),
    data=st.data(),
    script=steps,
)
def test_random_sessions_never_break_the_server(
    fmt: str, data: st.DataObject, script: list[tuple[Any, ...]], tmp_path_factory: Any
) -> None:
    root = tmp_path_factory.mktemp("session")
    server, published = session_server(root)
    path = root / f"page{EXTENSIONS[fmt]}"
    uri = path.as_uri()
    text = data.draw(mixed_documents(fmt, 30), label="text")
    server.on_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, fmt, 1, text))
    )
    version = 1
    for step in script:
        kind = step[0]
        if kind in ("edit", "replace"):
            version += 1
            if kind == "edit":
                span, new = step[1], step[2]
                change: Any = types.TextDocumentContentChangePartial(
                    range=span, text=new
                )
                model = Change(new, ((span.start.line, span.start.character),
                                     (span.end.line, span.end.character)))  # fmt: skip
            else:
                change = types.TextDocumentContentChangeWholeDocument(text=step[1])
                model = Change(step[1])
            text = reference(text, [model], server.encoding)
            server.on_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    [change],
                )
            )
            doc = server.documents.get(uri)
            assert doc is not None
            assert doc.text == text
        elif kind == "hover":
            server.on_hover(
                types.HoverParams(types.TextDocumentIdentifier(uri), step[1])
            )
        else:
            server.on_code_action(
                types.CodeActionParams(
                    types.TextDocumentIdentifier(uri),
                    step[1],
                    types.CodeActionContext(diagnostics=[], only=step[2]),
                )
            )
        last_uri, diagnostics, _ = published[-1]
        assert last_uri == uri
        assert all(in_buffer(text, d.range) for d in diagnostics)
    server.on_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert published[-1] == (uri, [], None)
