"""Transliteration keys for proper nouns, and the tokens they are computed for.

Two romanisations of one Cyrillic name (Samojlenko, Samoylenko; Charkiw,
Kharkiv) get an equal key, while different names that merely look alike
(Austria, Australia; Iran, Iraq) do not. Keys are compared for equality,
never for similarity. The ``names`` and ``variants`` checks share this
module: one pass finds a document's capitalised tokens (the ``Capitalised``
analysis, asked of the document by every rule), and every key is cached
because the same few thousand names recur across a corpus.
"""

import array
import bisect
import functools
import itertools
import operator
import unicodedata
from collections.abc import Generator, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from copydesk import text_pieces
from copydesk.document import Analysis, Document
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.re2_superset import compile_scanner
from copydesk.regex_programs import REVERSE, VERSION0
from copydesk.utf8_count import chars_between
from copydesk.wide_chars import ascii_view, wide_places

if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    import regex

#: The package's word lists (shipped with the code).
_DATA = Path(__file__).parent / "data"
#: Letters folded before ``anyascii``, which would lose the digraph they stand for.
_PRE_FOLD = str.maketrans(
    {"č": "ch", "š": "sh", "ž": "zh", "ż": "zh", "ł": "l", "ß": "ss", "ŭ": "u"}
)
_NOT_AZ = later_re(r"[^a-z]+")
#: Step 2: clusters rewritten to one marker, longest first (upper case = marker).
_CLUSTERS = later_re(r"schtsch|chtch|shch|szcz|tsch|tch|sch|cz|sz|zh|sh|kh")
_CLUSTER_MARK = {
    "schtsch": "Q",
    "chtch": "Q",
    "shch": "Q",
    "szcz": "Q",
    "tsch": "C",
    "tch": "C",
    "cz": "C",
    "sch": "S",
    "sz": "S",
    "zh": "S",
    "sh": "S",
    "kh": "K",
}
#: ``ch`` is tsch in English, kh in German, sh in French: try each reading.
_CH_READINGS = ("C", "K", "S")
_MAX_CH = 3
#: Step 3: single letters and pairs that romanisations disagree on.
_SINGLE_MAP = {
    "ts": "s",
    "tz": "s",
    "z": "s",
    "c": "s",
    "x": "ks",
    "w": "v",
    "j": "i",
    "y": "i",
    "q": "k",
}
_DOUBLES = later_re(r"(.)\1+")
#: Spellings a romanisation for English readers would not use.
_FOREIGN = later_re(r"tsch|sch|cz|sz|ou|w|j")


def to_ascii(text: str) -> str:
    """``anyascii(text)``, the package imported only for a text that holds
    more than ASCII and accented Latin letters: importing it and reading its
    first table (through ``importlib.resources``, which imports the zip
    reader, ``tempfile`` and ``shutil``) costs about 25 M instructions, and
    the names a default run folds (Mykolaïv, Lévy, Kijów) need none of it."""
    if text.isascii():
        return text
    letters: list[str] = []
    for ch in text:
        letter = ch if ch.isascii() else _unaccented(ch)
        if letter is None:
            from anyascii import anyascii

            return anyascii(text)
        letters.append(letter)
    return "".join(letters)


