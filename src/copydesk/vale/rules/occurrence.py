"""``extends: occurrence``: too many (``max``) or too few (``min``) matches.

The alert sits on the first match that is not blanked-out code; with no
match at all (``min``), on the block's first character. The message's
``%s`` is the count.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from copydesk.vale.gostr import trim_space
from copydesk.vale.messages import format_message
from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.rules.base import Definition, make_alert
from copydesk.vale.rules.options import RuleOptions

__all__ = ["Occurrence", "is_code"]


def is_code(text: str) -> bool:
    """``core.IsCode``: only ``*`` and ``@`` (text Vale has blanked)."""
    return all(c in "*@" for c in text)


@dataclass(slots=True)
class Occurrence:
    """A pattern and the bounds on how often it may occur in a block."""

    definition: Definition
    pattern: regex.Pattern[str]
    maximum: int
    minimum: int

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Occurrence:
        prefix = "(?i)" if keys.flag("ignorecase") else ""
        pattern = keys.compile(f"{prefix}(?:{keys.string('token')})")
        return cls(definition, pattern, keys.integer("max"), keys.integer("min"))

    def run(self, block: Block, _file: LintFile, /) -> list[Alert]:
        text = block.text
        spans = [m.span() for m in self.pattern.finditer(text)]
        count = len(spans)
        too_many = self.maximum > 0 and count > self.maximum
        too_few = self.minimum > 0 and count < self.minimum
        if not (too_many or too_few):
            return []
        definition = self.definition
        if count == 0:
            alert = Alert(
                check=definition.name,
                severity=definition.level,
                message="",
                match="",
                span=[1, 1],
                link=definition.link,
            )
        else:
            span = next(
                (
                    (s, e)
                    for s, e in spans
                    if trim_space(text[s:e]) and not is_code(text[s:e])
                ),
                None,
            )
            if span is None:
                return []
            alert = make_alert(definition, span[0], span[1], text)
        alert.message = format_message(definition.message, str(count))
        alert.description = format_message(definition.description, str(count))
        return [alert]
