"""Vale rule files: parse, validate and compile them with Vale's semantics.

Every key Vale accepts is accepted, with Vale's loose typing (see
:mod:`copydesk.vale.rules.options`); a key Vale would reject is the same
one-line error. ``extends: sequence`` (part-of-speech patterns) and
``extends: script`` (Tengo programs) cannot run here: such a rule is left out
with a one-line warning naming it, and the run goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from copydesk.errors import RuleError
from copydesk.vale.model import Action
from copydesk.vale.regex import RegexError
from copydesk.vale.rules.base import Definition, Rule
from copydesk.vale.rules.capitalization import Capitalization
from copydesk.vale.rules.conditional import Conditional
from copydesk.vale.rules.consistency import Consistency
from copydesk.vale.rules.existence import Existence
from copydesk.vale.rules.metric import Metric, Readability
from copydesk.vale.rules.occurrence import Occurrence
from copydesk.vale.rules.options import RuleOptions, as_text
from copydesk.vale.rules.repetition import Repetition
from copydesk.vale.rules.spelling import Spelling
from copydesk.vale.rules.substitution import Substitution

__all__ = [
    "EXTENSION_POINTS",
    "REFUSED",
    "RefusedRuleError",
    "RuleContext",
    "build_rule",
    "parse_rule",
]

EXTENSION_POINTS = (
    "capitalization",
    "conditional",
    "consistency",
    "existence",
    "occurrence",
    "repetition",
    "substitution",
    "readability",
    "spelling",
    "sequence",
    "metric",
    "script",
)
#: Types Vale runs with machinery copydesk does not have.
REFUSED = {
    "sequence": "needs Vale's part-of-speech tagger",
    "script": "needs Vale's Tengo interpreter",
}
LEVELS = ("suggestion", "warning", "error")
ALLOWED_SCOPES = [
    "text",
    "heading",
    "heading.h1",
    "heading.h2",
    "heading.h3",
    "heading.h4",
    "heading.h5",
    "heading.h6",
    "table",
    "table.header",
    "table.cell",
    "table.caption",
    "figure.caption",
    "list",
    "paragraph",
    "sentence",
    "alt",
    "title",
    "blockquote",
    "summary",
    "raw",
]
INLINE_SCOPES = ("code", "link", "strong", "emphasis")

_COMMON = {
    "action",
    "description",
    "extends",
    "level",
    "limit",
    "link",
    "message",
    "name",
    "scope",
    "selector",
}
#: Keys each type accepts besides the common ones; None = any (Vale decodes
#: these types without rejecting unknown keys).
_KEYS: dict[str, set[str] | None] = {
    "existence": {
        "raw",
        "tokens",
        "exceptions",
        "append",
        "ignorecase",
        "nonword",
        "vocab",
    },
    "substitution": {
        "exceptions",
        "swap",
        "ignorecase",
        "nonword",
        "vocab",
        "capitalize",
        "pos",
    },
    "occurrence": {"token", "max", "min", "ignorecase"},
    "repetition": {"tokens", "max", "ignorecase", "alpha", "vocab", "exceptions"},
    "consistency": None,
    "conditional": {"exceptions", "first", "second", "ignorecase", "vocab"},
    "capitalization": {
        "match",
        "check",
        "style",
        "exceptions",
        "indicators",
        "threshold",
        "vocab",
        "prefix",
    },
    "metric": {"formula", "condition"},
    "readability": {"metrics", "grade"},
    "spelling": None,
    "sequence": {"tokens", "ignorecase"},
    "script": {"script"},
}
_BUILDERS: dict[str, Callable[[Definition, RuleOptions], Rule]] = {
    "existence": Existence.build,
    "substitution": Substitution.build,
    "occurrence": Occurrence.build,
    "repetition": Repetition.build,
    "consistency": Consistency.build,
    "conditional": Conditional.build,
    "capitalization": Capitalization.build,
    "metric": Metric.build,
    "readability": Readability.build,
    "spelling": Spelling.build,
}


class RefusedRuleError(Exception):
    """A valid rule of a type copydesk cannot run (sequence, script)."""

    def __init__(self, name: str, extends: str) -> None:
        super().__init__(
            f"{name}: 'extends: {extends}' {REFUSED[extends]}; rule skipped"
        )
        self.name = name


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What the config lends to every rule it compiles."""

    accepted: Sequence[str] = ()
    word_template: str = ""
    levels: Mapping[str, str] | None = None
    styles_paths: Sequence[Path] = ()


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _RuleLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML as Vale's yaml.v2 reads it into plain values: dates stay strings
    (libyaml's parser when PyYAML has it: a style has hundreds of files)."""


_RuleLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
#: yaml.v2 accepts ``\'`` in a double-quoted scalar; PyYAML does not.
_ESCAPED_QUOTE = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_RuleLoader)
    except yaml.YAMLError:
        if "\\'" not in text:
            raise
        fixed = _ESCAPED_QUOTE.sub(lambda m: m.group(0).replace("\\'", "'"), text)
        return yaml.load(fixed, Loader=_RuleLoader)


