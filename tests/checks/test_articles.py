"""typos.Articles: the indefinite article against the next word's sound.

The shapes are those a recall audit of held-out trees found missed (``a
announcement``, ``an simplified``, ``a in-depth``) and those the rule must
leave alone (letters, variables, names, acronyms, code between the words).
Documents are our own, run through the shipped packs as ``copydesk check``
runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint

from copydesk.model import Applicability

HANDBOOK = """\
# Offers

The recruiter asks the hiring manager to make a announcement of the
acceptance. Create a in-depth risk profile first; it took more than a hour.

The diagram gives an simplified overview, and an user may make a mistake.
They came an then left the room. A example follows.
"""


def test_an_article_against_the_next_sound_is_reported() -> None:
    assert found(HANDBOOK, "offers.md", "typos") == [
        (3, 47, "typos.Articles"),
        (4, 20, "typos.Articles"),
        (4, 69, "typos.Articles"),
        (6, 19, "typos.Articles"),
        (6, 47, "typos.Articles"),
        (7, 11, "typos.Articles"),
        (7, 34, "typos.Articles"),
    ]


def test_the_suggestion_follows_the_case_and_the_slip() -> None:
    found_ = {(f.line, f.col): f for f in lint(HANDBOOK, "offers.md", "typos")}
    assert found_[3, 47].suggestions == ("an",)
    assert found_[6, 19].suggestions == ("a",)
    assert found_[7, 11].suggestions == ("and",)  # came an then
    assert found_[7, 34].suggestions == ("An",)
    assert all(
        f.fix is not None and f.fix.applicability is Applicability.UNSAFE
        for f in found_.values()
    )


CLEAN = """\
A user made a one-off mistake in an hour: an honest one, a European habit.
An unusual case: a unique key, a union, a unit, an unimpressive result, an
uninstalled package and a unidirectional link.

Let a and b be integers; if a is zero, stop. Plan A is a historical
curiosity, an historical one to some. Latino/a officers met in an x-ray room.

It is an SQL query run by an nginx worker on a UUID, an SDK in a URL.
Use a `object` here, or an `Thing` there. Theater an der Wien, a una hora.
| a     | open |
"""


def test_sounds_names_letters_and_code_are_left_alone() -> None:
    assert found(CLEAN, "clean.md", "typos") == []


def test_an_article_is_read_in_html_and_text_but_not_in_code() -> None:
    page = (
        "<p>Enable it as a actor state store.</p>\n"
        "<pre>a actor is not prose</pre>\n"
        "<p>Pass <code>a</code> item and a <em>open</em> node.</p>\n"
    )
    assert found(page, "store.html", "typos") == [(1, 17, "typos.Articles")]
    assert found("It is an new property.\n", "notes.txt", "typos") == [
        (1, 7, "typos.Articles")
    ]


def test_other_languages_are_not_read() -> None:
    text = "---\nlang: de\n---\nEr kam an einem Morgen an.\n"
    assert found(text, "brief.md", "typos") == []


def test_an_article_after_a_determiner_is_a_name() -> None:
    text = "Some systems use the an macro set; it took a hour to load.\n"
    assert found(text, "pod2man.md", "typos") == [(1, 44, "typos.Articles")]


REVIEW = """\
Our lead engineer, Li An, joined in May. Li An has built the parser.
This is an onerous task; plant a herb garden, or a herbaceous border.
This gives an more efficient approach for an use case.
Take a\r
apple from the tree.
"""


def test_the_reviews_cases_names_onerous_herb_nouns_and_crlf() -> None:
    found_ = lint(REVIEW, "review.md", "typos")
    assert [(f.line, f.col, f.suggestions) for f in found_] == [
        (3, 12, ("a",)),
        (3, 43, ("a",)),
        (4, 6, ("an",)),
    ]


def test_a_long_run_of_spaces_after_an_article_is_read_once() -> None:
    # Two open-ended space patterns side by side made this quadratic (16 s).
    text = "Intro text.\n\nx a" + " " * 64_000 + ".\nIt took a hour.\n"
    assert found(text, "spaces.md", "typos") == [(4, 9, "typos.Articles")]


INITIALISMS = """\
Generate a SSH key and an PDF report. Mount a NFSv4 share.
A LLM answers a SQL query over a HTTP call, a SYN packet and a NASA feed.
It is an SSH key, a PDF and an MVP; Plan A NFS.
"""


def test_an_initialism_takes_the_article_of_its_first_letters_name() -> None:
    found_ = {(f.line, f.col): f for f in lint(INITIALISMS, "keys.md", "typos")}
    assert list(found_) == [(1, 10), (1, 24), (1, 45), (2, 1)]
    assert found_[1, 10].suggestions == ("an",)
    assert found_[1, 24].suggestions == ("a",)
    assert found_[2, 1].suggestions == ("An",)


def test_an_article_right_after_another_is_read_too() -> None:
    """The pair's word is read ahead, not taken: "A" (a letter) then "a LLM"
    on the next line is still an article before an initialism."""
    text = "The tools are listed in Appendix A\na LLM summarised them.\n"
    found_ = [(f.line, f.col, f.suggestions) for f in lint(text, "a.md", "typos")]
    assert found_ == [(2, 1, ("an",))]
