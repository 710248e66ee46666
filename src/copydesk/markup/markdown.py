"""Markdown (CommonMark, GFM tables and alerts, front matter) via pyromark.

pyromark wraps pulldown-cmark (MIT) and parses at tens of MB/s. The prose view
starts fully masked and only ``Text`` events outside code, front matter and
autolinks are revealed, so anything the parser does not call text (markers,
URLs, link titles, reference definitions, inline HTML tags, code, pipes,
``{#id}`` heading attributes, ``[!NOTE]`` alert markers, task boxes, footnote
references) stays masked by construction. Template tags (Hugo shortcodes,
Liquid, Jinja) are masked afterwards, keeping their ``alt``/``caption``/
``title`` text as ``alt`` blocks. Directives live in HTML comments.

Before parsing, two kinds of markup are blanked (made spaces, line breaks
kept) so the parser never reads them as text:

* the body of a paired template tag that holds code, like a fenced code
  block: ``{{< highlight go >}} … {{< /highlight >}}``,
  ``{{< code-toggle >}} … {{< /code-toggle >}}``,
  ``{% highlight ruby %} … {% endhighlight %}``, ``{% raw %} … {% endraw %}``.
  The tag's *name* decides (:data:`~copydesk.markup._mask.CODE_NAME`: a
  name part such as ``code``, ``highlight``, ``hl``, ``snippet``, ``syntax``,
  ``src``); the body is not inspected, so a shortcode whose body is Markdown
  (``codetab``, ``tab``, ``note``) stays prose. The body gives no block, and a
  quotation never pairs across it;
* Goldmark/kramdown attribute lists, on a line of their own after a block
  (``{class="!mt-6"}``, ``{.note}``, ``{: #anchor}``) or ending a line
  (``## Title {#custom-id}``, ``{{% … %}}{class="x"}``): braces holding only
  ``.class``, ``#id`` and ``key=value`` items.

Raw HTML blocks (``<div><blockquote><p>…</p></blockquote></div>``) are read
by the HTML reader's core (:func:`copydesk.markup.html.reveal_html`): tags
and attributes (but ``alt``/``title``) masked, text revealed in blocks of the
element's kind (a ``paragraph`` inside a Markdown list or quote takes that
container's kind); ``<script>``, ``<style>``, ``<pre>``, ``<code>`` stay
masked, as do container markers (``>``) on the block's lines.
"""

import bisect
import operator
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import pyromark

from copydesk.document import Block, Directive, split_paragraphs
from copydesk.lazy_patterns import later_re
from copydesk.lines import LineIndex
from copydesk.markup import Parsed, _admonitions, make_blocks
from copydesk.markup._directives import MARKER, parse
from copydesk.markup._mask import (
    blank,
    decoded,
    entity_view,
    finish_templates,
    mask_all,
    neutral_templates,
    unread_regions,
)
from copydesk.utf8 import byte_to_char

if TYPE_CHECKING:  # pyromark.event pulls in typing_extensions: 6 ms at start-up
    from pyromark.event import BrokenLink, Range

_O = pyromark.Options
OPTIONS = (
    _O.ENABLE_TABLES
    | _O.ENABLE_FOOTNOTES
    | _O.ENABLE_STRIKETHROUGH
    | _O.ENABLE_TASKLISTS
    | _O.ENABLE_HEADING_ATTRIBUTES
    | _O.ENABLE_GFM
)

#: Inline raw HTML that opens or closes code-like content: ``a <code>x</code>``.
_HTML_CODE = later_re(
    r"<(/?)(?:code|kbd|samp|var|script|style|pre)\b[^>]*(?<!/)>\Z", re.IGNORECASE
)
_COMMENT = later_re(r"<!--(.*?)-->", re.DOTALL)
#: A fence line (its mark, what follows it) in a raw HTML block's text.
_FENCE_LINE = later_re(r"^[ \t]*(`{3,}|~{3,})([^\n]*)$", re.MULTILINE)
#: An attribute list (Goldmark, kramdown IAL): braces holding only ``.class``
#: (chained ``.a.b`` too), ``#id`` and ``key=value`` items, at least one. It is
#: markup where it ends a line (or only a template tag follows), or where it
#: touches the inline element it decorates (``[link](url){.cls}``,
#: ``*em*{: .x}``); elsewhere (``use the {.note} class``) it is left as text.
_ATTR_ITEM = r"""(?:(?:[.#][\w-]+)+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))"""
_ATTR_BODY = rf"[ \t]*:?[ \t]*{_ATTR_ITEM}(?:[ \t]+{_ATTR_ITEM})*[ \t]*\}}"
#: Written with its ``{`` first (the look-behind after it), so the engine
#: searches for that literal instead of trying the pattern everywhere.
_ATTRIBUTES = later_re(
    r"\{(?:(?<=[)\]*_`}]\{)"
    + _ATTR_BODY
    + "|"
    + _ATTR_BODY
    + r"(?=[ \t]*(?:\r?$|\{\{|\{%)))",
    re.MULTILINE,
)
#: How every attribute list begins: a text without it never compiles
#: ``_ATTRIBUTES`` (a brace of code, ``{get;}``, is not one; the long
#: pattern's compile was 4 M instructions of a one-file check).
_ATTRIBUTES_START = later_re(r"\{[ \t]*:?[ \t]*(?:[.#]|[\w-]+=)")

