"""The shipped rule files, parsed ahead of time, so a run need not parse YAML.

Importing PyYAML and parsing the shipped packs is a third of a one-file run's
start-up. ``rules/parsed.json`` holds every shipped rule file's parsed data
with the SHA-256 of its bytes; a rule whose bytes still hash the same is taken
from there, and any other (an edited shipped rule, a user rule) is parsed as
YAML. ``python -m copydesk.rule_index`` rewrites the file, and a test fails
while it is out of date.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

#: Name of the index inside the shipped rules directory.
INDEX_NAME = "parsed.json"


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def load(rules_dir: Path) -> dict[str, Any]:
    """Relative rule path → {"sha256", "data"}; empty when absent or unreadable."""
    try:
        found = json.loads((rules_dir / INDEX_NAME).read_bytes())
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def parsed(index: dict[str, Any], relative: str, raw: bytes) -> dict[str, Any] | None:
    """The indexed data of a rule file whose bytes are unchanged, else None."""
    entry = index.get(relative)
    if not isinstance(entry, dict) or entry.get("sha256") != digest(raw):
        return None
    data = entry.get("data")
    return data if isinstance(data, dict) else None


def build(rules_dir: Path) -> str:
    """The index text for every rule file under ``rules_dir`` (YAML parsed)."""
    from copydesk.ruleset import RULE_SUFFIXES, parse_rule_text

    entries: dict[str, Any] = {}
    for path in sorted(rules_dir.glob("*/*")):
        if path.suffix not in RULE_SUFFIXES or path.parent.name.startswith("."):
            continue
        raw = path.read_bytes()
        relative = path.relative_to(rules_dir).as_posix()
        entries[relative] = {
            "sha256": digest(raw),
            "data": parse_rule_text(raw, relative),
        }
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the index of the shipped rules directory."""
    from copydesk.ruleset import shipped_rules_dir

    del argv
    rules_dir = shipped_rules_dir()
    (rules_dir / INDEX_NAME).write_text(build(rules_dir), encoding="utf-8")
    sys.stdout.write(f"wrote {rules_dir / INDEX_NAME}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
