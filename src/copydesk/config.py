"""Configuration: ``[tool.copydesk]`` in pyproject.toml, or ``.copydesk.toml``.

The nearest config file walking up from a linted file applies to it; CLI flags
override it; defaults fill the rest. Unknown keys and wrong types are errors
naming the file and the key as the user would write it in that file
(``tool.copydesk.severity."names.Nope"`` in a pyproject.toml), with a guess
when a key is mistyped.
"""

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.document import DOCUMENT_KINDS
from copydesk.errors import CopydeskError, RuleError
from copydesk.langtag import tag_problem
from copydesk.lazy_patterns import later_re
from copydesk.schema import Key, check_type

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
        Key("baseline", (str,)),
        Key("file-timeout", (int, float)),
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


class Config(NamedTuple):
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
    rule_options: tuple[tuple[str, str], ...] = ()
    #: The baseline file (``baseline = "..."``, resolved against the
    #: config's folder) that ``check`` hides recorded findings with.
    baseline: str = ""
    #: Seconds one file may take (``file-timeout``; 0: no limit); None: unset.
    file_timeout: float | None = None
    #: What the file's keys sit under (``tool.copydesk.`` in a pyproject.toml),
    #: for naming a key in full in an error.
    prefix: str = ""

    def key(self, *parts: str) -> str:
        """The full name of a key of this file: ``tool.copydesk.severity."x"``."""
        return self.prefix + toml_key(*parts)

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
        if path.is_file() and not _foreign_pyproject(path):
            config = read_config_file(path)
            if config is not None:
                return config
    return None


def _foreign_pyproject(path: Path) -> bool:
    """Whether ``path`` is a pyproject.toml that cannot hold our table.

    Its bytes are searched before they are parsed: most runs start in a
    Python project whose pyproject.toml has no ``[tool.copydesk]``, and
    parsing it with tomllib (16 M instructions for this repository's) cost a
    one-file check more than reading its rules' names. Our table is spelled
    ``tool.copydesk`` (in a header or a dotted key, each part bare or quoted,
    spaces around the dot), or as the key ``copydesk`` under a ``[tool]``
    header or in a ``tool = {...}`` inline table: ``_NAMES_OUR_TABLE`` finds
    each of those (and more: a false alarm only costs the parse). Only keys
    written with ``\\u`` escapes escape it, which no config does. A file that
    cannot be read is left to ``read_config_file``, which reports it.
    """
    if path.name != "pyproject.toml":
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return b"copydesk" not in data or _NAMES_OUR_TABLE.search(data) is None


#: ``tool`` then ``.copydesk`` (``[tool.copydesk]``, ``tool."copydesk".x =``),
#: ``]`` (a ``[tool]`` header) or ``=`` (``tool = {copydesk = ...}``).
_NAMES_OUR_TABLE = re.compile(rb"""tool["']?[ \t]*(?:\.[ \t]*["']?copydesk|\]|=)""")


def load_config(path: str | os.PathLike[str]) -> Config:
    """The config in the file at ``path`` (``--config``): a pyproject.toml
    with a ``[tool.copydesk]`` table, or a file of copydesk keys."""
    config = read_config_file(Path(path))
    if config is None:
        raise ConfigError(str(path), "no [tool.copydesk] table in this file")
    return config


def read_config_file(path: Path) -> Config | None:
    """The file's config; None for a pyproject.toml without our table (it is
    not a copydesk config, and the search goes on above it)."""
    data = _load_toml(path)
    tool = data.get("tool", {})
    table = tool.get("copydesk") if isinstance(tool, Mapping) else None
    if table is not None:
        return parse_config(table, str(path), prefix="tool.copydesk.")
    if path.name == "pyproject.toml":
        return None
    return parse_config(data, str(path), prefix="")


def _load_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a config file exists

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from None


def toml_key(*parts: str) -> str:
    """``severity."names.Nope"``: a dotted key as written in TOML, each part
    quoted only when it must be."""
    import json  # only for keys and rule options: a run may need neither

    return ".".join(
        part if _BARE_KEY.fullmatch(part) else json.dumps(part, ensure_ascii=False)
        for part in parts
    )


_BARE_KEY = later_re(r"[A-Za-z0-9_-]+")


