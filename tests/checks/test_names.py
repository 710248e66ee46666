"""The ``names`` check: house spellings matched literally and by key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import REPO, SAMPLE

from copydesk.checks.base import Check
from copydesk.checks.names import Names
from copydesk.checks.variants import Variants
from copydesk.document import Block, Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, RuleMeta
from copydesk.rulefiles import ShippedPacks

RULES = REPO / "rules"


#: The shipped packs, lent to check types as the loader lends them.
SHIPPED = ShippedPacks()


def load(path: Path) -> Check:
    data = yaml.safe_load(path.read_text("utf-8"))
    meta = RuleMeta(
        id=f"{path.parent.name}.{path.stem}",
        extends=data["extends"],
        source=str(path),
        message=data.get("message", ""),
        exceptions=tuple(data.get("exceptions", [])),
    )
    kind = Names if data["extends"] == "names" else Variants
    return kind.from_yaml(meta, data, SHIPPED)


def build(data: dict[str, Any], message: str = "Use '%s' rather than '%s'.") -> Check:
    meta = RuleMeta(
        id="names.Test", extends="names", source="test.yml", message=message
    )
    return Names.from_yaml(meta, {"extends": "names", **data}, SHIPPED)


def found(check: Check, text: str) -> list[tuple[int, int, str, str]]:
    doc = Document.plain(text, path="x.txt")
    return [(f.line, f.col, f.match, f.suggestions[0]) for f in check.run(doc)]


PLACES = load(RULES / "names" / "Places.yml")
PEOPLE = load(RULES / "names" / "People.yml")
GIVEN = load(RULES / "names" / "GivenNames.yml")


def test_listed_variant_with_possessive_keeps_the_s() -> None:
    doc = Document.plain("Kiev's mayor spoke.", path="x.txt")
    [finding] = PLACES.run(doc)
    assert (finding.match, finding.suggestions) == ("Kiev", ("Kyiv",))
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.SAFE
    assert [(e.start, e.end, e.replacement) for e in finding.fix.edits] == [
        (0, 4, "Kyiv")
    ]
    assert finding.message == "Use 'Kyiv' rather than 'Kiev' (house spelling)."


def test_unlisted_romanisations_by_key() -> None:
    text = "Trains from Tschernihiw and Lwiw reached Charkiw.\nLouhansk was cut off."
    assert found(PLACES, text) == [
        (1, 13, "Tschernihiw", "Chernihiv"),
        (1, 29, "Lwiw", "Lviv"),
        (1, 42, "Charkiw", "Kharkiv"),
        (2, 1, "Louhansk", "Luhansk"),
    ]


def test_canonical_and_exception_phrases_are_clean() -> None:
    text = (
        "In Kyiv, Kyiv's cafés serve chicken Kiev. Chicken Kiev too. Kievan Rus fell."
    )
    assert found(PLACES, text) == []


def test_anchor_is_required_for_anchored_entries() -> None:
    assert found(PEOPLE, "Primo Levi and Bernard Levi wrote.") == []
    assert found(PEOPLE, "Bernard-Henri Lévi and Bernard Henri Levi.") == [
        (1, 15, "Lévi", "Lévy"),
        (1, 38, "Levi", "Lévy"),
    ]


def test_zelensky_is_the_default_and_feminine_form_is_left_alone() -> None:
    text = "Zelenskyy met Olena Zelenska; Selenskyj and Zelenskii spoke."
    assert found(PEOPLE, text) == [
        (1, 1, "Zelenskyy", "Zelensky"),
        (1, 31, "Selenskyj", "Zelensky"),
        (1, 45, "Zelenskii", "Zelensky"),
    ]


def test_given_names_need_a_foreign_marker() -> None:
    text = "In Kyiv, Illja, Wolodymyr and Jurij met Denis, Yuri and Maxim."
    assert found(GIVEN, text) == [
        (1, 10, "Illja", "Illia"),
        (1, 17, "Wolodymyr", "Volodymyr"),
        (1, 31, "Jurij", "Yurii"),
    ]


def test_a_given_name_is_mended_to_the_documents_own_spelling() -> None:
    """House form Serhii, document form Serhiy before the same surname: the
    fix keeps the article to one spelling (the house form would make a
    third, which the variants check would then report). Another man's
    spelling of the name (Yuri Boyko) is not this one's."""
    text = (
        "Serhiy Tkachenko runs a bakery in Poltava, Ukraine. Last winter "
        "Serhij Tkatschenko baked for the whole street.\n\n"
        "In Kyiv, Yuri Boyko and Jurij Kos opened a second shop."
    )
    doc = Document.plain(text, path="x.txt")
    got = [(f.line, f.col, f.match, f.suggestions, f.message) for f in GIVEN.run(doc)]
    assert got == [
        (
            1,
            65,
            "Serhij",
            ("Serhiy", "Serhii"),
            "Use 'Serhiy' rather than 'Serhij': this document writes it so "
            "elsewhere (house romanisation: 'Serhii').",
        ),
        (
            3,
            25,
            "Jurij",
            ("Yurii",),
            "Use 'Yurii' rather than 'Jurij' (house romanisation of the given name).",
        ),
    ]
    fix = next(GIVEN.run(doc)).fix
    assert fix is not None
    assert fix.edits[0].replacement == "Serhiy"


