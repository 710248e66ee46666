"""``extends: existence``: report every match of the rule's tokens."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from copydesk.vale.gostr import trim_space
from copydesk.vale.messages import sprintf
from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.rules.base import (
    Definition,
    exceptions_pattern,
    is_match,
    make_alert,
    make_regexp,
)
from copydesk.vale.rules.options import RuleOptions

__all__ = ["Existence"]


@dataclass(slots=True)
class Existence:
    """A token list (or ``raw`` pattern) whose every match is an alert."""

    definition: Definition
    pattern: regex.Pattern[str]
    exceptions: regex.Pattern[str] | None

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Existence:
        tokens = keys.strings("tokens")
        exceptions = keys.strings("exceptions")
        excepted = exceptions_pattern(
            exceptions, keys.accepted, keys.flag("vocab", True)
        )
        template = make_regexp(
            keys.word_template,
            keys.flag("ignorecase"),
            word=not keys.flag("nonword") and bool(tokens),
            extra="".join(keys.strings("raw")),
            append=keys.flag("append"),
        )
        joined = "|".join(t for t in tokens if trim_space(t))
        pattern = keys.compile(sprintf(template, [joined]))
        return cls(definition, pattern, excepted)

    def run(self, block: Block, _file: LintFile, /) -> list[Alert]:
        text = block.text
        alerts: list[Alert] = []
        for match in self.pattern.finditer(text):
            start, end = match.span()
            if is_match(self.exceptions, trim_space(text[start:end])):
                continue
            alerts.append(make_alert(self.definition, start, end, text))
        return alerts
