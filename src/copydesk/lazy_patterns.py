"""Module constant patterns, compiled the first time a run uses them.

A module compiles its constant patterns when it is imported, but a run uses
few of them: a one-file check of a Markdown page used 17 of the 123 patterns
its modules compiled at import (the rest serve drafts, names, other formats,
user rules). ``re`` and ``regex`` compile in Python, a tenth of a
millisecond to a millisecond a pattern, so a constant made here stands in
for its pattern and compiles it when one of its methods or attributes is
first asked for; each one asked is then kept on it, found as fast as the
compiled pattern's own.

Use one through its methods and attributes only (``_WORD.search(text)``,
``_WORD.pattern``): module functions given it (``re.sub(_WORD, ...)``),
``isinstance`` and ``copy`` do not see through it. Nothing here imports
``regex``, so a module on the ``--version`` path may use it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import regex


class _Later:
    """A pattern compiled by ``build`` on first use (see the module)."""

    def __init__(self, build: Callable[[], object], source: str) -> None:
        self._build = build
        #: The source, as the compiled pattern's (read without compiling).
        self.pattern = source

    def __getattr__(self, name: str) -> Any:
        # Only for names not found on the object: the first use of each.
        # Not a protocol's special name (``pickle`` asks for
        # ``__setstate__``): that would compile the pattern to answer it.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = self._build()
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"<pattern {self.pattern!r}, compiled on first use>"


def later_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done on first use."""
    # A partial, not a lambda: a ruleset's compiled state is pickled
    # (``copydesk.ruleset_snapshot``) with its patterns not compiled yet.
    build = functools.partial(re.compile, pattern, flags)
    return cast("re.Pattern[str]", _Later(build, pattern))


def later_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, done on first use."""
    build = functools.partial(_regex_compiled, pattern, flags)
    return cast("regex.Pattern[str]", _Later(build, pattern))


def _regex_compiled(pattern: str, flags: int) -> regex.Pattern[str]:
    from copydesk import regex_programs

    return regex_programs.compiled(pattern, flags)
