"""The text format on prose: windows of long paragraphs fitted to the width.

A paragraph of a draft is one source line; these goldens show what a reader
sees for a match at its start, middle and end, a match longer than the
window, a line of wide (CJK) characters, and a finding at the line break, at
two terminal widths. ``pytest tests/report --update-golden`` rewrites them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.document import Document
from copydesk.model import Applicability, Edit, Finding, Fix, Severity
from copydesk.report import ReportContext, render
from copydesk.report._fit import cells, wrap
from copydesk.report.text import Window, window
from tests.report.sample import context

GOLDEN = Path(__file__).parent / "golden"
PATH = "drafts/azovstal.txt"

PARAGRAPH = (
    "Officials in Kiev said on Wednesday that the evacuation of the wounded "
    "from the steelworks had begun, and President Volodymyr Zelenskyj said in "
    "a late-night video message that he had spoken to his French colleague "
    "about “the evacuation of our heroes, which must go on until the last of "
    "them is out of the plant and the families know where each of them has "
    "been taken, whatever the separatists now claim, and whatever the "
    "ministry in Moscow says in its morning briefing to the press. The talks "
    "continue on Thursday in Istanbul, where both delegations are expected to "
    "meet again at the Dolmabahçe palace, officials said in Kiev"
)
WIDE = "東京の記者会見で、" * 12 + "Zürich の代表は 記者 に 語った。"
SOURCE = f"{PARAGRAPH}\n\n{WIDE}\n"


def _finding(
    needle: str,
    rule: str,
    message: str,
    *,
    occurrence: int = 0,
    safe: str | None = None,
    severity: Severity = Severity.WARNING,
) -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = SOURCE.index(needle, start + 1)
    end = start + len(needle)
    fix = None
    if safe is not None:
        fix = Fix((Edit(start, end, safe),), Applicability.SAFE)
    return Document.plain(SOURCE, PATH).finding(
        rule, severity, message, start, end, (), fix
    )


FINDINGS = (
    _finding("Kiev", "names.Places", "Use 'Kyiv' rather than 'Kiev'.", safe="Kyiv"),
    _finding(
        "Zelenskyj",
        "names.People",
        "Use 'Zelensky' rather than 'Zelenskyj' (house spelling).",
        safe="Zelensky",
    ),
    _finding(
        "“the evacuation of our heroes, which must go on until the last of them "
        "is out of the plant and the families know where each of them has been "
        "taken, whatever the separatists now claim",
        "quotes.Unclosed",
        "Quotation opened with “ is not closed in its paragraph: add the closing "
        "mark where the quotation ends, or drop the opener if it is debris.",
    ),
    _finding(
        "Kiev",
        "names.Places",
        "Use 'Kyiv' rather than 'Kiev'.",
        occurrence=1,
        safe="Kyiv",
    ),
    _finding(
        "Zürich",
        "variants.Spelling",
        "'Zürich' and 'Zurich' both appear: pick one.",
        severity=Severity.SUGGESTION,
    ),
)

#: case -> (format, width)
CASES = {
    "text-prose-100": ("text", 100),
    "text-prose-60": ("text", 60),
    "statistics-60": ("statistics", 60),
}


def _context(width: int) -> ReportContext:
    return context(sources={PATH: SOURCE}, files=[PATH], width=width)


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, update_golden: bool) -> None:
    fmt, width = CASES[case]
    findings = FINDINGS if fmt == "text" else (*FINDINGS, *FINDINGS[:2])
    output = render(fmt, findings, _context(width))
    golden = GOLDEN / f"{case}.txt"
    if update_golden:
        golden.write_bytes(output.encode("utf-8"))
    assert output == golden.read_bytes().decode("utf-8")


@pytest.mark.parametrize("width", [60, 80, 100, 160])
def test_no_line_is_wider_than_the_width(width: int) -> None:
    output = render("text", FINDINGS, _context(width))
    assert max(cells(line) for line in output.splitlines()) <= width


def test_a_location_wider_than_the_width_is_never_cut() -> None:
    """``path:line:col: level rule`` is what editors parse: it stays whole."""
    lines = render("text", FINDINGS[-1:], _context(40)).splitlines()
    assert lines[:3] == [
        "drafts/azovstal.txt:3:109: suggestion variants.Spelling",
        "    'Zürich' and 'Zurich' both appear:",
        "    pick one.",
    ]


def test_a_line_that_fits_is_shown_whole() -> None:
    shown = window("We flew to Peking.", 11, 17, 40)
    assert shown == Window("We flew to Peking.", 11, "^~~~~~")


def test_a_long_line_is_cut_between_words_around_the_match() -> None:
    line = " ".join(f"word{i:02d}" for i in range(40))
    start = line.index("word20")
    shown = window(line, start, start + 6, 40)
    assert shown.text == "…word18 word19 word20 word21 word22…"
    assert shown.text[shown.offset :].startswith("word20")
    assert shown.caret == "^~~~~~"


def test_a_match_wider_than_the_window_shows_its_start() -> None:
    line = "Intro. " + "x" * 200 + " outro."
    shown = window(line, 7, 207, 40)
    assert shown.text == "Intro. " + "x" * 31 + "…"
    assert shown.offset == 7
    assert shown.caret == "^" + "~" * 30


def test_a_finding_at_the_line_break_of_a_long_line() -> None:
    line = "a" * 300
    shown = window(line, 300, 300, 40)
    assert shown == Window("…" + "a" * 38, 39, "^")


def test_wrap_keeps_a_word_longer_than_the_line_whole() -> None:
    url = "https://example.org/" + "a" * 60
    assert wrap(f"See {url} now.", 40) == ["See", url, "now."]
    assert wrap("one two three", 40, first=35, indent=4) == ["one", "two three"]
