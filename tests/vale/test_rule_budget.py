"""A Vale rule whose pattern backtracks without end is stopped, not waited for.

A project's styles are its authors' code: ``(a|aa)+$`` on a line of ``a``
takes longer than the age of the universe, and Vale itself hangs on it.
copydesk stops the rule at ``budget.RULE_TIMEOUT`` (made short here), says
so once, lints the rest and exits 2: the results are incomplete.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from copydesk.vale import budget

from .conftest import Run, write_tree

SLOW = "extends: existence\nmessage: slow\nlevel: error\nraw:\n  - (a|aa)+$\n"
NAMES = (
    "extends: existence\nmessage: \"Use 'Kyiv', not '%s'.\"\nlevel: error\n"
    "tokens:\n  - Kiev\n"
)
RUNAWAY = "a" * 64 + "b"


def test_a_runaway_rule_is_stopped_once_and_the_others_still_report(
    project: Path, vale: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "RULE_TIMEOUT", 0.3)
    write_tree(
        project,
        {
            ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Bad\n",
            "styles/Bad/Slow.yml": SLOW,
            "styles/Bad/Names.yml": NAMES,
            "one.md": f"Officials in Kiev said so.\n\n{RUNAWAY}\n",
            "two.md": f"{RUNAWAY}\n\nKiev again.\n",
        },
    )
    began = time.monotonic()
    result = vale("one.md", "two.md")
    took = time.monotonic() - began

    assert result.code == 2
    assert result.lines == [
        "one.md:1:14:Bad.Names:Use 'Kyiv', not 'Kiev'.",
        "two.md:3:1:Bad.Names:Use 'Kyiv', not 'Kiev'.",
    ]
    assert result.err.splitlines() == [
        "copydesk vale: warning: one.md: rule Bad.Slow ran longer than 0.3 s on"
        " one block and was stopped (a pattern that backtracks without end?);"
        " it is not run again, so the results are incomplete"
    ]
    assert took < 10  # one stop, not one per block and file


def test_the_limit_leaves_the_alarm_as_it_found_it() -> None:
    def mine(_signum: int, _frame: object) -> None:
        raise AssertionError("the rule budget's alarm leaked")

    before = signal.signal(signal.SIGALRM, mine)
    try:
        with budget.time_limit(5):
            pass
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        with pytest.raises(budget.RuleTimeout), budget.time_limit(0.05):
            time.sleep(1)
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, before)
