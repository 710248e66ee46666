"""Run every check over a document and decide which findings to keep.

Checks find; the engine decides: exceptions, scope, inline suppressions,
one finding per span, and a deterministic order. Each decision is a small
function over findings so it can be tested alone.
"""

from __future__ import annotations

import bisect
import math
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Final

from copydesk import deadline, furniture_runs, langtag, patterns, word_guards
from copydesk.checks import load_check_type
from copydesk.checks.base import Check
from copydesk.document import Directive, Document
from copydesk.lazy_patterns import later_regex
from copydesk.masked_edits import changes_a_mask
from copydesk.model import Applicability, Edit, Finding, Fix, Severity
from copydesk.ruleset import Ruleset

#: Pseudo-rules the engine itself reports.
TIMEOUT_RULE = "copydesk.regex-timeout"
FILE_TIMEOUT_RULE = "copydesk.file-timeout"
CRASH_RULE = "copydesk.check-error"
DIRECTIVE_RULE = "copydesk.unknown-rule"

#: Rule ``scope`` → the block kinds it covers (``text`` covers everything).
SCOPE_KINDS: dict[str, frozenset[str]] = {
    "paragraph": frozenset({"paragraph"}),
    "heading": frozenset({"heading"}),
    "list": frozenset({"list"}),
    "table": frozenset({"table"}),
    "blockquote": frozenset({"blockquote"}),
    "alt": frozenset({"alt"}),
}


class RunState:
    """What one run learns as it goes, and forgets when it ends.

    A rule that ran out of time is not run again in the same run (one bad
    pattern costs one timeout, not one per file). The state belongs to a run,
    not to the ruleset or the process: an editor server lints the same
    ruleset for hours, and one slow buffer must not silence a rule forever.
    """

    __slots__ = ("plans", "stopped")

    stopped: Final[set[str]]
    #: The checks a ruleset runs on one language and kind of document, in
    #: the ruleset's order with their places in it, worked out once per run
    #: (see ``applicable``): a corpus has thousands of files and a few of
    #: each kind.
    plans: Final[dict[tuple[int, str, str], tuple[Ruleset, Plan]]]

    def __init__(self) -> None:
        self.stopped = set()
        self.plans = {}


#: (index in ``Ruleset.checks``, check) for each check that applies.
Plan = tuple[tuple[int, Check], ...]


def applicable(ruleset: Ruleset, doc: Document, run: RunState) -> Plan:
    """The checks of ``ruleset`` whose languages and document kinds allow
    ``doc``, each with its index; kept in ``run`` per ruleset (held, so its
    id is never another's), language and kind. Timeouts are not part of it:
    a rule stopped mid-run is skipped by the caller."""
    key = (id(ruleset), doc.language, doc.kind)
    kept = run.plans.get(key)
    if kept is not None and kept[0] is ruleset:
        return kept[1]
    plan = tuple(
        (index, check)
        for index, check in enumerate(ruleset.checks)
        if _applies_to_language(check, doc.language)
        and not (check.meta.kinds and doc.kind not in check.meta.kinds)
    )
    run.plans[key] = (ruleset, plan)
    return plan


#: A check's findings on a document made elsewhere (in the document's windows,
#: or kept by a re-lint cache), or the exception its run raised there.
Found = Sequence[Finding] | BaseException


