"""Hypothesis strategies for hostile documents in every format copydesk reads.

A document is a sequence of fragments: random Unicode (combining marks, RTL
text, NUL and other controls, lone surrogates both raw and escaped), every
kind of line break, unbalanced markup of the format at hand, text the shipped
rules flag (so fixes happen), deep nesting and very long lines.

``mixed_documents`` are denser and closer to a real page gone wrong: quotes of
every convention, house names and their variants, web debris, code spans and
fences, links with quotes in their URLs, tags and attributes, entities,
shortcodes and template tags, reST roles and directives, suppression comments,
zero-width and astral characters, CR, form feed and line separators, packed so
that fixes meet (overlap, cascade, undo each other) and masks are crowded.

Bounds: every property test takes its example count from ``examples(n)``: n in
CI, ``COPYDESK_FUZZ_EXAMPLES`` when set (then unseeded, so each long run
explores new inputs; see fuzz/README.md).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: ``COPYDESK_FUZZ_EXAMPLES=3000`` turns every bounded property test into a
#: long, randomised run.
LONG_RUN = os.environ.get("COPYDESK_FUZZ_EXAMPLES", "")


def examples(ci: int) -> int:
    """How many examples a property test draws: ``ci`` unless a long run."""
    return int(LONG_RUN) if LONG_RUN else ci


def fuzz_settings(ci: int) -> settings:
    """Hypothesis settings for a bounded property test: derandomized in CI
    (the same inputs every run), random in a long run."""
    return settings(
        max_examples=examples(ci),
        derandomize=not LONG_RUN,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            # a folder fixture shared by the examples: each one rewrites it
            HealthCheck.function_scoped_fixture,
        ],
    )


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


# --- mixed markup: a real page gone wrong ---------------------------------

#: Every quotation convention copydesk pairs, and the ways they go wrong.
QUOTES = (
    '"', "'", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "「", "」",
    "''", "``", '" ', ' "', "' ", " '", "“ ", " ”", "„ja“", "»nein«",
    "« oui »", "'tis", "rock 'n' roll", "the '90s", "Kiev's", "dogs'",
    'He said “yes" and left.', "“open", "close”", "‘nested “inner” quote’",
    '"It is," she said, "over."', "''quoted''", "\"'", "'\"", "“”", "‘’",
)  # fmt: skip

#: House names, their variants and the exceptions that keep them.
NAMES = (
    "Kiev", "Kyiv", "Kharkov", "Odessa", "Odessa, Texas", "Lvov", "Zelenskiy",
    "Zelenskyy", "Selenskyj", "Klychko", "Bernard-Henri Lévi", "Lévi", "Lévy",
    "the Ukraine", "Kievan Rus", "chicken Kiev", "Donbass", "Kiew",
    "Tschernihiw", "Lwiw", "Mr. Müller", "Mueller", "Muller",
)  # fmt: skip

#: Lines pasted with an article from its web page.
DEBRIS = (
    "Advertisement", "ADVERTISEMENT", "Share this article", "Follow us",
    "Share on Facebook Twitter", "Read more:", "Related:", "5 min read",
    "Subscribe to our newsletter", "Photo: Reuters", "Tags: politics",
    "Home > News > World", "Listen to this article", "Accept cookies",
    "Click to share on Twitter (Opens in new window)", "Comments (12)",
)  # fmt: skip

#: Typos, repetitions and punctuation the shipped rules fix.
SLIPS = (
    "teh", "recieve", "the the", "a a", "and and", "definately", "alot",
    "irregardless", "very unique", "!!!", "!!", "...", " ,", "  ", "\t",
    "e.g.", "i.e.", "NASA", "ok", "OK", "word", "Word", "w0rd",
)  # fmt: skip

#: Characters that take no room, take two UTF-16 units, or combine.
INVISIBLE = (
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f",
    "\U0001f600", "\U0001d400", "\U00020000", "\U0001f1fa\U0001f1e6",
    "\u0301", "e\u0301", "\u202e", "\ufffd",
)  # fmt: skip

BREAKS = ("\n", "\n\n", "\r\n", "\r", "\x0c", "\u2028", "\u2029", "\x85", "\x0b")

#: Markup whose inside must stay untouched (code, URLs, tags, attributes,
#: front matter, templates, reST literals, roles and options), and the
#: comments that switch rules off, in each format's syntax.
MIXED: dict[str, tuple[str, ...]] = {
    "plain": (
        "copydesk: disable",
        "copydesk: enable",
        "# copydesk: disable-next-line=names",
        "copydesk: disable-next-line=quotes.Mixed",
        "copydesk: ignore-file=artifacts",
        "`code Kiev`",
        'https://example.com/Kiev?q="teh"',
        "<b>",
    ),
    "markdown": (
        "`Kiev`", '``teh ` “x"``', "```\nKiev teh “\n```", "~~~py\n'a\" Kiev\n~~~",
        "    indented Kiev “code\n", '[Kiev](https://x/Kiev?a="b")',
        "[“link”](http://x/'q' \"title 'Kiev'\")", '<https://x/Kiev">',
        '![alt “Kiev"](x.png)', "[ref][Kiev]", '[Kiev]: http://x/“teh” "t"',
        '<span title="Kiev\'s">', "</span>", "<a href='x\"y'>", "</a>",
        "<!-- copydesk: disable -->", "<!-- copydesk: enable -->",
        "<!-- copydesk: disable-next-line=names -->",
        "<!-- copydesk: disable=quotes -->", "<!-- copydesk: enable=quotes -->",
        '---\ntitle: "Kiev teh"\n---\n', "+++\ntitle = 'Kiev'\n+++\n",
        '{{< figure src="Kiev.png" caption="teh “x" >}}',
        "{{% note %}}Kiev{{% /note %}}", '{% highlight py %}teh "{% endhighlight %}',
        '{{ page.title | "Kiev" }}', "{% raw %}Kiev'{% endraw %}",
        "&quot;", "&ldquo;", "&rsquo;", "&#8220;", "&amp;", "&#x27;", "&nbsp;",
        "# Kiev “heading\n", "> “quoted Kiev\n", "- item 'teh\n", '| “a | b" |\n',
        '[^1]: Kiev "note\n', '*“emph*"', "**Kiev's**", '\\"', "\\`",
        "$$teh$$", "<pre>Kiev “</pre>",
    ),
    "html": (
        "<p>", "</p>", "<code>Kiev “</code>", "<pre>teh \"\n'</pre>",
        "<a href=\"https://x/Kiev?q='teh'\">Kiev</a>", "<a href='x\"y'>",
        '<img alt="Kiev\'s “view" src="teh.png">', "<img title='teh'>",
        '<script>var s = "Kiev “";</script>', "<style>p:after{content:'”'}</style>",
        "<!-- copydesk: disable -->", "<!-- copydesk: enable -->",
        "<!-- copydesk: disable-next-line=names -->", "<!-- Kiev -->",
        "&quot;", "&ldquo;", "&rdquo;", "&#8217;", "&amp;", "&#x201C;", "&nbsp;",
        "<h1>Kiev “heading</h1>", "<blockquote>“Kiev</blockquote>", "<li>teh '",
        '{{< ref "Kiev.md" >}}', "{% if x %}Kiev{% endif %}", '{{ "teh" }}',
        '<span data-x="“">', "</span>", "<br>", '<textarea>Kiev"</textarea>',
        "<kbd>teh</kbd>", "<var>Kiev</var>", "<samp>“</samp>",
    ),
    "rst": (
        "``Kiev “``", '`Kiev <https://x/Kiev?q="a">`_', ':code:`teh "`',
        ":ref:`“Kiev <x>`", ":term:`Kiev's`", ":math:`a'`", "`teh`",
        '.. code-block:: python\n\n   s = "Kiev “"\n\n',
        "::\n\n   literal Kiev teh '\n\n", ".. note::\n\n   “Kiev note\n\n",
        ".. image:: Kiev.png\n   :alt: Kiev “teh\n   :target: http://x/'Kiev'\n\n",
        '.. figure:: x.png\n   :width: 100\n\n   Caption Kiev "\n\n',
        ".. copydesk: disable\n\n", ".. copydesk: enable\n\n",
        ".. copydesk: disable-next-line=names\n\n", ".. comment Kiev teh\n\n",
        ".. |Kiev| replace:: teh\n\n", "|Kiev|", "Kiev_", "`Kiev`__",
        "Heading Kiev\n============\n\n", "* “item\n", "#. 'teh\n",
        ":field Kiev: value “\n", '>>> print("Kiev")\n', "| line Kiev\n",
        ".. _Kiev: http://x/“teh”\n\n", "[#]_", ".. [#] Kiev note\n\n",
        "\\*", "*“emph*", "**'strong**",
    ),
}  # fmt: skip
#: A Word draft reaches the linter as a line a paragraph: plain text.
MIXED["docx"] = MIXED["plain"]

#: Glue between the pieces, so words meet as they do in prose.
_GLUE = (" ", " ", " ", ". ", ", ", "word ", "the ", "said ")


def mixed_fragments(fmt: str) -> st.SearchStrategy[str]:
    """One piece of a mixed-markup document in ``fmt``."""
    return st.one_of(
        st.sampled_from(QUOTES),
        st.sampled_from(NAMES),
        st.sampled_from(DEBRIS),
        st.sampled_from(SLIPS),
        st.sampled_from(MIXED[fmt]),
        st.sampled_from(BREAKS),
        st.sampled_from(INVISIBLE),
        st.sampled_from(_GLUE),
    )


def mixed_documents(fmt: str, max_fragments: int = 80) -> st.SearchStrategy[str]:
    """A dense mixed-markup document in ``fmt`` (``FORMATS`` or ``docx``)."""
    return st.lists(mixed_fragments(fmt), min_size=5, max_size=max_fragments).map(
        "".join
    )
