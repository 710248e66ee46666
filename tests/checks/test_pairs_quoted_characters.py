"""Quote marks that are no quote defect: GNU/TeX-style `quoting', a quoted
character ('-'), a mark named in the text (a single quote ' here); and a
misspaced straight opener closed by a curly mark, which is one defect.

Every document here is our own. Each test failed on the code before the
change: the GNU closer was a quotes.Stray, a quoted symbol one or two
quotes.Unclosed, a named mark a quotes.Stray, and the misspaced opener a
quotes.Stray plus a quotes.Unmatched closer.
"""

from __future__ import annotations

from tests.checks.inline import where as found

from copydesk.ruleset import Ruleset

# -- GNU/TeX style: `quoted' -----------------------------------------------------


def test_grave_opener_pairs_with_a_closing_single_mark(quotes: Ruleset) -> None:
    """A ` before a word opens what a ' after a word closes; a backtick that
    closes (`date`) opens nothing, and a ' with no opener is still judged."""
    text = (
        "The loader reports `bad relocation type' or `segment\n"
        "overflow in table'. Running `strip' on `obj' helps.\n"
        "\n"
        "When `offsetof' meets ``packed'' fields it warns.\n"
        "\n"
        "Type `date` and read the named' tuples.\n"
    )
    assert found(quotes, text) == [(6, 31, "quotes.Stray")]


def test_grave_quotation_inside_a_single_quotation(quotes: Ruleset) -> None:
    """The ' after a grave-quoted word closes the ` quotation, not the
    single quotation around it, which its own closer ends."""
    text = "'Try `frobnicate' first,' she wrote, 'then the manual'.\n"
    assert found(quotes, text) == []
    # Without its own closer the outer quotation is unclosed, not ended by
    # the grave quotation's closer.
    assert found(quotes, "'Try `frobnicate' first, she wrote.\n") == [
        (1, 1, "quotes.Unclosed")
    ]


def test_grave_quoting_in_html_prose(quotes: Ruleset) -> None:
    text = (
        "<p>The `volatile' qualifier on <code>x</code> and the\n"
        "<em>`register'</em> keyword are ignored; so is `inline'.</p>\n"
        "<p>An unquoted forgotten' mark is not.</p>\n"
    )
    assert found(quotes, text, "html", "x.html") == [(3, 25, "quotes.Stray")]


def test_backtick_is_code_in_markdown(quotes: Ruleset) -> None:
    """In Markdown two backticks make a code span: the ' after it is judged
    as before; only a lone grave left in the prose opens."""
    text = "Pass `alpha' and `beta' flags.\n\nThe `gamma' flag.\n"
    assert found(quotes, text, "markdown", "x.md") == [(1, 23, "quotes.Stray")]


# -- a quoted character ------------------------------------------------------------


def test_quoted_symbol_pairs(quotes: Ruleset) -> None:
    text = (
        "Names are split on '-', and the part before the first '-' is the\n"
        'group; "(" and ")" bracket it, \'.\' ends it and ‘/’ divides.\n'
        "\n"
        "A lone '- opens a quotation here.\n"
    )
    assert found(quotes, text, "markdown", "x.md") == [(4, 8, "quotes.Unclosed")]


def test_quoted_quote_mark(quotes: Ruleset) -> None:
    text = "Escape a \"'\" as two, and a '\"' with a backslash.\n"
    assert found(quotes, text) == []


# -- a mark named in the text --------------------------------------------------------


def test_mark_named_after_its_name(quotes: Ruleset) -> None:
    text = (
        "Long numbers may be split with a single quote ' for readability.\n"
        "\n"
        "Put a double quote (\") around the value, or an apostrophe (').\n"
        "\n"
        "The ' character needs escaping; so does the quote: ' in names.\n"
        "\n"
        "He said ' mark my words.\n"
        "\n"
        "The quote « Nous restons » is spaced the French way.\n"
    )
    assert found(quotes, text, "markdown", "x.md") == [(7, 9, "quotes.Stray")]


def test_named_curly_mark(quotes: Ruleset) -> None:
    text = "Typesetters write the apostrophe ’ and the closing quote ” alike.\n"
    assert found(quotes, text) == []


def test_named_mark_closes_an_open_quotation(quotes: Ruleset) -> None:
    """A mark after a naming word still closes an open quotation of its
    kind: it cannot be told from a closer."""
    text = "She typed 'the quote ' and stopped, then 'the mark'.\n"
    assert found(quotes, text) == []
    assert found(quotes, "Then a stray quote ' here, and 'open.\n") == [
        (1, 32, "quotes.Unclosed")
    ]


# -- a misspaced straight opener closed by a curly mark ------------------------------


def test_misspaced_opener_closed_by_curly_mark_is_one_mixed(quotes: Ruleset) -> None:
    text = (
        '- Added the missing " |logo-2|” to the README (#1234)\n'
        '- Reverted " Use the new logo” (#1235)\n'
    )
    assert found(quotes, text, "rst", "x.rst") == [
        (1, 31, "quotes.Mixed"),
        (2, 30, "quotes.Mixed"),
    ]


def test_opener_at_line_end_closed_by_curly_mark(quotes: Ruleset) -> None:
    text = 'He used the term "\nweak reference” twice.\n'
    assert found(quotes, text) == [(2, 15, "quotes.Mixed")]
