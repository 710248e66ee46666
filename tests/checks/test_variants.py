"""The ``variants`` check: one name spelled two ways, found without a list."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
import yaml
from tests.conftest import REPO

from copydesk.batch import lint_text
from copydesk.checks import variants
from copydesk.checks.base import Check
from copydesk.checks.variants import Variants
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, RuleMeta
from copydesk.rulefiles import ShippedPacks
from copydesk.ruleset import load_ruleset

RULE = REPO / "rules" / "variants" / "Names.yml"


#: The shipped packs, lent to check types as the loader lends them.
SHIPPED = ShippedPacks()


def build(
    extra: dict[str, Any] | None = None, exceptions: tuple[str, ...] = ()
) -> Check:
    data = yaml.safe_load(RULE.read_text("utf-8"))
    data.update(extra or {})
    meta = RuleMeta(
        id="variants.Names",
        extends="variants",
        source=str(RULE),
        message=data["message"],
        exceptions=exceptions,
    )
    return Variants.from_yaml(meta, data, SHIPPED)


CHECK = build()
VARIANTS = load_ruleset(select=["variants"])


def found(text: str, check: Check = CHECK) -> list[tuple[int, int, str, str]]:
    doc = Document.plain(text, path="x.txt")
    return sorted((f.line, f.col, f.match, f.suggestions[0]) for f in check.run(doc))


def test_every_occurrence_of_the_foreign_spelling_is_reported() -> None:
    text = "Denis Pushilin spoke.\nPuschilin said no. Later Puschilin's aide agreed."
    assert found(text) == [
        (2, 1, "Puschilin", "Pushilin"),
        (2, 26, "Puschilin", "Pushilin"),
    ]


def test_message_fix_and_level() -> None:
    doc = Document.plain("Denis Pushilin spoke.\n\nPuschilin said no.", path="x.txt")
    [finding] = CHECK.run(doc)
    assert finding.message.startswith("'Puschilin' here, 'Pushilin' on line 1")
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.UNSAFE
    assert [(e.start, e.end, e.replacement) for e in finding.fix.edits] == [
        (23, 32, "Pushilin")
    ]


def test_canonical_is_the_spelling_with_fewest_foreign_markers() -> None:
    text = "Samojlenko spoke. Samojlenko again. Then Samoylenko."
    assert found(text) == [
        (1, 1, "Samojlenko", "Samoylenko"),
        (1, 19, "Samojlenko", "Samoylenko"),
    ]


def test_then_the_more_frequent_then_the_first() -> None:
    assert found("Danylov said. Danilov added. Danilov left.") == [
        (1, 1, "Danylov", "Danilov")
    ]
    assert found("Danylov said. Danilov added.") == [(1, 15, "Danilov", "Danylov")]


def test_prefer_is_configurable() -> None:
    check = build({"prefer": ["first"]})
    assert found("Puschilin said. Pushilin added.", check) == [
        (1, 17, "Pushilin", "Puschilin")
    ]
    with pytest.raises(RuleError, match="key 'prefer'"):
        build({"prefer": ["loudest"]})
    with pytest.raises(RuleError, match="key 'colour': unknown key"):
        build({"colour": "red"})


def test_house_list_canonical_wins() -> None:
    # Zelenskiy is the majority here, but the house list says Zelensky.
    text = "Zelenskiy spoke. Zelenskiy left. Zelensky returned."
    assert found(text) == [
        (1, 1, "Zelenskiy", "Zelensky"),
        (1, 18, "Zelenskiy", "Zelensky"),
    ]
    check = build({"house": False})
    assert found(text, check) == [(1, 34, "Zelensky", "Zelenskiy")]


def test_common_words_titles_and_months_are_not_names() -> None:
    assert found("The West agreed. Vest makers objected.") == []
    assert found("In Juli, not July. Smith met Smyth.") == []


def test_two_people_sharing_a_given_name_are_not_a_variant() -> None:
    text = (
        "Alexander Stubb met Aleksander Kwaśniewski. Andriy Yermak met Andrii Sybiha."
    )
    assert found(text) == []


def test_given_name_is_flagged_when_the_surnames_agree() -> None:
    text = "Illja Samojlenko spoke. Later Illia Samoylenko added more."
    assert found(text) == [(1, 1, "Illja", "Illia"), (1, 7, "Samojlenko", "Samoylenko")]


def test_given_name_against_a_bare_word_is_not_flagged() -> None:
    assert found("Aleksander Kwaśniewski spoke. Then Alexander left.") == []


def test_same_surname_after_different_given_names_is_two_people() -> None:
    assert found("Anna Meyer spoke. Thomas Meier disagreed.") == []


def test_gender_and_case_endings_are_different_names() -> None:
    text = (
        "Iryna Kovalska and Petro Kovalsky. Olga Sokolova and Ivan Sokolov. Oleksandra."
    )
    assert found(text + " Oleksandr Tkachenko.") == []


def test_exception_phrases_never_count() -> None:
    check = build(exceptions=("Puschilin Street",))
    text = "Denis Pushilin spoke on Puschilin Street."
    assert found(text, check) == []
    assert found(text) == [(1, 25, "Puschilin", "Pushilin")]


def test_other_scripts_urls_handles_emails_and_code_do_not_count() -> None:
    text = (
        "Oleksii Reznikov spoke (Резніков). See https://mil.example.ua/Resnikow, "
        "www.example.org/Resnikow, @Resnikow, resnikow@mil.example.ua and `Resnikow`."
    )
    assert found(text) == []


def test_possessive_is_the_same_spelling() -> None:
    assert found("Kovalenko spoke. Kovalenko's van and Kovalenko’s phone.") == []


def test_masked_prose_is_ignored() -> None:
    text = "Reznikov spoke. Resnikow"
    doc = Document(path="x.md", text=text, prose=text[:16] + " " * 8, format="markdown")
    assert list(CHECK.run(doc)) == []


def test_plural_is_not_a_second_spelling() -> None:
    """The key folds c→s and doubles, so Olympic/Olympics must be kept apart."""
    from copydesk.batch import lint_text
    from copydesk.ruleset import load_ruleset

    rs = load_ruleset(select=["variants"])
    text = (
        "The Olympic committee met Hispanic leaders.\n\n"
        "Both Olympics drew Hispanics and fans of Macroeconomics.\n\n"
        "Macroeconomic data followed.\n"
    )
    assert lint_text(text, "news.txt", "plain", rs) == []


def test_one_persons_name_with_and_without_accents_is_reported() -> None:
    # In English the marks are foreign markers: the plain spelling is kept.
    text = (
        "Judge Elena Ortíz Vidal chaired the panel.\n"
        "Elena Ortiz Vidal thanked the staff. Ortíz left at noon."
    )
    assert found(text) == [(1, 13, "Ortíz", "Ortiz"), (2, 38, "Ortíz", "Ortiz")]


def test_accents_on_two_people_or_things_are_not_one_name() -> None:
    text = (
        "Sheikh Mohammed bin Rashid met Sheikh Mohamed bin Zayed.\n"
        "Ana Lucía Chávez spoke of her grandfather, Manuel R. Chavez.\n"
        "The group Unión Américas works across the Americas."
    )
    assert found(text) == []


def test_file_names_are_not_prose() -> None:
    text = 'Saw Pokémon Go fans.\n{{< img src="2016/07/Pokemon-go-crowd.jpg" >}}'
    assert found(text) == []


def test_only_the_grouped_spellings_surroundings_are_read() -> None:
    """The groups depend on the spellings alone, so the names beside a
    spelling are read only for spellings in a group: a long text's other
    capitalised words cost one lookup each. The neighbours still decide,
    past a middle initial, before and after the grouped spellings."""
    others = " ".join(
        f"Reporter {name} visited Ostrander."
        for name in [
            "Thornbury",
            "Castleford",
            "Whitmore",
            "Pemberton",
            "Ashcombe",
            "Fairbanks",
            "Goldsworth",
            "Harrington",
            "Lockhart",
            "Northcott",
            "Prescott",
            "Radcliffe",
            "Wainwright",
            "Yardley",
        ]
    )
    text = (
        f"{others}\nIllja V. Samojlenko spoke. {others}\n"
        "Later Illia Samoylenko added more. Anna Meyer spoke. Thomas Meier agreed."
    )
    beside: list[str] = []
    real = variants._beside_a_name

    def counted(prose: str, tok: Any) -> bool:
        beside.append(tok.text)
        return real(prose, tok)

    with mock.patch.object(variants, "_beside_a_name", counted):
        assert found(text) == [
            (2, 1, "Illja", "Illia"),
            (2, 10, "Samojlenko", "Samoylenko"),
        ]
    grouped = {"Illja", "Illia", "Samojlenko", "Samoylenko", "Meyer", "Meier"}
    assert set(beside) <= grouped


def test_a_bare_surname_after_the_full_name_is_the_same_person() -> None:
    """The full name introduces the person; a later bare surname with or
    without its accent is that person ("Recep Tayyip Erdogan ... Erdoğan").
    A bare spelling before the full name, or after "the", is not."""
    text = (
        "President Recep Tayyip Erdogan spoke on Tuesday.\n"
        "Erdoğan made the offer after a call.\n"
        "Erdogan hosted two earlier rounds.\n"
    )
    assert found(text) == [(2, 1, "Erdoğan", "Erdogan")]
    place = "Funds flow across the Americas.\nThe charity Conexión Américas helps."
    assert found(place) == []
    bank = "The Banco de México raised its rate.\nInflation in Mexico stayed high."
    assert found(bank) == []


def test_a_given_name_takes_the_documents_spelling_not_the_house_form() -> None:
    """The house form of a given name (Yuliia) is a Ukrainian's; for a
    Russian woman the document's evidence picks the spelling."""
    text = (
        "Yulia Navalnaya addressed the European Parliament on Wednesday.\n"
        "Julija Nawalnaja called on lawmakers to act.\n"
    )
    assert found(text) == [(2, 1, "Julija", "Yulia"), (2, 8, "Nawalnaja", "Navalnaya")]


