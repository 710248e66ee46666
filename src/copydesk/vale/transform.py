"""Vale's text rewrites before parsing markup: ignores and comment delimiters.

``BlockIgnores`` matches become code blocks and ``TokenIgnores`` matches
inline code, in the syntax of the file's format, so the parser hides them;
front matter at the very start becomes a code block too. A format without a
code syntax (HTML, for one) cannot take ignores, which Vale reports as an
error only when an ignore pattern applies to it. ``CommentDelimiters`` turn
custom comment markers into HTML comments so ``vale off`` works inside them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import regex

from copydesk.errors import CopydeskError
from copydesk.vale.config import ValeConfig
from copydesk.vale.globs import Glob
from copydesk.vale.regex import compile_vale

__all__ = ["apply_patterns"]

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)\n(.+?)\n(?:---|\+\+\+)", re.S)
_BLOCKS = {
    ".adoc": "\n----\n$1\n----\n",
    ".md": "\n```\n$1\n```\n",
    ".rst": "\n::\n\n%s\n",
    ".org": "\n#+BEGIN_EXAMPLE\n$1\n#+END_EXAMPLE\n",
}
_INLINE = {".adoc": "`$1`", ".md": "`$1`", ".rst": "``$1``", ".org": "=$1="}
_REF = re.compile(r"\$(\d+)|\$\{(\d+)\}")


def _expand(template: str, match: regex.Match[str] | re.Match[str]) -> str:
    def group(ref: re.Match[str]) -> str:
        number = int(ref.group(1) or ref.group(2))
        try:
            return match.group(number) or ""
        except IndexError:
            return ref.group(0)

    return _REF.sub(group, template)


def _applies(section: str, normed: str, real: str) -> bool:
    glob = Glob.compile(section)
    return glob.match(normed) or glob.match(real)


def _compile(pattern: str, config: ValeConfig) -> regex.Pattern[str]:
    try:
        return compile_vale(pattern)
    except regex.error as exc:
        raise CopydeskError(config.path, f"ignore pattern {pattern!r}: {exc}") from None


def _indent(text: str, prefix: str) -> str:
    if text.endswith("\n"):
        return "".join(prefix + line + "\n" for line in text[:-1].split("\n"))
    return "\n".join(prefix + line for line in text.rstrip("\n").split("\n"))


def _block_patterns(config: ValeConfig, normed: str, real: str, content: str) -> str:
    block = _BLOCKS.get(normed)
    if block is None:
        raise CopydeskError(
            "", f"ignore patterns are not supported in '{normed}' files"
        )
    text = _FRONT_MATTER.sub(lambda m: _expand(block, m), content, count=0)
    for section, patterns in config.block_ignores.items():
        if not _applies(section, normed, real):
            continue
        for source in patterns:
            pattern = _compile(source, config)
            if normed == ".rst":
                for found in list(pattern.finditer(text)):
                    whole = found.group(0)
                    text = text.replace(whole, block % _indent(whole, "    "), 1)
            else:
                text = pattern.sub(lambda m: _expand(block, m), text)
    return text


def _inline_patterns(config: ValeConfig, normed: str, real: str, content: str) -> str:
    inline = _INLINE.get(normed)
    if inline is None:
        raise CopydeskError(
            "", f"ignore patterns are not supported in '{normed}' files"
        )
    for section, patterns in config.token_ignores.items():
        if not _applies(section, normed, real):
            continue
        for source in patterns:
            pattern = _compile(source, config)
            content = pattern.sub(lambda m: _expand(inline, m), content)
    return content


def _comment_patterns(
    delimiters: Mapping[str, tuple[str, str]], normed: str, real: str, content: str
) -> str:
    for section, (start, end) in delimiters.items():
        if not _applies(section, normed, real):
            continue
        if not start and not end:
            return content
        content = content.replace(start, "<!--").replace(end, "-->")
    return content


def apply_patterns(config: ValeConfig, normed: str, real: str, content: str) -> str:
    """``Linter.Transform``: the text the markup parser will see."""
    text = _block_patterns(config, normed, real, content)
    text = _inline_patterns(config, normed, real, text)
    return _comment_patterns(config.comment_delimiters, normed, real, text)
