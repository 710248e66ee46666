"""The edit that silences one rule on one line, in the document's own syntax.

Each format has its own comment for a ``copydesk:`` directive (README,
"Inline suppressions"): a line of its own in plain text, ``<!-- ... -->`` in
Markdown and HTML, ``.. copydesk: ...`` in reST. The directive goes on a new
line above the flagged one, indented like it so it stays inside the same
list item or block. reST is the exception: a comment inside a paragraph is
paragraph text, so there the paragraph is wrapped in ``disable``/``enable``
comments, each set off by blank lines as reST requires.
"""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.model import Edit
from copydesk.server.positions import PositionIndex


@dataclass(frozen=True, slots=True)
class Suppression:
    """What the action is called and the code-point edits it makes."""

    title: str
    edits: tuple[Edit, ...]


def _comment(fmt: str, body: str) -> str:
    if fmt in ("markdown", "html"):
        return f"<!-- {body} -->"
    if fmt == "rst":
        return f".. {body}"
    return body


def _indent(line_text: str) -> str:
    return line_text[: len(line_text) - len(line_text.lstrip(" \t"))]


def _line_break(text: str) -> str:
    """The document's own line break, so a CRLF file stays CRLF."""
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"


def _blank(index: PositionIndex, line: int) -> bool:
    start, end = index.line_span(line)
    return not index.text[start:end].strip()


def disable_line(index: PositionIndex, line: int, rule: str, fmt: str) -> Suppression:
    """Silence ``rule`` on ``line`` (0-based) of a document in format ``fmt``."""
    start, end = index.line_span(line)
    indent = _indent(index.text[start:end])
    newline = _line_break(index.text)
    if fmt == "rst" and line > 0 and not _blank(index, line - 1):
        return _disable_rst_paragraph(index, line, rule, newline)
    directive = _comment(fmt, f"copydesk: disable-next-line={rule}")
    # reST ends a comment at a blank line; the engine skips blank lines
    # between a ``disable-next-line`` and the line it covers.
    after = newline * 2 if fmt == "rst" else newline
    edit = Edit(start, start, indent + directive + after)
    return Suppression(f"Disable {rule} for this line", (edit,))


def _disable_rst_paragraph(
    index: PositionIndex, line: int, rule: str, newline: str
) -> Suppression:
    first = line
    while first > 0 and not _blank(index, first - 1):
        first -= 1
    last = line
    while last + 1 < index.line_count and not _blank(index, last + 1):
        last += 1
    para_start, first_end = index.line_span(first)
    para_end = index.line_span(last)[1]
    indent = _indent(index.text[para_start:first_end])
    disable = _comment("rst", f"copydesk: disable={rule}")
    enable = _comment("rst", f"copydesk: enable={rule}")
    edits = (
        Edit(para_start, para_start, indent + disable + newline * 2),
        Edit(para_end, para_end, newline * 2 + indent + enable),
    )
    return Suppression(f"Disable {rule} for this paragraph", edits)
