"""The lexicons the unknown-word and rare-word checks read, loaded once per process.

English is ``data/lexicon-en.txt.gz`` (SCOWL size 70, American and British,
with symspellpy's word counts; see ``data/README.md``). German is
pyspellchecker's word-frequency list, a dependency already installed, read
from the package's own resources rather than copied. A lexicon is static data
keyed by language, not state of a document, so one copy per process serves
every document and every thread.

English is on the start-up path of every run (``typos.Unknown`` is on by
default), and a one-file run asks it about a few hundred words at most:
making a string and a dict entry of each of its 135,000 words (a fifth of a
5 KB file's run) would be work for words never asked about. So it is read
from ``data/lexicon-en.prepared.bin`` (:func:`prepare`; ``python -m
copydesk.wordlists`` rebuilds it from the list, and a test checks it
matches), where the words are kept in buckets by their first letters: a
question decodes only its word's bucket (a few dozen words; an edit past the
first letters stays in it), and once the buckets decoded hold an eighth of
the words, the rest is decoded at once, as a run over many files or a big
file soon asks for. Each word's count and kind is one byte, so a bucket is a
``split`` and a ``zip`` in C.
"""

from __future__ import annotations

import functools
import itertools
import sys
import zlib
from array import array
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from copydesk.translit import WordList

#: Languages with a lexicon, by primary subtag.
LANGUAGES = frozenset({"en", "de"})

DATA = Path(__file__).resolve().parent / "data"
#: The English list (``bench/lexicon/build.py``): ``word`` or ``word<TAB>count``.
SOURCE = DATA / "lexicon-en.txt.gz"
#: The same list prepared for loading (:func:`prepare`).
PREPARED = DATA / "lexicon-en.prepared.bin"

#: First line of a prepared file; a new layout gets a new number.
_MAGIC = b"copydesk-lexicon 2\n"
#: Buckets of a prepared file: about 16 words each.
BUCKETS = 8192
#: The letters of a word that choose its bucket.
_PREFIX = 4
#: A word's code (one byte): 0 not known, 1-127 a lower-case word (count + 1),
#: 128-255 a name that is not also a lower-case word (count + 128). Whether a
#: lower-case word is also a name, and a name's spelling, are asked only for
#: a correction, so they are kept apart and read when first asked.
_NAME_ONLY = 128
_MAX_WORD_COUNT = _NAME_ONLY - 2
_MAX_NAME_COUNT = 255 - _NAME_ONLY
#: A code's count, and whether it is a name's (``bytes.translate`` tables).
_COUNT_OF = bytes([0, *range(_NAME_ONLY - 1), *range(256 - _NAME_ONLY)])
_IS_NAME = bytes(_NAME_ONLY) + bytes([1]) * (256 - _NAME_ONLY)
#: Share of the words decoded bucket by bucket before the rest are decoded at once.
WHOLE_SHARE = 0.125
#: Separates a prepared file's names that are also lower-case words from its
#: spellings that are not the folded form capitalised (no word holds it).
_SECTION = "\f"


def bucket_of(folded: str) -> int:
    """The bucket of a (case-folded) word: a stable hash of its first letters."""
    return zlib.crc32(folded[:_PREFIX].encode("utf-8", "surrogatepass")) % BUCKETS


def _capitalised(folded: str) -> str:
    """A name's spelling unless the list says otherwise (``paris`` → ``Paris``)."""
    return folded[:1].upper() + folded[1:]


