"""Org documents rendered to HTML the way Vale's go-org writer renders them.

Only the structure the walker reacts to matters: headlines (``h2`` for a
top-level one, the TODO keyword in a ``span``), paragraphs, lists, tables
(``th`` above a separator line), quote blocks, source and example blocks
(``pre``, hence skipped), comments as HTML comments (so ``# vale off``
works), keywords and property drawers dropped, and inline markup (``/em/``,
``*strong*``, ``=verbatim=`` and ``~code~`` as ``code``, links).
"""

from __future__ import annotations

import html
import re

__all__ = ["render"]

_HEADLINE = re.compile(
    r"^(\*+)\s+(?:(TODO|DONE)\s+)?(?:\[#([A-Z])\]\s+)?(.*?)(?:\s+(:[\w@#%:]+:))?\s*$"
)
_KEYWORD = re.compile(r"^\s*#\+(\w+):\s*(.*)$")
_BLOCK_BEGIN = re.compile(r"^\s*#\+begin_(\w+)(.*)$", re.I)
_COMMENT = re.compile(r"^\s*#(?: (.*))?$")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-+]|\d+[.)])\s+(?:\[([ X-])\]\s+)?(.*)$")
_TABLE = re.compile(r"^\s*\|")
_DRAWER = re.compile(r"^\s*:(\w+):\s*$")
_HR = re.compile(r"^\s*-{5,}\s*$")
_LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
_EMPHASIS = re.compile(
    r"(?<![^\s\-({'\"])([/*+~=_])(?=\S)(.+?)(?<=\S)\1(?=[\s\-.,:!?;'\")}\[]|$)"
)
_TAGS = {
    "/": ("<em>", "</em>"),
    "*": ("<strong>", "</strong>"),
    "+": ("<del>", "</del>"),
    "~": ("<code>", "</code>"),
    "=": ('<code class="verbatim">', "</code>"),
    "_": ('<span style="text-decoration: underline;">', "</span>"),
}


def _inline(text: str) -> str:
    out: list[str] = []
    last = 0
    for match in _LINK.finditer(text):
        out.append(_emphasis(text[last : match.start()]))
        url, description = match.group(1), match.group(2)
        href = url[len("file:") :] if url.startswith("file:") else url
        if description is None:
            if re.search(r"\.(?:png|jpe?g|gif|svg|webp)$", url, re.I):
                src = html.escape(href)
                out.append(f'<img src="{src}" alt="{src}" title="{src}" />')
            else:
                out.append(f'<a href="{html.escape(href)}">{html.escape(href)}</a>')
        else:
            out.append(f'<a href="{html.escape(href)}">{_emphasis(description)}</a>')
        last = match.end()
    out.append(_emphasis(text[last:]))
    return "".join(out)


def _emphasis(text: str) -> str:
    out: list[str] = []
    last = 0
    for match in _EMPHASIS.finditer(text):
        mark, body = match.group(1), match.group(2)
        out.append(html.escape(text[last : match.start()], quote=False))
        opening, closing = _TAGS[mark]
        inner = html.escape(body, quote=False) if mark in "=~" else _emphasis(body)
        out.append(opening + inner + closing)
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