#: Container start tags whose text gets a block kind of their own.
_KIND_OF: dict[str, str] = {
    "Heading": "heading",
    "BlockQuote": "blockquote",
    "Item": "list",
    "TableCell": "table",
    "Image": "alt",
    "FootnoteDefinition": "paragraph",
}
_SKIPPED = frozenset({"CodeBlock", "MetadataBlock"})
_AUTOLINKS = frozenset({"Autolink", "Email"})
#: Start/End tags that are inline: they neither close a block nor change kind.
_INLINE = frozenset(
    {"Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript", "Link"}
)


def read(text: str) -> Parsed:
    """Read Markdown; on a parser failure, fall back to treating it as prose."""
    try:
        return parse_markdown(text)
    except Exception:  # a linter must not crash on one odd file
        return Parsed(text, tuple(split_paragraphs(text)), ())


def parse_markdown(text: str) -> Parsed:
    """Read Markdown, letting parser errors propagate (tests use this)."""
    part = _read(text, _unread(text))
    return Parsed(part.prose, part.blocks, part.directives, part.breaks)


def read_windows(
    text: str, size: int, workers: int = 1, lines: LineIndex | None = None
) -> Iterator[tuple[int, Parsed]]:
    """``text`` read in pieces of about ``size`` characters, each with its offset.

    Each piece ends where a top-level block starts after a blank line (a
    :attr:`~copydesk.markup.Parsed.breaks` offset), so the pieces' views,
    joined, are the whole text's view: the parser's state is empty there.
    A window is read a little past its end to find the last such start; what
    lies beyond is read again with the next window. What one piece cannot
    know is settled across pieces: the bodies of paired code templates are
    found in the whole text first, and a piece that leaves open a link
    reference, or may name a footnote, defined in another piece is read
    again with it defined (see :func:`_settle`). A text with no break in
    reach is one piece. With ``workers`` above one, a forked child reads
    the second half meanwhile (:mod:`copydesk.markup._split_read`): the same pieces'
    views, sooner; and each process also finds the link labels its half
    defines, reads again its pieces that need them (:func:`rereads`) and,
    given the text's ``lines``, indexes its half's lines.
    """
    bodies = _unread(text)
    split = None
    if workers > 1 and len(text) > 4 * size:
        from copydesk.markup._split_read import split_parts

        split = split_parts(text, size, bodies, lines)
    if split is None:
        split = _parts(text, size, bodies), None, None
    parts, links, early = split
    yield from _settle(text, parts, links, bodies, early)


#: A YAML metadata block's lines after its ``---`` and its closing line, as
#: Pandoc reads one anywhere in a file: a first line of its own, then only
#: YAML's lines (``key: value``, a key of up to four words, ``Module Name:``;
#: indented continuations, ``- items``) up to a ``---`` or ``...`` line.
_METADATA_BODY = later_re(
    r"---[ \t]*\r?\n"
    r"(?:(?:[A-Za-z_][\w.-]*(?: [\w.-]+){0,3}[ \t]*:(?:[ \t][^\r\n]*)?"
    r"|[ \t]+\S[^\r\n]*"
    r"|-[ \t][^\r\n]*)\r?\n)+"
    r"(?:---|\.\.\.)[ \t]*(?=\r?\n|\Z)"
)


#: A Franklin.jl page variable: ``@def name = value`` on a line of its own,
#: a triple-quoted value over as many lines as it takes up to a blank line
#: (``@def authors = """<a href="…">Tim Holy</a>"""``; one never closed
#: blanks its own line only). Julia code, the page's front matter.
_PAGE_VARIABLE = later_re(
    r"^@def[ \t]+[A-Za-z_]\w*[ \t]*="
    r'(?:[ \t]*"""(?:(?!\n[ \t]*\r?\n)[\s\S])*?"""[^\r\n]*|[^\r\n]*)',
    re.MULTILINE,
)


def _unread(text: str) -> list[tuple[int, int]]:
    """What the Markdown reader blanks before the parser reads: the front
    matter and code template bodies (``unread_regions``), the YAML metadata
    blocks after a blank line elsewhere in the file (pages joined into one,
    a book or a site's export, keep each page's front matter), and Franklin's
    ``@def`` page variables. A ``---`` before anything but YAML's lines is a
    thematic break (a heading and prose, then a YAML example holding
    ``---``: pulldown-cmark's own metadata blocks read that much as one, its
    issue #1000)."""
    regions = unread_regions(text)
    blocks: list[tuple[int, int]] = []
    at = text.find("\n---")
    while at >= 0:
        start = at + 1
        body = _METADATA_BODY.match(text, start)
        after_blank = text[start - 2 : start] == "\n\n" or (
            text[start - 3 : start] == "\n\r\n"
        )
        if body is not None and after_blank:
            blocks.append((start, body.end()))
            at = text.find("\n---", body.end())
        else:
            at = text.find("\n---", start)
    if "@def" in text:
        blocks.extend(m.span() for m in _PAGE_VARIABLE.finditer(text))
    if not blocks:
        return regions
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(regions + blocks):
        if not merged or lo >= merged[-1][1]:
            merged.append((lo, hi))
    return merged


