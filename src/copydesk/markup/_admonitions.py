"""Python-Markdown's indented blocks (MkDocs, Material): admonitions,
collapsible details and content tabs, found so their bodies are read as the
Markdown they hold.

``!!! note "Title"``, ``??? tip``, ``???+ warning`` and ``=== "Tab"`` open a
block whose body is every following line indented four columns more than
the marker (blank lines between). CommonMark has no such block: a body after
a blank line is an indented code block, so everything an admonition says was
masked as code (1,575 admonitions and 833 tabs in nine of the labelled
documentation trees: a doubled word or a misspelling in a note went unread).

Python-Markdown reads a body by taking four columns off each of its lines
and parsing the rest as Markdown; the reader does the same
(``markdown._BodiesRead``): the main parse sees the body blanked, each
body is read alone as :class:`Dedented` text (nested admonitions, lists,
fences and code indented eight columns as they are there), and its view and
blocks are put back at the body's offsets. The marker syntax (``!!!``, the
type words, the title's quotation marks) is blanked; the title stays text.
A marker the main parse reads as code (an example of the syntax in a
fence) is no block (:meth:`Admonitions.read_as_text`), nor is one indented
past column 0 outside a list item, nor a bare ``===``.
"""

import bisect
import operator
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from copydesk.lazy_patterns import later_re

#: A marker line: its indentation, the syntax before the title (``!!! note
#: inline end``, ``!!!note``, ``???+ tip``) and the title in its quotation
#: marks, if any (quotation marks inside it too); or a tab's ``===`` (``===!``,
#: ``===+``) and its title, which a tab must have: a bare ``===`` opens
#: nothing. Type words are Python-Markdown's ``[\w-]+``.
_MARKER = later_re(
    r"(?:^|(?<=\r))([ \t]*)(?:((?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*)"
    r'(?:[ \t]+"([^\r\n]*)")?|(===[!+]?)[ \t]+"([^\r\n]*)")[ \t]*(?=[\r\n]|\Z)',
    re.MULTILINE,
)
#: A line's end as CommonMark reads one: LF, CRLF or a lone CR.
_LINE_END = later_re(r"\r\n|\r|\n")
#: A list item's first line: what may hold a marker indented four or more.
_LIST_ITEM = later_re(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\Z)")
#: A span's start.
_START = operator.itemgetter(0)
#: A tab stop, as CommonMark and Python-Markdown count indentation.
_TAB = 4


class Body(NamedTuple):
    """An outermost admonition's body: from its first line's start to its
    last line's end, the columns its lines are indented by, and where its
    marker line starts."""

    start: int
    end: int
    indent: int
    marker: int


class Admonitions(NamedTuple):
    """The admonitions of one text: what to blank in its view (the marker
    syntax) and their bodies. A marker the parser reads as code (an example
    of the syntax in a fence) is no admonition: the reader keeps only the
    bodies whose marker line it reads as text (:meth:`read_as_text`)."""

    blanked: list[tuple[int, int]]
    bodies: list[Body]
    #: Each marker line's start and end.
    lines: list[tuple[int, int]]

    def on_a_marker_line(self, pos: int) -> bool:
        """Whether ``pos`` lies on a marker line."""
        index = bisect.bisect_right(self.lines, pos, key=_START) - 1
        return index >= 0 and self.lines[index][0] <= pos <= self.lines[index][1]

    def read_as_text(self, blocks: Sequence[tuple[int, int, str]]) -> list[Body]:
        """The bodies whose marker line holds the start of one of ``blocks``
        (sorted by start: the text the parser read), or lies in one."""
        starts = [start for start, _, _ in blocks]
        kept: list[Body] = []
        for body in self.bodies:
            index = bisect.bisect_left(starts, body.marker)
            if index < len(blocks) and blocks[index][0] < body.start:
                kept.append(body)  # a block starts on the marker line
            elif index and blocks[index - 1][1] > body.marker:
                kept.append(body)  # the marker line continues a paragraph
        return kept


def found(text: str) -> Admonitions | None:
    """The markers of ``text`` and their bodies, if it has any marker. A
    marker inside fenced code is found too (the parser tells it later);
    nested ones lie in their outer body and are found when that body is
    read."""
    if "!!!" not in text and "???" not in text and "===" not in text:
        return None
    blanked: list[tuple[int, int]] = []
    bodies: list[Body] = []
    lines: list[tuple[int, int]] = []
    reached = 0
    margins = _Margins(text)
    for marker in _MARKER.finditer(text):
        start = marker.start()
        if start < reached:
            continue
        column = _columns(marker.group(1))
        if column and not margins.in_list_item(start, column):
            continue  # indented as code, or past a paragraph's margin
        syntax, title = (2, 3) if marker.group(2) is not None else (4, 5)
        blanked.append(marker.span(syntax))
        lines.append((start, marker.end()))
        if marker.group(title) is not None:
            blanked.append((marker.start(title) - 1, marker.start(title)))
            blanked.append((marker.end(title), marker.end(title) + 1))
        body = _body(text, marker.end(), column + _TAB)
        if body is not None:
            bodies.append(Body(body[0], body[1], column + _TAB, start))
            reached = body[1]
    return Admonitions(blanked, bodies, lines) if blanked else None