@functools.lru_cache(maxsize=1024)
def _unaccented(ch: str) -> str | None:
    """The ASCII letter of an accented Latin letter (é, ï, ń: one whose
    canonical decomposition is an ASCII letter and combining marks), which
    is what ``anyascii`` makes of it (a test checks every such character);
    None for any other character."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    accented = marks and all(unicodedata.combining(mark) for mark in marks)
    return base if accented and base.isascii() and base.isalpha() else None


@functools.lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """Lower-case a–z form of a Latin-script token; "" for any other script."""
    if not token.isascii() and not _is_latin(token):
        return ""
    text = to_ascii(token.lower().translate(_PRE_FOLD)).lower()
    text = _NOT_AZ.sub("", text)
    text = text.replace("ou", "u").replace("ck", "k")
    if text.endswith("ine") and len(text) > 5:
        text = text[:-1]
    return text


def _is_latin(token: str) -> bool:
    """True when every letter in ``token`` is a Latin letter."""
    for ch in token:
        if ch.isascii() or not ch.isalpha() or unicodedata.category(ch) == "Lm":
            continue  # soft-sign primes (ʹ) are modifier letters, not a script
        if not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


@functools.lru_cache(maxsize=65536)
def keys(token: str) -> frozenset[str]:
    """Every transliteration key of ``token`` (several when it has a ``ch``)."""
    folded = fold(token)
    if not folded:
        return frozenset()
    marked = _CLUSTERS.sub(lambda m: _CLUSTER_MARK[m.group()], folded)
    if "ch" not in marked:  # one reading: most names
        return frozenset((_finish(marked),))
    parts = marked.split("ch")
    readings: list[tuple[str, ...]] = [
        _CH_READINGS if i < _MAX_CH else ("C",) for i in range(len(parts) - 1)
    ]
    found = set()
    for choice in itertools.product(*readings):
        joined = parts[0] + "".join(
            c + p for c, p in zip(choice, parts[1:], strict=True)
        )
        found.add(_finish(joined))
    return frozenset(found)


def _finish(text: str) -> str:
    """Step 3: merge letters that romanisations swap, then collapse doubles.

    The pairs of ``_SINGLE_MAP`` are replaced first, in its order, then
    the single letters by ``str.translate``, and doubles are collapsed by
    ``groupby``: a regex ``sub`` ran Python code (a callback, a template)
    per replacement, for every reading of every name of a document. As in
    the one ``sub`` it stands for, no replacement is read again, and none
    makes a pair that an earlier step would have read.
    """
    for pair, letter in _PAIRS:
        text = text.replace(pair, letter)
    text = text.translate(_single_letters())
    if _DOUBLES.search(text) is None:
        return text
    return "".join(letter for letter, _ in itertools.groupby(text))


#: ``_SINGLE_MAP``'s pairs of letters, replaced before the single letters.
_PAIRS = tuple((k, v) for k, v in _SINGLE_MAP.items() if len(k) == 2)


@functools.cache
def _single_letters() -> dict[int, str]:
    """``_SINGLE_MAP``'s single letters as a ``str.translate`` table."""
    return str.maketrans({k: v for k, v in _SINGLE_MAP.items() if len(k) == 1})


def same_key(first: str, second: str) -> bool:
    """True when two tokens could be romanisations of one name."""
    return not keys(first).isdisjoint(keys(second))


@functools.lru_cache(maxsize=65536)
def foreign_markers(token: str) -> int:
    """How many German, Polish, Czech or French spellings ``token`` has."""
    lowered = token.lower()
    marks = len(_FOREIGN.findall(lowered))
    return marks + sum(1 for ch in lowered if ch.isalpha() and not ch.isascii())


# --- candidate tokens -------------------------------------------------------

#: Latin capitalised words; a soft-sign apostrophe (L'viv) may sit inside, a
#: possessive ('s) or contraction may not.
_TOKEN = later_regex(
    r"(?<![\w@#/\\.])(?<!\w['’ʹʼ])\p{Lu}[\p{Ll}\p{M}]*"
    r"(?:['’ʹ′ʼ][\p{Ll}\p{M}]{3,})*(?:[ʹʼ][\p{Ll}\p{M}]{1,2})?(?![\w@]|[.][\w])",
    VERSION0,
)
#: A `code` span, or where a URL, file name, e-mail address, @handle or #tag
#: may be (with the rest of its non-space run); the run's start is found by a
#: reverse match.
_NOT_PROSE_HINT = later_regex(
    r"`[^`\n]*`|[:w@#.](?:(?<=:)//|(?<=w)ww\.|(?<=[@#])\w|(?<=\.)(?:com|org|net|gov"
    r"|edu|info|io|ua|ru|de|fr|pl|uk|eu|html?|jpe?g|png|gif|svg|pdf|webp)\b)\S*"
)
_NON_SPACE_BEFORE = later_regex(r"\S*", REVERSE)
#: Where a hint may start, in RE2 syntax (look-behinds turned into literal
#: prefixes, word characters widened to all non-ASCII): most documents have
#: none, and RE2 says so at a small fraction of the hint pattern's cost.
_HINT_START = (
    r"`|://|www\.|[@#][0-9A-Za-z_\x{80}-\x{10FFFF}]"
    r"|\.(?:com|org|net|gov|edu|info|io|ua|ru|de|fr|pl|uk|eu|htm|jpe?g|png|gif|svg"
    r"|pdf|webp)"
)


