"""``extends: repetition``: the same token twice in a row (``this this``).

Tokens are the matches of the rule's alternation; two equal neighbours (case
folded with ``ignorecase``, letters only with ``alpha``) give one alert
spanning both, unless they sit on different lines or an exception matches.
``max`` allows that many repeats first.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from copydesk.vale.gostr import trim_space
from copydesk.vale.messages import format_message
from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.rules.base import (
    Definition,
    exceptions_pattern,
    is_match,
    make_alert,
)
from copydesk.vale.rules.options import RuleOptions

__all__ = ["Repetition"]


def _letters(text: str) -> bool:
    """``core.IsLetter``: every character is a letter."""
    return all(c.isalpha() for c in text)


@dataclass(slots=True)
class Repetition:
    """Tokens that must not repeat back to back."""

    definition: Definition
    pattern: regex.Pattern[str]
    exceptions: regex.Pattern[str] | None
    maximum: int
    ignore_case: bool
    alpha: bool

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Repetition:
        exceptions = exceptions_pattern(
            keys.strings("exceptions"), keys.accepted, keys.flag("vocab", True)
        )
        ignore_case = keys.flag("ignorecase")
        prefix = "(?i)" if ignore_case else ""
        pattern = keys.compile(prefix + "(" + "|".join(keys.strings("tokens")) + ")")
        return cls(
            definition,
            pattern,
            exceptions,
            keys.integer("max"),
            ignore_case,
            keys.flag("alpha"),
        )

    def run(self, block: Block, _file: LintFile, /) -> list[Alert]:
        text = block.text
        alerts: list[Alert] = []
        previous = ""
        previous_start = 0
        count = 0
        for match in self.pattern.finditer(text):
            start, end = match.span()
            current = trim_space(text[start:end])
            if self.ignore_case:
                hit = current != "" and current.casefold() == previous.casefold()
            else:
                hit = current != "" and current == previous
            hit = hit and (not self.alpha or _letters(current))
            if hit:
                count += 1
            if hit and count > self.maximum:
                covered = text[previous_start:end]
                if "\n" not in covered and not is_match(self.exceptions, covered):
                    alert = make_alert(self.definition, previous_start, end, text)
                    alert.message = format_message(self.definition.message, current)
                    alert.description = format_message(
                        self.definition.description, current
                    )
                    alerts.append(alert)
                    count = 0
            previous_start = start
            previous = current
        return alerts
