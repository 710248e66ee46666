"""The batch stage: read many files, build documents, run the engine, fan out.

The engine's ``lint`` is a pure function of one document; this module owns the
I/O around it (reading, formats, worker processes) so that ``lint`` stays pure.
"""

import gc
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from copydesk import engine, markup, page_language, patterns
from copydesk.cspell_config import NO_WORDS, ProjectWords
from copydesk.document import DOCUMENT_KINDS, Document, format_kind
from copydesk.errors import CopydeskError
from copydesk.files import STDIN, Target, match_kind
from copydesk.model import Finding, RuleMeta, Severity
from copydesk.ruleset import Ruleset, Vocab, load_ruleset

if TYPE_CHECKING:  # a run without a results cache never imports it (start-up)
    from copydesk.cache import ResultsCache

#: Files per task sent to a worker: large enough to amortise the IPC.
CHUNK = 16
#: Characters from which a text is linted in windows (``copydesk.windows``).
LARGE = 1 << 20


class RuleOptions(NamedTuple):
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
    #: ``--kind-for`` then ``kind-for`` globs, and the config folder they are
    #: relative to (part of the cache identity through ``repr``).
    kind_for: tuple[tuple[str, str], ...] = ()
    kind_root: str = ""
    #: Seconds one file may take (``file-timeout``). Not part of the cache
    #: identity (``repr``): a file that timed out is never cached.
    file_timeout: float = 0.0
    #: Words the project's cSpell config accepts (``copydesk.cspell_config``).
    spelling: ProjectWords = NO_WORDS

    def __repr__(self) -> str:
        """The options but ``file_timeout``: the results cache's identity."""
        shown = (
            f"{name}={value!r}"
            for name, value in zip(self._fields, self, strict=True)
            if name != "file_timeout"
        )
        return f"RuleOptions({', '.join(shown)})"

    def load(self, kinds: frozenset[str] | None = None) -> Ruleset:
        """The ruleset; ``kinds``: the document kinds it will lint, when known
        (see ``load_ruleset``)."""
        ruleset = load_ruleset(
            [Path(d) for d in self.rule_dirs],
            self.select,
            self.ignore,
            rule_options=self.options(),
            vocab=Vocab(self.accept, self.reject, self.config_path),
            kinds=kinds,
            spelling=self.spelling,
        )
        ruleset.file_timeout = self.file_timeout
        return ruleset

    def options(self) -> dict[str, Any]:
        """Each rule's option overrides, read back from their JSON: ``json``
        is imported only when there are some (5 M instructions of a one-file
        check for a module that has nothing else to do there)."""
        if not self.rule_options:
            return {}
        import json

        return {rule: json.loads(opts) for rule, opts in self.rule_options}

    def kind_of(self, path: str, fmt: str) -> str:
        """The document kind of ``path`` under these options: the first
        ``kind-for`` glob that matches it, else by format; empty for plain
        text, whose kind its lines decide once read (``document.default_kind``)."""
        return match_kind(path, self.kind_for, self.kind_root) or format_kind(fmt)

    @property
    def overrides(self) -> dict[str, Severity]:
        return {rule: Severity.parse(level) for rule, level in self.severity}


class FileResult:
    """The outcome for one file: findings, or the reason it was skipped."""

    __slots__ = ("error", "fail_level", "findings", "path", "text")

    path: str
    findings: list[Finding]
    error: str | None
    text: str | None
    #: Lowest level that fails the run for this file (from its config).
    fail_level: Severity | None

    def __init__(
        self,
        path: str,
        findings: list[Finding] | None = None,
        error: str | None = None,
        text: str | None = None,
        fail_level: Severity | None = Severity.WARNING,
    ) -> None:
        self.path = path
        self.findings = [] if findings is None else findings
        self.error = error
        self.text = text
        self.fail_level = fail_level


def build_document(
    text: str, path: str, fmt: str, language: str, kind: str = ""
) -> Document:
    """Read ``text`` in its markup format into a Document (``kind``: empty
    for the document's own)."""
    return document_of(markup.read(fmt, text), text, path, fmt, language, kind)


def document_of(
    parsed: markup.Parsed, text: str, path: str, fmt: str, language: str, kind: str
) -> Document:
    """The Document of ``text`` read (or read in windows and joined) as ``parsed``."""
    return Document(
        path=path,
        text=text,
        prose=parsed.prose,
        format=fmt,
        language=language,
        blocks=parsed.blocks,
        directives=parsed.directives,
        kind=kind,
        breaks=parsed.breaks,
    )


