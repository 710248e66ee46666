"""The names rules build the patterns only a candidate consults (a place's
elsewhere regions, a given name's person context) when a document first
has a candidate: a page without one never compiles them."""

from __future__ import annotations

from copydesk.batch import lint_text
from copydesk.checks.names import Names
from copydesk.ruleset import Ruleset, load_ruleset


def _names(rs: Ruleset) -> dict[str, Names]:
    return {c.meta.id: c for c in rs.checks if isinstance(c, Names)}


def _found(text: str, rs: Ruleset) -> list[tuple[int, int, str, str]]:
    return [
        (f.line, f.col, f.rule, f.match)
        for f in lint_text(text, "a.md", "markdown", rs)
    ]


def test_a_page_without_candidates_builds_none_of_them() -> None:
    rs = load_ruleset()
    page = "# Output objects\n\nThe cmdlet writes objects to the pipeline.\n"
    assert _found(page, rs) == []
    names = _names(rs)
    places, given = names["names.Places"], names["names.GivenNames"]
    assert places.elsewhere is not None
    assert not places.elsewhere.built
    assert given.person is not None
    person = given.person
    assert not any(p.built for p in (person.surnames, person.context, person.against))


def test_candidates_build_them_and_they_decide() -> None:
    rs = load_ruleset()
    places = _names(rs)["names.Places"]
    assert _found("Officials met in Odessa, Nebraska, on Monday.\n", rs) == []
    assert places.elsewhere is not None
    assert places.elsewhere.built
    assert _found("Officials met in Odessa on Monday.\n", rs) == [
        (1, 18, "names.Places", "Odessa")
    ]
    text = (
        "Moscow said General Valerij Gerasimov had briefed the Duma.\n\n"
        "A shell hit the flat of Julija Tymoschenko in Kharkiv.\n"
    )
    assert _found(text, rs) == [(3, 25, "names.GivenNames", "Julija")]


def test_every_shipped_person_context_builds() -> None:
    """Shipped rules defer them, so the suite builds each once."""
    for check in _names(load_ruleset()).values():
        if check.person is not None:
            person = check.person
            built = [p.get() for p in (person.surnames, person.context, person.against)]
            assert all(p is not None for p in built), check.meta.id
        if check.elsewhere is not None:
            check.elsewhere.get()
