"""The parsed index of the shipped rules: current, used, and never trusted blindly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from copydesk import rule_index
from copydesk.ruleset import load_ruleset, parse_rule_text, shipped_rules_dir

RULES = shipped_rules_dir()


def test_the_committed_index_matches_the_rule_files() -> None:
    committed = (RULES / rule_index.INDEX_NAME).read_text(encoding="utf-8")
    assert committed == rule_index.build(RULES), (
        "rules/parsed.json is stale: run `python -m copydesk.rule_index`"
    )


def test_an_edited_rule_file_is_parsed_again() -> None:
    index = rule_index.load(RULES)
    raw = (RULES / "names" / "Places.yml").read_bytes()
    assert rule_index.parsed(index, "names/Places.yml", raw) == parse_rule_text(
        raw, "Places.yml"
    )
    edited = raw.replace(b"level: warning", b"level: error")
    assert edited != raw
    assert rule_index.parsed(index, "names/Places.yml", edited) is None


def test_a_missing_or_broken_index_falls_back_to_yaml(tmp_path: Path) -> None:
    assert rule_index.load(tmp_path) == {}
    (tmp_path / rule_index.INDEX_NAME).write_text("{not json", encoding="utf-8")
    assert rule_index.load(tmp_path) == {}


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
