"""``extends: consistency``: one spelling of a pair per file.

Each ``either`` pair becomes a pattern with two named groups; the groups a
file has used are remembered in the file's sequences, and once both of a
pair have been seen, the block that completes the pair gets an alert at its
last match. Vale names the alert by the rule (``Style.Rule``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from copydesk.vale.messages import sprintf
from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.rules.base import Definition, make_alert, make_regexp
from copydesk.vale.rules.options import RuleOptions

__all__ = ["Consistency"]


@dataclass(slots=True)
class Consistency:
    """Pairs of alternatives that must not both appear in a file."""

    definition: Definition
    steps: list[tuple[regex.Pattern[str], tuple[str, str]]]

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Consistency:
        template = make_regexp(
            keys.word_template,
            keys.flag("ignorecase"),
            not keys.flag("nonword"),
            "",
            True,
        )
        base = definition.name.split(".")[1] if "." in definition.name else ""
        steps = []
        count = 0
        for first, second in keys.mapping("either").items():
            count += 2
            names = (f"{base}{count}", f"{base}{count + 1}")
            alternation = f"(?P<{names[0]}>{first})|(?P<{names[1]}>{second})"
            steps.append((keys.compile(sprintf(template, [alternation])), names))
        return cls(definition, steps)

    def run(self, block: Block, file: LintFile, /) -> list[Alert]:
        text = block.text
        alerts: list[Alert] = []
        for pattern, names in self.steps:
            matches = list(pattern.finditer(text))
            loc = (0, 0)
            for match in matches:
                for name in names:
                    start, end = match.span(name)
                    if start >= 0:
                        loc = (start, end)
                        file.sequences.append(name)
            if matches and all(name in file.sequences for name in names):
                alerts.append(make_alert(self.definition, loc[0], loc[1], text))
        return alerts
