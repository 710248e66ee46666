"""Comments in source code, found as Vale's tree-sitter queries find them.

Vale parses Go, Rust, Python, Ruby, C/C++ (and C#, Java), JavaScript,
TypeScript, Julia, Protocol Buffers, YAML and CSS with tree-sitter and lints
each comment node. A grammar is more than copydesk needs to find comments:
a small scanner per language family skips string literals and yields the
same nodes (line comments one per line, block comments whole, Python
docstrings). Consecutive line comments at the same column are then merged
and the comment markers removed, as Vale does, and alerts found in a
comment's text are moved back to the comment's place in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copydesk.vale.formats import normed_ext
from copydesk.vale.model import Alert

__all__ = ["Comment", "Language", "comments_for", "shift_alerts"]


@dataclass(frozen=True, slots=True)
class Language:
    """How one language writes comments and strings."""

    line: tuple[str, ...]
    block: tuple[tuple[str, str], ...]
    strings: tuple[str, ...]
    delims: re.Pattern[str]
    markers: tuple[str, ...]
    docstrings: bool = False
    block_only: bool = False
    line_only: bool = False


@dataclass(slots=True)
class Comment:
    """One comment: its text without markers, its source, where it starts."""

    text: str
    source: str
    line: int
    offset: int
    scope: str


_C_DELIMS = re.compile(r"//|/\*|\*/")
_C = Language(("//",), (("/*", "*/"),), ('"', "'", "`"), _C_DELIMS, ("/*", "//"))
LANGUAGES: dict[str, Language] = {
    ".go": _C,
    ".c": _C,
    ".proto": _C,
    ".ts": _C,
    ".cpp": Language(
        ("//",), (("/*", "*/"),), ('"', "'"), re.compile(r"//|/\*!?|\*/"), ("/*", "//")
    ),
    ".js": Language(
        ("//",),
        (("/*", "*/"),),
        ('"', "'", "`"),
        re.compile(r"//|/\*\*?|\*/"),
        ("/*", "//"),
    ),
    ".rs": Language(
        ("//",),
        (("/*", "*/"),),
        ('"',),
        re.compile(r"/{2,3}!?"),
        ("//", "//!", "///"),
        line_only=True,
    ),
    ".css": Language(
        (),
        (("/*", "*/"),),
        ('"', "'"),
        re.compile(r"/\*!?|\*/"),
        ("/*",),
        block_only=True,
    ),
    ".py": Language(
        ("#",),
        (),
        ('"""', "'''", '"', "'"),
        re.compile(r"#|\"\"\"|'''"),
        ("#", '"""', "'''"),
        docstrings=True,
    ),
    ".rb": Language(
        ("#",),
        (("=begin", "=end"),),
        ('"', "'"),
        re.compile(r"#|=begin|=end"),
        ("#", "=begin", "=end"),
    ),
    ".yml": Language(("#",), (), ('"', "'"), re.compile(r"#"), ("#",)),
    ".jl": Language(
        ("#",), (("#=", "=#"),), ('"""', '"'), re.compile(r"#|#=|=#"), ("#", "#=", "=#")
    ),
}


def _position(text: str, index: int) -> tuple[int, int]:
    """Row (1-based) and byte column of ``index``."""
    row = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return row + 1, len(text[start:index].encode("utf-8"))


def _string_end(text: str, start: int, quote: str) -> int:
    i = start + len(quote)
    while i < len(text):
        if text.startswith(quote, i):
            return i + len(quote)
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "\n" and len(quote) == 1 and quote != "`":
            return i
        i += 1
    return len(text)


_PY_HEADER = re.compile(
    r"(?:^|\n)[ \t]*(?:async[ \t]+)?(?:def|class)\b[^\n]*:[ \t]*(?:#[^\n]*)?\n"
    r"(?:[ \t]*\n)*[ \t]*\Z"
)


def _docstring_position(text: str, index: int) -> bool:
    """A string that is the first statement of a module, class or function."""
    before = text[:index]
    if not before.strip():
        return True
    return _PY_HEADER.search(before) is not None


