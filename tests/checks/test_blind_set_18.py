"""Mends for what blind set 18 (``tests/documents/accuracy18``) showed when
first scored: each test is a document of our own with the shape of a
missed defect or of a clean case flagged, run through the shipped packs."""

from __future__ import annotations

from tests.shipped_packs import found, lint

from copydesk import doclang


def test_a_place_in_a_headline_in_capitals_before_common_words() -> None:
    # In capitals every word looks like a name's next part; a common word
    # ("WITH", "NEED") is the headline's, not the place's.
    text = (
        "NEW CLINIC OPENS IN KHARKOV WITH FUNDING FROM DONORS\n\n"
        "FAMILIES FROM THE DONBASS NEED HEATERS\n\n"
        "The clinic in eastern Ukraine opened on Monday.\n"
    )
    assert found(text, "release.txt", "names") == [
        (1, 21, "names.Places"),
        (3, 19, "names.Places"),
    ]


def test_the_ukraine_before_the_pronoun_i_is_the_country() -> None:
    text = "The Ukraine I remember was poor but generous.\n"
    assert found(text, "letter.txt", "names") == [(1, 1, "names.TheUkraine")]


def test_a_surname_that_is_also_a_word_named_again_as_a_person() -> None:
    text = (
        "We met the French writer Bernard-Henri Levy in the hotel.\n\n"
        "Pure chance. Levy was filming there, and the crew of Levy left early.\n\n"
        "Levy payments rose in May.\n"
    )
    assert [(f.line, f.col) for f in lint(text, "transcript.txt", "names")] == [
        (1, 40),
        (3, 14),
        (3, 54),
    ]


def test_a_make_named_with_its_model_is_the_make_throughout() -> None:
    text = (
        "The Kiev 88 is a medium-format camera built in Kyiv. Early Kiev bodies "
        "often stick, and later Kiev 88CM models changed the mount.\n\n"
        "The Dnepr MT-11 is a sidecar outfit; a sound Dnepr outfit is cheap.\n\n"
        "She left Odessa 10 years ago and moved to Kiev in May.\n"
    )
    assert found(text, "cameras.txt", "names") == [
        (5, 10, "names.Places"),
        (5, 43, "names.Places"),
    ]


def test_a_key_struck_twice_in_low_nine_and_corner_bracket_quotations() -> None:
    czech = (
        "Mluvčí úřadu uvedl: „„Situace je stabilizovaná, řeky klesají.“\n\n"
        "Starostka řekla: „Nejhorší je most u školy.“\n"
    )
    assert found(czech, "zpravy.txt", "quotes") == [(1, 21, "quotes.Stray")]
    japanese = "社長は「深くおわびします」」と頭を下げた。\n"
    assert found(japanese, "news.txt", "quotes") == [(1, 14, "quotes.Stray")]


def test_a_czech_page_is_told_czech_by_its_own_letters() -> None:
    # Czech shares its short words with Polish (na, do, po, ale); ř, ě and ů
    # are its own, as ł, ą and ż are Polish.
    czech = (
        "Hladina řeky Bělé klesla, hasiči pomáhají na Jesenicku a voda do "
        "sklepů už neteče, řekla starostka."
    )
    polish = (
        "Strażacy pomagają na miejscu, woda już nie płynie do piwnic, "
        "ale trzeba czekać."
    )
    assert doclang.language_of(czech, 2) == "cs"
    assert doclang.language_of(polish, 2) == "pl"


def test_a_quotation_nested_in_a_double_one_closes_after_a_plural() -> None:
    text = (
        "\"The line 'I made my own mistakes' broke me,\" she said.\n\n"
        "The union called the offer 'insulting to the members' ballot.\n"
    )
    assert found(text, "interview.txt", "quotes") == [(3, 28, "quotes.Unclosed")]
