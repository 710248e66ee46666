"""Registry of check types: the ``extends:`` name → the class that runs it.

A plain dict of import paths, imported on first use so that a run only pays
for the types its rules use. A new type is one module plus one line here.
"""

from __future__ import annotations

import importlib
from typing import cast

from copydesk.checks.base import CheckType

CHECK_TYPES: dict[str, str] = {
    "existence": "copydesk.checks.existence:Existence",
    "substitution": "copydesk.checks.substitution:Substitution",
    "pairs": "copydesk.checks.pairs:Pairs",
    "names": "copydesk.checks.names:Names",
    "variants": "copydesk.checks.variants:Variants",
    "occurrence": "copydesk.checks.occurrence:Occurrence",
    "repetition": "copydesk.checks.repetition:Repetition",
    "consistency": "copydesk.checks.consistency:Consistency",
    "capitalization": "copydesk.checks.capitalization:Capitalization",
    "conditional": "copydesk.checks.conditional:Conditional",
    "spelling": "copydesk.checks.spelling:Spelling",
    "proselint": "copydesk.checks.proselint:Proselint",
    "boilerplate": "copydesk.checks.boilerplate:Boilerplate",
    "lexicon": "copydesk.checks.lexicon:Lexicon",
    "confusion": "copydesk.checks.confusion:ConfusionCheck",
    "rarity": "copydesk.checks.rarity:Rarity",
    "foreign_lines": "copydesk.checks.foreign_lines:ForeignLines",
    "shaped_lines": "copydesk.checks.shaped_lines:ShapedLines",
    "articles": "copydesk.checks.articles:Articles",
    "capitals": "copydesk.checks.capitals:Capitals",
    "compounds": "copydesk.checks.compounds:Compounds",
}


def load_check_type(name: str) -> CheckType:
    """The class registered for ``extends: name`` (KeyError when unknown)."""
    module_name, _, class_name = CHECK_TYPES[name].partition(":")
    module = importlib.import_module(module_name)
    return cast(CheckType, getattr(module, class_name))
