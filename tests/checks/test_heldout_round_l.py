"""Mends for what the twelfth round of held-out trees showed (gRPC's and
Kubeflow's sites, the mypy and Jinja Sphinx docs, PCRE2's HTML manual, the
CivicActions and Sourcegraph handbooks: ``bench/labels/heldout-2026-12-04l``),
and the guards that keep what those mends must not hide.

Each test is a document of our own with the shape a tree showed, run through
the shipped packs as ``copydesk check`` runs them, with exact findings.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint

from copydesk.checks import lexicon

# -- typos.Unknown: a document's coined term in its other number -------------------

CALLOUTS = """\
Each match fills an ovector. The ovector holds pairs of offsets, and the
size of the ovector is set when the match data is made.

Within lookarounds, however, these ovectors hold no useful data.
"""


def test_the_plural_of_a_term_the_page_coins_is_that_term() -> None:
    assert found(CALLOUTS, "callouts.html", "typos") == []


def test_a_slip_in_the_plural_of_a_known_word_stays_reported() -> None:
    # "cookies" is known: however often it is used, "cooki" is a slip of
    # its singular, no term; a word used once in each number is no term.
    text = (
        "The cooki banner sets cookies, and cookies expire; cookies are small.\n"
        "The contaner runs; two contaners stop.\n"
    )
    assert found(text, "setup.md", "typos") == [
        (1, 5, "typos.Unknown"),
        (2, 5, "typos.Unknown"),
        (2, 24, "typos.Unknown"),
    ]


def test_a_slip_made_in_both_numbers_is_no_term() -> None:
    text = (
        "Set up your local enviroment first.\n\n"
        "Our infastructure tool changes the enviroments we run.\n"
    )
    assert found(text, "onboarding.md", "typos") == [
        (1, 19, "typos.Misspellings"),
        (3, 5, "typos.Unknown"),
        # Listed since session 28 as the plural of a listed misspelling.
        (3, 36, "typos.Misspellings"),
    ]


def test_term_uses_count_the_other_number_only_when_it_is_unknown_too() -> None:
    uses = {"ovector": 3, "ovectors": 1, "boxes": 2, "box": 5}
    assert lexicon._term_uses("ovectors", uses, {"ovector", "ovectors"}) == 3
    assert lexicon._term_uses("ovector", uses, {"ovector", "ovectors"}) == 3
    # "box" is a known word: the document's "boxes" are no coined term's.
    assert lexicon._term_uses("boxes", uses, {"boxes"}) == 2


# -- typos.Unknown: a term's regular past ----------------------------------------


def test_the_past_of_a_term_ending_in_e_is_its_regular_form() -> None:
    text = "The dashboard tells the iframed web app which namespace was chosen.\n"
    assert found(text, "webapp.md", "typos") == []


def test_a_dropped_e_of_an_ed_ending_is_still_a_slip() -> None:
    # "iframe" + "d" is regular; "commit" + "ed" missing its doubled "t" is not.
    text = "The change was commited to the branch yesterday.\n"
    assert [rule for _, _, rule in found(text, "log.md", "typos")] == [
        "typos.Misspellings"
    ]


# -- quotes: values in code written in the prose -----------------------------------

BUILD = """\
To build with your own flags, set them when you configure:

    CFLAGS='-O2 -Wall' ./configure --prefix=/opt/local

or pass them inline: CFLAGS='-O2 -Wall' ./configure, then run make.
Write lang="en" on the root element. The 'quick start is below.
"""


def test_an_assigned_value_in_plain_text_is_code() -> None:
    assert found(BUILD, "README.txt", "quotes") == [(6, 42, "quotes.Unclosed")]


def test_an_escape_names_its_group_in_quotes() -> None:
    page = (
        "<p>Perl's syntax is \\k&lt;name&gt; or \\k'name'. Either is "
        "supported, as is \\g'-1' for the group before.</p>\n"
        "<p>The 'named group is then matched again.</p>\n"
    )
    assert found(page, "pattern.html", "quotes") == [(2, 8, "quotes.Unclosed")]


def test_an_attribute_value_quoting_a_phrase_is_not_cut_at_its_inner_mark() -> None:
    page = (
        '<img src="alter.png" alt="A section called "What does it mean?" '
        'where readers get more detail." />\n\n'
        "The same page explains it.\n"
    )
    assert found(page, "post.md", "quotes") == []


def test_a_mark_after_an_equals_sign_with_a_space_is_prose() -> None:
    text = "The result = 'unknown, and the rest follows.\n"
    assert found(text, "note.txt", "quotes") == [(1, 14, "quotes.Unclosed")]


# -- quotes: a plural's closer ----------------------------------------------------


def test_a_closer_after_a_plural_before_an_adverb_closes() -> None:
    text = (
        "- See 'How we send severance agreements' below for details.\n"
        "- Read 'the workers' union rules' above before the meeting.\n"
    )
    assert found(text, "offboarding.md", "quotes") == []


def test_a_plural_possessive_inside_a_quotation_is_still_an_apostrophe() -> None:
    text = "He called it ‘a betrayal of the workers’ union and its members’.\n"
    assert found(text, "draft.txt", "quotes") == []


def test_a_quotation_opened_and_never_closed_stays_unclosed() -> None:
    text = "See 'How we send the agreements for the details.\n"
    assert [(f.line, f.col, f.rule) for f in lint(text, "a.md", "quotes")] == [
        (1, 5, "quotes.Unclosed")
    ]


# -- typos.Unknown: a word in emphasis -----------------------------------------


def test_a_slip_in_bold_or_italics_is_read_as_a_word() -> None:
    page = (
        "# Mentors\n\n"
        "- **Aritcles & Books**\n"
        "- Set *expectations* and _responsiblities_ early.\n"
        "- Match files with **.md and `*_test.go`.\n"
    )
    assert found(page, "mentors.md", "typos") == [
        (3, 5, "typos.Unknown"),
        (4, 27, "typos.Unknown"),
    ]


# -- typos.Unknown: a slip of the page's own term ----------------------------------

PRODUCT = """\
Sourcegraph is a code search tool. Sourcegraph runs on your servers, and
Sourcegraph scales with your code. Deploy it on Kubernetes; Kubernetes
schedules it and Kubernetes restarts it.

Install Sourceraph first, then read the Kuberentes guide.
"""


def test_a_slip_of_a_term_the_page_uses_again_and_again_is_reported() -> None:
    found_ = lint(PRODUCT, "install.md", "typos")
    assert [(f.line, f.col, f.rule) for f in found_] == [
        (5, 9, "typos.Unknown"),
        (5, 41, "typos.Unknown"),
    ]
    assert [f.suggestions for f in found_] == [("Sourcegraph",), ("Kubernetes",)]


def test_a_terms_number_possessive_ending_or_brand_is_no_slip() -> None:
    text = (
        "The vtgate routes queries; each vtgate holds a pool, and a vtgate\n"
        "restarts. The vtgate's pool grows. CPython builds it; CPython ships\n"
        "it, CPython tests it, and Cython compiles it. Updatable rows stay\n"
        "Updatable, Updatable always; updateable ones too. Use subpatterns,\n"
        "subpatterns and subpatterns: a subpattern matches.\n"
    )
    assert found(text, "notes.md", "typos") == []
