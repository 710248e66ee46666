"""``pairs`` (issue 20): marks that quote nothing, CJK brackets, dialogues
and mismatches across quotation-mark families, each at its exact place."""

from __future__ import annotations

import pytest
from tests.checks.test_pairs import lint, where

from copydesk.quote_signs import is_ditto, is_measure, url_spans

# -- ditto marks, inches, URLs ---------------------------------------------

TABLE = (
    "Item          Qty   Supplier         Delivered\n"
    "Blankets      40    Lviv depot       Monday\n"
    'Sleeping bags 25    "                "\n'
    'Stoves        10    "                Tuesday\n'
)


def test_ditto_marks_in_a_table_are_no_quotes() -> None:
    assert where(TABLE) == []
    first = TABLE.index('"')
    assert is_ditto(TABLE, first)


def test_ditto_marks_in_an_aligned_list() -> None:
    text = (
        "Shelter capacity by district:\n"
        "Podil:     120 beds, open 24 hours\n"
        'Obolon:     80  "     "    "\n'
        'Darnytsia:  60  "    open at night\n'
    )
    assert where(text) == []


def test_a_lone_mark_in_prose_is_still_a_stray() -> None:
    # One space each side, no cells: no ditto, whatever stands above it.
    text = 'The vote on the budget was\nclose " and contested.\n'
    assert not is_ditto(text, text.index('"'))
    assert where(text) == [("quotes.Stray", 2, 7)]


def test_ditto_list_then_a_real_defect_is_found_alone() -> None:
    text = (
        "- 40 blankets, Lviv depot\n"
        '- 25    "       "     "\n'
        "\nThe rest would follow soon”.\n"
    )
    assert where(text) == [("quotes.Unmatched", 4, 27)]


@pytest.mark.parametrize(
    "text",
    [
        'The new model has a 65" screen and a 2.5" drive bay.',
        '"I only wanted a 55" television," she said.',
        "The suspect is 5'11\" tall; the wreck lies at 46° 28' 52\" N.",
        'Sizes: 12" x 18" posters.',
    ],
)
def test_inch_and_seconds_marks_are_no_quotes(text: str) -> None:
    assert where(text) == []


def test_a_quoted_number_is_closed_by_its_mark() -> None:
    # “Fed 100” award: the mark after the number closes the quotation.
    assert where("She won a “Fed 100” award and a “web 2.0” prize.") == []
    text = '"We ordered twelve 16" pizzas, the organiser said.'
    assert where(text) == [("quotes.Unclosed", 1, 1)]
    assert is_measure(text, text.index('16"') + 2, 0, len(text), quoted=True)
    quoted = "a “Fed 100” award"
    assert not is_measure(quoted, quoted.index("”"), 0, len(quoted), quoted=True)


def test_marks_inside_urls_are_no_quotes() -> None:
    text = (
        'See https://example.org/search?q="peace+talks"&page=2 and '
        'https://example.org/wiki/People\'s_Republic for the "official" view.'
    )
    assert where(text) == []
    spans = url_spans('Read "https://example.org/a" now.')
    assert spans == [(6, 27)]  # the closing quote is the sentence's


def test_marks_in_urls_on_later_lines_are_no_quotes() -> None:
    """URLs are looked for only on the lines that hold a mark, and each is
    placed in the document, not in its line: a mark in an address on a later
    line quotes nothing, a mark after one does."""
    text = (
        "Sources for the report on the talks:\n\n"
        'Search www.example.org/a?q="x for it, or example.org/b?q=y.\n\n'
        "There's no address on this line.\n\n"
        "The archive https://example.org/People's_Republic was \"closed.\n"
    )
    assert where(text) == [("quotes.Unclosed", 7, 55)]


def test_a_real_defect_after_a_url_is_found() -> None:
    text = 'The archive at https://example.org/?q="kyiv" calls it "the best.'
    assert where(text) == [("quotes.Unclosed", 1, 55)]


# -- CJK -------------------------------------------------------------------


def test_corner_brackets_nest_and_pair() -> None:
    text = "彼は「母が『明日行く』と言った」と話した。"
    assert where(text, "ja") == []
    assert where("他說：「我們明天出發，『越早越好』。」", "zh-TW") == []


