"""Score the default packs on the issue-20 evaluation sets (quotes, debris,
house names, name variants) in ``tests/documents/accuracy2``, and on the
blind sets of the same families in ``tests/documents/accuracy3`` to
``accuracy35``.

Each set is a YAML list of short drafts. A defect is written into the text as
``⟦Rule|found⟧`` or ``⟦Rule|found|suggestion⟧``: the marker is stripped and
its position (line and column of ``found``) is what a finding must hit.
Cases without a marker are clean. The sets were written by hand before the
checks they score were changed, so the scores measure, not flatter.

Shared by ``tests/checks/test_accuracy_sets.py`` (thresholds) and
``bench/accuracy.py`` (the report in ``bench/results``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from copydesk.api import Overrides, Workspace
from copydesk.model import Finding

SETS = Path(__file__).resolve().parent / "documents" / "accuracy2"
#: Sets written later by readers who had not seen the rules (blind when
#: written; the checks were then mended for some of what they missed).
BLIND_SETS = tuple(SETS.parent / f"accuracy{n}" for n in range(3, 36))
FAMILIES = ("quotes", "debris", "names", "variants")
#: The packs whose findings each family scores (and counts on clean cases).
PACKS = {
    "quotes": ("quotes",),
    "debris": ("artifacts",),
    "names": ("names",),
    "variants": ("variants",),
}
#: Other packs whose finding also answers a family's defect, at its place
#: with its suggestion: the engine keeps one finding per span, and where the
#: house list of given names and the name variants flag one misspelt name
#: (Andrij beside Andriy) the user sees whichever it keeps. They are never
#: counted as extra findings here: their own family scores them.
ANSWERING_PACKS = {"variants": ("names",)}
_MARK = re.compile(r"⟦([^|⟧]+)\|([^|⟧]*)(?:\|([^⟧]*))?⟧")
_EXTENSIONS = {"plain": ".txt", "markdown": ".md", "html": ".html", "rst": ".rst"}


@dataclass(frozen=True, slots=True)
class Expected:
    """One marked defect: its rule marker, place, text and suggestion."""

    rule: str
    line: int
    col: int
    found: str
    suggestion: str | None
    #: The lines the marked text covers (a debris block spans several).
    lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Case:
    family: str
    id: str
    lang: str
    fmt: str
    text: str
    expected: tuple[Expected, ...]

    @property
    def clean(self) -> bool:
        return not self.expected


def strip_markers(marked: str) -> tuple[str, list[tuple[str, int, str, str | None]]]:
    """The text without markers, and (rule, offset, found, suggestion) of each."""
    out: list[str] = []
    marks: list[tuple[str, int, str, str | None]] = []
    last = 0
    length = 0
    for m in _MARK.finditer(marked):
        before = marked[last : m.start()]
        out.append(before)
        length += len(before)
        found, suggestion = m.group(2), m.group(3)
        if m.group(1) == "D" and suggestion is not None:
            # Debris has no suggestion: a | inside it is the page's own
            # ("Published 06:00 | Updated 11:42").
            found, suggestion = f"{found}|{suggestion}", None
        marks.append((m.group(1), length, found, suggestion))
        out.append(found)
        length += len(found)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), marks


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def families_of(sets: Path) -> tuple[str, ...]:
    """The families the folder ``sets`` holds a file for (``accuracy11``
    was written for the quotes and variants checks only)."""
    return tuple(f for f in FAMILIES if (sets / f"{f}.yml").is_file())


def load(family: str, sets: Path = SETS) -> list[Case]:
    """The cases of ``family`` in the folder ``sets``."""
    rows = yaml.safe_load((sets / f"{family}.yml").read_text(encoding="utf-8"))
    cases = []
    for row in rows:
        text, marks = strip_markers(row["text"])
        expected = []
        for rule, offset, found, suggestion in marks:
            line, col = _line_col(text, offset)
            last, _ = _line_col(text, offset + max(len(found) - 1, 0))
            covered = tuple(
                n for n in range(line, last + 1) if text.splitlines()[n - 1].strip()
            )
            expected.append(Expected(rule, line, col, found, suggestion, covered))
        cases.append(
            Case(
                family,
                row["id"],
                row.get("lang", "en"),
                row.get("format", "plain"),
                text,
                tuple(expected),
            )
        )
    return cases


@cache
def _workspace(lang: str) -> Workspace:
    return Workspace(Path(), Overrides(language=lang, isolated=True))


def findings(case: Case, packs: Sequence[str] = ()) -> list[Finding]:
    """The findings of the family's packs (or of ``packs``) on one case,
    default rules."""
    name = f"{case.id}{_EXTENSIONS[case.fmt]}"
    found = _workspace(case.lang).lint_text(Path(name), case.text)
    packs = packs or PACKS[case.family]
    return [f for f in found if f.rule.split(".", 1)[0] in packs]


def _hits(case: Case, exp: Expected, found: Sequence[Finding]) -> bool:
    """Whether a finding answers ``exp`` the way its family is scored."""
    if case.family == "debris":
        return False  # scored by line, see Score.add
    for f in found:
        if (f.line, f.col) != (exp.line, exp.col):
            continue
        if case.family == "quotes" and f.rule != f"quotes.{exp.rule}":
            continue
        if exp.suggestion is not None and (
            not f.suggestions or f.suggestions[0] != exp.suggestion
        ):
            continue
        return True
    return False


@dataclass(slots=True)
class Score:
    """Defects found, extra findings and clean cases flagged, for one family."""

    family: str
    expected: int = 0
    hits: int = 0
    extra: int = 0
    clean: int = 0
    clean_flagged: int = 0
    cases: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.hits / self.expected if self.expected else 1.0

    def add(
        self,
        case: Case,
        found: Sequence[Finding],
        answering: Sequence[Finding] = (),
    ) -> None:
        """Score ``found`` (the family's findings) on ``case``; ``answering``
        (see ``ANSWERING_PACKS``) may answer its defects, never adds extras."""
        self.cases += 1
        if case.clean:
            self.clean += 1
            if found:
                self.clean_flagged += 1
                self.notes += [f"{case.id}: flagged {_show(f)}" for f in found]
            return
        if case.family == "debris":
            self._add_lines(case, found)
            return
        used: set[int] = set()
        for exp in case.expected:
            self.expected += 1
            if _hits(case, exp, found) or _hits(case, exp, answering):
                self.hits += 1
                used.add(exp.line * 10_000 + exp.col)
            else:
                self.notes.append(
                    f"{case.id}: missed {exp.rule} {exp.line}:{exp.col} "
                    f"{exp.found!r} -> {exp.suggestion or ''}"
                )
        for f in found:
            if f.line * 10_000 + f.col not in used:
                self.extra += 1
                self.notes.append(f"{case.id}: extra {_show(f)}")

    def _add_lines(self, case: Case, found: Sequence[Finding]) -> None:
        wanted = {n for exp in case.expected for n in exp.lines}
        covered = {n for f in found for n in range(f.line, f.end_line + 1)}
        self.expected += len(wanted)
        self.hits += len(wanted & covered)
        self.notes += [f"{case.id}: missed line {n}" for n in sorted(wanted - covered)]
        stray = [f for f in found if f.line not in wanted]
        self.extra += len(stray)
        self.notes += [f"{case.id}: extra {_show(f)}" for f in stray]


def _show(f: Finding) -> str:
    first = f.suggestions[0] if f.suggestions else ""
    arrow = f" -> {first}" if first else ""
    return f"{f.rule} {f.line}:{f.col} {f.match[:40]!r}{arrow}"


def score(family: str, cases: Iterable[Case] | None = None) -> Score:
    result = Score(family)
    for case in load(family) if cases is None else cases:
        others = ANSWERING_PACKS.get(family, ())
        result.add(case, findings(case), findings(case, others) if others else ())
    return result
