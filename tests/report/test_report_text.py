"""The text and concise formats: snippets, carets, summaries, colour."""

from __future__ import annotations

from copydesk.model import Finding, Severity
from copydesk.report import render
from copydesk.report._common import split_lines
from copydesk.report.text import summary
from tests.report.sample import FINDINGS, GUIDE, README, context, make


def test_clean_run_says_how_many_files() -> None:
    assert render("text", [], context()) == "No findings in 3 files.\n"
    assert render("text", [], context(files=["a.md"])) == "No findings in 1 file.\n"


def test_summary_counts_files_with_findings_of_files_checked() -> None:
    one = [FINDINGS[1]]
    assert summary(one, context(files=[GUIDE])) == (
        "Found 1 finding (1 error) in 1 file.\n[*] 1 fixable with `copydesk fix`.\n"
    )
    assert summary([FINDINGS[2]], context()).startswith(
        "Found 1 finding (1 warning) in 1 of 3 files.\n"
    )
    assert "fixable" not in summary([FINDINGS[2]], context())


def test_tabs_become_spaces_to_the_next_stop_so_the_caret_aligns() -> None:
    out = render("text", [FINDINGS[2]], context())
    source_line, caret_line = out.splitlines()[2:4]
    assert source_line == "  4 | The menu    said: “Crème brûlée, 100% fresh."
    assert caret_line == "    |                   ^"


def test_caret_counts_wide_and_combining_characters() -> None:
    path = "wide.txt"
    text = "東京 e\u0301 Zürich\n"
    finding = make(GUIDE, "Peking", "r.R", Severity.WARNING, "m")
    start = text.index("Zürich")
    finding = finding.__class__(
        **{
            **{k: getattr(finding, k) for k in Finding._fields},
            "path": path,
            "start": start,
            "end": start + 6,
            "line": 1,
            "col": start + 1,
            "end_col": start + 7,
        }
    )
    out = render("text", [finding], context(sources={path: text}, files=[path]))
    # 東京 is four cells, e + combining acute is one.
    assert out.splitlines()[2] == "    | " + " " * 7 + "^~~~~~"


def test_missing_source_or_line_prints_the_header_only() -> None:
    out = render("text", [FINDINGS[0]], context(sources={}))
    assert out.splitlines()[0].startswith("docs/guide.md:3:12: warning names.Beijing")
    assert out.splitlines()[1] == ""
    error = make(README, "Nothing", "copydesk.error", Severity.ERROR, "unreadable")
    error = error.__class__(
        **{**{k: getattr(error, k) for k in Finding._fields}, "line": 0, "col": 0}
    )
    assert render("text", [error], context()).startswith(
        "README.md:0:0: error copydesk.error unreadable\n\n"
    )


def test_match_past_the_end_of_the_line_gets_a_caret() -> None:
    finding = FINDINGS[0].__class__(
        **{
            **{k: getattr(FINDINGS[0], k) for k in Finding._fields},
            "col": 40,
            "end_col": 40,
        }
    )
    caret = render("text", [finding], context()).splitlines()[2]
    assert caret == "    | " + " " * 39 + "^"


def test_control_and_bidi_characters_cannot_reach_the_terminal() -> None:
    text = "a\x1b[31mb\u202ec\rnext\n"
    finding = make(GUIDE, "Peking", "r.R", Severity.WARNING, "bad\x1b[0m\r\nsecond")
    finding = finding.__class__(
        **{
            **{k: getattr(finding, k) for k in Finding._fields},
            "path": "x",
            "line": 1,
            "col": 1,
            "end_line": 1,
            "end_col": 2,
        }
    )
    out = render("text", [finding], context(sources={"x": text}, files=["x"]))
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\r" not in out
    assert out.splitlines()[:3] == [
        "x:1:1: warning r.R bad\ufffd[0m",
        "    second",
        "  1 | a\ufffd[31mb\ufffdc",
    ]


def test_colour_only_when_asked() -> None:
    plain = render("text", FINDINGS, context())
    coloured = render("text", FINDINGS, context(color=True))
    assert "\x1b[" not in plain
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert "\x1b[1mdocs/guide.md\x1b[0m:3:12:" in coloured


def test_split_lines_counts_the_breaks_document_counts() -> None:
    assert split_lines("a\r\nb\rc\nd\x0ce\u2028f") == ["a", "b", "c", "d\x0ce\u2028f"]
