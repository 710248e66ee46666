"""Hypothesis strategies for hostile documents in every format copydesk reads.

A document is a sequence of fragments: random Unicode (combining marks, RTL
text, NUL and other controls, lone surrogates both raw and escaped), every
kind of line break, unbalanced markup of the format at hand, text the shipped
rules flag (so fixes happen), deep nesting and very long lines.
"""

from __future__ import annotations

from hypothesis import strategies as st

FORMATS = ("plain", "markdown", "html", "rst")

#: Every line break copydesk or a parser might treat as one.
LINE_ENDS = ("\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c")

#: Prose the shipped packs flag, several with safe fixes.
TRIGGERS = (
    "Officials in Kiev said ",
    "teh ",
    "recieve ",
    "President Zelenskiy met ",
    "“an unclosed quote ",
    "„Gänsefüßchen“ ",
    "«guillemets» ",
    "'single' ",
    '"double" ',
    "Advertisement",
    "Share this article",
    "the the ",
    "Kiev's Kievan Rus chicken Kiev ",
    "Mr. Müller and Mr Mueller ",
    "breastless unhuman ",
)

#: Text in scripts and with marks that stress offsets and case folding.
EXOTIC = (
    "e\u0301\u0301\u0301",  # stacked combining acute accents
    "\u05e9\u05dc\u05d5\u05dd ",  # Hebrew (RTL)
    "\u0645\u0631\u062d\u0628\u0627 ",  # Arabic (RTL)
    "\u202eevil\u202c ",  # RTL override
    "\u200f\u200e\u200d\u200c",  # direction marks, joiners
    "\x00",
    "\x7f\x1b[31m",
    "\ufeff",  # BOM in the middle of the text
    "\u2060",  # WORD JOINER, the mask filler
    "\ud800",  # lone high surrogate
    "\udfff",  # lone low surrogate
    "\\ud800 \\udc00",  # lone surrogates escaped as text
    "\U0001f600\U0001f1fa\U0001f1e6",  # emoji, flag pair
    "\u0130stanbul \u0131 \u00df \ufb03",  # case folding that changes length
    "\u1e9e\u0149",
    "\uffff\ufffe",
)

MARKUP: dict[str, tuple[str, ...]] = {
    "plain": (
        "# copydesk: disable",
        "// copydesk: enable",
        "copydesk: disable-next-line=names.Places",
        "copydesk: ignore-file=typos",
        "copydesk: disable=",
        "copydesk: bogus",
    ),
    "markdown": (
        "# ",
        "## Heading {#id}",
        "> ",
        "- ",
        "* ",
        "1. ",
        "```",
        "~~~",
        "`",
        "``",
        "*",
        "**",
        "_",
        "[",
        "](",
        ")",
        "![alt",
        "[^1]",
        "[^1]: ",
        "<!-- copydesk: disable -->",
        "<!-- copydesk: enable=names -->",
        "<!--",
        "-->",
        "| a | b |",
        "|---|---|",
        "---",
        "+++",
        "&amp;",
        "&eacute;",
        "&#8217;",
        "&#0;",
        "&#x110000;",
        "<code>",
        "</code>",
        "<https://example.com/Kiev>",
        "[link](http://x/teh 'title')",
        "    indented code",
        "- [ ] ",
        "> [!NOTE]",
        "\\",
    ),
    "html": (
        "<p>",
        "</p>",
        "<li>",
        "<ul>",
        "</ul>",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<pre>",
        "<code>",
        "<!--",
        "-->",
        "<!-- copydesk: disable -->",
        "<!-- copydesk: enable -->",
        '<img alt="',
        "<img alt='Kiev' title=teh>",
        '"',
        "'",
        "<",
        ">",
        "</",
        "&#x",
        "&#",
        "&eacute;",
        "&amp",
        "&#8217;",
        "&#0;",
        "&#xd800;",
        "<!DOCTYPE html>",
        "<![CDATA[",
        "]]>",
        "<?php ",
        "<td>",
        "<table>",
        "<svg><text>",
        "<textarea>",
        "=",
    ),
    "rst": (
        ".. ",
        "::",
        "``",
        "`",
        "`link <http://x/Kiev>`_",
        ":term:`",
        ":ref:`Title <x>`",
        ":func:`teh`",
        "====",
        "----",
        "* ",
        "#. ",
        "| ",
        "|sub|",
        ".. |sub| replace:: teh",
        ".. copydesk: disable",
        ".. copydesk: enable=names",
        ".. image:: x.png\n   :alt: Kiev teh",
        ".. code-block:: python",
        ".. note::",
        ".. include:: /etc/passwd",
        ".. raw:: html",
        "   ",
        "_",
        "[#]_",
        ".. [#] ",
        "+---+---+",
        "| a | b |",
        ":field: ",
        "-o  option",
        ">>> ",
    ),
}


def _nested(fmt: str, depth: int, body: str) -> str:
    """A list or quote nested ``depth`` levels deep, in ``fmt``'s syntax."""
    if fmt == "markdown":
        quote = "> " * depth + body
        items = "".join("  " * i + "- " + body + "\n" for i in range(depth))
        return quote + "\n\n" + items
    if fmt == "html":
        return (
            "<ul><li>" * depth
            + body
            + "<blockquote>" * depth
            + body
            + "</li></ul>" * (depth // 2)
        )
    if fmt == "rst":
        return "".join("   " * i + "* " + body + "\n\n" for i in range(min(depth, 25)))
    return ("\t" * depth) + body


def unicode_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Random text from every code point class, surrogates included."""
    return st.text(
        alphabet=st.characters(codec=None, categories=None),
        max_size=max_size,
    )


def fragments(fmt: str) -> st.SearchStrategy[str]:
    """One piece of a document in ``fmt``."""
    return st.one_of(
        st.sampled_from(TRIGGERS),
        st.sampled_from(LINE_ENDS),
        st.sampled_from(MARKUP[fmt]),
        st.sampled_from(EXOTIC),
        unicode_text(),
        st.text(alphabet="ab Kiev\n", max_size=20),
        st.builds(
            lambda depth, body: _nested(fmt, depth, body),
            st.integers(1, 120),
            st.sampled_from(TRIGGERS),
        ),
        # A very long line: a repeated word with no break at all.
        st.builds(
            lambda word, n: word * n,
            st.sampled_from(("word ", "Kiev ", "teh ", "a", "“", "<b>", "`")),
            st.integers(200, 3_000),
        ),
    )


def documents(fmt: str, max_fragments: int | None = None) -> st.SearchStrategy[str]:
    """A whole hostile document in ``fmt`` (reST, slower to parse, gets fewer)."""
    size = max_fragments or (12 if fmt == "rst" else 30)
    return st.lists(fragments(fmt), max_size=size).map("".join)


def documents_in_any_format() -> st.SearchStrategy[tuple[str, str]]:
    """(format, document) pairs covering every format."""
    return st.sampled_from(FORMATS).flatmap(
        lambda fmt: documents(fmt).map(lambda text: (fmt, text))
    )
