"""A large Markdown text read in two halves at once reads as the whole text.

With more than one process allowed, the Markdown window reader forks a
child that reads from a likely break past the middle while the parent reads
up to it (``copydesk.markup._split_read``). The parent cuts there
only if its own window reads the place as a break; otherwise it reads on and
the child's pieces are dropped. Whatever the place, the window size, and
whether the child reports, the text's view must be the whole read's.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import forked, markup
from copydesk.lines import LineIndex, line_starts
from copydesk.markup import _split_read, markdown
from copydesk.markup._mask import code_regions
from tests.conftest import corpus_sample

from .test_windows import document

pytestmark = pytest.mark.forks  # run first: a child is forked from one thread only

needs_fork = pytest.mark.skipif(not forked.AVAILABLE, reason="forks on Linux only")


class InProcess:
    """A stand-in for a forked child that does its work at once, here: the
    same bytes, packed and unpacked, without a process."""

    pid = 0

    def __init__(self, work: Callable[[], bytes]) -> None:
        self.data = work()

    def result(self, until: float | None = None) -> object:
        del until
        return pickle.loads(self.data)

    def stop(self) -> None:
        pass


@contextmanager
def split_at(place: int | None, *, in_process: bool) -> Iterator[list[int]]:
    """Reads split at ``place`` (as if the likely break were there); yields
    the list of places where a child's pieces were used."""
    used: list[int] = []
    real_unpacked = _split_read.unpacked

    def unpacked(rows: list[object]) -> object:
        found = real_unpacked(rows)
        if found:
            used.append(found[0][0])
        return found

    with (
        mock.patch.object(_split_read, "likely_break", return_value=place),
        mock.patch.object(_split_read, "unpacked", unpacked),
    ):
        if in_process:
            with (
                mock.patch.object(forked, "start", InProcess),
                mock.patch.object(forked, "can_fork", return_value=True),
            ):
                yield used
        else:
            yield used


def read_split(text: str, size: int) -> markup.Parsed:
    return markup.read_joined("markdown", text, size, workers=2)[0]


@settings(max_examples=300, deadline=None)
@given(text=document, size=st.integers(1, 40), data=st.data())
def test_a_split_at_any_place_reads_as_the_whole_text(
    text: str, size: int, data: st.DataObject
) -> None:
    """Split at one of the whole read's breaks, mostly (where the child's
    pieces are used), or anywhere (where the parent may read on)."""
    whole = markup.read("markdown", text)
    anywhere = st.integers(1, max(1, len(text) - 1))
    breaks = [b for b in whole.breaks if 0 < b < len(text)]
    place = data.draw(st.sampled_from(breaks) | anywhere if breaks else anywhere)
    with split_at(place, in_process=True):
        assert read_split(text, size) == whole


def test_the_second_half_is_used_where_the_first_cuts() -> None:
    """Not a test that passes by never splitting: at a heading after a blank
    line the child's pieces are used; inside a fence the parent reads on."""
    text = "".join(
        f"Paragraph {i} about Kyiv.\n\n```\nfenced {i}\n\nstill fenced\n```\n\n"
        for i in range(40)
    )
    whole = markup.read("markdown", text)
    heading = text.index("Paragraph 20")
    fenced = text.index("still fenced", heading)
    with split_at(heading, in_process=True) as used:
        assert read_split(text, 60) == whole
    assert used == [heading]
    with split_at(fenced, in_process=True) as used:
        assert read_split(text, 60) == whole
    assert used == []


