"""Markdown (CommonMark, GFM tables and alerts, front matter) via pyromark.

pyromark wraps pulldown-cmark (MIT) and parses at tens of MB/s. The prose view
starts fully masked and only ``Text`` events outside code, front matter and
autolinks are revealed, so anything the parser does not call text (markers,
URLs, link titles, reference definitions, raw HTML, code, pipes, ``{#id}``
heading attributes, ``[!NOTE]`` alert markers, task boxes, footnote
references) stays masked by construction. Template tags (Hugo shortcodes,
Liquid, Jinja) are masked afterwards, keeping their ``alt``/``caption``/
``title`` text as ``alt`` blocks. Directives live in HTML comments.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

import pyromark

from copydesk.document import Block, Directive, split_paragraphs
from copydesk.markup import Parsed
from copydesk.markup._directives import MARKER, parse
from copydesk.markup._mask import (
    LineIndex,
    carve,
    entity_view,
    mask_all,
    mask_templates,
    neutral_templates,
)
from copydesk.utf8 import byte_to_char

if TYPE_CHECKING:  # pyromark.event pulls in typing_extensions: 6 ms at start-up
    from pyromark.event import Range

_O = pyromark.Options
OPTIONS = (
    _O.ENABLE_TABLES
    | _O.ENABLE_FOOTNOTES
    | _O.ENABLE_STRIKETHROUGH
    | _O.ENABLE_TASKLISTS
    | _O.ENABLE_HEADING_ATTRIBUTES
    | _O.ENABLE_YAML_STYLE_METADATA_BLOCKS
    | _O.ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
    | _O.ENABLE_GFM
)

_SURROGATES = re.compile(r"[\ud800-\udfff]")
#: Inline raw HTML that opens or closes code-like content: ``a <code>x</code>``.
_HTML_CODE = re.compile(
    r"<(/?)(?:code|kbd|samp|var|script|style|pre)\b[^>]*(?<!/)>\Z", re.IGNORECASE
)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)

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


def parse_markdown(text: str) -> Parsed:  # noqa: PLR0915 - one hot loop
    """Read Markdown, letting parser errors propagate (tests use this).

    The loop is written flat on purpose: it runs once per parser event and
    dominates the reader's time.
    """
    source = neutral_templates(text)
    if not source.isascii() and _SURROGATES.search(source):
        source = _SURROGATES.sub("\ufffd", source)
    conv = None if source.isascii() else byte_to_char(source)
    spans: list[tuple[int, int, str | None]] = []
    blocks: list[Block] = []
    directives: list[Directive] = []
    lines = LineIndex(text)
    want_directives = MARKER in text
    kinds: list[str] = []
    kind = "paragraph"
    links: list[bool] = []
    skip = 0
    html_skip = 0
    block_start = -1
    block_end = -1
    block_kind = kind
    # Events are one-key dicts or bare strings; typed as Any for the hot loop.
    events = cast(
        "Iterator[tuple[Any, Range]]",
        pyromark.events_with_range(source, options=OPTIONS),
    )
    for event, span in events:
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            if event == "Rule" and block_start >= 0:
                blocks.append(Block(block_start, block_end, block_kind))
                block_start = -1
            continue
        value = event.get("Text")
        if value is not None:
            if skip or html_skip:
                continue
            start = span["start"]
            end = span["end"]
            if conv is not None:
                start = conv(start)
                end = conv(end)
            if end - start != len(value) and text[start] == "&":
                spans.append((start, end, entity_view(text[start:end], value)))
            else:
                spans.append((start, end, None))
            if block_start < 0:
                block_start = start
                block_kind = kind
            block_end = end
            continue
        tag = event.get("Start")
        if tag is not None:
            name = tag if type(tag) is str else next(iter(tag))
            if name in _INLINE:
                if name == "Link":
                    auto = tag["Link"]["link_type"] in _AUTOLINKS
                    links.append(auto)
                    skip += auto
                continue
            html_skip = 0
            if block_start >= 0:
                blocks.append(Block(block_start, block_end, block_kind))
                block_start = -1
            new_kind = _KIND_OF.get(name)
            if new_kind is not None:
                kinds.append(new_kind)
                kind = new_kind
            elif name in _SKIPPED:
                skip += 1
            elif name == "HtmlBlock" and want_directives:
                _directives_in(text, span, conv, lines, directives)
            continue
        tag = event.get("End")
        if tag is not None:
            name = tag if type(tag) is str else next(iter(tag))
            if name in _INLINE:
                if name == "Link" and links:
                    skip -= links.pop()
                continue
            html_skip = 0
            if block_start >= 0:
                blocks.append(Block(block_start, block_end, block_kind))
                block_start = -1
            if name in _KIND_OF:
                if kinds:
                    kinds.pop()
                kind = kinds[-1] if kinds else "paragraph"
            elif name in _SKIPPED and skip:
                skip -= 1
            continue
        value = event.get("InlineHtml")
        if value is not None:
            code = _HTML_CODE.match(value)
            if code is not None:
                html_skip = max(0, html_skip - 1) if code.group(1) else html_skip + 1
            if want_directives:
                _directives_in(text, span, conv, lines, directives)
    if block_start >= 0:
        blocks.append(Block(block_start, block_end, block_kind))
    prose, alts = mask_templates(text, _build(text, spans))
    return Parsed(prose, carve(blocks, alts), tuple(directives))


def _build(text: str, spans: list[tuple[int, int, str | None]]) -> str:
    """The prose view: ``text`` masked except for ``spans``, in source order."""
    base = mask_all(text)
    pieces: list[str] = []
    pos = 0
    for start, end, replacement in spans:
        if start < pos:
            continue
        pieces.append(base[pos:start])
        pieces.append(text[start:end] if replacement is None else replacement)
        pos = end
    pieces.append(base[pos:])
    return "".join(pieces)


def _directives_in(
    text: str,
    span: Range,
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
