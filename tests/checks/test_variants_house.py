"""``variants`` never proposes a spelling the house list rejects.

The house list (``names``) and ``variants`` both fix names; when variants
chose a canonical form the house rejects, the two fixes undid each other.
These tests pin how the house decides a group (copydesk.house_spellings).
"""

from __future__ import annotations

from copydesk.checks.names import Entry
from copydesk.house_spellings import house_spellings

from .test_variants import build, found


def test_an_anchored_house_name_is_the_canonical_form_after_its_anchor() -> None:
    # Bare "Lévi" is first, but the document shows Bernard-Henri Lévy.
    assert found("Lévi said so. Bernard-Henri Lévy agreed.") == [(1, 1, "Lévi", "Lévy")]
    # Without the anchor the house list has no say: the first spelling wins.
    assert found("Lévi said so. Later Lévy agreed.") == [(1, 21, "Lévy", "Lévi")]


def test_another_person_of_the_same_key_is_left_alone() -> None:
    assert found("Primo Levi wrote. Bernard-Henri Lévy agreed.") == []


def test_a_canonical_form_the_house_rejects_becomes_the_house_name() -> None:
    # Kiev has fewer foreign markers than Kiew, but the house writes Kyiv.
    text = "Officials in Kiev met. Teams in Kiew left."
    assert found(text) == [(1, 14, "Kiev", "Kyiv"), (1, 33, "Kiew", "Kyiv")]
    assert found(text, build({"house": False})) == [(1, 33, "Kiew", "Kiev")]


def test_house_spellings_of_entries() -> None:
    house = house_spellings(
        [
            Entry("Kyiv", ("Kiev",)),
            Entry("Lévy", ("Lévi",), anchors=("Bernard-Henri",), kind="person"),
            Entry("Kyjiw", ("Kiev",)),
        ]
    )
    assert house.rejected == {"Kiev": "Kyiv"}  # the first entry wins
    assert house.accepted("Kiev") == "Kyiv"
    assert house.accepted("Kharkiv") == "Kharkiv"
    prose = "Lévi said so. Bernard-Henri Lévi agreed."
    assert house.canonical(prose, [("Lévi", [0, 28])]) == "Lévy"
    assert house.canonical(prose, [("Lévi", [0])]) is None
    assert house.canonical("Kiev, Kyjiv", [("Kyjiv", [6])]) == "Kyiv"


def test_an_anchor_is_built_only_when_a_spelling_of_its_name_is_tested() -> None:
    house = house_spellings(
        [Entry("Lévy", ("Lévi",), anchors=("Bernard-Henri",), kind="person")]
    )
    (name,) = house.anchored
    # A group of other names never asks the anchor: nothing is compiled.
    assert house.canonical("Kyiv and Kiev.", [("Kiev", [9])]) is None
    assert not name.anchor.built
    assert house.canonical("Bernard Henri Lévi came.", [("Lévi", [14])]) == "Lévy"
    assert name.anchor.built