def lint_text(
    text: str,
    path: str,
    fmt: str,
    ruleset: Ruleset,
    language: str = "en",
    overrides: Mapping[str, Severity] | None = None,
    kind: str = "",
    run: engine.RunState | None = None,
    jobs: int = 1,
) -> list[Finding]:
    """Findings for one in-memory text (used by stdin, fixes and tests).

    ``kind`` is the document kind resolved for its target; empty means the
    document's own (``document.default_kind``). ``run`` is the state of the
    run the text belongs to. A large text is read and checked in windows
    where its format allows (the same findings, in memory that grows with a
    window, not the file), and its
    checks are shared by up to ``jobs`` processes. Reading the text counts
    towards the ruleset's ``file_timeout``.
    """
    started = time.monotonic()
    language = page_language.language_for(text, path, fmt, language)
    if len(text) >= LARGE and fmt in markup.WINDOW_READERS:
        from copydesk import windows

        doc, spans = windows.read_in_windows(
            text, path, fmt, language, kind, workers=jobs
        )
        return windows.lint_in_windows(
            doc, spans, ruleset, overrides, run, started=started, workers=jobs
        )
    doc = build_document(text, path, fmt, language, kind)
    if len(text) >= LARGE and jobs > 1:  # read whole (no window reader)
        from copydesk import document_workers

        if document_workers.can_share(jobs):
            return document_workers.lint_whole(
                doc, ruleset, overrides, run, started=started, workers=jobs
            )
    return engine.lint(doc, ruleset, overrides, run, started=started)


def read_text(path: str, encoding: str = "") -> str:
    """Read a target as text (in a legacy ``encoding`` if named); stdin is read
    whole."""
    from copydesk.textio import decode, read_source

    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>", encoding)[0]
    return read_source(path, encoding).text


def lint_target(
    target: Target,
    ruleset: Ruleset,
    language: str,
    overrides: Mapping[str, Severity] | None = None,
    display: str | None = None,
    text: str | None = None,
    run: engine.RunState | None = None,
    jobs: int = 1,
) -> FileResult:
    """Lint one target (read now unless ``text`` is given); unreadable is a
    skip. A large file's checks are shared by up to ``jobs`` processes."""
    shown = display or target.path
    if text is None:
        try:
            text = read_text(target.path, target.encoding)
        except CopydeskError as exc:
            return FileResult(shown, error=exc.reason)
    findings = lint_text(
        text, shown, target.format, ruleset, language, overrides, target.kind, run, jobs
    )
    return FileResult(shown, findings, text=text if findings else None)


# --- worker processes -------------------------------------------------------

#: This worker's ruleset, its options, and the state of the run it serves
#: (a pool lives for one run).
_WORKER: tuple[Ruleset, RuleOptions, engine.RunState] | None = None
#: The ruleset the parent compiled before starting its workers: forked
#: workers find it here and need not compile their own.
_INHERITED: tuple[Ruleset, RuleOptions] | None = None


def _init_worker(options: RuleOptions) -> None:
    global _WORKER  # noqa: PLW0603 - one compiled ruleset per worker process
    if _INHERITED is not None and _INHERITED[1] == options:
        _WORKER = (*_INHERITED, engine.RunState())
    else:  # a spawned worker (macOS, Windows) starts from nothing
        _WORKER = (options.load(), options, engine.RunState())
    settle_heap()


def settle_heap() -> None:
    """Move what is loaded so far out of the garbage collector's sight.

    The ruleset, word lists and caches live as long as the process; without
    this, every full collection walks them again while documents churn.
    Documents make little cyclic garbage, so collections can also be rarer.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    gc.enable()


def _lint_chunk(targets: Sequence[Target]) -> list[FileResult]:
    assert _WORKER is not None
    ruleset, options, run = _WORKER
    overrides = options.overrides
    return [
        lint_target(t, ruleset, options.language, overrides, run=run) for t in targets
    ]


class LazyRuleset:
    """Compiles the ruleset on first use, so a fully cached run never does."""

    def __init__(self, options: RuleOptions) -> None:
        self.options = options
        self._ruleset: Ruleset | None = None

    def get(self, kinds: frozenset[str] | None = None) -> Ruleset:
        """The ruleset for documents of ``kinds`` (None: of any kind).

        The first load leaves out the shipped rules for other kinds only (a
        one-file run of a Markdown page never compiles the draft-only
        rules); a later ask for kinds it does not cover loads every rule.
        """
        if self._ruleset is None:
            self._ruleset = self.options.load(kinds)
        elif not self._ruleset.covers(kinds):
            self._ruleset = self.options.load()
        return self._ruleset

    def metas(self) -> dict[str, RuleMeta]:
        """Every rule's metadata, from the ruleset loaded for any kinds."""
        return (self.get() if self._ruleset is None else self._ruleset).metas

    @property
    def loaded(self) -> bool:
        return self._ruleset is not None


