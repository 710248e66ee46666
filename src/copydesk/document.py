"""A document to lint: the source text, its prose view, its lines and analyses.

Mask, don't extract: ``prose`` has the same length as ``text``, with everything
that is not prose (code, URLs, tags, front matter) replaced by spaces and line
breaks kept, so an offset found in the prose view is an offset in the source.

Analyses are the one way checks share work on a document: a check asks
``doc.get(Capitalised)`` and the first asker computes the value, which the
document keeps for every later one (see ``Analysis``).
"""

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar, cast

from copydesk.lazy_patterns import later_re
from copydesk.lines import LineIndex, line_starts, next_line_end
from copydesk.model import Finding, Fix, Severity

__all__ = [
    "BLOCK_KINDS",
    "DOCUMENT_KINDS",
    "FILLER",
    "Analysis",
    "Block",
    "BlockIndex",
    "ByKey",
    "Directive",
    "Document",
    "WordSet",
    "default_kind",
    "format_kind",
    "hard_wrapped",
    "line_starts",
    "split_paragraphs",
]

#: Pads a decoded character reference in the prose view to the length of its
#: source: ``L&eacute;vy`` reads ``Lé`` + 7 fillers + ``vy``. WORD JOINER is
#: neither a space nor a word character, so whitespace tokenizers keep the word
#: whole and checks for double spaces do not fire; checks that match words, and
#: quote pairing, must allow it.
FILLER = "\u2060"

#: Block kinds that readers report; rule ``scope`` values select among them.
BLOCK_KINDS = (
    "paragraph",
    "heading",
    "list",
    "table",
    "blockquote",
    "alt",
    "code",
)


#: What a document is: a plain-text ``draft`` (pasted or scraped from a web
#: page, stdin) or an ``authored`` page written in markup (or hard-wrapped
#: plain text, see ``default_kind``). Rule files choose the kinds they apply
#: to (``kinds:``); configuration may override a file's.
DOCUMENT_KINDS = ("draft", "authored")


def default_kind(fmt: str, text: str) -> str:
    """A document's kind unless configured.

    Word files are drafts, markup is authored. Plain text is a draft unless
    it is hard-wrapped (``hard_wrapped``): text pasted or scraped from a web
    page keeps a paragraph to a line, while a README, a manual or a test
    plan in a repository was written in an editor at a fixed width. On the
    held-out documentation trees every finding of the draft-only debris
    rules on a ``.txt`` file was false (17, all gone: a manual's ``accept``
    heading, a README's "Last updated" stamp); all 4,373 news articles of
    the calibration corpus and the machine-translated draft have no
    wrapped line. Nor is a list of tokens, one a line (a project's spelling
    word list, a requirements file), a draft: its "Facebook" and "login"
    lines are entries, not a web page's buttons; nor a listing of short
    lines (``short_lined``: a game's table of keys, "i  inventory"), nor a
    file that opens with a program's header fields (``header_fields``: a
    distribution's news item, a mail, a PEP): its "Posted:" and
    "Revision:" are fields, not a page's stamps.
    """
    if fmt == "plain":
        return (
            "authored"
            if hard_wrapped(text)
            or token_list(text)
            or short_lined(text)
            or header_fields(text)
            else "draft"
        )
    return "draft" if fmt == "docx" else "authored"


def format_kind(fmt: str) -> str:
    """The kind ``default_kind`` gives every document of ``fmt``; empty for
    plain text, whose own lines decide."""
    return "" if fmt == "plain" else default_kind(fmt, "")


#: The shortest line that may have been wrapped at an editor's width.
WRAP_WIDTH = 40
#: A line of 40 to 160 characters and the first word character of the line
#: after it: where that is a small letter (of any script), a sentence broken
#: at the editor's width (72 to 80 columns mostly, 120 in some licence files).
_WRAPPED_LINE = later_re(rf"^[^\n]{{{WRAP_WIDTH},160}}(?=\n[ \t]*(\w))", re.MULTILINE)
#: A line of 40 characters or more: one that could have been wrapped.
_LONG_LINE = later_re(rf"^[^\n]{{{WRAP_WIDTH},}}", re.MULTILINE)
#: How much of a text ``hard_wrapped`` reads: its style shows early, and a
#: long file costs no more than this.
_WRAP_SAMPLE = 200_000