class _Prepared:
    """A prepared file's bytes, cut into the parts a lexicon reads.

    Layout (little-endian): the magic line; four 32-bit counts (buckets,
    words, text bytes, names bytes); each bucket's first byte in the text
    and its first word, ``buckets + 1`` of each; one code byte per word; the
    words in bucket order, each followed by a line feed (UTF-8); the names
    section.
    """

    __slots__ = ("_codes", "_data", "_firsts", "_names", "_starts", "_text", "size")

    def __init__(self, data: bytes) -> None:
        if not data.startswith(_MAGIC):
            raise ValueError(f"not a prepared lexicon ({data[:40]!r})")
        at = len(_MAGIC)
        buckets, self.size, text, names = _uint32s(data[at : at + 16])
        if buckets != BUCKETS:
            raise ValueError(f"a prepared lexicon of {buckets} buckets, not {BUCKETS}")
        at += 16
        self._starts = _uint32s(data[at : at + 4 * (buckets + 1)])
        at += 4 * (buckets + 1)
        self._firsts = _uint32s(data[at : at + 4 * (buckets + 1)])
        at += 4 * (buckets + 1)
        self._codes = at
        self._text = at + self.size
        self._names = self._text + text
        if self._names + names != len(data):
            raise ValueError("a prepared lexicon of the wrong length")
        self._data = data

    def bucket(self, number: int) -> tuple[list[str], bytes]:
        """The words of one bucket and their codes."""
        start, end = self._starts[number], self._starts[number + 1]
        if start == end:
            return [], b""
        text = self._data[self._text + start : self._text + end - 1]
        first = self._codes + self._firsts[number]
        codes = self._data[first : self._codes + self._firsts[number + 1]]
        return text.decode("utf-8").split("\n"), codes

    def whole(self) -> tuple[list[str], bytes]:
        """Every word and its code."""
        if not self.size:
            return [], b""
        text = self._data[self._text : self._names - 1].decode("utf-8")
        return text.split("\n"), self._data[self._codes : self._text]

    def names(self) -> tuple[frozenset[str], dict[str, str]]:
        """The lower-case words that are names too, and the spellings that
        are not the folded form capitalised."""
        also, _, spellings = (
            self._data[self._names :].decode("utf-8").partition(_SECTION)
        )
        pairs = (line.split("\t") for line in spellings.splitlines())
        return frozenset(also.split("\n")) - {""}, dict(pairs)


def _uint32s(raw: bytes) -> array[int]:
    numbers = array("I")
    numbers.frombytes(raw)
    if sys.byteorder == "big":  # pragma: no cover - stored little-endian
        numbers.byteswap()
    return numbers


class _Counts(dict[str, int]):
    """Words and their counts; a word not decoded yet is looked for in its
    bucket (``__missing__``: only ``[]`` calls it), and one not in the list
    counts 0."""

    __slots__ = ("_lexicon",)

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self._lexicon: Lexicon | None = lexicon

    def __missing__(self, folded: str) -> int:
        lexicon = self._lexicon
        return 0 if lexicon is None else lexicon.decode(folded)

    def complete(self) -> None:
        """Every word is here: a missing one counts 0 without asking."""
        self._lexicon = None


