"""Quote balance and web debris work per block, never across a code block.

A quotation that opens before a code block and "closes" after it is two
defects (an unclosed opener, an unmatched closer), never a pair; the same two
paragraphs without the code between them are one pair split over paragraphs.
A "Share" line is debris in a list and code inside a code block.
"""

from __future__ import annotations

import pytest

from copydesk.markup.html import parse_html

from .golden import COMMENTS, lint

OPEN = "He said “we will stay"
CLOSE = "until the spring,” she added."

ACROSS_CODE: dict[str, str] = {
    "markdown fence": f"{OPEN}\n\n```\nwait\n```\n\n{CLOSE}\n",
    "markdown fence, no blank lines": f"{OPEN}\n```\nwait\n```\n{CLOSE}\n",
    "markdown tilde fence": f"{OPEN}\n\n~~~ text\nwait\n~~~\n\n{CLOSE}\n",
    "markdown indented": f"{OPEN}\n\n    wait\n\n{CLOSE}\n",
    "markdown in a list item": f"- {OPEN}\n\n  ```\n  wait\n  ```\n\n  {CLOSE}\n",
    "html pre": f"<p>{OPEN}</p>\n<pre>wait</pre>\n<p>{CLOSE}</p>\n",
    "html script": f"<p>{OPEN}</p>\n<script>wait()</script>\n<p>{CLOSE}</p>\n",
    "rst literal block": f"{OPEN}::\n\n   wait\n\n{CLOSE}\n",
    "rst code-block": f"{OPEN}\n\n.. code-block:: text\n\n   wait\n\n{CLOSE}\n",
}
WITHOUT_CODE: dict[str, str] = {
    "markdown": f"{OPEN}\n\n{CLOSE}\n",
    "rst": f"{OPEN}\n\n{CLOSE}\n",
    "plain": f"{OPEN}\n\n{CLOSE}\n",
}


def _fmt(case: str) -> str:
    return case.split(maxsplit=1)[0]


def _quotes(text: str, fmt: str) -> list[tuple[str, int, str]]:
    return [
        (f.rule, f.line, f.match)
        for f in lint(text, fmt)
        if f.rule.startswith("quotes.")
    ]


@pytest.mark.parametrize("case", ACROSS_CODE)
def test_quote_is_never_paired_across_a_code_block(case: str) -> None:
    text = ACROSS_CODE[case]
    close_line = text[: text.index("”")].count("\n") + 1
    assert _quotes(text, _fmt(case)) == [
        ("quotes.Unclosed", 1, "“"),
        ("quotes.Unmatched", close_line, "”"),
    ]
    unclosed = next(f for f in lint(text, _fmt(case)) if f.rule == "quotes.Unclosed")
    assert "later paragraph" not in unclosed.message


@pytest.mark.parametrize("fmt", WITHOUT_CODE)
def test_without_the_code_block_the_quote_pairs_over_paragraphs(fmt: str) -> None:
    """The counterfactual: the same two paragraphs are one cross-paragraph pair."""
    found = [f for f in lint(WITHOUT_CODE[fmt], fmt) if f.rule.startswith("quotes.")]
    assert [(f.rule, f.line) for f in found] == [("quotes.Unclosed", 1)]
    assert "closed on line 3, in a later paragraph" in found[0].message


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("markdown", "He said “we will stay\n\n```\necho ”\n```\n"),
        ("markdown", "He said “we will stay `x ”` here.\n"),
        ("html", "<p>He said “we will stay</p>\n<pre>echo ”</pre>\n"),
        ("html", "<p>He said “we will stay <code>x ”</code> here.</p>\n"),
        ("rst", "He said “we will stay::\n\n   echo ”\n"),
        ("rst", "He said “we will stay ``x ”`` here.\n"),
    ],
)
def test_a_closer_inside_code_closes_nothing(fmt: str, text: str) -> None:
    assert _quotes(text, fmt) == [("quotes.Unclosed", 1, "“")]


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("markdown", "He said “run `ls -l` now,” and left.\n"),
        ("html", "<p>He said “run <code>ls -l</code> now,” and left.</p>\n"),
        ("html", "<p>Press “<kbd>Ctrl</kbd>+C” to copy.</p>\n"),
        ("html", "<p>It printed “<samp>done</samp>” twice.</p>\n"),
        ("rst", "He said “run ``ls -l`` now,” and left.\n"),
    ],
)
def test_inline_code_inside_a_quotation_does_not_split_it(fmt: str, text: str) -> None:
    """Inline code is masked but stays inside its paragraph (fixed in html.py)."""
    assert _quotes(text, fmt) == []