def parse_rule(raw: bytes, path: str) -> dict[str, Any]:
    """Read a rule file's YAML mapping and check the keys Vale requires."""
    try:
        data = _load_yaml(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise RuleError(path, "not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(path, f"{where}{problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RuleError(path, "a rule file must be a YAML mapping")
    extends = data.get("extends")
    if extends is None:
        raise RuleError(path, "Missing the required 'extends' key.")
    if not isinstance(extends, str) or extends not in EXTENSION_POINTS:
        raise RuleError(path, f"'extends' key must be one of {list(EXTENSION_POINTS)}.")
    if "message" not in data:
        raise RuleError(path, "Missing the required 'message' key.")
    if "level" in data and data["level"] not in LEVELS:
        raise RuleError(path, f"'level' must be one of {list(LEVELS)}")
    if data.get("code") is True:
        raise RuleError(path, "`code` is deprecated; please use `scope: raw` instead.")
    return data


def _lowered(data: Mapping[str, Any], path: str, extends: str) -> dict[str, Any]:
    allowed = _KEYS[extends]
    values: dict[str, Any] = {}
    unknown = []
    for key, value in data.items():
        name = str(key).lower()
        if allowed is not None and name not in _COMMON and name not in allowed:
            unknown.append(str(key))
        values[name] = value
    if unknown:
        raise RuleError(
            path, "has invalid keys: " + ", ".join(repr(k) for k in unknown)
        )
    return values


def _action(options: RuleOptions) -> Action:
    value = options.values.get("action")
    if value is None:
        return Action()
    if not isinstance(value, Mapping):
        raise RuleError(
            options.path, "'action' expected a map with 'name' and 'params'"
        )
    lowered = {str(k).lower(): v for k, v in value.items()}
    params = lowered.get("params") or []
    if not isinstance(params, list):
        params = [params]
    try:
        return Action(as_text(lowered.get("name")), tuple(as_text(p) for p in params))
    except TypeError:
        raise RuleError(
            options.path, "'action.params' expected a list of strings"
        ) from None


def _check_scopes(scopes: Sequence[str], path: str) -> None:
    for scope in scopes:
        if "&" in scope:
            continue
        base = scope.removeprefix("~").split(".")[0]
        if base in INLINE_SCOPES:
            raise RuleError(
                path, f"scope '{base}' is no longer supported; use 'raw' instead."
            )
        if base not in ALLOWED_SCOPES:
            raise RuleError(
                path, f"'{base}' is not a valid scope; must be one of {ALLOWED_SCOPES}"
            )


def build_rule(
    name: str, data: Mapping[str, Any], path: str, context: RuleContext
) -> Rule:
    """Compile one parsed rule (raises RuleError, or RefusedRuleError for the types
    copydesk does not run)."""
    extends = str(data["extends"])
    values = _lowered(data, path, extends)
    options = RuleOptions(
        path, values, context.accepted, context.word_template, context.styles_paths
    )
    level = (context.levels or {}).get(name) or options.string("level") or "warning"
    scope = options.strings("scope") or ["text"]
    if extends in REFUSED:
        raise RefusedRuleError(name, extends)
    if extends not in ("metric", "readability", "spelling"):
        _check_scopes(scope, path)
    definition = Definition(
        name=name,
        extends=extends,
        level=level,
        message=options.string("message"),
        path=path,
        description=options.string("description"),
        link=options.string("link"),
        limit=options.integer("limit"),
        scope=scope,
        action=_action(options),
    )
    try:
        return _BUILDERS[extends](definition, options)
    except (RegexError, RecursionError, OverflowError) as exc:
        # a pattern compiled outside ``RuleOptions.compile`` (a rule's
        # exceptions, joined into one): the same one-line error
        raise RuleError(path, f"invalid pattern: {exc}") from None
