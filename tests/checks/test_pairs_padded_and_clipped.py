"""Quote marks around values with spaces, clipped words after an apostrophe,
and reST backslash escapes: shapes from real docs trees (a language
proposal's grammar notes, a blog about the early web) that no quotation
defect holds.

Every document here is our own. Each test failed on the code before the
change: a padded value's marks were a quotes.Stray and a quotes.Unclosed, a
trailing space inside a quoted keyword two quotes.Unclosed, a clipped word
('net) a quotes.Unclosed, and a quotation around an escaped letter in reST a
quotes.Unclosed (the reader masked the escaped word and the closer with it).
"""

from __future__ import annotations

from tests.checks.inline import where as found

from copydesk.batch import lint_text
from copydesk.ruleset import Ruleset


def test_value_quoted_with_its_spaces(quotes: Ruleset) -> None:
    """(" :: ") and (for "not "): the spaces are part of the value; the
    closer before closing punctuation ends the quotation."""
    text = (
        'Fields are joined with (" :: ") and the negation is spelled\n'
        '(for "not ") in the grammar; "and " also keeps its space.\n'
    )
    assert found(quotes, text) == []
    assert found(quotes, text, "markdown", "x.md") == []


def test_misspaced_opener_before_a_word_is_still_one_stray(quotes: Ruleset) -> None:
    """A mark spaced on both sides whose closer follows a word is misspaced:
    the padded-value reading needs a space before the closer too."""
    text = 'The winner was " Blue Harbour Rowing Club" of Cork.\n'
    assert found(quotes, text) == [(1, 16, "quotes.Stray")]


def test_trailing_spaced_mark_before_words_still_opens(quotes: Ruleset) -> None:
    """A spaced mark before a word is no closer: the quotation it opens is
    unclosed when nothing closes it."""
    text = 'He called it "the plan and then "a disaster in the making.\n'
    assert (1, 14, "quotes.Unclosed") in found(quotes, text)


def test_clipped_words_after_an_apostrophe(quotes: Ruleset) -> None:
    text = (
        "Before the 'net, news came on paper; now 'bots read it first.\n"
        "\n"
        "They moved out to the 'burbs in a borrowed 'copter, or so he says.\n"
    )
    assert found(quotes, text) == []


def test_clipped_word_quoted_as_a_word(quotes: Ruleset) -> None:
    """An elided form between two marks is a quoted word ('cause'), and the
    one letter of rock 'n' roll is an elision still."""
    text = (
        "The slang 'cause' and the form 'em' are informal; rock 'n' roll is\n"
        "fine, and so is 'round the corner.\n"
    )
    assert found(quotes, text) == []


def test_unclosed_single_quotation_before_an_ordinary_word(quotes: Ruleset) -> None:
    text = "The minister called it 'a necessary step for the country.\n"
    assert found(quotes, text) == [(1, 24, "quotes.Unclosed")]


def test_rest_escaped_letter_inside_a_quotation(quotes: Ruleset) -> None:
    """docutils drops the backslash of any escape (``\\n`` reads ``n``): the
    words are still found in the source and the closer stays prose."""
    text = (
        "Output\n"
        "======\n"
        "\n"
        'The line "1 2\\n". ends the record, and "a\\tb" is two fields.\n'
        "\n"
        'A quotation "never closed\\n ends here.\n'
    )
    assert found(quotes, text, "rst", "x.rst") == [(6, 13, "quotes.Unclosed")]


def test_single_opener_closed_by_a_double_mark_in_a_double_quote_draft(
    quotes: Ruleset,
) -> None:
    """The draft quotes with “…”: of a ‘…” pair the opener is the odd mark,
    reported where it stands with “ as its mend."""
    text = (
        "“The port is full,” the harbour master said on Monday. ‘We turn\n"
        "ships away every night,” he added.\n"
    )
    [finding] = lint_text(text, "x.txt", "plain", quotes)
    assert (finding.line, finding.col, finding.rule) == (1, 56, "quotes.Mixed")
    assert finding.suggestions[:1] == ("“",)


def test_a_lone_closer_before_punctuation_is_unmatched(quotes: Ruleset) -> None:
    """A ’ after a word that takes no apostrophe, before a comma, ends a
    quotation that never opened; before a word it is a stray mark."""
    text = (
        "The review called the backlog a risk left unaddressed’, and urged\n"
        "the council to act. Its named’ tuples were fine.\n"
    )
    assert found(quotes, text) == [
        (1, 54, "quotes.Unmatched"),
        (2, 30, "quotes.Stray"),
    ]


def test_a_quotation_around_an_element_with_a_title(quotes: Ruleset) -> None:
    """An ``<abbr title>`` inside a quotation: the title is its own text, and
    the paragraph around it is one paragraph for pairing, so its marks pair;
    a quotation left open around one is still unclosed."""
    text = (
        '<p>An abbreviation such as "<abbr title="Web Content Accessibility '
        'Guidelines">WCAG</abbr>", should be expanded.</p>\n'
        '<p>The "<abbr title="World Wide Web Consortium">W3C</abbr> said so.</p>\n'
    )
    assert found(quotes, text, "html", "x.html") == [(2, 8, "quotes.Unclosed")]


def test_a_quoted_term_wrapped_over_an_indented_line(quotes: Ruleset) -> None:
    """'show captions' closed after a plural on the next, indented line of
    the source: two words, a quoted term, so its ’ closes it; the
    indentation is one gap between words, not many."""
    text = (
        "<p>Features in user agents (for example, a 'show\n"
        "        captions' option in a media player) help.</p>\n"
    )
    assert found(quotes, text, "html", "x.html") == []
    assert found(quotes, text.replace("\n        ", " "), "html", "x.html") == []


def test_near_misses_of_padded_values_and_clipped_words(quotes: Ruleset) -> None:
    """Found by a review: words quoted with spaces in a sentence are a
    misspaced quotation still; a clipped word that is also a word opens a
    quotation that a later mark closes ('net zero')."""
    text = (
        'The minister told reporters " we will not resign ", and left.\n'
        "\n"
        "The party backs 'net neutrality' and a 'bot army' law.\n"
    )
    assert found(quotes, text) == [(1, 29, "quotes.Stray"), (1, 50, "quotes.Unclosed")]


def test_quoted_escapes_ending_in_a_bracket(quotes: Ruleset) -> None:
    """reST changelog: "\\n{", "\\n}" quote strings ending in a bracket; the
    mark after the bracket closes (a comma follows: nothing to open)."""
    text = (
        "Changes\n=======\n\n"
        "- fixed assertion rewriting with __repr__ containing\n"
        '  "\\n{", "\\n}" and "\\n~".\n'
    )
    assert found(quotes, text, "rst", "x.rst") == []
    assert found(quotes, 'The JSON {"key": 1} and {"other: 2}.\n') == [
        (1, 26, "quotes.Unclosed")
    ]
