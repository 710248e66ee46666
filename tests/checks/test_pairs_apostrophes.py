"""Opening marks that cannot open, closers that cannot close, and arrows.

An opening ‘ touching a word or opaque markup on its left, or written for
elided letters after a space, is a miswritten apostrophe (or closer) in a
language whose ‘ only opens: one quotes.Stray, ’ as its suggestion, no fix.
An English apostrophe after a word that takes none is a stray. A “ after a
space followed only by closing punctuation closes the open quotation. A
paragraph continues a quotation only for an opener with nothing of its kind
closed after it. A lone guillemet in English is an arrow. A spaced straight
opener is one finding, or none at a source line's end. Each defect document
was missed (or reported twice) before; each clean one stays clean.
"""

from __future__ import annotations

import pytest

from copydesk.batch import lint_text
from copydesk.ruleset import Ruleset

EXT = {"rst": "rst", "markdown": "md", "html": "html", "plain": "txt"}


def found(
    rs: Ruleset, text: str, fmt: str, language: str = "en"
) -> list[tuple[int, int, str]]:
    findings = lint_text(text, f"doc.{EXT[fmt]}", fmt, rs, language=language)
    return [(f.line, f.col, f.rule) for f in findings]


DEFECTS = [
    # ‘ after a link, a tag, strong text: an apostrophe written as an opener.
    (
        "markdown",
        "The report drew on [the county board](https://example.org/board)"
        "&#8216;s minutes.\n\n"
        "  * **Longer harbour reports**&#8216; tables now load first.\n",
        [(1, 65, "quotes.Stray"), (3, 31, "quotes.Stray")],
    ),
    (
        "html",
        '<p>See the <a href="/ferry">Ferry Authority</a>‘s timetable and the '
        "river pilots‘ notes.</p>\n",
        [(1, 48, "quotes.Stray"), (1, 81, "quotes.Stray")],
    ),
    # Elided letters after a space: ’70s and ’Tis want the apostrophe.
    (
        "plain",
        "The mill closed in the ‘70s and reopened as a museum.\n\n"
        "‘Tis the season for harbour lights, the mayor wrote.\n",
        [(1, 24, "quotes.Stray"), (3, 1, "quotes.Stray")],
    ),
    (
        "markdown",
        "> &#8216;Tis the season for harbour lights.\n",
        [(1, 3, "quotes.Stray")],
    ),
    # An English apostrophe outside emphasis, after a word that takes none.
    (
        "rst",
        "The *cached*' values are dropped when the pool shuts down.\n",
        [(1, 13, "quotes.Stray")],
    ),
    # A closer written with the opening mark, after a space, before a comma.
    (
        "markdown",
        "**&#8220;status&#8221;: &#8220;Open for comment until May 2. &#8220;,**\n",
        [(1, 62, "quotes.Mixed")],
    ),
    # A quotation whose closer is missing before a second, closed one: the
    # next paragraph opening with “ does not continue it.
    (
        "plain",
        "“We will not wait for the ferry, the mayor said. “Nobody should.”\n\n"
        "“The council meets on Monday,” she added.\n",
        [(1, 1, "quotes.Unclosed")],
    ),
    # A misspaced straight opener on its line: one finding, not two.
    (
        "html",
        '<p>The form is filed under " Annual returns" in the portal.</p>\n',
        [(1, 28, "quotes.Stray")],
    ),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), DEFECTS)
def test_defect_found_once(
    quotes: Ruleset, fmt: str, text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(quotes, text, fmt) == expected


CLEAN = [
    # Apostrophes written right; a quoted letter; a quotation opening on an
    # elided word; the ʻokina; a nested quotation starting with ‘Tis.
    (
        "plain",
        "The county’s ferries ran until the ’70s. Press the ‘s’ key twice.\n\n"
        "She called it ‘round the clock’ work, in Hawai‘i and on Moloka‘i.\n\n"
        'He read "‘Tis the season" aloud.\n',
    ),
    # Closers that touch a word on the right are still closers.
    (
        "markdown",
        "The guide calls it a &#8216;[ferry pass](https://example.org/pass)"
        "&#8217; and the pilots&#8217; union agrees.\n",
    ),
    # Apostrophes after words that take one: plural possessives, a dropped g.
    (
        "rst",
        "The *Harbour Times*' reporters were nothin' if not thorough.\n",
    ),
    # The book convention: the continued quotation has no closer after it.
    (
        "plain",
        "“The first paragraph,” she said, “runs on without a closer.\n\n"
        "“The second one ends it.”\n",
    ),
    # Guillemets as arrows in English link text.
    (
        "markdown",
        "[**Read the full report »**](https://example.org/report)\n\n"
        "- [« Back to the index](https://example.org/)\n"
        "- [Next chapter ›](https://example.org/2)\n",
    ),
    # A straight opener at a line's end, closed after markup on the next line.
    (
        "html",
        '<ul>\n  <li>The forms that this office "\n'
        '      <strong>files each quarter</strong>" are listed below.</li>\n</ul>\n',
    ),
    # A closing quote touching a link's end tag.
    (
        "html",
        "<li><a href=\"/talk\">Talk: the 'what', not the 'how'</a></li>\n",
    ),
]


@pytest.mark.parametrize(("fmt", "text"), CLEAN)
def test_clean_stays_clean(quotes: Ruleset, fmt: str, text: str) -> None:
    assert found(quotes, text, fmt) == []


def test_guillemets_keep_their_meaning_where_they_quote(quotes: Ruleset) -> None:
    text = "Il a dit « nous restons et il est parti.\n"
    assert found(quotes, text, "plain", language="fr") == [(1, 10, "quotes.Unclosed")]
    text = "Er sagte »wir bleiben und ging.\n"
    assert found(quotes, text, "plain", language="de") == [(1, 10, "quotes.Unclosed")]


def test_german_closer_after_a_word_is_no_apostrophe(quotes: Ruleset) -> None:
    # ‘ closes ‚ in German; without an opener it is no English apostrophe.
    text = "Er nannte es ‚Hafenblick‘ und die Leute lachten.\n"
    assert found(quotes, text, "plain", language="de") == []


def test_stray_apostrophe_suggests_the_right_mark(quotes: Ruleset) -> None:
    text = "Read the ferry board‘s report.\n"
    (finding,) = lint_text(text, "doc.txt", "plain", quotes)
    assert finding.rule == "quotes.Stray"
    assert finding.suggestions == ("’",)
    assert finding.fix is None
    assert "’" in finding.message