def lint(
    doc: Document,
    ruleset: Ruleset,
    severity_overrides: Mapping[str, Severity] | None = None,
    run: RunState | None = None,
    given: Mapping[str, Found] | None = None,
    *,
    started: float | None = None,
) -> list[Finding]:
    """All findings of ``ruleset`` on ``doc`` that survive the engine's filters.

    ``run`` carries what earlier documents of the same run taught (rules
    stopped by a timeout); without it the document is a run of its own.
    ``given`` holds, by rule id, findings of checks run elsewhere on parts of
    ``doc``: they pass the same filters, and those checks are not run again.
    ``started`` is when work on the file began (reading it, its windows),
    for the ruleset's ``file_timeout``; by default, now.
    """
    state = RunState() if run is None else run
    if ignored(doc):
        return []
    found: list[Finding] = []
    started = time.monotonic() if started is None else started
    with file_budget(ruleset, started):
        for index, check in applicable(ruleset, doc, state):
            made = None if given is None else given.get(check.meta.id)
            # A check run elsewhere has spent its time: what it found stands,
            # or its OutOfTimeError tells where the budget ran out.
            late = (
                None if made is not None else over_budget(doc, ruleset, started, index)
            )
            if late is None and check.meta.id not in state.stopped:
                try:
                    found.extend(_run_check(check, doc, ruleset, state, made))
                except deadline.OutOfTimeError:
                    late = over_budget(doc, ruleset, started, index, cut=True)
            if late is not None:
                found.append(late)
                break
    if doc.directives:
        # Every rule of the run, also one left out for other document kinds.
        metas = ruleset.metas.values()
        known = {m.id for m in metas}
        known.update(m.pack for m in metas)
        found.extend(directive_warnings(doc, known))
    furniture = {c.meta.id: c.meta for c in ruleset.checks if c.meta.furniture}
    kept = suppress(furniture_runs.grown(found, doc, furniture), doc)
    kept = one_per_span(kept, [c.meta.id for c in ruleset.checks])
    kept = unsafe_in_headings_and_quotes(kept, doc)
    kept = keep_masks(kept, doc)
    kept = in_ascii_pages(kept, doc)
    kept = in_the_pages_language(kept, doc, ruleset)
    kept = [f for f in kept if not word_guards.named_misspelling(doc.prose, f.start)]
    if severity_overrides:
        kept = list(override_severity(kept, severity_overrides))
    return sorted(kept, key=lambda f: f.sort_key)


def planned(ruleset: Ruleset, doc: Document, run: RunState) -> list[Check]:
    """The checks of ``ruleset`` that run on ``doc`` (see :func:`applicable`),
    minus those a timeout stopped earlier in ``run``, in the ruleset's order:
    what a caller running checks outside :func:`lint` hands over as ``given``."""
    plan = applicable(ruleset, doc, run)
    return [c for _, c in plan if c.meta.id not in run.stopped]


def ignored(doc: Document) -> bool:
    """Whether ``doc`` asks to be left alone (``copydesk: ignore-file`` with
    no rules named): no rule runs on it."""
    return any(d.action == "ignore-file" and not d.rules for d in doc.directives)


def file_budget(ruleset: Ruleset, started: float) -> AbstractContextManager[None]:
    """The file's deadline for the checks run within (see ``copydesk.deadline``):
    what the ruleset's ``file_timeout`` has left since ``started``."""
    budget = ruleset.file_timeout
    if not budget:
        return deadline.within(math.inf)
    return deadline.within(budget - (time.monotonic() - started))


def over_budget(
    doc: Document, ruleset: Ruleset, started: float, index: int, *, cut: bool = False
) -> Finding | None:
    """The ``copydesk.file-timeout`` error when ``doc`` has taken more than
    the ruleset's ``file_timeout`` since ``started``, before its ``index``-th
    check (or, ``cut``, inside it); else None.

    Threads and signals cannot stop a check (a library, a server's event
    loop or a Dask worker thread cannot use them), so the budget is checked
    between rules and, through ``copydesk.deadline``, inside them: between
    the findings a check yields, in its long loops and as the regex timeout
    of user patterns. A file overruns by the longest step between two such
    readings. In worker processes each file's clock starts when its worker
    starts linting it.
    """
    budget = ruleset.file_timeout
    if not budget:
        return None
    spent = time.monotonic() - started
    if spent <= budget and not cut:
        return None
    left = len(ruleset.checks) - index
    reason = (
        f"linting stopped after {spent:.1f} s, over the {budget:g} s"
        f" file-timeout: {left} rule{'s' * (left != 1)} not run on this file"
        f" ({ruleset.checks[index].meta.id} and after); raise file-timeout"
        " (0: no limit) or split the file"
    )
    return doc.finding(FILE_TIMEOUT_RULE, Severity.ERROR, reason, 0, 0)


def _applies_to_language(check: Check, language: str) -> bool:
    wanted = check.meta.languages
    return not wanted or _language_wanted(wanted, language)


