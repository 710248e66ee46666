"""Mends from the held-out trees' false findings, session of 2026-12-05 (s).

Each document is our own, written with the shape a real tree showed, and
linted with the shipped packs as ``copydesk check`` lints it.
"""

from __future__ import annotations

from tests.shipped_packs import found

OPTIONS_PAGE = """\
<html><body>
<h3>Windows '9X, NT and XP</h3>
<table>
<tr><td>image <var>compose x,y width,height 'filename'</var></td></tr>
<tr><td>offset <sub>'x'</sub> and <sup>'y'</sup> in pixels</td></tr>
</table>
<p>Resize with the form &quot;<kbd>640x480&gt;&quot;</kbd> to shrink only.</p>
<p>Set it to &quot;</span><code class="pref">browser.enabled&quot;</code>.</p>
<p>A quote "<code>left</code> open here is reported.</p>
<p>Also 'one <var>more</var> left open.</p>
<p>Replace the &quot;<code>&quot;</code>&quot; character by <code>&amp;quot;</code>.</p>
</body></html>
"""


def test_quotes_around_html_inline_elements_pair_as_the_page_shows_them() -> None:
    # '9X elides a century's digits; the quotes inside <var>, <sub> and
    # <sup> are shown text, looked through; a closer that ends the <kbd>
    # or <code> element right after its opener closes it, unless a closer
    # follows the element (the code is the quoted mark itself). Openers
    # left open around code, or with shown text after them, are reported.
    assert found(OPTIONS_PAGE, "options.html", "quotes") == [
        (9, 12, "quotes.Unclosed"),
        (10, 9, "quotes.Unclosed"),
    ]


GUIDE = """\
# Preferences

Set the key to "`extensions.enabled"` in the file.

But "`left` open" is closed later, and "`this one` is not.
"""


def test_a_markdown_code_span_may_hold_the_closing_mark() -> None:
    assert found(GUIDE, "guide.md", "quotes") == [(5, 40, "quotes.Unclosed")]


JEKYLL_PAGE = """\
---
title: 'Chapter 5: Let''s build an extension'
summary: "a "draft" note
---
<h1>Chapter 5</h1>
<p>Let's build an extension. It says "hello.</p>
"""


def test_an_html_page_s_front_matter_is_not_prose() -> None:
    # Jekyll and the MDN archive keep YAML front matter in HTML pages too:
    # its quoting ('' escapes a quote in a single-quoted scalar) is YAML's.
    assert found(JEKYLL_PAGE, "chapter.html", "quotes") == [(6, 38, "quotes.Unclosed")]


MDX_GUIDE = """\
# Install the adapter

Install the adapter and its peers:

<PackageManagerTabs>
  <Fragment slot="npm">
  ```sh
  npm install svelte typescript javascript-kit
  ```
  </Fragment>
</PackageManagerTabs>

Push the result to Github when the build passes.
"""


def test_fenced_code_nested_in_a_component_is_code() -> None:
    # CommonMark reads the component as one raw HTML block; the fence in it
    # is code all the same, its package names no product names.
    assert found(MDX_GUIDE, "install.mdx", "variants") == [
        (13, 20, "variants.Capitals")
    ]


LANGUAGES_PAGE = """\
<html lang="en"><body>
<p>Gender changes the adjective:</p>
<div class="example">
  <p lang="es">La enferma Julia está lista.</p>
</div>
<p>The French <span lang="fr">merci bien</span> is polite; a documnet is not.</p>
<p data-lang="es">Set the paramter before you start the server.</p>
</body></html>
"""


def test_markup_that_declares_another_language_is_not_spelled_as_english() -> None:
    # The Spanish example is too short for its words to tell its language;
    # its lang attribute says it. The English slip after it is reported.
    # A data-lang attribute is a script's setting, not the element's language:
    # the slip in its English text is reported.
    assert found(LANGUAGES_PAGE, "gender.html", "typos") == [
        (6, 62, "typos.Unknown"),
        (7, 27, "typos.Unknown"),
    ]


GLOSSED = """\
The interview with Olena Shevchenko (Ševčenko) ran long.

Later Olena Shevchenko said the talks would resume.
"""


def test_a_spelling_glossed_in_brackets_is_meant() -> None:
    assert found(GLOSSED, "interview.md", "variants") == []
    unglossed = GLOSSED.replace(" (Ševčenko)", "").replace(
        "Later Olena Shevchenko", "Later Olena Ševčenko"
    )
    assert found(unglossed, "interview.md", "variants") == [(3, 13, "variants.Names")]


UNCLOSED_CODE = """\
<html><body>
<p>Sort with <code>-define sort-order=<var>increasing</var> to set the order.</p>
<p>You can keep objects identified by there color.</p>
<ul><li>Use <kbd>Ctrl</kbd> and look for a equivalent key.</li></ul>
</body></html>
"""


def test_inline_code_left_open_ends_with_its_paragraph() -> None:
    # The <code> on line 2 lost its end tag; the paragraphs after it are
    # prose, and their slips are reported.
    assert found(UNCLOSED_CODE, "options.html", "typos") == [
        (3, 39, "typos.RealWords"),
        (4, 42, "typos.Articles"),
    ]
