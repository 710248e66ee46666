"""Linting work grows linearly with the document, measured by counting work.

No test here times anything. Each counts a deterministic measure of work:
the Python lines copydesk executes while linting (``sys.settrace``), or the
characters a check slices out of the prose view. The same input always
gives the same count on every machine, so a ratio between a document of N
repeated units and one of 4N units is exact: about 4 when the work is
linear, about 16 when some step does per-finding work over the whole
document (blocks × template attributes, a scan of every block or quoted
span per finding, a copy of the prose before each match). The bound of 8
leaves room for per-document constants and still fails any quadratic step.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import copydesk
from copydesk import markup
from copydesk.batch import lint_text
from copydesk.checks import existence
from copydesk.document import Document
from copydesk.ruleset import Ruleset, load_ruleset

SMALL = 60
LARGE = 4 * SMALL
#: Linear work gives a ratio near 4, quadratic near 16.
BOUND = 8

_PACKAGE = str(Path(copydesk.__file__).resolve().parent)


@lru_cache(maxsize=1)
def shipped() -> Ruleset:
    return load_ruleset()


def markdown(units: int) -> str:
    """Headings, repeats, shortcodes with prose attributes, code shortcodes,
    debris lines in lists and quotations: what each per-finding step reads."""
    return "".join(
        f'## Section {i}\n\nthe the fox said "hello" to Rodríguez and Rodriguez.\n\n'
        f'{{{{< figure src="a{i}.png" title="A \\"big\\" one {i}" alt=\'pic {i}\' >}}}}'
        f"\n\n{{{{< highlight go >}}}}\nfunc main() {{\n  x := {i}\n}}\n"
        "{{< /highlight >}}\n\n"
        f"- Share\n- Item {i}\n\nSome text with a [link](http://x/{i}) and `code`.\n\n"
        for i in range(units)
    )


def html(units: int) -> str:
    body = "".join(
        f"<h2>Heading {i}</h2>\n<p>the the quick <b>fox</b> jumped &eacute; over.</p>\n"
        f'<ul><li><a href="/x{i}">Share</a></li><li>Follow</li></ul>\n'
        f'<p>{{{{< figure title="Caption {i}" >}}}}</p>\n<pre>code {i}\nmore</pre>\n'
        "<div><span>Advertisement</span></div>\n"
        for i in range(units)
    )
    return f"<html><body>\n{body}</body></html>\n"


def lines_run(work: Callable[[], object]) -> int:
    """How many lines of copydesk's own code ``work`` executes."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def outer(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename.startswith(_PACKAGE):
            return local
        return None

    previous = sys.gettrace()
    sys.settrace(outer)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize(("fmt", "make"), [("markdown", markdown), ("html", html)])
def test_linting_work_is_linear_in_the_document(
    fmt: str, make: Callable[[int], str]
) -> None:
    rules = shipped()
    lint_text(make(2), "warm", fmt, rules)  # compile lazy patterns first
    small, large = make(SMALL), make(LARGE)
    found = lint_text(large, "doc", fmt, rules)
    assert len(found) >= LARGE  # every unit gives findings: the steps run
    work_small = lines_run(lambda: lint_text(small, "doc", fmt, rules))
    work_large = lines_run(lambda: lint_text(large, "doc", fmt, rules))
    assert work_large / work_small < BOUND, (work_small, work_large)


@pytest.mark.parametrize(("fmt", "make"), [("markdown", markdown), ("html", html)])
def test_readers_work_is_linear_in_the_document(
    fmt: str, make: Callable[[int], str]
) -> None:
    """The readers alone (masking, code bodies, attribute blocks): ``cut``
    and ``carve`` once walked every block over every region."""
    small, large = make(SMALL), make(LARGE)
    work_small = lines_run(lambda: markup.read(fmt, small))
    work_large = lines_run(lambda: markup.read(fmt, large))
    assert work_large / work_small < BOUND, (work_small, work_large)


class Counting(str):
    """A prose view that counts the characters sliced out of it."""

    sliced = 0

    def __getitem__(self, key: Any) -> str:
        piece = str.__getitem__(self, key)
        if isinstance(key, slice):
            Counting.sliced += len(piece)
        return piece


def sliced_by_markup_test(units: int) -> int:
    """Characters ``_has_markup`` slices from the prose over one debris
    line per unit: it reads a window around each match, not the text
    before and after it."""
    text = "".join(f"Some words {i}.\n\nShare\n\n" for i in range(units))
    doc = Document(path="doc", text=text, prose=Counting(text), format="markdown")
    Counting.sliced = 0
    pos = 0
    for _ in range(units):
        start = text.index("Share", pos)
        pos = start + len("Share")
        assert not existence._has_markup(doc, start, pos)
    return Counting.sliced


def test_has_markup_reads_a_bounded_window() -> None:
    small, large = sliced_by_markup_test(SMALL), sliced_by_markup_test(LARGE)
    assert large / small < BOUND, (small, large)
