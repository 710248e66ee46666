"""Rule files → validated, compiled checks: the ruleset of one run.

``rulefiles`` finds the files and reads their data; here each selected rule
is validated (a bad one raises RuleError naming the file and key), compiled
by its check type, and linked with the others of its type. The catalogue
reuses the validation without compiling.
"""

import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from copydesk import patterns, re2_superset, ruleset_snapshot
from copydesk.checks import CHECK_TYPES, load_check_type
from copydesk.checks.base import COMMON_KEYS, Check, CheckType, LoadContext
from copydesk.cspell_config import NO_WORDS, ProjectWords
from copydesk.document import DOCUMENT_KINDS
from copydesk.errors import RuleError
from copydesk.model import Examples, RuleMeta, Severity
from copydesk.rulefiles import (
    RuleFile,
    ShippedPacks,
    discover_rule_files,
    load_index,
    load_supersets,
    read_bytes,
    read_rule,
    shipped_rules_dir,
)
from copydesk.schema import read_keys

#: Where a rule applies: everywhere, or in blocks of one kind, or within sentences.
SCOPES = (
    "text",
    "paragraph",
    "sentence",
    "heading",
    "list",
    "table",
    "blockquote",
    "alt",
)


class Ruleset:
    """The compiled checks of one run, in a stable order, and their identity hash."""

    __slots__ = (
        "_digest",
        "accept",
        "checks",
        "every_meta",
        "exceptions",
        "file_timeout",
        "kinds",
        "spelling",
        "stopped",
    )

    checks: list[Check]
    #: The digest, or the bytes it is the SHA-256 of until first asked.
    _digest: str | tuple[bytes, ...]
    #: The ``exceptions`` matcher of each rule that has them, by rule id
    #: (a shipped rule's compiled when a finding of it is first filtered).
    exceptions: dict[str, patterns.OnFirstUse]
    #: Accepted vocabulary: findings on these terms are dropped.
    accept: "patterns.Pattern | None"
    #: Words the project's spell-checker accepts, case-folded: findings of
    #: spelling rules (``SPELLING``) on them are dropped.
    spelling: ProjectWords
    #: Rules that ran out of time in this process and are no longer run.
    stopped: set[str]
    #: Seconds one file may take: past it, the rules not run yet are skipped
    #: and ``copydesk.file-timeout`` reported (``file-timeout``); 0: no limit.
    file_timeout: float
    #: The document kinds the checks cover (``load_ruleset``'s ``kinds``):
    #: None for every kind.
    kinds: frozenset[str] | None
    #: Every rule that runs, compiled or left out for other kinds, in rule
    #: order; None when that is the checks' (nothing left out).
    every_meta: dict[str, RuleMeta] | None

    def __init__(
        self,
        checks: list[Check] | None = None,
        digest: str | tuple[bytes, ...] = "",
        exceptions: dict[str, patterns.OnFirstUse] | None = None,
        accept: "patterns.Pattern | None" = None,
        stopped: set[str] | None = None,
        file_timeout: float = 0.0,
        kinds: frozenset[str] | None = None,
        every_meta: dict[str, RuleMeta] | None = None,
        spelling: ProjectWords = NO_WORDS,
    ) -> None:
        self.checks = [] if checks is None else checks
        self.spelling = spelling
        self._digest = digest
        self.exceptions = {} if exceptions is None else exceptions
        self.accept = accept
        self.stopped = set() if stopped is None else stopped
        self.file_timeout = file_timeout
        self.kinds = kinds
        self.every_meta = every_meta

    def with_checks(self, checks: list[Check]) -> "Ruleset":
        """This ruleset running ``checks`` instead (the rest shared)."""
        return Ruleset(
            checks,
            self._digest,
            self.exceptions,
            self.accept,
            self.stopped,
            self.file_timeout,
            self.kinds,
            self.every_meta,
            self.spelling,
        )

    @property
    def digest(self) -> str:
        """The ruleset's identity: the SHA-256 of its rule files' ids and
        bytes, options and vocabulary (the editor re-lint keys its reused
        findings by it). Worked out when first asked, from the bytes
        ``load_ruleset`` kept: a check from the command line never asks, and
        importing hashlib loads OpenSSL, 2 ms of a one-file run."""
        if not isinstance(self._digest, str):
            import hashlib

            self._digest = hashlib.sha256(b"".join(self._digest)).hexdigest()
        return self._digest

    @property
    def metas(self) -> dict[str, RuleMeta]:
        """Every rule's metadata (reporters, directives), also of a rule
        left out because no document of the run is of its kinds."""
        if self.every_meta is not None:
            return dict(self.every_meta)
        return {c.meta.id: c.meta for c in self.checks}

    def covers(self, kinds: frozenset[str] | None) -> bool:
        """Whether the checks serve documents of ``kinds`` (None: any)."""
        if self.kinds is None:
            return True
        return kinds is not None and kinds <= self.kinds

    @property
    def packs(self) -> set[str]:
        return {c.meta.pack for c in self.checks}


