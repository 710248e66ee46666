"""Mends for what round an of held-out trees (``bench/labels/
heldout-2026-12-06m.md``: Contour's Hugo docs, login.gov's site, IPython's
Sphinx docs, ncurses' HTML documents) showed, each on a document of our
own."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_login_as_a_domains_first_part_is_no_verb() -> None:
    text = (
        "You can sign in to login.gov with your email.\n\n"
        "Please login to the site, then you need to login.\n"
    )
    assert found(text, "help.md", "typos") == [
        (3, 8, "typos.JoinedVerbs"),
        (3, 44, "typos.JoinedVerbs"),
    ]


def test_a_magics_name_is_code() -> None:
    text = (
        "Add the %%javascript cell magic and the %javascript line magic.\n\n"
        "We write JavaScript here, and javascript once.\n"
    )
    assert found(text, "magics.md", "variants") == [(3, 31, "variants.Capitals")]


def test_a_names_inner_capital_is_missed_at_a_sentences_start_too() -> None:
    text = (
        "Javascript runs in the notebook.\n\n"
        "## Javascript components\n\n"
        "We load JavaScript from the page.\n\n"
        "Latex gloves are in the lab; we typeset with LaTeX.\n"
    )
    assert found(text, "notes.md", "variants") == [
        (1, 1, "variants.Capitals"),
        (3, 4, "variants.Capitals"),
    ]


def test_a_suffix_written_as_its_twin_is_misspelt() -> None:
    text = (
        "The installer makes an executible for each platform.\n\n"
        "Moving a non-existant variable fails, and the resistent coating"
        " stays.\n\n"
        "The descendant and the pendant are permanent; a confidant is"
        " confident.\n"
    )
    assert [(f.line, f.col, f.match) for f in lint(text, "notes.md", "typos")] == [
        (1, 24, "executible"),
        (3, 14, "existant"),
        (3, 47, "resistent"),
    ]


def test_a_word_before_js_is_a_javascript_library() -> None:
    text = "Inject requirejs in the notebook; load bootstrapjs and a requirjs.\n"
    assert [f.match for f in lint(text, "notes.md", "typos")] == ["requirjs"]


def test_an_ascii_pages_fix_writes_a_character_reference() -> None:
    text = (
        '<html><head><meta charset="us-ascii"></head><body>\n'
        '<p>It adds the variants &ldquo;gnueabi" and &ldquo;gnueabihf".</p>\n'
        "</body></html>\n"
    )
    fixes = [
        [e.replacement for e in f.fix.edits]
        for f in lint(text, "announce.html", "quotes")
        if f.fix is not None
    ]
    assert fixes == [["&rdquo;"], ["&rdquo;"]]


def test_a_page_with_its_own_characters_gets_them_raw() -> None:
    text = '<p>Café “gnueabi" works.</p>\n'
    fixes = [
        [e.replacement for e in f.fix.edits]
        for f in lint(text, "news.html", "quotes")
        if f.fix is not None
    ]
    assert fixes == [["”"]]


def test_a_capitalised_common_word_takes_its_words_article() -> None:
    text = (
        "Create a Ingress resource and a Envoy listener.\n\n"
        "A Object is here, an Update came and a User logs in.\n\n"
        "It is a Apple laptop, a Uber ride and a Herb Alpert record.\n"
    )
    assert found(text, "guide.md", "typos") == [
        (1, 8, "typos.Articles"),
        (1, 31, "typos.Articles"),
        (3, 1, "typos.Articles"),
        # Round ar: a name's first sound is judged too ("an Apple laptop").
        (5, 7, "typos.Articles"),
    ]


def test_a_name_typed_in_lower_case_is_no_misspelling() -> None:
    text = (
        '<p>I thank <a href="mailto:s@example.org">Sharath</a> for his help.\n'
        "The first draft was written by\nsharath. I rewrote it.</p>\n"
    )
    assert found(text, "howto.html", "typos") == []
    # A capital in a heading is no name's.
    text = "<h2>Thanks To Sharath</h2>\n<p>The draft was written by sharath.</p>\n"
    assert [f.match for f in lint(text, "howto.html", "typos")] == ["sharath"]
