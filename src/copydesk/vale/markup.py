"""Markup as Vale sees it: each format turned into HTML for the walker.

* Markdown: ignores and front matter applied (:mod:`.transform`), rendered as
  Goldmark does (:mod:`.markdown_html`); for locating text, fence info
  strings, link references and ordered-list numbers are blanked.
* HTML: walked as it is.
* reST: rendered in-process with docutils (Vale runs ``rst2html``), Sphinx
  code directives turned into literal blocks first.
* Org: rendered by :mod:`.org_html`.
* AsciiDoc: rendered by :mod:`.asciidoc_html` (Vale runs asciidoctor), with
  Vale's quote clean-up and the masking of ``[source,...]`` and comments.
* DITA, XML: Vale needs external tools; the file is linted line by line and
  a warning says so.
* Code: comments (see :mod:`.comments`); fragments: Markdown in comments.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from copydesk.vale.comments import comments_for, shift_alerts
from copydesk.vale.markdown_html import render as render_markdown
from copydesk.vale.model import LintFile
from copydesk.vale.transform import apply_patterns
from copydesk.vale.walker import walk_html

if TYPE_CHECKING:
    from copydesk.vale.linter import Linter

__all__ = ["lint_code", "lint_fragments", "lint_markup"]

_INFO_STRING = re.compile(r"`{3,}.+")
_LINK_REF = re.compile(r"\]\[(?:[^]\n]+)\]")
_LINK_DEF = re.compile(r"\[(?:[^]\n]+)\]:")
_NUMBERED = re.compile(r"(?m)^\d+\.")
_SPHINX = re.compile(r".. (?:glossary|contents)::")
_CODE_BLOCK = re.compile(r".. (?:raw|code(?:-block)?):: (?:[\w-]+)(?:\s+:\w+: .+)*")
_ORG_ATTRIBUTE = re.compile(r"(#(?:\+| )[^\s]+:.+)")
_ORG_PROPERTIES = re.compile(r"(:PROPERTIES:\n.+\n:END:)")
_ORG_SRC = re.compile(r"(?i)#\+BEGIN_SRC .+")
_UNSUPPORTED = {".dita": "dita", ".xml": "xsltproc"}
#: Asciidoctor turns apostrophes and quotes into entities; Vale maps them back.
_ADOC_QUOTES = {
    "\u2018": "&apos;",
    "\u2019": "&apos;",
    "\u201c": "&#8220;",
    "\u201d": "&#8221;",
    "&#8217;": "&apos;",
    "&rsquo;": "&apos;",
}
_ADOC_SOURCE = re.compile(r"\[source,.+\]")
_ADOC_COMMENT = re.compile(r"// .+")


def _scopes(linter: Linter) -> tuple[list[str], list[str], list[str]]:
    config = linter.config
    return config.skipped_scopes, config.ignored_scopes, config.ignored_classes


def _stars(text: str) -> str:
    return "*" * len(text)


def _markdown_body(content: str) -> str:
    def info(match: re.Match[str]) -> str:
        parts = match.group(0).split("`")
        return "`" * (len(parts) - 1) + _stars(parts[-1])

    body = _INFO_STRING.sub(info, content)
    body = _LINK_REF.sub(lambda m: "][" + "*" * (len(m.group(0)) - 3) + "]", body)
    body = _LINK_DEF.sub(lambda m: "[" + "*" * (len(m.group(0)) - 3) + "]:", body)
    return _NUMBERED.sub(lambda m: _stars(m.group(0)), body)


def lint_markdown(linter: Linter, file: LintFile) -> None:
    """``Linter.lintMarkdown``."""
    text = apply_patterns(linter.config, file.normed_ext, file.real_ext, file.content)
    html = render_markdown(text)
    file.content = _markdown_body(file.content)
    walk_html(linter, file, html, _scopes(linter))


def lint_rst(linter: Linter, file: LintFile) -> None:
    """``Linter.lintRST`` with docutils in place of ``rst2html``."""
    from copydesk.vale.rst_html import render as render_rst

    text = apply_patterns(linter.config, file.normed_ext, file.real_ext, file.content)
    text = _SPHINX.sub(".. code::", text)
    text = _CODE_BLOCK.sub("::", text)
    walk_html(linter, file, render_rst(text), _scopes(linter))


def lint_org(linter: Linter, file: LintFile) -> None:
    """``Linter.lintOrg``."""
    from copydesk.vale.org_html import render as render_org

    original = file.content
    text = _ORG_ATTRIBUTE.sub("\n=\\1=\n", original)
    text = _ORG_PROPERTIES.sub("\n#+BEGIN_EXAMPLE\n\\1\n#+END_EXAMPLE\n", text)
    text = apply_patterns(linter.config, file.normed_ext, file.real_ext, text)
    file.content = _ORG_SRC.sub(lambda m: _stars(m.group(0)), original)
    walk_html(linter, file, render_org(text), _scopes(linter))


def _adoc_quotes(text: str) -> str:
    for old, new in _ADOC_QUOTES.items():
        text = text.replace(old, new)
    return text


def _adoc_body(content: str) -> str:
    def source(match: re.Match[str]) -> str:
        text = match.group(0)
        offset = 0
        if text.endswith(",]"):
            offset = 1
            text = text.replace(",]", "]", 1)
        size = len(text.split(",")[-1])
        return "[source, " + "*" * (size - 2 + offset) + "]"

    body = _ADOC_SOURCE.sub(source, content)
    return _ADOC_COMMENT.sub(
        lambda m: "// " + "*" * (len(m.group(0).split("//")[1]) - 1), body
    )


def lint_asciidoc(linter: Linter, file: LintFile) -> None:
    """``Linter.lintADoc`` with an in-process renderer instead of asciidoctor."""
    from copydesk.vale.asciidoc_html import render as render_asciidoc

    config = linter.config
    text = apply_patterns(config, file.normed_ext, file.real_ext, file.content)
    attributes = {
        key: value for key, value in config.asciidoctor.items() if value not in ("NO",)
    }
    html = _adoc_quotes(render_asciidoc(_adoc_quotes(text), attributes))
    file.content = _adoc_body(file.content)
    walk_html(linter, file, html, _scopes(linter))


def lint_markup(linter: Linter, file: LintFile) -> None:
    """Dispatch a markup file by its normalised extension."""
    ext = file.normed_ext
    if ext == ".md":
        lint_markdown(linter, file)
    elif ext == ".html":
        walk_html(linter, file, file.content, _scopes(linter))
    elif ext == ".rst":
        lint_rst(linter, file)
    elif ext == ".org":
        lint_org(linter, file)
    elif ext == ".adoc":
        lint_asciidoc(linter, file)
    elif ext in _UNSUPPORTED:
        linter.warn(
            f"{file.path}: Vale reads {ext} files with {_UNSUPPORTED[ext]}; "
            "linted as plain lines instead"
        )
        linter.lint_lines(file)


def lint_code(linter: Linter, file: LintFile) -> None:
    """``Linter.lintCode``: each comment linted as lines of its own."""
    found = comments_for(file.real_ext, file.content)
    if found is None:
        linter.lint_code_comments(file)
        return
    language, comments = found
    ignored = linter.config.ignored_scopes
    whole = file.content
    last = 0
    for comment in comments:
        if "comment" in ignored or comment.scope in ignored:
            continue
        file.set_text(comment.text)
        linter.lint_lines(file)
        if len(file.alerts) != last:
            shift_alerts(file.alerts, last, comment, language)
        last = len(file.alerts)
    file.set_text(whole)


def lint_fragments(linter: Linter, file: LintFile) -> None:
    """``Linter.lintFragments``: markup written inside code comments."""
    found = comments_for(file.real_ext, file.content)
    if found is None:
        return
    language, comments = found
    last = 0
    for comment in comments:
        file.set_text(comment.text)
        if file.normed_ext == ".md":
            lint_markdown(linter, file)
        elif file.normed_ext == ".rst":
            lint_rst(linter, file)
        elif file.normed_ext == ".org":
            lint_org(linter, file)
        elif file.normed_ext == ".adoc":
            lint_asciidoc(linter, file)
        if len(file.alerts) != last:
            shift_alerts(file.alerts, last, comment, language)
        last = len(file.alerts)