def _run_check(
    check: Check,
    doc: Document,
    ruleset: Ruleset,
    run: RunState,
    made: Found | None = None,
) -> list[Finding]:
    """One rule's findings after its own filters (``made``: found elsewhere).

    A runaway pattern (the rule's or its exceptions') or a crash becomes an
    error finding instead of a traceback, and a rule that ran out of time is
    not run again in this run: one bad pattern costs one timeout, not one
    per file.
    """
    meta = check.meta
    try:
        if isinstance(made, BaseException):
            raise made
        results = list(deadline.checked(check.run(doc)) if made is None else made)
        exceptions = ruleset.exceptions.get(meta.id) if results else None
        matcher = None if exceptions is None else exceptions.get()
        if matcher is not None:
            results = drop_exceptions(results, doc, matcher)
        if meta.scope in SCOPE_KINDS:
            results = keep_scope(results, doc, SCOPE_KINDS[meta.scope])
        elif meta.scope == "sentence":
            results = within_sentences(results)
        if ruleset.accept is not None:
            results = drop_exceptions(results, doc, ruleset.accept)
        if ruleset.spelling and load_check_type(meta.extends).SPELLING:
            results = [f for f in results if not ruleset.spelling.accepts(doc, f)]
    except TimeoutError:
        # The file's budget, cut short: not the rule's fault (for a check run
        # elsewhere, decided there: see ``found_elsewhere``).
        if not isinstance(made, BaseException) and deadline.passed():
            raise deadline.OutOfTimeError from None
        run.stopped.add(meta.id)
        reason = (
            f"rule {meta.id} ({meta.source}) stopped: a pattern exceeded the "
            f"{patterns.MATCH_TIMEOUT:g} s match timeout on this file; the rule "
            "is skipped for the rest of this run"
        )
        return [doc.finding(TIMEOUT_RULE, Severity.ERROR, reason, 0, 0)]
    except (RecursionError, ValueError, IndexError, KeyError) as exc:
        where = f"rule {meta.id} ({meta.source})"
        reason = f"{where} failed: {type(exc).__name__}: {exc}"
        return [doc.finding(CRASH_RULE, Severity.ERROR, reason, 0, 0)]
    return results


def found_elsewhere(exc: Exception) -> BaseException:
    """``exc``, raised by a check run outside :func:`lint` (in a window, in
    another process), as ``lint`` is to read it in ``given``: a regex timeout
    raised once the file's deadline had passed is the budget's end. Decided
    where it happened: read later, every timeout would look like one."""
    if isinstance(exc, TimeoutError) and deadline.passed():
        return deadline.OutOfTimeError()
    return exc


def drop_exceptions(
    findings: Iterable[Finding], doc: Document, exceptions: patterns.Pattern
) -> list[Finding]:
    """Drop findings that overlap a match of the rule's ``exceptions``."""
    findings = list(findings)
    if not findings:
        return findings
    places = ((f.start, f.end) for f in findings)
    spans = list(patterns.spans_on_lines(exceptions, doc.prose, places))
    if not spans:
        return findings
    # Matches come in order and never overlap, so their ends ascend too: the
    # first match ending after a finding's start is the only one to test.
    ends = [e for _, e in spans]
    kept: list[Finding] = []
    for f in findings:
        index = bisect.bisect_right(ends, f.start)
        if index == len(spans) or spans[index][0] >= f.end:
            kept.append(f)
    return kept


def keep_scope(
    findings: Iterable[Finding], doc: Document, kinds: frozenset[str]
) -> list[Finding]:
    """Keep findings that start inside a block of one of ``kinds``."""
    kept: list[Finding] = []
    for f in findings:
        block = doc.block_at(f.start)
        if block is not None and block.kind in kinds:
            kept.append(f)
    return kept


#: Where one sentence ends and the next begins inside a match.
_SENTENCE_BREAK = later_regex(r"[.!?…][\"”’»)\]]*\s+(?=[\"“‘«(]?\p{Lu})|\n\s*\n")


def within_sentences(findings: Iterable[Finding]) -> list[Finding]:
    """``scope: sentence``: a finding may not run across a sentence break."""
    found = list(findings)
    if not found:
        return found
    return [f for f in found if _SENTENCE_BREAK.search(f.match) is None]


