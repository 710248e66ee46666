"""The names rules build the patterns only a candidate consults (a place's
elsewhere regions, a given name's person context) when a document first
has a candidate: a page without one never compiles them."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.batch import lint_text
from copydesk.checks.names import Names
from copydesk.errors import RuleError
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


def test_a_page_without_candidates_builds_no_exception_or_anchor_matcher() -> None:
    rs = load_ruleset()
    page = "# Output objects\n\nThe cmdlet writes objects to the pipeline.\n"
    assert _found(page, rs) == []
    names = _names(rs)
    french = names["names.French"]
    assert french.exceptions is not None
    assert not french.exceptions.matcher.built
    assert not any(a.built for a in names["names.People"].anchors if a is not None)
    assert not rs.exceptions["style.Repetition"].built


def test_a_finding_builds_its_rules_exceptions_and_they_still_filter() -> None:
    rs = load_ruleset()
    repeats = rs.exceptions["style.Repetition"]
    assert _found("She had enough of it.\n", rs) == []
    built_before = repeats.built  # no repeat of a word found: nothing to filter
    assert _found("She had had enough of it.\n", rs) == []  # an exception
    assert (built_before, repeats.built) == (False, True)
    text = "The cat sat on the the mat, and that that was so so fine.\n"
    assert _found(text, rs) == [(1, 16, "style.Repetition", "the the")]


def test_a_listed_name_builds_only_the_matchers_it_is_tested_against() -> None:
    rs = load_ruleset()
    places = _names(rs)["names.Places"]
    assert _found("Officials met in Odessa on Monday.\n", rs) == [
        (1, 18, "names.Places", "Odessa")
    ]
    french = _names(rs)["names.French"].exceptions
    assert places.exceptions is not None
    assert french is not None
    assert places.exceptions.matcher.built
    assert not french.matcher.built


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        (
            "extends: names\nmessage: \"Use '%s'.\"\nkind: place\n"
            "exceptions: ['(Kiev']\n"
            "entries:\n  - canonical: Kyiv\n    variants: [Kiev]\n",
            "exceptions",
        ),
        (
            "extends: substitution\nmessage: \"Use %s rather than '%s'.\"\n"
            "swap:\n  '(?:colour': color\n",
            "bad regex",
        ),
    ],
)
def test_a_users_rule_is_compiled_and_refused_at_load(
    tmp_path: Path, rule: str, error: str
) -> None:
    """What a shipped rule defers (exception phrases, a substitution's regex
    swaps), a user's rule compiles at load, so a bad one is reported then."""
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "Rule.yml").write_text(rule, encoding="utf-8")
    with pytest.raises(RuleError, match=error):
        load_ruleset([tmp_path])


def test_every_shipped_exception_and_anchor_matcher_builds() -> None:
    """Shipped rules defer them, so the suite builds each once."""
    rs = load_ruleset(select=sorted({c.meta.pack for c in load_ruleset().checks}))
    for rule_id, lazy in rs.exceptions.items():
        assert lazy.get() is not None, rule_id
    for check in _names(rs).values():
        if check.exceptions is not None:
            assert check.exceptions.matcher.get() is not None, check.meta.id
        for anchor in check.anchors:
            assert anchor is None or anchor.get() is not None, check.meta.id
