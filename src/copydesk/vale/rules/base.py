"""What every Vale rule type shares: its definition and alert making.

Vale builds most rules' patterns from a template: tokens joined with ``|``,
wrapped in the word template (``\\b(?:%s)\\b`` unless the config sets
``WordTemplate``, none for ``nonword``), prefixed with ``(?i)`` for
``ignorecase``. Exceptions (plus the ``Vocab`` accept list unless ``vocab:
false``) become one word-bounded alternation, longest first, each term
case-sensitive unless it says ``(?i)``, and an alert is dropped when that
pattern is found anywhere in the matched text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import regex

from copydesk.vale.messages import format_message, to_sentence
from copydesk.vale.model import Action, Alert, Block, LintFile
from copydesk.vale.regex import compile_vale
from copydesk.vale.rules.actions import suggestions

__all__ = [
    "Definition",
    "Rule",
    "cap_first",
    "exceptions_pattern",
    "is_match",
    "is_phrase",
    "make_alert",
    "make_regexp",
    "match_token",
]

WORD_TEMPLATE = r"(?m)\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?m)(?:%s)"


@dataclass(slots=True)
class Definition:
    """The keys every rule has (Vale's ``check.Definition``)."""

    name: str
    extends: str
    level: str
    message: str
    path: str
    description: str = ""
    link: str = ""
    limit: int = 0
    scope: list[str] = field(default_factory=lambda: ["text"])
    action: Action = field(default_factory=Action)


class Rule(Protocol):
    """A compiled rule: its definition and how it runs on one block."""

    definition: Definition

    def run(self, block: Block, file: LintFile, /) -> list[Alert]:
        """Unplaced alerts (spans are offsets into ``block.text``)."""
        ...


def make_regexp(
    template: str, ignore_case: bool, word: bool, extra: str, append: bool
) -> str:
    """``check.makeRegexp``: the pattern template a rule fills with tokens."""
    pattern = (template or WORD_TEMPLATE) if word else NONWORD_TEMPLATE
    pattern = pattern + extra if append else extra + pattern
    if ignore_case:
        pattern = "(?i)" + pattern
    return pattern


def exceptions_pattern(
    exceptions: list[str], accepted: Sequence[str], vocab: bool
) -> regex.Pattern[str] | None:
    """``check.updateExceptions``: one word-bounded pattern for the rule's
    exceptions (and the accepted vocabulary), or None when there are none.

    Like Vale, the terms are sorted and prefixed in place when nothing is
    added to them (the capitalization converters then see the prefixed
    terms)."""
    terms = [*exceptions, *accepted] if vocab and accepted else exceptions
    terms.sort(key=len, reverse=True)
    for i, term in enumerate(terms):
        if not term.startswith("(?i)"):
            terms[i] = "(?-i)" + term
    if not terms:
        return None
    return compile_vale(WORD_TEMPLATE.replace("%s", "|".join(terms)))


def is_match(pattern: regex.Pattern[str] | None, text: str) -> bool:
    """``check.isMatch``: the pattern occurs in ``text``."""
    return pattern is not None and pattern.search(text) is not None


def is_phrase(text: str) -> bool:
    """``core.IsPhrase``: only letters, digits, spaces and hyphens."""
    return all(c.isalpha() or c.isdigit() or c in " -" for c in text)


def match_token(expected: str, observed: str, ignore_case: bool) -> bool:
    """``check.matchToken``: does ``observed`` already read as ``expected``?"""
    pattern = ("(?i)" if ignore_case else "") + expected
    if is_phrase(expected):
        return expected == observed
    try:
        compiled = compile_vale(f"^(?:{pattern})$")
    except regex.error:
        return expected == observed
    return compiled.search(observed) is not None


def cap_first(text: str) -> str:
    """``core.CapFirst``: upper-case the first *byte* (Go slices bytes)."""
    if not text:
        return text
    if text[0].isascii():
        return text[0].upper() + text[1:]
    rest = text.encode("utf-8")[1:].decode("utf-8", errors="replace")
    return "\ufffd" + rest


def make_alert(definition: Definition, start: int, end: int, text: str) -> Alert:
    """``check.makeAlert``: an alert for ``text[start:end]``; the action's
    suggestions fill a message's second ``%s``."""
    match = text[start:end]
    alert = Alert(
        check=definition.name,
        severity=definition.level,
        message="",
        match=match,
        span=[start, end],
        link=definition.link,
        action=definition.action,
    )
    if definition.action.name:
        fixes = suggestions(definition.action, match)
        replacement = match
        if len(fixes) == 1:
            replacement = fixes[0]
        elif len(fixes) > 1:
            replacement = to_sentence(fixes, "or")
        alert.message = format_message(definition.message, match, replacement)
        alert.description = format_message(definition.description, match, replacement)
    else:
        alert.message = format_message(definition.message, match)
        alert.description = format_message(definition.description, match)
    return alert
