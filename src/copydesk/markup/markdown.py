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

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

import pyromark

from copydesk.document import Block, Directive, split_paragraphs
from copydesk.lines import LineIndex
from copydesk.markup import Parsed
from copydesk.markup._directives import MARKER, parse
from copydesk.markup._mask import (
    blank,
    code_regions,
    entity_view,
    finish_templates,
    mask_all,
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
#: An attribute list (Goldmark, kramdown IAL): braces holding only ``.class``
#: (chained ``.a.b`` too), ``#id`` and ``key=value`` items, at least one. It is
#: markup where it ends a line (or only a template tag follows), or where it
#: touches the inline element it decorates (``[link](url){.cls}``,
#: ``*em*{: .x}``); elsewhere (``use the {.note} class``) it is left as text.
_ATTR_ITEM = r"""(?:(?:[.#][\w-]+)+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))"""
_ATTR_LIST = rf"\{{[ \t]*:?[ \t]*{_ATTR_ITEM}(?:[ \t]+{_ATTR_ITEM})*[ \t]*\}}"
_ATTRIBUTES = re.compile(
    r"(?<=[)\]*_`}])" + _ATTR_LIST + "|" + _ATTR_LIST + r"(?=[ \t]*(?:\r?$|\{\{|\{%))",
    re.MULTILINE,
)

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
    bodies = code_regions(text)
    regions = bodies.copy()
    if "{" in text:
        regions.extend(m.span() for m in _ATTRIBUTES.finditer(text))
        regions.sort()
    plain = blank(text, _disjoint(regions))
    source = neutral_templates(plain)
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
    html_lines: list[tuple[int, int]] | None = None  # inside a raw HTML block
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
            if skip or html_skip or html_lines is not None:
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
            elif name == "HtmlBlock":
                html_lines = []
                if want_directives:
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
            elif name == "HtmlBlock" and html_lines is not None:
                if not skip:
                    _html_block(plain, source, html_lines, conv, kind, spans, blocks)
                html_lines = None
            continue
        value = event.get("Html")
        if value is not None:
            if html_lines is not None:
                html_lines.append((span["start"], span["end"]))
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
    prose, found = finish_templates(text, plain, _build(plain, spans), blocks, bodies)
    return Parsed(prose, found, tuple(directives))


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
    spans: list[tuple[int, int, str | None]],
    blocks: list[Block],
) -> None:
    """Reveal a raw HTML block's text as the HTML reader would.

    ``ranges`` are the block's lines without container markers (``> ``, list
    indentation), which are blanked before the HTML reader sees the lines.
    The HTML parser reads them in ``source`` (template tags neutralised), the
    prose shows ``text``.
    """
    if not ranges:
        return
    if conv is not None:
        ranges = [(conv(start), conv(end)) for start, end in ranges]
    start, end = ranges[0][0], ranges[-1][1]
    if end <= start:
        return
    from copydesk.markup.html import reveal_html  # imported only when needed

    prose, found, _ = reveal_html(
        _lines_only(text, start, ranges), _lines_only(source, start, ranges)
    )
    if not found:
        return
    spans.append((start, end, prose))
    for block in found:
        block_kind = kind if block.kind == "paragraph" else block.kind
        blocks.append(Block(start + block.start, start + block.end, block_kind))


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
