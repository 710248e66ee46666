"""``copydesk fix`` over many files: fix, then write atomically or show a diff.

The fix loop itself (rounds, overlaps, convergence) lives in ``fix.py``; file
safety in ``textio.py``. This module only connects them to the targets.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from copydesk.batch import FileResult, RuleOptions, lint_text
from copydesk.errors import CopydeskError
from copydesk.files import STDIN, Target
from copydesk.fix import FixResult, fix_text, unified_diff
from copydesk.model import Finding
from copydesk.ruleset import Ruleset


@dataclass(slots=True)
class FixTally:
    """Counts for the closing summary line."""

    fixed: int = 0
    remaining: int = 0
    unsafe_available: int = 0
    changed_files: int = 0
    unconverged: int = 0

    def add(self, result: FixResult, changed: bool) -> None:
        self.fixed += result.fixed
        self.remaining += len(result.remaining)
        self.unsafe_available += result.unsafe_available
        self.changed_files += int(changed)
        self.unconverged += int(not result.converged)

    def summary(self, *, diff: bool) -> str:
        verb = "Would fix" if diff else "Fixed"
        text = f"{verb} {self.fixed} finding{'s' * (self.fixed != 1)}"
        text += f" in {self.changed_files} file{'s' * (self.changed_files != 1)}"
        text += f"; {self.remaining} remaining"
        if self.unsafe_available:
            text += f" ({self.unsafe_available} more fixable with --unsafe-fixes)"
        if self.unconverged:
            text += f"; {self.unconverged} file(s) did not settle, fixes stopped"
        return text + "."


def fix_targets(
    targets: Sequence[Target],
    ruleset: Ruleset,
    options: RuleOptions,
    args: argparse.Namespace,
    out: TextIO,
    tally: FixTally,
) -> list[FileResult]:
    """Fix every target, counting into ``tally``; returns what remains per file."""
    results: list[FileResult] = []
    if len(targets) > 1:
        from copydesk.batch import settle_heap

        settle_heap()
    for target in targets:
        try:
            result, changed = _fix_one(target, ruleset, options, args, out)
        except CopydeskError as exc:
            results.append(FileResult(target.path, error=exc.reason))
            continue
        tally.add(result, changed)
        results.append(
            FileResult(
                target.path,
                result.remaining,
                text=result.text if result.remaining else None,
            )
        )
    return results


def _fix_one(
    target: Target,
    ruleset: Ruleset,
    options: RuleOptions,
    args: argparse.Namespace,
    out: TextIO,
) -> tuple[FixResult, bool]:
    from copydesk.textio import decode, encode, read_source, write_atomic

    overrides = options.overrides

    def lint(text: str) -> list[Finding]:
        return lint_text(
            text,
            target.path,
            target.format,
            ruleset,
            options.language,
            overrides,
            target.kind,
        )

    source = None if target.path == STDIN else read_source(target.path)
    if source is None:
        original, encoding = decode(sys.stdin.buffer.read(), "<stdin>")
    else:
        original, encoding = source.text, source.encoding
    result = fix_text(original, lint, unsafe=args.unsafe_fixes)
    changed = result.text != original
    if args.diff:
        if changed:
            out.write(unified_diff(target.path, original, result.text))
    elif source is None:
        _write_bytes(out, encode(result.text, encoding))
    elif changed:
        write_atomic(source, result.text)
    return result, changed


def _write_bytes(out: TextIO, data: bytes) -> None:
    """Write fixed stdin back in its own encoding (BOM and UTF-16 kept)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8-sig", errors="replace"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()
