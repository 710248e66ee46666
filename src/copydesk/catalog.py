"""The rule catalogue: every rule file, enabled or not, as a project configures it.

``copydesk rules`` and ``explain`` need each rule's metadata, what it can fix
and whether it runs here, for the opt-in rules too. Loading the ruleset
answers none of that: it compiles only the rules that run. The catalogue
validates every rule file as the loader does but compiles none: shipped rules
come from the parsed index, and a check type tells its fixes from the rule's
keys (``fix_availability``), so listing all rules costs milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.model import FixAvailability, RuleMeta, Severity
from copydesk.rulefiles import (
    discover_rule_files,
    load_index,
    read_bytes,
    read_rule,
    shipped_rules_dir,
)
from copydesk.ruleset import build_meta, check_names, rule_type, runs


class CatalogEntry(NamedTuple):
    """One rule file as configured: its metadata (``level`` after severity
    overrides), the fixes it makes, and whether it runs under the selection."""

    meta: RuleMeta
    fix: FixAvailability
    #: It runs with this selection and configuration.
    enabled: bool
    #: Its file says ``enabled: false``: it runs only when selected by id or pack.
    opt_in: bool


def catalog(
    extra_dirs: Sequence[Path] = (),
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    rule_options: Mapping[str, Mapping[str, Any]] | None = None,
    severity: Mapping[str, Severity] | None = None,
    include_shipped: bool = True,
) -> list[CatalogEntry]:
    """Every rule under the shipped packs and ``extra_dirs``, in pack order.

    The arguments mean what they mean to ``load_ruleset`` (``rule_options``
    overrides a rule's keys) plus ``severity``, the configured levels by rule
    id, then by pack. A later directory's rule replaces an earlier one of the
    same id. Raises RuleError for a bad rule file or an unknown name, as a
    run would.
    """
    dirs = ([shipped_rules_dir()] if include_shipped else []) + list(extra_dirs)
    files = discover_rule_files(dirs)
    options = rule_options or {}
    check_names(files, select, ignore, options)
    levels = severity or {}
    index = load_index(shipped_rules_dir()) if include_shipped else {}
    entries: list[CatalogEntry] = []
    for rule in files:
        own = read_rule(rule, read_bytes(rule), index)
        data = {**own, **options.get(rule.rule_id, {})}
        check_type = rule_type(data, rule.display)
        meta = build_meta(rule.rule_id, data, rule.display, check_type.IGNORECASE)
        level = levels.get(meta.id, levels.get(meta.pack, meta.level))
        entries.append(
            CatalogEntry(
                meta=meta._replace(
                    level=level,
                    shipped=rule.shipped and rule.rule_id not in options,
                ),
                fix=check_type.fix_availability(data),
                enabled=runs(meta.id, meta.enabled, select, ignore),
                opt_in=own.get("enabled", True) is False,
            )
        )
    return entries
