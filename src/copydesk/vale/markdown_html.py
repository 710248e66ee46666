"""Markdown rendered to HTML as Vale's Goldmark configuration renders it.

Vale lints Markdown by converting it to HTML (Goldmark with GFM, footnotes and
raw HTML passed through) and walking the HTML tokens. pulldown-cmark (through
pyromark) parses the same CommonMark; this module turns its events into the
markup Goldmark writes, because the walker's blocks depend on that markup:
``<img>`` is written without a slash (a start tag, not a self-closing one),
GFM turns bare URLs into links whose text equals their ``href`` (Vale then
masks them), task items start with an ``<input>`` tag, footnotes end the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pyromark

__all__ = ["render"]

_O = pyromark.Options
#: Goldmark's extensions in Vale: GFM (tables, strikethrough, task lists,
#: linkify) and footnotes. No heading attributes, no front matter (Vale turns
#: front matter into a code block before parsing).
OPTIONS = (
    _O.ENABLE_TABLES
    | _O.ENABLE_FOOTNOTES
    | _O.ENABLE_STRIKETHROUGH
    | _O.ENABLE_TASKLISTS
)

#: GFM's extended autolinks: a scheme or ``www.`` after a delimiter, up to
#: white space or ``<``; trailing punctuation is trimmed afterwards.
_LINKIFY = re.compile(
    r"(?<![\w/.@-])(?:(?:https?|ftp)://|www\.)[^\s<]+"
    r"|(?<![\w.+-])[\w.+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+"
)
_TRAILING = "?!.,:*_~'\""
#: Elements written as a fixed pair of tags.
_WRAPPERS = {
    "paragraph": ("<p>", "</p>\n"),
    "blockquote": ("<blockquote>\n", "</blockquote>\n"),
    "item": ("<li>", "</li>\n"),
    "emphasis": ("<em>", "</em>"),
    "strong": ("<strong>", "</strong>"),
    "strikethrough": ("<del>", "</del>"),
}


def _escape(text: str) -> str:
    return html.escape(text, quote=True).replace("&#x27;", "'")


def _trim_url(url: str) -> str:
    """Drop trailing punctuation and unbalanced closing parentheses."""
    while url:
        last = url[-1]
        if last in _TRAILING or (last == ")" and url.count(")") > url.count("(")):
            url = url[:-1]
        elif last == ";" and re.search(r"&[A-Za-z0-9]+;$", url):
            url = url[: url.rfind("&")]
        else:
            break
    return url


def _linkify(text: str) -> str:
    """Escape ``text`` and wrap its bare URLs and e-mail addresses in links."""
    out: list[str] = []
    last = 0
    for match in _LINKIFY.finditer(text):
        url = match.group(0)
        if "@" in url and "://" not in url and not url.startswith("www."):
            if url.endswith((".", "-", "_")):
                continue
            href = "mailto:" + url
        else:
            url = _trim_url(url)
            if url.startswith("www.") and "." not in url[4:]:
                continue
            href = "http://" + url if url.startswith("www.") else url
        start = match.start()
        out.append(_escape(text[last:start]))
        out.append(f'<a href="{_escape(href)}">{_escape(url)}</a>')
        last = start + len(url)
    out.append(_escape(text[last:]))
    return "".join(out)


def _merged(events: list[Any]) -> Iterator[Any]:
    """The events with runs of ``Text`` joined (the parser splits them)."""
    buffer: list[str] = []
    for event in events:
        if isinstance(event, dict) and "Text" in event:
            buffer.append(event["Text"])
            continue
        if buffer:
            yield {"Text": "".join(buffer)}
            buffer = []
        yield event
    if buffer:
        yield {"Text": "".join(buffer)}


class _Renderer:
    """Writes Goldmark's HTML for a stream of pulldown-cmark events."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.footnotes: list[list[str]] = []
        self.footnote_ids: dict[str, int] = {}
        self.in_code = 0
        self.in_link = 0
        self.image_depth = 0
        self.image_alt: list[str] = []
        self.image_attrs: tuple[str, str] = ("", "")
        self.table_head = False
        self.saved: list[list[str]] = []

    def render(self, events: list[Any]) -> str:
        for event in _merged(events):
            self.event(event)
        if self.footnotes:
            self.write_footnotes()
        return "".join(self.out)

    def event(self, event: Any) -> None:
        if isinstance(event, str):
            self.simple(event)
            return
        (kind, value), *_ = event.items()
        if self.image_depth and kind not in ("Start", "End"):
            if kind in ("Text", "Code"):
                self.image_alt.append(value)
            return
        handler = getattr(self, "on_" + kind.lower(), None)
        if handler is not None:
            handler(value)

    def simple(self, event: str) -> None:
        if self.image_depth:
            if event in ("SoftBreak", "HardBreak"):
                self.image_alt.append("\n")
            return
        if event == "SoftBreak":
            self.out.append("\n")
        elif event == "HardBreak":
            self.out.append("<br>\n")
        elif event == "Rule":
            self.out.append("<hr>\n")

    def on_text(self, text: str) -> None:
        if self.in_code or self.in_link:
            self.out.append(_escape(text))
        else:
            self.out.append(_linkify(text))

    def on_code(self, text: str) -> None:
        self.out.append(f"<code>{_escape(text)}</code>")

    def on_html(self, text: str) -> None:
        self.out.append(text)

    on_inlinehtml = on_html

    def on_tasklistmarker(self, checked: bool) -> None:
        mark = 'checked="" ' if checked else ""
        self.out.append(f'<input {mark}disabled="" type="checkbox"> ')

    def on_footnotereference(self, label: str) -> None:
        number = self.footnote_ids.setdefault(label, len(self.footnote_ids) + 1)
        self.out.append(
            f'<sup id="fnref:{number}"><a href="#fn:{number}" class="footnote-ref"'
            f' role="doc-noteref">{number}</a></sup>'
        )

    def on_start(self, tag: Any) -> None:
        if self.image_depth:
            self.image_depth += tag == "Image" or (
                isinstance(tag, dict) and "Image" in tag
            )
            return
        name, value = (tag, None) if isinstance(tag, str) else next(iter(tag.items()))
        if name.lower() in _WRAPPERS:
            self.out.append(_WRAPPERS[name.lower()][0])
            return
        opener = getattr(self, "open_" + name.lower(), None)
        if opener is not None:
            opener(value)

    def on_end(self, tag: Any) -> None:
        name = tag if isinstance(tag, str) else next(iter(tag))
        if self.image_depth:
            if name == "Image":
                self.image_depth -= 1
                if self.image_depth == 0:
                    self.close_image()
            return
        if name.lower() in _WRAPPERS:
            self.out.append(_WRAPPERS[name.lower()][1])
            return
        closer = getattr(self, "close_" + name.lower(), None)
        if closer is not None:
            closer(tag)

    # Block elements -----------------------------------------------------

    def open_heading(self, value: Any) -> None:
        level = value["level"][1:]
        self.out.append(f"<h{level}>")

    def close_heading(self, tag: Any) -> None:
        level = tag["Heading"][1:]
        self.out.append(f"</h{level}>\n")

    def open_codeblock(self, value: Any) -> None:
        self.in_code += 1
        info = value.get("Fenced", "") if isinstance(value, dict) else ""
        language = info.split()[0] if info.strip() else ""
        if language:
            self.out.append(f'<pre><code class="language-{_escape(language)}">')
        else:
            self.out.append("<pre><code>")

    def close_codeblock(self, _tag: Any) -> None:
        self.in_code -= 1
        self.out.append("</code></pre>\n")

    def open_htmlblock(self, _value: Any) -> None:
        return

    def open_list(self, start: Any) -> None:
        if start is None:
            self.out.append("<ul>\n")
        elif start == 1:
            self.out.append("<ol>\n")
        else:
            self.out.append(f'<ol start="{start}">\n')

    def close_list(self, tag: Any) -> None:
        ordered = tag["List"] if isinstance(tag, dict) else False
        self.out.append("</ol>\n" if ordered else "</ul>\n")

    def open_footnotedefinition(self, label: Any) -> None:
        self.footnote_ids.setdefault(label, len(self.footnote_ids) + 1)
        self.saved.append(self.out)
        self.out = [f"\x00{label}\x00"]

    def close_footnotedefinition(self, _tag: Any) -> None:
        self.footnotes.append(self.out)
        self.out = self.saved.pop()

    def open_table(self, _value: Any) -> None:
        self.out.append("<table>\n")

    def close_table(self, _tag: Any) -> None:
        if self.out and self.out[-1] != "</thead>\n":
            self.out.append("</tbody>\n")
        self.out.append("</table>\n")

    def open_tablehead(self, _value: Any) -> None:
        self.table_head = True
        self.out.append("<thead>\n<tr>\n")

    def close_tablehead(self, _tag: Any) -> None:
        self.table_head = False
        self.out.append("</tr>\n</thead>\n")

    def open_tablerow(self, _value: Any) -> None:
        if self.out and self.out[-1] == "</tr>\n</thead>\n":
            self.out.append("<tbody>\n")
        self.out.append("<tr>\n")

    def close_tablerow(self, _tag: Any) -> None:
        self.out.append("</tr>\n")

    def open_tablecell(self, _value: Any) -> None:
        self.out.append("<th>" if self.table_head else "<td>")

    def close_tablecell(self, _tag: Any) -> None:
        self.out.append("</th>\n" if self.table_head else "</td>\n")

    # Inline elements ----------------------------------------------------

    def open_link(self, value: Any) -> None:
        self.in_link += 1
        href = value["dest_url"]
        if value.get("link_type") == "Email":
            href = "mailto:" + href
        title = value.get("title") or ""
        title_attr = f' title="{_escape(title)}"' if title else ""
        self.out.append(f'<a href="{_escape(href)}"{title_attr}>')

    def close_link(self, _tag: Any) -> None:
        self.in_link -= 1
        self.out.append("</a>")

    def open_image(self, value: Any) -> None:
        self.image_depth = 1
        self.image_alt = []
        self.image_attrs = (value["dest_url"], value.get("title") or "")

    def close_image(self) -> None:
        src, title = self.image_attrs
        alt = "".join(self.image_alt)
        title_attr = f' title="{_escape(title)}"' if title else ""
        self.out.append(f'<img src="{_escape(src)}" alt="{_escape(alt)}"{title_attr}>')

    def write_footnotes(self) -> None:
        self.out.append('<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n')
        ordered = sorted(
            self.footnotes,
            key=lambda body: self.footnote_ids.get(body[0].strip("\x00"), 0),
        )
        for body in ordered:
            label = body[0].strip("\x00")
            number = self.footnote_ids.get(label, 0)
            content = "".join(body[1:])
            back = (
                f'&#160;<a href="#fnref:{number}" class="footnote-backref"'
                ' role="doc-backlink">&#x21a9;&#xfe0e;</a>'
            )
            if content.endswith("</p>\n"):
                content = content[: -len("</p>\n")] + back + "</p>\n"
            self.out.append(f'<li id="fn:{number}">\n{content}</li>\n')
        self.out.append("</ol>\n</div>\n")


def render(markdown: str) -> str:
    """The HTML Goldmark (as configured by Vale) writes for ``markdown``."""
    events = list(pyromark.events(markdown, options=OPTIONS))
    return _Renderer().render(events)
