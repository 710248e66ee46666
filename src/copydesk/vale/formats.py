"""How Vale classifies a file by its extension.

Each extension maps to a normalised extension and a format: ``markup``
(Markdown, HTML, reST, AsciiDoc, Org, XML, DITA), ``code`` (comments are
linted), ``text`` (``.txt``: prose, split into sentences when needed) or
``unknown`` (linted line by line). ``[formats]`` in the config maps one
extension to another (``mdx = md``); mapping a code extension to a markup one
makes it a ``fragment`` (markup inside comments).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

__all__ = ["COMMENT_PATTERNS", "format_from_ext", "normed_ext", "replace_ext"]

_BY_EXTENSION: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), normed, kind)
    for pattern, normed, kind in (
        (r"\.(?:[rc]?py[3w]?|[Ss][Cc]onstruct)$", ".py", "code"),
        (r"\.(?:adoc|asciidoc|asc)$", ".adoc", "markup"),
        (r"\.(?:clj|cljs|cljc|cljd)$", ".clj", "code"),
        (r"\.(?:cpp|cc|c|cp|cxx|c\+\+|h|hpp|h\+\+)$", ".cpp", "code"),
        (r"\.(?:css)$", ".css", "code"),
        (r"\.(?:cs|csx)$", ".c", "code"),
        (r"\.(?:dita)$", ".dita", "markup"),
        (r"\.(?:go)$", ".go", "code"),
        (r"\.(?:hs)$", ".hs", "code"),
        (r"\.(?:html|htm|shtml|xhtml)$", ".html", "markup"),
        (r"\.(?:java|bsh)$", ".c", "code"),
        (r"\.(?:jl)$", ".jl", "code"),
        (r"\.(?:js|jsx)$", ".js", "code"),
        (r"\.(?:lua)$", ".lua", "code"),
        (r"\.(?:md|mdown|markdown|markdn)$", ".md", "markup"),
        (r"\.(?:org)$", ".org", "markup"),
        (r"\.(?:php)$", ".php", "code"),
        (r"\.(?:pl|pm|pod)$", ".r", "code"),
        (r"\.(?:proto)$", ".proto", "code"),
        (r"\.(?:ps1|psm1|psd1)$", ".ps1", "code"),
        (r"\.(?:rb|Gemfile|Rakefile|Brewfile|gemspec)$", ".rb", "code"),
        (r"\.(?:rs)$", ".rs", "code"),
        (r"\.(?:rst|rest)$", ".rst", "markup"),
        (r"\.(?:r|R)$", ".r", "code"),
        (r"\.(?:sass|less)$", ".c", "code"),
        (r"\.(?:scala|sbt)$", ".c", "code"),
        (r"\.(?:swift)$", ".c", "code"),
        (r"\.(?:ts|tsx)$", ".ts", "code"),
        (r"\.(?:txt)$", ".txt", "text"),
        (r"\.(?:xml)$", ".xml", "markup"),
        (r"\.(?:yaml|yml)$", ".yml", "code"),
    )
)

#: Comment syntax for code files without a tree-sitter grammar in Vale.
COMMENT_PATTERNS: dict[str, tuple[str, str, str]] = {
    ".c": (r"(?:^|\s)(?:(//.+)|(/\*.+\*/))", r"(/\*.*)", r"(.*\*/)"),
    ".clj": (r"(;+.+)", r"$^", r"$^"),
    ".r": (r"(#.+)", r"$^", r"$^"),
    ".ps1": (r"(#.+)", r"(<#.*)", r"(.*#>)"),
    ".php": (r"(//.+)|(/\*.+\*/)|(#.+)", r"(/\*.*)", r"(.*\*/)"),
    ".lua": (r"(-- .+)", r"(-{2,3}\[\[.*)", r"(.*\]\])"),
    ".hs": (r"(-- .+)", r"(\{-.*)", r"(.*-\})"),
}


def _lookup(ext: str) -> tuple[str, str]:
    for pattern, normed, kind in _BY_EXTENSION:
        if pattern.search(ext):
            return normed, kind
    return "", ""


def extension(path: str) -> str:
    """Go's ``filepath.Ext``: from the last dot of the last element."""
    name = posixpath.basename(path.replace("\\", "/"))
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""


def normed_ext(ext: str) -> str:
    """``core.GetNormedExt``."""
    return _lookup(ext)[0]


def format_from_ext(path: str, formats: Mapping[str, str]) -> tuple[str, str]:
    """``core.FormatFromExt``: the normalised extension and the format."""
    base = extension(path).strip(".")
    kind = _lookup("." + base)[1]
    mapped = formats.get(base)
    if mapped is not None:
        if kind == "code" and _lookup("." + mapped)[1] == "markup":
            return "." + mapped, "fragment"
        base = mapped
    normed, found = _lookup("." + base)
    if not found:
        return "unknown", "unknown"
    return normed, found


def replace_ext(path: str, formats: Mapping[str, str]) -> str:
    """``core.ReplaceExt``: ``a.mdx`` becomes ``a.md`` under ``mdx = md``."""
    old = extension(path)
    mapped = formats.get(old.strip("."))
    if mapped is None:
        return path
    return path[: len(path) - len(old)] + "." + mapped
