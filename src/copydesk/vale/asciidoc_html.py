"""AsciiDoc rendered in-process as Vale's ``asciidoctor -s`` call renders it.

Vale pipes AsciiDoc through Asciidoctor (embedded output, the title kept,
missing attributes dropped) and walks the HTML. copydesk reads the common
structure itself, with Asciidoctor's wrappers, because the walker's blocks
depend on them: a paragraph is a ``div.paragraph`` holding a ``p``, a block
title is a ``div.title`` of its own, an admonition is a table cell, listing
and literal blocks are ``pre`` (skipped), a table's first row is a header
when a blank line follows it, comments and attribute entries vanish and
attribute references are replaced (or dropped). Inline markup: ``*strong*``,
``_emphasis_``, backtick ``code``, ``#mark#``, ``+passthrough+``, ``pass:[]``
(raw HTML, so ``pass:[<!-- vale off -->]`` works), links, bare URLs, images,
cross references, footnotes and the typographic replacements.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["render"]

_ATTRIBUTE_ENTRY = re.compile(r"^:(!?[\w-]+!?):(?:[ \t]+(.*))?$")
_SECTION = re.compile(r"^(={1,6})[ \t]+(\S.*?)[ \t]*(?:=+)?$")
_BLOCK_TITLE = re.compile(r"^\.([^ .\t].*)$")
_BLOCK_ATTRS = re.compile(r"^\[(.*)\]$")
_ANCHOR = re.compile(r"^\[\[[^\]]*\]\]$")
_LIST_ITEM = re.compile(r"^[ \t]*(\*{1,5}|-|\.{1,5}|\d+\.)[ \t]+(.*)$")
_DLIST_ITEM = re.compile(r"^(?!//)(.+?)(:{2,4}|;;)(?:[ \t]+(.*))?$")
_ADMONITION = re.compile(r"^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+(.*)$")
_HEADER_ID = re.compile(r'^(?:\[id="?([^"\]]*)"?\]|\[\[([^\],]*)\]\]|\[#([\w-]+)\])$')
_BLOCK_IMAGE = re.compile(r"^image::([^\[]+)\[(.*)\]$")
_DELIMITERS = {
    "----": "listing",
    "....": "literal",
    "====": "example",
    "****": "sidebar",
    "____": "quote",
    "++++": "pass",
    "--": "open",
    "|===": "table",
    "////": "comment",
}
_CELL = '<{tag} class="tableblock halign-left valign-top">'
_ADMONITION_NAMES = {
    "NOTE": "Note",
    "TIP": "Tip",
    "IMPORTANT": "Important",
    "WARNING": "Warning",
    "CAUTION": "Caution",
}

# Inline ----------------------------------------------------------------------

_PASS_MACRO = re.compile(r"pass:[a-z,]*\[(.*?)\]")
_PLUS_PASS = re.compile(r"(?<![\w+])\+([^+\n]+?)\+(?![\w+])")
_ATTRIBUTE_REF = re.compile(r"(\\?)\{([\w-]+)\}")
_INLINE_IMAGE = re.compile(r"image:([^\s\[:][^\s\[]*)\[([^\]]*)\]")
_URL_MACRO = re.compile(
    r"(?<![\w\"'=>/])((?:https?|ftp|irc)://[^\s\[<]+)(?:\[([^\]]*)\])?"
)
_LINK_PREFIXED = re.compile(r"link:([^\s\[]+)\[([^\]]*)\]")
_XREF = re.compile(r"<<([\w:./#-]+)(?:,\s*([^>]*))?>>")
_XREF_MACRO = re.compile(r"xref:([^\s\[]+)\[([^\]]*)\]")
_FOOTNOTE = re.compile(r"footnote:(?:[\w-]*)\[([^\]]*)\]")
_FOOTNOTE_MARK = (
    '<sup class="footnote">[<a id="_footnoteref_1" class="footnote" '
    'href="#_footnotedef_1">1</a>]</sup>'
)
_INLINE_ANCHOR = re.compile(r"\[\[[^\]]*\]\]|anchor:[\w-]+\[[^\]]*\]")
_KBD = re.compile(r"(?:kbd|btn):\[([^\]]*)\]")
_MENU = re.compile(r"menu:([^\[]+)\[([^\]]*)\]")
_ROLE = re.compile(r"\[[.#][\w.#-]+\]")
_CONSTRAINED = {
    "*": ("<strong>", "</strong>"),
    "_": ("<em>", "</em>"),
    "`": ("<code>", "</code>"),
    "#": ("<mark>", "</mark>"),
}
_REPLACEMENTS = (
    (re.compile(r"\(C\)"), "&#169;"),
    (re.compile(r"\(R\)"), "&#174;"),
    (re.compile(r"\(TM\)"), "&#8482;"),
    (re.compile(r"(?<=\w)--(?=\w)"), "&#8212;&#8203;"),
    (re.compile(r"(?:^| )--(?: |$)"), "&#8201;&#8212;&#8201;"),
    (re.compile(r"(?<=\w)\.\.\.(?=\w)?"), "&#8230;&#8203;"),
    (re.compile(r"(?<=\w)'(?=\w)"), "&#8217;"),
    (re.compile(r"->"), "&#8594;"),
    (re.compile(r"=>"), "&#8658;"),
    (re.compile(r"<-"), "&#8592;"),
    (re.compile(r"<="), "&#8656;"),
)


@dataclass
class _Stash:
    """Pieces of finished HTML kept out of later substitutions."""

    pieces: list[str] = field(default_factory=list)

    def put(self, markup: str) -> str:
        self.pieces.append(markup)
        return f"\x00{len(self.pieces) - 1}\x00"

    def restore(self, text: str) -> str:
        while "\x00" in text:
            text = re.sub(
                r"\x00(\d+)\x00", lambda m: self.pieces[int(m.group(1))], text
            )
        return text


def _quotes(text: str, stash: _Stash) -> str:
    """Constrained and unconstrained strong, emphasis, code and mark."""
    for mark, (opening, closing) in _CONSTRAINED.items():
        m = re.escape(mark)
        double = re.compile(rf"{m}{m}(.+?){m}{m}", re.S)
        single = re.compile(rf"(?<![\w{m}]){m}(?=\S)(.+?)(?<=\S){m}(?![\w{m}])", re.S)

        def wrap(
            match: re.Match[str],
            opening: str = opening,
            closing: str = closing,
            code: bool = mark == "`",
        ) -> str:
            inner = match.group(1)
            return (
                stash.put(opening) + inner + stash.put(closing)
                if not code
                else (stash.put(opening + inner + closing))
            )

        text = double.sub(wrap, text)
        text = single.sub(wrap, text)
    return text


def _links(text: str, stash: _Stash) -> str:
    def image(match: re.Match[str]) -> str:
        alt = match.group(2).split(",")[0] or match.group(1).rsplit(".", 1)[0]
        src = html.escape(match.group(1))
        return stash.put(
            f'<span class="image"><img src="{src}" alt="{html.escape(alt)}"></span>'
        )

    def link(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        href = html.escape(target)
        if not label:
            return stash.put(f'<a href="{href}" class="bare">{href}</a>')
        return (
            stash.put(f'<a href="{href}">')
            + label.split(",")[0].strip('"')
            + stash.put("</a>")
        )

    def xref(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        href = "#" + target.split("#")[-1]
        return (
            stash.put(f'<a href="{html.escape(href)}">')
            + (label or f"[{target}]")
            + stash.put("</a>")
        )

    text = _INLINE_IMAGE.sub(image, text)
    text = _LINK_PREFIXED.sub(link, text)
    text = _URL_MACRO.sub(link, text)
    text = _XREF.sub(xref, text)
    text = _XREF_MACRO.sub(xref, text)
    return _FOOTNOTE.sub(lambda _m: stash.put(_FOOTNOTE_MARK), text)


class _Inline:
    """Asciidoctor's inline substitutions for one document."""

    def __init__(self, attributes: dict[str, str]) -> None:
        self.attributes = attributes

    def __call__(self, text: str) -> str:
        stash = _Stash()
        text = _PASS_MACRO.sub(lambda m: stash.put(m.group(1)), text)
        text = _PLUS_PASS.sub(
            lambda m: stash.put(html.escape(m.group(1), quote=False)), text
        )
        text = html.escape(text, quote=False)
        text = _quotes(text, stash)
        text = self._attributes(text)
        text = _INLINE_ANCHOR.sub("", text)
        text = _ROLE.sub("", text)
        text = _KBD.sub(
            lambda m: stash.put("<kbd>") + m.group(1) + stash.put("</kbd>"), text
        )
        text = _MENU.sub(lambda m: f"{m.group(1)} &gt; {m.group(2)}", text)
        for pattern, replacement in _REPLACEMENTS:
            text = pattern.sub(replacement, text)
        text = _links(text, stash)
        text = re.sub(r" \+$", "<br>", text, flags=re.M)
        return stash.restore(text)

    def _attributes(self, text: str) -> str:
        def value(match: re.Match[str]) -> str:
            if match.group(1):
                return "{" + match.group(2) + "}"
            return self.attributes.get(match.group(2).lower(), "")

        return _ATTRIBUTE_REF.sub(value, text)