def _parts(
    text: str,
    size: int,
    bodies: list[tuple[int, int]],
    start: int = 0,
    until: int | None = None,
) -> list[tuple[int, "_Part"]]:
    """The pieces of ``text`` from ``start`` (a break), each with its
    offset, not yet settled. With ``until``, a piece ends there if the
    window that holds it reads it as a break, and the reading stops: any
    break is a place to cut (the parser's state is empty there), as the
    last one of a window is.
    """
    parts: list[tuple[int, _Part]] = []
    total = len(text)
    while start < total:
        stop = _line_end(text, start + size)
        while True:
            part = _read(text[start:stop], _clip(bodies, start, stop), record=True)
            cut = _last_break(part) if stop < total else stop - start
            if cut:
                break
            stop = _line_end(text, start + 2 * (stop - start))
        if (
            until is not None
            and 0 < until - start < cut
            and until - start in part.breaks
        ):
            cut = until - start
        if cut < len(part.prose) and text.find("]:", start + cut, stop) >= 0:
            # What was read past the cut may define a link or a footnote the
            # piece names: the piece is read alone, and what it leaves open is
            # settled with the others (see :func:`_settle`).
            piece = text[start : start + cut]
            part = _read(piece, _clip(bodies, start, start + cut), record=True)
        parts.append((start, _truncate(part, cut)))
        start += cut
        if start == until:
            break
    return parts


def _line_end(text: str, pos: int) -> int:
    """The end of the line holding ``pos`` (after its line feed), or the text's."""
    if pos >= len(text):
        return len(text)
    found = text.find("\n", pos)
    return len(text) if found < 0 else found + 1


def _clip(
    regions: list[tuple[int, int]], start: int, stop: int
) -> list[tuple[int, int]]:
    """``regions`` that overlap ``[start, stop)``, clipped and made relative."""
    index = bisect.bisect_right([end for _, end in regions], start)
    out: list[tuple[int, int]] = []
    for lo, hi in regions[index:]:
        if lo >= stop:
            break
        out.append((max(lo, start) - start, min(hi, stop) - start))
    return out


def _last_break(part: "_Part") -> int:
    """The last break of a piece (0: it has none)."""
    return part.breaks[-1] if part.breaks else 0


def _truncate(part: "_Part", cut: int) -> "_Part":
    """``part`` up to the break ``cut``: what it found before it. A window
    is read past its cut, and what lies beyond belongs to the next piece:
    a footnote defined there is that piece's, not this one's."""
    if cut == len(part.prose):
        return part
    return _Part(
        part.prose[:cut],
        tuple(b for b in part.blocks if b.start < cut),
        tuple(d for d in part.directives if d.start < cut),
        tuple(b for b in part.breaks if b < cut),
        [(pos, label) for pos, label in part.broken if pos < cut],
        tuple(n for n in part.notes if n[0] < cut),
        tuple(n for n in part.named if n[0] < cut),
    )


class _UnsettledError(Exception):
    """Footnote definitions written after a piece were not read as such: the
    piece ends inside a block open to the end of the text (a fence)."""


class _Asking:
    """Link labels that note which ones the parser asks about."""

    __slots__ = ("asked", "links")

    def __init__(self, links: Collection[str]) -> None:
        self.links = links
        self.asked: set[str] = set()

    def __contains__(self, label: object) -> bool:
        if isinstance(label, str):
            self.asked.add(label)
        return label in self.links

    def __len__(self) -> int:
        return len(self.links)

    def __iter__(self) -> Iterator[str]:
        return iter(self.links)


def rereads(
    text: str,
    parts: Iterable[tuple[int, "_Part"]],
    ends: Iterable[int],
    bodies: list[tuple[int, int]],
    links: Collection[str],
) -> dict[int, "Reread"]:
    """By offset, the pieces of ``parts`` (each ending at its place in
    ``ends``) that leave open a reference to one of ``links``, read again
    with them: what :meth:`_Settling.piece` reads, if the labels the
    other pieces define change no answer."""
    early: dict[int, Reread] = {}
    for (start, part), stop in zip(parts, ends, strict=True):
        if any(_label(label) in links for _, label in part.broken):
            asking = _Asking(links)
            read = _read(text[start:stop], _clip(bodies, start, stop), asking)
            defined = frozenset(label for label in asking.asked if label in links)
            early[start] = Reread(read, frozenset(asking.asked), defined)
    return early


def _settle(
    text: str,
    parts: list[tuple[int, "_Part"]],
    links: set[str] | None,
    bodies: list[tuple[int, int]],
    early: dict[int, "Reread"] | None = None,
) -> Iterator[tuple[int, Parsed]]:
    """Each piece's Parsed, read again with what other pieces define
    (:class:`_Settling`; ``links``: the labels the pieces define, if known;
    ``early``: pieces read again already, by offset), each piece let go as
    it is yielded.

    The last piece is settled first: it alone can end inside a block open
    to the end of the text, and such a text is then read whole, before any
    piece is out.
    """
    settling = _Settling(text, parts, bodies, links, early)
    try:
        last = settling.piece(len(parts) - 1)
    except _UnsettledError:
        yield 0, _parsed(_read(text, bodies))
        return
    for index in range(len(parts) - 1):
        yield parts[index][0], _parsed(settling.piece(index))
        parts[index] = (parts[index][0], _LET_GO)
    yield parts[-1][0], _parsed(last)


def _parsed(part: "_Part") -> Parsed:
    return Parsed(part.prose, part.blocks, part.directives, part.breaks)


