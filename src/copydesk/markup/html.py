"""HTML via the standard library's tolerant ``html.parser``.

Text runs are prose; tags, comments, declarations and the contents of
script, style, pre, code, textarea, template, samp, kbd, svg and math are
masked. Attribute values are masked except ``alt`` and ``title``, which are
prose of kind ``alt``; so is the text of those attributes in template tags
(Hugo shortcodes, Liquid, Jinja), which are masked like code, as are the
bodies of paired template tags that hold code (``{% highlight %}``,
``{% raw %}``, ``{{< highlight >}}``: see
:func:`~copydesk.markup._mask.code_regions`). :func:`reveal_html` is the
reader's core, shared with the Markdown reader's raw HTML blocks. Character
references keep their source span: the decoded character comes first, padded
with :data:`~copydesk.document.FILLER`.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from copydesk.document import Block, Directive, split_paragraphs
from copydesk.lines import LineIndex
from copydesk.markup import Parsed
from copydesk.markup._directives import MARKER, parse
from copydesk.markup._mask import (
    REFERENCE,
    BlockCollector,
    ProseBuilder,
    blank,
    entity_view,
    finish_templates,
    neutral_templates,
    unread_regions,
)

#: Elements whose whole content is not prose.
SKIPPED = frozenset(
    {"script", "style", "pre", "code", "textarea", "template", "samp", "kbd"}
    | {"tt", "svg", "math"}
)
#: Skipped elements that sit inside a line of prose: masked, but they do not
#: end the block, so a quotation around ``<code>ls</code>`` still pairs.
#: ``tt`` is the code of hand-written pages older than HTML5 (SWIG's and
#: many GNU manuals: ``<tt>requires requires (...)</tt>``).
INLINE_SKIPPED = frozenset({"code", "kbd", "samp", "tt"})
#: The typewriter-face element: code on most pages, but a release note or a
#: changelog written before CSS sets whole sentences in it.
TELETYPE = "tt"
#: The element of preformatted text, and the paragraph that may not stand
#: inside it (its start tells a ``<pre>`` left open).
PREFORMATTED = "pre"
PARAGRAPH = "p"
#: How far a ``<tt>`` element's text is read to judge it.
_TELETYPE_REACH = 2000
#: Fewest words of a sentence set in a typewriter face.
_TELETYPE_WORDS = 8
#: A stop that ends a sentence inside or at the end of a text.
_SENTENCE_STOP = re.compile(r"[a-z][.!?](?:\s|$)")
#: What code holds and prose does not.
_CODE_MARKS = re.compile(r"[{}=;<>$\\]|\(\)|::|->|&&")


def _teletype_prose(text: str, start: int) -> bool:
    """Whether the ``<tt>`` element that opens at ``start`` holds prose: a
    sentence set in the typewriter face ("fixed a problem with region
    angles, where there was a rotation."), not code: eight words or more,
    mostly of letters, a sentence's stop after a word, no mark code holds."""
    open_end = text.find(">", start)
    close = text.find("</tt", open_end, open_end + _TELETYPE_REACH)
    if open_end < 0 or close < 0:
        return False
    inside = re.sub(r"<[^>]*>", " ", text[open_end + 1 : close])
    words = inside.split()
    if len(words) < _TELETYPE_WORDS or _CODE_MARKS.search(inside) is not None:
        return False
    wordy = sum(1 for w in words if w.strip(".,;:!?()'\"").isalpha())
    return 2 * wordy > len(words) and _SENTENCE_STOP.search(inside) is not None


#: The name a ``<blockquote>`` of a callout's class is kept open under
#: (``_opened_as``): the author's aside, its block a paragraph of the page.
_CALLOUT = "blockquote.callout"
#: Elements that hold a block of prose, and the block kind of their text.
BLOCK_KINDS: dict[str, str] = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "title": "heading",
    "li": "list",
    "dt": "list",
    "dd": "list",
    "td": "table",
    "th": "table",
    "caption": "table",
    "blockquote": "blockquote",
    _CALLOUT: "paragraph",
    "figcaption": "paragraph",
    "div": "paragraph",
    "section": "paragraph",
    "article": "paragraph",
    "main": "paragraph",
    "aside": "paragraph",
    "header": "paragraph",
    "footer": "paragraph",
    "nav": "paragraph",
    "figure": "paragraph",
    "body": "paragraph",
    "summary": "heading",
    "details": "paragraph",
}
#: Class or id values that name a code listing whatever its element: a
#: highlighter's (``highlight``, ``hljs``, ``codehilite``, ``sourceCode``)
#: or a report's (coverage.py sets a module's lines in ``<main
#: id="source">``, each a ``<p>`` of token spans). Whole values only:
#: ``sources`` and ``source-list`` are a page's own sections.
_LISTING_NAMES = frozenset(
    {"source", "sourcecode", "code", "highlight", "codehilite", "hljs", "listing",
     "programlisting", "prettyprint", "syntaxhighlighter"}
)  # fmt: skip


