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
"""

from __future__ import annotations

import gzip
import math
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
    rows = []
    for w in sorted(words):
        zipf = counts.get(w, counts.get(w.lower()))
        rows.append(w if zipf is None else f"{w}\t{zipf}")
    data = ("\n".join(rows) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    counted = sum("\t" in r for r in rows)
    print(f"{len(rows)} words ({counted} with counts) -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
