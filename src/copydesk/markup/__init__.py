"""Markup readers: turn a source document into a same-length prose view.

Mask, don't extract: every reader returns :class:`Parsed`, whose ``prose`` has
the length of the source with non-prose replaced by spaces (line breaks kept),
so offsets found in prose are offsets in the source. Readers are registered as
``"module:function"`` strings and imported lazily, so linting plain text never
imports a Markdown or reST parser.

Shared decisions:

* Structural markers (``#``, ``>``, bullets, numbers, table pipes, reST
  adornments) are masked: readers reveal text the parser calls text and
  nothing else, so a missed construct fails masked rather than leaking.
* Character references (``&eacute;``, ``&#8217;``) show their decoded
  character followed by ``document.FILLER`` (U+2060 WORD JOINER) up to the source
  length; a decoded line break or control character becomes a space.
* Blocks never overlap and never span code: an image's alt text (or an HTML
  ``alt``/``title``) is its own ``alt`` block, splitting the paragraph around
  it; a block runs from its first to its last revealed character.
* A reader that hits a parser exception returns the text as prose with
  plain-text paragraphs (HTML masks ``<...>`` by regex) instead of crashing.
"""

import fnmatch
import functools
import importlib
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from operator import add, itemgetter
from typing import NamedTuple, cast

from copydesk.document import Block, Directive
from copydesk.lines import LineIndex
from copydesk.markup import bare_links
from copydesk.markup._mask import decoded

__all__ = [
    "FORMATS",
    "READERS",
    "WINDOW_READERS",
    "Parsed",
    "format_for_path",
    "join",
    "make_blocks",
    "moved_blocks",
    "read",
    "read_joined",
    "read_windows",
]


class Parsed(NamedTuple):
    """What a reader found: the prose view, its blocks and inline directives.

    ``breaks`` are offsets where reading may begin afresh: the text before a
    break, read alone, gives this view before it, and the text after it the
    view after it (with its offsets moved). Plain text breaks at each
    paragraph after the first, Markdown at top-level blocks after a blank
    line; a reader that knows none gives none. Windows over a large document
    and the editor's re-lint cache cut there.
    """

    prose: str
    blocks: tuple[Block, ...]
    directives: tuple[Directive, ...] = ()
    breaks: tuple[int, ...] = ()


#: Format name -> ``"module:function"``, imported on first use.
READERS: dict[str, str] = {
    "plain": "copydesk.markup.plain:read",
    "markdown": "copydesk.markup.markdown:read",
    "html": "copydesk.markup.html:read",
    "rst": "copydesk.markup.rst:read",
    # Text converted from Word on reading (copydesk.textio): a line a paragraph.
    "docx": "copydesk.markup.docx:read",
}

FORMATS: tuple[str, ...] = tuple(READERS)

#: The extension of an ERB template, read as the format of the extension
#: before it.
_TEMPLATE_EXTENSION = ".erb"

_EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rst": "rst",
    ".rest": "rst",
    ".txt": "plain",
    ".text": "plain",
    ".docx": "docx",
    "": "plain",
}

#: Format name -> ``"module:function"`` reading a large text in pieces: a
#: function of ``(text, size, workers)`` (the processes it may use) yielding
#: ``(offset, Parsed)`` pieces whose views, joined, are the whole text's.
#: Formats not listed are read whole.
WINDOW_READERS: dict[str, str] = {
    "plain": "copydesk.markup.plain:read_windows",
    "markdown": "copydesk.markup.markdown:read_windows",
}

_loaded: dict[str, Callable[[str], Parsed]] = {}
#: A window reader: (text, window size, processes it may use, the text's line
#: index if the caller has one, for the reader to fill) to its pieces.
_Pieces = Callable[[str, int, int, LineIndex | None], Iterator[tuple[int, Parsed]]]


#: Text files a build or a tool reads, by name: CMake's sources and cache,
#: a crawler's rules. They are code, not prose, whatever their ``.txt``
#: says (a walk skips them; named alone, one is plain text). Names a prose
#: document may take too ("requirements.txt" for a specification) are not
#: listed.
_TOOL_INPUTS = ("cmakelists*.txt", "cmakecache.txt", "robots.txt")


def format_for_path(path: str) -> str | None:
    """The format implied by ``path``'s extension, or None when unknown (or
    when the name is a tool's input, ``_TOOL_INPUTS``)."""
    name = posixpath.basename(path.replace("\\", "/"))
    if any(fnmatch.fnmatch(name.lower(), glob) for glob in _TOOL_INPUTS):
        return None
    stem, ext = posixpath.splitext(name)
    if ext.lower() == _TEMPLATE_EXTENSION:
        # ``page.html.md.erb``: a template of the format its inner extension
        # names, its ERB tags masked as template syntax; a bare ``.erb`` is
        # no format.
        ext = posixpath.splitext(stem)[1]
        if not ext:
            return None
    return _EXTENSIONS.get(ext.lower())


def reader(fmt: str) -> Callable[[str], Parsed]:
    """The ``read`` function registered for ``fmt`` (KeyError when unknown)."""
    func = _loaded.get(fmt)
    if func is None:
        module_name, _, attr = READERS[fmt].partition(":")
        module = importlib.import_module(module_name)
        func = cast("Callable[[str], Parsed]", getattr(module, attr))
        _loaded[fmt] = func
    return func


#: Formats whose reader masks bare links itself (plain text has no other
#: syntax for them).
_OWN_LINKS = frozenset({"plain", "docx"})


def read(fmt: str, text: str) -> Parsed:
    """Read ``text`` as ``fmt``; unknown formats raise KeyError."""
    return _finished(fmt, reader(fmt)(text))