#: Class values that name code on a ``span``: a command, a file name, an
#: option or a variable set in running text, as DocBook's HTML and
#: hand-written manuals mark them (``<span class="cli">checkfs</span>``,
#: ``<span class="filename">``, ``<span class="envar">``). Not a GUI
#: label's (``guimenu``, ``guibutton``): those are words; nor the names
#: that also class prose (``file``: Drupal's link to a file, its title in
#: words; ``function``: a job title; ``option``: a quiz's answer).
_INLINE_CODE_NAMES = frozenset(
    {"cli", "command", "cmd", "filename", "literal", "envar", "varname",
     "userinput", "computeroutput", "systemitem", "parameter", "replaceable",
     "keycap", "kbd", "tt", "mono", "monospace", "terminal"}
)  # fmt: skip


#: A ``<blockquote>`` of one of these classes is the author's note or
#: aside set off in a box ("commentary", "note", "tip"), not someone
#: else's words: kept open as ``_CALLOUT``.
_CALLOUT_NAMES = frozenset(
    {"note", "tip", "hint", "info", "warning", "caution", "important",
     "notice", "alert", "aside", "callout", "admonition", "commentary",
     "sidebar"}
)  # fmt: skip


def _opened_as(tag: str, attrs: Attrs) -> str:
    """The name an element is kept under on the stack of open blocks: a
    blockquote of a callout's class (``_CALLOUT_NAMES``) as ``_CALLOUT``."""
    if tag != "blockquote":
        return tag
    for name, value in attrs:
        if (
            name == "class"
            and value
            and not _CALLOUT_NAMES.isdisjoint(value.lower().split())
        ):
            return _CALLOUT
    return tag


def _names_listing(tag: str, attrs: Attrs) -> bool:
    """Whether an element's class names a code listing (``_LISTING_NAMES``),
    or on a ``span`` code in a line (``_INLINE_CODE_NAMES``), or its id
    does on a ``main`` or a ``table`` (a section's id is its heading's,
    "Code" or "Source": the section is prose)."""
    for name, value in attrs:
        if not value or name not in ("class", "id"):
            continue
        if name == "id" and tag not in _ID_NAMED:
            continue
        tokens = value.lower().split()
        if any(token in _LISTING_NAMES for token in tokens):
            return True
        if (
            name == "class"
            and tag in _INLINE_ELEMENTS
            and any(token in _INLINE_CODE_NAMES for token in tokens)
        ):
            return True
    return False


#: Elements a class may name a listing on: those whose end tag is required,
#: so that it ends the listing (a ``<p>`` or an ``<li>`` may end unclosed),
#: and that are not code already (``code``, ``pre``: skipped as they are).
_LISTING_ELEMENTS = frozenset(
    {"div", "main", "table", "section", "article", "figure", "span"}
)
#: Elements an id may name a listing on.
_ID_NAMED = frozenset({"main", "table"})


