"""The lexicons the unknown-word and rare-word checks read, loaded once per process.

English is ``data/lexicon-en.txt.gz`` (SCOWL size 70, American and British,
with symspellpy's word counts; see ``data/README.md``). German is
pyspellchecker's word-frequency list, a dependency already installed, read
from the package's own resources rather than copied. A lexicon is static data
keyed by language, not state of a document, so one copy per process serves
every document and every thread.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from dataclasses import dataclass
from importlib import resources

#: Languages with a lexicon, by primary subtag.
LANGUAGES = frozenset({"en", "de"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Known words, the names among them, and how common each word is."""

    #: Lower-case forms of the words the list has in lower case.
    words: frozenset[str]
    #: Case-folded forms of the words the list has only capitalised
    #: (``paris`` for ``Paris``), with their listed spelling.
    names: dict[str, str]
    #: Word frequency as ``round(10 * log10(count))`` (Zipf-like, 0 when rare),
    #: keyed by the case-folded form.
    counts: dict[str, int]

    def knows(self, folded: str) -> bool:
        return folded in self.words or folded in self.names

    def count(self, folded: str) -> int:
        return self.counts.get(folded, 0)


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (``en`` or ``de``), read on first use."""
    if language == "en":
        return _english()
    if language == "de":
        return _german()
    raise KeyError(language)


def _english() -> Lexicon:
    raw = resources.files("copydesk.data").joinpath("lexicon-en.txt.gz").read_bytes()
    words: set[str] = set()
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        folded = word.casefold()
        if word == folded:
            words.add(word)
        else:
            names.setdefault(folded, word)
        if count:
            counts[folded] = max(counts.get(folded, 0), int(count))
    return Lexicon(frozenset(words), names, counts)


def _german() -> Lexicon:
    """pyspellchecker's German list: lower-case words with subtitle counts."""
    raw = resources.files("spellchecker").joinpath("resources/de.json.gz").read_bytes()
    table: dict[str, int] = json.loads(gzip.decompress(raw))
    counts = {w: round(10 * math.log10(c)) + 30 for w, c in table.items() if c > 50}
    return Lexicon(frozenset(table), {}, counts)
