"""Mends for what blind set 28 (``tests/documents/accuracy28``: names and
variants) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_spelling_named_as_a_word_is_a_mention() -> None:
    text = (
        'Our review of 3 May spelled the city as "Kharkov" throughout. The'
        " house style is Kharkiv.\n\n"
        'A picture caption referred to "the Ukraine"; the article has gone.\n\n'
        "The team flew to Kharkov and travelled on through the Ukraine.\n"
    )
    assert found(text, "corrections.txt", "names") == [
        (5, 18, "names.Places"),
        (5, 51, "names.TheUkraine"),
    ]


def test_a_quoted_headline_or_caption_keeps_its_spelling() -> None:
    text = (
        'A channel posted the clip under the caption "Lugansk today: the'
        ' Kiev crowd is paid", and a blog headlined its post "Donbass'
        ' wakes up".\n\n'
        'Sources: Vecherniy Vestnik, "Life returns to Lugansk", 2 May 2025.\n\n'
        'A resident told us: "We left Lugansk in 2014."\n'
    )
    assert [f.match for f in lint(text, "factcheck.txt", "names")] == ["Lugansk"]


def test_a_namesake_with_another_given_name_is_someone_else() -> None:
    text = (
        "Ostap Klychko fixes boilers in Leeds. Klychko Plumbing opened in"
        " May.\n\n"
        'The boxer-turned-mayor Vitali Klitschko is "no relation", he says.\n'
    )
    assert found(text, "business.txt", "names") == []
    text = "Vitali Klitschko spoke first. Later Vitali Klychko left.\n"
    assert found(text, "news.txt", "names") == [(1, 44, "names.People")]


def test_a_spelling_another_text_gives_is_no_slip() -> None:
    text = (
        "Giorgi Mchedlidze won gold in 1976.\n\n"
        'A reporter wrote: "Mtchedlidze, as the programme spells him, was'
        ' unbeatable." Mchedlidze laughed at that.\n'
    )
    assert found(text, "obituary.txt", "variants") == []


def test_a_cited_authors_spelling_is_the_works() -> None:
    text = (
        "Nodar Kipiani surveyed the valley's dialects in 2001, and Kipiani"
        " later mapped the loanwords.\n\n"
        "References\n\n"
        "1. Kipiani, N. (2001). Valley dialects. Tbilisi Papers 4, 1-20.\n"
        "2. Kypiani, N. and Holm, K. (2005). Lehnwörter im Tal. ZfK 9, 3-9.\n"
    )
    assert found(text, "review.md", "variants") == []


def test_a_full_name_glossed_in_brackets_is_meant() -> None:
    text = (
        "Ales Karpovich (Aleś Karpovič in the Łacinka alphabet) finished"
        " the race on Monday. Karpovich is 41.\n"
    )
    assert found(text, "climb.txt", "variants") == []


def test_marks_used_three_times_in_four_are_the_names() -> None:
    text = (
        "Inês Magalhães won the final. Magalhães said the wind helped.\n\n"
        "Magalhaes now leads the rankings. Magalhães flies home today.\n"
    )
    assert [
        (f.line, f.match, f.suggestions) for f in lint(text, "surf.txt", "variants")
    ] == [(3, "Magalhaes", ("Magalhães",))]