def _scan(text: str, language: Language) -> list[tuple[int, int, str]]:
    """Comment nodes as (start, end, kind) with kind "line", "block" or "doc"."""
    nodes: list[tuple[int, int, str]] = []
    i = 0
    size = len(text)
    while i < size:
        block = next((b for b in language.block if text.startswith(b[0], i)), None)
        if block is not None and not (
            block[0] == "=begin" and i > 0 and text[i - 1] != "\n"
        ):
            end = text.find(block[1], i + len(block[0]))
            end = size if end < 0 else end + len(block[1])
            nodes.append((i, end, "block"))
            i = end
            continue
        marker = next((m for m in language.line if text.startswith(m, i)), None)
        if marker is not None:
            end = text.find("\n", i)
            end = size if end < 0 else end
            nodes.append((i, end, "line"))
            i = end
            continue
        quote = next((q for q in language.strings if text.startswith(q, i)), None)
        if quote is not None:
            end = _string_end(text, i, quote)
            if language.docstrings and _docstring_position(text, i):
                nodes.append((i, end, "doc"))
            i = max(end, i + 1)
            continue
        i += 1
    if language.line_only:
        return [n for n in nodes if n[2] == "line"]
    if language.block_only:
        return [n for n in nodes if n[2] == "block"]
    return nodes


def _node_comment(text: str, start: int, end: int, language: Language) -> Comment:
    source = text[start:end]
    clean = language.delims.sub("", source)
    scope = "text.comment.line"
    if clean.count("\n") > 1:
        scope = "text.comment.block"
        clean = "".join(line.lstrip(" ") + "\n" for line in clean.split("\n"))
    line, offset = _position(text, start)
    return Comment(clean, source, line, offset, scope)


def _source_line(line: str, at_end: bool) -> str:
    if line == "":
        return "\n\n"
    if not line.startswith("\n") and not at_end:
        return "\n" + line.lstrip(" ")
    if not line.endswith("\n") and at_end:
        return line.lstrip(" ") + "\n"
    return line


def _coalesce(comments: list[Comment]) -> list[Comment]:
    joined: list[Comment] = []
    text_buffer: list[str] = []
    source_buffer: list[str] = []

    def flush() -> None:
        if text_buffer:
            last = joined[-1]
            last.text += _source_line("".join(text_buffer), False)
            last.source += _source_line("".join(source_buffer), False)
            text_buffer.clear()
            source_buffer.clear()

    for i, comment in enumerate(comments):
        if comment.scope == "text.comment.block":
            joined.append(comment)
        elif i == 0 or _done(comment, comments[i - 1]):
            flush()
            joined.append(comment)
        else:
            text_buffer.append(_source_line(comment.text, True))
            source_buffer.append(_source_line(comment.source, True))
    flush()
    for comment in joined:
        comment.text = comment.text.lstrip(" ")
    return joined


def _done(current: Comment, previous: Comment) -> bool:
    return previous.line != current.line - 1 or previous.offset != current.offset


def comments_for(real_ext: str, text: str) -> tuple[Language, list[Comment]] | None:
    """The language and comments of a file, or None without a grammar in Vale."""
    language = LANGUAGES.get(normed_ext(real_ext))
    if language is None:
        return None
    nodes = [_node_comment(text, s, e, language) for s, e, _ in _scan(text, language)]
    return language, _coalesce(nodes)


def _padding(line: str, markers: tuple[str, ...]) -> int:
    padding = 0
    for marker in markers:
        if line.startswith(marker):
            padding = len(marker)
            for char in line[len(marker) :]:
                if char != " ":
                    break
                padding += 1
    return padding


def shift_alerts(
    alerts: list[Alert], first: int, comment: Comment, language: Language
) -> None:
    """``adjustAlerts``: move alerts found in a comment's text to the file."""
    lines = comment.source.split("\n")
    for alert in alerts[first:]:
        line = lines[alert.line - 1] if 0 < alert.line <= len(lines) else ""
        padding = _padding(line, language.markers)
        if line.startswith(" "):
            spaces = len(line) - len(line.lstrip(" "))
            padding += spaces - comment.offset
        alert.line += comment.line - 1
        alert.span = [
            alert.span[0] + comment.offset + padding,
            alert.span[1] + comment.offset + padding,
        ]
