"""Parse the body of an inline ``copydesk: ...`` comment into a Directive."""

from __future__ import annotations

import re

from copydesk.document import Directive
from copydesk.lazy_patterns import later_re

ACTIONS = ("disable-next-line", "disable", "enable", "ignore-file")

_BODY = later_re(
    r"\s*copydesk:\s*(disable-next-line|disable|enable|ignore-file)"
    r"(?:\s*=\s*([\w.,/\s-]*?))?\s*",
    re.ASCII,
)
_SEP = later_re(r"[,\s]+")

#: Cheap pre-filter: readers look at a comment only if it contains this.
MARKER = "copydesk:"


def parse(body: str, line: int, start: int, end: int) -> Directive | None:
    """A Directive for a comment ``body`` like ``copydesk: disable=a,b``.

    ``disable`` or ``enable`` without ``=`` means all rules; a ``=`` with no rule
    names, or any text the grammar does not allow, is not a directive at all,
    so a typo never silently disables everything. ``ignore-file=RULE`` keeps
    its rules: it ignores those rules in the whole file, not every rule.
    """
    match = _BODY.fullmatch(body)
    if match is None:
        return None
    action, names = match.group(1), match.group(2)
    rules: tuple[str, ...] = ()
    if names is not None:
        rules = tuple(name for name in _SEP.split(names) if name)
        if not rules:
            return None
    return Directive(action=action, rules=rules, line=line, start=start, end=end)