# Blocks ----------------------------------------------------------------------


@dataclass
class _Block:
    title: str = ""
    attrs: str = ""


class _Renderer:
    def __init__(self, text: str, attributes: dict[str, str]) -> None:
        self.lines = text.split("\n")
        self.pos = 0
        self.attributes = {"empty": "", "sp": " ", "nbsp": "&#160;", "zwsp": "&#8203;"}
        self.attributes.update({k.lower(): v for k, v in attributes.items()})
        self.inline = _Inline(self.attributes)
        self.out: list[str] = []
        self.sections: list[int] = []
        self.tables = 0
        self.pending = _Block()

    def render(self) -> str:
        self.header()
        self.blocks(stop=None)
        while self.sections:
            self.close_section()
        return "".join(self.out)

    # -- structure -------------------------------------------------------

    def header(self) -> None:
        ident = ""
        while self.pos < len(self.lines):
            line = self.lines[self.pos].rstrip()
            if not line or (line.startswith("//") and not line.startswith("////")):
                self.pos += 1
                continue
            found = _HEADER_ID.match(line)
            if found is None:
                break
            ident = next(g for g in found.groups() if g is not None)
            self.pos += 1
        if self.pos >= len(self.lines):
            return
        match = re.match(r"^=[ \t]+(\S.*)$", self.lines[self.pos])
        if match is None:
            self.pos = 0
            return
        id_attr = f' id="{self.inline(ident)}"' if ident else ""
        self.out.append(f"<h1{id_attr}>{self.inline(match.group(1))}</h1>\n")
        self.pos += 1
        while self.pos < len(self.lines) and self.lines[self.pos].strip():
            self.attribute_entry(self.lines[self.pos])
            self.pos += 1

    def attribute_entry(self, line: str) -> bool:
        match = _ATTRIBUTE_ENTRY.match(line)
        if match is None:
            return False
        name = match.group(1).strip("!").lower()
        if match.group(1).startswith("!") or match.group(1).endswith("!"):
            self.attributes.pop(name, None)
        else:
            self.attributes[name] = self.inline(match.group(2) or "")
        return True

    def close_section(self) -> None:
        level = self.sections.pop()
        if level == 1:
            self.out.append("</div>\n</div>\n")
        else:
            self.out.append("</div>\n")

    def open_section(self, level: int, title: str) -> None:
        while self.sections and self.sections[-1] >= level:
            self.close_section()
        ident = "_" + re.sub(r"[^\w]+", "_", title.lower()).strip("_")
        heading = self.inline(title)
        if level == 0:
            self.out.append(f'<h1 id="{ident}" class="sect0">{heading}</h1>\n')
            return
        tag = level + 1
        self.out.append(
            f'<div class="sect{level}">\n<h{tag} id="{ident}">{heading}</h{tag}>\n'
        )
        if level == 1:
            self.out.append('<div class="sectionbody">\n')
        self.sections.append(level)

    def take_meta(self) -> _Block:
        meta, self.pending = self.pending, _Block()
        return meta

    def title_div(self, meta: _Block) -> str:
        return (
            f'<div class="title">{self.inline(meta.title)}</div>\n'
            if meta.title
            else ""
        )

    def blocks(self, stop: str | None) -> None:
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if stop is not None and line.rstrip() == stop:
                self.pos += 1
                return
            self.block(line)

    def block(self, line: str) -> None:
        stripped = line.rstrip()
        handler = self._dispatch(stripped, line)
        if handler is None:
            self.paragraph()
        else:
            handler()

    def _dispatch(self, stripped: str, line: str) -> Callable[[], None] | None:
        if not stripped:
            return self.skip
        if stripped.startswith("//") and not stripped.startswith("////"):
            return self.skip
        if stripped in _DELIMITERS or (
            stripped[:4] in _DELIMITERS and set(stripped) == set(stripped[:1])
        ):
            return self.delimited
        if self.attribute_entry(stripped):
            return self.skip
        if _SECTION.match(stripped) and not self.pending.attrs.startswith("discrete"):
            return self.section
        if _BLOCK_TITLE.match(stripped):
            return self.block_title
        if _ANCHOR.match(stripped):
            return self.skip
        if _BLOCK_ATTRS.match(stripped):
            return self.block_attrs
        if _BLOCK_IMAGE.match(stripped):
            return self.image
        if stripped in ("'''", "---", "***", "<<<"):
            return self.rule
        if _LIST_ITEM.match(line):
            return self.list_block
        if _DLIST_ITEM.match(stripped) and not stripped.startswith(("http", "image:")):
            return self.dlist
        if line.startswith((" ", "\t")):
            return self.indented_literal
        return None

    def skip(self) -> None:
        self.pos += 1

    def section(self) -> None:
        match = _SECTION.match(self.lines[self.pos].rstrip())
        assert match is not None
        self.take_meta()
        self.pos += 1
        self.open_section(len(match.group(1)) - 1, match.group(2))

    def block_title(self) -> None:
        match = _BLOCK_TITLE.match(self.lines[self.pos].rstrip())
        assert match is not None
        self.pending.title = match.group(1)
        self.pos += 1

    def block_attrs(self) -> None:
        match = _BLOCK_ATTRS.match(self.lines[self.pos].rstrip())
        assert match is not None
        self.pending.attrs = match.group(1)
        self.pos += 1

    def rule(self) -> None:
        self.take_meta()
        self.out.append("<hr>\n")
        self.pos += 1

    def image(self) -> None:
        match = _BLOCK_IMAGE.match(self.lines[self.pos].rstrip())
        assert match is not None
        meta = self.take_meta()
        alt = match.group(2).split(",")[0] or match.group(1).rsplit(".", 1)[0]
        src = html.escape(match.group(1))
        self.out.append(
            f'<div class="imageblock">\n<div class="content">\n<img src="{src}" '
            f'alt="{html.escape(alt)}">\n</div>\n{self.title_div(meta)}</div>\n'
        )
        self.pos += 1

    def collect(self, delimiter: str) -> list[str]:
        self.pos += 1
        body: list[str] = []
        while self.pos < len(self.lines) and self.lines[self.pos].rstrip() != delimiter:
            body.append(self.lines[self.pos])
            self.pos += 1
        self.pos += 1
        return body

    def delimited(self) -> None:
        delimiter = self.lines[self.pos].rstrip()
        kind = _DELIMITERS.get(delimiter) or _DELIMITERS.get(delimiter[:4], "open")
        meta = self.take_meta()
        style = meta.attrs.split(",")[0].strip()
        if kind == "comment":
            self.collect(delimiter)
        elif kind == "pass":
            self.out.append("\n".join(self.collect(delimiter)) + "\n")
        elif kind == "table":
            self.table(self.collect(delimiter), meta)
        elif kind in ("listing", "literal") or style in (
            "source",
            "listing",
            "literal",
        ):
            self.verbatim(self.collect(delimiter), meta, kind, style)
        else:
            self.compound(delimiter, kind, meta, style)

    def verbatim(self, body: list[str], meta: _Block, kind: str, style: str) -> None:
        code = html.escape("\n".join(body), quote=False)
        if style == "source" or (kind == "listing" and meta.attrs.startswith("source")):
            parts = [p.strip() for p in meta.attrs.split(",")]
            lang = parts[1] if len(parts) > 1 and parts[1] else ""
            attrs = f' class="language-{lang}" data-lang="{lang}"' if lang else ""
            pre = f'<pre class="highlight"><code{attrs}>{code}</code></pre>'
        else:
            pre = f"<pre>{code}</pre>"
        wrapper = "literalblock" if kind == "literal" else "listingblock"
        self.out.append(
            f'<div class="{wrapper}">\n{self.title_div(meta)}'
            f'<div class="content">\n{pre}\n</div>\n</div>\n'
        )

    def compound(self, delimiter: str, kind: str, meta: _Block, style: str) -> None:
        if style in _ADMONITION_NAMES:
            self.out.append(self.admonition_open(style, meta))
            self.pos += 1
            self.blocks(stop=delimiter)
            self.out.append("</td>\n</tr>\n</table>\n</div>\n")
            return
        opening = {
            "example": '<div class="exampleblock">\n{title}<div class="content">\n',
            "sidebar": '<div class="sidebarblock">\n<div class="content">\n{title}',
            "quote": '<div class="quoteblock">\n{title}<blockquote>\n',
            "open": '<div class="openblock">\n{title}<div class="content">\n',
        }[kind]
        closing = "</blockquote>\n</div>\n" if kind == "quote" else "</div>\n</div>\n"
        self.out.append(opening.format(title=self.title_div(meta)))
        self.pos += 1
        self.blocks(stop=delimiter)
        self.out.append(closing)

    def admonition_open(self, name: str, meta: _Block) -> str:
        label = _ADMONITION_NAMES[name]
        return (
            f'<div class="admonitionblock {name.lower()}">\n<table>\n<tr>\n'
            f'<td class="icon">\n<div class="title">{label}</div>\n</td>\n'
            f'<td class="content">\n{self.title_div(meta)}'
        )

    def paragraph_lines(self) -> list[str]:
        lines: list[str] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            stripped = line.rstrip()
            if not stripped or (
                lines and (stripped in _DELIMITERS or _BLOCK_ATTRS.match(stripped))
            ):
                break
            if stripped.startswith("//") and not stripped.startswith("////"):
                self.pos += 1
                continue
            lines.append(stripped.strip() if lines else stripped)
            self.pos += 1
        return lines

    def paragraph(self) -> None:
        meta = self.take_meta()
        lines = self.paragraph_lines()
        text = "\n".join(lines)
        admonition = _ADMONITION.match(text)
        style = meta.attrs.split(",")[0].strip()
        if admonition or style in _ADMONITION_NAMES:
            name = admonition.group(1) if admonition else style
            body = admonition.group(2) if admonition else text
            self.out.append(
                self.admonition_open(name, meta)
                + self.inline(body)
                + "\n</td>\n</tr>\n</table>\n</div>\n"
            )
            return
        if style == "literal":
            self.verbatim(lines, meta, "literal", "")
            return
        self.out.append(
            f'<div class="paragraph">\n{self.title_div(meta)}'
            f"<p>{self.inline(text)}</p>\n</div>\n"
        )

    def indented_literal(self) -> None:
        meta = self.take_meta()
        lines: list[str] = []
        while self.pos < len(self.lines) and self.lines[self.pos].strip():
            lines.append(self.lines[self.pos])
            self.pos += 1
        indent = min(len(line) - len(line.lstrip()) for line in lines)
        self.verbatim([line[indent:] for line in lines], meta, "literal", "")

    def list_block(self) -> None:
        meta = self.take_meta()
        first = _LIST_ITEM.match(self.lines[self.pos])
        assert first is not None
        marker = first.group(1)
        ordered = marker.startswith(".") or marker[0].isdigit()
        if ordered:
            self.out.append(
                f'<div class="olist arabic">\n{self.title_div(meta)}'
                '<ol class="arabic">\n'
            )
        else:
            self.out.append(f'<div class="ulist">\n{self.title_div(meta)}<ul>\n')
        while self.pos < len(self.lines):
            item = _LIST_ITEM.match(self.lines[self.pos])
            if item is None or item.group(1) != marker:
                if item is not None and len(item.group(1)) > len(marker):
                    self.list_block()
                    continue
                break
            self.pos += 1
            text = [item.group(2)]
            while self.pos < len(self.lines):
                line = self.lines[self.pos]
                if (
                    not line.strip()
                    or _LIST_ITEM.match(line)
                    or line.rstrip() in ("+",)
                ):
                    break
                text.append(line.strip())
                self.pos += 1
            self.out.append(f"<li>\n<p>{self.inline(chr(10).join(text))}</p>\n")
            self.continuation()
            self.out.append("</li>\n")
            while self.pos < len(self.lines) and not self.lines[self.pos].strip():
                nxt = self.pos + 1
                if nxt < len(self.lines) and _LIST_ITEM.match(self.lines[nxt]):
                    self.pos = nxt
                    break
                self.pos = nxt
                break
        self.out.append("</ol>\n</div>\n" if ordered else "</ul>\n</div>\n")

    def continuation(self) -> None:
        while self.pos < len(self.lines) and self.lines[self.pos].rstrip() == "+":
            self.pos += 1
            if self.pos < len(self.lines):
                self.block(self.lines[self.pos])

    def dlist(self) -> None:
        meta = self.take_meta()
        self.out.append(f'<div class="dlist">\n{self.title_div(meta)}<dl>\n')
        while self.pos < len(self.lines):
            match = _DLIST_ITEM.match(self.lines[self.pos].rstrip())
            if match is None:
                break
            self.pos += 1
            self.out.append(
                f'<dt class="hdlist1">{self.inline(match.group(1).strip())}</dt>\n'
            )
            body = [match.group(3)] if match.group(3) else []
            while self.pos < len(self.lines) and self.lines[self.pos].strip():
                if _DLIST_ITEM.match(self.lines[self.pos].rstrip()):
                    break
                body.append(self.lines[self.pos].strip())
                self.pos += 1
            if body:
                self.out.append(
                    f"<dd>\n<p>{self.inline(chr(10).join(body))}</p>\n</dd>\n"
                )
            while self.pos < len(self.lines) and not self.lines[self.pos].strip():
                self.pos += 1
        self.out.append("</dl>\n</div>\n")

    def table(self, body: list[str], meta: _Block) -> None:
        self.tables += 1
        rows: list[list[str]] = []
        header = False
        current: list[str] = []
        cells_per_row = 0
        for index, raw in enumerate(body):
            line = raw.strip()
            if not line:
                if index == 1 and rows == [] and current:
                    header = True
                if current and cells_per_row == 0:
                    cells_per_row = len(current)
                    rows.append(current)
                    current = []
                continue
            if line.startswith("|"):
                current.extend(cell.strip() for cell in line.split("|")[1:])
            elif current:
                current[-1] += "\n" + line
            if index == 0 and body[1:2] == [""]:
                header = True
        if current:
            rows.append(current)
        if cells_per_row == 0 and rows:
            cells_per_row = len(rows[0])
        cells = [cell for row in rows for cell in row]
        grid = [
            cells[i : i + cells_per_row]
            for i in range(0, len(cells), max(cells_per_row, 1))
        ]
        caption = (
            f'<caption class="title">Table {self.tables}. '
            f"{self.inline(meta.title)}</caption>\n"
            if meta.title
            else ""
        )
        out = [f'<table class="tableblock frame-all grid-all stretch">\n{caption}']
        for number, row in enumerate(grid):
            if number == 0 and header:
                out.append("<thead>\n<tr>\n")
                out.extend(
                    f"{_CELL.format(tag='th')}{self.inline(c)}</th>\n" for c in row
                )
                out.append("</tr>\n</thead>\n<tbody>\n")
                continue
            if number == 0:
                out.append("<tbody>\n")
            out.append("<tr>\n")
            cell = _CELL.format(tag="td") + '<p class="tableblock">'
            out.extend(f"{cell}{self.inline(c)}</p></td>\n" for c in row)
            out.append("</tr>\n")
        out.append("</tbody>\n</table>\n")
        self.out.append("".join(out))


def render(text: str, attributes: dict[str, str] | None = None) -> str:
    """The body HTML Asciidoctor writes for ``text`` (embedded, with title)."""
    return _Renderer(text, attributes or {}).render()