SHARE_IN_LIST: dict[str, str] = {
    "markdown": "Read the notes.\n\n- First point.\n- Share\n- Last point.\n",
    "html": "<p>Read the notes.</p>\n<ul>\n<li>First point.</li>\n<li>Share\n</li>\n"
    "<li>Last point.</li>\n</ul>\n",
    "rst": "Read the notes.\n\n* First point.\n* Share\n* Last point.\n",
}
SHARE_IN_CODE: dict[str, str] = {
    "markdown": "Read the notes.\n\n```\nShare\n```\n\n    Share\n\n"
    "- First point.\n- ```\n  Share\n  ```\n\nUse `Share` here.\n",
    "html": "<p>Read the notes.</p>\n<pre>\nShare\n</pre>\n<ul>\n<li><code>Share"
    "</code></li>\n</ul>\n<script>\nShare\n</script>\n",
    "rst": "Read the notes.\n\n::\n\n   Share\n\n* First point.\n* ``Share``\n\n"
    ".. code-block:: text\n\n   Share\n",
}


@pytest.mark.parametrize("fmt", SHARE_IN_LIST)
def test_share_line_in_a_list_is_debris(fmt: str) -> None:
    found = [(f.rule, f.line) for f in lint(SHARE_IN_LIST[fmt], fmt)]
    line = (
        SHARE_IN_LIST[fmt]
        .splitlines()
        .index(next(x for x in SHARE_IN_LIST[fmt].splitlines() if "Share" in x))
    )
    assert found == [("artifacts.Social", line + 1)]


@pytest.mark.parametrize("fmt", SHARE_IN_CODE)
def test_share_line_in_code_is_code(fmt: str) -> None:
    assert lint(SHARE_IN_CODE[fmt], fmt) == []


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_share_line_next_to_a_list_inside_a_block_quote(fmt: str) -> None:
    text = {
        "markdown": "> Notes.\n>\n> - Share\n>\n> ```\n> Share\n> ```\n",
        "html": "<blockquote><p>Notes.</p>\n<ul>\n<li>Share</li>\n</ul>\n"
        "<pre>Share</pre></blockquote>\n",
    }[fmt]
    assert [f.rule for f in lint(text, fmt)] == ["artifacts.Social"]


# -- reader fixes made while writing these tests -------------------------------


@pytest.mark.parametrize("declaration", ["<![0 x>", "<![ if>", "<![0"])
def test_malformed_marked_section_keeps_the_html_reader(declaration: str) -> None:
    """``<![0`` once raised in html.parser and sent the file to the fallback,
    which kept no directives: the suppression below was lost."""
    directive = COMMENTS["html"].format("copydesk: disable=names.Places")
    text = f"{directive}\n<p>Kiev {declaration}</p>\n<p>Odessa</p>\n"
    parsed = parse_html(text)
    assert len(parsed.directives) == 1
    assert parsed.prose.index("Odessa") == text.index("Odessa")
    assert lint(text, "html") == []


@pytest.mark.parametrize("fmt", ["markdown", "html", "rst", "plain"])
def test_ignore_file_with_rules_ignores_only_those_rules(fmt: str) -> None:
    """``ignore-file=quotes`` once ignored every rule (fixed in _directives.py)."""
    directive = COMMENTS[fmt].format("copydesk: ignore-file=quotes")
    body = "<p>Kiev said “hi.</p>" if fmt == "html" else "Kiev said “hi."
    text = f"{directive}\n\n{body}\n"
    assert [f.rule for f in lint(text, fmt)] == ["names.Places"]
    unknown = f"{COMMENTS[fmt].format('copydesk: ignore-file=quotez')}\n\n{body}\n"
    assert [f.rule for f in lint(unknown, fmt)] == [
        "copydesk.unknown-rule",
        "names.Places",
        "quotes.Unclosed",
    ]
