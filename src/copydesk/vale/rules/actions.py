"""Suggestions from a rule's ``action`` (Vale's ``check.FixAlert``).

Vale computes them while making an alert because they fill the second
``%s`` of the message (``Use '%s' instead of '%s'`` with ``action: replace``).
``suggest`` with a Tengo script cannot run here: it suggests nothing, so the
message shows the match, and the rule file still loads.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from copydesk.errors import RuleError
from copydesk.vale.gostr import trim_space
from copydesk.vale.model import Action
from copydesk.vale.regex import compile_vale

__all__ = ["go_expand", "suggestions"]


def _simple(text: str) -> str:
    """``strcase.Simple``: split camel case and punctuation into lower words."""
    out: list[str] = []
    old = " "
    for i, char in enumerate(text):
        alpha = char.isalpha() or unicodedata.category(char).startswith("N")
        camel = i > 1 and old.islower() and char.isupper()
        if camel or not alpha or (char.isspace() and char != " "):
            out.append(" ")
        if alpha or char == " ":
            out.append(char.lower())
        old = char
    return re.sub(" +", " ", "".join(out).strip())


_TEMPLATE_REF = re.compile(r"\$(?:\$|\{(\w+)\}|(\w+))")


def go_expand(template: str, match: regex.Match[str]) -> str:
    """Go's ``Regexp.Expand``: ``$1``, ``${1}``, ``$name`` and ``$$``; a
    group that does not exist or did not match is empty."""

    def fill(ref: re.Match[str]) -> str:
        if ref.group(0) == "$$":
            return "$"
        name = ref.group(1) or ref.group(2)
        try:
            value = match.group(int(name) if name.isdigit() else name)
        except (IndexError, regex.error):
            return ""
        return value or ""

    return _TEMPLATE_REF.sub(fill, template)


def _edit(match: str, params: tuple[str, ...]) -> list[str]:
    if not params:
        raise RuleError("", "action 'edit': no parameters")
    name = params[0]
    if name == "regex" and len(params) == 3:
        try:
            pattern = compile_vale(params[1])
        except regex.error as exc:
            raise RuleError("", f"action 'edit' regex: {exc}") from None
        match = pattern.sub(lambda m: go_expand(params[2], m), match)
    elif name in ("trim_right", "trim_left", "trim") and len(params) == 2:
        strip = {"trim_right": str.rstrip, "trim_left": str.lstrip, "trim": str.strip}
        match = strip[name](match, params[1])
    elif name == "truncate" and len(params) == 2:
        match = match.split(params[1])[0]
    elif name == "split" and len(params) == 3:
        parts = match.split(params[1])
        index = int(params[2])
        if index >= len(parts):
            raise RuleError("", "action 'edit': index out of range")
        match = parts[index]
    elif name in ("regex", "trim_right", "trim_left", "trim", "truncate", "split"):
        raise RuleError("", f"action 'edit' {name}: invalid number of parameters")
    return [trim_space(match)]


def suggestions(action: Action, match: str) -> list[str]:
    """What ``action`` suggests for ``match`` (raises RuleError like Vale)."""
    name = action.name
    if name == "replace":
        return list(action.params)
    if name == "remove":
        return [""]
    if name == "convert":
        if action.params and action.params[0] == "simple":
            return [_simple(match)]
        return [match]
    if name == "edit":
        return _edit(match, action.params)
    if name == "suggest":
        if not action.params:
            raise RuleError("", "action 'suggest': no parameters")
        return []
    raise RuleError("", f"unknown action '{name}'")
