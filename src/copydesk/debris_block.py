"""Blocks of page furniture: lines that are debris only as one unit.

A name alone on a line is a heading or a signature; a one-line bio is an
ordinary sentence. Under a follow button, the three are an author box pasted
from a web page. An ``existence`` rule with a ``block`` key reports such a
unit: its tokens find the strong signal (the anchor line: "Follow I follow",
"About the author"), and the block grows from it over the non-blank lines
next to it while each matches the next pattern of ``above`` (going up) or
``below`` (going down). With ``repeat: N`` the last pattern of each list
may match up to N more lines: a "Most read" label heads a list of
headlines, as many as the page had. Without ``lone: true`` an anchor that
gathers no line is left to the rules that report it alone.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from copydesk import regex_programs
from copydesk.document import WRAP_WIDTH, Document
from copydesk.errors import RuleError

if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    import regex

#: Longest line a block pattern is tried on: a bio is one short paragraph.
MAX_BLOCK_LINE = 240
_KEYS = frozenset({"above", "below", "lone", "repeat"})
#: Most lines the last pattern of a list may add past its first (``repeat``).
MAX_REPEAT = 20


class BlockSpec(NamedTuple):
    """What may stand above and below an anchor line, nearest first."""

    # Quoted inside, not whole: a quoted field type is compiled by
    # ``typing`` when the class is made (the process's first compile, 9 M
    # instructions), a quoted item of ``tuple[...]`` is kept as it is.
    above: tuple["regex.Pattern[str]", ...]
    below: tuple["regex.Pattern[str]", ...]
    lone: bool
    #: Further lines the last pattern of ``above`` and ``below`` may match.
    repeat: int = 0

    @classmethod
    def parse(cls, value: Mapping[str, Any], source: str) -> "BlockSpec":
        unknown = sorted(set(value) - _KEYS)
        if unknown:
            raise RuleError(source, f"key 'block.{unknown[0]}': unknown key")
        lone = value.get("lone", False)
        if not isinstance(lone, bool):
            raise RuleError(source, "key 'block.lone': expected true or false")
        repeat = value.get("repeat", 0)
        if (
            not isinstance(repeat, int)
            or isinstance(repeat, bool)
            or not 0 <= repeat <= MAX_REPEAT
        ):
            raise RuleError(
                source, f"key 'block.repeat': expected a whole number 0-{MAX_REPEAT}"
            )
        return cls(
            _patterns(value.get("above", []), source, "above"),
            _patterns(value.get("below", []), source, "below"),
            lone,
            repeat,
        )

    def extent(self, doc: Document, start: int, end: int) -> tuple[int, int] | None:
        """The block around the anchor match ``start:end``: offsets from its
        first line's text to its last line's end; None when the anchor
        gathers no line and may not stand alone."""
        first, _ = doc.line_col(start)
        last, _ = doc.line_col(max(start, end - 1))
        top = _grow(doc, first, -1, self._each(self.above))
        bottom = _grow(doc, last, 1, self._each(self.below))
        if top == first and bottom == last and not self.lone:
            return None
        lo = start if top == first else doc.line_start(top) + _indent(doc, top)
        hi = end if bottom == last else doc.line_bounds(bottom)[1]
        return lo, hi

    def _each(
        self, wanted: "tuple[regex.Pattern[str], ...]"
    ) -> "tuple[regex.Pattern[str], ...]":
        """The pattern for each line going away from the anchor, in order."""
        return wanted + wanted[-1:] * self.repeat if wanted else wanted


def _patterns(value: Any, source: str, key: str) -> "tuple[regex.Pattern[str], ...]":
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise RuleError(source, f"key 'block.{key}': expected a list of patterns")
    try:
        return tuple(regex_programs.compiled(p, regex_programs.VERSION1) for p in value)
    except regex_programs.compile_error() as exc:
        raise RuleError(source, f"key 'block.{key}': {exc}") from None


def _grow(
    doc: Document, line: int, step: int, wanted: "Sequence[regex.Pattern[str]]"
) -> int:
    """The farthest line from ``line`` (going ``step``) reached by matching
    the next non-blank lines against ``wanted`` in order. Going up, a block
    stops below the document's first line: a draft opens with its headline,
    which a byline's name pattern may fit ("Ferry Service Resumes" over
    "5 min read") but no furniture above the anchor is."""
    reached = line
    top = _next_text_line(doc, 0, 1) if step < 0 else None
    for pattern in wanted:
        at = _next_text_line(doc, reached, step)
        if at is None or at == top:
            break
        text = doc.line_text(at).strip()
        if (
            len(text) > MAX_BLOCK_LINE
            or pattern.fullmatch(text) is None
            or _wrapped(doc, at)
        ):
            break
        reached = at
    return reached


def _wrapped(doc: Document, line: int) -> bool:
    """The line runs on into the next, a paragraph wrapped by hand: the next
    line follows with no blank line and opens in lower case ("The council
    voted on repairs, which" / "were approved"). No page furniture does.
    A line wrapped at an editor's width is long (``document.WRAP_WIDTH``,
    as ``hard_wrapped`` reads it): a short one over a small letter is a
    list's item ("Tags:", "bicycles", "students")."""
    if line >= doc.line_count or len(doc.line_text(line).strip()) < WRAP_WIDTH:
        return False
    following = doc.line_text(line + 1).lstrip()
    return following[:1].islower()


def _next_text_line(doc: Document, line: int, step: int) -> int | None:
    """The nearest non-blank line from ``line`` going ``step``, past at most
    one blank line (a block's lines are its own paragraphs, or one)."""
    at = line + step
    blanks = 0
    while 1 <= at <= doc.line_count:
        if doc.line_text(at).strip():
            return at
        blanks += 1
        if blanks > 1:
            return None
        at += step
    return None


def _indent(doc: Document, line: int) -> int:
    text = doc.line_text(line)
    return len(text) - len(text.lstrip())