def _named(rule_id: str, select: Sequence[str]) -> bool:
    """An opt-in rule runs only when its id or pack is selected by name."""
    return rule_id in select or rule_id.split(".", 1)[0] in select


def selected(rule_id: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Whether a rule survives ``--select``/``--ignore`` (ids or pack names)."""
    pack = rule_id.split(".", 1)[0]
    chosen = list(select)
    if chosen and rule_id not in chosen and pack not in chosen:
        return False
    return not any(x in (rule_id, pack) for x in ignore)


def runs(
    rule_id: str, enabled: bool, select: Sequence[str], ignore: Sequence[str]
) -> bool:
    """Whether a rule runs: selected, and on by default or selected by name."""
    return selected(rule_id, select, ignore) and (enabled or _named(rule_id, select))


def check_names(
    files: Sequence[RuleFile],
    select: Sequence[str],
    ignore: Sequence[str],
    rule_options: Iterable[str],
    source: str = "",
) -> None:
    """Refuse a rule or pack in ``select``/``ignore`` or ``rule_options``
    (configuration read from ``source``) that no rule file defines."""
    known = {f.rule_id for f in files} | {f.pack for f in files}
    known |= {REJECT_RULE, REJECT_RULE.split(".", 1)[0]}
    for name in [*select, *ignore]:
        if name not in known:
            raise RuleError("", f"unknown rule or pack {name!r} in --select/--ignore")
    for rule_id in rule_options:
        if rule_id not in known:
            raise RuleError(source, f"key 'rules.{rule_id}': unknown rule")


def load_ruleset(
    extra_dirs: Sequence[Path] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    *,
    include_shipped: bool = True,
    rule_options: Mapping[str, Mapping[str, Any]] | None = None,
    vocab: "Vocab | None" = None,
    kinds: frozenset[str] | None = None,
    spelling: ProjectWords = NO_WORDS,
) -> Ruleset:
    """Load, validate and compile every selected rule.

    ``rule_options`` overrides keys of named rules (from configuration);
    ``vocab`` adds accepted terms (findings on them are dropped) and
    rejected terms (each use is a finding of ``vocab.Reject``); ``spelling``
    the words a project's spell-checker accepts (``copydesk.cspell_config``),
    which spelling rules do not report. ``kinds``:
    the document kinds the ruleset will lint, when the caller knows them; a
    shipped rule for other kinds only (the draft-only ``artifacts`` rules
    for a Markdown page) is then not compiled, nor its type imported, and
    only its metadata kept (the test suite compiles every shipped rule; a
    user's rule, or one with options, is always compiled, so its errors are
    reported at load).
    """
    if include_shipped:
        _remember_shipped_supersets()
    dirs = ([shipped_rules_dir()] if include_shipped else []) + list(extra_dirs)
    files = discover_rule_files(dirs)
    options = dict(rule_options or {})
    check_names(files, select, ignore, options, vocab.source if vocab else "")
    raws, identity = _read_rule_files(files)
    as_shipped = (
        include_shipped
        and not extra_dirs
        and not select
        and not ignore
        and not options
        and not (vocab is not None and vocab.reject)
    )
    snapshot = ruleset_snapshot.read(identity, kinds) if as_shipped else None
    if snapshot is not None:
        checks = list(snapshot.checks)
        every_meta = dict(snapshot.every_meta)
        left_out = snapshot.left_out
        exceptions = dict(snapshot.exceptions)
    else:
        checks, every_meta, left_out = _compiled(
            files, raws, identity, select, ignore, options, kinds, include_shipped
        )
        exceptions = compile_exceptions(checks)
    accept: patterns.Pattern | None = None
    if vocab is not None:
        identity.append(repr((vocab.accept, vocab.reject)).encode())
        if vocab.reject and selected(REJECT_RULE, select, ignore):
            checks.append(_reject_check(vocab, ShippedPacks()))
            every_meta[REJECT_RULE] = checks[-1].meta
        if vocab.accept:
            accept = patterns.token_matcher(
                vocab.accept, vocab.source, "vocab.accept", ignorecase=True
            )
    if spelling:
        identity.append(repr(spelling).encode())
    if snapshot is None:
        link_checks(checks)  # a snapshot's checks were linked when it was made
    return Ruleset(
        checks,
        tuple(identity),
        exceptions,
        accept,
        kinds=kinds if left_out else None,
        every_meta=every_meta if left_out else None,
        spelling=spelling,
    )


def _read_rule_files(files: Sequence[RuleFile]) -> tuple[list[bytes], list[bytes]]:
    """Each rule file's bytes, and what ``Ruleset.digest`` hashes of them:
    every file's id and bytes (the options, vocabulary and project words
    are added after)."""
    raws = [read_bytes(rule) for rule in files]
    identity = [
        rule.rule_id.encode() + b"\0" + raw + b"\0"
        for rule, raw in zip(files, raws, strict=True)
    ]
    return raws, identity


def _compiled(
    files: Sequence[RuleFile],
    raws: Sequence[bytes],
    identity: list[bytes],
    select: Sequence[str],
    ignore: Sequence[str],
    options: Mapping[str, Mapping[str, Any]],
    kinds: frozenset[str] | None,
    include_shipped: bool,
) -> tuple[list[Check], dict[str, RuleMeta], bool]:
    """Each selected rule file validated and compiled (see ``load_ruleset``):
    the checks, every rule's metadata, and whether a rule was left out for
    other kinds. A rule's options join ``identity``."""
    checks: list[Check] = []
    every_meta: dict[str, RuleMeta] = {}
    left_out = False
    index = load_index(shipped_rules_dir()) if include_shipped else {}
    context = ShippedPacks(index=index or None)
    for rule, raw in zip(files, raws, strict=True):
        if not selected(rule.rule_id, select, ignore):
            continue
        data = read_rule(rule, raw, index)
        if rule.rule_id in options:
            identity.append(repr(sorted(options[rule.rule_id].items())).encode())
            data = {**data, **options[rule.rule_id]}
        trusted = rule.shipped and rule.rule_id not in options
        named = _named(rule.rule_id, select)
        if trusted and data.get("enabled", True) is False and not named:
            continue  # off by default, and the test suite compiles it
        if trusted and _for_other_kinds(data, kinds):
            meta = build_meta(rule.rule_id, data, rule.display)._replace(shipped=True)
            if runs(rule.rule_id, meta.enabled, select, ignore):
                every_meta[rule.rule_id] = meta
                left_out = True
            continue
        check = compile_rule(
            rule.rule_id, data, rule.display, shipped=trusted, context=context
        )
        if runs(rule.rule_id, check.meta.enabled, select, ignore):
            checks.append(check)
            every_meta[rule.rule_id] = check.meta
    return checks, every_meta, left_out


