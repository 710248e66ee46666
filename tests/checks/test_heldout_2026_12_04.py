"""Mends for what held-out trees and a seventh blind set showed (2026-12-04).

Each test is a document of our own with the shape a labeller found in a real
tree (an HTML page's contractions written with character references, a
Sphinx page's role titles in quotes, a pattern's slashes inside quotes) or a
blind case missed (a surname alone after the anchored full name, a style
note setting the house form against the old one).
"""

from __future__ import annotations

import pytest
from tests.checks.inline import lint_rule
from tests.checks.test_names import PEOPLE, PLACES, found

from copydesk.batch import lint_text
from copydesk.document import Document
from copydesk.model import Applicability
from copydesk.ruleset import Ruleset

LEXICON = """
extends: lexicon
message: "'%s'? %s"
"""


def _quotes(rs: Ruleset, text: str, path: str, fmt: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.rule) for f in lint_text(text, path, fmt, rs)]


# -- typos.Unknown: an apostrophe written as a character reference -------------


@pytest.mark.parametrize("ref", ["&apos;", "&rsquo;", "&#8217;", "&#39;", "&#x27;"])
def test_a_contraction_split_by_a_character_reference_is_one_word(ref: str) -> None:
    page = f"<p>You shouldn{ref}t wait, and she hadn{ref}t time to read it.</p>\n"
    assert lint_rule(LEXICON, page, "html") == []


def test_a_slip_before_a_referenced_apostrophe_is_still_reported() -> None:
    page = "<p>You shuoldn&apos;t wait for the reviewers.</p>\n"
    assert [m for _, _, m in lint_rule(LEXICON, page, "html")] == ["shuoldn"]


# -- quotes: reST role titles, slashes before a stop ---------------------------


def test_a_quoted_word_opening_a_roles_title_pairs(quotes: Ruleset) -> None:
    page = (
        "Options\n=======\n\n"
        "See :ref:`'sphinxsetup' <latexsphinxsetup>` for the keys, and\n"
        ":py:func:`'dunder' names <datamodel>` for the rest.\n"
    )
    assert _quotes(quotes, page, "options.rst", "rst") == []


def test_a_role_left_open_by_its_quote_is_still_reported(quotes: Ruleset) -> None:
    page = "See :ref:`'sphinxsetup <latexsphinxsetup>` for the keys.\n"
    assert _quotes(quotes, page, "options.rst", "rst") == [(1, 11, "quotes.Unclosed")]


def test_an_apostrophe_after_code_stays_an_apostrophe(quotes: Ruleset) -> None:
    page = "Use ``getattr()``'s result and :code:`x`'d values alike.\n"
    assert _quotes(quotes, page, "api.rst", "rst") == []


def test_a_quote_after_a_slash_before_a_stop_closes(quotes: Ruleset) -> None:
    text = "Give a value of the form '/regexp/'. Or use 'a-'; both work.\n"
    assert _quotes(quotes, text, "shards.md", "markdown") == []


# -- names: surnames alone, contrasts, names in their time ---------------------


def test_a_surname_alone_after_the_anchored_full_name_is_reported() -> None:
    text = (
        "The philosopher Bernard-Henri Lévi showed his film on Monday.\n"
        "Lévi, who has filmed in Ukraine since 2014, quoted Primo Levi\n"
        "and closed with a remark of Claude Lévi-Strauss.\n"
    )
    assert found(PEOPLE, text) == [(1, 31, "Lévi", "Lévy"), (2, 1, "Lévi", "Lévy")]


def test_a_surname_alone_is_left_when_the_spelling_names_someone_else() -> None:
    text = (
        "The philosopher Bernard-Henri Levi spoke first.\n"
        "Primo Levi was quoted twice, and Levi's book was sold out.\n"
    )
    assert found(PEOPLE, text) == [(1, 31, "Levi", "Lévy")]


def test_the_house_form_set_against_the_old_one_is_a_mention() -> None:
    text = (
        "Write Kyiv, not Kiev. Likewise Kharkiv (not Kharkov) and Lviv rather\n"
        "than Lvov. Kiev is the transliteration from Russian.\n"
    )
    assert found(PLACES, text) == [(2, 12, "Kiev", "Kyiv")]


def test_a_name_put_in_its_time_is_left_alone() -> None:
    text = (
        "In the Scottish Café in Lwów, then a Polish city, the notebook began.\n"
        "He taught in Lwów before 1939 and in Lviv after the war.\n"
        "The council of Lwów met on Tuesday.\n"
    )
    assert found(PLACES, text) == [(3, 16, "Lwów", "Lviv")]


def test_the_city_after_a_place_preposition_in_a_story_about_a_namesake() -> None:
    text = (
        "Bulgaria's Stefan Nikolaev took gold in Tirana.\n"
        "Nikolaev, 22, beat a wrestler who still trains in Nikolaev.\n"
    )
    assert found(PLACES, text) == [(2, 51, "Nikolaev", "Mykolaiv")]


def test_a_ship_class_of_two_words_names_the_ship() -> None:
    text = "The destroyer leader Kharkov was sunk off the coast in 1943.\n"
    assert found(PLACES, text) == []
    assert found(PLACES, "A bridge near Harkov was rebuilt.") == [
        (1, 15, "Harkov", "Kharkiv")
    ]


def test_a_quote_after_a_bracket_before_punctuation_opens(quotes: Ruleset) -> None:
    text = 'Mark it with a double colon ("::") or a suffix (".rst") alone.\n'
    assert _quotes(quotes, text, "literal.rst", "rst") == []
    assert _quotes(quotes, text, "literal.md", "markdown") == []