@functools.cache
def _hint_scanner() -> Any:
    return compile_scanner(_HINT_START, ignorecase=False)


def _hint_places(text: str) -> Generator[int, int | None, None] | None:
    """Every place a hint may start, in order, as a generator told where to
    look on from (``send``: the place after a hint found, else the place
    after the one it yielded); None where RE2 cannot tell (no scanner, or
    lone surrogates it cannot read)."""
    scanner = _hint_scanner()
    if scanner is None:
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: RE2 cannot read the text
        return None
    return _hints_in(scanner, text, data)


def _hints_in(scanner: Any, text: str, data: bytes) -> Generator[int, int | None, None]:
    """``_hint_places`` of ``text`` encoded as ``data``: RE2 searches the
    bytes (a search of the text would encode it again each time), and the
    byte offsets are counted on into characters from the last one known
    (``utf8_count``: decoding the gap would make a string of it)."""
    wide = not text.isascii()
    byte = char = 0  # a place known in both
    found = scanner.search(data, 0)
    while found is not None:
        at = found.start()
        if wide:
            char += chars_between(data, byte, at)
            byte = at
        else:
            char = byte = at
        resume = yield char
        if resume is None:
            resume = char + 1  # a hint starts with an ASCII character
        if wide:
            byte += len(text[char:resume].encode("utf-8"))
            char = resume
        else:
            char = byte = resume
        found = scanner.search(data, byte)


class Token(NamedTuple):
    """A capitalised word and its source offsets.

    A named tuple: ``Candidates`` makes one per occurrence of a candidate
    word (80,000 in the 8 MB news benchmark), and a frozen dataclass's
    ``__init__`` costs several times a tuple's."""

    start: int
    end: int
    text: str


#: A ``Token`` from a (start, end, text) tuple, made without Python code.
_new_token = functools.partial(tuple.__new__, Token)


def non_prose_spans(text: str) -> "array.array[int]":
    """Where ``text`` has URLs, addresses, handles and code spans: flat
    (start, end) pairs, in order and never overlapping."""
    spans = array.array("q")
    places = _hint_places(text)
    hits = _NOT_PROSE_HINT.finditer(text) if places is None else _hints_at(text, places)
    last = 0
    before = _NON_SPACE_BEFORE.match
    for hit in hits:
        start, end = hit.span()
        if text[start] != "`":
            start = before(text, last, start).start()  # type: ignore[union-attr]
        spans.extend((start, end))
        last = end
    return spans


def _hints_at(
    text: str, places: Generator[int, int | None, None]
) -> "Iterator[regex.Match[str]]":
    """The matches ``_NOT_PROSE_HINT.finditer`` finds, tried only where RE2
    says a hint may start: the regex module tested every ``w``, ``.`` and
    ``:`` of the text (0.13 s on the 17 MB Markdown file's prose). Where
    the places come closer than ``_DENSE_GAP`` characters apart on average,
    the rest of the text is left to ``finditer``, which is cheaper there."""
    match = _NOT_PROSE_HINT.match
    at = next(places, None)
    if at is None:
        return
    tried, since = 0, at
    while True:
        hit = match(text, at)
        if hit is not None:
            yield hit
        resume = None if hit is None else hit.end()
        tried += 1
        if tried == _DENSE_PLACES:
            if at - since < _DENSE_PLACES * _DENSE_GAP:  # dense: scan the rest
                yield from _NOT_PROSE_HINT.finditer(
                    text, at + 1 if resume is None else resume
                )
                return
            tried, since = 0, at
        try:
            at = places.send(resume)
        except StopIteration:
            return


