"""Rule packs on disk → validated, compiled checks.

``rules/<pack>/<Name>.yml`` becomes rule ``<pack>.<Name>``. Every file is
validated when loaded; a bad one raises RuleError naming the file and key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from copydesk import patterns, rule_index
from copydesk.checks import CHECK_TYPES, load_check_type
from copydesk.checks.base import COMMON_KEYS, Check, Examples, RuleMeta
from copydesk.document import DOCUMENT_KINDS
from copydesk.errors import RuleError
from copydesk.model import Severity
from copydesk.schema import read_keys

#: Shipped packs in the order their findings win ties on the same span.
DEFAULT_PACKS = ("names", "typos", "quotes", "artifacts", "variants")
RULE_SUFFIXES = (".yml", ".yaml")
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
#: A rule file larger than this is refused (guards against YAML bombs and accidents).
MAX_RULE_BYTES = 4 * 1024 * 1024


def shipped_rules_dir() -> Path:
    """The packs installed with copydesk (package data, or the source checkout)."""
    packaged = Path(__file__).resolve().parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


@dataclass(frozen=True, slots=True)
class RuleFile:
    """A rule file found on disk, not yet parsed."""

    rule_id: str
    path: Path
    display: str
    shipped: bool = False


@dataclass(slots=True)
class Ruleset:
    """The compiled checks of one run, in a stable order, and their identity hash."""

    checks: list[Check] = field(default_factory=list)
    digest: str = ""
    #: Compiled ``exceptions`` of each rule that has them, by rule id.
    exceptions: dict[str, patterns.Pattern] = field(default_factory=dict)
    #: Accepted vocabulary: findings on these terms are dropped.
    accept: patterns.Pattern | None = None
    #: Rules that ran out of time in this process and are no longer run.
    stopped: set[str] = field(default_factory=set)

    @property
    def metas(self) -> dict[str, RuleMeta]:
        return {c.meta.id: c.meta for c in self.checks}

    @property
    def packs(self) -> set[str]:
        return {c.meta.pack for c in self.checks}


def _loader() -> Any:
    """libyaml's loader when available (10x faster than the pure-Python one).

    PyYAML is imported only when a rule file is not in the shipped index.
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str, display: str) -> None:
    """Anchors and aliases are refused, so a YAML bomb cannot expand."""
    if "*" not in text:
        return
    import yaml

    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else 0
            raise RuleError(
                display, f"invalid YAML (line {line}): aliases are not allowed"
            )


def discover_rule_files(dirs: Sequence[Path]) -> list[RuleFile]:
    """Rule files under each directory: a dir of packs, or a single pack dir.

    A later directory's rule replaces an earlier one with the same id, so a
    user pack can override a shipped rule by name.
    """
    shipped = shipped_rules_dir()
    found: dict[str, RuleFile] = {}
    for root in dirs:
        if not root.is_dir():
            raise RuleError(str(root), "rules directory not found")
        direct = sorted(p for p in root.iterdir() if p.suffix in RULE_SUFFIXES)
        if direct:
            packs = [(root.name, direct)]
        else:
            packs = [
                (d.name, sorted(p for p in d.iterdir() if p.suffix in RULE_SUFFIXES))
                for d in sorted(root.iterdir())
                if d.is_dir() and not d.name.startswith(".")
            ]
        base = root.parent if root == shipped else Path.cwd()
        for pack, files in packs:
            for path in files:
                rule_id = f"{pack}.{path.stem}"
                found[rule_id] = RuleFile(
                    rule_id, path, _display(path, base), shipped=root == shipped
                )
    return sorted(found.values(), key=_pack_order)


def _pack_order(rule: RuleFile) -> tuple[int, str]:
    pack = rule.rule_id.split(".", 1)[0]
    rank = DEFAULT_PACKS.index(pack) if pack in DEFAULT_PACKS else len(DEFAULT_PACKS)
    return rank, rule.rule_id


