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

import pytest

from copydesk.batch import lint_text
from copydesk.ruleset import Ruleset, load_ruleset


@pytest.fixture(scope="module")
def quotes() -> Ruleset:
    return load_ruleset(select=["quotes"])


def found(
    rs: Ruleset, text: str, fmt: str = "plain", path: str = "x.txt"
) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.rule) for f in lint_text(text, path, fmt, rs)]


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