#: Places tried before their spacing is judged, and the mean spacing (in
#: characters) under which the rest of the text is scanned by
#: ``_NOT_PROSE_HINT.finditer``: a match per place, with RE2's search and the
#: generator between, costs more than the regex module's own scan where
#: hints are dense (tweets, @handle lists, code spans in every line).
_DENSE_PLACES = 256
_DENSE_GAP = 64


def blanked(text: str, spans: Sequence[int]) -> str:
    """``text`` with each (start, end) pair of flat ``spans`` made spaces."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for i in range(0, len(spans), 2):
        start, end = spans[i], spans[i + 1]
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def mask_non_prose(text: str) -> str:
    """``text`` with URLs, addresses, handles and code spans blanked out."""
    return blanked(text, non_prose_spans(text))


#: ``mask_non_prose`` under the name the checks used before analyses.
masked = mask_non_prose


def _pieces_after(text: str, after: str) -> Iterator[tuple[int, int]]:
    """``text`` as consecutive spans of about ``text_pieces.PIECE``
    characters, each but the last ending just after an ``after``."""
    if after == " ":
        yield from text_pieces.spaced_pieces(text)
        return
    start, total = 0, len(text)
    while start < total:
        cut = text.find(after, start + text_pieces.PIECE - 1)
        end = total if cut == -1 else cut + 1
        yield start, end
        start = end


class MaskedSpans:
    """The blanked-out places of a document's prose, kept instead of the
    blanked text: that text is a second copy of the prose (32 MB of a 17 MB
    Markdown file), and its few readers each need it only while they scan,
    so each builds it (a C-level join, a few ms a megabyte) and drops it."""

    __slots__ = ("spans",)

    spans: Final[Sequence[int]]

    def __init__(
        self,
        spans: Sequence[int],
    ) -> None:
        self.spans = spans

    def text(self, prose: str) -> str:
        """``prose`` (the document's) with the places blanked out; ``prose``
        itself when it has none."""
        return blanked(prose, self.spans)

    def pieces(self, prose: str, after: str = " ") -> Iterator[tuple[int, str]]:
        """``self.text(prose)`` as consecutive pieces with their offsets, of
        about ``text_pieces.PIECE`` characters, each but the last ending
        just after an ``after`` (a space or a line feed: never blanked, so
        the cut is the same in the prose and the blanked text)."""
        spans = self.spans
        first = 0  # the first pair that may reach into the next piece
        for lo, hi in _pieces_after(prose, after):
            piece = prose[lo:hi]
            if not spans or first >= len(spans) or spans[first] >= hi:
                yield lo, piece
                continue
            clipped: list[int] = []
            i = first
            while i < len(spans) and spans[i] < hi:
                start, end = spans[i], spans[i + 1]
                if end > lo:
                    clipped.extend((max(start, lo) - lo, min(end, hi) - lo))
                if end <= hi:
                    first = i + 2
                i += 2
            yield lo, blanked(piece, clipped)


class MaskedProse(Analysis[MaskedSpans]):
    """Where the document's prose has URLs, addresses, handles and code
    spans (``non_prose_spans``): names are looked for in the prose with
    them blanked out."""

    @classmethod
    def compute(cls, doc: Document) -> MaskedSpans:
        return MaskedSpans(non_prose_spans(doc.prose))


class TokenIndex:
    """The capitalised words of a text in order, and the distinct ones.

    Rules ask which of their words occur (a set operation) and only then
    build ``Token`` objects for the hits, instead of one object per word.
    A document's is the ``Capitalised`` analysis.
    """

    __slots__ = ("distinct", "starts", "texts")

    starts: Final[Sequence[int]]
    texts: Final[Sequence[str]]
    distinct: Final[frozenset[str]]

    def __init__(
        self,
        starts: Sequence[int],
        texts: Sequence[str],
        distinct: frozenset[str],
    ) -> None:
        self.starts = starts
        self.texts = texts
        self.distinct = distinct

    def where(self, wanted: AbstractSet[str]) -> Iterator[Token]:
        """Every occurrence of a word in ``wanted``, left to right.

        The occurrences are picked out in C (``compress``): the names rules
        each ask for a few words, and a loop over every word of a long text
        per rule was most of their time. Their tokens are made in C too
        (``tuple.__new__``, what a named tuple's own ``__new__`` calls): a
        Python step per occurrence of ``Candidates``' words (80,000 in
        8 MB of news) cost 0.1 s."""
        # The words present, as a set: a test of each word of the text
        # against a dict's keys (what the names rules pass) costs half as
        # much again, and a text without them needs no walk at all.
        present = self.distinct.intersection(wanted)
        if not present:
            return iter(())
        picked = list(
            itertools.compress(
                range(len(self.texts)), map(present.__contains__, self.texts)
            )
        )
        starts = list(map(self.starts.__getitem__, picked))
        texts = list(map(self.texts.__getitem__, picked))
        ends = map(operator.add, starts, map(len, texts))
        return map(_new_token, zip(starts, ends, texts, strict=True))

    @classmethod
    def of_masked(cls, text: str) -> "TokenIndex":
        """The index of text already masked."""
        return cls.of_pieces(
            (lo, text[lo:hi]) for lo, hi in text_pieces.spaced_pieces(text)
        )

    @classmethod
    def of_pieces(cls, pieces: Iterable[tuple[int, str]]) -> "TokenIndex":
        """The index of a masked text given as consecutive pieces (offset,
        text) that end just after a space (see ``copydesk.text_pieces``),
        found by C-level ``split``s of the shape of each (``_shape``; the
        pattern's own split where a character has no shape): a split of the
        whole text makes a string of every word and every gap at once, and
        the whole masked text is a copy of the prose."""
        starts = array.array("q")
        texts: list[str] = []
        for lo, piece in pieces:
            shaped = _shaped_tokens(piece)
            if shaped is not None:
                found, words = shaped
            else:
                split = _TOKEN_SPLIT.split(piece)
                words = split[1::2]
                found, _ = _captured_spans(split)
            starts.extend(map(lo.__add__, found))
            texts.extend(_with_soft_signs(piece, found, words))
        # Compact, as it lives as long as the document: offsets as machine
        # integers (never a Python int each), and one string per distinct
        # word (a long text repeats its capitalised words), shared by all
        # its occurrences.
        shared = dict(zip(texts, texts, strict=True))
        texts = list(map(shared.__getitem__, texts))
        return cls(starts, texts, frozenset(shared))


class Capitalised(Analysis[TokenIndex]):
    """The index of a document's capitalised words, in its ``MaskedProse``.

    A class of its own, not the index itself: ``Analysis["TokenIndex"]``, a
    class naming itself before it exists, made ``typing`` compile a
    ``ForwardRef``, and a run's first ``compile`` builds the interpreter's
    AST types, 10 M instructions of a one-file check.
    """

    @classmethod
    def compute(cls, doc: Document) -> TokenIndex:
        return TokenIndex.of_pieces(doc.get(MaskedProse).pieces(doc.prose))


_TOKEN_SPLIT = later_regex(f"({_TOKEN.pattern})", VERSION0)
#: Text seen by the part each character plays around a capitalised word
#: (capital, small letter or mark, other word character, apostrophe, prime,
#: modifier-letter apostrophe, full stop, "@", "#/\\"; everything else a
#: space), so that ``_TOKEN`` becomes a pattern with a literal first
#: character, which the engine finds with its fast string search instead of
#: testing every position.
#: (The ASCII letters and digits written out: importing ``string`` for them
#: compiles its ``Template`` pattern, 4 M instructions of a one-file check.)
_SHAPE_FROM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'.@#/\\"
_SHAPE_TO = "U" * 26 + "l" * 26 + "d" * 11 + "'.@###"
_OTHER = bytes(c for c in range(128) if chr(c) not in _SHAPE_FROM)
_SHAPES = bytes.maketrans(
    _SHAPE_FROM.encode() + _OTHER, _SHAPE_TO.encode() + b" " * len(_OTHER)
)
#: ``_TOKEN`` on shapes: \\w is U, l, d or m; ['’ʹʼ] is ' or m; ['’ʹ′ʼ] is
#: ', p or m; [ʹʼ] is m.
_SHAPE_SPLIT = later_re(
    r"(U(?<![Uldm@#.]U)(?<![Uldm]['m]U)l*(?:['pm]l{3,})*(?:ml{1,2})?)"
    r"(?![Uldm@]|\.[Uldm])"
)
#: What a character beyond ASCII is to ``_TOKEN`` (see ``_wide_shape``).
_WIDE_CLASSES = (
    later_regex(r"\p{Lu}", VERSION0),
    later_regex(r"[\p{Ll}\p{M}]", VERSION0),
    later_regex(r"\w", VERSION0),
)
#: A wide character's shape by (capital, small or mark, word character,
#: in ['’ʹʼ], in ['’ʹ′ʼ], in [ʹʼ]); a character of no listed kind has none.
_WIDE_SHAPES = {
    (True, False, True, False, False, False): ord("U"),
    (False, True, True, False, False, False): ord("l"),
    (False, False, True, False, False, False): ord("d"),
    (False, False, False, True, True, False): ord("'"),
    (False, False, False, False, True, False): ord("p"),
    (False, False, True, True, True, True): ord("m"),
    (False, False, False, False, False, False): ord(" "),
}


#: A soft sign written as an apostrophe or prime before a short ending
#: (Donets'k, Kramatorsʹk), or the ʻokina, written ‘ as often as ʻ or ’
#: (Hawai‘i), not a contraction or a possessive ('s, 'll), which may
#: follow it (Hawai‘i’s).
_SOFT_TAIL = later_regex(
    r"(?<=\p{Ll})['’ʹ′ʼ‘ʻ](?!(?:s|d|t|m|ll|re|ve)(?![\p{Ll}\p{M}]))"
    r"[\p{Ll}\p{M}]{1,2}(?=['’]s(?![\w])|(?![\w'’ʹ′ʼ‘ʻ@]|[.][\w]))"
)
#: The signs ``_SOFT_TAIL`` starts with.
_SIGNS = frozenset("'’ʹ′ʼ‘ʻ")


def _with_soft_signs(text: str, starts: Sequence[int], texts: list[str]) -> list[str]:
    """``texts`` with each word that a soft sign and a short ending follow
    taken whole (Donets'k is one name, not Donets and k).

    The tail is tried only right after a word that a sign follows, picked
    out in C: a scan of the whole text for tails and a Python step per word
    cost a third of the index of 8 MB of news. A tail found there is the
    one a scan finds, since no tail's letters are a sign."""
    ends = list(map(operator.add, starts, map(len, texts)))
    after = map((text + " ").__getitem__, ends)  # a word may end the text
    signed = itertools.compress(range(len(ends)), map(_SIGNS.__contains__, after))
    out = texts
    for i in signed:
        tail = _SOFT_TAIL.match(text, ends[i])
        if tail is not None:
            out = list(texts) if out is texts else out
            out[i] = text[starts[i] : tail.end()]
    return out


def _shaped_tokens(text: str) -> tuple[list[int], list[str]] | None:
    """``_TOKEN``'s words in ``text``, with their offsets, via its shape;
    None when a character has no shape."""
    shape = _shape(text)
    if shape is None:
        return None
    starts, ends = _captured_spans(_SHAPE_SPLIT.split(shape))
    return starts, list(map(text.__getitem__, map(slice, starts, ends)))


def _shape(text: str) -> str | None:
    """``text`` as ``_SHAPE_SPLIT`` reads it, character for character; None
    when a character beyond ASCII has no shape.

    Nearly every piece of real text holds a character beyond ASCII (a curly
    apostrophe: all eight megabytes of the news benchmark), and the regex
    module's split of ``_TOKEN`` tests its look-behinds at every position
    (0.14 s on those 8 MB). The ASCII characters are shaped by one byte
    translation (the others read as ``?``, one byte each), the others one
    by one where a ``?`` stands: they are a few in a thousand."""
    view = ascii_view(text)
    if text.isascii():
        return view.translate(_SHAPES).decode("ascii")
    shape = bytearray(view.translate(_SHAPES))
    for at in wide_places(text, view):
        role = _wide_shape(text[at])
        if role is None:
            return None
        shape[at] = role
    return shape.decode("ascii")


@functools.lru_cache(maxsize=4096)
def _wide_shape(ch: str) -> int | None:
    """The shape of a character beyond ASCII, asked of the regex module's
    own classes, so that ``_SHAPE_SPLIT`` reads it as ``_TOKEN`` does; None
    for a character of no kind listed in ``_WIDE_SHAPES``."""
    capital, small, word = (c.fullmatch(ch) is not None for c in _WIDE_CLASSES)
    kinds = (capital, small, word, ch in "'’ʹʼ", ch in "'’ʹ′ʼ", ch in "ʹʼ")
    return _WIDE_SHAPES.get(kinds)


def _captured_spans(pieces: list[str]) -> tuple[list[int], list[int]]:
    """Starts and ends of the captured pieces of a one-group ``split``, whose
    pieces alternate the text between and the captures: running sums."""
    offsets = list(itertools.accumulate(map(len, pieces)))
    return offsets[0::2][: len(pieces) // 2], offsets[1::2]


def token_index(prose: str) -> TokenIndex:
    """Capitalised words of ``prose`` outside URLs, handles and code.

    Computed afresh on every call: checks ask the document
    (``doc.get(Capitalised)``), which computes it once for all of them.
    """
    return TokenIndex.of_masked(mask_non_prose(prose))


def is_token(text: str) -> bool:
    """True when ``text`` is one capitalised word as ``token_index`` finds them."""
    return _TOKEN.fullmatch(text) is not None


def candidates(prose: str) -> tuple[Token, ...]:
    """Capitalised Latin words of 4+ letters that are not common words.

    URLs, addresses, handles and code spans are skipped. Computed afresh on
    every call; checks ask the document for ``Candidates``.
    """
    index = token_index(prose)
    return tuple(index.where(_candidate_words(index)))


def candidate_words(prose: str) -> frozenset[str]:
    """The distinct words of ``candidates``."""
    return _candidate_words(token_index(prose))


class CandidateWords(Analysis[frozenset[str]]):
    """The document's distinct capitalised words that may be names."""

    @classmethod
    def compute(cls, doc: Document) -> frozenset[str]:
        return _candidate_words(doc.get(Capitalised))


class Candidates(Analysis[tuple[Token, ...]]):
    """Every occurrence of the document's ``CandidateWords``, in order: what
    the ``variants`` check groups by key."""

    @classmethod
    def compute(cls, doc: Document) -> tuple[Token, ...]:
        return tuple(doc.get(Capitalised).where(doc.get(CandidateWords)))


def _candidate_words(index: TokenIndex) -> frozenset[str]:
    return frozenset(
        word
        for word in index.distinct
        if len(word) >= MIN_LETTERS and is_candidate(word)
    )


#: Shorter capitalised words are initials, acronyms' tails or too ambiguous.
MIN_LETTERS = 4


@functools.lru_cache(maxsize=65536)
def is_candidate(token: str) -> bool:
    """A Latin-script word long enough to be a name and not a common word."""
    return len(fold(token)) >= MIN_LETTERS and not is_common(token)


# --- word lists -------------------------------------------------------------


class WordList:
    """A sorted word list searched by bisection.

    Building a set of the 63,000 common words hashes every one of them, a
    good part of a one-file run; a sorted list is ready after one ``split``,
    and ``is_common`` caches its answers anyway. A list read from lines
    (:meth:`of_lines`) is not even split for its first ``PROBES`` questions,
    where the split makes 63,000 strings (~30 M instructions) and a short
    document asks a few dozen: each is a bisection of the text's lines when
    they are in order (a few dozen characters read), else a search of the
    text for the word as a line (~0.5 M instructions for the common list).
    """

    __slots__ = ("_lines", "_ordered", "_probes", "_words")

    #: Questions answered by searching the lines before they are split.
    PROBES = 64

    def __init__(self, words: list[str]) -> None:
        words.sort()  # already sorted on disk: one linear pass
        self._words: list[str] | None = words
        self._lines = ""
        self._ordered = False
        self._probes = 0

    @classmethod
    def of_lines(cls, text: str, *, ordered: bool = False) -> "WordList":
        """The words of ``text``, one a line, with no other white space;
        ``ordered``: its lines are sorted (as ``str`` compares them)."""
        made = cls([])
        made._words = None
        made._lines = "\n" + text.strip("\n") + "\n"
        made._ordered = ordered
        return made

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        words = self._words
        if words is None:
            if self._probes < self.PROBES:
                self._probes += 1
                # A word with white space in it (or none) is no line's.
                if word.split() != [word]:
                    return False
                if self._ordered:
                    return self._bisect_lines(word)
                return f"\n{word}\n" in self._lines
            words = self._split()
        index = bisect.bisect_left(words, word)
        return index < len(words) and words[index] == word

    def _bisect_lines(self, word: str) -> bool:
        """Whether ``word`` is one of the sorted lines: a bisection between
        line feeds, each step reading one line."""
        lines = self._lines
        low, high = 0, len(lines) - 1  # line feeds: the lines between are left
        while low < high:
            start = lines.rfind("\n", low, (low + high) // 2 + 1)
            end = lines.index("\n", start + 1)
            line = lines[start + 1 : end]
            if line == word:
                return True
            if line < word:
                low = end
            else:
                high = start
        return False

    def __len__(self) -> int:
        return len(self._split() if self._words is None else self._words)

    def _split(self) -> list[str]:
        words = self._lines.split()
        words.sort()  # already sorted on disk: one linear pass
        self._words, self._lines = words, ""
        return words


def _read_words(name: str, *, ordered: bool = False) -> WordList:
    """One word a line, case-folded; ``#`` lines are comments; ``ordered``:
    the words are sorted, so the first questions may bisect them.

    A list that is already folded, with its comments only at the top and
    only line feeds for white space (the common list), is taken as it is
    (see :meth:`WordList.of_lines`). An ordered list is one that tests keep
    so (sorted, folded, line feeds only): its form is not checked again at
    every start, which made a case-folded copy of the common list (4 M
    instructions of a one-file check).
    """
    # A path beside this module, as ``wordlists`` reads the lexicon: the
    # lists ship in the package, so ``importlib.resources`` need not look
    # them up (nor be imported, in a run that does not transliterate).
    data = (_DATA / name).read_text("utf-8")
    start = 0
    while data.startswith("#", start):
        start = data.find("\n", start) + 1 or len(data)
    body = data[start:]
    if ordered or (
        not any(mark in body for mark in "# \t\r") and body == body.casefold()
    ):
        return WordList.of_lines(body, ordered=ordered)
    return WordList(
        sorted(
            {
                line.strip().casefold()
                for line in data.splitlines()
                if line.strip() and not line.startswith("#")
            }
        )
    )


@functools.lru_cache(maxsize=1)
def common_words() -> WordList:
    """Lower-case common English words (SCOWL via Debian ``wamerican``),
    sorted one a line (a test keeps them so, for the bisection)."""
    return _read_words("common-words.txt", ordered=True)


@functools.lru_cache(maxsize=1)
def not_names() -> WordList:
    """Months, weekdays, titles and administrative terms, case-folded."""
    return _read_words("not-names.txt")


@functools.lru_cache(maxsize=65536)
def is_common(token: str) -> bool:
    """True for an ordinary word that happens to be capitalised."""
    lowered = token.casefold()
    return lowered in common_words() or lowered in not_names()