#: Elements inside a line of prose: a listing's name on one masks it as
#: ``<code>`` is, without ending the block.
_INLINE_ELEMENTS = frozenset({"span"})


#: Elements that only separate blocks.
BREAKS = frozenset({"ul", "ol", "dl", "table", "tr", "hr", "form", "html"})
#: A line break inside a paragraph (a verse, an address, a quotation set line
#: by line) does not end its block; two in a row, with only white space
#: between, are an old-style paragraph break and do.
LINE_BREAK = "br"
#: A new one of these closes an open one of the same group (``<li>a<li>b``).
_SELF_CLOSING_GROUPS = {
    "p": "p",
    "li": "li",
    "dt": "d",
    "dd": "d",
    "td": "t",
    "th": "t",
}
#: Closing one of these closes the items still open inside it.
_CLOSES: dict[str, frozenset[str]] = {
    "ul": frozenset({"li"}),
    "ol": frozenset({"li"}),
    "dl": frozenset({"dt", "dd"}),
    "table": frozenset({"td", "th", "caption"}),
    "tr": frozenset({"td", "th"}),
}
_PROSE_ATTRIBUTES = frozenset({"alt", "title"})
_ATTR = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?"""
)

Attrs = list[tuple[str, str | None]]
_TAG = re.compile(r"<[^>]*>?|<!--.*?-->", re.DOTALL)


def read(text: str) -> Parsed:
    """Read HTML; if the parser fails, fall back to masking only ``<...>``."""
    try:
        return parse_html(text)
    except Exception:  # a linter must not crash on one odd file
        builder = ProseBuilder(text)
        pos = 0
        for match in _TAG.finditer(text):
            builder.reveal(pos, match.start())
            pos = match.end()
        builder.reveal(pos, len(text))
        prose = builder.build()
        return Parsed(prose, tuple(split_paragraphs(prose)), ())


def parse_html(text: str) -> Parsed:
    """Read HTML, letting parser errors propagate (tests use this)."""
    regions = unread_regions(text)
    plain = blank(text, regions)
    prose, blocks, found = reveal_html(plain, neutral_templates(plain))
    prose, blocks = finish_templates(text, plain, prose, blocks, regions)
    return Parsed(prose, blocks, found)


def reveal_html(
    text: str, parse: str | None = None
) -> tuple[str, tuple[Block, ...], tuple[Directive, ...]]:
    """The prose view, blocks and directives of HTML ``text``, templates as is.

    The core of the HTML reader, also used by the Markdown reader for raw HTML
    blocks (``text`` is then one such block, other characters blanked): tags,
    attributes but ``alt``/``title``, comments and the :data:`SKIPPED` elements
    are masked, text is revealed in blocks of the element's kind. ``parse``
    (same length) is what the parser reads, ``text`` what is revealed: given
    :func:`neutral_templates` text, a tag inside an attribute
    (``href="{{< ref "a.md" >}}"``) leaves the element whole. Template tags are
    left for the caller's :func:`mask_templates`.
    """
    reader = _Reader(text)
    reader.feed(text if parse is None else parse)
    reader.close()
    return reader.prose.build(), reader.blocks.result(), tuple(reader.found)


class _Reader(HTMLParser):
    """Reveals text runs and prose attributes as the parser walks the source."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.prose = ProseBuilder(text)
        self.blocks = BlockCollector()
        self.found: list[Directive] = []
        self.lines = LineIndex(text)
        self.open: list[str] = []
        self.skip = 0  # open skipped elements that hold blocks (<pre>, <script>)
        self.pre_open = 0  # of which <pre> elements
        self.inline_skip = 0  # open inline ones (<code>) in the current block
        # For each open <tt>: whether it holds prose set in a typewriter
        # face, not code (see ``_teletype_prose``).
        self.teletype: list[bool] = []
        # An element its class or id names a code listing, and how many of
        # its name are open inside it (its end tag ends the listing).
        self.listing: str | None = None
        self.listing_depth = 0
        self.closing = False
        self.line_break = False  # a <br> since the last text
        # html.parser counts only LF as a line break; map its positions back
        self._lf_starts = [0]
        self._lf_starts.extend(m.end() for m in re.finditer("\n", text))

    def _where(self) -> int:
        """Source offset of the construct being handled."""
        line, column = self.getpos()
        return self._lf_starts[line - 1] + column

    def close(self) -> None:
        self.closing = True
        super().close()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """A malformed ``<![...`` is a bogus comment (as browsers read it).

        The standard parser raises AssertionError on ``<![0`` (after moving its
        position), which sent the whole file to the tag-masking fallback and
        lost its blocks and directives.
        """
        where = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = where
            return self.parse_bogus_comment(i, report=False)

    # -- tags (handlers keep HTMLParser's signatures, hence ARG002) --------

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        self._attributes(tag)
        if tag == LINE_BREAK:
            self._line_break()
            return
        if self.listing == tag:
            self.listing_depth += 1
        elif (
            self.listing is None
            and tag in _LISTING_ELEMENTS
            and _names_listing(tag, attrs)
        ):
            self.listing, self.listing_depth = tag, 1
            if tag in _INLINE_ELEMENTS:
                self.inline_skip += 1  # "run <span class="code">ls</span> now"
            else:
                self.skip += 1
                self.blocks.flush()
            return
        if tag == TELETYPE:
            prose = _teletype_prose(self.text, self._where())
            self.teletype.append(prose)
            if prose:
                return
        if tag in INLINE_SKIPPED:
            self.inline_skip += 1
            return
        if tag in SKIPPED:
            self.skip += 1
            self.pre_open += tag == PREFORMATTED
            self.blocks.flush()
            return
        if tag == PARAGRAPH and self.skip and self.skip == self.pre_open:
            # A paragraph inside preformatted text: its <pre> was left open
            # ("</i></b><pre>" typed for "</pre>"). A browser sets the rest of
            # the page in a typewriter face; it is prose all the same, and
            # reading it as code hid every slip below.
            self.skip = self.pre_open = 0
        kind = BLOCK_KINDS.get(tag)
        if kind is not None or tag in BREAKS:
            self._end_inline_code()
        if (kind is not None or tag in BREAKS) and self.open and self.open[-1] == "p":
            self.open.pop()  # a block start closes an open paragraph
        if kind is not None:
            self.blocks.flush()
            group = _SELF_CLOSING_GROUPS.get(tag)
            if (
                group is not None
                and self.open
                and _SELF_CLOSING_GROUPS.get(self.open[-1]) == group
            ):
                self.open.pop()
            self.open.append(_opened_as(tag, attrs))
        elif tag in BREAKS:
            self.blocks.flush()

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:  # noqa: ARG002
        self._attributes(tag)
        if tag == LINE_BREAK:
            self._line_break()
            return
        if tag in BLOCK_KINDS or tag in BREAKS:
            self.blocks.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == self.listing:
            self.listing_depth -= 1
            if not self.listing_depth:
                self.listing = None
                if tag in _INLINE_ELEMENTS:
                    self.inline_skip = max(0, self.inline_skip - 1)
                else:
                    self.skip = max(0, self.skip - 1)
                return
        if tag == TELETYPE and self.teletype and self.teletype.pop():
            return  # it held prose: nothing was skipped
        if tag in INLINE_SKIPPED:
            self.inline_skip = max(0, self.inline_skip - 1)
            return
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
            if tag == PREFORMATTED:
                self.pre_open = max(0, self.pre_open - 1)
            return
        if tag in BLOCK_KINDS or tag in BREAKS:
            self._end_inline_code()
            self.blocks.flush()
            if tag == "blockquote":
                tag = self._innermost_quote()
            if tag in self.open:
                while self.open.pop() != tag:
                    pass
            items = _CLOSES.get(tag)
            while items and self.open and self.open[-1] in items:
                self.open.pop()

    def _innermost_quote(self) -> str:
        """The name the innermost open blockquote is kept under: a plain one
        or a callout (``_opened_as``), whichever a ``</blockquote>`` ends."""
        for name in reversed(self.open):
            if name in ("blockquote", _CALLOUT):
                return name
        return "blockquote"

    def _skipping(self) -> bool:
        """Whether the parser is inside a skipped element."""
        return bool(self.skip or self.inline_skip)

    def _end_inline_code(self) -> None:
        """A block's start or end ends the inline code left open in it,
        outside a skipped block: ``<p>Use <code>-sort=<var>x</var> to
        sort.</p>`` lost its ``</code>``. A browser carries the code style
        into the next paragraphs; they are prose all the same, and masking
        the rest of the page hid every slip in it."""
        if not self.skip:
            self.inline_skip = 0
            if self.listing in _INLINE_ELEMENTS:
                self.listing = None  # an inline listing left open ends too

    def _line_break(self) -> None:
        """A second ``<br>`` with no text since the first ends the block."""
        if self.line_break:
            self.blocks.flush()
        self.line_break = True

    def _attributes(self, tag: str) -> None:
        """Reveal ``alt`` and ``title`` values as blocks of kind ``alt``."""
        raw = self.get_starttag_text()
        if self._skipping() or raw is None or ("alt" not in raw and "title" not in raw):
            return
        start = self._where()
        for match in _ATTR.finditer(raw, len(tag) + 1):
            if match.group(1).lower() not in _PROSE_ATTRIBUTES or not match.group(3):
                continue
            value_start, value_end = match.span(3)
            if raw[value_start] in "'\"":
                value_start, value_end = value_start + 1, value_end - 1
            if value_end > value_start:
                self.blocks.flush()
                self._reveal_with_references(start + value_start, start + value_end)
                self.blocks.add(start + value_start, start + value_end, "alt")
                self.blocks.flush()

    def _reveal_with_references(self, start: int, end: int) -> None:
        pos = start
        for match in REFERENCE.finditer(self.text, start, end):
            self.prose.reveal(pos, match.start())
            self._reference(match.start(), match.end())
            pos = match.end()
        self.prose.reveal(pos, end)

    def _reference(self, start: int, end: int) -> None:
        source = self.text[start:end]
        decoded = html.unescape(source)
        if decoded == source:
            self.prose.reveal(start, end)
        else:
            self.prose.reveal(start, end, entity_view(source, decoded))

    # -- text -------------------------------------------------------------

    def _kind(self) -> str:
        """The innermost specific kind: ``<li><p>`` text is ``list``."""
        for tag in reversed(self.open):
            kind = BLOCK_KINDS[tag]
            if kind != "paragraph":
                return kind
        return "paragraph"

    def handle_data(self, data: str) -> None:
        if self._skipping() or (self.closing and data.startswith("<")):
            return
        start = self._where()
        end = start + len(data)
        self.prose.reveal(start, end)
        stripped = data.strip()
        if stripped:
            self.line_break = False
            first = start + data.index(stripped[0])
            self.blocks.add(first, first + len(stripped), self._kind())

    def _handle_reference(self) -> None:
        if self._skipping():
            return
        start = self._where()
        match = REFERENCE.match(self.text, start)
        if match is None:
            return
        self._reference(start, match.end())
        self.line_break = False
        self.blocks.add(start, match.end(), self._kind())

    def handle_entityref(self, name: str) -> None:  # noqa: ARG002
        self._handle_reference()

    def handle_charref(self, name: str) -> None:  # noqa: ARG002
        self._handle_reference()

    # -- comments -----------------------------------------------------------

    def handle_comment(self, data: str) -> None:
        if MARKER not in data:
            return
        start = self._where()
        end = self.text.find("-->", start)
        end = len(self.text) if end < 0 else end + 3
        found = parse(data, self.lines.line(start), start, end)
        if found is not None:
            self.found.append(found)
