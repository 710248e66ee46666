"""Faults a reviewer reproduced against session 37's change (rounds bs and
bt's mends), each on a document of our own, mended."""

from __future__ import annotations

from tests.shipped_packs import found, lint

from copydesk.batch import lint_text
from copydesk.model import Applicability
from copydesk.ruleset import load_ruleset


def test_a_misspelling_after_a_closed_mention_is_read() -> None:
    """ "spelt ‘colour’" closes at its ’: the words after it are used, and
    a mention far back in another sentence names nothing here."""
    text = (
        "In British English the word is spelt ‘colour’, and the goverment"
        " style guide recomends it.\n"
        "The guide says the word is spelt ‘organise’.\n"
        "\n"
        "Another paragraph, long enough that the word we want stands far"
        " along, where the goverment desk asked for a second reader.\n"
    )
    assert found(text, "notes.md", "typos") == [
        (1, 56, "typos.Misspellings"),
        (1, 78, "typos.Misspellings"),
        (4, 82, "typos.Misspellings"),
    ]


def test_a_dropped_double_letter_is_no_german_case() -> None:
    text = (
        "Der Verein hat am Montag einen neuen Vorstand gewählt. Vorsitzender"
        " ist Thomas Hoffmann, der seit zehn Jahren Mitglied ist.\n"
        "\n"
        "Hoffman sagte nach der Wahl, dass er sich auf die Arbeit freue, und"
        " die Stadt hat dafür bereits Geld zugesagt.\n"
    )
    assert found(text, "verein.md", "variants") == [(3, 1, "variants.Names")]


def test_a_handle_is_no_address() -> None:
    """An e-mail address marks a credit; a handle on a line of furniture
    ("Folgen Sie uns … @stadt") does not."""
    text = (
        "The city council approved the new budget on Tuesday after a long"
        " debate.\n\nFolgen Sie uns auf Instagram @stadtnachrichten\n\n"
        "The plan raises spending on schools and roads by four per cent next"
        " year.\n"
    )
    rules = load_ruleset(select=["artifacts"])
    assert [(f.line, f.rule) for f in lint_text(text, "story.txt", "plain", rules)] == [
        (3, "artifacts.ForeignScript")
    ]


def test_a_percent_after_a_figure_closes_a_quotation() -> None:
    text = (
        'The report said "sales rose by 50%"and nobody believed it.\n\n'
        'Our poll found "support at 45%"while the rival poll found less.\n'
    )
    assert found(text, "poll.md", "quotes") == []


def test_a_box_of_links_out_is_still_debris_on_an_authored_page() -> None:
    text = (
        "# Council approves new budget\n\n"
        "The council approved the budget on Tuesday after a long debate.\n\n"
        "Read more\n\n"
        "- [Mayor unveils transport plan](https://news.example.com/plan)\n"
        "- [Schools face teacher shortage](https://news.example.com/teachers)\n\n"
        "The vote was 7 to 2.\n"
    )
    assert found(text, "budget.md", "artifacts") == [(5, 1, "artifacts.Related")]


def test_a_shopping_list_is_no_list_of_names() -> None:
    text = (
        "# Tiramisu\n\nYou need:\n\n- Mascarpone\n- Savoiardi\n- bannanas\n"
        "- espresso\n- Amaretto di Saronno\n- Marsala Superiore\n"
    )
    assert found(text, "recipe.md", "typos") == [(7, 3, "typos.Unknown")]


def test_a_verb_before_a_doubled_article_keeps_the_safe_fix() -> None:
    text = (
        "Close the the door when you leave.\n\n"
        "Respect the the limits set by the admin.\n\n"
        "In addition the the report was late.\n"
    )
    fixes = [
        (f.line, f.fix.applicability if f.fix else None)
        for f in lint(text, "notes.md", "style")
    ]
    assert fixes == [
        (1, Applicability.SAFE),
        (3, Applicability.SAFE),
        (5, Applicability.UNSAFE),
    ]
