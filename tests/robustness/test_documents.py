"""Hostile documents in every format: no exception, honest offsets, faithful fixes.

The shipped ruleset runs over documents drawn from ``strategies``; the
properties hold for every finding of every rule. Examples are derandomized
and bounded, so CI sees the same inputs every time.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk import markup
from copydesk.batch import lint_text
from copydesk.document import Document, line_starts
from copydesk.fix import fix_text
from copydesk.model import Finding
from copydesk.ruleset import Ruleset, load_ruleset

from .strategies import FORMATS, documents

LINT_EXAMPLES = 80
FIX_EXAMPLES = 40
FUZZ = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@lru_cache(maxsize=1)
def shipped() -> Ruleset:
    """The default shipped ruleset, loaded once for the whole module."""
    return load_ruleset()


def expected_line_col(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, computed independently."""
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def assert_findings_consistent(text: str, findings: Sequence[Finding]) -> None:
    """Every finding lies inside ``text`` and its line/col match its offsets."""
    starts = line_starts(text)
    doc = Document.plain(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert (f.line, f.col) == expected_line_col(starts, f.start), f
        assert (f.end_line, f.end_col) == expected_line_col(starts, f.end), f
        assert (f.line, f.col) == doc.line_col(f.start), f
        assert f.match == text[f.start : f.end], f
        if f.fix is not None:
            for edit in f.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text), (f, edit)


def assert_only_edited_spans_changed(
    before: str, after: str, findings: Sequence[Finding]
) -> None:
    """``after`` keeps every character of ``before`` outside the fixes' edits.

    The regions the fixes of ``findings`` may touch are merged; the text
    between them must appear in ``after`` unchanged and in order, with the
    untouched prefix and suffix exactly at the ends.
    """
    spans = sorted(
        (e.start, e.end) for f in findings if f.fix is not None for e in f.fix.edits
    )
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    keep: list[str] = []
    pos = 0
    for start, end in merged:
        keep.append(before[pos:start])
        pos = end
    keep.append(before[pos:])
    assert after.startswith(keep[0]), "text before the first edit changed"
    assert after.endswith(keep[-1]), "text after the last edit changed"
    assert len(after) >= len(keep[0]) + len(keep[-1]) or len(keep) == 1
    cursor = len(keep[0])
    for piece in keep[1:-1]:
        found = after.find(piece, cursor)
        assert found >= 0, f"unedited text {piece!r} lost or changed"
        cursor = found + len(piece)
    if len(keep) == 1:
        assert after == before, "text changed without any fix"


HAND_PICKED = (
    "",
    "\r\n\r\r\n\u2028Kiev\u2029teh\x85",
    "> " * 500 + "Kiev teh",
    "<ul><li>" * 300 + "Kiev",
    "   " * 200 + "* Kiev",
    "Kiev\ud800teh \udfff“",
    "teh " * 20_000,
)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", HAND_PICKED, ids=range(len(HAND_PICKED)))
def test_lint_hand_picked(fmt: str, text: str) -> None:
    findings = lint_text(text, "doc", fmt, shipped())
    assert_findings_consistent(text, findings)


@pytest.mark.parametrize("fmt", [*FORMATS, "docx"])
def test_a_lone_surrogate_stops_no_rule(fmt: str) -> None:
    """Only an in-memory text (the API, an editor's buffer sent as JSON with
    a "\\ud800" escape) holds a lone surrogate; the UTF-8 pattern engine
    behind the typo rules cannot search one, and three rules were check
    errors. The prose view reads it as U+FFFD, so every rule runs."""
    text = "Officials in Kiev\ud800 said teh \udfff talks.\n"
    found = lint_text(text, "doc", fmt, shipped())
    assert [(f.rule, f.match) for f in found] == [
        ("names.Places", "Kiev"),
        ("typos.Misspellings", "teh"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@settings(FUZZ, max_examples=LINT_EXAMPLES)
@given(data=st.data())
def test_lint_never_raises_and_offsets_map_to_line_col(
    fmt: str, data: st.DataObject
) -> None:
    text = data.draw(documents(fmt), label="document")
    findings = lint_text(text, "doc", fmt, shipped())
    assert_findings_consistent(text, findings)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(FUZZ, max_examples=LINT_EXAMPLES)
@given(data=st.data())
def test_markup_readers_keep_length_and_line_breaks(
    fmt: str, data: st.DataObject
) -> None:
    text = data.draw(documents(fmt), label="document")
    parsed = markup.read(fmt, text)
    assert len(parsed.prose) == len(text)
    for i, ch in enumerate(text):
        if ch in "\r\n":
            assert parsed.prose[i] == ch, (i, ch)
    for block in parsed.blocks:
        assert 0 <= block.start <= block.end <= len(text), block
    for d in parsed.directives:
        assert 0 <= d.start <= d.end <= len(text), d


@pytest.mark.parametrize("fmt", FORMATS)
@settings(FUZZ, max_examples=FIX_EXAMPLES)
@given(data=st.data())
def test_fix_is_idempotent_and_touches_only_edits(
    fmt: str, data: st.DataObject
) -> None:
    text = data.draw(documents(fmt), label="document")
    rounds: list[tuple[str, list[Finding]]] = []

    def lint(current: str) -> list[Finding]:
        found = lint_text(current, "doc", fmt, shipped())
        rounds.append((current, found))
        return found

    result = fix_text(text, lint, unsafe=False)
    for (before, found), (after, _) in itertools.pairwise(rounds):
        safe = [f for f in found if f.fix is not None and f.fix.is_safe]
        assert_only_edited_spans_changed(before, after, safe)
    assert rounds[-1][0] == result.text
    assert_findings_consistent(result.text, result.remaining)
    if result.converged:
        again = fix_text(result.text, lint, unsafe=False)
        assert again.text == result.text
        assert again.fixed == 0
