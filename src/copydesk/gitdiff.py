"""Lines added or changed since a git ref, for ``--diff-base REF``.

CI on a large repository with old debt wants findings on new lines only:
the working tree is compared with REF (``git diff -U0 REF --``). What git
cannot answer line by line counts as wholly new, so nothing new is hidden: a
file git does not track (untracked, ignored, or outside the repository), and
a file git diffs as binary (a ``.docx`` draft, whose lines are paragraphs).

Every failure is one line that names the ref and gives git's own reason; a
shallow clone, the usual cause in CI, gets a hint on how to deepen it.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from copydesk.errors import CopydeskError
from copydesk.model import Finding

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
#: The C-style escapes git uses in quoted path names.
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13}
_SHALLOW_HINT = (
    "this clone is shallow, so the base commit may not have been fetched: "
    "run 'git fetch --unshallow' (or fetch the base branch), or check out "
    "with 'fetch-depth: 0' in actions/checkout"
)
#: Options that make ``git diff``'s output the same whatever the user's config.
_DIFF_OPTIONS = (
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-renames",
    "--ignore-submodules",
    "--src-prefix=a/",
    "--dst-prefix=b/",
)


class ChangedLines:
    """Which lines of which files are new since the base ref.

    Files are keyed by their path relative to the repository's top folder,
    as git names them.
    """

    def __init__(
        self,
        top: Path,
        lines: dict[str, set[int]],
        tracked: frozenset[str],
        whole: frozenset[str] = frozenset(),
    ) -> None:
        self.top = top
        #: 1-based line numbers added or changed, per tracked file.
        self.lines = lines
        #: Every file in git's index.
        self.tracked = tracked
        #: Changed files git could not diff line by line (binary to git).
        self.whole = whole
        self._names: dict[str, str | None] = {}

    def _name(self, path: str) -> str | None:
        """``path`` as git names it, or None when it is outside the repository."""
        if path not in self._names:
            try:
                rel = Path(path).resolve().relative_to(self.top)
            except (ValueError, OSError, RuntimeError):
                self._names[path] = None
            else:
                self._names[path] = rel.as_posix()
        return self._names[path]

    def keeps(self, finding: Finding) -> bool:
        """Whether ``finding`` touches a line that is new since the base."""
        name = self._name(finding.path)
        if name is None or name not in self.tracked or name in self.whole:
            return True
        changed = self.lines.get(name)
        if not changed:
            return False
        return any(n in changed for n in range(finding.line, finding.end_line + 1))

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if self.keeps(f)]


class GitError(CopydeskError):
    """git could not answer; ``reason`` is git's last line of complaint."""

    def __init__(self, reason: str) -> None:
        super().__init__("--diff-base", reason)


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise GitError(f"cannot run git ({exc.strerror})") from None
    if proc.returncode != 0:
        said = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(said[-1].removeprefix("fatal: ") if said else "git failed")
    return proc.stdout


def changed_lines(ref: str, cwd: Path | None = None) -> ChangedLines:
    """What changed between ``ref`` and the working tree of the repo at ``cwd``."""
    where = cwd or Path.cwd()
    if not ref or ref.startswith("-"):
        raise CopydeskError("--diff-base", f"{ref!r} is not a git ref")
    try:
        top = Path(os.fsdecode(_git(["rev-parse", "--show-toplevel"], where).strip()))
    except GitError as exc:
        raise CopydeskError(
            "--diff-base", f"cannot compare with {ref!r}: {exc.reason}"
        ) from None
    try:
        diff = _git(["diff", "--unified=0", *_DIFF_OPTIONS, ref, "--"], top)
        numstat = _git(["diff", "--numstat", "-z", *_DIFF_OPTIONS, ref, "--"], top)
    except GitError as exc:
        reason = f"cannot compare with {ref!r}: git says {exc.reason!r}"
        if _is_shallow(top):
            reason += f"; {_SHALLOW_HINT}"
        raise CopydeskError("--diff-base", reason) from None
    index = _git(["ls-files", "-z", "--cached"], top)
    tracked = frozenset(os.fsdecode(n) for n in index.split(b"\0") if n)
    return ChangedLines(top.resolve(), parse_diff(diff), tracked, _binary(numstat))


def _is_shallow(top: Path) -> bool:
    try:
        return _git(["rev-parse", "--is-shallow-repository"], top).strip() == b"true"
    except GitError:
        return False


def parse_diff(diff: bytes) -> dict[str, set[int]]:
    """The new-side line numbers of every hunk of a ``-U0`` diff, per file."""
    lines: dict[str, set[int]] = {}
    current: set[int] | None = None
    for row in diff.split(b"\n"):
        if row.startswith(b"+++ "):
            name = unquote(row[4:])
            current = None
            if name.startswith("b/"):
                current = lines.setdefault(name[2:], set())
            continue
        match = _HUNK.match(row)
        if match and current is not None:
            start = int(match.group(1))
            count = int(match.group(2)) if match.group(2) is not None else 1
            current.update(range(start, start + count))
    return lines


def _binary(numstat: bytes) -> frozenset[str]:
    """Files ``--numstat`` counts as binary (``-`` for both counts)."""
    found = set()
    for entry in numstat.split(b"\0"):
        added, _, rest = entry.partition(b"\t")
        deleted, _, name = rest.partition(b"\t")
        if added == b"-" and deleted == b"-" and name:
            found.add(os.fsdecode(name))
    return frozenset(found)


def unquote(raw: bytes) -> str:
    """A path as git prints it on a ``+++`` line: as is (git ends a name that
    holds a space with a tab), or C-quoted when it has odd characters."""
    raw = raw.rstrip(b"\r").removesuffix(b"\t")
    if not (raw.startswith(b'"') and raw.endswith(b'"') and len(raw) >= 2):
        return os.fsdecode(raw)
    body = raw[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        byte = body[i]
        if byte != ord("\\") or i + 1 == len(body):
            out.append(byte)
            i += 1
            continue
        code = chr(body[i + 1])
        if code in "01234567":
            out.append(int(body[i + 1 : i + 4], 8))
            i += 4
        else:
            out.append(_ESCAPES.get(code, ord(code)))
            i += 2
    return os.fsdecode(bytes(out))
