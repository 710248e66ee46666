"""Configuration: ``[tool.copydesk]`` in pyproject.toml, or ``.copydesk.toml``.

The nearest config file walking up from a linted file applies to it; CLI flags
override it; defaults fill the rest. Unknown keys and wrong types are errors
naming the file and key, like rule files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copydesk.document import DOCUMENT_KINDS
from copydesk.errors import CopydeskError
from copydesk.schema import Key, read_keys

CONFIG_NAMES = (".copydesk.toml", "pyproject.toml")
LEVELS = ("suggestion", "warning", "error")
FORMATS = ("plain", "markdown", "html", "rst")

KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("packs", (list,), item_types=(str,)),
        Key("rules-path", (list, str)),
        Key("select", (list,), item_types=(str,)),
        Key("ignore", (list,), item_types=(str,)),
        Key("severity", (dict,)),
        Key("fail-level", (str,)),
        Key("language", (str,)),
        Key("exclude", (list,), item_types=(str,)),
        Key("per-file-ignores", (dict,)),
        Key("vocab", (dict,)),
        Key("format-for", (dict,)),
        Key("kind-for", (dict,)),
        Key("rules", (dict,)),
    )
}
VOCAB_KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("accept", (list,), item_types=(str,)),
        Key("reject", (list,), item_types=(str,)),
    )
}


class ConfigError(CopydeskError):
    """A config file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Config:
    """One config file's settings, with paths resolved against its folder."""

    path: str = ""
    root: str = "."
    packs: tuple[str, ...] = ()
    rules_path: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_level: str | None = None
    language: str | None = None
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    format_for: tuple[tuple[str, str], ...] = ()
    kind_for: tuple[tuple[str, str], ...] = ()
    rule_options: tuple[tuple[str, str], ...] = field(default=())

    def ignored_rules(self, file_path: str) -> tuple[str, ...]:
        """Rules that ``per-file-ignores`` switches off for ``file_path``."""
        if not self.per_file_ignores:
            return ()
        import fnmatch

        try:
            rel = Path(file_path).resolve().relative_to(Path(self.root).resolve())
            name = rel.as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the root, or a loop
            name = Path(file_path).as_posix()
        out: list[str] = []
        for glob, rules in self.per_file_ignores:
            if fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(Path(name).name, glob):
                out.extend(rules)
        return tuple(out)


def find_config(
    start: str | os.PathLike[str], cache: dict[str, Config] | None = None
) -> Config:
    """The nearest config at or above ``start`` (a file or folder), or defaults.

    ``cache`` is shared across the files of a run: a path already seen, by
    the name it was given or its resolved path, costs one dict lookup (before
    any system call, so a run's files in one folder ask the disk once).
    """
    memo = {} if cache is None else cache
    name = "given:" + os.fspath(start)
    quick = memo.get(name)
    if quick is not None:
        return quick
    path = Path(start)
    given = str(path if path.is_dir() else path.parent)
    quick = memo.get("given:" + given)
    if quick is not None:
        memo[name] = quick
        return quick
    folder = Path(given).resolve()
    visited: list[str] = []
    found = Config()
    for candidate in (folder, *folder.parents):
        known = memo.get(str(candidate))
        if known is not None:
            found = known
            break
        visited.append(str(candidate))
        config = _config_in(candidate)
        if config is not None:
            found = config
            break
    for folder_seen in visited:
        memo[folder_seen] = found
    memo["given:" + given] = memo[name] = found
    return found


def _config_in(folder: Path) -> Config | None:
    for name in CONFIG_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        data = _load_toml(path)
        if name == "pyproject.toml":
            table = data.get("tool", {}).get("copydesk")
            if table is None:
                continue
        else:
            table = data.get("tool", {}).get("copydesk", data)
        return parse_config(table, str(path))
    return None


def _load_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a config file exists

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from None


def parse_config(table: Mapping[str, Any], path: str) -> Config:
    """Validate one ``[tool.copydesk]`` table."""
    if not isinstance(table, Mapping):
        raise ConfigError(path, "[tool.copydesk] must be a table")
    data = read_keys(table, KEYS, path)
    root = str(Path(path).resolve().parent) if path else "."
    rules_path = data.get("rules-path", ())
    if isinstance(rules_path, str):
        rules_path = [rules_path]
    for item in rules_path:
        if not isinstance(item, str):
            raise ConfigError(path, "key 'rules-path': every item must be a string")
    severity = _string_table(data.get("severity", {}), "severity", path)
    for rule, level in severity:
        if level not in LEVELS:
            raise ConfigError(
                path, f"key 'severity.{rule}': expected one of {', '.join(LEVELS)}"
            )
    fail_level = data.get("fail-level")
    if fail_level is not None and fail_level not in (*LEVELS, "none"):
        raise ConfigError(
            path, "key 'fail-level': expected suggestion, warning, error or none"
        )
    vocab = read_keys(data.get("vocab", {}), VOCAB_KEYS, path)
    formats = _string_table(data.get("format-for", {}), "format-for", path)
    for glob, fmt in formats:
        if fmt not in FORMATS:
            raise ConfigError(
                path, f"key 'format-for.{glob}': expected one of {', '.join(FORMATS)}"
            )
    kinds = _string_table(data.get("kind-for", {}), "kind-for", path)
    for glob, kind in kinds:
        if kind not in DOCUMENT_KINDS:
            raise ConfigError(
                path,
                f"key 'kind-for.{glob}': expected one of {', '.join(DOCUMENT_KINDS)}",
            )
    return Config(
        path=path,
        root=root,
        packs=tuple(data.get("packs", ())),
        rules_path=tuple(str(Path(root) / p) for p in rules_path),
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        severity=severity,
        fail_level=fail_level,
        language=data.get("language"),
        exclude=tuple(data.get("exclude", ())),
        per_file_ignores=_per_file_ignores(data.get("per-file-ignores", {}), path),
        accept=tuple(vocab.get("accept", ())),
        reject=tuple(vocab.get("reject", ())),
        format_for=formats,
        kind_for=kinds,
        rule_options=_rule_options(data.get("rules", {}), path),
    )


def _string_table(
    value: Mapping[str, Any], key: str, path: str
) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for name, item in value.items():
        if not isinstance(item, str):
            raise ConfigError(path, f"key '{key}.{name}': expected a string")
        out.append((name, item))
    return tuple(out)


def _per_file_ignores(
    value: Mapping[str, Any], path: str
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out: list[tuple[str, tuple[str, ...]]] = []
    for glob, rules in value.items():
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ConfigError(
                path, f"key 'per-file-ignores.{glob}': expected a list of rules"
            )
        out.append((glob, tuple(rules)))
    return tuple(out)


def _rule_options(value: Mapping[str, Any], path: str) -> tuple[tuple[str, str], ...]:
    """Per-rule option overrides, kept as JSON so the config stays hashable."""
    import json

    out: list[tuple[str, str]] = []
    for rule, options in value.items():
        if not isinstance(options, Mapping):
            raise ConfigError(
                path, f"key 'rules.{rule}': expected a table of rule keys"
            )
        if "extends" in options:
            raise ConfigError(
                path, f"key 'rules.{rule}.extends': a rule's type cannot change"
            )
        out.append((rule, json.dumps(dict(options), sort_keys=True)))
    return tuple(out)
