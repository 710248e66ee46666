"""Small word lists written in code as one string each.

The modules that tell furniture, languages and abbreviations by their words
keep their short lists inline ("the and of to was"); one helper reads them
all, in a module that imports nothing, so a list costs no import.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, split at spaces."""
    return frozenset(text.split())
