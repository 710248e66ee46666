"""Plain text: all of it is prose, except ``copydesk:`` directive lines.

A directive is a line holding only ``copydesk: disable=RULE`` (or ``enable``,
``disable-next-line``, ``ignore-file``), optionally after ``#`` or ``//`` so it
reads as a comment in config-like text. Directive lines are masked so the
linter never flags its own instructions.
"""

from __future__ import annotations

import re

from copydesk.document import Directive, split_paragraphs
from copydesk.lines import LineIndex
from copydesk.markup import Parsed
from copydesk.markup._directives import MARKER, parse
from copydesk.markup._mask import ProseBuilder

#: A directive line. A line starts after LF, CRLF or a lone CR, as
#: everywhere in copydesk (``(?m)^`` alone knows only LF).
_LINE = re.compile(
    r"(?:\A|(?<=[\r\n]))[ \t]*(?:(?:#|//)[ \t]*)?(copydesk:[^\r\n]*)(?=[\r\n]|\Z)"
)


def read(text: str) -> Parsed:
    """Read plain text; paragraphs are separated by blank lines."""
    if MARKER not in text:
        return Parsed(text, tuple(split_paragraphs(text)), ())
    directives: list[Directive] = []
    masked: list[tuple[int, int]] = []
    lines = LineIndex(text)
    for match in _LINE.finditer(text):
        start, end = match.span()
        directive = parse(match.group(1), lines.line(start), start, end)
        if directive is not None:
            directives.append(directive)
            masked.append((start, end))
    if not masked:
        return Parsed(text, tuple(split_paragraphs(text)), ())
    builder = ProseBuilder(text)
    pos = 0
    for start, end in masked:
        builder.reveal(pos, start)
        pos = end
    builder.reveal(pos, len(text))
    prose = builder.build()
    return Parsed(prose, tuple(split_paragraphs(prose)), tuple(directives))