def test_given_names_only_for_people_shown_to_be_ukrainian() -> None:
    text = (
        "Julia Roberts and Julia M. Phillips spoke; Julia left early.\n\n"
        "Estonia's prime minister Jüri Ratas met Juri Luik in Tallinn.\n\n"
        "Moscow said General Valerij Gerasimov had briefed the Duma on Ukraine.\n\n"
        "A Russian shell hit the flat of Julija Tymoschenko in Kharkiv.\n\n"
        "Defence minister Oleksij Reznikow spoke in Kyiv.\n\n"
        "Wolodymyr Selenskyj and Serhij Kravtschuk signed it."
    )
    found_here = [
        (f.line, f.match, f.suggestions[0])
        for f in GIVEN.run(Document.plain(text, path="x.txt"))
    ]
    assert found_here == [
        (7, "Julija", "Yuliia"),
        (9, "Oleksij", "Oleksii"),
        (11, "Wolodymyr", "Volodymyr"),
        (11, "Serhij", "Serhii"),
    ]


def test_given_name_and_quoted_names_fixes_are_unsafe() -> None:
    doc = Document.plain(
        "Illja Samojlenko spoke. Zelenskyy went.\n\n"
        "The statement said: \u201cPresident Zelenskyy thanked our allies.\u201d",
        path="x.txt",
    )
    given = [f.fix.applicability for f in GIVEN.run(doc) if f.fix]
    people = [(f.line, f.fix.applicability) for f in PEOPLE.run(doc) if f.fix]
    assert given == [Applicability.UNSAFE]
    assert people == [(1, Applicability.SAFE), (3, Applicability.UNSAFE)]


def test_a_place_inside_another_name_is_no_finding() -> None:
    # Issue 20: an event's or a paper's own name is not the house's business;
    # the place's own administrative terms still name the place (unsafe:
    # "Kiev Oblast" may be an official title quoted as it was).
    doc = Document.plain(
        "Our team won Space Apps Kiev in April. The Kiev Post covered it.\n\n"
        "In Kiev the mood was calm, and talks in Kiev went on. Kiev Oblast was calm.",
        path="x.txt",
    )
    fixes = [(f.line, f.col, f.fix.applicability) for f in PLACES.run(doc) if f.fix]
    assert fixes == [
        (3, 4, Applicability.SAFE),
        (3, 41, Applicability.SAFE),
        (3, 55, Applicability.UNSAFE),
    ]


