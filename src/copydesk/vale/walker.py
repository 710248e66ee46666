"""Vale's walk over HTML tokens: which text becomes which block.

Markdown, Org, reST and HTML files all end up here as HTML. Text is gathered
until a block-level end tag; the open tags then decide the scope (``li`` is
``text.list``, ``h2`` is ``text.heading.h2``, a plain paragraph is prose to be
split into sentences). Inline code (``code``, ``tt``, ``kbd``, or the config's
``IgnoredScopes``) and link text equal to its URL are replaced by ``*`` of the
same length; ``script``, ``style``, ``pre``, ``figure``... (``SkippedScopes``)
and elements with an ignored class are skipped whole; ``img`` alt text is its
own ``text.attr.alt`` block; comments switch rules off and on. The walker
also keeps the file's text with already-linted words blanked, which is how
Vale finds where each block came from.
"""

from __future__ import annotations

import re
from typing import Protocol

from copydesk.vale.gostr import fields, sub_inplace, trim_space
from copydesk.vale.html_tokens import Kind, Token, tokenize, unescape
from copydesk.vale.model import Block, LintFile

__all__ = ["BlockLinter", "walk_html"]

SKIP_TAGS = ("script", "style", "pre", "figure", "noscript", "iframe")
SKIP_CLASSES = ("problematic", "pre", "code")
INLINE_TAGS = (
    "b",
    "big",
    "i",
    "small",
    "abbr",
    "acronym",
    "cite",
    "dfn",
    "em",
    "kbd",
    "strong",
    "a",
    "br",
    "img",
    "span",
    "sub",
    "sup",
    "code",
    "tt",
    "del",
)
TAG_TO_SCOPE = {
    "th": "text.table.header",
    "td": "text.table.cell",
    "caption": "text.table.caption",
    "li": "text.list",
    "blockquote": "text.blockquote",
    "figcaption": "text.figure.caption",
}
_HEADING = re.compile(r"^h[0-9]$")
_PUNCT = (".", "?", "!", ",", ":", ";")
_ATTR_TAGS = ("img", "a", "p", "script", "h1", "h2", "h3", "h4", "h5", "h6")
_ATTR_KEYS = ("href", "id", "src", "alt")


class BlockLinter(Protocol):
    """What the walker hands its blocks to."""

    def lint_block(
        self, file: LintFile, block: Block, lines: int, pad: int, lookup: bool
    ) -> None: ...

    def lint_prose(self, file: LintFile, block: Block, lines: int) -> None: ...


class _Walker:
    """The walker's state: the blanked context and what the block holds."""

    def __init__(self, file: LintFile, offset: int) -> None:
        self.lines = len(file.lines) + offset
        self.context = file.content
        self.active_tag = ""
        self.active_cls = ""
        self.idx = 0
        self.queue: list[str] = []
        self.history: list[str] = []
        self.begin = 0
        self.end = 0

    def sub(self, text: str) -> bool:
        self.context, found = sub_inplace(self.context, text, "@")
        return found

    def update(self, text: str) -> None:
        if not text:
            return
        for line in text.split("\n"):
            if not self.sub(line):
                for word in fields(line):
                    self.sub(word)

    def reset(self) -> None:
        for text in self.queue:
            self.update(text)
        self.queue = []
        self.history = []

    def advance(self, text: str) -> int:
        pos = 0
        ctx = self.context
        for line in text.split("\n"):
            pos = ctx.find(line)
            if pos < 0:
                for word in fields(line):
                    pos = ctx.find(word)
        if pos >= 0:
            line_no = ctx.count("\n", 0, pos)
            if line_no > self.idx:
                return line_no
        return -1

    def append(self, text: str) -> None:
        if text:
            pos = self.advance(text)
            if pos > -1:
                self.idx = pos
            self.queue.append(text)

    def add_tag(self, tag: str) -> None:
        self.history.append(tag)
        self.active_tag = tag

    def set_cls(self, tag: str, cls: bool) -> None:
        if cls:
            self.active_cls = tag
            self.begin = 1
            self.end = 0

    def add_cls(self, tag: str, start: bool) -> None:
        if tag == self.active_cls:
            if start:
                self.begin += 1
            else:
                self.end += 1

    def can_close(self) -> bool:
        return self.active_cls != "" and self.begin == self.end and self.begin > 0

    def close(self) -> None:
        self.active_cls = ""
        self.begin = 0
        self.end = 0

    def block(self, text: str, scope: str) -> Block:
        line = self.idx
        pos = self.advance(text)
        if pos != line and pos > -1:
            line = pos
        return Block.make(self.context, text, scope, line)

    def last_tag(self) -> str:
        return self.history[-1] if self.history else self.active_tag

    def nested_list(self) -> bool:
        history = self.history
        if self.last_tag() == "li" and len(history) > 3 and history[-2] in ("ol", "ul"):
            return history[-3] == "li"
        return False

    def replace_tokens(self, token: Token) -> None:
        if token.data not in _ATTR_TAGS:
            return
        for key, value in token.attrs:
            if key in _ATTR_KEYS:
                self.update(_query_unescape(value) if key == "href" else value)


_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")


def _query_unescape(value: str) -> str:
    """Go's ``url.QueryUnescape``: ``+`` is a space, ``%XX`` a byte; a
    malformed escape makes the whole value empty."""
    if "%" not in value:
        return value.replace("+", " ")
    if len(_PERCENT.findall(value)) != value.count("%"):
        return ""
    out = bytearray()
    pieces = _PERCENT.split(value.replace("+", " "))
    for i, piece in enumerate(pieces):
        out += bytes([int(piece, 16)]) if i % 2 else piece.encode("utf-8")
    return out.decode("utf-8", errors="replace")


