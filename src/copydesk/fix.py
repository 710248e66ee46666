"""Apply fixes: non-overlapping edits, re-lint until stable, preview as a diff.

Fixing is a loop to a fixpoint (as in ruff): one round applies every fix that
does not collide with one already taken, then the text is linted again, since
a fix skipped for overlapping may apply cleanly to the new text. The loop is
capped and stops on a cycle, so a pair of rules that undo each other is
reported instead of spinning.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from copydesk.model import Edit, Finding, Fix

#: How git marks a last line that has no line break.
NO_NEWLINE = "\\ No newline at end of file\n"


def overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits cannot both be applied to the same text.

    Replacements that merely touch (one ends where the other starts) are
    compatible; so is an insertion at either end of a replacement. Two
    insertions at the same point are not: their order would be a guess.
    """
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    return a.start < b.end and b.start < a.end


def _check_bounds(text: str, edit: Edit) -> None:
    if not 0 <= edit.start <= edit.end <= len(text):
        msg = f"edit {edit} is out of bounds for a text of length {len(text)}"
        raise ValueError(msg)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit], list[Edit]]:
    """Apply the edits that do not overlap; return (text, applied, skipped).

    Edits are taken in (start, end) order, first come first served; skipped ones
    are meant for a later round, against the new text. Everything outside the
    applied spans is copied unchanged.
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    applied: list[Edit] = []
    skipped: list[Edit] = []
    for edit in ordered:
        _check_bounds(text, edit)
        # Sorted and disjoint: only the last taken edit can collide.
        if applied and overlaps(applied[-1], edit):
            skipped.append(edit)
        else:
            applied.append(edit)
    pieces: list[str] = []
    pos = 0
    for edit in applied:
        pieces.append(text[pos : edit.start])
        pieces.append(edit.replacement)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces), applied, skipped


class _Taken:
    """Edits already chosen this round, kept sorted for overlap queries."""

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []
        self._edits: list[Edit] = []

    def collides(self, edit: Edit) -> bool:
        # Taken edits are disjoint, so their ends grow with their starts: walk
        # back from the last one starting at or before edit.end until they end
        # before edit.start.
        i = bisect.bisect_right(self._keys, (edit.end, edit.end)) - 1
        while i >= 0 and self._edits[i].end >= edit.start:
            if overlaps(self._edits[i], edit):
                return True
            i -= 1
        return False

    def add(self, edit: Edit) -> None:
        key = (edit.start, edit.end)
        i = bisect.bisect_right(self._keys, key)
        self._keys.insert(i, key)
        self._edits.insert(i, edit)


@dataclass(frozen=True, slots=True)
class FixResult:
    """What a fix run did, for the CLI's summary and exit code."""

    text: str
    fixed: int
    remaining: list[Finding] = field(default_factory=list)
    #: Remaining findings whose fix is unsafe, when unsafe fixes were not allowed.
    unsafe_available: int = 0
    rounds: int = 0
    converged: bool = True


def _usable(fix: Fix | None, text: str, *, unsafe: bool) -> bool:
    """A fix this run may apply: allowed, in bounds and actually changing text."""
    if fix is None or not fix.edits or not (unsafe or fix.is_safe):
        return False
    changes = False
    for edit in fix.edits:
        if not 0 <= edit.start <= edit.end <= len(text):
            return False  # a check bug; leave the finding for a human
        changes = changes or text[edit.start : edit.end] != edit.replacement
    if not changes:
        return False
    # A fix whose own edits collide cannot be applied all-or-nothing.
    ordered = sorted(fix.edits, key=lambda e: (e.start, e.end))
    return not any(overlaps(a, b) for a, b in itertools.pairwise(ordered))


def _choose(findings: Sequence[Finding], text: str, *, unsafe: bool) -> list[Fix]:
    """The fixes for one round: in text order, each whole or not at all."""
    fixes = [f.fix for f in findings if f.fix is not None]
    candidates = [fix for fix in fixes if _usable(fix, text, unsafe=unsafe)]
    candidates.sort(key=lambda fix: min((e.start, e.end) for e in fix.edits))
    taken = _Taken()
    chosen: list[Fix] = []
    for fix in candidates:
        if any(taken.collides(edit) for edit in fix.edits):
            continue
        for edit in fix.edits:
            taken.add(edit)
        chosen.append(fix)
    return chosen


def fix_text(
    text: str,
    lint: Callable[[str], Sequence[Finding]],
    *,
    unsafe: bool,
    max_rounds: int = 5,
) -> FixResult:
    """Lint, apply what can be applied, re-lint; until nothing is left to do.

    Stops with ``converged=False`` when fixes are still available after
    ``max_rounds`` rounds or a round brings back a text seen before; the text
    returned is then the last one reached, every round of it a valid fix.
    """
    seen = {text}
    fixed = 0
    rounds = 0
    converged = True
    findings = lint(text)
    while chosen := _choose(findings, text, unsafe=unsafe):
        if rounds >= max_rounds:
            converged = False
            break
        edits = [edit for fix in chosen for edit in fix.edits]
        text, _, skipped = apply_edits(text, edits)
        if skipped:  # pragma: no cover - _choose guarantees disjoint edits
            msg = f"internal error: chosen edits overlap: {skipped}"
            raise AssertionError(msg)
        rounds += 1
        fixed += len(chosen)
        findings = lint(text)
        if text in seen:
            converged = False
            break
        seen.add(text)
    remaining = list(findings)
    unsafe_available = 0
    if not unsafe:
        unsafe_available = sum(
            1 for f in remaining if f.fix is not None and not f.fix.is_safe
        )
    return FixResult(
        text=text,
        fixed=fixed,
        remaining=remaining,
        unsafe_available=unsafe_available,
        rounds=rounds,
        converged=converged,
    )


def _lines(text: str) -> list[str]:
    """Split after each LF only, as git does: a CR stays visible in its line."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def unified_diff(path: str, old: str, new: str, *, context: int = 3) -> str:
    """A unified diff of a fix, git style, that ``git apply`` accepts.

    Lines are split on LF only, so CRLF endings show as a changed CR and a lone
    CR does not start a new line; a last line without a line break gets git's
    ``\\ No newline at end of file`` marker. Equal texts give an empty string.
    """
    if old == new:
        return ""
    name = path.replace("\\", "/")
    old_name, new_name = (
        (name, name) if name.startswith("/") else (f"a/{name}", f"b/{name}")
    )
    out: list[str] = []
    for line in difflib.unified_diff(
        _lines(old), _lines(new), old_name, new_name, n=context, lineterm="\n"
    ):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n" + NO_NEWLINE)
    return "".join(out)
