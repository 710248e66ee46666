"""Mends for what round bq of held-out trees (``bench/labels/
heldout-2026-12-07q.md``: OpenFaaS's MkDocs site, Pygments' Sphinx docs, the
Rustonomicon, Haiku's HTML user guide, the Julia blog and Nim's news) and a
second blind set of machine-translated drafts showed, each on a document of
our own."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_an_admonitions_body_is_read() -> None:
    text = (
        "# Build\n\n"
        '!!! note "Credentials"\n\n'
        "    Create a file that can be use by the builder, then you you will\n"
        "    push the the image.\n\n"
        "    ```yaml\n"
        "    auth: the the token\n"
        "    ```\n"
    )
    assert found(text, "build.md", "style", "typos") == [
        (5, 31, "typos.BareParticiples"),
        (5, 56, "style.Repetition"),
        (6, 10, "style.Repetition"),
    ]


def test_a_clause_opened_by_that_has_no_gap_for_the_doubled_verb() -> None:
    text = (
        "Make sure that nobody has has reinstalled the server.\n"
        "The dependencies that each project has has grown.\n"
        "What it is is a cache.\n"
    )
    assert found(text, "ops.txt", "style") == [(1, 23, "style.Repetition")]


def test_a_passive_with_the_bare_verb() -> None:
    text = (
        "The old flag will be remove in the next release.\n"
        "Each event should be send to the queue, and must not be change.\n"
        "The port should be open to the internet; the values close to zero.\n"
        "The guide will be of use to new users. Use cases can be listed.\n"
    )
    assert [(f.line, f.match, f.suggestions) for f in lint(text, "a.txt", "typos")] == [
        (1, "remove", ("removed",)),
        (2, "send", ("sent",)),
        (2, "change", ("changed",)),
    ]


def test_a_span_classed_as_a_command_is_code() -> None:
    text = (
        '<html><body><p>Run <span class="cli">checkfs</span> on the volume,'
        ' then pick <span class="guimenu">Fiel</span> from the mennu.</p>'
        "</body></html>\n"
    )
    assert [f.match for f in lint(text, "cli.html", "typos")] == ["mennu"]


def test_franklin_page_variables_are_not_prose() -> None:
    text = (
        '@def title = "Generalizing arrays"\n'
        '@def authors = """ <a href="https://example.org">Tim</a>"""\n'
        '@def rss = """ A post about arrays,\n'
        'over two lines. """\n\n'
        "The post begins here with the the text.\n"
    )
    assert found(text, "post.md", "quotes", "style") == [(6, 27, "style.Repetition")]


def test_a_title_quoted_whole_that_opens_with_a_quotation() -> None:
    text = (
        '- Fixed ""invalid indentation" when assigning a macro to a const"\n'
        '- Fixed "joinPath is slow" in the stdlib\n'
    )
    assert found(text, "news.md", "quotes") == []


def test_on_ending_a_phrase_is_no_preposition_before_its() -> None:
    text = (
        "Drag the handle onto the desktop. From now on it's part of the desktop.\n"
        "The tool shows on it's own page.\n"
    )
    assert [(f.line, f.match) for f in lint(text, "gui.txt", "typos")] == [(2, "it's")]


def test_a_translations_false_friends_in_news_copy() -> None:
    text = (
        "About 3,000 people took part on Saturday in a manifestation in the"
        " centre.\n"
        "He was condemned by a court in the occupied city to terms of up to"
        " 12 years.\n"
        "The ministry informed that the crossing would reopen, and the"
        " Russian occupants shelled the village.\n"
        "The rash is a manifestation of the disease; the occupants of the car"
        " were unhurt.\n"
    )
    assert [(f.line, f.match, f.suggestions) for f in lint(text, "d.txt", "typos")] == [
        (1, "manifestation", ("demonstration",)),
        (2, "condemned", ("sentenced",)),
        (3, "informed", ("said",)),
        (3, "occupants", ("occupiers",)),
    ]


def test_one_mans_given_name_in_two_systems_beside_one_surname() -> None:
    text = (
        "Dmytro Kovalenko, the camp's commander, met the delegation on Monday.\n"
        "Dmitry Kovalenko said the exchange would go ahead.\n"
        "Dmitry Peskov spoke in Moscow; Dmytro Kuleba answered from Kyiv.\n"
        "Goran Đorđević opened the meeting, and Goran Djordjevic closed it.\n"
    )
    got = [(f.line, f.match, f.suggestions) for f in lint(text, "d.txt", "variants")]
    assert got == [
        (2, "Dmitry", ("Dmytro",)),
        (4, "Đorđević", ("Djordjevic",)),
    ]


def test_a_band_named_the_the_inside_a_sentence() -> None:
    text = (
        "The British band The The closed the festival in Lyon.\n"
        "The The vote was close.\n"
    )
    assert found(text, "news.txt", "style") == [(2, 1, "style.Repetition")]
