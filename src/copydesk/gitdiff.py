"""Lines added or changed since a git ref, for ``--diff-base REF``.

CI on a large repository with old debt wants findings on new lines only:
the working tree is compared with REF (``git diff -U0``), and files git does
not track yet count as wholly new.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from copydesk.errors import CopydeskError
from copydesk.model import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangedLines:
    """Per absolute path, the 1-based line numbers new since the base ref."""

    def __init__(self, lines: dict[Path, set[int]], untracked: set[Path]) -> None:
        self.lines = lines
        self.untracked = untracked

    def keeps(self, finding: Finding) -> bool:
        path = Path(finding.path).resolve()
        if path in self.untracked:
            return True
        changed = self.lines.get(path)
        if not changed:
            return False
        return any(n in changed for n in range(finding.line, finding.end_line + 1))

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if self.keeps(f)]


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        raise CopydeskError("--diff-base", f"cannot run git: {exc.strerror}") from None
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise CopydeskError("--diff-base", reason)
    return proc.stdout


def changed_lines(ref: str, cwd: Path | None = None) -> ChangedLines:
    """What changed between ``ref`` and the working tree of the repo at ``cwd``."""
    where = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], where).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    diff = _git(
        ["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", ref],
        top,
    )
    lines: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for row in diff.splitlines():
        if row.startswith("+++ "):
            name = row[4:]
            current = None
            if name != "/dev/null":
                current = lines.setdefault((top / name[2:]).resolve(), set())
            continue
        match = _HUNK.match(row)
        if match and current is not None:
            start = int(match.group(1))
            count = int(match.group(2)) if match.group(2) is not None else 1
            current.update(range(start, start + count))
    others = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    untracked = {(top / name).resolve() for name in others.split("\0") if name}
    return ChangedLines(lines, untracked)
