"""reStructuredText via docutils' parser, mapped back onto the source.

docutils nodes carry a line but no offsets, so the reader walks the doctree in
document order and finds each prose text node's words in the source, moving a
cursor forward (never back) and starting no earlier than a couple of lines
before the node's reported line. Words it cannot find stay masked, which is
the safe failure; a word found too far ahead would skip (mask) the prose in
between, so lines docutils reports late are not trusted: a literal block is
found by its first line between the cursor and its reported line (docutils
gives it the next element's line), system messages give no hint, a role whose
text is not in the source (``:pep:`8``` reads "PEP 8") is consumed by its
source, and a word matches its backslash-escaped spelling (``in\\_``).

Masked: literal and code blocks, inline literals, default-role interpreted
text (```x```: code or a reference in Sphinx projects), comments, unknown
directives and roles (Sphinx ``toctree``, ``:func:``), substitution
definitions, targets, URLs, footnote labels, field names, section adornments.
Read as prose: the content of Sphinx's object descriptions and notes
(``.. py:function::``, ``.. versionadded::``) and of any directive named
with a domain (``.. deck:control::``), unless its name says it holds code
(``.. http:example::``); their arguments and options stay masked.
Prose roles such as ``:term:`` and titled references (``:ref:`Title <x>```)
keep their visible words. Directives: ``.. copydesk: disable=RULE`` comments.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Directive as RstDirective
from docutils.parsers.rst import Parser, directives
from docutils.utils import new_document

from copydesk.document import Directive, split_paragraphs
from copydesk.lines import LineIndex, line_start
from copydesk.markup import Parsed
from copydesk.markup._directives import MARKER, parse
from copydesk.markup._mask import BlockCollector, ProseBuilder
from copydesk.wordsets import word_set

#: How far past the cursor a word may be before we give up on it.
WINDOW = 2000

#: Nodes whose content is not prose; their words are consumed, not shown.
_CONSUMED: tuple[type[nodes.Node], ...] = (
    nodes.literal_block,
    nodes.doctest_block,
    nodes.literal,
    nodes.math,
    nodes.math_block,
    nodes.raw,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.substitution_reference,
    nodes.label,
    nodes.field_name,
    nodes.option_string,
    nodes.target,
)
#: Nodes whose reported line is at (or past) their last line, not their first.
_ENDS_AT_LINE: tuple[type[nodes.Node], ...] = (
    nodes.literal_block,
    nodes.doctest_block,
    nodes.math_block,
)
#: Nodes skipped outright: their text is not in the source, or not here.
_SKIPPED: tuple[type[nodes.Node], ...] = (
    nodes.system_message,
    nodes.substitution_definition,
    nodes.comment,
    nodes.pending,
)
#: Ancestors that give their prose a block kind other than ``paragraph``.
_KINDS: tuple[tuple[type[nodes.Node], str], ...] = (
    (nodes.title, "heading"),
    (nodes.subtitle, "heading"),
    (nodes.rubric, "heading"),
    (nodes.entry, "table"),
    (nodes.block_quote, "blockquote"),
    (nodes.list_item, "list"),
    (nodes.definition_list_item, "list"),
    (nodes.field, "list"),
    (nodes.option_list_item, "list"),
)
_ROLE = re.compile(r":(?P<role>[\w.+:-]+):`(?P<content>.*)`\Z", re.DOTALL)
_TITLED = re.compile(r"(?P<title>.*?)\s*<[^<>]*>\Z", re.DOTALL)
#: Unknown (Sphinx) roles whose visible text is prose.
_PROSE_ROLES = frozenset({"term", "dfn", "guilabel", "menuselection", "abbr"})
#: Unknown roles that show prose only when given an explicit title.
_TITLED_ROLES = frozenset({"ref", "doc", "numref", "term", "download", "any"})
#: Characters a reST source may escape with a backslash that docutils drops.
_ESCAPABLE = re.compile(r"[_*`|\\<>\[\]:]")


@lru_cache(maxsize=4096)
def _escaped(word: str, *, loose: bool = False) -> re.Pattern[str]:
    """``word`` with an optional backslash before each escapable character
    (before every character when ``loose``: reST drops the backslash of any
    escape, ``\\n`` included)."""
    return re.compile(
        "".join(
            "\\\\?" + re.escape(c) if loose or _ESCAPABLE.match(c) else re.escape(c)
            for c in word
        )
    )


def _escaped_whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole word that escapes hold: a
    backslash in it, no word character around it ("by \\r\\n only"; not
    the "a\\n" of "data\\nsa", where "an" would be read)."""
    return (
        "\\" in text[start:end]
        and (start == 0 or not text[start - 1].isalnum())
        and (end == len(text) or not text[end].isalnum())
    )


