"""Pull quotes: a quotation over the paragraphs of one blockquote element.

A testimonial set in a blockquote opens its quotation in the first paragraph
and closes it in the last without reopening each paragraph: inside one
blockquote element that is the pull-quote convention, not a defect. Outside
one, or across two blockquote elements, a quotation over paragraphs still
needs reopening.
"""

from __future__ import annotations

import pytest

from copydesk.batch import lint_text
from copydesk.ruleset import Ruleset


def found(rs: Ruleset, text: str, fmt: str) -> list[tuple[int, int, str]]:
    path = {"markdown": "post.md", "html": "page.html"}[fmt]
    return [(f.line, f.col, f.rule) for f in lint_text(text, path, fmt, rs)]


PULL_QUOTES = [
    # HTML: one <blockquote>, a <p> per paragraph.
    (
        "html",
        "<p>Why did Rosa join?</p>\n<blockquote>\n"
        "<p>“I wanted my code to reach people who need it.</p>\n"
        "<p>Nothing else I tried came close.</p>\n"
        "<p>So here I am, three years on.” – Rosa</p>\n"
        "</blockquote>\n<p>Rosa leads the forms team.</p>\n",
    ),
    # Raw HTML in Markdown: the paragraphs are Markdown text in the element.
    (
        "markdown",
        "Why did Rosa join?\n\n"
        '<div class="pull">\n  <blockquote>\n'
        "  “I wanted my code to reach people who need it.\n\n"
        "  So here I am, three years on.” – Rosa\n"
        "  </blockquote>\n</div>\n",
    ),
    # Markdown block quote: the blank line between paragraphs keeps its '>'.
    (
        "markdown",
        "Why did Rosa join?\n\n"
        "> “I wanted my code to reach people who need it.\n>\n"
        '> My mentor called it "the long way round," and she was right.\n>\n'
        "> So here I am, three years on.” – Rosa\n\n"
        "Rosa leads the forms team.\n",
    ),
]


@pytest.mark.parametrize(("fmt", "text"), PULL_QUOTES)
def test_a_pull_quote_closes_in_its_blockquotes_last_paragraph(
    quotes: Ruleset, fmt: str, text: str
) -> None:
    assert found(quotes, text, fmt) == []


NOT_ONE_BLOCKQUOTE = [
    # Plain paragraphs: the quotation must be reopened.
    (
        "html",
        "<p>“I wanted my code to reach people who need it.</p>\n"
        "<p>So here I am, three years on.” – Rosa</p>\n",
        [(1, 4, "quotes.Unclosed")],
    ),
    (
        "markdown",
        "“I wanted my code to reach people who need it.\n\n"
        "So here I am, three years on.” – Rosa\n",
        [(1, 1, "quotes.Unclosed")],
    ),
    # Two blockquote elements.
    (
        "html",
        "<blockquote><p>“I wanted my code to reach people.</p></blockquote>\n"
        "<blockquote><p>So here I am, three years on.”</p></blockquote>\n",
        [(1, 16, "quotes.Unclosed")],
    ),
    # A blank line without '>' ends a Markdown block quote.
    (
        "markdown",
        "> “I wanted my code to reach people.\n\n> So here I am, three years on.”\n",
        [(1, 3, "quotes.Unclosed")],
    ),
    # A nested block quote is another element.
    (
        "markdown",
        "> “I wanted my code to reach people.\n>\n> > So here I am, three years on.”\n",
        [(1, 3, "quotes.Unclosed")],
    ),
    # Closed after the blockquote: the paragraph outside is no part of it.
    (
        "html",
        "<blockquote>\n<p>“I wanted my code to reach people.</p>\n</blockquote>\n"
        "<p>So here I am, three years on.”</p>\n",
        [(2, 4, "quotes.Unclosed")],
    ),
    # A pull quote never closed is still unclosed.
    (
        "markdown",
        "> “I wanted my code to reach people.\n>\n> So here I am, three years on.\n",
        [(1, 3, "quotes.Unclosed")],
    ),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), NOT_ONE_BLOCKQUOTE)
def test_a_quotation_outside_one_blockquote_still_needs_reopening(
    quotes: Ruleset, fmt: str, text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(quotes, text, fmt) == expected