def test_corner_bracket_defects() -> None:
    assert where("首相は「国民の安全を最優先にすると述べた。", "ja") == [
        ("quotes.Unclosed", 1, 4)
    ]
    assert where("首相は述べた」。", "ja") == [("quotes.Unmatched", 1, 7)]
    [mixed] = lint("彼は「母が『明日行く」と言った」と話した。", "ja")
    assert (mixed.rule, mixed.col, mixed.suggestions) == ("quotes.Mixed", 11, ("』",))


def test_chinese_curly_marks_open_and_close_by_shape() -> None:
    text = "外交部发言人表示：“我们反对任何形式的‘单边制裁’。”他还说。"
    assert where(text, "zh") == []
    assert where("发言人表示：“我们反对制裁。", "zh") == [("quotes.Unclosed", 1, 7)]


def test_full_width_straight_marks_pair() -> None:
    assert where("看板には＂立入禁止＂と書いてあった。", "ja") == []
    assert where("看板には＂立入禁止と書いてあった。", "ja") == [
        ("quotes.Unclosed", 1, 5)
    ]


# -- dialogues ---------------------------------------------------------------


def test_french_dialogue_closes_paragraphs_later() -> None:
    text = (
        "« Tu viens ? demanda-t-il.\n\n— Non, je reste ici.\n\n"
        "— Alors je pars seul. »\n\nIl ferma la porte.\n"
    )
    assert where(text, "fr") == []


def test_spanish_dialogue_closes_paragraphs_later() -> None:
    text = "«¿Vienes? —preguntó.\n\n—No, me quedo.\n\n—Entonces me voy solo».\n"
    assert where(text, "es") == []


def test_a_dialogue_never_closed_is_one_unclosed() -> None:
    text = (
        "« Vous partez demain ? demanda le douanier.\n\n— Oui, à l’aube.\n\n"
        "Le train entra en gare.\n"
    )
    assert where(text, "fr") == [("quotes.Unclosed", 1, 1)]


# -- mismatches across families --------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "col", "expected"),
    [
        ("Sie sagte, die Stadt sei „vorbereitet”. Dann ging sie.", "de", 38, "“"),
        ("Ministr řekl: „Situace je vážná” a odešel.", "cs", 32, "“"),
        ("„Nie zgadzamy się“ – powiedział rzecznik.", "pl", 18, "”"),
    ],
)
def test_low_nine_opener_closed_by_the_wrong_high_mark(
    text: str, language: str, col: int, expected: str
) -> None:
    [finding] = lint(text, language)
    assert (finding.rule, finding.col) == ("quotes.Mixed", col)
    assert finding.suggestions == (expected,)
    assert finding.fix is None  # which mark is wrong is the editor's call


def test_each_language_keeps_its_own_low_nine_pair() -> None:
    assert where("Sie sagte: „Wir bleiben.“", "de") == []
    assert where("Powiedział: „Zostajemy.”", "pl") == []
    assert where("He read „Ja” and „Nein“ on the sign.", "en") == []


@pytest.mark.parametrize(
    ("text", "col"),
    [
        ("“We will never give up’, the commander said.", 23),
        ("“The talks are over’ she said, and left the room.", 20),
    ],
)
def test_a_double_quotation_closed_by_a_single_mark(text: str, col: int) -> None:
    [finding] = lint(text)
    assert (finding.rule, finding.col, finding.suggestions) == (
        "quotes.Mixed",
        col,
        ("”",),
    )


def test_a_possessive_does_not_close_a_single_quotation() -> None:
    text = "He called the deal ‘a betrayal of the workers’ union and walked out."
    assert where(text) == [("quotes.Unclosed", 1, 20)]
    assert where("He called it ‘the people’s victory’ and moved on.") == []
    # A quoted term of a word or two is closed by the mark after it.
    assert where("They were portrayed as 'neo-Nazis' throughout the war.") == []


def test_rock_n_roll_inside_a_single_quotation() -> None:
    assert where("‘Rock ’n’ roll’ was his answer.") == []
