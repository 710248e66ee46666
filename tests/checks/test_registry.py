"""The check-type registry: every type registered, each one a ``CheckType``.

``CHECK_TYPES`` holds import strings so a run imports only the types its
rules use; mypy cannot follow those strings, so this test names every class
in a ``dict[str, CheckType]`` that mypy does check against the protocol.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.checks import CHECK_TYPES, load_check_type
from copydesk.checks.articles import Articles
from copydesk.checks.base import CheckType
from copydesk.checks.boilerplate import Boilerplate
from copydesk.checks.capitalization import Capitalization
from copydesk.checks.capitals import Capitals
from copydesk.checks.compounds import Compounds
from copydesk.checks.conditional import Conditional
from copydesk.checks.confusion import ConfusionCheck
from copydesk.checks.consistency import Consistency
from copydesk.checks.existence import Existence
from copydesk.checks.foreign_lines import ForeignLines
from copydesk.checks.lexicon import Lexicon
from copydesk.checks.names import Names
from copydesk.checks.occurrence import Occurrence
from copydesk.checks.pairs import Pairs
from copydesk.checks.proselint import Proselint
from copydesk.checks.rarity import Rarity
from copydesk.checks.repetition import Repetition
from copydesk.checks.shaped_lines import ShapedLines
from copydesk.checks.spelling import Spelling
from copydesk.checks.substitution import Substitution
from copydesk.checks.variants import Variants
from copydesk.model import FixAvailability

#: Statically typed: mypy fails here when a class stops satisfying CheckType.
TYPED: dict[str, CheckType] = {
    "articles": Articles,
    "capitals": Capitals,
    "compounds": Compounds,
    "boilerplate": Boilerplate,
    "capitalization": Capitalization,
    "conditional": Conditional,
    "confusion": ConfusionCheck,
    "consistency": Consistency,
    "existence": Existence,
    "lexicon": Lexicon,
    "names": Names,
    "occurrence": Occurrence,
    "pairs": Pairs,
    "proselint": Proselint,
    "rarity": Rarity,
    "foreign_lines": ForeignLines,
    "repetition": Repetition,
    "shaped_lines": ShapedLines,
    "spelling": Spelling,
    "substitution": Substitution,
    "variants": Variants,
}
#: Modules of ``checks/`` that hold shared machinery, not a check type.
HELPERS = {"__init__", "base", "anchor_scan"}


def _module_names() -> set[str]:
    import copydesk.checks

    folder = Path(copydesk.checks.__file__).parent
    return {p.stem for p in folder.glob("*.py")} - HELPERS


def test_every_check_module_is_registered() -> None:
    registered = {
        target.split(":")[0].rsplit(".", 1)[1] for target in CHECK_TYPES.values()
    }
    assert registered == _module_names()


def test_the_typed_registry_is_the_registry() -> None:
    assert set(TYPED) == set(CHECK_TYPES)
    for name, check_type in TYPED.items():
        assert load_check_type(name) is check_type


@pytest.mark.parametrize("name", sorted(CHECK_TYPES))
def test_each_type_states_its_own_fix_availability(name: str) -> None:
    check_type = load_check_type(name)
    assert "FIX" in vars(check_type), f"{name} must declare FIX itself"
    assert isinstance(check_type.FIX, FixAvailability)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("existence", {}, FixAvailability.NONE),
        (
            "existence",
            {"remove": "none", "applicability": "safe"},
            FixAvailability.NONE,
        ),
        ("existence", {"remove": "match"}, FixAvailability.UNSAFE),
        (
            "existence",
            {"remove": "line", "applicability": "safe"},
            FixAvailability.SAFE,
        ),
        ("substitution", {}, FixAvailability.UNSAFE),
        ("substitution", {"applicability": "safe"}, FixAvailability.SAFE),
        ("proselint", {"applicability": "safe"}, FixAvailability.SAFE),
        ("pairs", {"defect": "mixed"}, FixAvailability.MIXED),
        ("pairs", {"defect": "stray"}, FixAvailability.NONE),
        ("names", {"kind": "place"}, FixAvailability.MIXED),
        ("names", {"kind": "given"}, FixAvailability.UNSAFE),
        ("repetition", {"safe": ["the"]}, FixAvailability.MIXED),
        ("repetition", {}, FixAvailability.UNSAFE),
        ("spelling", {}, FixAvailability.UNSAFE),
        ("conditional", {}, FixAvailability.NONE),
        ("occurrence", {}, FixAvailability.NONE),
        ("lexicon", {}, FixAvailability.MIXED),
        ("confusion", {}, FixAvailability.UNSAFE),
        ("rarity", {}, FixAvailability.UNSAFE),
        ("foreign_lines", {}, FixAvailability.UNSAFE),
    ],
)
def test_a_rule_file_narrows_its_types_fixes(
    name: str, data: dict[str, object], expected: FixAvailability
) -> None:
    assert load_check_type(name).fix_availability(data) is expected
