"""``pairs`` on pasted drafts, a paragraph to a line: a quotation left open on
one line is not continued by a quotation opened on a later, unrelated line,
and the marks of another language's convention are named as odd in English."""

from __future__ import annotations

from copydesk.model import Applicability

from .test_pairs import lint, where

MINISTER = "The minister spoke in the capital on Monday after the cabinet met.\n"


def test_an_opener_left_open_mid_line_does_not_nest_the_next_quotation() -> None:
    text = (
        MINISTER
        + 'She said the report "was taken into account in every point.\n'
        + "Late in the evening the protest in the square ended peacefully.\n"
        + '"Without the mine there is nothing here," a miner told television."\n'
    )
    assert where(text) == [("quotes.Unclosed", 2, 21), ("quotes.Unmatched", 4, 67)]


def test_only_the_next_line_continues_a_quotation_as_a_book_does() -> None:
    unclosed = (
        MINISTER
        + "“We cannot rule out new delays in November, he said.\n"
        + "The port handled 1.9 million tonnes of grain in September.\n"
        + "“The road is long, but the grain leaves the country,” a trader said.\n"
    )
    assert where(unclosed) == [("quotes.Unclosed", 2, 1)]
    continued = (
        MINISTER
        + "“We cannot rule out new delays in November.\n"
        + "“The road is long, but the grain leaves the country,” he said.\n"
    )
    assert where(continued) == []


def test_a_closing_mark_opening_english_words_is_the_odd_mark() -> None:
    text = (
        "“We stay,” the mayor said.\n"
        "”My client took nothing from anyone,” the lawyer told reporters.\n"
    )
    [finding] = lint(text)
    assert (finding.rule, finding.line, finding.col) == ("quotes.Mixed", 2, 1)
    assert finding.suggestions == ("“",)
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.UNSAFE
    # Swedish quotes ”…” throughout: one way, no defect
    assert where("”Vi stannar”, sa borgmästaren.\n", language="sv") == []


def test_a_low_nine_opener_in_english_gets_no_german_closer() -> None:
    text = (
        "“We stay,” the mayor said.\n"
        '„We have lost the school and half of the shops," she told the radio.\n'
    )
    [finding] = lint(text)
    assert (finding.rule, finding.line, finding.col) == ("quotes.Mixed", 2, 48)
    assert finding.fix is None  # „…“ would be a pair English does not use
    assert "„ opens no quotation in the document's language" in finding.message
    # in German the closer is certain, and its fix safe
    [german] = lint('Sie sagte „ja" und ging.', "de")
    assert german.fix is not None
    assert german.fix.applicability is Applicability.SAFE
