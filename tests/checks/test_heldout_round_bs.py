"""Mends for what round bs of held-out trees (``bench/labels/
heldout-2026-12-07s.md``: Agones' Hugo docs, Kivy's Sphinx docs, Vector's
release highlights, Double Commander's HTML help, a German association's
bilingual blog and Frigate's Docusaurus docs) showed, each on a document of
our own."""

from __future__ import annotations

from tests.shipped_packs import found, lint

#: A German post of a blog whose configuration says English.
GERMAN_POST = (
    "---\n"
    "title: Neue Gruppen in Hamburg\n"
    "---\n"
    "\n"
    "Die Gruppe wurde von vielen Freiwilligen gegründet, die die Treffen\n"
    "planen und durchführen. Das Rechenzentrum war personell stark\n"
    "vertreten, und der Verein stellte die Räume zur Verfügung.\n"
    "\n"
    "- Versuche wichtige Personen (Leiter_in vom Rechenzentrum) früh mit\n"
    "  an Board zu holen.\n"
    "- Die Vereine der Stadt sind eingeladen, und und wir freuen uns.\n"
)


def test_a_german_post_is_not_read_by_the_english_rules() -> None:
    """Rules written for English (Misspellings' "personell") say nothing on
    a sentence its words tell is German of a page its words tell is German;
    "die die" is German grammar, the Verein's plural no second spelling;
    "und und" is a slip in any language. "früh mit an Board zu holen"
    shows as many English function words as German ones ("an", "in" of
    "Leiter_in"; "mit", "zu"): no language, so English rules still read it."""
    assert found(GERMAN_POST, "post.md", "typos", "style", "variants") == [
        (10, 3, "typos.Articles"),
        (11, 42, "style.Repetition"),
    ]


def test_an_english_post_beside_it_keeps_them() -> None:
    text = (
        "The group was founded by volunteers who plan the the meetings, and\n"
        "the centre was an big help with the rooms and the personell.\n"
    )
    assert found(text, "post.md", "typos", "style") == [
        (1, 46, "style.Repetition"),
        (2, 16, "typos.Articles"),
        (2, 51, "typos.Misspellings"),
    ]


def test_a_windows_path_ending_in_its_separator_closes_the_quotation() -> None:
    page = (
        "<html><body>\n"
        '<p>Say the panel points to "C:\\temp\\" and you selected files named'
        ' "FileA.txt" and "FileB.txt".</p>\n'
        '<p>Count how many "..\\" to use, then press "OK".</p>\n'
        '<p>The folder is "C:\\Users\\Ann\\Desktop\\" on that machine.</p>\n'
        "</body></html>\n"
    )
    assert found(page, "help.html", "quotes") == []


def test_a_percent_variables_marks_quote_nothing() -> None:
    page = (
        "<html><body>\n"
        '<p>Use <a href="#q">%"0</a> for the file under the cursor, for'
        ' example %"0%p0, or %"1%f for the second panel.</p>\n'
        '<table><tr><td>%"0"%o.zip"</td><td>the archive\'s name</td></tr>\n'
        "</table>\n"
        '<p>The index showed "a 50%" rise, and "it is done," she said.</p>\n'
        "</body></html>\n"
    )
    assert found(page, "vars.html", "quotes") == []


def test_a_string_literals_marks_still_pair() -> None:
    text = 'In C#, write $"{name} is here" or @"C:\\temp" for such strings.\n'
    assert found(text, "notes.md", "quotes") == []


def test_a_credits_list_with_addresses_is_no_furniture() -> None:
    text = (
        "Credits\n"
        "=======\n"
        "\n"
        "The help pages were written and translated by these people, who gave\n"
        "their evenings to the project over many years.\n"
        "\n"
        "  Anna Berg (anna.berg@example.org)\n"
        "  Piotr Nowak aka pnowakk (pnowakk@example.net)\n"
        "  Tomas Lind aka L1nd3r (tomas@example.com)\n"
        "  Mara Quist\n"
    )
    assert found(text, "CREDITS.txt", "artifacts", "typos") == []


def test_capitals_that_spell_the_acronym_before_them() -> None:
    text = (
        "[*HERMES (HElmholtz Rich MEtadata Software publication)*](https://"
        "example.org/) is a project of the Helmholtz Metadata Collaboration.\n"
        "\n"
        "The HElmholtz centre hosts it, and Helmholtz staff run it.\n"
    )
    assert found(text, "post.md", "variants") == [(3, 5, "variants.Capitals")]


def test_an_article_doubled_after_according_may_hide_to() -> None:
    """ "according the the manual": "to the" was meant, so deleting the
    repeat is not surely right."""
    text = "The value is set according the the manual.\n"
    (finding,) = lint(text, "notes.md", "style")
    assert (finding.line, finding.col, finding.rule) == (1, 28, "style.Repetition")
    assert finding.fix is not None
    assert finding.fix.applicability.name == "UNSAFE"


def test_words_the_lexicon_lacked() -> None:
    text = (
        "We thank our funders. Blitting the sprites is fast, and the reader\n"
        "uses mmap where the system has it; two ebuilds are in the overlay.\n"
    )
    assert found(text, "post.md", "typos") == []


def test_an_english_sentence_beside_a_german_quotation_is_read() -> None:
    """A German quotation makes up most of the page's function words; the
    English sentence after it, a short English list item and a table of
    terse English ("per request, e.g. 30") are still English."""
    text = (
        "# What the minister said\n"
        "\n"
        "Asked about the budget, the minister said: „Wir werden die Steuern"
        " für kleine und mittlere Einkommen senken, und wir werden die"
        " Bürokratie abbauen, die sich in den letzten Jahren aufgebaut hat.“"
        " The opposition called it a goverment of empty promises.\n"
        "\n"
        "- Less bureacracy\n"
        "\n"
        "| Option | Description |\n"
        "|---|---|\n"
        "| `timeout` | Seconds per request, e.g. 30. Non-negative. |\n"
        "| `retries` | Retries per request, e.g. 3. Non-negative. |\n"
        "| `reply_to` | Reply adress, e.g. the team's. |\n"
    )
    assert found(text, "post.md", "typos") == [
        (3, 223, "typos.Misspellings"),
        (5, 8, "typos.Misspellings"),
        (11, 22, "typos.Misspellings"),
    ]
