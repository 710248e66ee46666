"""``extends: conditional``: ``first`` may only appear once ``second`` has.

The usual use is acronyms: ``second`` captures definitions such as
``World Health Organization (WHO)`` and every capture is remembered for the
rest of the file; each later match of ``first`` that was never captured is
an alert.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.rules.base import (
    Definition,
    exceptions_pattern,
    is_match,
    make_alert,
)
from copydesk.vale.rules.options import RuleOptions

__all__ = ["Conditional"]


@dataclass(slots=True)
class Conditional:
    """An antecedent pattern that needs an earlier consequent."""

    definition: Definition
    first: regex.Pattern[str]
    second: regex.Pattern[str]
    exceptions: regex.Pattern[str] | None

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Conditional:
        exceptions = exceptions_pattern(
            keys.strings("exceptions"), keys.accepted, keys.flag("vocab", True)
        )
        second = keys.compile(keys.string("second"))
        first = keys.compile(keys.string("first"))
        return cls(definition, first, second, exceptions)

    def run(self, block: Block, file: LintFile, /) -> list[Alert]:
        text = block.text
        for match in self.second.finditer(text):
            for captured in match.groups():
                if captured:
                    file.sequences.append(captured)
        alerts: list[Alert] = []
        for match in self.first.finditer(text):
            start, end = match.span()
            found = text[start:end]
            if found in file.sequences or is_match(self.exceptions, found):
                continue
            alerts.append(make_alert(self.definition, start, end, text))
        return alerts
