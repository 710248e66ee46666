"""Lint many files: read, build documents, run the engine, fan out over processes.

The engine's ``lint`` is a pure function of one document; this module owns the
I/O around it (reading, formats, worker processes) so that ``lint`` stays pure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from copydesk import engine, markup
from copydesk.cache import ResultsCache
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
    #: Lowest level that fails the run for this file (from its config).
    fail_level: Severity | None = Severity.WARNING


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


class LazyRuleset:
    """Compiles the ruleset on first use, so a fully cached run never does."""

    def __init__(self, options: RuleOptions) -> None:
        self.options = options
        self._ruleset: Ruleset | None = None

    def get(self) -> Ruleset:
        if self._ruleset is None:
            self._ruleset = self.options.load()
        return self._ruleset

    @property
    def loaded(self) -> bool:
        return self._ruleset is not None


def lint_targets(
    targets: Sequence[Target],
    rules: LazyRuleset,
    jobs: int,
    cache: ResultsCache | None = None,
    progress: Callable[[], None] | None = None,
) -> list[FileResult]:
    """Results for every target, in the order given; cached or parallel when it pays."""
    options = rules.options
    results: list[FileResult | None] = [None] * len(targets)
    keys: dict[int, str] = {}
    todo: list[int] = []
    for index, target in enumerate(targets):
        hit = None
        if cache is not None and target.path != STDIN:
            hit, key = _cached(cache, target, options.language)
            if key is not None:
                keys[index] = key
        if hit is None:
            todo.append(index)
        else:
            results[index] = hit
            if progress is not None:
                progress()
    linted = _lint_uncached([targets[i] for i in todo], rules, jobs)
    for index, result in zip(todo, linted, strict=True):
        results[index] = result
        if cache is not None and index in keys and result.error is None:
            cache.put(keys[index], result.findings)
        if progress is not None:
            progress()
    return [r for r in results if r is not None]


def _cached(
    cache: ResultsCache, target: Target, language: str
) -> tuple[FileResult | None, str | None]:
    """A cache hit for ``target`` (or None) and its cache key."""
    from copydesk.textio import decode

    try:
        raw = Path(target.path).read_bytes()
    except OSError:
        return None, None
    key = cache.key(raw, target.format, language)
    findings = cache.get(key, target.path)
    if findings is None:
        return None, key
    if not findings:
        return FileResult(target.path, []), key
    try:
        text = decode(raw, target.path)[0]
    except CopydeskError:
        return None, key
    return FileResult(target.path, findings, text=text), key


def _lint_uncached(
    targets: Sequence[Target], rules: LazyRuleset, jobs: int
) -> Iterator[FileResult]:
    if not targets:
        return
    options = rules.options
    overrides = options.overrides
    if jobs <= 1 or len(targets) < 2 * CHUNK or STDIN in {t.path for t in targets}:
        ruleset = rules.get()
        for target in targets:
            yield lint_target(target, ruleset, options.language, overrides)
        return
    chunks = [targets[i : i + CHUNK] for i in range(0, len(targets), CHUNK)]
    from concurrent.futures import ProcessPoolExecutor

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