#: A list of tokens has at least this many entries, and nearly all its
#: lines hold one token (no space inside).
_TOKEN_LIST_LINES = 10
_TOKEN_LIST_SHARE = 0.9


def token_list(text: str) -> bool:
    """Whether ``text`` is a list of tokens, one a line: ten entries or
    more, nine in ten of its non-empty lines without a space inside. A
    pasted article's debris lines are one word too, but its paragraphs
    are long lines of words. Comment lines (``#`` first: a pinned
    requirements file's "# via sphinx") are no entries."""
    lines = [line.strip() for line in text[:_WRAP_SAMPLE].splitlines()]
    entries = [line for line in lines if line and not line.startswith("#")]
    if len(entries) < _TOKEN_LIST_LINES:
        return False
    tokens = sum(1 for line in entries if len(line.split()) == 1)
    return tokens >= _TOKEN_LIST_SHARE * len(entries)


#: A listing of short lines has at least this many, none longer than
#: ``_SHORT_LINE`` characters, and no sentence (``_SENTENCE_LINE``).
_SHORT_LINED_LINES = 20
_SHORT_LINE = 100
#: A line that is a sentence: six words or more, then its closing stop.
_SENTENCE_LINE = later_re(
    r"^[ \t]*(?:\S+[ \t]+){5,}\S*[.!?][\"'”’)]*[ \t]*$", re.MULTILINE
)


def short_lined(text: str) -> bool:
    """Whether ``text`` is a listing of short lines with no sentence among
    them: twenty lines or more, none over 100 characters, none a sentence
    of six words or more closed by its stop (a table of key bindings, a
    list of authors, a command's output). A page pasted or scraped keeps
    each paragraph on one line (every one of the 4,373 news articles of the
    calibration corpus has a line of 150 characters or more), and a pasted
    live blog or news brief of short lines still holds its sentences."""
    sample = text[:_WRAP_SAMPLE]
    lines = 0
    for line in sample.splitlines():
        if len(line) > _SHORT_LINE:
            return False
        lines += bool(line.strip())
    return lines >= _SHORT_LINED_LINES and _SENTENCE_LINE.search(sample) is None


def header_fields(text: str) -> bool:
    """Whether ``text`` opens with a block of ``_HEADER_FIELDS`` or more
    ``Name: value`` lines, a blank line after it, that holds a field only a
    program's format has (``_MACHINE_FIELDS``: ``News-Item-Format``,
    ``Content-Type``, ``Post-History``): the header of a distribution's
    news item, a mail or a PEP, which a program reads. A pasted page's
    "Posted: 2021-08-01" stands alone under a headline, and a hotel's
    "Check-in: 3 PM" or a newsroom's "Word-Count: 650" are no such field."""
    block = _HEADER_FIELD.match(text)
    if block is None:
        return False
    names = {line.partition(":")[0].casefold() for line in block.group().splitlines()}
    return not names.isdisjoint(_MACHINE_FIELDS) or any(
        name.startswith("display-if-") for name in names
    )