def compile_shipped(
    kinds: frozenset[str] | None,
) -> tuple[ruleset_snapshot.Compiled, list[bytes]]:
    """The shipped packs compiled as ``load_ruleset`` compiles them for a
    run of the defaults (linked, their exceptions' matchers made), and the
    identity they were compiled from: what ``ruleset_snapshot`` keeps."""
    _remember_shipped_supersets()
    files = discover_rule_files([shipped_rules_dir()])
    raws, identity = _read_rule_files(files)
    checks, every_meta, left_out = _compiled(
        files, raws, list(identity), (), (), {}, kinds, True
    )
    exceptions = compile_exceptions(checks)
    link_checks(checks)
    # Every load listed so far (its checks' among them; the snapshot is
    # made in a fresh process, where they are all there are).
    listed = tuple(patterns.FORK_LOADS)
    compiled = ruleset_snapshot.Compiled(
        checks, exceptions, every_meta, left_out, listed
    )
    return compiled, identity


def _for_other_kinds(data: Mapping[str, Any], kinds: frozenset[str] | None) -> bool:
    """Whether a rule's ``kinds`` list leaves out every kind in ``kinds``."""
    if kinds is None:
        return False
    own = data.get("kinds")
    return isinstance(own, (list, tuple)) and bool(own) and kinds.isdisjoint(own)