def parse_config(
    table: Mapping[str, Any], path: str, *, prefix: str | None = None
) -> Config:
    """Validate one ``[tool.copydesk]`` table.

    ``prefix`` is what the file's keys sit under (``tool.copydesk.`` in a
    pyproject.toml, nothing at the top of a .copydesk.toml), so errors name
    the key as the user wrote it; by default it follows the file name.
    """
    if prefix is None:
        prefix = "tool.copydesk." if Path(path).name == "pyproject.toml" else ""
    if not isinstance(table, Mapping):
        raise ConfigError(path, "[tool.copydesk] must be a table")
    keys = _Keys(path, prefix)
    data = keys.read(table, KEYS)
    root = str(Path(path).resolve().parent) if path else "."
    rules_path = data.get("rules-path", ())
    if isinstance(rules_path, str):
        rules_path = [rules_path]
    for item in rules_path:
        if not isinstance(item, str):
            raise keys.error("every item must be a string", "rules-path")
    severity = keys.strings(data.get("severity", {}), "severity")
    for rule, level in severity:
        if level not in LEVELS:
            raise keys.error(f"expected one of {', '.join(LEVELS)}", "severity", rule)
    fail_level = data.get("fail-level")
    if fail_level is not None and fail_level not in (*LEVELS, "none"):
        raise keys.error("expected suggestion, warning, error or none", "fail-level")
    language = data.get("language")
    problem = None if language is None else tag_problem(language)
    if problem is not None:
        raise keys.error(problem, "language")
    vocab = keys.read(data.get("vocab", {}), VOCAB_KEYS, "vocab")
    formats = keys.strings(data.get("format-for", {}), "format-for")
    for glob, fmt in formats:
        if fmt not in FORMATS:
            raise keys.error(
                f"expected one of {', '.join(FORMATS)}", "format-for", glob
            )
    file_timeout = data.get("file-timeout")
    if file_timeout is not None and (
        isinstance(file_timeout, bool) or not 0 <= file_timeout < float("inf")
    ):
        raise keys.error("expected a number of seconds (0: no limit)", "file-timeout")
    kinds = keys.strings(data.get("kind-for", {}), "kind-for")
    for glob, kind in kinds:
        if kind not in DOCUMENT_KINDS:
            choices = ", ".join(DOCUMENT_KINDS)
            raise keys.error(f"expected one of {choices}", "kind-for", glob)
    return Config(
        path=path,
        root=root,
        packs=tuple(data.get("packs", ())),
        rules_path=tuple(str(Path(root) / p) for p in rules_path),
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        severity=severity,
        fail_level=fail_level,
        language=language,
        exclude=tuple(data.get("exclude", ())),
        per_file_ignores=_per_file_ignores(data.get("per-file-ignores", {}), keys),
        accept=tuple(vocab.get("accept", ())),
        reject=tuple(vocab.get("reject", ())),
        format_for=formats,
        kind_for=kinds,
        rule_options=_rule_options(data.get("rules", {}), keys),
        prefix=prefix,
        baseline=str(Path(root) / data["baseline"]) if data.get("baseline") else "",
        file_timeout=None if file_timeout is None else float(file_timeout),
    )


class _Keys(NamedTuple):
    """Reads one config file's tables, naming each key in full in errors."""

    path: str
    prefix: str

    def name(self, *parts: str) -> str:
        return self.prefix + toml_key(*parts)

    def error(self, reason: str, *parts: str) -> ConfigError:
        return ConfigError(self.path, f"key '{self.name(*parts)}': {reason}")

    def read(
        self, table: Mapping[str, Any], keys: Mapping[str, Key], *under: str
    ) -> dict[str, Any]:
        """``table`` checked against ``keys``: none unknown, each well typed."""
        for name in table:
            if name not in keys:
                from copydesk.suggest import hint  # only to name a mistake

                raise self.error(f"unknown key{hint(name, keys)}", *under, name)
        for key in keys.values():
            if key.name in table:
                full = key._replace(name=self.name(*under, key.name))
                try:
                    check_type(table[key.name], full, self.path)
                except RuleError as exc:
                    raise ConfigError(self.path, exc.reason) from None
        return dict(table)

    def strings(
        self, value: Mapping[str, Any], key: str
    ) -> tuple[tuple[str, str], ...]:
        """A table of strings (``severity``, ``format-for``) as pairs."""
        out: list[tuple[str, str]] = []
        for name, item in value.items():
            if not isinstance(item, str):
                raise self.error("expected a string", key, name)
            out.append((name, item))
        return tuple(out)


def _per_file_ignores(
    value: Mapping[str, Any], keys: _Keys
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out: list[tuple[str, tuple[str, ...]]] = []
    for glob, rules in value.items():
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise keys.error("expected a list of rules", "per-file-ignores", glob)
        out.append((glob, tuple(rules)))
    return tuple(out)


def _rule_options(value: Mapping[str, Any], keys: _Keys) -> tuple[tuple[str, str], ...]:
    """Per-rule option overrides, kept as JSON so the config stays hashable
    (``json``, 5 M instructions to import, only for a config with some)."""
    import json

    out: list[tuple[str, str]] = []
    for rule, options in value.items():
        if not isinstance(options, Mapping):
            raise keys.error("expected a table of rule keys", "rules", rule)
        if "extends" in options:
            raise keys.error("a rule's type cannot change", "rules", rule, "extends")
        out.append((rule, json.dumps(dict(options), sort_keys=True)))
    return tuple(out)
