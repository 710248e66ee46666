"""copydesk's code-point edits as LSP text and workspace edits."""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types

from copydesk.model import Edit
from copydesk.server.diagnostics import lsp_range
from copydesk.server.positions import Encoding, PositionIndex


def text_edits(
    index: PositionIndex, edits: Iterable[Edit], encoding: Encoding
) -> list[types.TextEdit]:
    """Each edit as a TextEdit; all ranges refer to the text before any of them."""
    return [
        types.TextEdit(lsp_range(index, e.start, e.end, encoding), e.replacement)
        for e in edits
    ]


def replacement_edit(old: str, new: str) -> Edit:
    """One edit turning ``old`` into ``new``: the span between their common
    prefix and suffix, so an editor keeps the cursor and folds elsewhere."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    room = limit - prefix
    while suffix < room and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


def workspace_edit(
    uri: str, version: int, edits: list[types.TextEdit], versioned: bool
) -> types.WorkspaceEdit:
    """Edits to one document; ``versioned`` (when the client supports
    ``documentChanges``) lets the client refuse them on a newer buffer."""
    if not versioned:
        return types.WorkspaceEdit(changes={uri: edits})
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(document, list(edits))]
    )
