"""The lexicons the unknown-word and rare-word checks read, loaded once per process.

English is ``data/lexicon-en.txt.gz`` (SCOWL size 70, American and British,
with symspellpy's word counts; see ``data/README.md``). German is
pyspellchecker's word-frequency list, a dependency already installed, read
from the package's own resources rather than copied. A lexicon is static data
keyed by language, not state of a document, so one copy per process serves
every document and every thread.

Loading is on the start-up path of every run (``typos.Unknown`` is on by
default), so English is read from ``data/lexicon-en.prepared.txt``: the same
list with the case folding, the name/word split and the counts worked out
ahead (:func:`prepare`; ``python -m copydesk.wordlists`` rebuilds it from
the list, and a test checks it matches). Loading it is ``split`` and
``dict.fromkeys`` per count, work done in C: about 20 ms where reading the
list line by line in Python took 150 ms. It is stored uncompressed because
decompressing would add a quarter to that; a wheel compresses it anyway.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

#: Languages with a lexicon, by primary subtag.
LANGUAGES = frozenset({"en", "de"})

DATA = Path(__file__).resolve().parent / "data"
#: The English list (``bench/lexicon/build.py``): ``word`` or ``word<TAB>count``.
SOURCE = DATA / "lexicon-en.txt.gz"
#: The same list prepared for loading (:func:`prepare`).
PREPARED = DATA / "lexicon-en.prepared.txt"

#: First line of a prepared file; a new layout gets a new number.
_HEADER = "copydesk-lexicon 1"
#: Separates the sections of a prepared file (no word holds it).
_SECTION = "\f"
#: Section kinds: lower-case words with one count, the folded forms of the
#: names, their spellings (same order), and names (not also lower-case words)
#: with one count.
_WORDS, _NAME_KEYS, _SPELLINGS, _NAME_COUNTS = "w", "n", "s", "c"


class Lexicon:
    """Known words, the names among them, and how common each word is.

    Counts are word frequencies as ``round(10 * log10(count))`` (Zipf-like, 0
    when rare or not counted), keyed by the case-folded form. A plain class:
    one per language and process, never compared or printed, so a
    dataclass's generated methods (compiled at import, ~3.5 M instructions
    on every run's start) would buy nothing.
    """

    __slots__ = ("name_counts", "names", "words")

    def __init__(
        self,
        words: Mapping[str, int],
        names: Mapping[str, str],
        name_counts: Mapping[str, int],
    ) -> None:
        #: Lower-case forms of the words the list has in lower case, each
        #: with its count.
        self.words = words
        #: Case-folded forms of the words the list has only capitalised
        #: (``paris`` for ``Paris``), with their listed spelling.
        self.names = names
        #: Counts of the folded names that are not also lower-case words.
        self.name_counts = name_counts

    def knows(self, folded: str) -> bool:
        return folded in self.words or folded in self.names

    def count(self, folded: str) -> int:
        found = self.words.get(folded)
        return self.name_counts.get(folded, 0) if found is None else found


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (``en`` or ``de``), read on first use."""
    if language == "en":
        return load_prepared(PREPARED.read_text(encoding="utf-8"))
    if language == "de":
        return _german()
    raise KeyError(language)


def load_prepared(text: str) -> Lexicon:
    """A lexicon from the text of a prepared file (see :func:`prepare`)."""
    header, *sections = text.rstrip("\n").split(_SECTION)
    if header.strip() != _HEADER:
        raise ValueError(f"not a prepared lexicon ({header[:40]!r})")
    words: dict[str, int] = {}
    name_counts: dict[str, int] = {}
    keys: list[str] = []
    spellings: list[str] = []
    for section in sections:
        head, _, body = section.partition("\n")
        kind, _, count = head.partition(" ")
        items = body.split("\n")
        if kind == _WORDS:
            words.update(dict.fromkeys(items, int(count)))
        elif kind == _NAME_COUNTS:
            name_counts.update(dict.fromkeys(items, int(count)))
        elif kind == _NAME_KEYS:
            keys = items
        elif kind == _SPELLINGS:
            spellings = items
    return Lexicon(words, dict(zip(keys, spellings, strict=True)), name_counts)


def prepare(source: str) -> str:
    """The prepared text of a ``word[<TAB>count]`` list (one word a line).

    A word listed in lower case is a word; a capitalised one is a name under
    its case-folded form (the first spelling listed); a count belongs to the
    folded form, the largest when several spellings fold alike. Words and
    names-only counts are grouped by count, so loading is one
    ``dict.fromkeys`` per group.
    """
    lower: set[str] = set()
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for line in source.splitlines():
        word, _, count = line.partition("\t")
        folded = word.casefold()
        if word == folded:
            lower.add(word)
        else:
            names.setdefault(folded, word)
        if count:
            counts[folded] = max(counts.get(folded, 0), int(count))
    sections = [_HEADER]
    sections += _groups(_WORDS, {w: counts.get(w, 0) for w in lower})
    sections.append(f"{_NAME_KEYS}\n" + "\n".join(names))
    sections.append(f"{_SPELLINGS}\n" + "\n".join(names.values()))
    names_only = {f: counts[f] for f in names if f not in lower and f in counts}
    sections += _groups(_NAME_COUNTS, names_only)
    return _SECTION.join(sections) + "\n"


def _groups(kind: str, counted: Mapping[str, int]) -> list[str]:
    """One section per count: ``kind count`` then the words, sorted."""
    by_count: dict[int, list[str]] = {}
    for word in sorted(counted):
        by_count.setdefault(counted[word], []).append(word)
    return [f"{kind} {n}\n" + "\n".join(by_count[n]) for n in sorted(by_count)]


def read_source() -> str:
    """The text of the English list the prepared file is built from."""
    import gzip

    return gzip.decompress(SOURCE.read_bytes()).decode("utf-8")


def _german() -> Lexicon:
    """pyspellchecker's German list: lower-case words with subtitle counts."""
    import gzip
    import json
    import math
    from importlib import resources

    raw = resources.files("spellchecker").joinpath("resources/de.json.gz").read_bytes()
    table: dict[str, int] = json.loads(gzip.decompress(raw))
    # Words of 50 uses or fewer count as rare (0).
    words = {
        w: round(10 * math.log10(c)) + 30 if c > 50 else 0 for w, c in table.items()
    }
    return Lexicon(words, {}, {})


def main() -> int:
    """Rebuild the prepared English lexicon from the list."""
    PREPARED.write_text(prepare(read_source()), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