def lint_targets(
    targets: Sequence[Target],
    rules: LazyRuleset,
    jobs: int,
    cache: "ResultsCache | None" = None,
    progress: Callable[[], None] | None = None,
) -> list[FileResult]:
    """Results for every target, in the order given; cached or parallel when it pays."""
    options = rules.options
    results: list[FileResult | None] = [None] * len(targets)
    keys: dict[int, str] = {}
    # Texts read for the cache lookup are kept for linting in this process
    # (a file is read once); worker processes read their own.
    texts: dict[str, str] | None = {} if _serial(targets, jobs) else None
    todo: list[int] = []
    for index, target in enumerate(targets):
        hit = None
        if cache is not None and target.path != STDIN:
            hit, key, text = _cached(cache, target, options.language)
            if key is not None:
                keys[index] = key
            if texts is not None and hit is None and text is not None:
                texts[target.path] = text
        if hit is None:
            todo.append(index)
        else:
            results[index] = hit
            if progress is not None:
                progress()
    linted = _lint_uncached([targets[i] for i in todo], rules, jobs, texts)
    for index, result in zip(todo, linted, strict=True):
        results[index] = result
        if cache is not None and index in keys and _cacheable(result):
            cache.put(keys[index], result.findings)
        if progress is not None:
            progress()
    return [r for r in results if r is not None]


def _cacheable(result: FileResult) -> bool:
    """Whether ``result`` may be cached: it was read, and no timeout cut it
    short (a timeout depends on the machine's load, not on the text)."""
    timed_out = (engine.TIMEOUT_RULE, engine.FILE_TIMEOUT_RULE)
    return result.error is None and not any(
        f.rule in timed_out for f in result.findings
    )


def _serial(targets: Sequence[Target], jobs: int) -> bool:
    """Whether linting stays in this process (one file, few files, stdin)."""
    return (
        jobs <= 1 or len(targets) < 2 * CHUNK or any(t.path == STDIN for t in targets)
    )


def _cached(
    cache: "ResultsCache", target: Target, language: str
) -> tuple[FileResult | None, str | None, str | None]:
    """A cache hit for ``target`` (or None), its cache key, and its text.

    The file is read with ``read_source`` (which refuses FIFOs and devices);
    one it cannot read is left to the linting path to report.
    """
    from copydesk.textio import read_source

    # The kind joins the language in the key: a ``kind-for`` glob can give two
    # files with the same bytes and format different findings (a kind not
    # configured follows from the bytes and format).
    context = f"{language}:{target.kind or 'by-text'}"
    # So does a language its path declares (``index.cs.md``, ``fr/``): the
    # same bytes under another name are read in another language.
    named = page_language.from_path(target.path)
    if named is not None:
        context += f":{named}"
    if target.encoding:  # the same bytes decode to another text
        context += f":{target.encoding}"
    try:
        st = os.stat(target.path)
    except OSError:
        st = None
    if st is not None:
        known = cache.known_key(target.path, st, target.format, context)
        if known is not None and cache.get(known, target.path) == []:
            return FileResult(target.path), known, None  # clean: not even read
    try:
        source = read_source(target.path, target.encoding)
    except CopydeskError:
        return None, None, None
    key = cache.key(source.raw, target.format, context)
    if st is not None:
        cache.remember(target.path, st, target.format, context, key)
    findings = cache.get(key, target.path)
    if findings is None:
        return None, key, source.text
    return (
        FileResult(target.path, findings, text=source.text if findings else None),
        key,
        None,
    )


def _lint_uncached(
    targets: Sequence[Target],
    rules: LazyRuleset,
    jobs: int,
    texts: Mapping[str, str] | None = None,
) -> Iterator[FileResult]:
    if not targets:
        return
    options = rules.options
    overrides = options.overrides
    # A target with no kind is plain text: a draft or, hard-wrapped, authored.
    kinds = frozenset().union(
        *({t.kind} if t.kind else DOCUMENT_KINDS for t in targets)
    )
    if _serial(targets, jobs):
        ruleset = rules.get(kinds)
        if len(targets) > 1:
            settle_heap()
        known = texts or {}
        run = engine.RunState()
        for target in targets:
            yield lint_target(
                target,
                ruleset,
                options.language,
                overrides,
                text=known.get(target.path),
                run=run,
                jobs=jobs,
            )
        return
    chunks = [targets[i : i + CHUNK] for i in range(0, len(targets), CHUNK)]
    from concurrent.futures import ProcessPoolExecutor

    # Compiled once here, before the workers fork: the reporters need the
    # rules' metadata afterwards anyway, and each worker would compile its own.
    # So are the lazily compiled patterns that most files need: a one-file
    # run compiles few of them, but each worker would compile them all again.
    global _INHERITED  # noqa: PLW0603 - read by forked workers only
    _INHERITED = (rules.get(kinds), options)
    patterns.compile_before_fork()
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=(options,)
        ) as pool:
            for results in pool.map(_lint_chunk, chunks):
                yield from results
    finally:
        _INHERITED = None


def default_jobs() -> int:
    """Worker count when ``--jobs`` is not given: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
