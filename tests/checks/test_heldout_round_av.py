"""Mends for what round av of held-out trees (``bench/labels/
heldout-2026-12-06u.md``: Mastodon's Hugo docs, QuTiP's Sphinx docs,
PHYLIP's HTML manual, Open States' blog) showed, each on a document of
our own."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from tests.shipped_packs import lint

from copydesk.checks.repetition import neighbour_words
from copydesk.fix import apply_edits


def _repeats(text: str, name: str) -> list[tuple[int, int, str, str | None]]:
    return [
        (f.line, f.col, f.match, f.fix.applicability.value if f.fix else None)
        for f in lint(text, name, "style")
        if f.rule == "style.Repetition"
    ]


def test_a_word_doubled_across_a_wrapped_line_break() -> None:
    text = (
        "# Setup\n\n"
        "The installer computes the\nthe checksum of every file it writes, then\n"
        "then it stops.\n\n"
        "> The archive keeps a\n> a copy of each release.\n\n"
        "| step | the |\n|------|-----|\n| the  | run |\n\n"
        "Keep the\n\nthe rest.\n\n"
        "It said that\nthat value was wrong, a Duran\nDuran song.\n"
    )
    assert _repeats(text, "guide.md") == [
        (3, 24, "the\nthe", "unsafe"),  # "computes" may be a noun's plural
        (4, 39, "then\nthen", "unsafe"),
        (7, 21, "a\n> a", "unsafe"),  # "keeps" too (round ay: "generated a a")
    ]
    found = [f for f in lint(text, "guide.md", "style") if f.line == 7]
    assert found[0].fix is not None
    # The first word goes, with its space: the next line keeps its start.
    fixed = apply_edits(text, found[0].fix.edits)[0]
    assert "> The archive keeps\n> a copy" in fixed


def test_across_line_breaks_in_rest_html_and_wrapped_plain_text() -> None:
    rest = (
        "Notes\n=====\n\n- The solver diagonalizes the\n"
        "  the system before it integrates for\n  for multimode fields.\n"
    )
    assert _repeats(rest, "notes.rst") == [
        (4, 27, "the\n  the", "unsafe"),
        (5, 35, "for\n  for", "unsafe"),
    ]
    page = (
        "<h2>Install the</h2>\n"
        "<p>the tool is new. It computes the\nthe likelihood of each tree.</p>\n"
    )
    assert _repeats(page, "page.html") == [(2, 33, "the\nthe", "safe")]
    wrapped = (
        "The committee met on Monday to review the budget for the coming\n"
        "year, and the members agreed that the new funds would go to the\n"
        "the library, which had waited for repairs since the storm of the\n"
        "previous winter, and to the school, whose roof still leaked after\n"
        "every heavy rain in the valley.\n"
    )
    assert _repeats(wrapped, "minutes.txt") == [(2, 61, "the\nthe", "safe")]
    # A plain text of one paragraph a line may hold records; a list of
    # words a line holds no sentence.
    records = (
        "The committee met on Monday and sent the budget to the\n"
        "the library that night.\nA second line.\n"
    )
    assert _repeats(records, "short.txt") == []
    assert _repeats("apple\napple\npear\nthe\nthe\n", "words.txt") == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["the", "a", "The", "it's", "co-op", "x", "ä"]),
            st.sampled_from([" ", "\n", "\r\n", " \n ", "\n\n", ", ", "\n> "]),
        ),
        max_size=12,
    )
)
def test_the_candidates_hold_every_word_doubled_across_one_break(
    parts: list[tuple[str, str]],
) -> None:
    """Every lower-case word that ends a line and opens the next (spaces
    aside) is among the candidates read in C."""
    text = "".join(word + gap for word, gap in parts)
    doubled = re.compile(r"(?<![\w'’-])([\w'’-]+)[ \t]*\r?\n[ \t]*\1(?![\w'’-])")
    expected = {m.group(1) for m in doubled.finditer(text) if m.group(1).islower()}
    assert expected <= neighbour_words(text)[1]


def test_a_quotation_trailing_off_is_finished_by_each_paragraph_after() -> None:
    faq = (
        "<h3>\"Why didn't you ...</h3>\n<dl>\n"
        '<dt><strong>... write the programs in Java?"</strong>\n'
        "<dd>We might, one day.\n"
        '<dt><strong>... port it to Pascal?"</strong>\n<dd>No.\n</dl>\n'
        '<p>He said the tool was done."</p>\n'
    )
    found = [(f.rule, f.line, f.col) for f in lint(faq, "faq.html", "quotes")]
    assert found == [("quotes.Unmatched", 8, 30)]
    markdown = (
        '## "Why not ...\n\n... use a bigger cache?" is asked often.\n\n'
        'She wrote "the end of it\n\nand left.\n'
    )
    found = [(f.rule, f.line, f.col) for f in lint(markdown, "faq.md", "quotes")]
    assert found == [("quotes.Unclosed", 5, 11)]


def test_a_capital_letter_after_a_determiner_across_a_line_break() -> None:
    text = "Run it without the\nA option, or see Appendix A\na LLM summary.\n"
    found = [
        (f.rule, f.line, f.col, f.suggestions) for f in lint(text, "o.md", "typos")
    ]
    assert found == [("typos.Articles", 3, 1, ("an",))]


def test_an_article_before_another_each_every_or_any() -> None:
    text = (
        "Ask a another question, a each time, a every day or a any key.\n"
        "The a file of commands must end in .bat. The A key, the a priori case.\n"
    )
    found = [
        (f.rule, f.col, f.match, f.suggestions) for f in lint(text, "a.md", "typos")
    ]
    assert found == [
        ("typos.TwoArticles", 5, "a another", ("another",)),
        ("typos.TwoArticles", 25, "a each", ("each",)),
        ("typos.TwoArticles", 38, "a every", ("every",)),
        ("typos.TwoArticles", 53, "a any", ("any",)),
        ("typos.TwoArticles", 1, "The a", ("A",)),
    ]


def test_a_doubled_the_after_a_word_that_may_be_a_noun_is_no_safe_fix() -> None:
    text = (
        "It was sent in response the the menu, in the old format used the the"
        " U.S. office.\nBy comparing the the two trees we learn. Now, deploy the"
        " the app. We met the the mayor. The council approved the the plan.\n"
    )
    assert _repeats(text, "the.md") == [
        (1, 25, "the the", "unsafe"),
        (1, 62, "the the", "unsafe"),
        (2, 14, "the the", "safe"),
        (2, 54, "the the", "safe"),
        (2, 74, "the the", "safe"),
        (2, 110, "the the", "safe"),
    ]


def test_on_a_tie_the_text_outweighs_an_images_alt_text() -> None:
    page = (
        '<p><b><a href="drawgram.html">Drawgram</a></b></p>\n'
        '<img src="images/DrawGramControls.png" alt="DrawGram Main Control Screen"/>\n'
        "<p>Close the window when done.</p>\n"
    )
    found = [
        (f.line, f.col, f.match, f.suggestions)
        for f in lint(page, "j.html", "variants")
    ]
    assert found == [(2, 45, "DrawGram", ("Drawgram",))]
    # Without an alt text, the tie still goes to the inner capital.
    text = "<p>Open Drawgram first.</p>\n<p>Then close DrawGram.</p>\n"
    lines = [(f.line, f.match) for f in lint(text, "k.html", "variants")]
    assert lines == [(1, "Drawgram")]


def test_its_before_a_noun_and_its_verb() -> None:
    text = (
        "It's implementation is close to the old one, and it's ID will change.\n"
        "Where it's stored must match. The moment it's created will pass."
        " It's what is needed. It's a must. The code it's testing is old."
        " When it's appropriate are key. Training, it's it can take months.\n"
    )
    found = [(f.line, f.col, f.suggestions) for f in lint(text, "its.md", "typos")]
    assert found == [(1, 1, ("Its",)), (1, 50, ("its",))]
