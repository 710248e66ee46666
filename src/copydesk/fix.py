"""Apply fixes: non-overlapping edits, re-lint until stable, preview as a diff.

Fixing is a loop to a fixpoint (as in ruff): one round applies every fix that
does not collide with one already taken, then the text is linted again, since
a fix skipped for overlapping may apply cleanly to the new text.

A long chain is not a cycle. Nested or overlapping fixes resolve one layer a
round, so the cap (:data:`MAX_ROUNDS`, ruff's 100) is far above any real chain
and is only reached by a fix that keeps growing the text. A cycle is told
apart by the texts themselves: a round that brings back a text seen before
means the fixes of the rounds since then undo each other. Those rules are
named and the run starts over with their fixes set aside, so what they
disagree about stays as written and every other fix still reaches its
fixpoint. Either way the result is stable: a second run changes nothing.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Final

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


#: Rounds before a fix run gives up (ruff's limit): chains of nested or
#: overlapping fixes settle in a handful; only a runaway fix gets this far.
MAX_ROUNDS = 100


class FixResult:
    """What a fix run did, for the CLI's summary and exit code."""

    __slots__ = (
        "capped",
        "converged",
        "cycles",
        "fixed",
        "remaining",
        "rounds",
        "text",
        "unsafe_available",
    )

    text: Final[str]
    fixed: Final[int]
    remaining: Final[list[Finding]]
    #: Remaining findings whose fix is unsafe, when unsafe fixes were not allowed.
    unsafe_available: Final[int]
    #: Rounds run, counting those of cycles undone.
    rounds: Final[int]
    converged: Final[bool]
    #: Each cycle found: the rules whose fixes undid each other (sorted).
    cycles: Final[tuple[tuple[str, ...], ...]]
    #: Rules that still had fixes to apply when the round cap was reached.
    capped: Final[tuple[str, ...]]

    def __init__(
        self,
        text: str,
        fixed: int,
        remaining: list[Finding] | None = None,
        unsafe_available: int = 0,
        rounds: int = 0,
        converged: bool = True,
        cycles: tuple[tuple[str, ...], ...] = (),
        capped: tuple[str, ...] = (),
    ) -> None:
        self.text = text
        self.fixed = fixed
        self.remaining = [] if remaining is None else remaining
        self.unsafe_available = unsafe_available
        self.rounds = rounds
        self.converged = converged
        self.cycles = cycles
        self.capped = capped

    def unsettled_reason(self) -> str:
        """Why the run did not settle, in one clause ("" when it did)."""
        reasons = [f"fixes of {_and(rules)} undo each other" for rules in self.cycles]
        if self.capped:
            reasons.append(
                f"fixes of {_and(self.capped)} were still changing the text"
                f" after {self.rounds} rounds"
            )
        return "; ".join(reasons)


def _and(names: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


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


def _choose(
    findings: Sequence[Finding],
    text: str,
    *,
    unsafe: bool,
    set_aside: frozenset[str] = frozenset(),
) -> list[Finding]:
    """The findings whose fixes make one round: in text order, each fix whole
    or not at all; the fixes of rules in ``set_aside`` are not taken."""
    candidates = [
        f
        for f in findings
        if f.rule not in set_aside and _usable(f.fix, text, unsafe=unsafe)
    ]
    candidates.sort(key=_first_edit)
    taken = _Taken()
    chosen: list[Finding] = []
    for finding in candidates:
        assert finding.fix is not None  # _usable
        if any(taken.collides(edit) for edit in finding.fix.edits):
            continue
        for edit in finding.fix.edits:
            taken.add(edit)
        chosen.append(finding)
    return chosen


def _first_edit(finding: Finding) -> tuple[int, int]:
    assert finding.fix is not None
    return min((e.start, e.end) for e in finding.fix.edits)


class _Attempt:
    """One pass of the fix loop from the original text."""

    __slots__ = ("capped", "cycle", "findings", "fixed", "rounds", "text")

    text: str
    findings: Sequence[Finding]
    rounds: int
    fixed: int
    #: The rules of the rounds between a text and its return, if one came back.
    cycle: frozenset[str]
    #: The rules that still had fixes when the cap was reached.
    capped: tuple[str, ...]

    def __init__(
        self,
        text: str,
        findings: Sequence[Finding],
        rounds: int = 0,
        fixed: int = 0,
        cycle: frozenset[str] = frozenset(),
        capped: tuple[str, ...] = (),
    ) -> None:
        self.text = text
        self.findings = findings
        self.rounds = rounds
        self.fixed = fixed
        self.cycle = cycle
        self.capped = capped


def _settle(
    attempt: _Attempt,
    lint: Callable[[str], Sequence[Finding]],
    *,
    unsafe: bool,
    set_aside: frozenset[str],
    max_rounds: int,
) -> _Attempt:
    """Run rounds until nothing is left to fix, a text comes back, or the cap."""
    seen = {attempt.text: 0}
    applied: list[frozenset[str]] = []
    text, findings = attempt.text, attempt.findings
    fixed = 0
    while chosen := _choose(findings, text, unsafe=unsafe, set_aside=set_aside):
        if len(applied) >= max_rounds:
            capped = tuple(sorted({f.rule for f in chosen}))
            return _Attempt(text, findings, len(applied), fixed, capped=capped)
        edits = [edit for f in chosen if f.fix is not None for edit in f.fix.edits]
        text, _, skipped = apply_edits(text, edits)
        if skipped:  # pragma: no cover - _choose guarantees disjoint edits
            msg = f"internal error: chosen edits overlap: {skipped}"
            raise AssertionError(msg)
        applied.append(frozenset(f.rule for f in chosen))
        fixed += len(chosen)
        findings = lint(text)
        first = seen.setdefault(text, len(applied))
        if first < len(applied):
            cycle = frozenset[str]().union(*applied[first:])
            return _Attempt(text, findings, len(applied), fixed, cycle=cycle)
    return _Attempt(text, findings, len(applied), fixed)


def fix_text(
    text: str,
    lint: Callable[[str], Sequence[Finding]],
    *,
    unsafe: bool,
    max_rounds: int = MAX_ROUNDS,
) -> FixResult:
    """Lint, apply what can be applied, re-lint; until nothing is left to do.

    A round that brings back a text seen before closes a cycle: the rules of
    the rounds since then are named in ``cycles`` and the run starts again
    from the original text with their fixes set aside, so the text they
    disagree about stays as its author wrote it and every other fix applies.
    After ``max_rounds`` rounds the run stops where it is, naming in
    ``capped`` the rules that still had fixes. Either way ``converged`` is
    False; every round of the text returned is a valid fix.
    """
    original = _Attempt(text, lint(text))
    set_aside: frozenset[str] = frozenset()
    cycles: list[tuple[str, ...]] = []
    rounds = 0
    while True:
        attempt = _settle(
            original, lint, unsafe=unsafe, set_aside=set_aside, max_rounds=max_rounds
        )
        rounds += attempt.rounds
        if not attempt.cycle:
            break
        # Each restart sets aside at least one more rule: this ends.
        cycles.append(tuple(sorted(attempt.cycle)))
        set_aside |= attempt.cycle
    remaining = list(attempt.findings)
    unsafe_available = 0
    if not unsafe:
        unsafe_available = sum(
            1 for f in remaining if f.fix is not None and not f.fix.is_safe
        )
    return FixResult(
        text=attempt.text,
        fixed=attempt.fixed,
        remaining=remaining,
        unsafe_available=unsafe_available,
        rounds=rounds,
        converged=not cycles and not attempt.capped,
        cycles=tuple(cycles),
        capped=attempt.capped,
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
