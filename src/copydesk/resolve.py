"""Which settings apply to a path: the caller's overrides over its config.

The one resolver the design asks for: ``copydesk check``, ``copydesk
config``, the editor server and ``copydesk vale`` all ask it, through
``copydesk.api.Workspace``, which memoises its answers. Pure values and
functions: nothing here reads a file but the catalogue ``packs`` needs.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from copydesk.batch import RuleOptions
from copydesk.config import Config, ConfigError
from copydesk.cspell_config import NO_WORDS, project_words
from copydesk.model import Finding, Severity


class Overrides(NamedTuple):
    """Settings the caller gives, which win over every config file.

    The CLI builds one from its flags; an editor from its own settings. Empty
    values leave the config's setting in place; ``select``, ``ignore``,
    ``rule_dirs``, ``format_for`` and ``kind_for`` add to it (the caller's
    globs are tried first).

    This record, ``Plan`` and ``Settings`` are named tuples: cheaper to
    create at start-up than dataclasses (see ``model.Edit``).
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    language: str | None = None
    #: ``suggestion``, ``warning``, ``error`` or ``none``.
    fail_level: str | None = None
    format_for: tuple[tuple[str, str], ...] = ()
    kind_for: tuple[tuple[str, str], ...] = ()
    #: One config file for every path (``--config``), instead of the nearest.
    config_file: str | None = None
    #: No config file at all (``--isolated``): defaults and overrides only.
    isolated: bool = False
    #: A legacy encoding (``cp1252``) for text files without a BOM.
    encoding: str | None = None
    #: Seconds one file may take (``--file-timeout``; 0: no limit).
    file_timeout: float | None = None


class Plan(NamedTuple):
    """How the files under one config are linted: overrides over that config."""

    config: Config
    #: Everything needed to build (or rebuild, in a worker) the ruleset.
    options: RuleOptions
    #: Lowest level that fails a run; None when nothing does.
    fail_level: Severity | None
    format_for: tuple[tuple[str, str], ...]


class Settings(NamedTuple):
    """What applies to one path: its plan, format, document kind and ignores."""

    #: The name findings carry (as the caller gave it).
    path: str
    plan: Plan
    format: str
    kind: str
    #: Rules and packs ``per-file-ignores`` switches off for this path.
    ignored: tuple[str, ...] = ()

    @property
    def config_path(self) -> str:
        """The config file that applies ("" when none does)."""
        return self.plan.config.path

    @property
    def language(self) -> str:
        return self.plan.options.language

    @property
    def fail_level(self) -> Severity | None:
        return self.plan.fail_level

    def keeps(self, finding: Finding) -> bool:
        """Whether ``finding`` survives this path's per-file ignores."""
        rule = finding.rule
        return rule not in self.ignored and rule.split(".", 1)[0] not in self.ignored


def make_plan(config: Config, overrides: Overrides, root: Path) -> Plan:
    """Merge ``overrides`` over one config file's settings (overrides win)."""
    rule_dirs = (*config.rules_path, *overrides.rule_dirs)
    options = RuleOptions(
        rule_dirs=rule_dirs,
        select=overrides.select or config.select or pack_defaults(config, rule_dirs),
        ignore=(*config.ignore, *overrides.ignore),
        severity=config.severity,
        language=overrides.language or config.language or "en",
        rule_options=config.rule_options,
        accept=config.accept,
        reject=config.reject,
        config_path=config.path,
        kind_for=(*overrides.kind_for, *config.kind_for),
        kind_root=config.root if config.path else _kind_root(root),
        file_timeout=_first(overrides.file_timeout, config.file_timeout),
        spelling=NO_WORDS
        if overrides.isolated
        else project_words(Path(config.root) if config.path else root),
    )
    level = overrides.fail_level or config.fail_level or "warning"
    fail_level = None if level == "none" else Severity.parse(level)
    return Plan(
        config, options, fail_level, (*overrides.format_for, *config.format_for)
    )


#: Seconds a file may take unless configured: far above any real document
#: (a 10 MB page lints in about 20 s), so only a pathological one reaches it.
DEFAULT_FILE_TIMEOUT = 60.0


def _first(override: float | None, configured: float | None) -> float:
    """The file budget: the override, else the config's (0 is a setting)."""
    for value in (override, configured):
        if value is not None:
            return value
    return DEFAULT_FILE_TIMEOUT


def pack_defaults(config: Config, rule_dirs: Sequence[str]) -> tuple[str, ...]:
    """``packs = [...]``: the ids of those packs' rules that are on by default.

    Naming a pack in ``select`` (or ``--select``) also switches on its opt-in
    rules, as the README promises; ``packs`` only chooses which packs run, so
    it becomes the list of their default rules (a rule the config switches on
    with ``rules."id".enabled`` counts as one).
    """
    if not config.packs:
        return ()
    import json

    from copydesk.catalog import catalog

    entries = catalog(
        [Path(d) for d in rule_dirs],
        rule_options={rule: json.loads(keys) for rule, keys in config.rule_options},
    )
    defaults = [e.meta for e in entries if e.meta.pack in config.packs]
    for pack in config.packs:
        if not any(meta.pack == pack and meta.enabled for meta in defaults):
            raise ConfigError(
                config.path,
                f"key '{config.key('packs')}': pack {pack!r} has no rule that is on"
                " by default; name it in select to run its opt-in rules",
            )
    return tuple(meta.id for meta in defaults if meta.enabled)


def _kind_root(root: Path) -> str:
    """Without a config, ``kind-for`` globs are relative to the workspace root
    ("" keeps the working directory, as the CLI has always done)."""
    return "" if str(root) in ("", ".") else str(root)
