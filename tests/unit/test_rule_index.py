"""The parsed index of the shipped rules: current, and what a run reads."""

from __future__ import annotations

import subprocess
import sys

from copydesk import rule_index
from copydesk.rulefiles import INDEX_NAME, shipped_rules_dir
from copydesk.ruleset import load_ruleset

RULES = shipped_rules_dir()


def test_the_committed_index_matches_the_rule_files() -> None:
    committed = (RULES / INDEX_NAME).read_bytes()
    assert committed == rule_index.build(RULES), (
        "rules/parsed.pickle is stale: run `python -m copydesk.rule_index`"
    )


def test_a_default_run_does_not_import_yaml() -> None:
    code = (
        "import sys\n"
        "from copydesk.batch import RuleOptions, lint_text\n"
        "rs = RuleOptions().load()\n"
        "lint_text('Kiev is a city.\\n', 'a.txt', 'plain', rs)\n"
        "print('yaml' in sys.modules, len(rs.checks))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[0] == "False"
    assert int(out[1]) == len(load_ruleset().checks)
