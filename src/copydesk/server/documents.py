"""The buffers the editor has open: their text, version and latest findings.

The server keeps its own copy of each buffer instead of pygls's, because
incremental changes must be applied with copydesk's exact line rule
(``positions``): pygls splits lines the way ``str.splitlines`` does, which
also breaks at U+2028 and form feeds and would put an edit on the wrong line.
An entry lives from ``didOpen`` to ``didClose`` and nothing of it survives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.model import Finding
from copydesk.server.editing import EditableText
from copydesk.server.positions import Encoding, PositionIndex


@dataclass(slots=True)
class OpenDocument:
    """One open buffer and what the last lint of it found."""

    uri: str
    #: The file the buffer stands for (settings, config and format follow it).
    path: Path
    version: int
    text: str
    #: Findings of the last lint, for ``version`` only (code actions, hover).
    findings: list[Finding] = field(default_factory=list)
    linted_version: int | None = None
    _index: PositionIndex | None = None
    _editable: EditableText | None = None

    def apply(self, changes: Sequence[Change], encoding: Encoding) -> None:
        """Apply an editor's changes to the buffer (see ``editing``)."""
        if self._editable is None or self._editable.text is not self.text:
            self._editable = EditableText(self.text)
        self.text = apply_changes(self.text, changes, encoding, self._editable)

    @property
    def positions(self) -> PositionIndex:
        """The position index of the current text, built on first use."""
        if self._index is None or self._index.text is not self.text:
            self._index = PositionIndex(self.text)
        return self._index

    def current_findings(self) -> list[Finding]:
        """Findings that describe the current text (none while a lint is due)."""
        return self.findings if self.linted_version == self.version else []


@dataclass(frozen=True, slots=True)
class Change:
    """One content change: the whole text (``span`` None) or a range of it."""

    text: str
    #: ((line, character), (line, character)) in the negotiated encoding.
    span: tuple[tuple[int, int], tuple[int, int]] | None = None


def apply_changes(
    text: str,
    changes: Sequence[Change],
    encoding: Encoding,
    editable: EditableText | None = None,
) -> str:
    """``text`` after ``changes``, in order (each range is in the text so far).

    ``editable`` holds ``text`` with the line starts found by earlier changes
    (``OpenDocument.apply`` keeps one per buffer); it is updated in place.
    """
    if editable is None or editable.text is not text:
        editable = EditableText(text)
    for change in changes:
        if change.span is None:
            editable.reset(change.text)
            continue
        (line, char), (end_line, end_char) = change.span
        start = editable.offset(line, char, encoding)
        end = max(start, editable.offset(end_line, end_char, encoding))
        editable.replace(start, end, change.text)
    return editable.text


class DocumentStore:
    """Open documents by URI."""

    def __init__(self) -> None:
        self._docs: dict[str, OpenDocument] = {}

    def open(self, uri: str, path: Path, version: int, text: str) -> OpenDocument:
        doc = OpenDocument(uri, path, version, text)
        self._docs[uri] = doc
        return doc

    def get(self, uri: str) -> OpenDocument | None:
        return self._docs.get(uri)

    def close(self, uri: str) -> OpenDocument | None:
        """Forget ``uri``; returns what was open, if anything."""
        return self._docs.pop(uri, None)

    def __iter__(self) -> Iterator[OpenDocument]:
        return iter(list(self._docs.values()))

    def __len__(self) -> int:
        return len(self._docs)
