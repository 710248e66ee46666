"""``extends: substitution``: suggest a replacement for each ``swap`` key.

Vale joins the keys, longest first, into one alternation of capture groups
(a key's own groups become non-capturing) so the group that matched tells
which replacement applies. A match that already reads as its replacement is
not reported; ``$1`` in a replacement refers to the key's own groups;
``capitalize`` keeps a capitalised match capitalised; with ``action: replace``
and no parameters the replacement's ``|`` alternatives become the fixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from copydesk.errors import RuleError
from copydesk.vale.gostr import trim_space
from copydesk.vale.messages import format_message, sprintf, to_sentence
from copydesk.vale.model import Action, Alert, Block, LintFile
from copydesk.vale.regex import compile_vale
from copydesk.vale.rules.base import (
    Definition,
    cap_first,
    exceptions_pattern,
    is_match,
    make_alert,
    make_regexp,
    match_token,
)
from copydesk.vale.rules.options import RuleOptions

__all__ = ["Substitution", "expand_template"]

_CAPTURE_OPEN = re.compile(r"(?<!\\)\((?!\?)")
_GROUP_REF = re.compile(r"\$(?:\$|(\d+)|\{(\w+)\})")
_HAS_REF = re.compile(r"\$\d+")


def expand_template(template: str, match: regex.Match[str]) -> str:
    """Fill ``$1``/``${name}``/``$$`` in a replacement (regexp2 syntax)."""

    def fill(ref: re.Match[str]) -> str:
        if ref.group(0) == "$$":
            return "$"
        name = ref.group(1) or ref.group(2)
        try:
            group = match.group(int(name) if name.isdigit() else name)
        except (IndexError, regex.error):
            return ref.group(0)
        return group or ""

    return _GROUP_REF.sub(fill, template)


def _convert_message(message: str) -> str:
    """Drop one pair of quotes around ``%s`` when the suggestion list will
    bring its own."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            message = message.replace(spec, "%s", 1)
    return message


@dataclass(slots=True)
class Substitution:
    """Swap keys (patterns) and the replacement each one suggests."""

    definition: Definition
    pattern: regex.Pattern[str]
    keys: list[str]
    replacements: list[str]
    exceptions: regex.Pattern[str] | None
    ignore_case: bool
    capitalize: bool

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Substitution:
        swap = keys.mapping("swap")
        exceptions = exceptions_pattern(
            keys.strings("exceptions"), keys.accepted, keys.flag("vocab", True)
        )
        ignore_case = keys.flag("ignorecase")
        template = make_regexp(
            keys.word_template, ignore_case, not keys.flag("nonword"), "", True
        )
        terms = sorted(swap, key=len, reverse=True)
        groups = []
        for term in terms:
            opens = term.count("(")
            grouped = term
            if opens != term.count("(?") + term.count("\\("):
                grouped = _CAPTURE_OPEN.sub("(?:", term)
            groups.append(f"({grouped})")
        pattern = keys.compile(sprintf(template, ["|".join(groups)]))
        return cls(
            definition,
            pattern,
            terms,
            [swap[t] for t in terms],
            exceptions,
            ignore_case,
            keys.flag("capitalize"),
        )

    def _expected(self, index: int, observed: str) -> str:
        expected = self.replacements[index]
        if self.capitalize and observed == cap_first(observed):
            expected = cap_first(expected)
        if not _HAS_REF.search(expected):
            return expected
        key = ("(?i)" if self.ignore_case else "") + self.keys[index]
        try:
            own = compile_vale(key)
        except regex.error as exc:
            raise RuleError(self.definition.path, f"invalid pattern: {exc}") from None
        return own.sub(lambda m: expand_template(expected, m), observed)

    def run(self, block: Block, _file: LintFile, /) -> list[Alert]:
        text = block.text
        alerts: list[Alert] = []
        message = self.definition.message
        for match in self.pattern.finditer(text):
            for group in range(1, len(self.keys) + 1):
                start, end = match.span(group)
                if start < 0:
                    continue
                observed = trim_space(text[start:end])
                expected = self._expected(group - 1, observed)
                if match_token(expected, observed, False) or is_match(
                    self.exceptions, observed
                ):
                    continue
                action = self.definition.action
                if action.name == "replace" and not action.params:
                    params = expected.split("|")
                    if self.capitalize and observed == cap_first(observed):
                        params = [cap_first(p) for p in params]
                    action = Action(action.name, tuple(params))
                    expected = to_sentence(params, "or")
                    message = _convert_message(message)
                alert = make_alert(self.definition, start, end, text)
                alert.message = format_message(message, expected, observed)
                alert.description = format_message(
                    self.definition.description, expected, observed
                )
                alert.action = action
                alerts.append(alert)
        return alerts
