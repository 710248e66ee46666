"""Generated Vale rule files: an answer, never a traceback or a hang.

A style's rules come with the repository being linted. Each generated rule
mixes the keys of every rule type with values of the wrong type, patterns
that do not compile or backtrack, YAML aliases that multiply (a small
billion laughs), tags that name Python objects, and ``script`` or
``sequence`` rules; copydesk answers with alerts (exit 0 or 1) or one error
line per problem (exit 2), runs no code, and finishes in bounded time (a
runaway pattern is stopped by ``budget.RULE_TIMEOUT``, made short here).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.vale import budget

from ..robustness.strategies import fuzz_settings
from .conftest import Run, write_tree

EXTENDS = (
    "existence", "substitution", "occurrence", "repetition", "consistency",
    "conditional", "capitalization", "metric", "spelling", "sequence", "script",
    "readability", "nosuchtype", "[1, 2]",
)  # fmt: skip
KEYS = (
    "tokens: [Kiev, Kharkov]\n",
    "tokens: Kiev\n",
    "tokens: [(a|aa)+$]\n",
    "tokens: ['[unclosed']\n",
    "raw: ['(?i)kiev', '\\\\b(']\n",
    "swap:\n  Kiev: Kyiv\n  '(a+)+b': x\n",
    "swap: [1, 2]\n",
    "first: Kiev\nsecond: Kyiv\n",
    "either:\n  Kiev: Kyiv\n",
    "match: $title\n",
    "match: '(?<'\n",
    "max: 1\ntoken: said\n",
    "max: -99999999999999999999999\n",
    "formula: (words / sentences) + '\n",
    "formula: 10 ** 10 ** 10\n",
    "condition: '> 0'\n",
    "scope: [heading, '!raw', 99]\n",
    "ignorecase: maybe\n",
    "nonword: true\n",
    "action:\n  name: replace\n  params: [1]\n",
    'script: |\n  os := import("os")\n  os.write_file("ran", "x")\n',
    "exceptions: ['(']\n",
    "level: loud\n",
    "message: '%s %s %s %d'\n",
    "message: !!python/object/apply:os.system ['touch ran']\n",
    "a0: &a [Kiev, Kiev, Kiev, Kiev, Kiev, Kiev, Kiev, Kiev]\n"
    "a1: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    "a2: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
    "tokens: [*c, *c, *c, *c, *c, *c, *c, *c]\n",
    "{{{{[[[\n",
    "\x00\xff\n",
)


@pytest.fixture(autouse=True)
def short_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "RULE_TIMEOUT", 0.2)


@fuzz_settings(40)
@given(
    extends=st.sampled_from(EXTENDS),
    keys=st.lists(st.sampled_from(KEYS), max_size=4),
)
def test_a_generated_rule_is_an_answer(
    project: Path, vale: Run, extends: str, keys: list[str]
) -> None:
    write_tree(
        project,
        {
            ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
            "styles/House/Names.yml": (
                "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens: [Kiev]\n"
            ),
            "styles/House/Made.yml": f"extends: {extends}\nmessage: m\n"
            + "".join(keys),
            "a.md": "# Kiev news\n\nOfficials in Kiev said so. " + "a" * 40 + "b\n",
        },
    )
    began = time.monotonic()
    result = vale("a.md")
    assert time.monotonic() - began < 30
    assert result.code in (0, 1, 2), result.err
    assert "Traceback" not in result.err
    assert not (project / "ran").exists()
    if result.code == 2 and not result.out:
        assert result.err.count("\n") <= 3  # a few lines, each one problem


def test_an_exception_that_does_not_compile_is_one_error(
    project: Path, vale: Run
) -> None:
    """Found by the target above: a rule's ``exceptions`` are joined into one
    pattern outside the rule options' own compile, and ``(`` was a traceback."""
    write_tree(
        project,
        {
            ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
            "styles/House/Made.yml": (
                "extends: existence\nmessage: m\ntokens: [Kiev]\nexceptions: ['(']\n"
            ),
            "a.md": "Officials in Kiev said so.\n",
        },
    )
    result = vale("a.md")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines() == [
        f"{project / 'styles/House/Made.yml'}:1:E201:invalid pattern: missing ) at"
        " position 23"
    ]
