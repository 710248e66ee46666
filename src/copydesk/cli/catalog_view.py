"""The rule catalogue as ``rules`` and ``explain`` show it: every rule file,
with the level, fixability and on/off state the project's config gives it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.api import Overrides, Workspace
from copydesk.model import FixAvailability, RuleMeta


class Row(NamedTuple):
    """One rule as configured here."""

    meta: RuleMeta
    fix: FixAvailability
    enabled: bool
    #: Its file says ``enabled: false``: on only when selected by id or pack.
    opt_in: bool

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def pack(self) -> str:
        return self.meta.pack

    @property
    def type(self) -> str:
        return self.meta.extends

    @property
    def level(self) -> str:
        return self.meta.level.label

    @property
    def fix_label(self) -> str:
        """How the table shows it: ``safe``, ``unsafe``, ``mixed`` or ``-``."""
        return "-" if self.fix is FixAvailability.NONE else self.fix.value

    @property
    def summary(self) -> str:
        text = self.meta.description.strip()
        return text.splitlines()[0] if text else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "level": self.level,
            "fixable": self.fix.value,
            "enabled": self.enabled,
            "opt_in": self.opt_in,
            "description": self.meta.description,
            "link": self.meta.link,
            "source": self.meta.source,
        }


def rows_for(rule_dirs: Sequence[str]) -> list[Row]:
    """Every rule file (shipped packs, the config's ``rules-path`` and
    ``rule_dirs``), with the selection, rule options and levels of the
    project config that applies to the working directory, in pack order."""
    from copydesk.catalog import catalog

    plan = Workspace(Path(), Overrides(rule_dirs=tuple(rule_dirs))).plan_for(".")
    options = plan.options
    entries = catalog(
        [Path(d) for d in options.rule_dirs],
        select=options.select,
        ignore=options.ignore,
        rule_options={rule: json.loads(opts) for rule, opts in options.rule_options},
        severity=options.overrides,
    )
    return [Row(e.meta, e.fix, e.enabled, e.opt_in) for e in entries]