def directive_warnings(doc: Document, known: set[str]) -> Iterator[Finding]:
    """An unknown rule named in a directive is a warning, not silence."""
    for d in doc.directives:
        for name in d.rules:
            if name not in known and not name.startswith("copydesk."):
                yield doc.finding(
                    DIRECTIVE_RULE,
                    Severity.WARNING,
                    f"'copydesk: {d.action}' names unknown rule {name!r}",
                    d.start,
                    d.end,
                )


def _names(rule: str) -> tuple[str, str]:
    return rule, rule.split(".", 1)[0]


def suppress(findings: Sequence[Finding], doc: Document) -> list[Finding]:
    """Apply ``disable``/``enable``/``disable-next-line``/``ignore-file`` directives.

    One sweep over findings and directives in line order: the latest
    ``disable``/``enable`` that names a finding's rule or pack (or names no
    rule) decides, so the cost stays linear in findings plus directives.
    """
    if not doc.directives:
        return list(findings)
    ordered = sorted(doc.directives, key=lambda d: d.line)
    file_ignored = {r for d in ordered if d.action == "ignore-file" for r in d.rules}
    next_line: dict[int, list[Directive]] = {}
    for d in ordered:
        if d.action == "disable-next-line":
            next_line.setdefault(_next_line(d, doc), []).append(d)
    latest: dict[str | None, tuple[int, bool]] = {}
    kept: list[Finding] = []
    index = 0
    for f in sorted(findings, key=lambda item: item.line):
        while index < len(ordered) and ordered[index].line <= f.line:
            d = ordered[index]
            if d.action in ("disable", "enable"):
                for name in d.rules or (None,):
                    latest[name] = (index, d.action == "enable")
            index += 1
        names = _names(f.rule)
        if f.rule == DIRECTIVE_RULE:
            kept.append(f)
        elif file_ignored.intersection(names) or any(
            not d.rules or set(d.rules).intersection(names)
            for d in next_line.get(f.line, ())
        ):
            continue
        elif _enabled(latest, names):
            kept.append(f)
    return kept


def _enabled(
    latest: Mapping[str | None, tuple[int, bool]], names: tuple[str, str]
) -> bool:
    """The state set by the most recent directive that applies to ``names``."""
    decisive = max(
        (latest[name] for name in (None, *names) if name in latest),
        default=(-1, True),
    )
    return decisive[1]


def _next_line(d: Directive, doc: Document) -> int:
    """The line a ``disable-next-line`` covers: the next one with text on it.

    A reST comment must be followed by a blank line, so blank lines are skipped.
    """
    line = d.line + 1
    while line < doc.line_count and not doc.line_text(line).strip():
        line += 1
    return line


def one_per_span(
    findings: Iterable[Finding], rule_order: Sequence[str]
) -> list[Finding]:
    """Where rules flag the very same span, keep the worst, then the earliest rule."""
    rank: dict[str, int] = {}  # made at the first shared span: most files have none
    best: dict[tuple[int, int], Finding] = {}
    extras: list[Finding] = []
    for f in findings:
        if f.start == f.end:
            extras.append(f)
            continue
        key = (f.start, f.end)
        other = best.get(key)
        if other is None:
            best[key] = f
            continue
        if not rank:
            rank = {rule: i for i, rule in enumerate(rule_order)}
        if _beats(f, other, rank):
            best[key] = f
    return [*best.values(), *extras]


#: Blocks whose text a safe fix may not change on its own.
_UNSAFE_BLOCKS = frozenset({"heading", "blockquote"})


def unsafe_in_headings_and_quotes(
    findings: Sequence[Finding], doc: Document
) -> list[Finding]:
    """A safe fix inside a heading or a block quotation becomes unsafe.

    Markdown, reST and HTML tools derive anchors from heading text
    (``#install-from-the-offical-chart``); other pages link to them, so even
    a typo fix there can break a link the linter cannot see. A block
    quotation is someone else's words, kept as written: a 1993 email's
    "occured" is quoted, not mistyped.
    """

    def demoted(f: Finding) -> Finding:
        if f.fix is None or not f.fix.is_safe:
            return f
        block = doc.block_at(f.start)
        if block is None or block.kind not in _UNSAFE_BLOCKS:
            return f
        return f._replace(fix=Fix(f.fix.edits, Applicability.UNSAFE))

    return [demoted(f) for f in findings]


