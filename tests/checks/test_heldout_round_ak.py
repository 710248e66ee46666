"""Mends for what round ak of held-out trees showed (``bench/labels/
heldout-2026-12-06j.md``: minikube's Hugo docs, cloud.gov's release notes,
Borg's Sphinx docs, Eclipse's New and Noteworthy pages), labelled by
helpers who never saw the checks. Each test is a document of our own with
the shape they found, run through the shipped packs as ``copydesk check``
runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_package_in_a_line_that_lists_software_is_its_name() -> None:
    # One document each: a word the page writes three times is its term.
    for line in (
        "- Rebuilt r 4.4.0 with forecast 8.22.0, plumber 1.2.2, rserve 1.8.13\n",
        "- Bumped dependencies: rserve from 1.8.11 to 1.8.13\n",
        "- 4.3.2 - Modules: forecast, plumber, rserve, shiny\n",
    ):
        assert found(line, "notes.md", "typos") == [], line
    # Alone in a sentence, or beside one version, it is a slip.
    assert found("The rserve module answers slowly.\n", "a.md", "typos") == [
        (1, 5, "typos.Unknown")
    ]
    text = "Our release 1.2 ships with the relase 1.3 notes.\n"
    assert found(text, "notes.md", "typos") == [(1, 32, "typos.Unknown")]


def test_a_placeholder_an_option_and_a_changelog_scope_are_names() -> None:
    text = (
        "<p>Use the pattern mvn:&lt;groupid&gt;:&lt;artifactid&gt; in the"
        " target file.</p>\n"
        "<p>To drop the cache only, use: borg rdelete --cache-only.</p>\n"
        "<ul><li>fslocking: fix broken exclusivity on Cygwin</li>\n"
        "<li>secuirty: fix a leak in the key store</li></ul>\n"
    )
    # A scope one slip from a common word is a slip all the same.
    assert found(text, "news.html", "typos") == [(4, 5, "typos.Unknown")]


def test_a_six_letter_word_missing_a_consonant_of_a_common_word_is_a_slip() -> None:
    text = (
        "An earlier verion of the post named the wrong directive.\n\n"
        "You still need to upgade your stack.\n\n"
        "The govies and their skillz cozied up to the visita crowd.\n"
    )
    found_here = [
        (f.line, f.col, f.suggestions[0]) for f in lint(text, "a.md", "typos")
    ]
    assert found_here == [(1, 12, "version"), (3, 19, "upgrade")]


def test_a_then_before_be_is_an_adverb() -> None:
    text = (
        "The buffer is freed and may later then be read by the caller.\n\n"
        "It takes more then is needed.\n\n"
        "I would rather then be left alone.\n"
    )
    assert found(text, "faq.md", "typos") == [
        (3, 15, "typos.RealWords"),
        (5, 16, "typos.RealWords"),
    ]


def test_a_dropped_g_marked_by_a_character_reference_is_meant() -> None:
    text = "<p>We just keep on keepin&rsquo; on, and nothin&#39; stops us.</p>\n"
    assert found(text, "song.html", "typos") == []


def test_the_key_of_a_shortcut_is_no_quotation_mark() -> None:
    text = (
        "<p>Press <b>Ctrl + Shift + ' </b> to comment a line, or Ctrl+\" to"
        " quote it.</p>\n"
        '<p>A word - "left open here.</p>\n'
    )
    assert found(text, "keys.html", "quotes") == [(2, 13, "quotes.Unclosed")]


def test_a_word_beside_a_tag_is_read_as_prose() -> None:
    # A tag touching a word is markup: the word is no code for it. A word
    # the tags run through (e<strong>X</strong>press) stays whole.
    text = (
        "<ul><li>secuirty: fix a leak in the key store</li></ul>\n"
        "<p>It is there for anyone through a search engine quer.</p>\n"
        "<p>The e<strong>X</strong>press <strong>E</strong>dition ships.</p>\n"
        "<dl><dt>Szymek Ablavsky, <cite>Applying graphs</cite></dt></dl>\n"
        "<h2>Configuraton Manager</h2>\n"
    )
    assert found(text, "page.html", "typos") == [
        (1, 9, "typos.Unknown"),
        (2, 51, "typos.Unknown"),
        (5, 5, "typos.Unknown"),
    ]


def test_a_misspelling_shown_beside_its_correction_is_meant() -> None:
    text = (
        "<p>A search on <em>correspondense</em> shows results for"
        " <em>correspondence</em>.</p>\n"
        "<p>We fixed <em>secuirty</em> today.</p>\n"
    )
    assert found(text, "post.html", "typos") == [(2, 17, "typos.Unknown")]
    text = "A search on *correspondense* shows *correspondence*.\n"
    assert found(text, "post.md", "typos") == []