class Lexicon:
    """Known words, the names among them, and how common each word is.

    Counts are word frequencies as ``round(10 * log10(count))`` (Zipf-like, 0
    when rare or not counted), keyed by the case-folded form. Words are asked
    by their folded form. A lexicon read from a prepared file decodes the
    words it is asked about bucket by bucket (see the module's docstring);
    its answers are those of the whole list, whatever was asked before.
    ``knows`` and ``count`` are the dict's own methods once every word is
    decoded (a hit is then a C call, as a run over many files asks often).
    """

    __slots__ = (
        "_counts",
        "_loaded",
        "_name_info",
        "_prepared",
        "_whole_at",
        "count",
        "knows",
        "name_only",
        "names",
        "words",
    )

    def __init__(
        self,
        prepared: _Prepared | None = None,
        *,
        whole_share: float = WHOLE_SHARE,
    ) -> None:
        #: The words decoded so far with their counts (all once whole).
        self._counts = _Counts(self)
        #: The decoded words that are names and not lower-case words.
        self.name_only: set[str] = set()
        self._prepared = prepared
        #: Which buckets are decoded (None once every word is).
        self._loaded: bytearray | None = bytearray(BUCKETS) if prepared else None
        self._whole_at = prepared.size * whole_share if prepared else 0.0
        self._name_info: tuple[frozenset[str], dict[str, str]] | None = None
        #: Whether the list has this word (in any case).
        self.knows: Callable[[str], bool] = self._knows_decoding
        #: How common the word is (0 when not listed or not counted).
        self.count: Callable[[str], int] = self._counts.__getitem__
        #: The lower-case words the list has, with their counts.
        self.words: Mapping[str, int] = _Words(self)
        #: The case-folded forms of the capitalised words the list has
        #: (``paris`` for ``Paris``), with the first spelling listed.
        self.names: Mapping[str, str] = _Names(self)
        if prepared is None:
            self._whole()

    @classmethod
    def of(
        cls, words: Mapping[str, int], names: Mapping[str, str] | None = None
    ) -> Lexicon:
        """A lexicon of lower-case words with their counts, and names (by
        folded form) with their spellings (those not also words count 0)."""
        lexicon = cls()
        names = names or {}
        lexicon._counts.update(words)
        lexicon.name_only.update(f for f in names if f not in words)
        lexicon._counts.update(dict.fromkeys(lexicon.name_only, 0))
        also = frozenset(f for f in names if f in words)
        spellings = {f: s for f, s in names.items() if s != _capitalised(f)}
        lexicon._name_info = (also, spellings)
        return lexicon

    @property
    def decoded(self) -> int:
        """How many words are decoded (all of them once loaded whole)."""
        return len(self._counts)

    def load_whole(self) -> None:
        """Decode every word now (a run about to fork its workers, whom this
        spares a copy each)."""
        if self._loaded is not None and self._prepared is not None:
            self._add(*self._prepared.whole())
            self._whole()

    def is_word(self, folded: str) -> bool:
        """Whether the list has the word in lower case."""
        return self.knows(folded) and folded not in self.name_only

    def is_name(self, folded: str) -> bool:
        """Whether the list has the word capitalised."""
        return self.knows(folded) and (
            folded in self.name_only or folded in self.name_info()[0]
        )

    def every_word(self) -> Iterator[str]:
        """Every word the list has (all decoded)."""
        self.load_whole()
        return iter(self._counts)

    def name_info(self) -> tuple[frozenset[str], dict[str, str]]:
        """The lower-case words that are names too, and the spellings that
        are not the folded form capitalised."""
        if self._name_info is None:
            assert self._prepared is not None
            self._name_info = self._prepared.names()
        return self._name_info

    def decode(self, folded: str) -> int:
        """The count of a word not decoded: its bucket decoded, if not yet."""
        loaded = self._loaded
        if loaded is None or self._prepared is None:
            return 0
        number = bucket_of(folded)
        if loaded[number]:
            return 0
        # Marked once decoded: another thread asking meanwhile decodes it
        # again rather than taking its words for unknown.
        self._add(*self._prepared.bucket(number))
        loaded[number] = 1
        if len(self._counts) >= self._whole_at:
            self.load_whole()
        return self._counts.get(folded, 0)

    def _knows_decoding(self, folded: str) -> bool:
        if folded not in self._counts:
            self.decode(folded)
        return folded in self._counts

    def _add(self, words: list[str], codes: bytes) -> None:
        """Add decoded words (names first: a word is never seen without its kind)."""
        self.name_only.update(itertools.compress(words, codes.translate(_IS_NAME)))
        self._counts.update(zip(words, codes.translate(_COUNT_OF), strict=True))

    def _whole(self) -> None:
        self._loaded = None
        self._counts.complete()
        self.knows = self._counts.__contains__


class _Words(Mapping[str, int]):
    """A lexicon's lower-case words and their counts, as a mapping."""

    __slots__ = ("_lexicon",)

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def __contains__(self, folded: object) -> bool:
        lexicon = self._lexicon
        return (
            isinstance(folded, str)
            and lexicon.knows(folded)
            and folded not in lexicon.name_only
        )

    def __getitem__(self, folded: str) -> int:
        if not self._lexicon.is_word(folded):
            raise KeyError(folded)
        return self._lexicon.count(folded)

    def __iter__(self) -> Iterator[str]:
        return filter(self._lexicon.is_word, self._lexicon.every_word())

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Names(Mapping[str, str]):
    """A lexicon's names (by folded form) and their spellings, as a mapping."""

    __slots__ = ("_lexicon",)

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def __contains__(self, folded: object) -> bool:
        return isinstance(folded, str) and self._lexicon.is_name(folded)

    def __getitem__(self, folded: str) -> str:
        if not self._lexicon.is_name(folded):
            raise KeyError(folded)
        return self._lexicon.name_info()[1].get(folded) or _capitalised(folded)

    def __iter__(self) -> Iterator[str]:
        return filter(self._lexicon.is_name, self._lexicon.every_word())

    def __len__(self) -> int:
        return sum(1 for _ in self)