def keep_masks(findings: Sequence[Finding], doc: Document) -> list[Finding]:
    """A fix with an edit that would change a masked character is withdrawn.

    No fix, safe or unsafe, may change code, a URL, a tag or any other mask
    (see ``copydesk.masked_edits``), yet a check finds in the prose view and
    may fix in the source: an artifact line's removal takes the whole line,
    URL or ``<pre>`` opener included. The finding stays, as findings without
    a fix are reported (nothing applied, its suggestions kept), for a human
    to fix by hand; a fix is whole or nothing, so one bad edit withdraws it.
    """
    text, prose = doc.text, doc.prose
    if text == prose:  # nothing masked (most plain text)
        return list(findings)
    return [
        f._replace(fix=None)
        if f.fix is not None
        and any(changes_a_mask(text, prose, e) for e in f.fix.edits)
        else f
        for f in findings
    ]


def in_ascii_pages(findings: Sequence[Finding], doc: Document) -> list[Finding]:
    """An HTML page written wholly in ASCII gets its fixes' other characters
    as character references (``&rdquo;``, ``&#x2011;``), as it writes its
    own: such a page may declare ``charset=us-ascii``, where a raw ``”``
    is mojibake."""
    if doc.format != "html" or not doc.text.isascii():
        return list(findings)
    return [
        f._replace(fix=Fix(tuple(map(_referenced, f.fix.edits)), f.fix.applicability))
        if f.fix is not None and not all(e.replacement.isascii() for e in f.fix.edits)
        else f
        for f in findings
    ]


def in_the_pages_language(
    findings: Sequence[Finding], doc: Document, ruleset: Ruleset
) -> list[Finding]:
    """A rule written for some languages (``language: en``) says nothing
    on a sentence in another language of a page in that language: a German
    post of an English blog, run with the blog's configured English,
    doubles its relative pronouns ("die die Konferenz") and puts "an"
    before a noun as German does. Both must say so: the page (its
    declaration, or the function words of its start: ``doclang.
    PageLanguage``, which a page declared English never is) and the
    sentence (``word_guards.sentence_written_in``), so that the English
    sentence after a German quotation, a short English item and an
    English note on a French page are still read. Told of the document and
    the sentence, a page read in windows or re-linted a paragraph at a
    time is judged as one."""
    metas = ruleset.metas  # a dict made per call: once, not per finding
    wanted = {
        f.rule: tuple(meta.languages)
        for f in findings
        if (meta := metas.get(f.rule)) is not None and meta.languages
    }
    if not wanted:
        return list(findings)
    from copydesk.doclang import PageLanguage

    told = doc.get(PageLanguage)
    if told is None or told == langtag.primary(doc.language):
        return list(findings)
    return [
        f
        for f in findings
        if f.rule not in wanted
        or _language_wanted(wanted[f.rule], told)
        or not word_guards.sentence_written_in(doc, f.start, told)
    ]


def _language_wanted(wanted: Sequence[str], language: str) -> bool:
    primary = langtag.primary(language)
    return any(w.lower() in (language.lower(), primary) for w in wanted)


def _referenced(edit: Edit) -> Edit:
    from html.entities import codepoint2name

    def reference(ch: str) -> str:
        if ch.isascii():
            return ch
        name = codepoint2name.get(ord(ch))
        return f"&{name};" if name is not None else f"&#x{ord(ch):X};"

    return edit._replace(replacement="".join(map(reference, edit.replacement)))


def _beats(a: Finding, b: Finding, rank: Mapping[str, int]) -> bool:
    return (-a.severity, rank.get(a.rule, len(rank))) < (
        -b.severity,
        rank.get(b.rule, len(rank)),
    )


def override_severity(
    findings: Iterable[Finding], overrides: Mapping[str, Severity]
) -> Iterator[Finding]:
    """Apply configured levels (by rule id, then by pack)."""
    for f in findings:
        rule, pack = _names(f.rule)
        level = overrides.get(rule, overrides.get(pack))
        yield f if level is None else f._replace(severity=level)