@functools.cache
def _remember_shipped_supersets() -> None:
    """The shipped rules' RE2 supersets, read once per process (a pattern
    not among them, such as a user rule's, is worked out when asked)."""
    re2_superset.remember(load_supersets(shipped_rules_dir()))


class Vocab(NamedTuple):
    """A project's accepted and rejected terms (from configuration).

    A named tuple: cheaper to create at start-up than a dataclass (see
    ``model.Edit``).
    """

    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    source: str = ""


REJECT_RULE = "vocab.Reject"


def _reject_check(vocab: Vocab, context: LoadContext) -> Check:
    """Rejected terms become an error-level existence rule."""
    data = {
        "extends": "existence",
        "message": "'%s' is on the project's list of rejected terms.",
        "level": "error",
        "ignorecase": True,
        "description": "Terms the project's configuration rejects (vocab.reject).",
        "tokens": list(vocab.reject),
    }
    return compile_rule(REJECT_RULE, data, vocab.source or "vocab", context=context)


def link_checks(checks: Sequence[Check]) -> None:
    """Let the checks of one type share passes over a document.

    Each type's ``link`` hook receives, once they are compiled, the ruleset's
    checks of that type that run on the same documents: the same document
    kinds and languages (``existence`` joins its line and sentence rules into
    one scan; the other types share nothing). A shared pass is compiled for
    all its checks at once, so checks that never run together share none: on
    a Markdown page (kind ``docs``) the scan of the draft-only ``artifacts``
    rules, nine tenths of the RE2 program, is never compiled.
    """
    groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[Check]] = {}
    for check in checks:
        meta = check.meta
        key = (meta.extends, tuple(sorted(meta.kinds)), tuple(sorted(meta.languages)))
        groups.setdefault(key, []).append(check)
    for (extends, _, _), own in groups.items():
        load_check_type(extends).link(own)


def compile_exceptions(checks: Sequence[Check]) -> dict[str, patterns.OnFirstUse]:
    """One matcher per rule for its ``exceptions`` list (engine-side filter).

    It only filters a rule's findings, and most files give a rule none: a
    shipped rule's matcher is compiled when the engine first has findings of
    it to filter (style.Repetition's took 0.6 ms of every one-file start),
    a user's rule's at once, so a bad token is reported at load.
    """
    return {
        c.meta.id: (patterns.OnFirstUse if c.meta.shipped else patterns.OnFirstUse.now)(
            functools.partial(
                patterns.token_matcher,
                c.meta.exceptions,
                c.meta.source,
                "exceptions",
                ignorecase=c.meta.ignorecase,
            )
        )
        for c in checks
        if c.meta.exceptions
    }


