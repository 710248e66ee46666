"""Both worlds: copydesk's own packs named in a Vale ``BasedOnStyles``.

``BasedOnStyles = Vale, Microsoft, copydesk`` runs what ``copydesk check``
runs (its default packs, or what a ``[tool.copydesk]`` config selects) beside
Vale's styles; a single pack can be named too (``names``, ``quotes``,
``typos``...), and single rules (``typos.Doubled = YES``). A style folder on
the StylesPath always wins over a pack of the same name, so an existing Vale
setup never changes meaning. The packs run
through copydesk's own engine (:class:`copydesk.api.Workspace`, so a
``[tool.copydesk]`` config still applies) on the whole file, and their
findings join Vale's alerts: ``MinAlertLevel``, ``pack.Rule = NO`` and
``pack.Rule = error`` in the ``.vale.ini`` apply to them as to any rule.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk.model import Finding
from copydesk.rulefiles import discover_rule_files, shipped_rules_dir
from copydesk.vale.config import LEVELS, ValeConfig
from copydesk.vale.model import Action, Alert, LintFile

if TYPE_CHECKING:
    from copydesk.api import Workspace

__all__ = ["COPYDESK_STYLE", "CopydeskPacks", "copydesk_pack_names"]

#: The style name that stands for copydesk's default packs.
COPYDESK_STYLE = "copydesk"


@functools.cache
def copydesk_pack_names() -> frozenset[str]:
    """Every shipped copydesk pack, plus the ``copydesk`` umbrella name."""
    packs = {rule.pack for rule in discover_rule_files([shipped_rules_dir()])}
    return frozenset(packs | {COPYDESK_STYLE})


def _to_alert(finding: Finding, level: str) -> Alert:
    end = finding.end_col - 1 if finding.end_line == finding.line else finding.col
    action = Action("replace", finding.suggestions) if finding.suggestions else Action()
    return Alert(
        check=finding.rule,
        severity=level,
        message=finding.message,
        match=finding.match,
        span=[finding.col, max(end, finding.col)],
        action=action,
        line=finding.line,
    )


@dataclass
class CopydeskPacks:
    """The copydesk packs a config asks for, run file by file."""

    config: ValeConfig
    requested: frozenset[str]
    root: Path = field(default_factory=Path.cwd)

    @functools.cached_property
    def _workspace(self) -> Workspace:
        from copydesk.api import Workspace

        return Workspace(self.root)

    def _packs_for(self, file: LintFile) -> set[str]:
        return {s for s in file.base_styles if s in self.requested}

    def _enabled(self, rule: str, file: LintFile, packs: Collection[str]) -> bool:
        for checks in (file.checks, self.config.global_checks):
            if rule in checks:
                return checks[rule]
        return COPYDESK_STYLE in packs or rule.split(".", 1)[0] in packs

    def alerts(self, file: LintFile) -> list[Alert]:
        """copydesk's findings on ``file`` as Vale alerts."""
        packs = self._packs_for(file)
        named = {
            rule.split(".", 1)[0]
            for checks in (file.checks, self.config.global_checks)
            for rule, on in checks.items()
            if on and rule.split(".", 1)[0] in self.requested
        }
        if not packs and not named:
            return []
        found = self._workspace.lint_text(file.path, file.source)
        alerts = []
        for finding in found:
            if not self._enabled(finding.rule, file, packs):
                continue
            level = self.config.rule_levels.get(finding.rule, finding.severity.label)
            if LEVELS.get(level, 1) < self.config.min_alert_level:
                continue
            alerts.append(_to_alert(finding, level))
        return alerts