@needs_fork
def test_real_documentation_read_in_two_processes(tmp_path: Path) -> None:
    """120 corpus pages as one text, split where the reader guesses, in a
    real child: the whole read's view."""
    pages = corpus_sample(tmp_path, 120, offset=0.25)
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in pages)
    guess = _split_read.likely_break(text, code_regions(text), len(text) // 2)
    with split_at(guess, in_process=False) as used:
        assert read_split(text, 4_000) == markup.read("markdown", text)
    assert len(used) == 1


@needs_fork
def test_a_child_that_dies_leaves_the_second_half_to_the_parent() -> None:
    text = "".join(f"## Part {i}\n\nKyiv and [a link][k{i}].\n\n" for i in range(300))
    text += "".join(f"[k{i}]: https://example.com/{i}\n" for i in range(300))

    def dies(*packing: object) -> bytes:
        del packing
        os._exit(3)

    with (
        split_at(text.index("## Part 150"), in_process=False) as used,
        mock.patch.object(_split_read, "packed", dies),
    ):
        assert read_split(text, 500) == markup.read("markdown", text)
    assert used == []


def test_the_likely_break_is_outside_fenced_code() -> None:
    fence = "```\n" + "".join(f"line {i}\n\nmore\n" for i in range(50)) + "```\n\n"
    after = "".join(f"After the fence, {i}.\n\n" for i in range(40))
    text = "Intro.\n\n" + fence + after
    place = _split_read.likely_break(text, [], 20)
    assert place == text.index("After the fence, 0.")
    assert _split_read.likely_break("no break at all " * 50, [], 100) is None


def test_a_text_with_crlf_lines_is_split_too() -> None:
    text = "".join(f"Paragraph {i} about Kyiv.\r\n\r\n" for i in range(400))
    place = _split_read.likely_break(text, [], len(text) // 2)
    assert place is not None
    assert text.startswith("Paragraph", place)
    with split_at(place, in_process=True) as used:
        assert read_split(text, 200) == markup.read("markdown", text)
    assert used == [place]


#: The fence lines ``likely_break`` counted before it searched for the line
#: feed before each: the count must not change.
_FENCE_LINES = re.compile(r"(?m)^ {0,3}(?:`{3,}|~{3,})")


@settings(max_examples=500, deadline=None)
@given(
    chunks=st.lists(st.sampled_from(["\n", "\r", " ", "`", "~", "a", "```", "~~~"])),
    data=st.data(),
)
def test_fence_lines_are_counted_as_a_line_start_search_counts_them(
    chunks: list[str], data: st.DataObject
) -> None:
    text = "".join(chunks)
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    expected = len(_FENCE_LINES.findall(text, start, stop))
    assert _split_read._fences(text, start, stop) == expected


def test_the_line_index_is_built_in_halves_as_it_is_whole() -> None:
    """Each process indexes its half's lines while the other reads: the
    index the text's LineIndex adopts is the whole text's."""
    text = "".join(f"Paragraph {i}\r\nabout Kyiv.\n\n" for i in range(200))
    place = _split_read.likely_break(text, [], len(text) // 2)
    assert place is not None
    lines = LineIndex(text)
    with split_at(place, in_process=True) as used:
        joined = markup.read_joined("markdown", text, 200, lines, workers=2)[0]
    assert used == [place]
    assert joined == markup.read("markdown", text)
    assert lines._starts == line_starts(text)


def test_a_piece_read_again_in_its_half_is_kept_only_where_it_holds() -> None:
    """Each half reads again its pieces that name a label the half defines.
    One that also names a label only the other half defines is read again
    once both are known (the parser's answers differ); one whose labels
    are all its half's is kept: both as the whole read gives them."""
    filler = "".join(f"Filler paragraph {i}.\n\n" for i in range(30))
    text = (
        "## First\n\nSee [alpha] and [omega].\n\n"
        + filler
        + "[alpha]: /a\n\n## Second\n\nSee [alpha], [beta] and [omega].\n\n"
        + filler
        + "[beta]: /b\n\n## Third\n\nSee [beta] alone.\n\n"
        + filler
        + "[omega]: /o\n"
    )
    place = text.index("## Second")
    made: list[markdown.Reread] = []
    kept: list[bool] = []
    real_rereads, real_holds = markdown.rereads, markdown.Reread.holds

    def rereads(*args: Any) -> dict[int, markdown.Reread]:
        found = real_rereads(*args)
        made.extend(found.values())
        return found

    def holds(self: markdown.Reread, links: Collection[str]) -> bool:
        kept.append(real_holds(self, links))
        return kept[-1]

    with (
        split_at(place, in_process=True) as used,
        mock.patch.object(_split_read, "rereads", rereads),
        mock.patch.object(markdown.Reread, "holds", holds),
    ):
        assert read_split(text, 60) == markup.read("markdown", text)
    assert used == [place]
    assert made
    assert True in kept
    assert False in kept
