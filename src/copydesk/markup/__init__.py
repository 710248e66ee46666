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

from __future__ import annotations

import importlib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from copydesk.document import Block, Directive

__all__ = [
    "FORMATS",
    "READERS",
    "Parsed",
    "format_for_path",
    "read",
]


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a reader found: the prose view, its blocks and inline directives."""

    prose: str
    blocks: tuple[Block, ...]
    directives: tuple[Directive, ...] = ()


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

_loaded: dict[str, Callable[[str], Parsed]] = {}


def format_for_path(path: str) -> str | None:
    """The format implied by ``path``'s extension, or None when unknown."""
    name = posixpath.basename(path.replace("\\", "/"))
    ext = posixpath.splitext(name)[1].lower()
    return _EXTENSIONS.get(ext)


def reader(fmt: str) -> Callable[[str], Parsed]:
    """The ``read`` function registered for ``fmt`` (KeyError when unknown)."""
    func = _loaded.get(fmt)
    if func is None:
        module_name, _, attr = READERS[fmt].partition(":")
        module = importlib.import_module(module_name)
        func = cast("Callable[[str], Parsed]", getattr(module, attr))
        _loaded[fmt] = func
    return func


def read(fmt: str, text: str) -> Parsed:
    """Read ``text`` as ``fmt``; unknown formats raise KeyError."""
    return reader(fmt)(text)