def test_a_firm_keeps_the_spelling_it_was_registered_under() -> None:
    """A legal form after a name (GmbH, Ltd, Inc) makes it the firm's own
    name, however its founder spells his; without it the two spellings are
    one man's."""
    text = (
        "Schewtschenko GmbH, a Hamburg bakery chain, has been sold.\n"
        "It was founded in 1996 by Mykola Shevchenko, who is now 71.\n"
    )
    assert found(text) == []
    assert found(text.replace(" GmbH", "")) == [(1, 1, "Schewtschenko", "Shevchenko")]


def test_a_spelling_named_as_a_word_is_no_variant() -> None:
    """A term set in italics right after "the term" is mentioned, not used:
    "_Latine_" beside "Latin" is no name spelled two ways."""
    text = (
        "We use _Latinx_ (pronounced Latin-ex) or the term _Latine_ because\n"
        "they are gender-neutral alternatives in Latin American usage.\n"
    )
    found = lint_text(text, "x.md", "markdown", VARIANTS)
    assert found == []
    plain = text.replace("_", "")
    assert [f.match for f in lint_text(plain, "x.md", "markdown", VARIANTS)] == [
        "Latine"
    ]


def test_in_english_marks_are_foreign_markers_before_frequency() -> None:
    """The canonical order of the house: fewest foreign markers (the marks
    among them), then frequency, then first use. An English draft that
    writes Güneş twice and Gunes once is mended to Gunes."""
    text = (
        "ANKARA: Emre Güneş, a 41-year-old chemist, opened the new lab.\n\n"
        "Güneş said the equipment came from Izmir. Emre Gunes thanked the staff."
    )
    assert found(text) == [(1, 14, "Güneş", "Gunes"), (3, 1, "Güneş", "Gunes")]


