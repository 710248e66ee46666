"""Quote pairing next to masked markup: a masked span is an opaque word.

Each clean document is one that used to raise a false alarm because a quote
mark touched code, a tag, a role or a template tag; each defect document puts
a real quote defect beside the same markup, and it must still be found at its
exact place.
"""

from __future__ import annotations

import pytest

from copydesk.batch import lint_text
from copydesk.ruleset import Ruleset


def found(rs: Ruleset, text: str, path: str, fmt: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.rule) for f in lint_text(text, path, fmt, rs)]


CLEAN = [
    # reST: quotes around inline literals and roles, cut by a line break.
    (
        "rst",
        'Writing "``import *``" pulls in every name, and "``==``" compares.\n\n'
        'Since "``True``", "``False``" and ``None``\'s cousins are constants,\n'
        'we speak of "the behavior of\n:class:`.Session`", which is documented.\n',
    ),
    # Markdown: code spans, emphasis, links, escapes and apostrophes after code.
    (
        "markdown",
        'Run "`Get-Item`" first, then call it "**the loader**" or "_lazy_".\n\n'
        "The string 'in' is '**System.**' here; `hexlify()`'ed bytes stay short.\n\n"
        'Read "[the guide](https://example.org/guide)" and the wildcard "\\*".\n\n'
        '| key | value |\n|---|---|\n| url | "`tcp://host:1`" |\n',
    ),
    # Markdown: Hugo shortcodes with quoted attributes, on one or many lines.
    (
        "markdown",
        '{{< tabs "Local" "Cloud" >}}\n\n'
        'See {{< ref "setup.md" >}} and {{% alert title="Note" color="info" %}}.\n\n'
        '{{< figure src="a.png"\n    alt="A chart" caption="Sales, 2019" >}}\n\n'
        'Use {% include card.html k="v" %} or {{ site.title }} here.\n',
    ),
    # Shortcodes inside a link target and an HTML attribute.
    (
        "markdown",
        'Read “<a href="{{< ref "a.md" >}}">the recap</a>,” or '
        '“[the guide]({{< ref "/topics/b" >}}).”\n',
    ),
    # HTML: quotes around elements, escaped markup and split across elements.
    (
        "html",
        '<p>The <code>&lt;main aria-labelledby="<em>id1</em>"&gt;</code> form,\n'
        'and &lt;h1 <strong>id="<em>id1</em>"</strong>&gt; too.</p>\n'
        "<p>A value of &quot;<code>ascending</code>&quot; sorts up; a "
        '"<span lang="fr">mot</span>" is a word.</p>\n',
    ),
    # A quotation that introduces a list and closes in its last item.
    (
        "markdown",
        "The plan, she said, “has three goals:\n\n"
        "* faster permits;\n* fewer forms;\n* one office for all of it.”\n\n"
        "1. &#8220;Open the data;\n2. publish it weekly.&#8221;\n",
    ),
    # HTML entities for curly quotes in Markdown, touching links and tags.
    (
        "markdown",
        "&#8217;Twas late. She called it "
        "&#8220;[the plan](https://example.org/p)&#8221; and "
        "&#8220;<b>urgent</b>.&#8221; It&#8217;s done.\n",
    ),
]


@pytest.mark.parametrize(("fmt", "text"), CLEAN)
def test_quotes_touching_markup_pair(quotes: Ruleset, fmt: str, text: str) -> None:
    ext = {"rst": "rst", "markdown": "md", "html": "html"}[fmt]
    assert found(quotes, text, f"doc.{ext}", fmt) == []


def test_shortcode_text_stays_prose_and_pairs_on_its_own(quotes: Ruleset) -> None:
    text = (
        "He said “we stay.”\n\n"
        '{{< figure src="a.png" caption="The “old mill, 1901" >}}\n\n'
        '{{< figure src="b.png" alt="The “new” mill" >}}\n'
    )
    got = found(quotes, text, "doc.md", "markdown")
    assert got == [(3, 37, "quotes.Unclosed")]


DEFECTS = [
    # A quotation through a list that is never closed is still found.
    (
        "markdown",
        "He listed “three goals:\n\n* faster permits;\n* fewer forms.\n",
        [(1, 11, "quotes.Unclosed")],
    ),
    # A curly quote closed by a straight one, around a code span.
    ("markdown", 'Run “`Get-Item`" first.\n', [(1, 16, "quotes.Mixed")]),
    # An opener never closed, next to an inline literal.
    ("rst", 'Call "``open()`` and wait.\n', [(1, 6, "quotes.Unclosed")]),
    # A closer with no opener after an HTML element.
    (
        "html",
        '<p>Press <kbd>Enter</kbd>" to go on.</p>\n',
        [(1, 26, "quotes.Unmatched")],
    ),
    # A closer with no opener after a shortcode, in prose.
    (
        "markdown",
        'See {{< ref "a.md" >}}" for more.\n',
        [(1, 23, "quotes.Unmatched")],
    ),
    # Mixed entity forms: &#8220; closed by a straight quote after a link.
    (
        "markdown",
        'Our &#8220;[Mobile](https://example.org/m) page" grew.\n',
        [(1, 48, "quotes.Mixed")],
    ),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), DEFECTS)
def test_defects_next_to_markup_are_found(
    quotes: Ruleset, fmt: str, text: str, expected: list[tuple[int, int, str]]
) -> None:
    ext = {"rst": "rst", "markdown": "md", "html": "html"}[fmt]
    assert found(quotes, text, f"doc.{ext}", fmt) == expected


def test_a_wordpress_shortcode_left_in_a_hugo_post_is_prose(quotes: Ruleset) -> None:
    # Hugo does not run WordPress shortcodes: the page shows this line as
    # text, with the smart quotes WordPress put round its attribute values.
    text = (
        "Listen to the episode:\n\n"
        "[audio url=&#8221;https://example.org/a.mp3&#8243; "
        "autoplay=&#8221;no&#8221; /]\n"
    )
    assert found(quotes, text, "post.md", "markdown") == [
        (3, 12, "quotes.Unmatched"),
        (3, 61, "quotes.Unmatched"),
    ]