_DIRECTIVE_LINE = re.compile(r"(?m)^[ \t]*(\.\.[ \t]+(copydesk:[^\r\n]*))")

#: Where docutils breaks lines: ``str.splitlines`` after turning VT and FF
#: into spaces (``string2lines``). copydesk's lines break at LF, CR and CRLF
#: only, so where NEL, LS, PS or an information separator sits in the text,
#: docutils' line numbers run ahead of copydesk's.
_DOCUTILS_BREAK = re.compile("\r\n|[\n\r\x1c\x1d\x1e\x85\u2028\u2029]")


class _DocutilsLines:
    """Line starts as docutils numbers lines, to map its ``node.line`` back:
    counted by copydesk's rule instead, a hint lands lines too far ahead and
    the prose it jumps over is masked (found by fixes one round at a time)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _DOCUTILS_BREAK.finditer(text))]

    def __len__(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of docutils' 1-based ``line``."""
        return self._starts[line - 1]


def read(text: str) -> Parsed:
    """Read reST; on a parser failure, fall back to treating it as prose."""
    try:
        return parse_rst(text)
    except Exception:  # a linter must not crash on one odd file
        return Parsed(text, tuple(split_paragraphs(text)), ())


#: Sphinx directives whose content is prose (a description's body, a note
#: on a version): docutils knows none of them, and an unknown directive's
#: content is masked whole, so an API page's every description went
#: unread ("perform the lookup if the the port is set"). Their arguments (a
#: signature, a version) and options stay masked.
_PROSE_DIRECTIVES = word_set(
    "seealso versionadded versionchanged deprecated versionremoved todo hlist "
    "glossary describe object option envvar confval "
    "module function data class exception method classmethod staticmethod "
    "attribute property decorator decoratormethod type "
    "autofunction autodata autoclass autoexception automethod autoattribute "
    "autoproperty autodecorator automodule autoclassmethod autostaticmethod"
)
#: The domains whose directives take a prefix ("py:function").
_DOMAINS = ("py", "c", "cpp", "js", "rst", "std")


class _AnyOptions(dict[str, Callable[[str], Any]]):
    """Every option accepted and kept as written (``:noindex:``,
    ``:type: int``): their values are not prose, and an unknown one must not
    turn the directive into an error whose content is masked."""

    def __missing__(self, key: str) -> Callable[[str], Any]:
        return directives.unchanged


