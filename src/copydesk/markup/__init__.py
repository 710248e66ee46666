"""Markup readers: turn a source document into a same-length prose view.

Mask, don't extract: every reader returns :class:`Parsed`, whose ``prose`` has
the length of the source with non-prose replaced by spaces (line breaks kept),
so offsets found in prose are offsets in the source. Readers are registered as
``"module:function"`` strings and imported lazily, so linting plain text never
imports a Markdown or reST parser.
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