def compile_rule(
    rule_id: str,
    data: Mapping[str, Any],
    display: str,
    *,
    shipped: bool = False,
    context: LoadContext | None = None,
) -> Check:
    """Validate a parsed rule file and build its Check.

    ``context`` lends the shipped packs to types that read them; a load
    shares one, so the house list is read once.
    """
    check_type = rule_type(data, display)
    meta = build_meta(rule_id, data, display, check_type.IGNORECASE)._replace(
        shipped=shipped
    )
    own = {k: v for k, v in data.items() if k not in COMMON_KEYS}
    return check_type.from_yaml(meta, own, context or ShippedPacks())


def rule_type(data: Mapping[str, Any], display: str) -> CheckType:
    """The check type a rule file extends, once every key of the file is valid."""
    extends = data.get("extends")
    if extends is None:
        raise RuleError(display, "key 'extends': missing required key")
    if not isinstance(extends, str) or extends not in CHECK_TYPES:
        choices = ", ".join(sorted(CHECK_TYPES))
        raise RuleError(
            display, f"key 'extends': unknown rule type {extends!r} (choose {choices})"
        )
    check_type = load_check_type(extends)
    read_keys(data, {**COMMON_KEYS, **check_type.KEYS}, display)
    return check_type


def build_meta(
    rule_id: str, data: Mapping[str, Any], display: str, ignorecase: bool = False
) -> RuleMeta:
    """The common part of a rule file, validated; ``ignorecase`` is the
    rule's when its file does not say (its type's ``IGNORECASE``)."""
    try:
        level = Severity.parse(str(data.get("level", "warning")))
    except ValueError as exc:
        raise RuleError(display, f"key 'level': {exc}") from None
    scope = str(data.get("scope", "text"))
    if scope not in SCOPES:
        raise RuleError(display, f"key 'scope': expected one of {', '.join(SCOPES)}")
    languages = data.get("language", ())
    if isinstance(languages, str):
        languages = (languages,)
    kinds = tuple(data.get("kinds", ()))
    for kind in kinds:
        if kind not in DOCUMENT_KINDS:
            raise RuleError(
                display,
                f"key 'kinds': unknown document kind {kind!r} "
                f"(choose {', '.join(DOCUMENT_KINDS)})",
            )
    return RuleMeta(
        id=rule_id,
        extends=str(data["extends"]),
        source=display,
        message=str(data.get("message", "")),
        level=level,
        link=str(data.get("link", "")),
        description=str(data.get("description", "")),
        ignorecase=bool(data.get("ignorecase", ignorecase)),
        exceptions=tuple(data.get("exceptions", ())),
        scope=scope,
        languages=tuple(str(x) for x in languages),
        kinds=kinds,
        examples=_examples(data.get("examples"), display),
        enabled=bool(data.get("enabled", True)),
        furniture=_furniture(data.get("furniture", False), display),
    )


def _furniture(value: object, display: str) -> str:
    """The ``furniture`` key as RuleMeta keeps it: "lines", "fallback",
    "beside" or ""."""
    if value is True:
        return "lines"
    if value is False:
        return ""
    if value in ("fallback", "beside"):
        return str(value)
    raise RuleError(
        display, "key 'furniture': expected true, false, fallback or beside"
    )


def _examples(value: Any, display: str) -> Examples:
    if value is None:
        return Examples()
    if not isinstance(value, dict):
        raise RuleError(
            display, "key 'examples': expected a mapping with 'bad' and 'good'"
        )
    for key, items in value.items():
        if key not in ("bad", "good"):
            raise RuleError(
                display, f"key 'examples.{key}': unknown key (use bad, good)"
            )
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise RuleError(
                display, f"key 'examples.{key}': expected a list of strings"
            )
    return Examples(tuple(value.get("bad", ())), tuple(value.get("good", ())))
