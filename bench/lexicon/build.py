#!/usr/bin/env python3
"""Build ``src/copydesk/data/lexicon-en.txt.gz`` from permissively licensed lists.

Inputs (fetched with ordinary package clients, never committed):

- SCOWL size 70, American and British (Debian ``wamerican-large`` and
  ``wbritish-large``; the licence is the SCOWL notice already shipped as
  ``COPYING.common-words``): membership, both spellings, inflections, and
  the capitalised proper nouns that the check treats as names;
- symspellpy's ``frequency_dictionary_en_82_765.txt`` (symspellpy, MIT):
  word counts, stored as ``round(10 * log10(count))`` to rank suggestions;
- ``bench/lexicon/english-extra.txt`` (written for copydesk): modern and
  technical words SCOWL 2020 lacks.

    apt-get download wamerican-large wbritish-large; dpkg-deb -x ... x
    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install symspellpy
    python3 bench/lexicon/build.py x/usr/share/dict \
        /tmp/peers/lib/python3.11/site-packages/symspellpy

Output lines: ``word`` or ``word<TAB>zipf10``, sorted, possessives dropped.
An American spelling the frequency list does not count takes its British
twin's count (``twin_counts``); ``build.py --retwin`` applies that to the
committed lexicon without the inputs, and ``build.py --extra`` adds the
words of ``english-extra.txt`` it lacks.
"""

from __future__ import annotations

import gzip
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "copydesk" / "data" / "lexicon-en.txt.gz"
EXTRA = Path(__file__).with_name("english-extra.txt")


def main(dict_dir: str, symspell_dir: str) -> int:
    words: set[str] = set()
    for name in ("american-english-large", "british-english-large"):
        for line in (Path(dict_dir) / name).read_text(encoding="utf-8").splitlines():
            if line and not line.endswith("'s"):
                words.add(line)
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(line.strip())
    counts: dict[str, int] = {}
    freq = Path(symspell_dir) / "frequency_dictionary_en_82_765.txt"
    for line in freq.read_text(encoding="utf-8").splitlines():
        word, _, number = line.partition(" ")
        counts[word] = round(10 * math.log10(int(number)))
        if word not in words and word.capitalize() not in words:
            words.add(word)
    found: dict[str, int] = {}
    for w in words:
        zipf = counts.get(w, counts.get(w.lower()))
        if zipf is not None:
            found[w] = zipf
    found.update(twin_counts(words, found))
    _write(OUT, words, found)
    return 0


def _write(path: Path, words: set[str], counts: dict[str, int]) -> None:
    """The lexicon file: each word, sorted, with its count where it has one."""
    rows = [w if w not in counts else f"{w}\t{counts[w]}" for w in sorted(words)]
    data = ("\n".join(rows) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(rows)} words ({len(counts)} with counts) -> {path}")


#: American spellings and their British twins: the frequency list counts
#: one of a pair only as often as not (favourite, neighbour, catalogue,
#: travelled, analyse are counted; favorite, neighbor, catalog, traveled,
#: analyze were not), and a word without a count is too rare to be offered
#: as a correction, or to make its slip believable. Each rewrite turns an
#: American form into its British twin, whose count the American form then
#: takes.
_TWINS = (
    (
        re.compile(
            r"^([a-z]{3,})or(s|ed|ing|ite|ites|hood|hoods|al|ally|ful|less|able)?$"
        ),
        r"\1our\2",
    ),
    (re.compile(r"^([a-z]{3,}[bt])er(s)?$"), r"\1re\2"),
    (re.compile(r"^([a-z]{2,}[lg])og(s)?$"), r"\1ogue\2"),
    (re.compile(r"^([a-z]{3,})yz(e|ed|es|ing|er|ers)$"), r"\1ys\2"),
    (re.compile(r"^([a-z]{2,}[aeiou])l(ed|ing|er|ers)$"), r"\1ll\2"),
    (re.compile(r"^([a-z]{3,})ense(s)?$"), r"\1ence\2"),
    (re.compile(r"^([a-z]{3,})dgment(s)?$"), r"\1dgement\2"),
)


def twin_counts(words: set[str], counts: dict[str, int]) -> dict[str, int]:
    """Counts for the uncounted American forms of ``words`` whose British
    twin (``_TWINS``) is a word with a count."""
    taken: dict[str, int] = {}
    for word in words:
        if word in counts:
            continue
        for pattern, british in _TWINS:
            twin = pattern.sub(british, word)
            if twin != word and twin in words and twin in counts:
                if twin.endswith(_DOUBLED_L) and _e_form(word, words):
                    break  # "staled" is stale's, not stalled's twin
                taken[word] = counts[twin]
                break
    return taken


#: The British twins the single-l rewrite makes.
_DOUBLED_L = ("lled", "lling", "ller", "llers")


def _e_form(word: str, words: set[str]) -> bool:
    """Whether ``word`` is an -ed, -ing, -er or -ers form of a word in
    silent e ("staled", "filer")."""
    for suffix in ("ing", "ers", "ed", "er"):
        if word.endswith(suffix):
            return word.removesuffix(suffix) + "e" in words
    return False


def retwin(path: Path = OUT) -> int:
    """Apply ``twin_counts`` to the built lexicon in place (what ``main``
    now does while building it)."""
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    words = {line.partition("\t")[0] for line in lines}
    counts = {w: int(z) for w, _, z in (line.partition("\t") for line in lines) if z}
    counts.update(twin_counts(words, counts))
    _write(path, words, counts)
    return 0


def add_extra(path: Path = OUT) -> int:
    """Add the words of ``english-extra.txt`` the built lexicon lacks, in
    place and without counts (what ``main`` gives a word the frequency list
    does not count): a word added to the list needs no rebuild."""
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    words = {line.partition("\t")[0] for line in lines}
    counts = {w: int(z) for w, _, z in (line.partition("\t") for line in lines) if z}
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(line.strip())
    _write(path, words, counts)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--retwin"]:
        raise SystemExit(retwin())
    if sys.argv[1:2] == ["--extra"]:
        raise SystemExit(add_extra())
    raise SystemExit(main(*sys.argv[1:3]))
