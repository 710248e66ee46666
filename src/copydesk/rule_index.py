"""Writes the shipped rule files' parsed index, so a run need not parse YAML.

Importing PyYAML and parsing the shipped packs is a third of a one-file run's
start-up. ``rules/parsed.pickle`` holds every shipped rule file's parsed data
with the CRC-32 and length of its bytes (``rulefiles.digest``);
``rulefiles.read_rule`` takes a rule whose bytes still match from there, and
parses any other (an edited shipped rule, a user rule) as YAML.
``python -m copydesk.rule_index`` rewrites the file, and a test fails while it
is out of date. It also writes the RE2 supersets of the rules' patterns
(``re2_superset``), the compiled programs of the patterns a run compiles
(``regex_programs``) and the shipped packs' compiled checks
(``ruleset_snapshot``).
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Sequence
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


def build(rules_dir: Path) -> bytes:
    """The index for every rule file under ``rules_dir`` (YAML parsed)."""
    entries: dict[str, Any] = {}
    for path in _rule_paths(rules_dir):
        raw = path.read_bytes()
        relative = path.relative_to(rules_dir).as_posix()
        entries[relative] = {
            "crc32": digest(raw),
            "data": parse_rule_text(raw, relative),
        }
    return _pickled(entries)


def _pickled(table: dict[str, Any]) -> bytes:
    """The file of ``table``: a pickle of what its JSON (mappings' keys
    sorted) reads back as, the data the index gave when it was a JSON file,
    so a rule's mappings keep the order they had."""
    text = json.dumps(table, ensure_ascii=False, sort_keys=True)
    return pickle.dumps(json.loads(text), protocol=4)


def build_supersets() -> bytes:
    """The bytes of ``SUPERSETS_NAME``: the RE2 superset of every pattern the
    shipped rules ask for, every pack selected (rules off by default too),
    each rewritten afresh rather than taken from the file being replaced."""
    from copydesk import re2_superset
    from copydesk.ruleset import load_ruleset

    packs = sorted({path.parent.name for path in _rule_paths(shipped_rules_dir())})
    load_ruleset(select=packs)
    table = {p: re2_superset.rewrite(p) for p in re2_superset.asked()}
    return _pickled(table)


def build_programs(documents: Sequence[Path], kept: Path) -> bytes:
    """The bytes of ``regex_programs.PROGRAMS``: the programs of every
    pattern compiled while the shipped rules (every pack) load, compile what
    a parallel run compiles before it forks, and lint ``documents``.

    The documents, and every rule's own examples (each linted by its rule
    alone, as plain text in its first language), reach what only a candidate
    finding builds (a confusion's context, a name's anchors); a pattern none
    reached is compiled when a run needs it, as before. A pattern whose
    program ``kept`` (the file being replaced) holds for this release keeps
    it. Best run in a
    fresh process: a pattern compiled before the recording began is not in
    the file.
    """
    from copydesk import patterns, regex_programs
    from copydesk.api import Workspace
    from copydesk.batch import lint_text
    from copydesk.resolve import Overrides
    from copydesk.ruleset import Ruleset, load_ruleset

    regex_programs.use(Path(os.devnull))  # record compiles, not shipped loads
    regex_programs.start_recording()
    packs = sorted({path.parent.name for path in _rule_paths(shipped_rules_dir())})
    ruleset = load_ruleset(select=packs)
    patterns.compile_before_fork()
    workspace = Workspace(overrides=Overrides(select=tuple(packs), isolated=True))
    workspace.lint_paths(documents, jobs=1)
    from copydesk.checks.confusion import ConfusionCheck

    for check in ruleset.checks:
        if isinstance(check, ConfusionCheck):
            check.compile_all()  # every listed word's patterns, found or not
        meta = check.meta
        alone = Ruleset([check])
        language = meta.languages[0] if meta.languages else "en"
        for text in (*meta.examples.bad, *meta.examples.good):
            lint_text(text, "example.txt", "plain", alone, language)
    return regex_programs.recorded(regex_programs.read(kept))


def _rule_paths(rules_dir: Path) -> list[Path]:
    return [
        path
        for path in sorted(rules_dir.glob("*/*"))
        if path.suffix in RULE_SUFFIXES and not path.parent.name.startswith(".")
    ]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the index, the supersets, the programs and the compiled packs
    of the shipped rules directory (the programs from the source checkout's
    examples and test documents, beside the rules). ``programs`` or
    ``snapshot`` as the one argument: only that file, in this process (the
    others are written first, then the programs and then the snapshot each
    by a fresh process, so that no pattern is compiled before the recording
    begins, nor before the snapshot pickles them)."""
    args = sys.argv[1:] if argv is None else argv
    rules_dir = shipped_rules_dir()
    if args == ["snapshot"]:
        from copydesk import ruleset_snapshot

        return ruleset_snapshot.main()
    if args == ["programs"]:
        source = rules_dir.parent
        documents = [source / "examples", source / "tests" / "documents"]
        if not all(d.is_dir() for d in documents):
            # An installed copydesk has no examples: its programs would
            # cover less than the shipped file does, so none are written.
            sys.stderr.write(
                f"copydesk.rule_index: {documents[0]} or {documents[1]} is missing:"
                " run it in a source checkout\n"
            )
            return 2
        from copydesk import regex_programs

        target = regex_programs.PROGRAMS
        programs = build_programs(documents, target)
        target.write_bytes(programs)
        sys.stdout.write(f"wrote {target}\n")
        return 0
    (rules_dir / INDEX_NAME).write_bytes(build(rules_dir))
    sys.stdout.write(f"wrote {rules_dir / INDEX_NAME}\n")
    # Read after the index is current, so the rules are the files on disk.
    (rules_dir / SUPERSETS_NAME).write_bytes(build_supersets())
    sys.stdout.write(f"wrote {rules_dir / SUPERSETS_NAME}\n")
    sys.stdout.flush()
    return write_programs() or write_snapshot()


def write_programs() -> int:
    """Write the programs from a fresh process, where no pattern is compiled
    before the recording begins."""
    command = [sys.executable, "-m", "copydesk.rule_index", "programs"]
    return subprocess.run(command, check=False).returncode


def write_snapshot() -> int:
    """Write the compiled packs (``ruleset_snapshot``) from a fresh process,
    once the programs their patterns load from are written."""
    command = [sys.executable, "-m", "copydesk.rule_index", "snapshot"]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