class _Settling:
    """The pieces of a text, each read again when another piece defines
    what it needs.

    A link reference the piece leaves open is resolved by the parser's
    callback when another piece defines its label. A footnote reference is
    one only if its label is defined somewhere in the text, before or after
    it, and the parser has no callback for footnotes: the definitions of
    the labels the piece may name (:func:`_note_key`) are written after
    it, each ``[^label]: .`` after a blank line (a piece ends where no block
    is open, a break), and the read is cut there.
    """

    __slots__ = ("_bodies", "_early", "_ends", "_links", "_notes", "_parts", "_text")

    def __init__(
        self,
        text: str,
        parts: list[tuple[int, "_Part"]],
        bodies: list[tuple[int, int]],
        links: set[str] | None = None,
        early: dict[int, "Reread"] | None = None,
    ) -> None:
        self._text = text
        self._early = {} if early is None else early
        self._parts = parts
        self._bodies = bodies
        self._ends = [start for start, _ in parts[1:]] + [len(text)]
        if links is None:
            links = _links_defined(text, parts, self._ends, bodies)
        self._links = links
        self._notes = _NotesElsewhere(parts) if len(parts) > 1 else None

    def piece(self, index: int) -> "_Part":
        """Piece ``index`` as the whole text reads it."""
        start, part = self._parts[index]
        labels = () if self._notes is None else self._notes.of(index, part)
        links = self._links
        if not labels and not any(_label(label) in links for _, label in part.broken):
            return part
        early = self._early.pop(start, None)
        if not labels and early is not None and early.holds(links):
            return early.part
        stop = self._ends[index]
        piece = self._text[start:stop]
        bodies = _clip(self._bodies, start, stop)
        if not labels:
            return _read(piece, bodies, links)
        appendix = "".join(f"\n\n[^{label}]: ." for label in labels)
        read = _read(piece + appendix + "\n", bodies, links)
        if {label for pos, label in read.notes if pos >= len(piece)} != set(labels):
            raise _UnsettledError
        return _truncate(read, len(piece))


def _links_defined(
    text: str,
    parts: list[tuple[int, "_Part"]],
    ends: list[int],
    bodies: list[tuple[int, int]],
) -> set[str]:
    """The labels (:func:`_label`) of the link references the pieces define,
    if some piece leaves a reference open (else none is needed)."""
    if any(part.broken for _, part in parts):
        return links_in(text, parts, ends, bodies)
    return set()


def links_in(
    text: str,
    parts: Iterable[tuple[int, "_Part"]],
    ends: Iterable[int],
    bodies: list[tuple[int, int]],
) -> set[str]:
    """The labels (:func:`_label`) of the link references ``parts`` define,
    each piece read up to its end in ``ends``."""
    links: set[str] = set()
    for (start, _), stop in zip(parts, ends, strict=True):
        if text.find("]:", start, stop) >= 0:
            window = text[start:stop]
            found = _definitions(window, _clip(bodies, start, stop))
            links.update(_label(label) for label in found)
    return links


class _NotesElsewhere:
    """The footnote labels each piece defines, to find those a piece may
    name but another piece defines."""

    __slots__ = ("_defined",)

    def __init__(self, parts: list[tuple[int, "_Part"]]) -> None:
        #: key -> {piece index -> labels as the parser reported them}
        self._defined: dict[str, dict[int, set[str]]] = {}
        for index, (_, part) in enumerate(parts):
            for _, label in part.notes:
                by_piece = self._defined.setdefault(_note_key(label), {})
                by_piece.setdefault(index, set()).add(label)

    def of(self, index: int, part: "_Part") -> tuple[str, ...]:
        """The labels, defined only in other pieces, that a ``[^label]``
        written in piece ``index`` may name."""
        found: set[str] = set()
        for _, key in part.named:
            by_piece = self._defined.get(key)
            if by_piece is None:
                continue
            own = by_piece.get(index, set())
            for piece, labels in by_piece.items():
                if piece != index:
                    found.update(labels - own)
        return tuple(sorted(found))


def _note_key(label: str) -> str:
    """A footnote label made coarser than the parser's matching, which
    folds case (``ß`` names ``SS``) and trims and collapses spaces: labels
    it matches have one key, so a piece is never read without a
    definition the whole text gives it (one too many only costs a read)."""
    return "".join(label.casefold().split()).replace("\\", "")


def _label(label: str) -> str:
    """A link label as CommonMark matches it: case-folded, white space collapsed."""
    return " ".join(label.split()).casefold()


def _definitions(window: str, bodies: list[tuple[int, int]]) -> Iterable[str]:
    """The link reference labels ``window`` defines (the parser's block pass
    over what :func:`_read` gives the parser)."""
    source = _sources(window, bodies)[1]
    return pyromark.reference_definitions(source, options=OPTIONS).keys()


def _sources(
    text: str, bodies: list[tuple[int, int]]
) -> tuple[str, str, _admonitions.Admonitions | None]:
    """``text`` with the code template ``bodies``, attribute lists and
    admonition markers blanked, what the parser reads of it (template tags
    made neutral, admonition bodies blanked, a lone surrogate as U+FFFD),
    and the admonitions, whose bodies :func:`_read` reads alone. An
    attribute list left in a link's definition (``[a]: /u*{#id}*``) would
    make it one the reader does not see."""
    regions = bodies.copy()
    if "{" in text and _ATTRIBUTES_START.search(text):
        regions.extend(m.span() for m in _ATTRIBUTES.finditer(text))
        regions.sort()
    plain = blank(text, _disjoint(regions))
    found = _admonitions.found(plain)
    if found is None:
        return plain, decoded(neutral_templates(plain)), None
    read = blank(plain, [(body.start, body.end) for body in found.bodies])
    return blank(plain, found.blanked), decoded(neutral_templates(read)), found


