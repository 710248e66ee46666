"""rules/supersets.pickle: the shipped rules' RE2 supersets, current and used."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from copydesk import re2_superset
from copydesk.checks.confusion import ConfusionCheck
from copydesk.checks.substitution import Substitution
from copydesk.rulefiles import SUPERSETS_NAME, load_supersets, shipped_rules_dir
from copydesk.ruleset import load_ruleset

RULES = shipped_rules_dir()


def test_the_committed_supersets_match_a_rebuild() -> None:
    # A fresh process: this one has seen the test suite's own rules.
    code = (
        "import sys\n"
        "from copydesk import rule_index\n"
        "sys.stdout.buffer.write(rule_index.build_supersets())"
    )
    rebuilt = subprocess.check_output([sys.executable, "-c", code])
    committed = (RULES / SUPERSETS_NAME).read_bytes()
    assert committed == rebuilt, (
        "rules/supersets.pickle is stale: run `python -m copydesk.rule_index`"
    )


def test_a_run_takes_the_shipped_supersets_ready_made() -> None:
    table = load_supersets(RULES)
    assert len(table) >= 10
    assert all(re2_superset.rewrite(p) == s for p, s in table.items())
    checks = load_ruleset().checks
    anchored = [c for c in checks if getattr(c, "re2_body", None) is not None]
    assert {getattr(c, "re2_body", None) for c in anchored} <= set(table.values())
    # A shipped substitution's regex swaps (names.TheUkraine) are let through
    # by their superset.
    swaps = [c for c in checks if isinstance(c, Substitution) and c.may_match.superset]
    assert {c.may_match.superset for c in swaps} <= set(table.values())
    assert swaps
    # Each confusion entry's presence pattern (the set pass), made of the
    # supersets of its contexts and of their sides.
    entries = [e for c in checks if isinstance(c, ConfusionCheck) for e in c.confusions]
    presence = {e.presence for e in entries if e.presence is not None}
    assert len(presence) >= len(entries) - 1
    code = (
        "import sys\n"
        "from copydesk import re2_superset, ruleset_snapshot\n"
        "if sys.argv[1] == 'compile':\n"
        "    ruleset_snapshot.read = lambda identity, kinds: None\n"
        "rewritten = []\n"
        "original = re2_superset.rewrite\n"
        "re2_superset.rewrite = lambda p: rewritten.append(p) or original(p)\n"
        "from copydesk.batch import RuleOptions\n"
        "RuleOptions().load()\n"
        "print(len(re2_superset.asked()), len(rewritten))\n"
    )
    compiled = subprocess.check_output(
        [sys.executable, "-c", code, "compile"], text=True
    ).split()
    # Compiled: asked for the anchored scans, the swaps and the confusion
    # entries' contexts; none rewritten at the run.
    assert len(anchored) + len(swaps) + len(presence) <= int(compiled[0])
    assert compiled[1] == "0"
    # From the compiled packs (``ruleset_snapshot``): none even asked.
    read = subprocess.check_output(
        [sys.executable, "-c", code, "snapshot"], text=True
    ).split()
    assert read == ["0", "0"]


def test_a_remembered_superset_is_answered_without_rewriting() -> None:
    pattern = "(?:copydesk test only: remembered)"
    assert re2_superset.superset("(?:copydesk test only: fresh)") == (
        "(?:copydesk test only: fresh)"
    )
    re2_superset.remember({pattern: "remembered"})
    assert re2_superset.superset(pattern) == "remembered"


def test_a_missing_or_garbled_file_is_no_table(tmp_path: Path) -> None:
    assert load_supersets(tmp_path) == {}
    (tmp_path / SUPERSETS_NAME).write_text("[1, 2]", encoding="utf-8")
    assert load_supersets(tmp_path) == {}
    (tmp_path / SUPERSETS_NAME).write_bytes(pickle.dumps([1, 2]))
    assert load_supersets(tmp_path) == {}
    (tmp_path / SUPERSETS_NAME).write_bytes(pickle.dumps({"a": "a", "b": None, "c": 3}))
    assert load_supersets(tmp_path) == {"a": "a", "b": None}