def test_names_in_single_quotes_or_a_blockquote_get_an_unsafe_fix() -> None:
    text = "He said, 'We will rebuild Kiev.'\n\nTalks in Kiev resumed.\n"
    doc = Document.plain(text)
    fixes = [(f.line, f.fix.applicability) for f in PLACES.run(doc) if f.fix]
    assert fixes == [(1, Applicability.UNSAFE), (3, Applicability.SAFE)]
    md = "> Kiev is the capital, the statement said.\n\nTalks in Kiev resumed.\n"
    blocks = (Block(2, 42, "blockquote"), Block(44, 66, "paragraph"))
    doc = Document("a.md", md, md, format="markdown", blocks=blocks)
    fixes = [(f.line, f.fix.applicability) for f in PLACES.run(doc) if f.fix]
    assert fixes == [(1, Applicability.UNSAFE), (3, Applicability.SAFE)]


def test_urls_and_handles_are_not_names() -> None:
    text = "See https://example.com/Kiev-guide, @Kiev_news and kiev@example.org."
    assert found(PLACES, text) == []


def test_the_ukraine_rule() -> None:
    from copydesk.checks.substitution import Substitution

    data = yaml.safe_load((RULES / "names" / "TheUkraine.yml").read_text("utf-8"))
    meta = RuleMeta(id="names.TheUkraine", extends="substitution", source="t.yml")
    check = Substitution.from_yaml(meta, data, SHIPPED)
    text = (
        "Exports from the Ukraine fell. "
        "The Ukraine war and the Ukraine Recovery Conference."
    )
    assert found(check, text) == [(1, 14, "the Ukraine", "Ukraine")]


def test_rule_level_exceptions_and_entry_keys_are_validated() -> None:
    check = build({"entries": [{"canonical": "Kyiv", "variants": ["Kiev"]}]})
    meta = RuleMeta(
        id="names.Test",
        extends="names",
        source="t.yml",
        message="%s/%s",
        exceptions=("Kiev ballet",),
    )
    with_exc = Names.from_yaml(
        meta,
        {"extends": "names", "entries": [{"canonical": "Kyiv", "variants": ["Kiev"]}]},
        SHIPPED,
    )
    assert found(check, "the Kiev ballet") == [(1, 5, "Kiev", "Kyiv")]
    assert found(with_exc, "the Kiev ballet") == []
    with pytest.raises(RuleError, match="key 'colour': unknown key"):
        build({"entries": ["Kyiv"], "colour": "red"})
    with pytest.raises(RuleError, match=r"entries\[0\]: key 'spelling': unknown key"):
        build({"entries": [{"canonical": "Kyiv", "spelling": "x"}]})
    with pytest.raises(RuleError, match="key 'by-key'"):
        build({"entries": ["Kyiv"], "by-key": "sometimes"})
    with pytest.raises(RuleError, match="key 'entries'"):
        build({"entries": []})


def test_by_key_off_matches_only_listed_variants() -> None:
    check = build(
        {"entries": [{"canonical": "Kyiv", "variants": ["Kiev"]}], "by-key": "off"}
    )
    assert found(check, "Kiev and Kyjiw") == [(1, 1, "Kiev", "Kyiv")]


def test_sample_names_and_variants_findings_exactly() -> None:
    if not SAMPLE.exists():
        pytest.skip("shared sample not available")
    doc = Document.plain(SAMPLE.read_text("utf-8"), path=str(SAMPLE))
    paths = [*sorted((RULES / "names").glob("*.yml")), RULES / "variants" / "Names.yml"]
    checks = [
        load(p)
        for p in paths
        if yaml.safe_load(p.read_text())["extends"] != "substitution"
    ]
    results = sorted(
        (f.line, f.col, f.rule, f.match, f.suggestions[0])
        for c in checks
        for f in c.run(doc)
    )
    assert results == [
        (3, 21, "names.People", "Zelenskyj", "Zelensky"),
        (35, 40, "names.GivenNames", "Illja", "Illia"),
        (35, 46, "variants.Names", "Samojlenko", "Samoylenko"),
        (35, 127, "names.People", "Lévi", "Lévy"),
        (37, 39, "names.Places", "Kiev", "Kyiv"),
        (57, 10, "variants.Names", "Puschilin", "Pushilin"),
        (79, 251, "names.Places", "Donbass", "Donbas"),
    ]
