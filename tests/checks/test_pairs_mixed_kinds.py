"""A quotation opened with one kind of mark and closed with the other kind.

``said ‘Alright, let’s go.”`` is one quotation with mismatched marks: one
``quotes.Mixed`` at the closer, suggesting the opener's own closer, with no
fix (whether the opener or the closer is the wrong mark is a judgement). It
used to be two findings, an Unclosed opener and an Unmatched closer "with no
opening quotation mark", the second of them wrong. A TeX-style ``''`` closing
a double quotation is one Mixed too, not an Unclosed opener.

Every document here is our own; each case of the first groups failed before
the change (on the old code it gave Unclosed + Unmatched, or Unclosed).
"""

from __future__ import annotations

import pytest

from copydesk.batch import lint_text
from copydesk.model import Applicability, Finding
from copydesk.ruleset import Ruleset


def lint(
    rs: Ruleset, text: str, path: str = "x.txt", fmt: str = "plain"
) -> list[Finding]:
    return list(lint_text(text, path, fmt, rs))


def where(
    rs: Ruleset, text: str, path: str = "x.txt", fmt: str = "plain"
) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.rule) for f in lint(rs, text, path, fmt)]


# -- single opener, double closer ----------------------------------------------

SINGLE_THEN_DOUBLE = [
    # Curly ‘ closed by curly ”, an apostrophe (let’s) inside.
    (
        "Then she said ‘Right, let’s book the hall first.” We left.\n",
        [(1, 49, "quotes.Mixed")],
    ),
    # Straight ' closed by curly ”.
    ("They kept asking, 'Will anybody read this?”\n", [(1, 43, "quotes.Mixed")]),
    # Curly ‘ closed by straight ", with don’t inside.
    ('He told me ‘don’t wait up," and went out.\n', [(1, 27, "quotes.Mixed")]),
    # A properly paired quotation later in the paragraph stays clean; it
    # shows the draft quotes with “…”, so the lone ‘ is the odd mark (as a
    # blind reader marked the same shape in accuracy8).
    (
        "Letters said things like, ‘We docked at a harbour town,” but most"
        " said “I’m well.”\n",
        [(1, 27, "quotes.Mixed")],
    ),
    # The quotation runs over a line break inside its paragraph.
    (
        "So the testers went ‘Oh wow,\nthis is really quick.” We got notes.\n",
        [(2, 22, "quotes.Mixed")],
    ),
    # A new single quotation after it is its own, so the first has no closer.
    (
        "‘We went,” he said, ‘and then came back.’\n",
        [(1, 10, "quotes.Mixed")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SINGLE_THEN_DOUBLE)
def test_single_opener_double_closer_is_one_mixed(
    quotes: Ruleset, text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert where(quotes, text) == expected


# -- double opener, single closer ----------------------------------------------

DOUBLE_THEN_SINGLE = [
    ("“We walked home.’ Then it rained.\n", [(1, 17, "quotes.Mixed")], "”"),
    ("“We walked home,' she said.\n", [(1, 17, "quotes.Mixed")], "”"),
    (
        "The memo read \"ship it today!' and nothing more.\n",
        [(1, 30, "quotes.Mixed")],
        '"',
    ),
]


@pytest.mark.parametrize(("text", "expected", "closer"), DOUBLE_THEN_SINGLE)
def test_double_opener_single_closer_after_punctuation_is_one_mixed(
    quotes: Ruleset, text: str, expected: list[tuple[int, int, str]], closer: str
) -> None:
    found = lint(quotes, text)
    assert [(f.line, f.col, f.rule) for f in found] == expected
    assert found[0].suggestions == (closer,)
    assert found[0].fix is None


# -- TeX-style '' closing a double quotation -----------------------------------


def test_two_straight_apostrophes_close_a_curly_double_quotation(
    quotes: Ruleset,
) -> None:
    found = lint(quotes, "It got too “in the weeds'' for the managers.\n")
    assert [(f.line, f.col, f.rule) for f in found] == [(1, 25, "quotes.Mixed")]
    (finding,) = found
    assert finding.message == "Closing '' does not match the opening “ (expected ”)."
    assert finding.suggestions == ("”",)
    # Both marks are replaced, and only with --unsafe-fixes.
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.UNSAFE
    (edit,) = finding.fix.edits
    assert (edit.end - edit.start, edit.replacement) == (2, "”")


def test_tex_closer_in_markdown_before_more_text(quotes: Ruleset) -> None:
    text = "Some notes are too “deep in the details.'' for readers, and that’s fine.\n"
    assert where(quotes, text, "post.md", "markdown") == [(1, 41, "quotes.Mixed")]


# -- the finding itself --------------------------------------------------------


def test_the_one_finding_names_both_marks_and_has_no_fix(quotes: Ruleset) -> None:
    found = lint(quotes, "Then she said ‘Right, let’s book the hall first.” We left.\n")
    (finding,) = found
    assert finding.message == "Closing ” does not match the opening ‘ (expected ’)."
    assert finding.suggestions == ("’",)
    assert finding.fix is None  # which mark is wrong is the editor's call
    assert "no opening" not in finding.message


def test_in_markdown_beside_a_link_and_in_alt_text(quotes: Ruleset) -> None:
    text = (
        "The team said ‘Fine, let’s run the [field study](https://example.org).”\n\n"
        "![Chart - 'Tasks that don’t have an owner are\nshared fairly\"](/chart.svg)\n"
    )
    assert where(quotes, text, "post.md", "markdown") == [
        (1, 71, "quotes.Mixed"),
        (4, 14, "quotes.Mixed"),
    ]


# -- what must not change ------------------------------------------------------
# These guard the new pairing (they passed before it as well).

KEEP = [
    # Nested quotations, apostrophes inside.
    ("“He said ‘no’ and left.”\n", []),
    ("“She told me ‘don’t wait’ and smiled.”\n", []),
    ("‘She called it “the plan” and laughed.’\n", []),
    # The single opener has its own closer later: the double closer is the
    # stray one, as before.
    (
        "‘We went,” he said and then came back.’\n",
        [(1, 10, "quotes.Unmatched")],
    ),
    # The double opener is closed later by its own kind: the ' after a full
    # stop closes nothing.
    ("“He sang 'Tis the season.' and left.”\n", []),
    # A plural possessive after a word is no closer.
    ("“The players’ bench was empty\n", [(1, 1, "quotes.Unclosed")]),
    # Wiki-style ''italics'' are not TeX closers.
    ("the ''first'' word and the ''second'' one\n", []),
    # '' with no double quotation open is left alone.
    ("It got too in the weeds'' for the managers.\n", []),
]


@pytest.mark.parametrize(("text", "expected"), KEEP)
def test_nested_quotes_and_apostrophes_unchanged(
    quotes: Ruleset, text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert where(quotes, text) == expected