class _Renderer:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.pos = 0
        self.out: list[str] = []
        self.open_levels: list[int] = []
        self.count = 0

    def render(self) -> str:
        paragraph: list[str] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if self._structural(line):
                self._paragraph(paragraph)
                paragraph = []
                self._block(line)
                continue
            if not line.strip():
                self._paragraph(paragraph)
                paragraph = []
            else:
                paragraph.append(line.strip())
            self.pos += 1
        self._paragraph(paragraph)
        while self.open_levels:
            self.out.append("</div>\n")
            self.open_levels.pop()
        return "".join(self.out)

    def _structural(self, line: str) -> bool:
        return bool(
            _HEADLINE.match(line)
            or _KEYWORD.match(line)
            or _BLOCK_BEGIN.match(line)
            or _COMMENT.match(line)
            or _LIST_ITEM.match(line)
            or _TABLE.match(line)
            or _DRAWER.match(line)
            or _HR.match(line)
        )

    def _paragraph(self, lines: list[str]) -> None:
        if lines:
            self.out.append("<p>" + _inline("\n".join(lines)) + "</p>\n")

    def _block(self, line: str) -> None:
        headline = _HEADLINE.match(line)
        if headline and not line.startswith(" "):
            self._headline(headline)
        elif _BLOCK_BEGIN.match(line):
            self._begin(_BLOCK_BEGIN.match(line))  # type: ignore[arg-type]
        elif _KEYWORD.match(line):
            self.pos += 1
        elif _DRAWER.match(line):
            self._drawer()
        elif _COMMENT.match(line):
            comment = _COMMENT.match(line)
            self.out.append(f"<!-- {(comment.group(1) or '') if comment else ''} -->\n")
            self.pos += 1
        elif _TABLE.match(line):
            self._table()
        elif _LIST_ITEM.match(line):
            self._list()
        else:
            self.out.append("<hr>\n")
            self.pos += 1

    def _headline(self, match: re.Match[str]) -> None:
        level = len(match.group(1)) + 1
        while self.open_levels and self.open_levels[-1] >= level:
            self.out.append("</div>\n")
            self.open_levels.pop()
        self.count += 1
        ident = f"headline-{self.count}"
        self.out.append(
            f'<div id="outline-container-{ident}" class="outline-{level}">\n'
        )
        self.out.append(f'<h{level} id="{ident}">\n')
        if match.group(2):
            status = match.group(2)
            self.out.append(
                f'<span class="todo status-{status.lower()}">{status}</span>\n'
            )
        if match.group(3):
            priority = match.group(3)
            css = f"priority priority-{priority.lower()}"
            self.out.append(f'<span class="{css}">[{priority}]</span>\n')
        self.out.append(_inline(match.group(4)))
        self.out.append(f"\n</h{level}>\n")
        self.open_levels.append(level)
        self.pos += 1

    def _begin(self, match: re.Match[str]) -> None:
        name = match.group(1).lower()
        body: list[str] = []
        self.pos += 1
        end = re.compile(rf"^\s*#\+end_{re.escape(name)}\s*$", re.I)
        while self.pos < len(self.lines) and not end.match(self.lines[self.pos]):
            body.append(self.lines[self.pos])
            self.pos += 1
        self.pos += 1
        content = "\n".join(body)
        if name == "src":
            lang = (match.group(2).split() or ["text"])[0].lower()
            self.out.append(
                f'<div class="src src-{lang}">\n<div class="highlight">\n<pre>\n'
                f"{html.escape(content)}\n</pre>\n</div>\n</div>\n"
            )
        elif name == "example":
            self.out.append(f'<pre class="example">\n{html.escape(content)}\n</pre>\n')
        elif name == "quote":
            self.out.append(
                "<blockquote>\n" + _Renderer(content).render() + "</blockquote>\n"
            )
        elif name == "export":
            if match.group(2).strip().lower() == "html":
                self.out.append(content + "\n")
        else:
            self.out.append(
                f'<div class="{name}-block">\n'
                + _Renderer(content).render()
                + "</div>\n"
            )

    def _drawer(self) -> None:
        self.pos += 1
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            self.pos += 1
            if line.strip().upper() == ":END:":
                return

    def _table(self) -> None:
        rows: list[list[str] | None] = []
        while self.pos < len(self.lines) and _TABLE.match(self.lines[self.pos]):
            line = self.lines[self.pos].strip()
            if line.startswith("|-"):
                rows.append(None)
            else:
                rows.append([c.strip() for c in line.strip("|").split("|")])
            self.pos += 1
        separators = [i for i, r in enumerate(rows) if r is None]
        in_head = bool(separators) and separators[0] not in (0, len(rows) - 1)
        self.out.append("<table>\n" + ("<thead>\n" if in_head else "<tbody>\n"))
        for i, row in enumerate(rows):
            if row is None:
                if 0 < i < len(rows) - 1:
                    self.out.append(
                        "</thead>\n<tbody>\n" if in_head else "</tbody>\n<tbody>\n"
                    )
                    in_head = False
                continue
            tag = "th" if in_head else "td"
            cells = "".join(f"<{tag}>{_inline(c)}</{tag}>\n" for c in row)
            self.out.append("<tr>\n" + cells + "</tr>\n")
        self.out.append("</tbody>\n</table>\n")

    def _list(self) -> None:
        first = _LIST_ITEM.match(self.lines[self.pos])
        assert first is not None
        indent = len(first.group(1))
        ordered = first.group(0).strip()[0].isdigit()
        self.out.append("<ol>\n" if ordered else "<ul>\n")
        while self.pos < len(self.lines):
            item = _LIST_ITEM.match(self.lines[self.pos])
            if item is None or len(item.group(1)) != indent:
                break
            text = [item.group(3)]
            self.pos += 1
            while self.pos < len(self.lines):
                follow = self.lines[self.pos]
                if not follow.strip() or _LIST_ITEM.match(follow):
                    break
                if len(follow) - len(follow.lstrip()) <= indent:
                    break
                text.append(follow.strip())
                self.pos += 1
            status = item.group(2)
            attrs = ""
            if status is not None:
                attrs = ' class="{}"'.format(
                    {" ": "unchecked", "-": "indeterminate", "X": "checked"}[status]
                )
            self.out.append(f"<li{attrs}>" + _inline("\n".join(text)) + "</li>\n")
            while self.pos < len(self.lines) and not self.lines[self.pos].strip():
                self.pos += 1
                if self.pos < len(self.lines) and not _LIST_ITEM.match(
                    self.lines[self.pos]
                ):
                    break
        self.out.append("</ol>\n" if ordered else "</ul>\n")


def render(text: str) -> str:
    """The body HTML go-org writes for ``text`` (no title, no outline)."""
    return _Renderer(text).render()
