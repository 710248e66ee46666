"""Did-you-mean: the known name closest to a mistyped one.

Used wherever a user types a name copydesk must recognise (a subcommand, an
option, a rule id, a config key), so every "unknown" error can say what was
probably meant instead of leaving the user to search the docs.
"""

from __future__ import annotations

from collections.abc import Iterable

#: How alike two names must be (difflib's ratio) to be offered as a guess.
CUTOFF = 0.6


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name ``name`` most likely meant, or None if none is close.

    A name that differs only in case wins outright (``names.places``); then
    difflib's closest match, compared case-blind.
    """
    choices = list(dict.fromkeys(known))
    folded = {choice.casefold(): choice for choice in choices}
    exact = folded.get(name.casefold())
    if exact is not None:
        return exact
    import difflib  # only for a mistyped name: not on every run's start

    found = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=CUTOFF)
    return folded[found[0]] if found else None


def hint(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for an error message, or ``""``."""
    guess = closest(name, known)
    return f" (did you mean {guess!r}?)" if guess is not None else ""
