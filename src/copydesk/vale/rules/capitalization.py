"""``extends: capitalization``: a block (usually a heading) in a given case.

``match`` is ``$title`` (``style: AP`` or ``Chicago``), ``$sentence``,
``$lower``, ``$upper`` or a pattern the whole text must match. For the two
converters, the block passes when at least ``threshold`` (0.8) of its words
agree with the converted text (exceptions and all-caps words count as
agreeing); a sentence-case block whose first word is not capitalised fails
outright. The alert covers the whole block; ``%s`` is the text, the second
``%s`` the expected form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from copydesk.vale.messages import format_message
from copydesk.vale.model import Action, Alert, Block, LintFile
from copydesk.vale.regex import compile_vale
from copydesk.vale.rules.base import (
    Definition,
    exceptions_pattern,
    is_match,
    make_alert,
)
from copydesk.vale.rules.options import RuleOptions
from copydesk.vale.rules.strcase import (
    SentenceConverter,
    TitleConverter,
    default_indicator,
    go_title,
)

__all__ = ["Capitalization"]

_WORDS = r"[\p{N}\p{L}*]+[^\s]*"
Checker = Callable[[str, "regex.Pattern[str] | None"], tuple[str, bool]]


def _words(except_re: regex.Pattern[str] | None) -> regex.Pattern[str]:
    if except_re is not None:
        source = except_re.pattern.removeprefix("(?-f)")
        return compile_vale(source + "|" + _WORDS)
    return compile_vale(_WORDS)


def _agreement(
    text: str,
    expected: str,
    except_re: regex.Pattern[str] | None,
    threshold: float,
    sentence: bool,
) -> bool:
    """Whether enough of ``text``'s words agree with ``expected``: a word
    agrees when it matches its counterpart or an exception (in title case
    also when it is all capitals); in sentence case a first word that is not
    capitalised fails the text outright."""
    words = _words(except_re)
    wanted = [m.group(0) for m in words.finditer(expected)]
    count = total = 0.0
    for i, word in enumerate(m.group(0) for m in words.finditer(text)):
        if (
            i >= len(wanted)
            or word == wanted[i]
            or is_match(except_re, word)
            or (not sentence and word == word.upper())
        ):
            count += 1
        elif sentence and i == 0 and word != go_title(word.lower()):
            return False
        total += 1
    return total > 0 and count / total >= threshold


def _converter_check(
    converter: TitleConverter | SentenceConverter, threshold: float
) -> Checker:
    sentence = isinstance(converter, SentenceConverter)

    def check(text: str, except_re: regex.Pattern[str] | None) -> tuple[str, bool]:
        expected = converter.convert(text)
        return expected, _agreement(text, expected, except_re, threshold, sentence)

    return check


def _case_check(upper: bool) -> Checker:
    def check(text: str, except_re: regex.Pattern[str] | None) -> tuple[str, bool]:
        expected = text.upper() if upper else text.lower()
        return expected, text == expected or is_match(except_re, text)

    return check


def _pattern_check(pattern: regex.Pattern[str], source: str) -> Checker:
    def check(text: str, except_re: regex.Pattern[str] | None) -> tuple[str, bool]:
        return source, pattern.search(text) is not None or is_match(except_re, text)

    return check


@dataclass(slots=True)
class Capitalization:
    """A case a block's text must be in."""

    definition: Definition
    match: str
    check: Checker
    exceptions: regex.Pattern[str] | None

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Capitalization:
        exceptions = keys.strings("exceptions")
        vocab = keys.flag("vocab", True)
        excepted = exceptions_pattern(exceptions, keys.accepted, vocab)
        threshold = keys.number("threshold") or 0.8
        if vocab:
            exceptions = [*exceptions, *keys.accepted]
        match = keys.string("match")
        prefix = keys.string("prefix")
        check: Checker
        if match == "$title":
            style = "Chicago" if keys.string("style") == "Chicago" else "AP"
            check = _converter_check(
                TitleConverter(style, exceptions, prefix), threshold
            )
        elif match == "$sentence":
            indicator = default_indicator(keys.strings("indicators"))
            converter = SentenceConverter(exceptions, prefix, indicator)
            check = _converter_check(converter, threshold)
        elif match in ("$lower", "$upper"):
            check = _case_check(match == "$upper")
        else:
            check = _pattern_check(keys.compile(match), match)
        return cls(definition, match, check, excepted)

    def run(self, block: Block, _file: LintFile, /) -> list[Alert]:
        text = block.text
        expected, matched = self.check(text, self.exceptions)
        if matched:
            return []
        action = self.definition.action
        if (
            action.name == "replace"
            and not action.params
            and self.match in ("$title", "$sentence")
        ):
            action = Action(action.name, (expected,))
        alert = make_alert(self.definition, 0, len(text), text)
        alert.message = format_message(self.definition.message, text, expected)
        alert.description = format_message(self.definition.description, text, expected)
        alert.action = action
        return [alert]
