"""The one line index: CRLF, lone CR, astral characters, empty text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.document import Document
from copydesk.lines import LineIndex, _typecode, line_starts, next_line_end
from copydesk.markup.plain import read
from copydesk.model import Applicability, Edit, Fix, Severity
from copydesk.report import ReportContext, sarif


def naive_line_col(text: str, offset: int) -> tuple[int, int]:
    """Walk the characters before ``offset``: LF ends a line, so does a CR
    that no LF follows (CRLF ends one line, at its LF)."""
    line, start = 1, 0
    for i, ch in enumerate(text[:offset]):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            line, start = line + 1, i + 1
    return line, offset - start + 1


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a \n\r\u2028\x85é", max_size=60))
def test_line_starts_are_where_a_character_walk_starts_lines(text: str) -> None:
    """CRLF, lone CRs in runs and before CRLF, LF, and separators that end
    no line (U+2028, NEL): the index read from the text with its CRs
    rewritten is the walk's."""
    walked = [0]
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            walked.append(i + 1)
    assert list(line_starts(text)) == walked
    assert list(line_starts(text + "\r")) == [*walked, len(text) + 1]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a \n\r\u2028é", max_size=60), st.data())
def test_line_starts_in_halves_joined_are_the_whole_texts(
    text: str, data: st.DataObject
) -> None:
    """Two processes index a text's halves, cut where a line starts after a
    line feed: the first half's last start is the second's first, and the
    two joined there are the whole index (of the same item size)."""
    text += "\n" + data.draw(st.text(alphabet="a \n\r", max_size=20))
    whole = line_starts(text)
    cut = data.draw(st.sampled_from([i + 1 for i, ch in enumerate(text) if ch == "\n"]))
    first, second = line_starts(text, 0, cut), line_starts(text, cut)
    assert first[-1] == second[0] == cut
    assert first.typecode == second.typecode == whole.typecode
    first.pop()
    first.extend(second)
    assert first == whole
    adopted = LineIndex(text)
    adopted.adopt(first)
    assert [adopted.line_col(i) for i in range(len(text) + 1)] == [
        naive_line_col(text, i) for i in range(len(text) + 1)
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\r\t\U0001f600é", max_size=40), st.data())
def test_line_col_agrees_with_a_naive_count(text: str, data: st.DataObject) -> None:
    """Counted (the first few questions) or indexed, every offset gets the
    line and column a character-by-character walk gives."""
    offsets = data.draw(st.lists(st.integers(0, len(text)), min_size=12, max_size=12))
    counted = LineIndex(text)
    indexed = LineIndex(text)
    assert len(indexed) == len(line_starts(text))  # builds the index first
    for offset in offsets:
        expected = naive_line_col(text, offset)
        assert counted.line_col(offset) == expected
        assert indexed.line_col(offset) == expected
        assert indexed.line(offset) == expected[0]


def test_crlf_ends_one_line_and_is_not_part_of_it() -> None:
    text = "Kyiv\r\nLviv\r\n\r\nOdesa"
    lines = LineIndex(text)
    assert len(lines) == 4
    assert [lines.line_start(n) for n in (1, 2, 3, 4)] == [0, 6, 12, 14]
    assert lines.line_bounds(2) == (6, 10)
    assert lines.line_bounds(3) == (12, 12)
    assert lines.line_col(text.index("Odesa")) == (4, 1)
    assert lines.line_col(text.index("\n")) == (1, 6)  # the LF of a CRLF


def test_a_lone_cr_ends_a_line() -> None:
    text = "old Mac\rline\r\nnext"
    lines = LineIndex(text)
    assert len(lines) == 3
    assert lines.line_col(text.index("line")) == (2, 1)
    assert lines.line_bounds(1) == (0, 7)
    assert lines.line_col(text.index("next")) == (3, 1)


def test_columns_count_code_points_so_an_astral_character_is_one() -> None:
    text = "\U0001f600 Kyiv\n\U0001d49c\U0001d49c Lviv"
    lines = LineIndex(text)
    assert lines.line_col(text.index("Kyiv")) == (1, 3)
    assert lines.line_col(text.index("Lviv")) == (2, 4)


def test_empty_text_has_one_empty_line() -> None:
    lines = LineIndex("")
    assert len(lines) == 1
    assert lines.line_col(0) == (1, 1)
    assert lines.line_bounds(1) == (0, 0)


def test_a_text_ending_in_a_line_break_has_an_empty_last_line() -> None:
    lines = LineIndex("one\r\n")
    assert len(lines) == 2
    assert lines.line_col(5) == (2, 1)
    assert lines.line_bounds(2) == (5, 5)


def test_document_reader_and_reporter_place_a_line_alike() -> None:
    """A directive after a lone CR and CRLFs, a finding's line and a SARIF
    fix region are all counted by the one index."""
    text = "Kyiv\rpeace\r\n\U0001f600 x\r\ncopydesk: disable-next-line\r\nIn Kiev\r\n"
    [directive] = read(text).directives
    doc = Document.plain(text, path="draft.txt")
    kiev = text.index("Kiev")
    fix = Fix((Edit(kiev, kiev + 4, "Kyiv"),), Applicability.SAFE)
    finding = doc.finding(
        "names.Places", Severity.WARNING, "Kyiv", kiev, kiev + 4, fix=fix
    )
    context = ReportContext("0.0.0-test", ".", {}, {"draft.txt": text}, ["draft.txt"])
    [result] = sarif.sarif_log([finding], context)["runs"][0]["results"]
    [change] = result["fixes"][0]["artifactChanges"]
    assert directive.line == 4
    assert (finding.line, finding.col, finding.end_col) == (5, 4, 8)
    assert change["replacements"][0]["deletedRegion"] == {
        "startLine": 5,
        "startColumn": 4,
        "endLine": 5,
        "endColumn": 8,
    }


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\r", max_size=30), st.data())
def test_next_line_end_stops_at_the_first_break(text: str, data: st.DataObject) -> None:
    """The first LF, CRLF or lone CR at or after ``pos`` (before ``stop``) ends
    the line, whatever comes later in the text."""
    pos = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(pos, len(text)))
    end = next(
        (i for i in range(pos, stop) if text[i] in "\r\n"),
        stop,
    )
    after = end + 2 if text.startswith("\r\n", end) else min(end + 1, stop)
    assert next_line_end(text, pos, stop) == (end, after if end < stop else stop)


def test_line_starts_cost_four_bytes_a_line_below_four_g_characters() -> None:
    """The index of a large file lives for its whole run."""
    for text in ("a\nb\n" * 50, "a\r\nb\rc\n" * 50):
        starts = line_starts(text)
        assert starts.itemsize == 4
        ends = [i for i in range(len(text)) if naive_line_col(text, i + 1)[1] == 1]
        assert list(starts) == [0, *(i + 1 for i in ends)]
    assert _typecode(1 << 32) == "q"
