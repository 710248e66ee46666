"""Shared helpers for readers: masking, revealing prose and entity views."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from copydesk.document import FILLER, Block
from copydesk.lazy_patterns import later_re
from copydesk.wide_chars import ascii_view

_ASCII_MASK = bytes(c if c in (10, 13) else 32 for c in range(256))
_CONTROL = later_re(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = later_re("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (only an in-memory text, an
    editor's buffer or the API's, can). UTF-8's strict encoder refuses
    exactly those, and encodes a window of 256 K characters with a few
    accents in a fifth of the time a search for them takes."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def decoded(text: str) -> str:
    """``text`` with each lone surrogate read as U+FFFD, the replacement
    character, as a decoder shows it (``text`` itself when it holds none)."""
    return _SURROGATE.sub("\ufffd", text) if has_surrogate(text) else text


def mask_all(text: str) -> str:
    """``text`` with every character but CR and LF replaced by a space.

    In its ASCII view (``wide_chars.ascii_view``) each other code point (a
    lone surrogate too) is one ``?``, which the table makes a space with the
    rest: three passes in C whatever the text holds. Splitting a text with
    a few accents into lines to measure them took three times as long.
    """
    return ascii_view(text).translate(_ASCII_MASK).decode("ascii")


def entity_view(source: str, decoded: str) -> str:
    """A same-length stand-in for a character reference ``source``.

    The decoded text comes first, then :data:`FILLER` up to the source length;
    a decoded control character or line break becomes a space, so references
    can never add a line break the source does not have.
    """
    if not decoded or len(decoded) > len(source):
        return mask_all(source)
    decoded = _CONTROL.sub(" ", decoded)
    return decoded + FILLER * (len(source) - len(decoded))


class ProseBuilder:
    """Builds a prose view from a fully masked base by revealing spans in order."""

    __slots__ = ("_base", "_pieces", "_pos", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._base = mask_all(text)
        self._pieces: list[str] = []
        self._pos = 0

    def reveal(self, start: int, end: int, replacement: str | None = None) -> None:
        """Show ``text[start:end]`` (or a same-length ``replacement``) as prose.

        Spans must come in source order; a span overlapping an earlier one is
        clipped (or dropped when it has a replacement), never shown twice.
        """
        if start < self._pos:
            if replacement is not None:
                return
            start = self._pos
        if end <= start:
            return
        if start > self._pos:
            self._pieces.append(self._base[self._pos : start])
        if replacement is None or len(replacement) != end - start:
            self._pieces.append(self.text[start:end])
        else:
            self._pieces.append(replacement)
        self._pos = end

    @property
    def pos(self) -> int:
        """End of the last revealed span."""
        return self._pos

    def build(self) -> str:
        """The finished prose view."""
        self._pieces.append(self._base[self._pos :])
        return "".join(self._pieces)


class BlockCollector:
    """Groups revealed spans into non-overlapping blocks of one kind each."""

    __slots__ = ("_end", "_kind", "_start", "blocks")

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._start = -1
        self._end = -1
        self._kind = "paragraph"

    def add(self, start: int, end: int, kind: str) -> None:
        """Extend the open block, opening one of ``kind`` if none is open."""
        if self._start < 0:
            self._start, self._kind = start, kind
        elif kind != self._kind:
            self.flush()
            self._start, self._kind = start, kind
        self._end = max(self._end, end)

    def flush(self) -> None:
        """Close the open block, if any."""
        if self._start >= 0 and self._end > self._start:
            self.blocks.append(Block(self._start, self._end, self._kind))
        self._start = self._end = -1

    def result(self) -> tuple[Block, ...]:
        """All blocks, the open one closed."""
        self.flush()
        return tuple(self.blocks)


#: Template syntax, masked like code: Hugo shortcodes ``{{< … >}}`` and
#: ``{{% … %}}``, Liquid/Jinja tags ``{% … %}`` and expressions ``{{ … }}``,
#: ERB tags ``<% … %>``, ``<%= … %>`` (Middleman and Rails pages, such as
#: the GOV.UK tech docs' ``.html.md.erb``), and MDX comments ``{/* … */}``
#: (never rendered; sites built with MDX use them in ``.md`` pages too).
#: WordPress shortcodes left in a migrated post (``[audio url="…" /]``) are
#: not masked: the new site shows them as text, so they are the page's prose.
#: A tag may span lines but never a blank line, so one stray ``{{`` cannot
#: mask the rest of a document.
#: A Liquid or Jinja tag's quoted argument is the exception: it may hold
#: blank lines (a chart's source in ``{% include chart.html chart="…" %}``),
#: as long as the quote closes within ``_QUOTED_ARGUMENT`` characters; and
#: between its arguments a blank line may stand before a ``name=`` or the
#: tag's close (``{% include event-box.html`` then a line
#: of spaces, then ``    title="…"``), which a stray ``{%`` in prose is not
#: followed by; the tag's name may open the next line (``{%`` alone).
_ANY = r"(?:[^\n]|\n(?![ \t]*\r?\n))*?"
_QUOTED_ARGUMENT = 20_000
_LIQUID_ARGUMENTS = (
    rf"""(?>"[^"]{{0,{_QUOTED_ARGUMENT}}}+"|'[^']{{0,{_QUOTED_ARGUMENT}}}+'"""
    r"""|[^"'%\n]|%(?!\})"""
    r"""|\n(?![ \t]*\r?\n(?![ \t]*[A-Za-z_][\w-]*[ \t]*=|[ \t]*-?%\})))*?"""
)
_TEMPLATE = later_re(
    rf"\{{\{{<{_ANY}>\}}\}}|\{{\{{%{_ANY}%\}}\}}"
    rf"|\{{%-?[ \t]*(?:\r?\n[ \t]*)?[A-Za-z]{_LIQUID_ARGUMENTS}%\}}"
    rf"|\{{%{_ANY}%\}}|\{{\{{{_ANY}\}}\}}"
    rf"|<%{_ANY}%>|\{{/\*{_ANY}\*/\}}"
)
#: Attributes of a template tag whose value is prose (an image's text); a
#: value may hold escaped quotes (``caption="The \"big\" one"``).
_PROSE_ATTRIBUTE = later_re(
    r"""(?<![\w-])(?:alt|caption|title)\s*=\s*"""
    r"""(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')"""
)
#: The backslash of an escape in an attribute value: masked, like Markdown's.
_ESCAPE = later_re(r"\\(?=.)")
#: A character reference: ``&eacute;``, ``&#8217;``, ``&#x2019;``.
REFERENCE = later_re(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


#: What Hugo, Liquid and Jinja tags and MDX comments start with.
_TAG_START = later_re(r"\{[{%/]")
#: What an ERB tag starts with: searched apart, since an alternation or a
#: class at the start keeps the engine from skipping ahead (10x slower).
_ERB_START = later_re("<%")


def _templated(text: str) -> bool:
    """Whether ``text`` holds ``{{``, ``{%``, ``{/`` or ``<%``: may hold a template tag.

    Pattern searches: ``"{{" in text`` and ``"{%" in text`` were six times
    slower on PowerShell pages, whose braces keep the substring
    search from skipping ahead (24 -> 4 ms over the 17 MB file's windows).
    """
    return _TAG_START.search(text) is not None or _ERB_START.search(text) is not None


def neutral_templates(text: str) -> str:
    """``text`` with each template tag's characters (not its line breaks) as ``x``.

    A parser given this sees a word where a tag was, so a tag inside a link
    target or an HTML attribute (``href="{{< ref "a.md" >}}"``) leaves that
    construct whole. The indentation of a tag's later lines is kept, so a tag
    broken over lines inside an indented fence or list item leaves it open.
    Lengths are kept, so offsets stay those of ``text``.
    """
    if not _templated(text):
        return text
    return _TEMPLATE.sub(lambda m: _TAG_LINE.sub(_xs, m.group()), text)


#: A tag's first line whole, or a later line after its indentation.
_TAG_LINE = later_re(r"(?:(?<=\n)[ \t]*)?([^\r\n]+)")


def _xs(match: re.Match[str]) -> str:
    lead = match.start(1) - match.start()
    return match.group()[:lead] + "x" * (match.end() - match.start(1))


def with_references(source: str) -> str:
    """``source`` with each character reference shown as its :func:`entity_view`."""
    if "&" not in source:
        return source
    import html  # its table of entities is read only where one may be

    return REFERENCE.sub(
        lambda m: entity_view(m.group(), html.unescape(m.group())), source
    )


def mask_templates(text: str, prose: str) -> tuple[str, list[Block]]:
    """Mask template tags in ``prose`` (the view of ``text``).

    The values of ``alt``, ``caption`` and ``title`` attributes of a tag the
    reader showed as prose stay prose, and come back as ``alt`` blocks of
    their own, so a quote there pairs on its own. Tags inside masked text
    (code, HTML attributes) reveal nothing.
    """
    if not _templated(text):
        return prose, []
    pieces: list[str] = []
    alts: list[Block] = []
    pos = 0
    for match in _TEMPLATE.finditer(text):
        start, end = match.span()
        if prose[start] != text[start]:
            continue  # already masked: code, an attribute, a comment
        pieces.append(prose[pos:start])
        tag = mask_all(text[start:end])
        for attr in _PROSE_ATTRIBUTE.finditer(text, start, end):
            group = 1 if attr.start(1) >= 0 else 2
            lo, hi = attr.span(group)
            if hi > lo:
                value = _ESCAPE.sub(" ", with_references(text[lo:hi]))
                tag = tag[: lo - start] + value + tag[hi - start :]
                alts.append(Block(lo, hi, "alt"))
        pieces.append(tag)
        pos = end
    if not pieces:
        return prose, []
    pieces.append(prose[pos:])
    return "".join(pieces), alts


#: Names of paired template tags whose body is code, not prose: a name made of
#: ``-``/``_``/``.``/``/``-separated parts, one of which is ``code``,
#: ``highlight``, ``hl``, ``snippet``, ``syntax``, ``src``, ``source``,
#: ``listing``, ``console``, ``terminal``, ``shell`` or ``output`` (optionally
#: followed by ``block`` or ``s``), or ``raw`` / ``comment`` (a body kept
#: verbatim or never rendered). ``code-toggle``, ``highlight``, ``hl``,
#: ``codeblock`` match; ``codetab`` and ``tab`` (whose bodies are Markdown
#: holding prose and fenced code) and ``note`` do not. The name decides, not the
#: delimiter: ``{{% %}}`` and ``{{< >}}`` differ in how Hugo renders a body, not
#: in whether it is code.
CODE_NAME = later_re(
    r"(?:^|[-_./])(?:(?:code|highlight|hl|snippet|syntax|src|source|listing"
    r"|console|terminal|shell|output)(?:block|s)?|raw|comment)(?:$|[-_./])",
    re.IGNORECASE,
)
#: A ``lang`` parameter in a Hugo tag: its body is code in that language.
_LANG_PARAMETER = later_re(r"\slang[ \t]*=[ \t]*[\"']?[A-Za-z]")
#: A Hugo closing tag: ``{{< /tab >}}``.
_CLOSING_HUGO = later_re(r"\{\{[<%]-?[ \t]*/")
#: An opening paired tag: Hugo ``{{< name args >}}`` / ``{{% name args %}}``
#: (not self-closing ``/>}}``, not a ``{{</* escaped */>}}`` example), or a
#: Liquid/Jinja block tag ``{% name args %}``.
_OPENER = later_re(
    r"\{\{(?P<d>[<%])-?[ \t]*(?P<hugo>[A-Za-z][\w./-]*)"
    r"(?:[^\n>%]|[>%](?!\}\}))*?(?<![/-])[ \t]*-?[>%]\}\}"
    r"|\{%-?[ \t]*(?P<liquid>[A-Za-z]\w*)\b[^\n%]*?-?%\}"
)


#: Front matter: a ``---`` (YAML) or ``+++`` (TOML) line opening the file and
#: the first closing line after it (``---`` or ``...``; ``+++``). Read here,
#: not by the parser: pulldown-cmark's metadata blocks open at any ``---``
#: followed by text (its issue #1000), so a thematic break before a YAML
#: example holding ``---`` hid the prose between them and read the rest of
#: the example as prose. Hugo, Jekyll, GitHub and MkDocs take front matter
#: only at the start of the file, of any format (Jekyll's HTML pages too).
_FRONT_MATTER = later_re(
    r"\A(?:---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)"
    r"|\+\+\+[ \t]*\r?\n(?:.*?\r?\n)??\+\+\+)[ \t]*(?:\r?\n|\Z)",
    re.DOTALL,
)


def unread_regions(text: str) -> list[tuple[int, int]]:
    """The spans a reader does not give its parser (blanked, so masked): the
    front matter and the bodies of code templates, sorted and disjoint."""
    front = _FRONT_MATTER.match(text) if text.startswith(("---", "+++")) else None
    bodies = code_regions(text)
    if front is None:
        return bodies
    return [(0, front.end()), *(b for b in bodies if b[0] >= front.end())]


def code_regions(text: str) -> list[tuple[int, int]]:
    """Spans of the bodies of paired template tags that hold code.

    Hugo ``{{< highlight go >}} … {{< /highlight >}}`` (any name
    :data:`CODE_NAME` accepts, either delimiter) and Liquid/Jinja
    ``{% highlight ruby %} … {% endhighlight %}``, ``{% raw %} … {% endraw %}``,
    ``{% comment %} … {% endcomment %}``; and a Hugo tag of any name given a
    ``lang`` parameter (Docsy's ``{{< tab header="Shell" lang="bash" >}}``),
    unless other paired tags are inside it (a ``tabpane`` whose tabs say
    which of them are code). The body runs from the end of the opening tag
    to the start of the first matching closing tag, across blank lines; an
    opening tag with no closing tag marks nothing. The tags themselves are
    left to :func:`mask_templates`.
    """
    if not _templated(text):
        return []
    regions: list[tuple[int, int]] = []
    pos = 0
    while True:
        match = _OPENER.search(text, pos)
        if match is None:
            return regions
        pos = match.end()
        name = match.group("hugo") or match.group("liquid")
        by_lang = bool(match.group("hugo")) and _LANG_PARAMETER.search(match.group(0))
        if not by_lang and CODE_NAME.search(name) is None:
            continue
        if match.group("hugo"):
            closer = re.compile(
                rf"\{{\{{[<%]-?[ \t]*/[ \t]*{re.escape(name)}[ \t]*-?[>%]\}}\}}"
            )
        else:
            closer = re.compile(rf"\{{%-?[ \t]*end{re.escape(name)}[ \t]*-?%\}}")
        end = closer.search(text, pos)
        if end is None:
            continue
        if by_lang and _CLOSING_HUGO.search(text, pos, end.start()):
            continue  # a container: its own paired tags tell code from text
        if end.start() > pos:
            regions.append((pos, end.start()))
        pos = end.end()


def blank(text: str, regions: Sequence[tuple[int, int]]) -> str:
    """``text`` with each region's characters but line breaks made spaces."""
    if not regions:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end in regions:
        pieces.append(text[pos:start])
        pieces.append(mask_all(text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def cut(
    text: str, blocks: Sequence[Block], regions: Sequence[tuple[int, int]]
) -> tuple[Block, ...]:
    """``blocks`` cut around the ``regions`` (sorted, disjoint) that span lines.

    A code body over several lines is a code block: no block may span it, so
    a quotation never pairs across it. A body within one line is a code span
    and stays inside its paragraph. Pieces of a cut block are trimmed of
    white space; a block no body touches is kept as it is, so a block reads
    the same whatever code lies elsewhere in the text.
    """
    spans = [(start, end) for start, end in regions if "\n" in text[start:end]]
    if not spans:
        return tuple(blocks)
    out: list[Block] = []
    for block, lo, hi in _outside(blocks, spans):
        if lo == block.start and hi == block.end:
            out.append(block)
            continue
        piece = text[lo:hi]
        stripped = piece.strip()
        if stripped:
            first = lo + piece.index(stripped[0])
            out.append(Block(first, first + len(stripped), block.kind))
    return tuple(out)


def carve(blocks: Sequence[Block], alts: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks`` cut around ``alts`` (sorted, disjoint), with ``alts`` added.

    Keeps the readers' promise that blocks never overlap.
    """
    if not alts:
        return tuple(blocks)
    spans = [(alt.start, alt.end) for alt in alts]
    out = [
        block if (lo, hi) == (block.start, block.end) else Block(lo, hi, block.kind)
        for block, lo, hi in _outside(blocks, spans)
    ]
    out.extend(alts)
    out.sort(key=lambda b: (b.start, b.end))
    return tuple(out)


def _outside(
    blocks: Sequence[Block], spans: Sequence[tuple[int, int]]
) -> Iterator[tuple[Block, int, int]]:
    """Each block's non-empty pieces outside ``spans`` (sorted, disjoint).

    The spans' ends ascend, so a bisect finds the first span ending after a
    block's start, and a walk stops at the first one starting at or after its
    end: each block visits only the spans it overlaps.
    """
    ends = [hi for _, hi in spans]
    for block in blocks:
        start = block.start
        index = bisect.bisect_right(ends, start)
        while index < len(spans) and spans[index][0] < block.end:
            lo, hi = spans[index]
            index += 1
            if lo > start:
                yield block, start, lo
            start = max(start, hi)
        if start < block.end:
            yield block, start, block.end


def finish_templates(
    text: str,
    plain: str,
    prose: str,
    blocks: Sequence[Block],
    bodies: Sequence[tuple[int, int]],
) -> tuple[str, tuple[Block, ...]]:
    """A reader's last step for template syntax: mask the tags in ``prose``
    (read from ``plain``, ``text`` with code bodies blanked), cut ``blocks``
    around the code ``bodies``, and add the tags' prose attributes as blocks."""
    prose, alts = mask_templates(plain, prose)
    return prose, carve(cut(text, blocks, bodies), alts)