def _finished(fmt: str, parsed: Parsed) -> Parsed:
    """``parsed`` with the bare links its view shows as prose masked (an
    address written in Markdown or HTML text is still an address) and a
    lone surrogate read as U+FFFD, as a decoder shows it."""
    prose = _finished_view(fmt, parsed.prose)
    return parsed if prose == parsed.prose else parsed._replace(prose=prose)


def _finished_view(fmt: str, view: str) -> str:
    """The view of :func:`_finished`."""
    if fmt not in _OWN_LINKS:
        view = bare_links.mask_view(view)
    return decoded(view)


def join(
    text: str,
    pieces: Iterable[tuple[int, Parsed]],
    lines: LineIndex | None = None,
    finish: Callable[[str], str] | None = None,
) -> Parsed:
    """The Parsed of the whole ``text`` from its pieces (offset, Parsed): views
    joined, blocks and directives moved to the text's offsets and lines, and
    each piece's start a break. ``lines`` is the text's line index, if the
    caller has one. ``finish``, if given, makes each piece's view what it
    becomes in the whole, once ``pieces`` is done: a reader that holds
    every piece until its last (Markdown settles links across them) has
    let them go, so each finished view replaces its piece's instead of
    being a second copy beside it."""
    lines = LineIndex(text) if lines is None else lines
    views: list[str] = []
    blocks: list[Block] = []
    directives: list[Directive] = []
    breaks: list[int] = []
    for offset, part in pieces:
        views.append(part.prose)
        if offset:
            breaks.append(offset)
            blocks.extend(moved_blocks(part.blocks, offset))
            below = lines.line(offset) - 1
            directives.extend(
                d._replace(
                    line=d.line + below, start=d.start + offset, end=d.end + offset
                )
                for d in part.directives
            )
        else:
            blocks.extend(part.blocks)
            directives.extend(part.directives)
        breaks.extend(map(add, part.breaks, repeat(offset)))
    if finish is not None:
        for index, view in enumerate(views):
            views[index] = finish(view)
    prose = "".join(views)
    del views  # the pieces' views, as long again as the joined one
    return Parsed(prose, tuple(blocks), tuple(directives), tuple(breaks))


def make_blocks(found: Iterable[tuple[int, int, str]]) -> Iterator[Block]:
    """(start, end, kind) triples as Blocks, each made in C by
    ``tuple.__new__``: a Block is a tuple, and the named tuple's own
    ``__new__`` is Python code, which a reader of a 17 MB page ran over
    100,000 times per pass over its blocks."""
    return cast("Iterator[Block]", map(tuple.__new__, repeat(Block), found))


_STARTS = itemgetter(0)
_ENDS = itemgetter(1)
_KINDS = itemgetter(2)


def moved_blocks(blocks: Sequence[Block], offset: int) -> Iterator[Block]:
    """``blocks`` with their offsets ``offset`` higher (or lower), made in C."""
    starts = map(add, map(_STARTS, blocks), repeat(offset))
    ends = map(add, map(_ENDS, blocks), repeat(offset))
    return make_blocks(zip(starts, ends, map(_KINDS, blocks), strict=True))


def read_windows(fmt: str, text: str, size: int) -> Iterator[tuple[int, Parsed]]:
    """``text`` read as ``fmt`` in pieces of about ``size`` characters, each
    with its offset; a format without a window reader is one piece.

    The pieces' prose, joined, is :func:`read`'s; their blocks and directives,
    moved by their offsets (and lines), are its blocks and directives. A
    reader that fails on a piece fails the whole text over to :func:`read`.
    """
    pieces = _window_pieces(fmt, text, size)
    if pieces is None:
        yield 0, read(fmt, text)
        return
    try:
        found = [(offset, _finished(fmt, part)) for offset, part in pieces]
    except Exception:  # as read(): one odd file never crashes a run
        found = [(0, read(fmt, text))]
    yield from found


def read_joined(
    fmt: str, text: str, size: int, lines: LineIndex | None = None, workers: int = 1
) -> tuple[Parsed, list[int]]:
    """:func:`join` of :func:`read_windows` (the Parsed of the whole text, as
    :func:`read` gives it) and the offsets where the pieces start.

    Each piece is moved into the whole as the reader yields it, and its
    view finished (bare links masked) once the reader is done (see
    :func:`join`'s ``finish``): finished as they came, every piece's view
    was held twice, as read and as finished, with the joined copy besides;
    finished whole, the joined view was held twice. A reader that fails
    on a piece fails the whole text over to :func:`read`, as there. A
    reader may use up to ``workers`` processes (the Markdown reader forks
    one to read the second half).
    """
    pieces = _window_pieces(fmt, text, size, workers, lines)
    if pieces is not None:
        cuts: list[int] = []
        finish = functools.partial(_finished_view, fmt)
        try:
            return join(text, _noting(pieces, cuts), lines, finish), cuts
        except Exception:  # as read(): one odd file never crashes a run
            pass
    return read(fmt, text), [0]


def _window_pieces(
    fmt: str, text: str, size: int, workers: int = 1, lines: LineIndex | None = None
) -> Iterator[tuple[int, Parsed]] | None:
    """The pieces of ``text`` as ``fmt``'s window reader yields them (not
    finished), or None when ``text`` is read whole (small, or no window
    reader). The reader may build ``lines``' index while it reads."""
    target = WINDOW_READERS.get(fmt)
    if target is None or len(text) <= size:
        return None
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    return cast("_Pieces", getattr(module, attr))(text, size, workers, lines)


def _noting(
    pieces: Iterable[tuple[int, Parsed]], cuts: list[int]
) -> Iterator[tuple[int, Parsed]]:
    """``pieces`` as they come, noting where each starts in ``cuts``."""
    for offset, part in pieces:
        cuts.append(offset)
        yield offset, part
