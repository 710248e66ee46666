"""Windowed and whole-file runs give identical findings.

A large document is read in windows and its paragraph-local checks run
window by window (``copydesk.windows``); everything else runs on the joined
document. Whatever the window size, the findings must be those of reading
and checking the text whole.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import batch, engine, windows
from copydesk.batch import build_document
from copydesk.checks.base import Reach
from copydesk.document import Document
from copydesk.model import Finding
from copydesk.ruleset import Ruleset, load_ruleset
from copydesk.windows import (
    lint_in_windows,
    moved,
    paragraph_local,
    part_of,
    read_in_windows,
)

SAMPLE = Path(__file__).parents[3] / "shared" / "samples" / "mt-news-draft.txt"

#: Paragraphs that trip the default packs: house names, quotation marks left
#: open or mixed, doubled words, misspellings, web debris, name variants,
#: directives, and markup around them.
PARAGRAPHS = [
    "The mayor of Kiev met the the delegation in Kharkov.",
    "Volodymyr Zelenskyj spoke. Later Volodymyr Zelensky spoke again.",
    "“The talks were productive,” he said, “and will go on.",
    "She said \"it is over' and left.",
    "Share this article",
    "Advertisement",
    "Read more: Kyiv's new mayor",
    "It was definately a seperate issue, recieved by the goverment.",
    "“A quotation that goes on",
    "“into the next paragraph.”",
    "# copydesk: disable=style.Repetition",
    "<!-- copydesk: disable-next-line -->",
    "the the",
    "- Follow\n- I follow",
    "> quoted Kiev the the",
    "```\nKiev the the\n```",
    "Written at 10:00 in Odessa, or Odesa.",
    # Real words for others (typos.RealWords): contexts at a paragraph's
    # start and end, after a line break, a heading and a full stop.
    "Results",
    "Their is no doubt. It was more then enough.",
    "their is",
    "He said their is more then one, and their is more then ever.",
    "more then\nthen more",
]

document = st.lists(
    st.tuples(st.sampled_from(PARAGRAPHS), st.sampled_from(["\n\n", "\n", "\n\n\n"])),
    max_size=16,
).map(lambda parts: "".join(text + gap for text, gap in parts))


@lru_cache(maxsize=1)
def shipped() -> Ruleset:
    return load_ruleset()


def whole(text: str, fmt: str) -> list[Finding]:
    doc = build_document(text, "doc", fmt, "en")
    return engine.lint(doc, shipped())


def windowed(text: str, fmt: str, size: int) -> list[Finding]:
    doc, spans = read_in_windows(text, "doc", fmt, "en", "", size)
    return lint_in_windows(doc, spans, shipped())


@settings(max_examples=150, deadline=None)
@given(
    text=document, size=st.integers(1, 120), fmt=st.sampled_from(["plain", "markdown"])
)
def test_windowed_and_whole_runs_find_the_same(text: str, size: int, fmt: str) -> None:
    assert windowed(text, fmt, size) == whole(text, fmt)


def test_the_sample_draft_in_small_windows() -> None:
    if not SAMPLE.is_file():
        pytest.skip(f"sample not found: {SAMPLE}")
    text = SAMPLE.read_text(encoding="utf-8")
    expected = whole(text, "plain")
    assert len(expected) > 10
    for size in (200, 2_000, 20_000):
        assert windowed(text, "plain", size) == expected


def test_the_default_packs_have_paragraph_local_checks() -> None:
    """Substitution, repetition and confusion rules run window by window; the
    rest whole."""
    local = {c.meta.id for c in shipped().checks if paragraph_local(c)}
    assert {
        "style.Repetition",
        "typos.Misspellings",
        "names.TheUkraine",
        "typos.RealWords",
    } <= local
    assert "variants.Names" not in local


def test_a_failing_window_fails_the_rule_as_a_whole_run_would() -> None:
    """A check that raises in one window is reported once, as the engine
    reports it for a whole document, and not run on the other windows."""

    class Failing:
        meta = shipped().checks[0].meta

        def run(self, doc: Document) -> list[Finding]:
            raise ValueError("boom")

    failing = Failing()
    text = "Kiev.\n\n" * 50
    doc = build_document(text, "doc", "plain", "en")
    given_ = {failing.meta.id: ValueError("boom")}
    ruleset = Ruleset([failing])  # type: ignore[list-item]
    found = engine.lint(doc, ruleset, given=given_)
    assert [f.rule for f in found] == [engine.CRASH_RULE]
    assert found == engine.lint(doc, ruleset)


def test_a_part_keeps_its_blocks_and_moves_back() -> None:
    text = "One Kiev.\n\nTwo the the.\n\nThree."
    doc = build_document(text, "doc", "plain", "en")
    start = text.index("Two")
    part = part_of(doc, start, text.index("Three"))
    assert part.text == "Two the the.\n\n"
    assert [(b.start, b.end) for b in part.blocks] == [(0, 12)]
    found = [f for c in shipped().checks if paragraph_local(c) for f in c.run(part)]
    back = [moved(f, start, 2) for f in found]
    assert [(f.rule, f.line, text[f.start : f.end]) for f in back] == [
        ("style.Repetition", 3, "the the")
    ]


def test_a_part_without_blocks_stays_without() -> None:
    text = "```\ncode\n```\n\nText."
    doc = build_document(text, "doc", "markdown", "en")
    assert part_of(doc, 0, text.index("Text")).blocks == ()


def test_reach_is_declared_by_the_type() -> None:
    from copydesk.checks.repetition import Repetition
    from copydesk.checks.variants import Variants

    assert Repetition.REACH is Reach.PARAGRAPH
    assert Variants.REACH is Reach.DOCUMENT


def test_a_large_text_is_linted_in_windows_with_the_same_findings() -> None:
    """``batch.lint_text`` reads a text from ``LARGE`` characters in windows."""
    text = "\n\n".join(PARAGRAPHS * 3)
    calls: list[int] = []
    read = windows.read_in_windows

    def counted(*args: Any, **kwargs: Any) -> tuple[Document, list[tuple[int, int]]]:
        doc, spans = read(*args, **{**kwargs, "size": 200})
        calls.append(len(spans))
        return doc, spans

    with (
        mock.patch.object(batch, "LARGE", 1_000),
        mock.patch.object(windows, "read_in_windows", counted),
    ):
        found = batch.lint_text(text, "doc", "plain", shipped())
    assert len(calls) == 1
    assert calls[0] > 5
    assert found == whole(text, "plain")


def by_paragraph(rule: str, text: str) -> tuple[list[Any], list[Any]]:
    """(line, match) of ``rule``'s findings on ``text`` run whole, and run
    paragraph by paragraph as if its type were paragraph-local."""
    check = next(c for c in shipped().checks if c.meta.id == rule)
    doc = build_document(text, "doc.txt", "plain", "en")
    starts = [0, *(b.start for b in doc.blocks[1:])]
    spans = list(zip(starts, [*starts[1:], len(text)], strict=True))
    whole_run = [(f.line, f.match) for f in check.run(doc)]
    found = windows.run_in_windows(doc, spans, [check])[rule]
    assert not isinstance(found, BaseException)
    return whole_run, [(f.line, f.match) for f in found]


@pytest.mark.parametrize(
    ("rule", "text", "whole_run", "by_paragraphs"),
    [
        # Used three times, a word is the document's own term.
        (
            "typos.Unknown",
            "The report was recieved late.\n\nIt was recieved again.\n\n"
            "Then recieved once more.\n",
            [],
            [(1, "recieved"), (3, "recieved"), (5, "recieved")],
        ),
        # Used twice, a word is not rare.
        (
            "typos.RareWords",
            "The council adopted an untolerant policy.\n\n"
            "Critics called it untolerant too.\n",
            [],
            [(1, "untolerant"), (3, "untolerant")],
        ),
        # Alone in its paragraph, a rare word's neighbours are next door.
        (
            "typos.RareWords",
            "The council adopted the\n\nuntolerant\n\npolicy of the government.\n",
            [(3, "untolerant")],
            [],
        ),
    ],
)
def test_the_spelling_checks_read_the_whole_document(
    rule: str, text: str, whole_run: list[Any], by_paragraphs: list[Any]
) -> None:
    """Why lexicon and rarity stay ``Reach.DOCUMENT``: run paragraph by
    paragraph, they would find otherwise."""
    assert by_paragraph(rule, text) == (whole_run, by_paragraphs)
    check = next(c for c in shipped().checks if c.meta.id == rule)
    assert not paragraph_local(check)


def test_a_windowed_document_keeps_its_breaks_in_four_bytes_each() -> None:
    """A large file's breaks live for its run: the whole read's, compactly."""
    text = "".join(f"Paragraph {i} about Kyiv.\n\n" for i in range(300))
    doc, spans = read_in_windows(text, "a.md", "markdown", "en", "docs", 500)
    whole = build_document(text, "a.md", "markdown", "en")
    assert len(spans) > 3
    assert (
        list(doc.breaks)
        == list(whole.breaks)
        == [i + 2 for i in range(len(text) - 2) if text.startswith("\n\nP", i)]
    )
    assert getattr(doc.breaks, "itemsize", None) == 4


@pytest.mark.parametrize("fmt", ["plain", "markdown"])
def test_a_paragraph_is_judged_without_the_next_one(fmt: str) -> None:
    """A rule reads no further than its paragraph: "the Ukraine" ending a
    heading is flagged whatever the next paragraph starts with (it once
    read the capital of the next one as a name's), in windows as whole."""
    text = (
        "# Crisis in the Ukraine\n\nWar broke out. Written in Odesa.\n\n Their is more."
    )
    found = whole(text, fmt)
    assert {(f.rule, f.match) for f in found} >= {
        ("names.TheUkraine", "the Ukraine"),
        ("typos.RealWords", "Their"),
    }
    for size in (1, 10, 30):
        assert windowed(text, fmt, size) == found


@settings(max_examples=60, deadline=None)
@given(
    text=document,
    read=st.integers(1, 60),
    size=st.integers(1, 400),
    fmt=st.sampled_from(["plain", "markdown"]),
)
def test_windows_joined_from_smaller_pieces_find_the_same(
    text: str, read: int, size: int, fmt: str
) -> None:
    """Pieces are read smaller than the windows checked (a Markdown piece
    reads faster small) and joined into windows of ``size`` characters or
    more: the windows cover the text, start where pieces do, and the
    findings are the whole run's."""
    with mock.patch.dict(windows.READ, {fmt: read}):
        doc, spans = read_in_windows(text, "doc", fmt, "en", "", size)
        found = lint_in_windows(doc, spans, shipped())
    assert found == whole(text, fmt)
    assert spans[0][0] == 0
    assert spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(end - start >= size for start, end in spans[:-1])
    assert set(doc.breaks) >= {start for start, _ in spans[1:]}
