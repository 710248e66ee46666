"""What a review of session 28's change found its mends letting through or
taking away, each kept here as it must stay."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_place_or_a_first_word_is_no_given_name() -> None:
    text = (
        "Volodymyr Zelensky spoke on Monday.\n\n"
        "In Kyiv Zelenskyy met the mayor. But Zelenskyy denied it.\n"
    )
    assert found(text, "news.txt", "names") == [
        (3, 9, "names.People"),
        (3, 38, "names.People"),
    ]


def test_one_given_name_romanised_two_ways_is_one_man() -> None:
    text = "Vitali Klitschko, the mayor, spoke.\n\nLater Witalij Klychko left.\n"
    assert (3, 15, "names.People") in found(text, "news.txt", "names")


def test_speech_followed_by_a_number_is_no_title() -> None:
    text = (
        "Protesters shouted “Kiev is ours”, 5000 of them in all.\n\n"
        "The mayor said “Kiev will stand”. 2022 was the hardest year.\n\n"
        "Sources: Novaya Volna, “Life in Kiev”, 4 June 2025.\n"
    )
    assert [line for line, _, _ in found(text, "factcheck.txt", "names")] == [1, 3]


def test_a_place_referred_to_in_emphasis_is_used() -> None:
    text = "The dispute was referred to *Kiev*, not to Moscow.\n"
    assert found(text, "news.md", "names") == [(1, 30, "names.Places")]


def test_a_slip_in_a_title_case_run_is_still_a_slip() -> None:
    text = "See the Document Retreival page.\n\nThe retreival system is slow.\n"
    assert found(text, "guide.md", "typos") == [(3, 5, "typos.Unknown")]


def test_a_fruit_opening_a_sentence_is_no_brand() -> None:
    text = (
        "Blackberry jam is the best jam.\n\n"
        "Javascript runs here; we write JavaScript.\n"
    )
    assert found(text, "notes.md", "variants") == [(3, 1, "variants.Capitals")]