#: Header fields at a text's start: four lines or more, each a name of
#: letters and digits in hyphenated parts, a colon and a value, then a
#: blank line.
_HEADER_FIELDS = 4
_HEADER_FIELD = later_re(
    rf"(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*:[ \t]+\S[^\n]*\n){{{_HEADER_FIELDS},}}"
    r"(?=[ \t]*\r?\n)"
)
#: Field names that only a format read by a program has: a mail's (RFC
#: 5322 and MIME), a PEP's header and a Gentoo news item's (GLEP 42; its
#: ``Display-If-*`` fields are matched by their prefix).
_MACHINE_FIELDS = frozenset(
    {"message-id", "in-reply-to", "reply-to", "content-type", "mime-version",
     "content-transfer-encoding", "post-history", "discussions-to",
     "python-version", "news-item-format"}
)  # fmt: skip


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` breaks its sentences at a fixed width: three or more
    long lines continue on the next one, and at least a fifth of its long
    lines do (documentation ``.txt`` files measured 0.4 to 0.9; pasted
    articles, one paragraph a line, 0)."""
    sample = text[:_WRAP_SAMPLE]
    if "\r" in sample:  # lines as Document counts them: CRLF, CR or LF
        sample = sample.replace("\r\n", "\n").replace("\r", "\n")
    wrapped = sum(map(str.islower, _WRAPPED_LINE.findall(sample)))
    return wrapped >= 3 and 5 * wrapped >= len(_LONG_LINE.findall(sample))


_WORD = later_re(r"\w+")


class Block(NamedTuple):
    """A unit of prose (paragraph, heading, list item, ...) by source offsets.

    A named tuple rather than a frozen dataclass: readers make one per
    paragraph, and a frozen dataclass's ``__init__`` cost a tenth of the
    Markdown reader's time.
    """

    start: int
    end: int
    kind: str = "paragraph"


class Directive(NamedTuple):
    """An inline ``copydesk: ...`` comment found by a markup reader.

    ``action`` is one of ``disable``, ``enable``, ``disable-next-line`` and
    ``ignore-file``; ``rules`` is empty for "all rules"; ``line`` is 1-based.
    """

    action: str
    rules: tuple[str, ...]
    line: int
    start: int
    end: int


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """Blank-line separated paragraphs of ``text[start:end]`` (plain-text rule)."""
    stop = len(text) if end is None else end
    blocks: list[Block] = []
    para_start: int | None = None
    para_end = start
    pos = start
    while pos < stop:
        nl = next_line_end(text, pos, stop)
        line_end, next_pos = nl
        if text[pos:line_end].strip():
            if para_start is None:
                para_start = pos
            para_end = line_end
        elif para_start is not None:
            blocks.append(Block(para_start, para_end))
            para_start = None
        pos = next_pos
    if para_start is not None:
        blocks.append(Block(para_start, para_end))
    return blocks


T = TypeVar("T")
#: An analysis only produces its value: an analysis of a frozenset serves
#: where any set is read.
T_co = TypeVar("T_co", covariant=True)
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Analysis(Generic[T_co]):
    """A value derived from one document, computed once, on first ask.

    An analysis is a class whose ``compute(doc)`` returns a ``T_co``;
    ``doc.get(TheClass)`` returns that value, computing it for the first
    asker and keeping it on the document for every other rule and check type
    that asks. Check types declare the analyses they read (``USES``), so an
    engine knows what a ruleset will build.

    The value lives exactly as long as the document: nothing is keyed by the
    text in a module-level cache, so an editor server's next buffer, or
    another thread's document, never sees it. A value must not hold the
    document itself (the CLI runs with the cycle collector off: a cycle would
    keep every document of a run alive).

    What depends on a rule's own settings is not an analysis of the document
    alone. Work shared by a group of rules (one anchor scan for the ruleset's
    anchored rules) is an analysis whose value is a ``ByKey`` table, filled
    per key on first ask; work only one rule reads (a rule's per-paragraph
    verdicts) stays inside that rule's ``run``, where it ends with the call.
    """

    __slots__ = ()

    #: Whether the checks that read this analysis run in one unit, so it is
    #: built once (:func:`copydesk.document_workers.sharing_groups`). False
    #: for one cheap enough for each unit that asks to build its own: it
    #: need not tie together checks that share nothing costly.
    GROUPS: ClassVar[bool] = True

    @classmethod
    def compute(cls, doc: "Document") -> T_co:
        """The value for ``doc``; called at most once per document."""
        raise NotImplementedError


class ByKey(Generic[K, V]):
    """Values of one analysis per key, each computed on first ask.

    For analyses that depend on something besides the document: the key
    (a shared scan, a paragraph's span) picks the value. ``compute`` closes
    over the parts of the document it reads, never the document itself.
    """

    __slots__ = ("_compute", "_values")

    def __init__(self, compute: Callable[[K], V]) -> None:
        self._compute = compute
        self._values: dict[K, V] = {}

    def __getitem__(self, key: K) -> V:
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = self._compute(key)
            return value


class WordSet(Analysis[frozenset[str]]):
    """The case-folded words of the prose: its ``\\w+`` runs.

    Word lists with non-ASCII first words (which the RE2 scan of
    ``patterns.LiteralIndex`` leaves out) intersect their first words with
    this set and look for positions only on a hit.
    """

    @classmethod
    def compute(cls, doc: "Document") -> frozenset[str]:
        return words_of(doc.prose)


class LoweredProse(Analysis[str | None]):
    """The prose lower-cased offset for offset (:func:`lowered`), or None:
    where the confusion checks scan for their words and a literal search
    for a phrase ignoring case runs in C, one copy for every check. A pass
    in C: each unit of checks that asks makes its own."""

    GROUPS = False

    @classmethod
    def compute(cls, doc: "Document") -> str | None:
        return lowered(doc.prose)


#: Characters the pattern engine, ignoring case, reads as an ASCII letter
#: although their lower case is not that letter (``ſ`` as s, ``ı`` as I),
#: and ``İ`` (as i), which lower-cases to two characters: each is written as
#: that letter in the lowered copy, so a scan there finds every place the
#: pattern can match (a superset: each place is confirmed by the pattern).
#: Without it one dotless i (a Turkish name in 8 MB of news) sent every
#: confusion to a scan of its pattern over the whole text.
_ODD_CASES = (("ſ", "s"), ("ı", "i"), ("İ", "i"))


def lowered(prose: str) -> str | None:
    """``prose`` lower-cased, offset for offset, where an ASCII word ignoring
    case stands wherever the ``re`` module's pattern can match it
    (``_ODD_CASES``); None where a character's lower case is longer than one
    character."""
    for odd, letter in _ODD_CASES:
        if odd in prose:  # str.replace: a pass in C, only where needed
            prose = prose.replace(odd, letter)
    low = prose.lower()
    if len(low) != len(prose):
        return None
    return low


#: UTF-8 bytes to themselves, but ASCII capitals to lower case and ASCII bytes
#: that are not word characters (``\w``: letters, digits, ``_``) to a space.
_ASCII_WORDS = bytes(
    b + 32
    if 0x41 <= b <= 0x5A
    else b
    if b >= 0x80 or chr(b).isalnum() or b == 0x5F
    else 0x20
    for b in range(256)
)


def words_of(text: str) -> frozenset[str]:
    """The case-folded ``\\w+`` runs of ``text``.

    Found in C: the text's UTF-8 bytes, lower-cased in ASCII, are cut at ASCII
    non-word bytes; the distinct pieces, joined, are the words when they are
    ASCII, and are searched for words (a piece may hold Unicode punctuation)
    and case-folded when not. Folding after an ASCII lower-casing gives the
    same word, since case folding maps each character alone. A regex over
    the whole text made a string of every word, most of them repeats: 0.41 s
    on the 17 MB benchmark file, 0.17 s this way; and a Python loop over
    each file's distinct words was most of the cost on small files.
    """
    data = text.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS)
    joined = b" ".join(set(data.split())).decode("utf-8", "surrogatepass")
    if joined.isascii():
        return frozenset(joined.split())
    return frozenset(map(str.casefold, set(_WORD.findall(joined))))


class BlockIndex(Analysis[tuple[list[int], list[Block]]]):
    """The blocks sorted by start, and their starts, for ``Document.block_at``."""

    @classmethod
    def compute(cls, doc: "Document") -> tuple[list[int], list[Block]]:
        # Readers give their blocks in order: told in C, they are kept as
        # they are (sorted stably, they would be), where a sort with a
        # Python key per block took 0.02 s for the 17 MB benchmark file,
        # in the process that forks the others.
        starts = list(map(_block_start_of, doc.blocks))
        if all(map(operator.le, starts, itertools.islice(starts, 1, None))):
            return starts, list(doc.blocks)
        ordered = sorted(doc.blocks, key=_block_start)
        return [b.start for b in ordered], ordered


#: A block's start, read in C.
_block_start_of = operator.itemgetter(0)


def _block_start(block: Block) -> int:
    return block.start


class Document:
    """Everything a check may read about one file."""

    __slots__ = (
        "_analyses",
        "blocks",
        "breaks",
        "directives",
        "format",
        "kind",
        "language",
        "lines",
        "path",
        "prose",
        "text",
    )

    path: str
    text: str
    prose: str
    format: str
    language: str
    blocks: Sequence[Block]
    #: ``draft`` or ``authored``; given empty, the default for ``format`` and
    #: the text (``default_kind``).
    kind: str
    directives: Sequence[Directive]
    #: Where the reader says the view may be cut (``markup.Parsed.breaks``):
    #: the paragraphs an editor's re-lint may reuse findings for.
    breaks: Sequence[int]
    #: Lines of ``text``, indexed when first needed.
    lines: LineIndex
    #: Values of ``Analysis`` classes computed so far (see ``get``); never
    #: passed in, so a document made from another starts with none.
    _analyses: dict[type[Analysis[Any]], Any]

    def __init__(
        self,
        path: str,
        text: str,
        prose: str,
        format: str = "plain",
        language: str = "en",
        blocks: Sequence[Block] = (),
        kind: str = "",
        directives: Sequence[Directive] = (),
        breaks: Sequence[int] = (),
    ) -> None:
        if len(prose) != len(text):
            msg = "prose view must have the same length as the text"
            raise ValueError(msg)
        self.path = path
        self.text = text
        self.prose = prose
        self.format = format
        self.language = language
        self.blocks = blocks or tuple(split_paragraphs(prose))
        self.kind = kind or default_kind(format, text)
        self.directives = directives
        self.breaks = breaks
        self.lines = LineIndex(text)
        self._analyses = {}

    @classmethod
    def plain(cls, text: str, path: str = "-", language: str = "en") -> "Document":
        """A plain-text document: the prose view is the text itself."""
        return cls(path=path, text=text, prose=text, format="plain", language=language)

    def get(self, analysis: type[Analysis[T]]) -> T:
        """The value of ``analysis`` for this document, computed on first ask."""
        try:
            return cast(T, self._analyses[analysis])
        except KeyError:
            value = self._analyses[analysis] = analysis.compute(self)
            return value

    def known(self, analysis: type[Analysis[T]]) -> T | None:
        """The value of ``analysis`` if some check has asked for it, else
        None: a check may take a costly analysis when it is there, for free,
        and do without it when it is not."""
        return cast("T | None", self._analyses.get(analysis))

    @property
    def paragraphs(self) -> Sequence[Block]:
        return self.blocks

    @property
    def starts(self) -> Sequence[int]:
        """Where each line begins."""
        return self.lines.starts

    @property
    def line_count(self) -> int:
        return len(self.lines)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and code-point column of ``offset``."""
        return self.lines.line_col(offset)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self.lines.line_start(line)

    def line_bounds(self, line: int) -> tuple[int, int]:
        """(start, end) of 1-based ``line`` without its line break."""
        return self.lines.line_bounds(line)

    def word_set(self) -> frozenset[str]:
        """The ``WordSet`` analysis, as the callable ``LiteralIndex.find`` takes."""
        return self.get(WordSet)

    def block_at(self, offset: int) -> Block | None:
        """The block holding ``offset``, or None: the one lookup every check
        and engine stage uses (blocks never overlap, so a bisect finds it)."""
        ordered, index = self._block_index(offset)
        return ordered[index] if index >= 0 else None

    def blocks_beside(self, offset: int) -> list[Block]:
        """The block holding ``offset`` with the blocks before and after it
        (as many as there are), in order; empty where no block holds it."""
        ordered, index = self._block_index(offset)
        return ordered[max(0, index - 1) : index + 2] if index >= 0 else []

    def _block_index(self, offset: int) -> tuple[list[Block], int]:
        """The blocks in order, and the index of the one holding ``offset``
        (-1 where none does)."""
        starts, ordered = self.get(BlockIndex)
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < ordered[index].end:
            return ordered, index
        return ordered, -1

    def fills_block(self, start: int, end: int, kind: str) -> bool:
        """Whether the prose ``start:end`` is all the prose of the block of
        ``kind`` that holds it (a list item of one name, a table cell of
        one word), spaces aside."""
        block = self.block_at(start)
        if block is None or block.kind != kind or block.end < end:
            return False
        prose = self.prose
        return not (
            prose[block.start : start].strip() or prose[end : block.end].strip()
        )

    def line_text(self, line: int) -> str:
        start, end = self.line_bounds(line)
        return self.text[start:end]

    def finding(
        self,
        rule: str,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        suggestions: tuple[str, ...] = (),
        fix: Fix | None = None,
    ) -> Finding:
        """Make a Finding for ``text[start:end]``, deriving line and column once."""
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end)
        return Finding(
            rule=rule,
            severity=severity,
            message=message,
            path=self.path,
            start=start,
            end=end,
            line=line,
            col=col,
            end_line=end_line,
            end_col=end_col,
            match=self.text[start:end],
            suggestions=suggestions,
            fix=fix,
        )
