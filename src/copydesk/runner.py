"""Lint many files: read, build documents, run the engine, fan out over processes.

The engine's ``lint`` is a pure function of one document; this module owns the
I/O around it (reading, formats, worker processes) so that ``lint`` stays pure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from copydesk import engine, markup
from copydesk.document import Document
from copydesk.errors import CopydeskError
from copydesk.files import STDIN, Target
from copydesk.model import Finding, Severity
from copydesk.ruleset import Ruleset, Vocab, load_ruleset

#: Files per task sent to a worker: large enough to amortise the IPC.
CHUNK = 16


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """What a worker needs to rebuild the same ruleset (picklable)."""

    rule_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    language: str = "en"
    rule_options: tuple[tuple[str, str], ...] = ()
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    config_path: str = ""

    def load(self) -> Ruleset:
        import json

        return load_ruleset(
            [Path(d) for d in self.rule_dirs],
            self.select,
            self.ignore,
            rule_options={rule: json.loads(opts) for rule, opts in self.rule_options},
            vocab=Vocab(self.accept, self.reject, self.config_path),
        )

    @property
    def overrides(self) -> dict[str, Severity]:
        return {rule: Severity.parse(level) for rule, level in self.severity}


@dataclass(slots=True)
class FileResult:
    """The outcome for one file: findings, or the reason it was skipped."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    text: str | None = None


def build_document(text: str, path: str, fmt: str, language: str) -> Document:
    """Read ``text`` in its markup format into a Document."""
    parsed = markup.read(fmt, text)
    return Document(
        path=path,
        text=text,
        prose=parsed.prose,
        format=fmt,
        language=language,
        blocks=parsed.blocks,
        directives=parsed.directives,
    )


def lint_text(
    text: str,
    path: str,
    fmt: str,
    ruleset: Ruleset,
    language: str = "en",
    overrides: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """Findings for one in-memory text (used by stdin, fixes and tests)."""
    doc = build_document(text, path, fmt, language)
    return engine.lint(doc, ruleset, overrides)


def read_text(path: str) -> str:
    """Read a target as text; stdin is read whole."""
    from copydesk.textio import decode, read_source

    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")[0]
    return read_source(path).text


def lint_target(
    target: Target,
    ruleset: Ruleset,
    language: str,
    overrides: Mapping[str, Severity] | None = None,
    display: str | None = None,
) -> FileResult:
    """Lint one target, turning an unreadable file into a skip reason."""
    shown = display or target.path
    try:
        text = read_text(target.path)
    except CopydeskError as exc:
        return FileResult(shown, error=exc.reason)
    findings = lint_text(text, shown, target.format, ruleset, language, overrides)
    return FileResult(shown, findings, text=text if findings else None)


# --- worker processes -------------------------------------------------------

_WORKER: tuple[Ruleset, RuleOptions] | None = None


def _init_worker(options: RuleOptions) -> None:
    global _WORKER  # noqa: PLW0603 - one compiled ruleset per worker process
    _WORKER = (options.load(), options)


def _lint_chunk(targets: Sequence[Target]) -> list[FileResult]:
    assert _WORKER is not None
    ruleset, options = _WORKER
    overrides = options.overrides
    return [lint_target(t, ruleset, options.language, overrides) for t in targets]


def lint_targets(
    targets: Sequence[Target],
    ruleset: Ruleset,
    options: RuleOptions,
    jobs: int,
) -> Iterator[FileResult]:
    """Results for every target, in the order given; parallel when it pays."""
    overrides = options.overrides
    if jobs <= 1 or len(targets) < 2 * CHUNK or STDIN in {t.path for t in targets}:
        for target in targets:
            yield lint_target(target, ruleset, options.language, overrides)
        return
    chunks = [targets[i : i + CHUNK] for i in range(0, len(targets), CHUNK)]
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(options,)
    ) as pool:
        for results in pool.map(_lint_chunk, chunks):
            yield from results


def default_jobs() -> int:
    """Worker count when ``--jobs`` is not given: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
