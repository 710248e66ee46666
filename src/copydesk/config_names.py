"""Every rule, pack and rule key a configuration names must exist.

A rule id mistyped in ``[tool.copydesk.severity]`` or ``per-file-ignores``
used to change nothing, silently; one mistyped in ``select`` was blamed on
"--select", and a bad key or value under ``rules."id"`` on the shipped rule
file. Here each name is checked against the rule files that will be loaded
(only a rule the config changes is compiled, once), and a miss is reported
against what the user wrote: the config file and the key in full, or the
override, with the closest known name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from copydesk.checks.base import COMMON_KEYS
from copydesk.config import LEVELS, Config, ConfigError
from copydesk.errors import CopydeskError, RuleError
from copydesk.lazy_patterns import later_re
from copydesk.rulefiles import (
    RuleFile,
    ShippedPacks,
    discover_rule_files,
    load_index,
    read_bytes,
    read_rule,
    shipped_rules_dir,
)
from copydesk.ruleset import REJECT_RULE, compile_rule, rule_type
from copydesk.schema import check_type
from copydesk.suggest import hint

#: How the CLI spells each ``Overrides`` field that names rules; other
#: callers read the same words.
OVERRIDE_FLAGS = {"select": "--select", "ignore": "--ignore"}


def rule_files(rule_dirs: Sequence[str]) -> list[RuleFile]:
    """The rule files a plan with these extra directories loads."""
    return discover_rule_files([shipped_rules_dir(), *(Path(d) for d in rule_dirs)])


def check_config_names(config: Config, files: Sequence[RuleFile]) -> None:
    """Raise ConfigError at the first rule or pack ``config`` names that no
    rule file defines, or a bad key or value under ``rules."id"``."""
    rules = {f.rule_id: f for f in files}
    names = _known(files)
    for key, listed in (
        ("packs", config.packs),
        ("select", config.select),
        ("ignore", config.ignore),
    ):
        for name in listed:
            _require(name, names, config, (key,), f"unknown rule or pack {name!r}")
    for name, _ in config.severity:
        _require(name, names, config, ("severity", name), "unknown rule or pack")
    for glob, listed in config.per_file_ignores:
        for name in listed:
            where = ("per-file-ignores", glob)
            _require(name, names, config, where, f"unknown rule or pack {name!r}")
    for rule_id, options in config.rule_options:
        _require(rule_id, rules, config, ("rules", rule_id), "unknown rule")
        _check_rule_options(config, rules[rule_id], json.loads(options))


def check_override_names(
    overrides: Mapping[str, Iterable[str]], files: Sequence[RuleFile]
) -> None:
    """Raise CopydeskError for a name in ``select``/``ignore`` overrides that
    no rule file defines: ``unknown rule or pack 'x' in --select``."""
    names = _known(files)
    for field, listed in overrides.items():
        for name in listed:
            if name not in names:
                flag = OVERRIDE_FLAGS.get(field, field)
                reason = f"unknown rule or pack {name!r} in {flag}{hint(name, names)}"
                raise CopydeskError("", reason)


def _known(files: Sequence[RuleFile]) -> set[str]:
    names = {f.rule_id for f in files} | {f.pack for f in files}
    return names | {REJECT_RULE, REJECT_RULE.split(".", 1)[0]}


def _require(
    name: str,
    known: Iterable[str],
    config: Config,
    key: tuple[str, ...],
    reason: str,
) -> None:
    names = set(known)
    if name not in names:
        raise ConfigError(
            config.path, f"key '{config.key(*key)}': {reason}{hint(name, names)}"
        )


def _check_rule_options(
    config: Config, rule: RuleFile, options: Mapping[str, Any]
) -> None:
    """The keys under ``rules."id"`` must be keys of that rule's type, and
    the rule must compile with their values."""
    index = load_index(shipped_rules_dir()) if rule.shipped else {}
    own = read_rule(rule, read_bytes(rule), index)
    keys = {**COMMON_KEYS, **rule_type(own, rule.display).KEYS}
    for name, value in options.items():
        full = config.key("rules", rule.rule_id, name)
        key = keys.get(name)
        if key is None:
            raise ConfigError(
                config.path, f"key '{full}': unknown key{hint(name, keys)}"
            )
        try:
            check_type(value, key._replace(name=full), config.path)
        except RuleError as exc:
            raise ConfigError(config.path, exc.reason) from None
        if name == "level" and value not in LEVELS:
            raise ConfigError(
                config.path, f"key '{full}': expected one of {', '.join(LEVELS)}"
            )
    # The values too (a scope, a pattern): the rule is compiled as the run
    # will compile it, so a bad one is blamed on the config, not the rule file.
    try:
        context = ShippedPacks(index=index or None)
        compile_rule(rule.rule_id, {**own, **options}, rule.display, context=context)
    except RuleError as exc:
        found = _KEY_REASON.fullmatch(exc.reason)
        if found is None or found["key"] not in options:
            return  # the rule file's own fault: its loader says so
        full = config.key("rules", rule.rule_id, found["key"])
        raise ConfigError(config.path, f"key '{full}': {found['rest']}") from None


#: ``key 'scope': expected ...``, as the loader words a bad value.
_KEY_REASON = later_re(r"key '(?P<key>[^']+)': (?P<rest>.*)", re.DOTALL)