@pytest.mark.parametrize(
    ("fmt", "page"),
    [
        (
            "rst",
            "Title\n=====\n\nUse ``arange`` to make one; arange returns an array.\n",
        ),
        ("rst", "Title\n=====\n\nUse `arange` to make one; arange returns an array.\n"),
        ("markdown", "Use `arange` to make one; arange returns an array.\n"),
        ("html", "<p>Use <code>arange</code> to make one; arange returns it.</p>\n"),
    ],
)
def test_an_identifier_of_the_pages_code_is_a_term_in_its_prose(
    fmt: str, page: str
) -> None:
    assert lint_rule(LEXICON, page, fmt) == []


def test_a_slip_beside_an_identifier_is_still_a_slip() -> None:
    page = "Use `arange` to make one, as the documnet says.\n"
    assert [m for _, _, m in lint_rule(LEXICON, page, "markdown")] == ["documnet"]


def test_a_quote_after_an_equals_sign_opens(quotes: Ruleset) -> None:
    text = 'Set MAKEFLAGS="-j1" before you build, then run it.\n'
    assert _quotes(quotes, text, "build.md", "markdown") == []


def test_a_quoted_space_in_single_marks_is_no_stray(quotes: Ruleset) -> None:
    text = "The sign is '-', '+' or ' ', and with ' ' a space is printed.\n"
    assert _quotes(quotes, text, "format.rst", "rst") == []


def test_a_journeys_next_step_is_no_name_in_its_time() -> None:
    text = "We flew to Kiev, then drove south to Odesa.\n"
    assert found(PLACES, text) == [(1, 12, "Kiev", "Kyiv")]


def test_a_namesakes_possessive_after_in_is_the_namesakes() -> None:
    text = (
        "Prince Georgy Lvov led the Provisional Government in 1917.\n"
        "Kerensky served as a minister in Lvov's cabinet before replacing him.\n"
    )
    assert found(PLACES, text) == []


def test_a_surname_that_is_a_common_word_is_not_named_again() -> None:
    text = (
        "The philosopher Bernard-Henri Levy attacked the church tax.\n\n"
        "Levy payments start in May, and parishes expect a shortfall.\n"
    )
    assert found(PEOPLE, text) == [(1, 31, "Levy", "Lévy")]


def test_a_surname_named_again_gets_an_unsafe_fix() -> None:
    doc = (
        "The philosopher Bernard-Henri Lévi spoke.\n"
        "Lévi, who has filmed since 2014, left.\n"
    )
    fixes = [f.fix for f in PEOPLE.run(Document.plain(doc, path="x.txt"))]
    kinds = [None if fix is None else fix.applicability for fix in fixes]
    assert kinds == [Applicability.SAFE, Applicability.UNSAFE]


def test_a_single_quotation_closed_by_a_double_mark_after_a_year(
    quotes: Ruleset,
) -> None:
    text = "They called it ‘the worst since 1982” and blamed the council.\n"
    assert _quotes(quotes, text, "x.txt", "plain") == [(1, 37, "quotes.Mixed")]
    inches = "He said ‘the 55” screen is mine’ and left.\n"
    assert _quotes(quotes, inches, "x.txt", "plain") == []


def test_a_closer_of_another_style_after_a_closer_is_stray(quotes: Ruleset) -> None:
    text = (
        'She called the plan “dead before it reached the Assembly”". Then she left.\n'
    )
    assert _quotes(quotes, text, "x.txt", "plain") == [(1, 58, "quotes.Stray")]


def test_a_name_in_a_release_notes_credit_is_the_authors() -> None:
    notes = (
        "- **inspector**: add the debugger event (mary marchini) [#51560](https://x.org/p)\n"
        "- **fs**: fix the path (stif) #1234\n"
        "- **fs**: update the documnet (see the guide)\n"
    )
    assert [m for _, _, m in lint_rule(LEXICON, notes, "markdown")] == ["documnet"]


@pytest.mark.parametrize(
    ("fmt", "page"),
    [
        (
            "rst",
            "Names\n=====\n\n"
            "========  ======================================\n"
            "old name  use instead\n"
            "========  ======================================\n"
            "disp      Use your own printing function instead.\n"
            "========  ======================================\n",
        ),
        (
            "html",
            "<table><tr><td>disp</td><td>Use your own printer.</td></tr></table>\n",
        ),
    ],
)
def test_a_word_alone_in_a_table_cell_is_a_value(fmt: str, page: str) -> None:
    assert lint_rule(LEXICON, page, fmt) == []


# -- a second review's cases ---------------------------------------------------


def test_a_name_then_its_country_is_in_its_time() -> None:
    text = "She was born in Lwów, then Poland; he studied in Kharkov (then USSR).\n"
    assert found(PLACES, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He said, ‘I was going to—’… and then he stopped.\n",
        "He wrote 'a/b/'... and more.\n",
        "The players' 'home' ground is old, and ' ' is a space.\n",
    ],
)
def test_quotes_a_second_review_found_wrongly_flagged(
    quotes: Ruleset, text: str
) -> None:
    assert _quotes(quotes, text, "x.txt", "plain") == []


def test_a_measure_in_a_quotation_that_goes_on_is_no_closer(quotes: Ruleset) -> None:
    text = (
        "‘First, measure the wall. The set is 27” wide, so leave room.\n\n"
        "‘Then mount the bracket and hang it. That is all.’\n"
    )
    assert _quotes(quotes, text, "x.txt", "plain") == []


def test_a_default_role_title_is_no_code_word() -> None:
    page = "Title\n=====\n\nSee `Instalation Guide` first; the instalation is quick.\n"
    assert [m for _, _, m in lint_rule(LEXICON, page, "rst")] == ["instalation"]
