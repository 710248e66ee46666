"""Where each setting that applies to a file comes from: an override, a config
file's key, or the default.

"Why does copydesk flag this file and not that one?" is answered by the
settings, and the settings by their source. ``origins`` reads what
``Workspace.settings_for`` resolved and says, for each setting, which input
decided it, naming config keys in full (``tool.copydesk.severity."x"``) so the
user can find the line to change. No argparse here: an override is named by
its ``Overrides`` field, and each face names it its own way (``--select``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from copydesk.document import DOCUMENT_KINDS, default_kind, format_kind
from copydesk.errors import CopydeskError
from copydesk.files import STDIN, format_for, match_kind
from copydesk.textio import read_source

if TYPE_CHECKING:
    from copydesk.config import Config
    from copydesk.resolve import Overrides, Settings

#: Where a setting comes from.
OVERRIDE, CONFIG, DEFAULT = "override", "config", "default"

#: Stands in for a format or kind to test whether one glob matches a path.
_PROBE = "\0"


class Origin(NamedTuple):
    """One setting, its value for the file, and what decided it."""

    setting: str
    value: str
    #: ``override``, ``config`` or ``default``.
    source: str
    #: For ``config``, the key in full; for ``override``, the ``Overrides``
    #: field; for ``default``, why this is the default ("" if obvious).
    key: str = ""


def origins(settings: Settings, overrides: Overrides, located: str) -> list[Origin]:
    """Every setting that applies to ``settings.path`` (on disk: ``located``),
    with its source."""
    config = settings.plan.config
    language = _single("language", overrides.language, config.language, config)
    fail_level = _single("fail-level", overrides.fail_level, config.fail_level, config)
    return [
        _config_file(config, overrides),
        *_format(settings, overrides),
        *_kind(settings, overrides, located),
        language or Origin("language", "en", DEFAULT),
        *_rules(config, overrides),
        *_listed("ignore", overrides.ignore, "ignore", config.ignore, config),
        *_per_file(located, config),
        *_pairs("severity", config.severity, config),
        fail_level or Origin("fail-level", "warning", DEFAULT),
        *_listed(
            "rules-path", overrides.rule_dirs, "rule_dirs", config.rules_path, config
        ),
        *_vocab(config),
        # Rule options are JSON: the rule id and the key say enough.
        *_pairs(
            "rules", config.rule_options, config, label="rule options", values=False
        ),
        *_listed("exclude", (), "", config.exclude, config),
    ]


def _config_file(config: Config, overrides: Overrides) -> Origin:
    if overrides.isolated:
        return Origin("config file", "(none)", OVERRIDE, "isolated")
    if overrides.config_file is not None:
        return Origin("config file", config.path, OVERRIDE, "config_file")
    if not config.path:
        return Origin("config file", "(none)", DEFAULT, "none found above the file")
    return Origin("config file", config.path, DEFAULT, "the nearest above the file")


def _format(settings: Settings, overrides: Overrides) -> list[Origin]:
    config = settings.plan.config
    if settings.path == "-":
        return [Origin("format", settings.format, DEFAULT, "stdin is plain text")]
    for glob, fmt in settings.plan.format_for:
        if format_for(settings.path, ((glob, _PROBE),)) == _PROBE:
            if (glob, fmt) in overrides.format_for:
                return [Origin("format", fmt, OVERRIDE, "format_for")]
            return [Origin("format", fmt, CONFIG, config.key("format-for", glob))]
    return [Origin("format", settings.format, DEFAULT, "by file extension")]


def _kind(settings: Settings, overrides: Overrides, located: str) -> list[Origin]:
    options = settings.plan.options
    config = settings.plan.config
    for glob, kind in options.kind_for:
        probe = ((glob, _PROBE),)
        if match_kind(located, probe, options.kind_root) == _PROBE:
            if (glob, kind) in overrides.kind_for:
                return [Origin("kind", kind, OVERRIDE, "kind_for")]
            return [Origin("kind", kind, CONFIG, config.key("kind-for", glob))]
    return [_default_kind(settings.format, located)]


def _default_kind(fmt: str, located: str) -> Origin:
    """The kind a file gets unless configured: by its format, or for plain
    text by its lines (``document.default_kind``), read from the file."""
    kind = format_kind(fmt)
    if kind:
        return Origin("kind", kind, DEFAULT, f"{fmt} files are {kind}")
    rule = "plain text is a draft unless hard-wrapped or a list of tokens"
    either = Origin("kind", " or ".join(DOCUMENT_KINDS), DEFAULT, rule)
    if located == STDIN:
        return either
    try:  # as ``check`` reads it: a FIFO refused, a BOM's encoding honoured
        text = read_source(located).text
    except CopydeskError:  # not there (yet), not a file: the rule, not its verdict
        return either
    kind = default_kind(fmt, text)
    return Origin("kind", kind, DEFAULT, f"{rule}; this file is {kind}")


def _single(
    setting: str, override: str | None, configured: str | None, config: Config
) -> Origin | None:
    """A setting an override replaces; None when neither sets it."""
    if override:
        return Origin(setting, override, OVERRIDE, setting.replace("-", "_"))
    if configured:
        return Origin(setting, configured, CONFIG, config.key(setting))
    return None


def _pairs(
    setting: str,
    pairs: tuple[tuple[str, str], ...],
    config: Config,
    *,
    label: str = "",
    values: bool = True,
) -> list[Origin]:
    """One row per entry of a config table keyed by rule id."""
    return [
        Origin(
            label or setting,
            f"{rule} = {value}" if values else rule,
            CONFIG,
            config.key(setting, rule),
        )
        for rule, value in pairs
    ]


def _rules(config: Config, overrides: Overrides) -> list[Origin]:
    if overrides.select:
        return [Origin("select", ", ".join(overrides.select), OVERRIDE, "select")]
    if config.select:
        return [
            Origin("select", ", ".join(config.select), CONFIG, config.key("select"))
        ]
    if config.packs:
        value = ", ".join(config.packs)
        return [Origin("packs", value, CONFIG, config.key("packs"))]
    return [Origin("select", "every rule that is on by default", DEFAULT)]


def _listed(
    setting: str,
    given: tuple[str, ...],
    field: str,
    configured: tuple[str, ...],
    config: Config,
) -> list[Origin]:
    out = [Origin(setting, item, OVERRIDE, field) for item in given]
    key = config.key(setting)
    out.extend(Origin(setting, item, CONFIG, key) for item in configured)
    return out


def _per_file(located: str, config: Config) -> list[Origin]:
    out: list[Origin] = []
    for glob, rules in config.per_file_ignores:
        one = config._replace(per_file_ignores=((glob, rules),))
        if one.ignored_rules(located):
            key = config.key("per-file-ignores", glob)
            out.append(Origin("ignored here", ", ".join(rules), CONFIG, key))
    return out


def _vocab(config: Config) -> list[Origin]:
    out: list[Origin] = []
    for name, terms in (("accept", config.accept), ("reject", config.reject)):
        if terms:
            key = config.key("vocab", name)
            out.append(Origin(f"vocab {name}", ", ".join(terms), CONFIG, key))
    return out
