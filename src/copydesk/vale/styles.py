"""Load the rules a Vale config names (Vale's ``check.Manager``).

Every style named in any ``BasedOnStyles`` is loaded whole from the first
search path that has its folder (a missing style is an error, as in Vale);
rules named individually (``Style.Rule = YES``) from styles not loaded
whole are loaded one by one, and silently skipped when their file does not
exist. ``Vale`` is built in: ``Vale.Repetition``, ``Vale.Spelling`` (when a
dictionary is available), ``Vale.Terms`` and ``Vale.Avoid`` from the
vocabulary. A rule file is compiled once; the first one found wins.

Styles come with the repository being linted, and a rule's token list is
compiled into one pattern: 100,000 tokens (1.4 MB of YAML) take 3 s and
330 MB, and a 30 MB file did not load in two minutes. A rule file over
:data:`MAX_RULE_BYTES`, rules over :data:`MAX_RULES_BYTES` in all, or a rule
"file" that is not a regular file (a FIFO would block) are refused.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copydesk.errors import RuleError
from copydesk.vale.config import ConfigError, ValeConfig, within
from copydesk.vale.dialect import RefusedRuleError, RuleContext, build_rule, parse_rule
from copydesk.vale.folders import walk_once
from copydesk.vale.limited import read_limited
from copydesk.vale.rules.base import Rule
from copydesk.vale.rules.spelling import MissingDictionaryError

__all__ = ["BUILTIN", "RuleSet", "load_rules"]

BUILTIN = "Vale"
#: Largest rule file read, and most bytes of rule files one run reads.
MAX_RULE_BYTES = 1024 * 1024
MAX_RULES_BYTES = 16 * 1024 * 1024

_REPETITION: dict[str, Any] = {
    "extends": "repetition",
    "level": "error",
    "message": "'%s' is repeated!",
    "scope": "text",
    "alpha": True,
    "action": {"name": "edit", "params": ["truncate", " "]},
    "tokens": [r"[^\s]+"],
}
_SPELLING: dict[str, Any] = {
    "extends": "spelling",
    "message": "Did you really mean '%s'?",
    "level": "error",
    "scope": "text",
    "action": {"name": "suggest", "params": ["spellings"]},
}
_TERMS: dict[str, Any] = {
    "extends": "substitution",
    "level": "error",
    "message": "Use '%s' instead of '%s'.",
    "scope": "text",
    "ignorecase": True,
    "vocab": False,
}
_AVOID: dict[str, Any] = {
    "extends": "existence",
    "level": "error",
    "message": "Avoid using '%s'.",
    "scope": "text",
    "ignorecase": False,
}


@dataclass(slots=True)
class RuleSet:
    """The compiled rules by name, and what was left out and why."""

    rules: dict[str, Rule] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    #: Styles not on the StylesPath that another engine provides.
    foreign: list[str] = field(default_factory=list)


def _needs(config: ValeConfig, style: str) -> bool:
    if style in config.global_styles:
        return True
    if any(key.startswith(style) for key in config.global_checks):
        return True
    if any(style in styles for styles in config.section_styles.values()):
        return True
    return any(
        key.startswith(style)
        for checks in config.section_checks.values()
        for key in checks
    )


def _is_phrase(term: str) -> bool:
    return all(c.isalpha() or c.isdigit() or c in " -" for c in term)


class _Loader:
    def __init__(self, config: ValeConfig, foreign: Collection[str]) -> None:
        self.config = config
        self.foreign = foreign
        self.result = RuleSet()
        self.read_bytes = 0
        self.context = RuleContext(
            accepted=tuple(config.accepted),
            word_template=config.word_template,
            levels=config.rule_levels,
            styles_paths=tuple(config.styles_paths),
        )

    def add(self, name: str, data: dict[str, Any], path: str) -> None:
        if name in self.result.rules:
            return
        try:
            self.result.rules[name] = build_rule(name, data, path, self.context)
        except (RefusedRuleError, MissingDictionaryError) as skipped:
            self.result.warnings.append(str(skipped))

    def add_file(self, path: Path, root: Path) -> None:
        name = f"{path.parent.name}.{path.name.split('.')[0]}"
        if name in self.result.rules or not within(path, root):
            return
        self.add(name, parse_rule(self._read(path), str(path)), str(path))

    def _read(self, path: Path) -> bytes:
        raw = read_limited(path, MAX_RULE_BYTES, "a rule file", RuleError)
        self.read_bytes += len(raw)
        if self.read_bytes > MAX_RULES_BYTES:
            reason = (
                f"refusing: the styles hold over {MAX_RULES_BYTES:,} bytes of rules"
            )
            raise RuleError(str(path), reason)
        return raw

    def builtins(self) -> None:
        if not _needs(self.config, BUILTIN):
            return
        self.add("Vale.Repetition", dict(_REPETITION), "internal")
        self.add("Vale.Spelling", dict(_SPELLING), "internal")
        if self.config.accepted:
            swap = {t.lower(): t for t in self.config.accepted if _is_phrase(t)}
            self.add("Vale.Terms", {**_TERMS, "swap": swap}, "internal")
        if self.config.rejected:
            self.add(
                "Vale.Avoid",
                {**_AVOID, "tokens": list(self.config.rejected)},
                "internal",
            )

    def styles(self) -> None:
        loaded = self.result.styles
        missing: list[str] = []
        for root in self.config.search_paths():
            for style in self.config.styles:
                if style in loaded or style == BUILTIN:
                    continue
                folder = root / style
                if not _plain_name(style) or not folder.is_dir():
                    missing.append(style)
                    continue
                for path in _rule_files(folder, root):
                    self.add_file(path, root)
                loaded.append(style)
        for style in missing:
            if style in loaded or style in self.result.foreign:
                continue
            if style not in self.foreign:
                raise ConfigError(
                    "loadStyles", f"style '{style}' does not exist on StylesPath"
                )
            self.result.foreign.append(style)

    def individual(self) -> None:
        for check in self.config.checks:
            if "." not in check:
                continue
            style, rule = check.split(".")[:2]
            if style in self.result.styles or style == BUILTIN:
                continue
            if not (_plain_name(style) and _plain_name(rule)):
                continue
            for root in self.config.search_paths():
                path = root / style / f"{rule}.yml"
                if path.is_file():
                    self.add_file(path, root)


def _plain_name(name: str) -> bool:
    """A style or rule name is a folder or file name, never a path: a
    .vale.ini must not reach files outside its StylesPath by naming them."""
    return bool(name) and name not in (".", "..") and not any(c in name for c in "/\\")


def _rule_files(folder: Path, root: Path) -> Iterator[Path]:
    for current, dirs, names in walk_once(str(folder)):
        # a folder linked from elsewhere under the root is walked, one
        # leading out of it is not even listed
        dirs[:] = sorted(d for d in dirs if within(Path(current) / d, root))
        for name in sorted(names):
            if name.endswith(".yml"):
                yield Path(current) / name


def load_rules(config: ValeConfig, foreign: Collection[str] = ()) -> RuleSet:
    """Compile every rule the config can run (raises RuleError/ConfigError);
    a missing style listed in ``foreign`` is left to another engine."""
    loader = _Loader(config, foreign)
    loader.builtins()
    loader.styles()
    loader.individual()
    return loader.result
