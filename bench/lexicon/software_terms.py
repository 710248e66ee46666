#!/usr/bin/env python3
"""Build ``src/copydesk/data/software-terms.txt.gz`` from cSpell's software
dictionaries (npm ``@cspell/dict-software-terms`` and the dictionaries of
the languages and tools docs most often name: python, rust, golang,
typescript, node, shell, k8s, docker, C/C++, fullstack; all MIT, Street
Side Software; the licence is shipped as
``src/copydesk/data/COPYING.software-terms``). Not ``@cspell/dict-npm``:
package names include misspellings of words (anser).

Technical documentation is full of words no general English list holds
(structs, distros, gzipped, containerd, quantile); the lexicon rule would
call each a typo of its nearest common word. The dictionary's word files
are read as cSpell reads them (``#`` comments, ``~`` ``+`` ``!`` prefixes;
``!`` marks a forbidden word, left out) and written lower-cased, one word a
line, sorted: words of letters and digits with inner hyphens or
apostrophes only, of 5 to 40 characters (a shorter one is as often a
slip of a common word: "teh", "adn").

    cd /tmp/dicts && for p in software-terms python rust golang typescript \
        node shell k8s docker cpp fullstack; do npm pack @cspell/dict-$p; mkdir -p $p; \
        tar -xzf cspell-dict-$p-*.tgz -C $p; done
    python3 bench/lexicon/software_terms.py /tmp/dicts

Entries that are misspellings of ordinary words, kept by the dictionaries
because an identifier has them (qualifed, skupped), are left out: they are
listed with the word meant in ``software_terms_excluded.tsv`` beside this
script (reviewed by hand, 2026-12-03; a real term stays even when it is one
edit from a word: preload, mixin, inited).

Built 2026-12-04 from software-terms 5.4.9, python 4.5.3, rust 4.1.2,
golang 6.0.29, typescript 3.2.3, node 5.0.9, shell 1.2.0, k8s 1.0.13,
docker 1.1.17, cpp 7.2.0 (``cpp-refined`` only) and fullstack 3.2.9.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "copydesk" / "data" / "software-terms.txt.gz"
#: The dictionaries read (folders under the argument, each an unpacked
#: npm package). Of software-terms, every word file but its corrections.
PACKAGES = (
    "software-terms",
    "python",
    "rust",
    "golang",
    "typescript",
    "node",
    "shell",
    "k8s",
    "docker",
    "cpp",
    "fullstack",
)
#: Of a package, only these word files (the C/C++ dictionary's refined list:
#: the standard library's and the language's names, not its 20,000 compound
#: identifiers, too many to review for slips).
ONLY = {"cpp": ("cpp-refined.txt.gz",)}
_WORD = re.compile(r"[^\W_](?:[\w'-]*[^\W_])?")


def words_of(text: str) -> set[str]:
    found = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if not word or word.startswith("!"):
            continue
        word = word.lstrip("~+").casefold()
        if 5 <= len(word) <= 40 and _WORD.fullmatch(word) and "_" not in word:
            found.add(word)
    return found


EXCLUDED = Path(__file__).with_name("software_terms_excluded.tsv")


def excluded() -> set[str]:
    """The reviewed misspellings left out of the list."""
    lines = EXCLUDED.read_text(encoding="utf-8").splitlines()
    return {
        line.split("\t", 1)[0] for line in lines if line and not line.startswith("#")
    }


def main(folder: str) -> int:
    words: set[str] = set()
    for package in PACKAGES:
        for path in sorted((Path(folder) / package / "package" / "dict").iterdir()):
            if package in ONLY and path.name not in ONLY[package]:
                continue
            if path.name.endswith(".txt.gz"):
                words |= words_of(gzip.decompress(path.read_bytes()).decode("utf-8"))
            elif path.name.endswith(".txt"):
                words |= words_of(path.read_text(encoding="utf-8"))
    words -= excluded()
    data = ("\n".join(sorted(words)) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(words)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