def _display(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


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


def load_ruleset(
    extra_dirs: Sequence[Path] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    *,
    include_shipped: bool = True,
    rule_options: Mapping[str, Mapping[str, Any]] | None = None,
    vocab: Vocab | None = None,
) -> Ruleset:
    """Load, validate and compile every selected rule.

    ``rule_options`` overrides keys of named rules (from configuration);
    ``vocab`` adds accepted terms (findings on them are dropped) and
    rejected terms (each use is a finding of ``vocab.Reject``).
    """
    dirs = ([shipped_rules_dir()] if include_shipped else []) + list(extra_dirs)
    files = discover_rule_files(dirs)
    known = {f.rule_id for f in files} | {f.rule_id.split(".", 1)[0] for f in files}
    known |= {REJECT_RULE, REJECT_RULE.split(".", 1)[0]}
    for name in [*select, *ignore]:
        if name not in known:
            raise RuleError("", f"unknown rule or pack {name!r} in --select/--ignore")
    options = dict(rule_options or {})
    for rule_id in options:
        if rule_id not in known:
            raise RuleError(
                vocab.source if vocab else "", f"key 'rules.{rule_id}': unknown rule"
            )
    digest = hashlib.sha256()
    checks: list[Check] = []
    index = rule_index.load(shipped_rules_dir()) if include_shipped else {}
    for rule in files:
        raw = _read_bytes(rule)
        digest.update(rule.rule_id.encode() + b"\0" + raw + b"\0")
        if selected(rule.rule_id, select, ignore):
            data = read_rule(rule, raw, index)
            if rule.rule_id in options:
                digest.update(repr(sorted(options[rule.rule_id].items())).encode())
                data = {**data, **options[rule.rule_id]}
            trusted = rule.shipped and rule.rule_id not in options
            named = _named(rule.rule_id, select)
            if trusted and data.get("enabled", True) is False and not named:
                continue  # off by default, and the test suite compiles it
            check = compile_rule(rule.rule_id, data, rule.display, shipped=trusted)
            if check.meta.enabled or named:
                checks.append(check)
    exceptions = compile_exceptions(checks)
    accept: patterns.Pattern | None = None
    if vocab is not None:
        digest.update(repr((vocab.accept, vocab.reject)).encode())
        if vocab.reject and selected(REJECT_RULE, select, ignore):
            checks.append(_reject_check(vocab))
        if vocab.accept:
            accept = patterns.token_matcher(
                vocab.accept, vocab.source, "vocab.accept", ignorecase=True
            )
    link_checks(checks)
    return Ruleset(checks, digest.hexdigest(), exceptions, accept)


@dataclass(frozen=True, slots=True)
class Vocab:
    """A project's accepted and rejected terms (from configuration)."""

    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    source: str = ""


REJECT_RULE = "vocab.Reject"


def _reject_check(vocab: Vocab) -> Check:
    """Rejected terms become an error-level existence rule."""
    data = {
        "extends": "existence",
        "message": "'%s' is on the project's list of rejected terms.",
        "level": "error",
        "ignorecase": True,
        "description": "Terms the project's configuration rejects (vocab.reject).",
        "tokens": list(vocab.reject),
    }
    return compile_rule(REJECT_RULE, data, vocab.source or "vocab")


def link_checks(checks: Sequence[Check]) -> None:
    """Let the checks of one type share passes over a document.

    Each type's ``link`` hook receives all of the ruleset's checks of that
    type once they are compiled (``existence`` joins its line and sentence
    rules into one scan; the other types share nothing).
    """
    for extends in dict.fromkeys(c.meta.extends for c in checks):
        own = [c for c in checks if c.meta.extends == extends]
        load_check_type(extends).link(own)


def compile_exceptions(checks: Sequence[Check]) -> dict[str, patterns.Pattern]:
    """One matcher per rule for its ``exceptions`` list (engine-side filter)."""
    return {
        c.meta.id: patterns.token_matcher(
            c.meta.exceptions, c.meta.source, "exceptions", ignorecase=c.meta.ignorecase
        )
        for c in checks
        if c.meta.exceptions
    }


def _read_bytes(rule: RuleFile) -> bytes:
    try:
        raw = rule.path.read_bytes()
    except OSError as exc:
        raise RuleError(rule.display, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_RULE_BYTES:
        raise RuleError(rule.display, f"rule file larger than {MAX_RULE_BYTES} bytes")
    return raw


def read_rule(rule: RuleFile, raw: bytes, index: dict[str, Any]) -> dict[str, Any]:
    """A rule file's data: from the shipped index while its bytes are unchanged."""
    if rule.shipped:
        relative = f"{rule.path.parent.name}/{rule.path.name}"
        found = rule_index.parsed(index, relative, raw)
        if found is not None:
            return found
    return parse_rule_text(raw, rule.display)


def parse_rule_text(raw: bytes, display: str) -> dict[str, Any]:
    """YAML bytes → mapping, with one-line errors for every way it can go wrong."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(display, f"not valid UTF-8 (byte {exc.start})") from None
    import yaml

    try:
        _refuse_aliases(text, display)
        data = yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(display, f"invalid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise RuleError(display, "a rule file must be a mapping of keys to values")
    for key in data:
        if not isinstance(key, str):
            raise RuleError(display, f"key {key!r}: keys must be strings")
    return data


def compile_rule(
    rule_id: str, data: Mapping[str, Any], display: str, *, shipped: bool = False
) -> Check:
    """Validate a parsed rule file and build its Check."""
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
    meta = replace(build_meta(rule_id, data, display), shipped=shipped)
    own = {k: v for k, v in data.items() if k not in COMMON_KEYS}
    return check_type.from_yaml(meta, own)


def build_meta(rule_id: str, data: Mapping[str, Any], display: str) -> RuleMeta:
    """The common part of a rule file, validated."""
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
        ignorecase=bool(data.get("ignorecase", False)),
        exceptions=tuple(data.get("exceptions", ())),
        scope=scope,
        languages=tuple(str(x) for x in languages),
        kinds=kinds,
        examples=_examples(data.get("examples"), display),
        enabled=bool(data.get("enabled", True)),
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
