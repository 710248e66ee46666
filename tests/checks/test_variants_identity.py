"""``variants.Names`` on words that are not one name spelled two ways.

Found on real trees: extension codes in a list (two codes without a vowel
share a key), bare list items naming different things, short unrelated words
that meet on the key (it folds c, z, ts and tz together), and two people
whose surnames differ by romanisation, one of them written with a middle
initial. Each test failed before its guard existed; the documents are
written for these tests.
"""

from __future__ import annotations

from functools import cache

from copydesk.batch import lint_text
from copydesk.ruleset import Ruleset, load_ruleset


@cache
def _ruleset() -> Ruleset:
    return load_ruleset(select=["variants"])


def findings(text: str, path: str, fmt: str) -> list[tuple[int, int, str]]:
    """(line, column, rule) of the variants findings, as the CLI finds them."""
    return [(f.line, f.col, f.rule) for f in lint_text(text, path, fmt, _ruleset())]


def test_codes_without_a_vowel_are_not_names() -> None:
    text = (
        "<h2>Target support</h2>\n"
        "<p>The assembler accepts these bit-manipulation extensions:</p>\n"
        "<ul>\n<li>Zkdc</li>\n<li>Zkdz</li>\n<li>Zkdn</li>\n</ul>\n"
        "<p>Zkdc and Zkdz are both needed for the crypto kernels.</p>\n"
    )
    # Before: 5:5 and 8:13 ('Zkdz' here, 'Zkdc' on line 4).
    assert findings(text, "targets.html", "html") == []


def test_spellings_only_ever_alone_in_list_items_are_list_entries() -> None:
    listed = (
        "<p>Board files were added for:</p>\n"
        "<ul>\n<li>Brisa</li>\n<li>Briza</li>\n<li>Taiga</li>\n</ul>\n"
    )
    # Before: 4:5 ('Briza' here, 'Brisa' on line 3).
    assert findings(listed, "boards.html", "html") == []
    # Once one of them is written in running text, it is a name again.
    mentioned = (
        "Board files were added for:\n\n- Brisa\n- Briza\n\n"
        "Brisa ships first; Briza follows in June.\n"
    )
    assert findings(mentioned, "boards.md", "markdown") == [
        (4, 3, "variants.Names"),
        (6, 20, "variants.Names"),
    ]


def test_short_words_that_share_too_few_letters_are_not_one_name() -> None:
    text = (
        "Photos by Anna Pitz.\n\n"
        "More Pics from the launch are in the gallery, and the Pics page\n"
        "links to the full set.\n"
    )
    # Before: 1:16 ('Pitz' here, 'Pics' on line 3): both read "pis".
    assert findings(text, "launch.txt", "plain") == []


def test_a_middle_initial_does_not_hide_the_given_name() -> None:
    text = (
        "# Contributors\n\n"
        "Thanks to everyone who sent patches for this release:\n\n"
        "- Irina D. Savchenko <irina@example.org>\n"
        "- Oskar Lindqvist <oskar@example.org>\n"
        "- Pavel Sawtschenko <pavel@example.org>\n\n"
        "Halyna M. Tkachenko reviewed the translations; Halyna Tkatschenko also\n"
        "rewrote the glossary.\n"
    )
    # Irina and Pavel are two people; Halyna is one, spelled two ways.
    # Before: also 7:9 ('Sawtschenko' here, 'Savchenko' on line 5).
    assert findings(text, "CONTRIBUTORS.md", "markdown") == [(9, 55, "variants.Names")]


def test_a_title_before_a_surname_is_no_given_name() -> None:
    # Before: "Father" read as a given name told "Father Samojlenko" from
    # "Bohdan Samoylenko": two people, nothing reported.
    text = (
        "Confessions are heard from 9.00 by Father Bohdan Samoylenko.\n\n"
        "Please hand names and payment to Samojlenko's office by Wednesday.\n\n"
        "Speak to Father Samojlenko after either Liturgy. Father Samoylenko\n"
        "thanks everyone who helped.\n"
    )
    assert findings(text, "bulletin.txt", "plain") == [
        (3, 34, "variants.Names"),
        (5, 17, "variants.Names"),
    ]


def test_a_given_name_and_a_surname_are_two_people() -> None:
    # "Alvin" stands before surnames and after no name, "Allvin" only after
    # a given name. Before: 'Allvin' here, 'Alvin' on line 1.
    text = (
        "She clerked for Alvin Thompson on the Court of Appeals.\n\n"
        "The council named Alvin Yeung to the panel. Alvin is a former teacher.\n\n"
        "The president nominated Gen. David Allvin as chief of staff.\n"
    )
    assert findings(text, "news.txt", "plain") == []


def test_a_name_broken_over_a_wrapped_line_is_one_name() -> None:
    # Before: "Dariusch" at a line's end had no surname after it, and a
    # given name always followed by one was told apart from it.
    text = (
        "The jury gave its main prize to the documentary by Dariush Farahmand.\n\n"
        "A special mention goes to the lead actor, Kaveh Najafi, whom Dariusch\n"
        "Farahmand found working at a roadside tea house near the coast.\n\n"
        "The award was accepted by the producer for Dariush Farahmand.\n"
    )
    assert findings(text, "jury.txt", "plain") == [(3, 62, "variants.Names")]


def test_a_function_word_opening_a_sentence_is_no_neighbouring_name() -> None:
    # "The" and "In" are no part of a name: a title's last word over a
    # line that opens "In October" is no person's name. (A guard: with a
    # line break read as a space and "In" a name, this was 0 findings.)
    text = (
        "Council blog: our twinning visit to Uzhhorod\n"
        "In October twelve councillors travelled to Uzhhorod to sign a plan.\n"
        "The Uschhorod-based water utility will receive two pumping units.\n"
    )
    assert findings(text, "blog.txt", "plain") == [(3, 5, "variants.Names")]


def test_a_list_items_last_name_is_no_neighbour_of_the_next_items_verb() -> None:
    # A guard: with a line break read as a space everywhere, "Bussonnier"
    # at an item's end took "Use" and "Add" from the next items, and
    # "Bussonier" "Close", so the slip was two people.
    items = [
        ("Fix imbalanced backticks in the array docs", "Matthias Bussonnier"),
        ("Use pip install instead of calling setup.py", "Matthias Bussonier"),
        ("Add a sizeof for zero-strided arrays everywhere", "Matthias Bussonnier"),
        ("Close the file handles in the reader", "Jane Mills"),
    ]
    text = "Changelog\n=========\n\n" + "".join(
        f"- {what} (:pr:`{100 + i}`) `{who}`_\n" for i, (what, who) in enumerate(items)
    )
    assert findings(text, "changelog.rst", "rst") == [(5, 69, "variants.Names")]
