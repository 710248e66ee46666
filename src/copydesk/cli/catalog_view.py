"""The rule catalogue as ``rules`` and ``explain`` show it: every rule file,
with the level, fixability and on/off state the project's config gives it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copydesk.api import Overrides, Workspace
from copydesk.model import RuleMeta


@dataclass(frozen=True, slots=True)
class Row:
    """One rule as configured here."""

    meta: RuleMeta
    #: ``safe``, ``unsafe``, ``sometimes`` or ``-``.
    fix: str
    enabled: bool
    level: str

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
    def summary(self) -> str:
        text = self.meta.description.strip()
        return text.splitlines()[0] if text else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "level": self.level,
            "fixable": self.fix,
            "enabled": self.enabled,
            "description": self.meta.description,
            "link": self.meta.link,
            "source": self.meta.source,
        }


def rows_for(rule_dirs: Sequence[str]) -> list[Row]:
    """Every rule under the project config of the working directory, plus
    ``rule_dirs``, in pack order."""
    from copydesk.ruleset import load_ruleset

    plan = Workspace(Path(), Overrides(rule_dirs=tuple(rule_dirs))).plan_for(".")
    options = plan.options
    ruleset = load_ruleset(
        [Path(d) for d in options.rule_dirs],
        options.select,
        options.ignore,
        rule_options={rule: json.loads(opts) for rule, opts in options.rule_options},
    )
    severity = options.overrides
    return [
        Row(c.meta, _fixable(c), True, severity.get(c.meta.id, c.meta.level).label)
        for c in ruleset.checks
    ]


def _fixable(check: object) -> str:
    """Interim until check types declare it: 'safe', 'unsafe' or '-'."""
    if getattr(check, "remove", None) == "none":
        return "-"
    value = getattr(getattr(check, "applicability", None), "value", None)
    if value is not None:
        return str(value)
    return str(getattr(check, "fixable", "-"))
