"""proselint: same findings as proselint itself, at the same line and column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.checks.inline import findings, lint_rule

from copydesk.batch import lint_text
from copydesk.checks.proselint import SEPARATOR, deepest_first, flatten
from copydesk.errors import RuleError
from copydesk.model import Applicability
from copydesk.ruleset import load_ruleset

DEFECTS = """A report on the harbour

Irregardless of the weather, the ferry left at 7 a.m. in the morning.
The captain said it was a very unique crossing, and the the crew agreed.
Thanks in advance for reading... The new policy is, in my opinion,
extremely dangerous, and the the committee blew it out of the water.

In the year of 2019 the council had a meeting (c) and said "very unique".
We will utilize every avenue; needless to say, at the end of the day
the result was most unique. He is a centre of attention; the center holds.
The company's synergy was, so to speak, a paradigm shift.
Only time will tell whether the the plan will succeed.
"""


def _proselint_results(text: str) -> list[tuple[int, int, str]]:
    """proselint's own CLI on ``text``, as (line, col, check path)."""
    script = (
        "import sys\n"
        "from proselint.checks import __register__\n"
        "from proselint.config import DEFAULT\n"
        "from proselint.registry import CheckRegistry\n"
        "from proselint.tools import LintFile\n"
        "CheckRegistry().register_many(__register__)\n"
        "cfg = {'max_errors': 10**9, 'checks': DEFAULT['checks']}\n"
        "for r in LintFile('doc', sys.stdin.read()).lint(cfg):\n"
        "    print(r.pos[0], r.pos[1], r.check_result.check_path, sep='\\t')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    return [(int(a), int(b), c) for a, b, c in rows]


def test_pack_matches_proselint_itself() -> None:
    expected = _proselint_results(DEFECTS)
    assert len(expected) >= 15
    ruleset = load_ruleset(select=["proselint"])
    found = lint_text(DEFECTS, "doc.txt", "plain", ruleset)
    got = [
        (f.line, f.col, part[1:].split("]", 1)[0])
        for f in found
        for part in f.message.split(SEPARATOR)
    ]
    assert sorted(got) == sorted(expected)
    assert {f.rule for f in found} == {"proselint.Default"}


def test_checks_flagging_one_span_share_a_finding() -> None:
    found = findings("extends: proselint\ndefaults: true", "At the end of the day.")
    assert [f.message.count(SEPARATOR) for f in found] == [1]
    assert found[0].message.startswith("[cliches.misc.garner]")


def test_pack_is_opt_in() -> None:
    assert "proselint" not in load_ruleset().packs


RULE = """
extends: proselint
checks:
  uncomparables: true
  nonwords: true
  typography: {symbols: true, symbols.curly_quotes: false}
"""


def test_offsets_message_and_unsafe_fix() -> None:
    text = "Irregardless, it is very unique."
    found = findings(RULE, text)
    assert [(f.line, f.col, f.match) for f in found] == [
        (1, 1, "Irregardless"),
        (1, 21, "very unique"),
    ]
    assert found[0].message.startswith("[nonwords] Nonword")
    assert found[0].fix is not None
    assert found[0].fix.applicability is Applicability.UNSAFE
    assert found[0].suggestions == ("regardless",)
    assert found[1].message.startswith("[uncomparables] Comparison of an uncomparable")
    assert found[1].fix is None


def test_code_is_not_linted_and_offsets_survive_masking() -> None:
    text = "Run `very unique` first.\n\nIt is very unique (c) here.\n"
    assert lint_rule(RULE, text, "markdown") == [(3, 7, "very unique"), (3, 19, "(c)")]


def test_deeper_key_wins_and_straight_quotes_stay_off() -> None:
    assert lint_rule(RULE, 'He said "hello" (c).') == [(1, 17, "(c)")]


def test_empty_and_blank_text() -> None:
    assert lint_rule(RULE, "") == []
    assert lint_rule(RULE, " \n\n ") == []


def test_repeated_runs_do_not_double_findings() -> None:
    text = "It is very unique."
    assert lint_rule(RULE, text) == lint_rule(RULE, text) == [(1, 7, "very unique")]


def test_safe_applicability_can_be_chosen() -> None:
    found = findings(RULE + "applicability: safe\n", "Irregardless.")
    assert found[0].fix is not None
    assert found[0].fix.is_safe


def test_proselint_is_not_imported_at_load() -> None:
    code = (
        "import sys\n"
        "from copydesk.ruleset import load_ruleset\n"
        "load_ruleset(select=['proselint'])\n"
        "assert 'proselint' not in sys.modules, 'imported at load'\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": src})


def test_flatten_and_sort_deepest_first() -> None:
    flat = flatten({"a": {"b": True, "b.c": False}, "d": True}, "x")
    assert flat == {"a.b": True, "a.b.c": False, "d": True}
    assert list(deepest_first(flat)) == ["a.b.c", "a.b", "d"]


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        ("checks: {}", "enable at least one"),
        ("checks: {a: 1}", "expected true, false or a mapping"),
        ("defaults: true\napplicability: maybe", "safe or unsafe"),
    ],
)
def test_bad_rules(keys: str, reason: str) -> None:
    with pytest.raises(RuleError, match=reason):
        findings("extends: proselint\n" + keys, "x")
