"""Mends for what round bx of held-out trees showed, each on a document of
our own: ``bench/labels/heldout-2026-12-07x.md`` (RubyGems' guides, Kinto's
Sphinx docs, a personal blog, Eclipse's HTML help, a government service
manual and Renovate's MkDocs docs)."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_particle_after_its_object_then_a_preposition_is_no_double() -> None:
    text = (
        "Leave the blanks and fill them in in the editor later.\n"
        "\n"
        "Log it in in the browser, then put it in in the box.\n"
    )
    # "fill" and "log" take "in" as their particle after the object; "put"
    # is no such verb here, so its doubled "in" is still reported.
    assert found(text, "guide.md", "style") == [(3, 39, "style.Repetition")]


def test_a_capital_letter_then_the_article_is_no_double() -> None:
    text = (
        "The tool asks whether range A a subset of range B is.\n"
        "\n"
        "It ended. A a note follows, then a a copy.\n"
    )
    # Mid-sentence "A" names a range; after a stop "A a" is a slip, and so
    # is "a a" anywhere.
    assert found(text, "ranges.md", "style") == [
        (3, 11, "style.Repetition"),
        (3, 34, "style.Repetition"),
    ]


def test_a_vowel_initialism_takes_an() -> None:
    text = (
        "Sign in with a OTP sent by mail, then start a EC2 instance.\n"
        "\n"
        "An AWS account, a EULA and a URL need no change.\n"
        "\n"
        "In the table a EQ b compares; a DTD may say <!ELEMENT x\n"
        "A EMPTY> for an empty element.\n"
    )
    # Letters of an expression and a keyword that is a word in capitals
    # take no article's sound.
    assert found(text, "setup.md", "typos") == [
        (1, 14, "typos.Articles"),
        (1, 45, "typos.Articles"),
    ]


def test_a_other_is_another() -> None:
    text = "Use a other user for uploads; an other-worldly sound is fine.\n"
    assert found(text, "upload.md", "typos") == [(1, 5, "typos.SplitWords")]


def test_a_prefix_after_an_opening_mark_is_no_contraction() -> None:
    text = (
        "An example with a 're-type password' field follows.\n"
        "\n"
        "The picture shows a 're-type password field and a toggle.\n"
    )
    # The first pair closes; the second mark is never closed.
    assert found(text, "password.md", "quotes") == [(3, 21, "quotes.Unclosed")]


def test_smoosh_is_a_word() -> None:
    text = "The compiler smooshes the modules together.\n"
    assert found(text, "build.md", "typos") == []


def test_an_article_that_is_a_variable_before_a_keyword() -> None:
    text = (
        "The filter keeps rows WHERE a IS NULL, and a OR b holds.\n"
        "\n"
        "In Perl you write $a EQ $b, and a OTP is sent.\n"
    )
    assert found(text, "query.md", "typos") == [(3, 33, "typos.Articles")]


def test_a_capital_a_opening_an_item_then_the_article_is_a_double() -> None:
    text = (
        "- A a list item was added.\n"
        "\n"
        "(See the appendix.) A a third approach is possible.\n"
        "\n"
        "Yesterday I i went out.\n"
    )
    assert found(text, "items.md", "style") == [
        (1, 3, "style.Repetition"),
        (3, 21, "style.Repetition"),
        (5, 11, "style.Repetition"),
    ]