def _has_class(attr: str, classes: tuple[str, ...] | list[str]) -> bool:
    return any(name in classes for name in attr.split(" "))


def _clean(text: str, href: str, skip: bool, inline: bool) -> tuple[str, bool]:
    starter = text[:1] in _PUNCT and not skip
    if skip or href == text:
        text = "".join("\n" if c == "\n" else "*" for c in text)
        skip = False
    if inline and not starter:
        text = " " + text
    return text, skip


def _rst_tt(history: list[str], ext: str) -> bool:
    """reST: text in a ``span`` nested in ``tt`` is code too."""
    if ext != ".rst":
        return False
    for i in range(len(history) - 1, -1, -1):
        if history[i] == "span":
            continue
        return history[i] == "tt" and i + 1 != len(history)
    return False


class _Options:
    def __init__(
        self, skipped: list[str], ignored: list[str], classes: list[str]
    ) -> None:
        self.skip_tags = tuple(skipped) if skipped else SKIP_TAGS
        self.skip_classes = SKIP_CLASSES + tuple(classes)
        self.ignored = tuple(ignored) if ignored else ("tt", "code", "kbd")
        self.alt_skipped = "alt" in skipped


def _lint_scope(
    linter: BlockLinter, file: LintFile, walker: _Walker, text: str
) -> None:
    for tag in walker.history:
        scope = TAG_TO_SCOPE.get(tag)
        if (scope is not None and tag not in INLINE_TAGS) or _HEADING.match(tag):
            if scope in ("text.blockquote", "text.list"):
                file.summary.append(text + "\n\n")
            if scope is None:
                scope = "text.heading." + tag
            file.metrics[scope.removeprefix("text.")] += 1
            text = text.lstrip(" ")
            block = walker.block(text, scope + file.real_ext)
            linter.lint_block(file, block, walker.lines, 0, False)
            return
    file.summary.append(text + "\n\n")
    linter.lint_prose(file, walker.block(text, "txt"), walker.lines)


class _Tokens:
    """The per-token state of one walk (``lintHTMLTokens``'s locals)."""

    def __init__(self, linter: BlockLinter, file: LintFile, options: _Options) -> None:
        self.linter = linter
        self.file = file
        self.options = options
        self.walker = _Walker(file, 0)
        self.buffer: list[str] = []
        self.href = ""
        self.parent_class = ""
        self.in_block = False
        self.inline = False
        self.skip = False

    def token(self, token: Token) -> None:
        kind = token.kind
        walker = self.walker
        text = unescape(trim_space(token.data))
        walker.add_cls(text, kind is Kind.START)
        closed = walker.can_close()
        skip_tags = self.options.skip_tags
        block_skip = (
            _has_class(token.attr("class"), self.options.skip_classes)
            and text not in INLINE_TAGS
        )
        if kind is Kind.START and (text in skip_tags or block_skip):
            walker.set_cls(text, block_skip)
            self.in_block = True
            self.file.metrics[text] += 1
        elif self.in_block and (text in skip_tags or closed):
            self.in_block = False
            if closed:
                walker.close()
        elif kind is Kind.START:
            if text in ("em", "b") and walker.last_tag() == "code":
                text = "code"
            self.inline = text in INLINE_TAGS
            self.skip = text in self.options.ignored
            walker.add_tag(text)
        elif kind is Kind.END and text in INLINE_TAGS:
            walker.active_tag = ""
        elif kind is Kind.COMMENT:
            self.file.update_comments(text)
            walker.update(text)
        elif kind is Kind.TEXT:
            self.text(text)
        if kind is Kind.END and text not in INLINE_TAGS:
            self.flush()
        self.href = token.attr("href")
        self.parent_class = token.attr("class")
        if token.data == "img" and not self.options.alt_skipped:
            self.alt(token)
        walker.replace_tokens(token)

    def text(self, text: str) -> None:
        walker = self.walker
        self.skip = self.skip or _rst_tt(walker.history, self.file.normed_ext)
        walker.append(text)
        if self.in_block or not text:
            return
        skip_class = _has_class(self.parent_class, self.options.skip_classes)
        if walker.nested_list() and not self.inline:
            text = " " + text
        text, self.skip = _clean(text, self.href, self.skip or skip_class, self.inline)
        self.buffer.append(text)

    def flush(self) -> None:
        content = "".join(self.buffer)
        if trim_space(content):
            _lint_scope(self.linter, self.file, self.walker, content)
        self.walker.reset()
        self.buffer = []

    def alt(self, token: Token) -> None:
        for key, value in token.attrs:
            if key == "alt":
                block = self.walker.block(value, "text.attr.alt")
                self.linter.lint_block(self.file, block, self.walker.lines, 0, False)


def walk_html(
    linter: BlockLinter,
    file: LintFile,
    source: str,
    scopes: tuple[list[str], list[str], list[str]],
) -> None:
    """Lint the HTML ``source`` as Vale's ``lintHTMLTokens`` does; ``scopes``
    are the config's SkippedScopes, IgnoredScopes and IgnoredClasses."""
    state = _Tokens(linter, file, _Options(*scopes))
    for token in tokenize(source):
        state.token(token)
    file.reset_comments()
    summary = Block.make(
        file.content, "".join(file.summary), "summary" + file.real_ext, 0
    )
    linter.lint_block(file, summary, len(file.lines), 0, True)
