"""An independent check of the Markdown mask, using markdown-it-py as oracle.

markdown-it-py knows where code, front matter, raw HTML and link targets are;
this module finds them in the source and reports any that the prose view
shows. Spans the oracle cannot place verbatim (normalized URLs, code spans
over several lines) are skipped, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from copydesk.document import line_starts

Check = Callable[[int, int, str], None]
Locate = Callable[[str], "tuple[int, int] | None"]

_MASKED_BLOCKS = frozenset({"fence", "code_block", "html_block", "front_matter"})


def make_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def violations(md: MarkdownIt, text: str, prose: str) -> tuple[int, list[str]]:
    """How many non-prose spans were placed, and those the prose view shows."""
    starts = line_starts(text)
    starts.append(len(text))
    found: list[str] = []
    checked = 0

    def check(start: int, end: int, what: str) -> None:
        nonlocal checked
        checked += 1
        shown = prose[start:end]
        if shown.strip():
            found.append(f"{what} at {start}: {text[start:end]!r} -> {shown!r}")

    for token in md.parse(text):
        if token.map is None:
            continue
        first, last = token.map
        start, end = starts[first], starts[min(last, len(starts) - 1)]
        if token.type in _MASKED_BLOCKS:
            check(start, end, token.type)
        elif token.type == "inline" and token.children:
            _inline(text, token.children, start, end, check)
    return checked, found


def _inline(
    text: str, children: list[Token], start: int, end: int, check: Check
) -> None:
    cursor = start
    hrefs: list[Token] = []

    def locate(needle: str) -> tuple[int, int] | None:
        nonlocal cursor
        if not needle:
            return None
        at = text.find(needle, cursor, end)
        if at < 0:
            return None
        cursor = at + len(needle)
        return at, cursor

    autolink = 0
    for child in children:
        if child.type == "text":
            span = locate(child.content)
            if span is not None and autolink:
                check(*span, "autolink")
        elif child.type == "code_inline":
            span = locate(child.markup + child.content + child.markup)
            if span is not None:
                check(*span, "code_inline")
        elif child.type == "html_inline":
            span = locate(child.content)
            if span is not None:
                check(*span, "html_inline")
        elif child.type == "link_open":
            if child.markup in {"autolink", "linkify"}:
                autolink += 1
            hrefs.append(child)
        elif child.type == "link_close" and hrefs:
            opened = hrefs.pop()
            if opened.markup in {"autolink", "linkify"}:
                autolink -= 1
                continue
            _target(opened, locate, check)
        elif child.type == "image":
            locate(child.content)
            _target(child, locate, check)


def _target(token: Token, locate: Locate, check: Check) -> None:
    """Check a link or image destination and title written inline after it."""
    for attr in ("href", "src", "title"):
        value = token.attrGet(attr)
        if isinstance(value, str):
            span = locate(value)
            if span is not None:
                check(*span, f"link {attr}")
