"""Quote pairing looks through markup that draws no character.

Emphasis, strong and strikethrough delimiters, styling tags (``<em>``,
``<b>``), link brackets and escape backslashes are neither words nor spaces:
pairing reads the next real character past them, even past a block's edge
(a block runs from its first revealed character to its last, so markup at
its ends is left outside it). Code, tags that are content and template tags
stay opaque words. Each clean document used to raise a false alarm; each
defect document keeps a real defect beside the same markup, found at its
exact place.
"""

from __future__ import annotations

import pytest

from copydesk.batch import lint_text
from copydesk.ruleset import Ruleset

EXT = {"rst": "rst", "markdown": "md", "html": "html", "plain": "txt"}


def found(rs: Ruleset, text: str, fmt: str) -> list[tuple[int, int, str]]:
    return [
        (f.line, f.col, f.rule) for f in lint_text(text, f"doc.{EXT[fmt]}", fmt, rs)
    ]


CLEAN = [
    # Markdown: a quote inside emphasis touches the closing delimiter.
    (
        "markdown",
        "To close the pane, right-click its tab and pick **Close 'Output'**.\n\n"
        "Then choose _'Restart'_ or ~~'Reload'~~, and ***'Save all'*** last.\n\n"
        "**'Quoted bold'** can open a paragraph, too.\n",
    ),
    # Markdown: link and image text ending in a quote; escaped quotes.
    (
        "markdown",
        "![The dialog with 'Run as admin'](/img/run.png)\n\n"
        "Read [the page 'getting started'](/start) and ['Limits'](/limits).\n\n"
        'Type \\"yes\\" to confirm, as in "[the guide](/guide)".\n',
    ),
    # Markdown: an apostrophe after code at the start of a paragraph or cell.
    (
        "markdown",
        "`hexlify()`'ed bytes are twice as long.\n\n"
        "| call | effect |\n|---|---|\n| `flush()`'s | empties the buffer |\n",
    ),
    # Inline HTML styling tags in Markdown, and in an HTML page.
    (
        "markdown",
        "Pick <em>'Open recent'</em> or <strong>\"Clear\"</strong> from the list.\n",
    ),
    (
        "html",
        "<p>Pick <b>'File'</b>, then <i>'Export'</i>.<br>\"Done\" appears.</p>\n"
        "<table><tr><td>'Tis</td><td><em>'Draft'</em></td></tr></table>\n",
    ),
    # reST: emphasis and a reference's trailing underscore.
    (
        "rst",
        "Click *'Apply'* and read \"Python_\" first.\n\n.. _Python: https://python.org\n",
    ),
    # A shortcode caption with escaped quotes is prose, pairs on its own.
    (
        "markdown",
        '{{< figure src="mill.png" caption="The \\"new\\" mill, 1902" >}}\n',
    ),
]


@pytest.mark.parametrize(("fmt", "text"), CLEAN)
def test_looked_through_markup_pairs(quotes: Ruleset, fmt: str, text: str) -> None:
    assert found(quotes, text, fmt) == []


DEFECTS = [
    # An opener inside strong text that is never closed.
    (
        "markdown",
        "Then pick **Close 'Output** from the menu.\n",
        [(1, 19, "quotes.Unclosed")],
    ),
    # A quote left outside the code span that holds its partner.
    (
        "markdown",
        '| key | value |\n|---|---|\n| id | `"key-id`" |\n',
        [(3, 17, "quotes.Unmatched")],
    ),
    # Still found in a styling tag.
    (
        "html",
        "<p>Pick <em>'Open recent</em> now.</p>\n",
        [(1, 13, "quotes.Unclosed")],
    ),
    # An escaped quote in a shortcode caption that is never closed.
    (
        "markdown",
        '{{< figure src="mill.png" caption="The \\"new mill, 1902" >}}\n',
        [(1, 41, "quotes.Unclosed")],
    ),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), DEFECTS)
def test_defects_beside_looked_through_markup(
    quotes: Ruleset, fmt: str, text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(quotes, text, fmt) == expected


def test_quotation_over_paragraphs_in_emphasis_is_one_finding(
    quotes: Ruleset,
) -> None:
    """An italic quotation that runs on into the next paragraph without a new
    opener: the delimiters between the paragraphs are no barrier, so the
    opener and the later closer are one pair, reported once."""
    text = (
        "The brief reads:\n\n"
        "_“Entries are open to every team in the district._\n\n"
        "Judging takes place in May, in the town hall.”\n"
    )
    findings = lint_text(text, "doc.md", "markdown", quotes)
    assert [(f.line, f.col, f.rule) for f in findings] == [(3, 2, "quotes.Unclosed")]
    assert "closed on line 5, in a later paragraph" in findings[0].message


PLAIN_CLEAN = [
    # ‘ written inside words before a vowel is the ʻokina: a letter.
    "She trained at ‘Iolani School and leads the Hawai‘i council, "
    "a ho‘oponopono mediator.\n",
    # A gershayim between letters, with no quotation open.
    "He honoured his late father, Shmuel z”l, at the opening.\n",
    # A nested quotation whose space before the opener was lost.
    'The letter reads: "Our crews worked on such tasks as"resurfacing" '
    'and signage across the region."\n',
]


@pytest.mark.parametrize("text", PLAIN_CLEAN)
def test_letters_and_lost_spaces_are_not_quote_defects(
    quotes: Ruleset, text: str
) -> None:
    assert found(quotes, text, "plain") == []


PLAIN_DEFECTS = [
    # Without ‘ inside words, a ‘ before a word is an opener.
    (
        "Officials met in the Philippines ‘exclusive economic zone on Monday.\n",
        [(1, 34, "quotes.Unclosed")],
    ),
    # A closer after a closed quotation still has no opener.
    (
        "They asked for a “reset” button” on the process.\n",
        [(1, 32, "quotes.Unmatched")],
    ),
    # A closer glued to the next word closes the quotation it ends.
    (
        '"Stop"she said, and "wait.\n',
        [(1, 21, "quotes.Unclosed")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLAIN_DEFECTS)
def test_plain_defects_are_still_found(
    quotes: Ruleset, text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(quotes, text, "plain") == expected


def test_misplaced_opener_is_one_finding(quotes: Ruleset) -> None:
    """A closer with no opener whose twin closes later in the paragraph opened
    that quotation, misspaced or the wrong way round: one finding, not two."""
    text = (
        'The curator said," [the artist] liked how the booth looked". Then\n'
        "she showed the menu (e.g.”back” and “next”) on the screen.\n\n"
        "A lone closer” stays one finding, and so” does a second.\n"
    )
    assert found(quotes, text, "plain") == [
        (1, 18, "quotes.Unmatched"),
        (2, 26, "quotes.Unmatched"),
        (4, 14, "quotes.Unmatched"),
        (4, 41, "quotes.Unmatched"),
    ]


def test_quote_characters_named_in_a_list_are_not_quotes(quotes: Ruleset) -> None:
    """A straight mark among symbols is the character itself, named; a lone
    mark among words is still a stray."""
    text = (
        'File names may not contain these characters: < > : " / \\ | ? *\n\n'
        "Avoid ; , \" '<> &#35; and @ in a tag.\n\n"
        'He said " hello there.\n'
    )
    assert found(quotes, text, "markdown") == [(5, 9, "quotes.Stray")]


def test_a_quoted_run_of_symbols_still_pairs(quotes: Ruleset) -> None:
    text = '#### Example\n"0 30 * * * *" runs every hour on the half hour.\n'
    assert found(quotes, text, "markdown") == []