class _Part(NamedTuple):
    """What one read of a text (or a piece of it) found, offsets its own.

    ``broken`` holds the references left unresolved (offset, label), ``notes``
    the footnote definitions (offset, label as the parser reports it),
    ``named`` the ``[^label]`` texts written in it, reference or not
    (offset, :func:`_note_key`): what :func:`read_windows` settles between
    pieces.
    """

    prose: str
    blocks: tuple[Block, ...]
    directives: tuple[Directive, ...]
    breaks: tuple[int, ...]
    broken: list[tuple[int, str]]
    notes: tuple[tuple[int, str], ...]
    named: tuple[tuple[int, str], ...]


#: What is left of a piece once it is yielded.
_LET_GO = _Part("", (), (), (), [], (), ())


class Reread(NamedTuple):
    """A piece read again before its text is settled, with the link labels
    some pieces define (those of its half, in a split read): the read the
    whole text gives if the parser's questions get the same answers from
    all the labels (:meth:`holds`). Each process of a split read makes its
    half's, meanwhile, instead of this one reading them all after both."""

    part: _Part
    #: The labels the parser asked about, reading the piece.
    asked: frozenset[str]
    #: Those of them that were defined.
    defined: frozenset[str]

    def holds(self, links: Collection[str]) -> bool:
        """Whether ``links`` answer the parser's questions as the labels it
        was read with did: the parser, asked the same, reads the same."""
        return all((label in links) == (label in self.defined) for label in self.asked)


#: What may be a footnote reference: ``[^label]`` on one line, ``\]``
#: escaped in it (the parser's labels hold neither ``[`` nor a line break).
_FOOTNOTE = later_re(r"\[\^((?:[^\\\]\r\n]|\\[^\r\n])+)\]")


def _read(
    text: str,
    bodies: list[tuple[int, int]],
    links: Collection[str] = (),
    *,
    record: bool = False,
) -> _Part:
    """Read ``text`` with the code template ``bodies`` given (sorted, relative).

    ``links`` are labels defined elsewhere, resolved where this text leaves
    them open; with ``record``, the references left open are noted.
    """
    plain, source, admonitions = _sources(text, bodies)
    broken: list[tuple[int, str]] = []

    def callback(link: "BrokenLink") -> tuple[str, str] | None:
        if _label(link["reference"]) in links:
            return "", ""
        broken.append((link["span"]["start"], link["reference"]))
        return None

    found = _events(text, plain, source, callback if record or links else None)
    view, blocks, directives, tops, notes, conv = found
    prose, kept = finish_templates(text, plain, view, blocks, bodies)
    left_open = [(conv(pos) if conv else pos, label) for pos, label in broken]
    if admonitions is not None:
        read = _BodiesRead(text, source, links, record)
        prose, kept = read.put_back(plain, prose, kept, admonitions)
        directives = sorted([*directives, *read.directives], key=_DIRECTIVE_START)
        notes = sorted([*notes, *read.notes])
        left_open.extend(read.broken)
    named = (
        tuple((m.start(), _note_key(m.group(1))) for m in _FOOTNOTE.finditer(text))
        if "[^" in text
        else ()
    )
    return _Part(
        prose,
        kept,
        tuple(directives),
        _breaks(text, tops, bodies),
        left_open,
        tuple(notes),
        named,
    )


_DIRECTIVE_START = operator.attrgetter("start")


class _BodiesRead:
    """The bodies of a text's admonitions, each read alone as Python-Markdown
    reads one (:mod:`copydesk.markup._admonitions`), and what they hold put
    back at their offsets in the text's view."""

    __slots__ = (
        "_defined",
        "_lines",
        "_links",
        "_record",
        "_source",
        "_text",
        "broken",
        "directives",
        "notes",
    )

    def __init__(
        self, text: str, source: str, links: Collection[str], record: bool
    ) -> None:
        self._text = text
        #: What the parser read of the text: where its link definitions are.
        self._source = source
        self._links = links
        self._record = record
        #: The labels the text defines and its line index, made on first need
        #: and shared by all its bodies.
        self._defined: set[str] | None = None
        self._lines: LineIndex | None = None
        #: What the bodies hold, at the text's offsets and lines.
        self.directives: list[Directive] = []
        self.notes: list[tuple[int, str]] = []
        self.broken: list[tuple[int, str]] = []

    def put_back(
        self,
        plain: str,
        prose: str,
        blocks: Sequence[Block],
        found: _admonitions.Admonitions,
    ) -> tuple[str, tuple[Block, ...]]:
        """``prose`` and ``blocks`` with each body's view and blocks in place
        (a marker line without a title, blank once its syntax is, gives no
        block)."""
        pieces: list[str] = []
        kept = [
            b
            for b in blocks
            if not (
                prose[b.start : b.end].isspace() and found.on_a_marker_line(b.start)
            )
        ]
        pos = 0
        for start, end, indent, _ in found.read_as_text(blocks):
            body = _admonitions.Dedented(plain[start:end], indent)
            part = self._read(body.text)
            pieces.append(prose[pos:start])
            pieces.append(body.view(part.prose))
            pos = end
            line = self._line_of(start) - 1 if part.directives else 0
            kept.extend(
                Block(
                    start + body.offset(block.start),
                    start + body.end_offset(block.end),
                    block.kind,
                )
                for block in part.blocks
            )
            for d in part.directives:
                self.directives.append(
                    d._replace(
                        line=line + d.line,
                        start=start + body.offset(d.start),
                        end=start + body.end_offset(d.end),
                    )
                )
            self.notes.extend(
                (start + body.offset(at), label) for at, label in part.notes
            )
            self.broken.extend(
                (start + body.offset(at), label) for at, label in part.broken
            )
        pieces.append(prose[pos:])
        kept.sort()
        return "".join(pieces), tuple(kept)

    def _read(self, body: str) -> _Part:
        """``body`` read alone, its links resolved by the definitions the
        text gives too (a reference in a note to a label defined below it)."""
        part = _read(body, [], self._links, record=True)
        if not part.broken:
            return part
        if self._defined is None:
            definitions = pyromark.reference_definitions(self._source, options=OPTIONS)
            self._defined = {_label(label) for label in definitions}
        if not self._defined:
            return part if self._record else part._replace(broken=[])
        return _read(body, [], {*self._links, *self._defined}, record=self._record)

    def _line_of(self, pos: int) -> int:
        """The text's 1-based line holding ``pos``."""
        if self._lines is None:
            self._lines = LineIndex(self._text)
        return self._lines.line(pos)