class _ProseBody(RstDirective):
    """A Sphinx directive read for its content's prose alone."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = _AnyOptions()

    def run(self) -> list[nodes.Node]:
        body = nodes.container()
        # Where the directive starts: docutils would give the body the
        # line after its block, and the reader's hint would pass a note on
        # the directive's own lines.
        body.line = self.lineno
        if self.name in _VERSION_NOTES and self.arguments:
            # "versionadded:: 3.1" and its note, on the line or the next:
            # the version is code, the note prose.
            parts = self.arguments[0].split(None, 1)
            note = parts[1] if len(parts) > 1 else ""
            if note.strip():
                # Parsed for its inline markup as docutils parses a
                # paragraph's: ``literals`` and roles stay masked.
                inline, _ = self.state.inline_text(note, self.lineno)
                body += nodes.paragraph(note, "", *inline)
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, body)
        return [body]


#: Version directives whose argument goes on with a note after the version.
_VERSION_NOTES = frozenset(
    {"versionadded", "versionchanged", "deprecated", "versionremoved"}
)


def _register_prose_directives() -> None:
    for name in sorted(_PROSE_DIRECTIVES):
        directives.register_directive(name, _ProseBody)
        for domain in _DOMAINS:
            directives.register_directive(f"{domain}:{name}", _ProseBody)


@lru_cache(maxsize=1)
def _settings() -> Any:
    """Quiet, safe parser settings: no output, no halting, no file access."""
    _register_prose_directives()
    settings = get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.line_length_limit = 10**7
    settings.character_level_inline_markup = False
    return settings


#: A directive named with a domain ("mixxx:control", "http:get",
#: "cmake:command"), as docutils reads a directive's name (its
#: ``simplename``, a space allowed before ``::``) wherever it may open one
#: (after a list item's bullet too): in Sphinx, an object description of a
#: project's own or an extension's domain, whose content describes the
#: object in prose.
_DOMAIN_DIRECTIVE = re.compile(
    r"(?<!\S)\.\.[ ]+((?:(?!_)\w)+(?:[-.+](?:(?!_)\w)+)*"
    r":(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*)[ ]?::"
)
#: The last part of a domain directive's name that says its content is
#: code, output or data, not prose (``click:example``, ``http:example``,
#: ``click:run``, ``raw:html``).
_CODE_DIRECTIVES = frozenset(
    {"example", "examples", "run", "code", "code-block", "codeblock",
     "sourcecode", "literalinclude", "raw", "html", "json", "yaml", "xml",
     "output", "shell", "console", "doctest", "testcode", "testoutput",
     "testsetup", "testcleanup", "ipython", "exec", "execute", "program-output",
     "command-output", "math", "graphviz", "graph", "digraph", "plot", "uml",
     "mermaid", "request", "response", "curl", "sample", "samples", "snippet",
     "template", "csv-table", "list-table", "table", "include", "image",
     "figure", "literal", "schema", "autoprogram", "runblock"}
)  # fmt: skip


#: docutils' directive registry: the module's dict that its public
#: ``register_directive`` fills (see ``_parsed``).
_REGISTRY = cast("dict[str, Any]", vars(directives)["_directives"])


def _domain_directives(text: str) -> list[str]:
    """The names of the page's domain directives that docutils does not know
    and whose content is prose: each is read as ``_ProseBody`` (unknown, its
    content was masked whole: a custom domain's every description unread,
    "a beat loop of of the given size")."""
    if "::" not in text:
        return []
    found = {m.group(1).lower() for m in _DOMAIN_DIRECTIVE.finditer(text)}
    return sorted(
        name
        for name in found
        if name not in _REGISTRY
        and name.rpartition(":")[0] != "raw"
        and name.rpartition(":")[2] not in _CODE_DIRECTIVES
    )


def _parsed(text: str, settings: Any) -> Any:
    """docutils' doctree of ``text``, its domain directives registered for
    this parse alone. The registry is docutils' own (a module's dict, which
    its public ``register_directive`` fills and nothing empties): names left
    there would make one page's reading depend on the pages read before it
    in the same process, and grow with every page of a long-lived server."""
    added = _domain_directives(text)
    for name in added:
        directives.register_directive(name, _ProseBody)
    try:
        document = new_document("<copydesk>", settings)
        Parser().parse(text, document)
        return document
    finally:
        for name in added:
            _REGISTRY.pop(name, None)


def parse_rst(text: str) -> Parsed:
    """Read reST, letting parser errors propagate (tests use this)."""
    settings = _settings()
    settings.warning_stream = io.StringIO()
    document = _parsed(text, settings)
    walker = _Walker(text)
    walker.walk(document)
    return Parsed(walker.prose.build(), walker.blocks.result(), walker.directives())


#: A grid table's top border, at a line's start.
_GRID_TOP = re.compile(r"(?m)^[ \t]*\+[-=]+\+")
_BLANK_LINE = re.compile(r"(?m)^[ \t]*\r?$")


class _LimitEnd(nodes.Element):
    """Put on the walk's stack after a grid table's cells: where its end
    stops bounding the words looked for, the bound before it holds again."""

    def __init__(self, previous: int) -> None:
        super().__init__()
        self.previous = previous


class _Walker:
    """Finds prose words of the doctree in the source, in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.prose = ProseBuilder(text)
        self.blocks = BlockCollector()
        self.cursor = 0
        self.comments: list[str] = []
        self._lines = LineIndex(text)
        self._docutils_lines = _DocutilsLines(text)
        #: The first backslash at or after the cursor, once asked (-1: none).
        self._backslash = text.find("\\")
        #: Where the words looked for must end: a grid table's end while its
        #: cells are walked, else the text's.
        self.limit = len(text)

    def walk(self, document: nodes.document) -> None:
        stack: list[tuple[nodes.Node, str]] = [(document, "paragraph")]
        while stack:
            node, kind = stack.pop()
            if isinstance(node, nodes.Text):
                self.words(str(node.astext()), kind, show=True)
                continue
            if isinstance(node, _LimitEnd):
                self.limit = node.previous
                continue
            if not isinstance(node, nodes.Element):
                continue
            if isinstance(node, nodes.system_message):
                continue  # its line is where docutils noticed, often later
            self.hint(node)
            if not isinstance(node, nodes.Inline):
                self.blocks.flush()
            if isinstance(node, _SKIPPED):
                if isinstance(node, nodes.comment):
                    self.comments.append(node.astext())
                continue
            if isinstance(node, _CONSUMED):
                self.words(node.astext(), kind, show=False)
                continue
            if isinstance(node, nodes.problematic):
                self.role(node.astext(), kind)
                continue
            if self.is_default_role(node):
                self.words(node.astext(), kind, show=False)
                continue
            if isinstance(node, nodes.image):
                self.alt(node)
                continue
            if isinstance(node, nodes.reference) and self.is_bare_uri(node):
                self.words(node.astext(), kind, show=False)
                continue
            if isinstance(node, nodes.Inline) and self.is_generated(node):
                self.words(str(node.rawsource), kind, show=False)
                continue
            for cls, name in _KINDS:
                if isinstance(node, cls):
                    kind = name
                    break
            if isinstance(node, nodes.reference) and node.get("refuri"):
                # consume the URI after the link text so no word lands in it
                stack.append((nodes.literal("", str(node["refuri"])), kind))
            if isinstance(node, nodes.table):
                end = self.grid_end()
                if end is not None:
                    stack.append((_LimitEnd(self.limit), kind))
                    self.limit = min(self.limit, end)
            stack.extend((child, kind) for child in reversed(node.children))

    def grid_end(self) -> int | None:
        """Where the grid table at the cursor ends (its first blank line), or
        None for a table of another kind. docutils walks a grid table's
        cells row by row, a row's cells column by column, where the source
        runs line by line through every column: a cell's words are looked
        for only inside the table, so a word not found there (a later cell
        of the row, its lines already passed) stays masked, and the prose
        after the table is not skipped."""
        text = self.text
        for found in _GRID_TOP.finditer(text, self.cursor, self.cursor + WINDOW):
            # A top border follows no row: the bottom border of a table just
            # read (the cursor still inside it) is passed over.
            above = line_start(text, max(0, found.start() - 1))
            if text[above : found.start()].lstrip()[:1] in ("|", "+"):
                continue
            blank = _BLANK_LINE.search(text, found.end())
            return len(text) if blank is None else blank.start()
        return None

    @staticmethod
    def is_default_role(node: nodes.Element) -> bool:
        """True for interpreted text without a role (```x```): Sphinx projects
        use it for code and cross-references (its default role), never for
        running prose, so it is masked like an inline literal. An explicit
        ``:title-reference:`Book``` stays prose."""
        if not isinstance(node, nodes.title_reference):
            return False
        raw = str(node.rawsource)
        return raw.startswith("`") and raw.endswith("`")

    @staticmethod
    def is_generated(node: nodes.Element) -> bool:
        """True for a role whose text is not in the source (``:pep:`8``` reads
        "PEP 8"): its words, looked for ahead, would land on a later "PEP" and
        skip the prose between, so the role's source is consumed instead."""
        raw = str(node.rawsource)
        if not raw.startswith(":") or not raw.endswith("`"):
            return False
        return any(word not in raw for word in node.astext().split())

    @staticmethod
    def is_bare_uri(node: nodes.reference) -> bool:
        uri = str(node.get("refuri", ""))
        text = node.astext()
        return bool(uri) and uri in {text, f"mailto:{text}"}

    def hint(self, node: nodes.Element) -> None:
        """Move the cursor to a couple of lines before the node's line.

        docutils gives a literal block (``::``, ``.. code-block::``) the line
        where the *next* element starts, past its own end and any blank lines
        after it. Hinted there, its first words would be looked for past it, at
        a later identical line (the next block's ``[project]``), and the prose
        between the two would be consumed as code. So a literal block is found
        by its first line, searched from the cursor (just after the directive
        or the ``::`` paragraph) up to that reported line.
        """
        line = node.line
        if not isinstance(line, int):
            return
        if isinstance(node, _ENDS_AT_LINE):
            self.locate(node, line)
            return
        if line > 3:
            hinted = min(line - 2, len(self._docutils_lines))
            self.cursor = max(self.cursor, self._docutils_lines.line_start(hinted))

    def locate(self, node: nodes.Element, line: int) -> None:
        """Put the cursor on a literal block's first line, if it can be found."""
        first = node.astext().strip().split("\n", 1)[0].strip()
        lines = self._docutils_lines
        limit = lines.line_start(line + 1) if line < len(lines) else len(self.text)
        found = self.text.find(first, self.cursor, limit) if first else -1
        if found >= 0:
            self.cursor = found
            return
        # not verbatim (tabs expanded): at most its length before that line
        start = line - node.astext().count("\n") - 4
        if start > 0:
            self.cursor = max(self.cursor, lines.line_start(start + 1))

    def words(self, value: str, kind: str, *, show: bool) -> None:
        """Find each word of ``value`` after the cursor; show or just pass it."""
        text = self.text
        for word in value.split():
            if _ESCAPABLE.search(word) is None:
                found = text.find(word, self.cursor, self.cursor + WINDOW + len(word))
                end = found + len(word)
            else:  # ``in\_`` reads ``in_``: find the nearer of both spellings
                match = _escaped(word).search(
                    text, self.cursor, self.cursor + WINDOW + 2 * len(word)
                )
                found, end = (-1, -1) if match is None else match.span()
            backslash = self._backslash_after(self.cursor)
            if 0 <= backslash < self.cursor + WINDOW and (
                found < 0 or backslash < found
            ):
                # Any character may be escaped (``"1 2\\n"`` reads ``"1 2n"``),
                # and the escaped word comes first: "by \\r\\n only" reads
                # "by rn only", whose "rn" would otherwise be taken from the
                # next "kernel" on, masking the prose between.
                match = _escaped(word, loose=True).search(
                    text,
                    self.cursor,
                    (self.cursor + WINDOW if found < 0 else found) + 2 * len(word),
                )
                if match is not None and (
                    found < 0 or _escaped_whole(text, match.start(), match.end())
                ):
                    found, end = match.span()
            if found < 0 or end > self.limit:
                continue
            if show:
                self.prose.reveal(found, end)
                self.blocks.add(found, end, kind)
            self.cursor = end

    def _backslash_after(self, at: int) -> int:
        """The first backslash at or after ``at`` (-1: none), searched once
        per backslash passed, not once per word."""
        if 0 <= self._backslash < at:
            self._backslash = self.text.find("\\", at)
        return self._backslash

    def role(self, source: str, kind: str) -> None:
        """An unknown role: show its title or prose text, consume the rest."""
        match = _ROLE.match(source)
        if match is None:
            self.words(source, kind, show=False)
            return
        role = match.group("role").rsplit(":", 1)[-1]
        content = match.group("content")
        titled = _TITLED.match(content)
        start = self.text.find(source[: len(role) + 3], self.cursor, self.limit)
        if start >= 0:
            self.cursor = start + len(role) + 3
        if titled is not None and role in _TITLED_ROLES:
            self.words(titled.group("title"), kind, show=True)
            self.words(content[titled.end("title") :], kind, show=False)
        else:
            self.words(content, kind, show=titled is None and role in _PROSE_ROLES)

    def alt(self, node: nodes.image) -> None:
        """Show an image's ``:alt:`` option text as a block of kind ``alt``."""
        alt = node.get("alt")
        if not alt:
            return
        option = self.text.find(
            ":alt:", self.cursor, min(self.cursor + WINDOW, self.limit)
        )
        if option < 0:
            return
        self.cursor = option + 5
        self.blocks.flush()
        self.words(str(alt), "alt", show=True)
        self.blocks.flush()

    def directives(self) -> tuple[Directive, ...]:
        """``.. copydesk: ...`` comments the parser also saw as comments."""
        wanted = [c for c in self.comments if MARKER in c]
        if not wanted:
            return ()
        lines = self._lines
        found: list[Directive] = []
        for match in _DIRECTIVE_LINE.finditer(self.text):
            body = match.group(2).strip()
            if body not in wanted:
                continue
            wanted.remove(body)
            start = match.start(1)
            directive = parse(body, lines.line(start), start, match.end())
            if directive is not None:
                found.append(directive)
        return tuple(found)
