"""``names`` (issue 20): old spellings inside other names, per-language house
lists chosen by the prose's language, quotations in another language."""

from __future__ import annotations

import pytest

from copydesk import batch
from copydesk.doclang import DocumentLanguage, language_of
from copydesk.document import Document
from copydesk.ruleset import load_ruleset

NAMES = load_ruleset(select=["names"])


def found(text: str, language: str = "en") -> list[tuple[str, int, int, str, str]]:
    return [
        (f.rule, f.line, f.col, f.match, f.suggestions[0])
        for f in batch.lint_text(text, "x.txt", "plain", NAMES, language)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The oil boom brought thousands of workers to Odessa, Texas, in the 1920s.",
        "Odessa, a city in West Texas, voted to expand its airport.",
        "Residents of Odessa, Missouri, rebuilt the school.",
        "Frederick Forsyth's novel The Odessa File was published in 1972.",
        "Shakhtar played its home games at the Donbass Arena until 2014.",
        "Dynamo Kiev won the Cup Winners' Cup in 1975 and again in 1986.",
        "Prince Georgy Lvov headed the Provisional Government in 1917.",
        "In 1931 the Kharkov Tractor Plant produced its first machines.",
        "The canteen served chicken Kiev on Fridays.",
    ],
)
def test_an_old_spelling_inside_another_name_is_no_finding(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "col", "match", "house"),
    [
        ("Evacuations continued in Kiev Oblast and further north.", 26, "Kiev", "Kyiv"),
        ("Kiev Mayor Vitali Klitschko opened the bridge.", 1, "Kiev", "Kyiv"),
        ("In Kiev the metro stayed open.", 4, "Kiev", "Kyiv"),
        ("Odessa, the Black Sea port, was shelled again.", 1, "Odessa", "Odesa"),
        ("The ship left Odessa for Istanbul. Texas watched.", 15, "Odessa", "Odesa"),
        ("Moscow, Kiev and Minsk were named in the report.", 9, "Kiev", "Kyiv"),
        (
            "They discussed Ukraine’s Zaporizhzhya Nuclear Power Plant.",
            26,
            "Zaporizhzhya",
            "Zaporizhzhia",
        ),
    ],
)
def test_the_place_itself_is_still_reported(
    text: str, col: int, match: str, house: str
) -> None:
    [(rule, line, at, what, suggestion)] = found(text)
    assert (rule, line, at, what, suggestion) == ("names.Places", 1, col, match, house)


GERMAN = (
    "Wolodymyr Selenskyj sagte am Dienstag, die Ukraine werde sich nicht ergeben. "
    "Der Bürgermeister von Kiew sagte, die U-Bahn bleibe geöffnet."
)


def test_a_german_draft_gets_the_german_house_list_without_a_flag() -> None:
    doc = Document.plain(GERMAN)
    assert doc.get(DocumentLanguage) == "de"
    # Selenskyj is the German house spelling, Kiew the German exonym.
    assert found(GERMAN) == []
    assert found(GERMAN.replace("Selenskyj", "Selenski")) == [
        ("names.German", 1, 11, "Selenski", "Selenskyj")
    ]


def test_short_texts_follow_the_configured_language() -> None:
    assert language_of("Präsident Selenski sprach.") is None
    assert found("Präsident Selenski sprach.", "de") == [
        ("names.German", 1, 11, "Selenski", "Selenskyj")
    ]
    assert found("Präsident Selenski sprach.") == [
        ("names.People", 1, 11, "Selenski", "Zelensky")
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Le président Zelenski a remercié la France pour son soutien.",
            "fr",
            ("names.French", 1, 14, "Zelenski", "Zelensky"),
        ),
        (
            "Prezydent Zelensky spotkał się z premierem w Warszawie.",
            "pl",
            ("names.Polish", 1, 11, "Zelensky", "Zełenski"),
        ),
        (
            "Delegacja przyleciała do stolicy Ukrainy, Kyiv przywitał ją deszczem.",
            "pl",
            ("names.Polish", 1, 43, "Kyiv", "Kijów"),
        ),
    ],
)
def test_french_and_polish_house_lists(
    text: str, language: str, expected: tuple[str, int, int, str, str]
) -> None:
    assert found(text, language) == [expected]


def test_each_language_keeps_its_own_forms() -> None:
    assert found("Wołodymyr Zełenski odwiedził Charków.", "pl") == []
    assert found("Volodymyr Zelensky a rencontré le maire de Kyiv.", "fr") == []


def test_a_name_in_a_quotation_in_another_language_is_left_as_quoted() -> None:
    text = 'Bild ran the headline "Selenskyj warnt den Westen vor einem Krieg" today.'
    assert found(text) == []
    # In an English quotation it is still the house's business (unsafe fix).
    assert found('She said "Selenskyj will come to the summit" today.') == [
        ("names.People", 1, 11, "Selenskyj", "Zelensky")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A ship, and "the Kiev" later in the document that names it.
        "The Soviet aircraft carrier Kiev was sold in 1996.\n"
        "Last year the Kiev drew 400,000 visitors to Tianjin.",
        # A title set in italics (Markdown emphasis in the source).
        "The standard account is still Hamm's *Kiev: A Portrait* (1993).",
        # The event's date earlier in its long sentence.
        "In September 1941 German armies closed a ring around four armies "
        "east of the city, and the Battle of Kiev ended with 600,000 taken.",
        # A spelling named as a spelling, or given as the old English one.
        "The older spelling Kiev gave way to Kyiv in British papers.",
        "The capital, formerly known in English as Kiev, is Kyiv.",
    ],
)
def test_a_spelling_mentioned_or_a_work_named_is_no_finding(text: str) -> None:
    fmt = "markdown" if "*" in text else "plain"
    assert [f for f in batch.lint_text(text, "x.md", fmt, NAMES, "en") if f.rule] == []


def test_the_same_words_around_a_use_of_the_city_still_report() -> None:
    """The mechanisms above read their own signal, not the neighbourhood:
    the city after "the" with no ship named, emphasis on the city alone, a
    modern battle, a document that uses the old spelling."""
    assert found("Talks in the Kiev office resumed.") == [
        ("names.Places", 1, 14, "Kiev", "Kyiv")
    ]
    assert found("The Battle of Kiev in 2022 was fought in March.") == [
        ("names.Places", 1, 15, "Kiev", "Kyiv")
    ]
    stressed = "We flew to *Kiev* on Monday."
    [finding] = batch.lint_text(stressed, "x.md", "markdown", NAMES)
    assert (finding.line, finding.col, finding.match) == (1, 13, "Kiev")


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("In the form Kiev wanted, the deal would have lifted every tariff.", "plain"),
        ("The carrier Kiev was sold.\nLast year the Kiev mayor visited.", "plain"),
        ("The company opened its flagship Kiev store.", "plain"),
        ("**Kiev, Ukraine** — The council met.", "markdown"),
        ("*Kiev remains under curfew tonight, officials say.*", "markdown"),
    ],
)
def test_near_misses_of_those_mechanisms_still_report(text: str, fmt: str) -> None:
    """A bare "form", the city's mayor after a ship is named, a flagship
    store, a bold dateline and an italic sentence use the city's name."""
    found = batch.lint_text(text, "x.md", fmt, NAMES, "en")
    assert [f.match for f in found][-1:] == ["Kiev"]


def test_an_abbreviation_ends_no_sentence_before_the_events_date() -> None:
    text = "In September 1941, Gen. Kirponos lost the Battle of Kiev and his life."
    assert found(text) == []
