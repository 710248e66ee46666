"""Writes the shipped rule files' parsed index, so a run need not parse YAML.

Importing PyYAML and parsing the shipped packs is a third of a one-file run's
start-up. ``rules/parsed.json`` holds every shipped rule file's parsed data
with the CRC-32 and length of its bytes (``rulefiles.digest``);
``rulefiles.read_rule`` takes a rule whose bytes still match from there, and
parses any other (an edited shipped rule, a user rule) as YAML.
``python -m copydesk.rule_index`` rewrites the file, and a test fails while it
is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from copydesk.rulefiles import (
    INDEX_NAME,
    RULE_SUFFIXES,
    SUPERSETS_NAME,
    digest,
    parse_rule_text,
    shipped_rules_dir,
)


def build(rules_dir: Path) -> str:
    """The index text for every rule file under ``rules_dir`` (YAML parsed)."""
    entries: dict[str, Any] = {}
    for path in _rule_paths(rules_dir):
        raw = path.read_bytes()
        relative = path.relative_to(rules_dir).as_posix()
        entries[relative] = {
            "crc32": digest(raw),
            "data": parse_rule_text(raw, relative),
        }
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def build_supersets() -> str:
    """The text of ``SUPERSETS_NAME``: the RE2 superset of every pattern the
    shipped rules ask for, every pack selected (rules off by default too),
    each rewritten afresh rather than taken from the file being replaced."""
    from copydesk import re2_superset
    from copydesk.ruleset import load_ruleset

    packs = sorted({path.parent.name for path in _rule_paths(shipped_rules_dir())})
    load_ruleset(select=packs)
    table = {p: re2_superset.rewrite(p) for p in re2_superset.asked()}
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _rule_paths(rules_dir: Path) -> list[Path]:
    return [
        path
        for path in sorted(rules_dir.glob("*/*"))
        if path.suffix in RULE_SUFFIXES and not path.parent.name.startswith(".")
    ]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the index and the supersets of the shipped rules directory."""
    del argv
    rules_dir = shipped_rules_dir()
    (rules_dir / INDEX_NAME).write_text(build(rules_dir), encoding="utf-8")
    sys.stdout.write(f"wrote {rules_dir / INDEX_NAME}\n")
    # Read after the index is current, so the rules are the files on disk.
    (rules_dir / SUPERSETS_NAME).write_text(build_supersets(), encoding="utf-8")
    sys.stdout.write(f"wrote {rules_dir / SUPERSETS_NAME}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