def _breaks(
    text: str, tops: list[int], bodies: list[tuple[int, int]]
) -> tuple[int, ...]:
    """Top-level block starts where reading may begin afresh: at the start of
    a line after a blank line, outside code template bodies, indented less
    than four spaces. Indented four, a block read alone is code, where the
    parser may have read it otherwise (``    [^1]:`` after a footnote is
    another footnote). A line after a lone CR is none: the parser reads a
    fence's info string past one (``` ```\r\r`x ``` is a paragraph,
    ``` ```\r\r ``` a fence)."""
    out: list[int] = []
    for top in tops:
        if top > 1 and text.startswith("\n\n", top - 2):
            out.append(top)  # most blocks: unindented, after an empty line
            continue
        start = top  # the line's start, if only up to three spaces precede
        while start and text[start - 1] == " " and top - start < 4:
            start -= 1
        # Not the text's first line, after a line feed, indented less than 4.
        after_lf = start and text[start - 1] == "\n" and top - start < 4
        if after_lf and _blank_before(text, start):
            out.append(start)
    if bodies and out:
        ends = [hi for _, hi in bodies]
        out = [s for s in out if not _inside(bodies, ends, s)]
    return tuple(out)


def _blank_before(text: str, start: int) -> bool:
    """Whether the line before the line at ``start`` (after a line feed) is
    blank: spaces and tabs only."""
    end = start - 2 if text.startswith("\r\n", start - 2) else start - 1
    while end and text[end - 1] in " \t":
        end -= 1
    return not end or text[end - 1] in "\n\r"


def _line_start(text: str, pos: int) -> int:
    """The start of the line holding ``pos``: after the LF or lone CR before
    it (a CR looked for only after that LF, so a text with one CR far back is
    not searched back to it for every line)."""
    lf = text.rfind("\n", 0, pos)
    return max(lf, text.rfind("\r", lf + 1, pos)) + 1


def _inside(bodies: list[tuple[int, int]], ends: list[int], pos: int) -> bool:
    """Whether ``pos`` lies strictly inside one of ``bodies`` (sorted)."""
    index = bisect.bisect_right(ends, pos)
    return index < len(bodies) and bodies[index][0] < pos


