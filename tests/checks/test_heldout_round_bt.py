"""Mends for what round bt of held-out trees (``bench/labels/
heldout-2026-12-07t.md``: Chicago's open-data blog, pvlib's Sphinx docs,
Tokio's blog, Karpenter's Hugo docs, Ghidra's HTML help and the NixOS
Weekly archive) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found, lint

from copydesk.batch import lint_text
from copydesk.ruleset import load_ruleset


def test_a_release_notes_contributors_are_no_furniture() -> None:
    """User names among full names ("mirelu", "tobiask") in a draft's list
    of contributors: no line of another language, nor furniture beside it."""
    text = (
        "v0.2.0 (May 3, 2016)\n"
        "--------------------\n"
        "\n"
        "This release adds two sky models and a new reader for the station"
        " files.\n"
        "\n"
        "API changes\n"
        "~~~~~~~~~~~\n"
        "\n"
        "* Rename ``sky_model`` to ``clearsky_model`` in the modelling chain.\n"
        "* Return one table instead of a tuple of tables from the readers.\n"
        "\n"
        "Contributors\n"
        "~~~~~~~~~~~~\n"
        "\n"
        "* Ana Ferreira\n"
        "* Will Carter\n"
        "* mirelu\n"
        "* Tomas Berg\n"
        "* tobiask\n"
        "* Ostrowo\n"
        "* dacoel\n"
        "* Lena Vogt\n"
    )
    rules = load_ruleset(select=["artifacts", "typos"])
    assert lint_text(text, "whatsnew.md", "markdown", rules, kind="draft") == []


def test_a_list_of_plain_words_is_no_list_of_names() -> None:
    """Single words among two feature names are not handles: the slip in
    the list is still read."""
    text = (
        "The release brings:\n\n* Dark Mode\n* Big Icons\n* speed\n* safty\n* memory\n"
    )
    assert found(text, "notes.md", "typos") == [(6, 3, "typos.Unknown")]


def test_an_authored_pages_related_topics_over_its_links() -> None:
    page = (
        "<html><body>\n"
        "<h1>Opening a file</h1>\n"
        "<p>Choose the file and press Open.</p>\n"
        '<p class="relatedtopic">Related Topics</p>\n'
        "<ul>\n"
        '  <li><a href="saving.htm">Saving a file</a></li>\n'
        '  <li><a href="closing.htm">Closing a file</a></li>\n'
        "</ul>\n"
        "</body></html>\n"
    )
    assert found(page, "open.htm", "artifacts") == []


def test_a_misspelling_named_in_quotes_is_a_mention() -> None:
    text = (
        "The column is misspelled as “Date Recieved” in the export, and we\n"
        "recieved the corrected file a week later.\n"
    )
    findings = lint(text, "post.md", "typos")
    assert [(f.line, f.col, f.rule) for f in findings] == [(2, 1, "typos.Misspellings")]