#: Software terms (cSpell's ``@cspell/dict-software-terms``, MIT; built by
#: ``bench/lexicon/software_terms.py``): lower-cased, one a line.
SOFTWARE_TERMS = DATA / "software-terms.txt.gz"


@functools.cache
def software_terms() -> WordList:
    """Words of software documentation no English list holds (structs,
    distros, gzipped, containerd, isinstance), read on first ask: the
    lexicon rule asks only about a word the lexicon lacks. Kept as the
    sorted lines, searched by bisection (``translit.WordList``): a page asks
    about a few words, where hashing all 17,000 would cost milliseconds."""
    from copydesk.translit import WordList

    text = zlib.decompress(SOFTWARE_TERMS.read_bytes(), 31).decode("utf-8")
    return WordList.of_lines(text, ordered=True)


@functools.cache
def whole_loader(language: str) -> Callable[[], None]:
    """A call that decodes the whole lexicon of ``language``: one object
    per language, which ``patterns.load_before_fork`` lists once and a
    compiled ruleset pickles (``ruleset_snapshot``)."""
    return functools.partial(load_whole, language)


def load_whole(language: str) -> None:
    """Decode every word of the lexicon of ``language`` now."""
    lexicon(language).load_whole()


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (``en`` or ``de``), read on first use."""
    if language == "en":
        return load_prepared(PREPARED.read_bytes())
    if language == "de":
        return _german()
    raise KeyError(language)


def load_prepared(data: bytes, *, whole_share: float = WHOLE_SHARE) -> Lexicon:
    """A lexicon from the bytes of a prepared file (see :func:`prepare`);
    ``whole_share`` of its words decoded, it decodes the rest."""
    return Lexicon(_Prepared(data), whole_share=whole_share)


def _code(count: int, *, name: bool) -> int:
    """The code of a lower-case word, or of a name only, with this count."""
    if not 0 <= count <= (_MAX_NAME_COUNT if name else _MAX_WORD_COUNT):
        raise ValueError(f"a count of {count} does not fit a lexicon's code")
    return count + (_NAME_ONLY if name else 1)


def prepare(source: str) -> bytes:
    """The prepared file of a ``word[<TAB>count]`` list (one word a line).

    A word listed in lower case is a word; a capitalised one is a name under
    its case-folded form (the first spelling listed); a count belongs to the
    folded form, the largest when several spellings fold alike.
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
    codes = {w: _code(counts.get(w, 0), name=False) for w in lower}
    codes.update(
        (f, _code(counts.get(f, 0), name=True)) for f in names if f not in lower
    )
    buckets: list[list[str]] = [[] for _ in range(BUCKETS)]
    for word in sorted(codes):
        buckets[bucket_of(word)].append(word)
    starts, firsts = array("I", [0]), array("I", [0])
    text, code_bytes = bytearray(), bytearray()
    for bucket in buckets:
        for word in bucket:
            text += word.encode("utf-8") + b"\n"
            code_bytes.append(codes[word])
        starts.append(len(text))
        firsts.append(len(code_bytes))
    also = "\n".join(sorted(f for f in names if f in lower))
    spelt = sorted((f, s) for f, s in names.items() if s != _capitalised(f))
    section = (also + _SECTION + "".join(f"{f}\t{s}\n" for f, s in spelt)).encode()
    counts_of = array("I", [BUCKETS, len(code_bytes), len(text), len(section)])
    return (
        _MAGIC
        + b"".join(_little(numbers) for numbers in (counts_of, starts, firsts))
        + bytes(code_bytes)
        + bytes(text)
        + section
    )


def _little(numbers: array[int]) -> bytes:
    if sys.byteorder == "big":  # pragma: no cover - stored little-endian
        numbers = array("I", numbers)
        numbers.byteswap()
    return numbers.tobytes()


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
    return Lexicon.of(words)


def main() -> int:
    """Rebuild the prepared English lexicon from the list."""
    PREPARED.write_bytes(prepare(read_source()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