def test_in_a_page_in_another_language_its_habit_decides() -> None:
    text = (
        "La alcaldesa Lucía Beltrán inauguró el puente el lunes por la tarde.\n\n"
        "Lucía Beltrán dijo que la obra costó dos millones. Lucia Beltran no "
        "dio más detalles sobre el contrato de la obra.\n"
    )
    doc = Document.plain(text, path="x.txt", language="es")
    assert sorted((f.line, f.col, f.match) for f in CHECK.run(doc)) == [
        (3, 52, "Lucia"),
        (3, 58, "Beltran"),
    ]


def test_a_firm_named_after_a_person_is_not_a_variant() -> None:
    """A firm keeps the spelling it trades under (often without its
    marks); a street's name is the writer's to spell."""
    text = (
        "Dvorak Logistics, a haulier from Brno, was sold on Monday.\n\n"
        "Founder Marek Dvořák will stay as an adviser. Dvořák said the "
        "firm had dropped the marks in 1995."
    )
    assert found(text) == []
    text = (
        "The poet Marek Dvořák lived in Brno. Dvořák died in 1995.\n\n"
        "Dvorak Street, where he lived, was renamed on Monday."
    )
    assert found(text) == [(1, 16, "Dvořák", "Dvorak"), (1, 38, "Dvořák", "Dvorak")]


def test_turkish_letters_read_as_an_english_romanisation() -> None:
    text = (
        "Grain trader Vasyl Çumak said shipments had recovered.\n\n"
        "Chumak, whose firm charters eight ships, said insurance had fallen. "
        "According to Chumak, mines are the main risk."
    )
    assert found(text) == [(1, 20, "Çumak", "Chumak")]