class _Margins:
    """Whether a line continues a list item, for marker lines asked in the
    order of the text: the nearest line above it indented less (blank lines
    passed over) is an item's first line. The lines are read once, each
    kept on a stack while no later line is indented as little (a walk back
    from each marker made a page of markers indented as code quadratic)."""

    __slots__ = ("_pos", "_stack", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0
        #: (indentation, a list item's first line), indentation rising.
        self._stack: list[tuple[int, bool]] = []

    def in_list_item(self, start: int, column: int) -> bool:
        """Whether the line at ``start``, indented ``column``, continues a
        list item."""
        stack = self._stack
        for line, _, _ in _lines(self._text, self._pos, start):
            indent = _indentation(line)
            if indent is not None:
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                stack.append((indent, _LIST_ITEM.match(line) is not None))
        self._pos = max(self._pos, start)
        for indent, item in reversed(stack):
            if indent < column:
                return item
        return False


def _body(text: str, marker_end: int, indent: int) -> tuple[int, int] | None:
    """The body after a marker line ending at ``marker_end``: the lines that
    are blank or indented ``indent`` columns or more, up to the last such
    line that is not blank; None when there is none."""
    brk = _LINE_END.match(text, marker_end)
    if brk is None:
        return None
    start = brk.end()
    last = -1
    for line, end, _ in _lines(text, start, len(text)):
        column = _indentation(line)
        if column is None:
            continue  # a blank line: the body may go on after it
        if column < indent:
            break
        last = end
    return (start, last) if last > start else None


def _lines(text: str, pos: int, stop: int) -> Iterator[tuple[str, int, int]]:
    """The lines of ``text`` from ``pos`` (a line's start) to ``stop``, each
    with where it ends and where the next begins (a line break of any kind
    ends one)."""
    while pos < stop:
        brk = _LINE_END.search(text, pos, stop)
        end = stop if brk is None else brk.start()
        following = stop if brk is None else brk.end()
        yield text[pos:end], end, following
        pos = following


def _indentation(line: str) -> int | None:
    """The column ``line``'s text starts at (tab stops every four); None for
    a blank line."""
    body = line.lstrip(" \t")
    if not body.strip():
        return None
    return _columns(line[: len(line) - len(body)])


def _columns(indent: str) -> int:
    """The column that ``indent`` (spaces and tabs) reaches."""
    return len(indent.expandtabs(_TAB))


class Dedented:
    """A body's text with its indentation taken off, and the way back from
    its offsets to the text's."""

    __slots__ = ("_breaks", "_cuts", "_starts", "_taken", "text")

    def __init__(self, body: str, indent: int) -> None:
        lines = _LINE_END.split(body)
        breaks = [*_LINE_END.findall(body), ""]
        cuts: list[int] = []
        for line in lines:
            column = 0
            cut = 0
            while cut < len(line) and line[cut] in " \t" and column < indent:
                ch = line[cut]
                column = column + _TAB - column % _TAB if ch == "\t" else column + 1
                cut += 1
            cuts.append(cut)
        #: The body's lines without their indentation, one a line as before.
        self.text = "".join(
            line[cut:] + brk for line, cut, brk in zip(lines, cuts, breaks, strict=True)
        )
        #: Characters taken off each line, and where each line of ``text`` starts.
        self._cuts = cuts
        self._breaks = breaks
        starts = [0]
        taken = [0]
        for line, cut, brk in zip(lines, cuts, breaks, strict=True):
            starts.append(starts[-1] + len(line) - cut + len(brk))
            taken.append(taken[-1] + cut)
        self._starts = starts[:-1]
        #: Characters taken off up to and including each line.
        self._taken = taken[1:]

    def offset(self, at: int) -> int:
        """The body's offset of ``at`` in ``text``: the characters taken off
        its line and those of every line before it added back."""
        line = bisect.bisect_right(self._starts, at) - 1
        return at + self._taken[line]

    def end_offset(self, end: int) -> int:
        """The body's offset of an exclusive ``end`` in ``text`` (the end of
        a line maps to the end of the same line)."""
        return self.offset(end - 1) + 1 if end > 0 else 0

    def view(self, prose: str, mask: str = " ") -> str:
        """``prose`` (a view of ``text``) with each line's indentation put
        back, masked."""
        out: list[str] = []
        ends = [*self._starts[1:], len(prose)]
        for start, end, cut, brk in zip(
            self._starts, ends, self._cuts, self._breaks, strict=True
        ):
            out.append(mask * cut + prose[start : end - len(brk)] + brk)
        return "".join(out)