def _events(  # noqa: PLR0915 - one hot loop
    text: str,
    plain: str,
    source: str,
    callback: Callable[["BrokenLink"], tuple[str, str] | None] | None,
) -> tuple[
    str,
    list[Block],
    list[Directive],
    list[int],
    list[tuple[int, str]],
    Callable[[int], int] | None,
]:
    """Walk the parser's events over ``source``: the prose view (``plain``
    masked but for the texts shown), blocks, directives, top-level block
    starts and the footnote definitions (offset, label).

    The loop is written flat on purpose: it runs once per parser event and
    dominates the reader's time. Whether a text is shown is one flag
    (``hidden``), set where it can change. A text's byte offsets become
    code points by subtracting the shift of the ASCII stretch they lie in
    (:class:`_Stretches`), found again only when an offset leaves it. A
    shown text goes into the view as it comes (the masked gap before it,
    then itself), not through a tuple read again by a second loop; one
    overlapping a text shown before it is not shown again.
    """
    conv = None if source.isascii() else byte_to_char(source)
    stretches = None if conv is None else _Stretches(source, conv)
    lo, hi, shift = 0, 0, 0
    base = mask_all(plain)
    view: list[str] = []
    shown = 0  # where the last text shown ends
    blocks: list[tuple[int, int, str]] = []
    directives: list[Directive] = []
    tops: list[int] = []
    notes: list[tuple[int, str]] = []
    lines = LineIndex(text)
    want_directives = MARKER in text
    kinds: list[str] = []
    kind = "paragraph"
    links: list[bool] = []
    skip = 0
    html_skip = 0
    #: ``skip or html_skip or html_lines is not None``: text is not shown.
    hidden = False
    depth = 0
    block_start = -1
    block_end = -1
    block_kind = kind
    html_lines: list[tuple[int, int]] | None = None  # inside a raw HTML block
    # Events are one-key dicts or bare strings; typed as Any for the hot loop.
    events = cast(
        "Iterator[tuple[Any, Range]]",
        pyromark.events_with_range(
            source, options=OPTIONS, broken_link_callback=callback
        ),
    )
    for event, span in events:
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            if event == "Rule":
                if block_start >= 0:
                    blocks.append((block_start, block_end, block_kind))
                    block_start = -1
                if not depth:
                    tops.append(span["start"])
            continue
        value = event.get("Text")
        if value is not None:
            if hidden:
                continue
            start = span["start"]
            end = span["end"]
            if stretches is not None:
                if not lo <= start < hi:
                    lo, hi, shift = stretches.at(start)
                start -= shift
                if not lo <= end < hi:
                    lo, hi, shift = stretches.at(end)
                end -= shift
            if start >= shown:
                view.append(base[shown:start])
                if end - start != len(value) and text[start] == "&":
                    view.append(entity_view(text[start:end], value))
                else:
                    view.append(plain[start:end])
                shown = end
            if block_start < 0:
                block_start = start
                block_kind = kind
            block_end = end
            continue
        tag = event.get("Start")
        if tag is not None:
            name = tag
            if type(tag) is not str:  # a one-key dict: its key
                [name] = tag
            if name in _INLINE:
                if name == "Link":
                    auto = tag["Link"]["link_type"] in _AUTOLINKS
                    links.append(auto)
                    skip += auto
                    hidden = bool(skip or html_skip) or html_lines is not None
                continue
            if not depth:
                tops.append(span["start"])
            depth += 1
            html_skip = 0
            if block_start >= 0:
                blocks.append((block_start, block_end, block_kind))
                block_start = -1
            new_kind = _KIND_OF.get(name)
            if new_kind is not None:
                kinds.append(new_kind)
                kind = new_kind
                if name == "FootnoteDefinition":
                    notes.append((span["start"], tag[name]))
            elif name in _SKIPPED:
                skip += 1
            elif name == "HtmlBlock":
                html_lines = []
                if want_directives:
                    _directives_in(text, span, conv, lines, directives)
            hidden = bool(skip) or html_lines is not None
            continue
        tag = event.get("End")
        if tag is not None:
            name = tag
            if type(tag) is not str:
                [name] = tag
            if name in _INLINE:
                if name == "Link" and links:
                    skip -= links.pop()
                    hidden = bool(skip or html_skip) or html_lines is not None
                continue
            depth -= 1
            html_skip = 0
            if block_start >= 0:
                blocks.append((block_start, block_end, block_kind))
                block_start = -1
            if name in _KIND_OF:
                if kinds:
                    kinds.pop()
                kind = kinds[-1] if kinds else "paragraph"
            elif name in _SKIPPED and skip:
                skip -= 1
            elif name == "HtmlBlock" and html_lines is not None:
                found = None
                if not skip:
                    found = _html_block(plain, source, html_lines, conv, kind, blocks)
                if found is not None and found[0] >= shown:
                    view.append(base[shown : found[0]])
                    view.append(found[2])
                    shown = found[1]
                html_lines = None
            hidden = bool(skip) or html_lines is not None
            continue
        tag = event.get("Html")
        if tag is not None:
            if html_lines is not None:
                html_lines.append((span["start"], span["end"]))
            continue
        tag = event.get("InlineHtml")
        if tag is not None:
            code = _HTML_CODE.match(tag)
            if code is not None:
                html_skip = max(0, html_skip - 1) if code.group(1) else html_skip + 1
                hidden = bool(skip or html_skip) or html_lines is not None
            if want_directives:
                _directives_in(text, span, conv, lines, directives)
    if block_start >= 0:
        blocks.append((block_start, block_end, block_kind))
    if conv is not None and stretches is not None:
        tops = stretches.chars(tops)
        notes = [(conv(pos), label) for pos, label in notes]
    view.append(base[shown:])
    prose = "".join(view)
    if "$" in prose:
        prose = _masked_math(prose)
    return prose, list(make_blocks(blocks)), directives, tops, notes, conv


#: What only TeX writes: a command, a superscript, a brace, a one-letter
#: or braced subscript (not an identifier's underscore: ``VAR_NAME``).
_TEX = r"(?:\\[A-Za-z]|[\^{]|_(?:\{|\w(?!\w)))"
#: TeX math in a page's prose, as MathJax and KaTeX read it: ``$$…$$`` over
#: lines (no blank one) or ``$…$`` on one, holding a TeX command, a
#: superscript, a brace or a one-letter or braced subscript
#: (``$p(\theta')$``, ``$$\theta’ \leftarrow…$$``, ``$x_1'$``) and no double
#: quotation mark: its primes are no quotation marks, its ``{l l}`` no
#: doubled word. Not a price ("from $5 to $6.50"), nor a shell's,
#: PowerShell's or a template's variable ("($Day) that…", "$env:PATH and
#: $HOME", "the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)""): those open
#: before a figure, end at a space or hold a quotation mark or an
#: identifier's underscore, not TeX. Read on the prose view, so code spans,
#: masked already, never take part (the parser's own math option read
#: "($Day) … `$Day`" as one formula over five lines).
#: Both forms start with the dollar, matched first: the pattern then opens
#: with a literal, which the engine finds by a fast search, where a
#: look-behind first made it try both forms at every character (0.69 s of
#: the 17 MB benchmark file against 0.04 s, the same matches).
_MATH = later_re(
    rf"\$(?:\$(?=[^$]*?{_TEX})(?:(?!\n[ \t]*\n)[^$\"“”„])+?\$\$"
    rf"|(?<![\w$\\]\$)(?=\S)(?=[^$\n]*?{_TEX})"
    r"[^$\n\"“”„]{1,300}?(?<=[^\s\\])\$(?!\d))"
)


def _masked_math(prose: str) -> str:
    """``prose`` with its TeX math (``_MATH``) masked, offsets kept."""
    return blank(prose, [found.span() for found in _MATH.finditer(prose)])


#: UTF-8 bytes as themselves, but those above ASCII as 0x80: the first wide
#: character from an offset is then one ``find`` (memchr) away.
_WIDE_AS_80 = bytes(min(b, 0x80) for b in range(256))


class _Stretches:
    """Byte offsets into ``source``'s UTF-8 as code points, a stretch at a time.

    Where the bytes are ASCII, a code point offset is the byte offset less
    the extra bytes of the wide characters before it: one subtraction. The
    parser's offsets ascend, so a text of megabytes with a few accents asks
    the byte-to-character map once per accent, not twice per text event.
    """

    __slots__ = ("_conv", "_wide")

    def __init__(self, source: str, conv: Callable[[int], int]) -> None:
        self._wide = source.encode("utf-8").translate(_WIDE_AS_80)
        self._conv = conv

    def at(self, offset: int) -> tuple[int, int, int]:
        """(lo, hi, shift): every byte offset in ``[lo, hi)`` is a code point
        offset ``shift`` lower; ``offset`` is in it. It runs from ``offset``
        up to the next wide character, and includes that character's offset."""
        wide = self._wide.find(b"\x80", offset)
        hi = len(self._wide) + 1 if wide < 0 else wide + 1
        return offset, hi, offset - self._conv(offset)

    def chars(self, offsets: Iterable[int]) -> list[int]:
        """``offsets`` (ascending) as code points, a stretch at a time: the
        top-level blocks of a page with a few accents ask the map a few
        times, not once per block."""
        out: list[int] = []
        lo, hi, shift = 0, 0, 0
        for offset in offsets:
            if not lo <= offset < hi:
                lo, hi, shift = self.at(offset)
            out.append(offset - shift)
        return out


def _disjoint(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ``regions`` with any overlapping a kept one dropped."""
    out: list[tuple[int, int]] = []
    for start, end in regions:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _html_block(
    text: str,
    source: str,
    ranges: list[tuple[int, int]],
    conv: Callable[[int], int] | None,
    kind: str,
    blocks: list[tuple[int, int, str]],
) -> tuple[int, int, str] | None:
    """A raw HTML block's text as the HTML reader reveals it: (start, end,
    view of the block), its blocks added to ``blocks``; None if it shows none.

    ``ranges`` are the block's lines without container markers (``> ``, list
    indentation), which are blanked before the HTML reader sees the lines.
    The HTML parser reads them in ``source`` (template tags neutralised), the
    prose shows ``text``.
    """
    if not ranges:
        return None
    if conv is not None:
        ranges = [(conv(start), conv(end)) for start, end in ranges]
    start, end = ranges[0][0], ranges[-1][1]
    if end <= start:
        return None
    from copydesk.markup.html import reveal_html  # imported only when needed

    shown = _lines_only(text, start, ranges)
    fences = _fenced(shown)
    prose, found, _ = reveal_html(
        blank(shown, fences), blank(_lines_only(source, start, ranges), fences)
    )
    if not found:
        return None
    for block in found:
        block_kind = kind if block.kind == "paragraph" else block.kind
        blocks.append((start + block.start, start + block.end, block_kind))
    return start, end, prose


def _fenced(block: str) -> list[tuple[int, int]]:
    """The fenced code in a raw HTML block, fence lines included: MDX and
    many Markdown sites nest fenced code in components (``<Tabs>``,
    ``<details>``), which CommonMark reads as one HTML block to the next
    blank line; the HTML reader would show the code as prose. A fence
    closes on a line of its character, at least as long, with nothing after."""
    if "```" not in block and "~~~" not in block:
        return []
    spans: list[tuple[int, int]] = []
    opened: re.Match[str] | None = None
    for line in _FENCE_LINE.finditer(block):
        mark = line.group(1)
        if opened is None:
            opened = line
        elif (
            mark[0] == opened.group(1)[0]
            and len(mark) >= len(opened.group(1))
            and not line.group(2).strip()
        ):
            spans.append((opened.start(), line.end()))
            opened = None
    return spans


def _lines_only(text: str, start: int, ranges: list[tuple[int, int]]) -> str:
    """``text`` from ``start`` to the last range's end, blank outside ``ranges``."""
    pieces: list[str] = []
    pos = start
    for lo, hi in ranges:
        if lo > pos:
            pieces.append(mask_all(text[pos:lo]))
        pieces.append(text[max(lo, pos) : hi])
        pos = max(pos, hi)
    return "".join(pieces)


def _directives_in(
    text: str,
    span: "Range",
    conv: Callable[[int], int] | None,
    lines: LineIndex,
    out: list[Directive],
) -> None:
    """Collect ``<!-- copydesk: ... -->`` comments in the event's source span."""
    start, end = span["start"], span["end"]
    if conv is not None:
        start, end = conv(start), conv(end)
    for match in _COMMENT.finditer(text, start, end):
        body = match.group(1)
        if MARKER in body:
            found = parse(body, lines.line(match.start()), match.start(), match.end())
            if found is not None:
                out.append(found)
