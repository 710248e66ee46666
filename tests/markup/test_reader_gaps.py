"""Reader gaps found on real documentation trees, each with its own document.

Code held in paired template tags, attribute lists, reST literal blocks that
docutils places at their end, and the text of raw HTML blocks in Markdown.
Every test here failed before its mechanism existed.
"""

from __future__ import annotations

from functools import cache

from copydesk.batch import lint_text
from copydesk.document import Block
from copydesk.markup._mask import code_regions
from copydesk.markup.html import parse_html
from copydesk.markup.markdown import parse_markdown
from copydesk.markup.rst import parse_rst
from copydesk.ruleset import Ruleset, load_ruleset

from .helpers import assert_masked, assert_shown, check_invariants


@cache
def _ruleset() -> Ruleset:
    return load_ruleset()


def findings(text: str, fmt: str) -> list[tuple[int, int, str]]:
    """(line, column, rule) of the default packs' findings, as the CLI finds them."""
    return [(f.line, f.col, f.rule) for f in lint_text(text, "doc", fmt, _ruleset())]


def block_texts(text: str, blocks: tuple[Block, ...]) -> list[tuple[str, str]]:
    """Each block's source text and kind."""
    return [(text[b.start : b.end], b.kind) for b in blocks]


# -- 1. paired template tags that hold code -----------------------------------

SHORTCODES = """\
Set the delimiters in your site configuration:

{{< code-toggle file=hugo >}}
[markup.goldmark.extensions.passthrough.delimiters]
block = [['\\[', '\\]']]

title = 'Bob's "site'
{{< /code-toggle >}}

Then print it with {{< hl >}}fmt.Printf("%q", s){{< /hl >}} in a template.

{{< highlight go "linenos=true" >}}
func main() {
	fmt.Println("it's done)
}
{{< /highlight >}}

{{% codetab %}}
Tabs hold prose, and "quotes" in it.
{{% /codetab %}}
"""


def test_code_shortcode_bodies_are_masked_like_fenced_code() -> None:
    parsed = parse_markdown(SHORTCODES)
    check_invariants(SHORTCODES, parsed)
    prose = parsed.prose
    for code in (
        "[markup.goldmark.extensions.passthrough.delimiters]",
        "block = [['\\[', '\\]']]",
        "title = 'Bob's \"site'",
        'fmt.Printf("%q", s)',
        "fmt.Println(\"it's done)",
        "func main() {",
        "{{< code-toggle file=hugo >}}",
        "{{< /highlight >}}",
    ):
        assert_masked(SHORTCODES, prose, code)
    for text in (
        "Set the delimiters in your site configuration:",
        "Then print it with",
        "in a template.",
        'Tabs hold prose, and "quotes" in it.',  # codetab: a Markdown body
    ):
        assert_shown(SHORTCODES, prose, text)
    # no block reaches into a code body over lines; one within a line is a
    # code span, inside its paragraph
    bodies = code_regions(SHORTCODES)
    assert [SHORTCODES[a:b].count("\n") for a, b in bodies] == [5, 0, 4]
    for block in parsed.blocks:
        for start, end in bodies[::2]:
            assert block.end <= start or block.start >= end, (block, start)
    inline = bodies[1]
    assert [
        b.kind for b in parsed.blocks if b.start < inline[0] and b.end > inline[1]
    ] == ["paragraph"]


def test_code_shortcode_findings() -> None:
    text = SHORTCODES + '\nA "real defect after the code.\n'
    assert findings(text, "markdown") == [(22, 3, "quotes.Unclosed")]


def test_code_shortcode_inside_a_list_item() -> None:
    text = (
        "1. Enable the extension:\n"
        "\n"
        "   {{< code-toggle file=hugo >}}\n"
        "   inline = [['\\(', '\\)']]\n"
        "   {{< /code-toggle >}}\n"
        "\n"
        "   The setting above turns it on.\n"
    )
    parsed = parse_markdown(text)
    assert_masked(text, parsed.prose, "inline = [['\\(', '\\)']]")
    assert block_texts(text, parsed.blocks) == [
        ("Enable the extension:", "list"),
        ("{{< code-toggle file=hugo >}}", "list"),
        ("{{< /code-toggle >}}", "list"),
        ("The setting above turns it on.", "list"),
    ]
    assert findings(text, "markdown") == []


def test_liquid_highlight_and_raw_bodies_are_masked() -> None:
    text = (
        "Render the list:\n"
        "\n"
        "{% highlight liquid %}\n"
        "{% for post in site.posts %}'{{ post.title }}{% endfor %}\n"
        "{% endhighlight %}\n"
        "\n"
        "Write {% raw %}{{ name }}'s{% endraw %} where the name goes.\n"
    )
    parsed = parse_markdown(text)
    check_invariants(text, parsed)
    assert_masked(text, parsed.prose, "{% for post in site.posts %}'{{ post.title }}")
    assert_masked(text, parsed.prose, "{{ name }}'s")
    assert_shown(text, parsed.prose, "where the name goes.")
    assert findings(text, "markdown") == []


def test_code_regions_need_a_code_name_and_a_closing_tag() -> None:
    text = (
        "{{< note >}}a{{< /note >}} {{< highlight go >}}b "
        "{{< code file='x' />}}c{{< /code >}} {{< codeblock >}}d{{< /codeblock >}}"
        "{{</* highlight */>}}e{{</* /highlight */>}} {% comment %}f{% endcomment %}"
        " {{% example-code %}}g{{% /example-code %}} {{< highlight sh >}}"
    )
    # note: not code; the first highlight and the last never close; a
    # self-closing code tag opens nothing; an escaped example is not a tag
    assert [text[a:b] for a, b in code_regions(text)] == ["d", "f", "g"]


def test_code_shortcodes_in_an_html_page() -> None:
    text = (
        "<p>Run it:</p>\n"
        "{% highlight shell %}\n"
        "<b>echo \"it's</b>\n"
        "{% endhighlight %}\n"
        "<p>Done.</p>\n"
    )
    parsed = parse_html(text)
    check_invariants(text, parsed)
    assert_masked(text, parsed.prose, "echo \"it's")
    assert block_texts(text, parsed.blocks) == [
        ("Run it:", "paragraph"),
        ("{% highlight shell %}", "paragraph"),
        ("{% endhighlight %}", "paragraph"),
        ("Done.", "paragraph"),
    ]


# -- 2. attribute lists --------------------------------------------------------

ATTRIBUTES = """\
## Render hooks {#render-hooks}

> [!WARNING]
> Turn this off before you deploy.
{class="!mt-6"}

| Option | Default |
|--------|---------|
| `safe` | false   |
{.table-narrow}

{{% include "options.md" %}}{class='mt-0'}

Use the {.note} class for asides; a set is written {a, b}.
Then write {: #custom-anchor data-x=1}

First published on [the team blog](https://example.org/b){.post-link.external}, then
*syndicated*{: .muted} widely.

### Flow charts {#flow-charts} {{< figure src="flow.png" >}}
"""


def test_attribute_lists_are_masked() -> None:
    parsed = parse_markdown(ATTRIBUTES)
    check_invariants(ATTRIBUTES, parsed)
    prose = parsed.prose
    for markup in (
        "{#render-hooks}",
        '{class="!mt-6"}',
        "{.table-narrow}",
        "{class='mt-0'}",
        "{: #custom-anchor data-x=1}",
        "{.post-link.external}",
        "{: .muted}",
        "{#flow-charts}",
    ):
        assert_masked(ATTRIBUTES, prose, markup)
    for text in (
        "Render hooks",
        "Turn this off before you deploy.",
        "Use the {.note} class for asides; a set is written {a, b}.",
        "Then write",
        ", then",
        "widely.",
        "Flow charts",
    ):
        assert_shown(ATTRIBUTES, prose, text)
    assert ("Turn this off before you deploy.", "blockquote") in block_texts(
        ATTRIBUTES, parsed.blocks
    )
    assert findings(ATTRIBUTES, "markdown") == []


# -- 3. reST literal blocks -------------------------------------------------------

TWO_BLOCKS = """\
Declare the build backend:

.. code-block:: toml

   [build-system]
   requires = ["flit_core"]
   build-backend = "flit_core.buildapi"

Keys are case sensitive, so "Requires" is not the same key.

.. code-block:: toml

   [build-system]
   requires = ["hatchling"]

A "stray quote in this closing paragraph.
"""


def test_literal_blocks_that_share_a_first_line() -> None:
    parsed = parse_rst(TWO_BLOCKS)
    check_invariants(TWO_BLOCKS, parsed)
    prose = parsed.prose
    assert_shown(TWO_BLOCKS, prose, 'Keys are case sensitive, so "Requires" is not')
    assert_shown(TWO_BLOCKS, prose, 'A "stray quote in this closing paragraph.')
    assert_masked(TWO_BLOCKS, prose, "[build-system]", 0)
    assert_masked(TWO_BLOCKS, prose, 'build-backend = "flit_core.buildapi"')
    assert_masked(TWO_BLOCKS, prose, "[build-system]", 1)
    assert_masked(TWO_BLOCKS, prose, 'requires = ["hatchling"]')
    assert block_texts(TWO_BLOCKS, parsed.blocks) == [
        ("Declare the build backend:", "paragraph"),
        ('Keys are case sensitive, so "Requires" is not the same key.', "paragraph"),
        ('A "stray quote in this closing paragraph.', "paragraph"),
    ]
    assert findings(TWO_BLOCKS, "rst") == [(16, 3, "quotes.Unclosed")]


def test_literal_block_words_are_not_taken_from_the_prose_after_it() -> None:
    text = (
        "Check the environment:\n"
        "\n"
        ".. code:: sh\n"
        "\n"
        "   pip list\n"
        "   pip check\n"
        "   pip freeze\n"
        "\n"
        "Run pip list again after an upgrade.\n"
    )
    parsed = parse_rst(text)
    assert_shown(text, parsed.prose, "Run pip list again after an upgrade.")
    assert_masked(text, parsed.prose, "pip list", 0)
    assert_masked(text, parsed.prose, "pip freeze")


# -- 4. raw HTML blocks in Markdown ------------------------------------------------

PULL_QUOTE = """\
<div class="pull-quote">
  <img src="ana.jpg" alt='Ana at the "launch'>
  <blockquote>
  “I came for the mission. I stayed for the team.
  </blockquote>
</div>
"""


def test_raw_html_block_text_is_prose() -> None:
    parsed = parse_markdown(PULL_QUOTE)
    check_invariants(PULL_QUOTE, parsed)
    assert block_texts(PULL_QUOTE, parsed.blocks) == [
        ('Ana at the "launch', "alt"),
        ("“I came for the mission. I stayed for the team.", "blockquote"),
    ]
    for markup in ('<div class="pull-quote">', 'src="ana.jpg"', "<blockquote>"):
        assert_masked(PULL_QUOTE, parsed.prose, markup)
    assert findings(PULL_QUOTE, "markdown") == [
        (2, 38, "quotes.Unclosed"),
        (4, 3, "quotes.Unclosed"),
    ]


def test_quotation_over_paragraphs_in_raw_html_pairs_as_in_markdown() -> None:
    html = (
        '<div class="pull-quote">\n'
        "  <blockquote>\n"
        "  “We shipped the first form in a week. Nobody believed us.\n"
        "\n"
        "  Then we shipped ten more.” - Ana\n"
        "  </blockquote>\n"
        "</div>\n"
    )
    markdown = html.replace('<div class="pull-quote">\n  <blockquote>\n', "\n\n")
    markdown = markdown.replace("  </blockquote>\n</div>\n", "")
    # In plain paragraphs the quotation must be reopened; inside one
    # blockquote element it is a pull quote, closed in its last paragraph.
    assert findings(markdown, "markdown") == [(3, 3, "quotes.Unclosed")]
    assert findings(html, "markdown") == []


def test_raw_html_block_keeps_code_masked_and_container_markers() -> None:
    text = (
        "> <div>\n"
        '> Press <kbd>"</kbd> to quote, then "done".\n'
        "> <pre>x = 'it\n"
        "> </pre>\n"
        "> </div>\n"
        "\n"
        '<script>var s = "it\'s";</script>\n'
        '<p>See <a href="{{< ref "guide.md" >}}">the guide</a>.</p>\n'
    )
    parsed = parse_markdown(text)
    check_invariants(text, parsed)
    assert block_texts(text, parsed.blocks) == [
        ('Press <kbd>"</kbd> to quote, then "done".', "blockquote"),
        ('See <a href="{{< ref "guide.md" >}}">the guide</a>.', "paragraph"),
    ]
    for markup in ("> <div>", '<kbd>"</kbd>', "x = 'it", "var s", '">'):
        assert_masked(text, parsed.prose, markup)
    assert_shown(text, parsed.prose, 'to quote, then "done".')
    assert_shown(text, parsed.prose, "the guide")
    assert findings(text, "markdown") == []


# -- HTML reader: tags in attributes, line breaks ---------------------------------


def test_html_template_tag_inside_an_attribute_leaks_nothing() -> None:
    text = '<p>Read <a href="{{< ref "style.md" >}}">the "style" guide</a>.</p>\n'
    parsed = parse_html(text)
    assert parsed.prose == (
        "   Read " + " " * 33 + 'the "style" guide' + " " * 4 + "." + " " * 4 + "\n"
    )
    assert findings(text, "html") == []


def test_html_line_break_does_not_end_a_paragraph() -> None:
    text = (
        "<blockquote><p>“Ship small,<br>\n"
        "ship often.” – the team<br><br>\n"
        "Next line</p></blockquote>\n"
    )
    parsed = parse_html(text)
    assert block_texts(text, parsed.blocks) == [
        ("“Ship small,<br>\nship often.” – the team", "blockquote"),
        ("Next line", "blockquote"),
    ]
    assert findings(text, "html") == []


def test_template_tag_over_lines_keeps_an_indented_fence_open() -> None:
    text = (
        "1. List the modules:\n"
        "\n"
        "   ```yaml\n"
        "   exporters:\n"
        "     - gomod: example.org/debug {{%\n"
        "       version-of debug %}}\n"
        "     - gomod: example.org/it's\n"
        "   ```\n"
        "\n"
        "   Then build it.\n"
    )
    parsed = parse_markdown(text)
    check_invariants(text, parsed)
    assert_masked(text, parsed.prose, "- gomod: example.org/it's")
    assert_masked(text, parsed.prose, "version-of debug %}}")
    assert block_texts(text, parsed.blocks) == [
        ("List the modules:", "list"),
        ("Then build it.", "list"),
    ]


def test_literal_block_followed_by_blank_lines() -> None:
    # docutils reports the line where the next paragraph starts
    text = (
        "Flush the session:\n"
        "\n"
        ".. code:: pycon\n"
        "\n"
        "    >>> session.flush()\n"
        "    INSERT INTO account (name) VALUES (?)\n"
        "    ('squid',)\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "Above, the flush emitted one INSERT.\n"
        "\n"
        ".. code:: pycon\n"
        "\n"
        "    >>> session.commit()\n"
    )
    parsed = parse_rst(text)
    assert_shown(text, parsed.prose, "Above, the flush emitted one INSERT.")
    assert_masked(text, parsed.prose, "INSERT INTO account")
    assert_masked(text, parsed.prose, ">>> session.commit()")


def test_role_with_generated_text_does_not_move_the_cursor_ahead() -> None:
    # :pep:`8` reads "PEP 8": its words must not be looked for in the source
    text = (
        "Template strings arrive with :pep:`750`.\n"
        'This makes "safe" interpolation the default.\n'
        "\n"
        "See `PEP 750 <https://peps.example.org/750/>`_ - Template Strings.\n"
    )
    parsed = parse_rst(text)
    assert_shown(text, parsed.prose, 'This makes "safe" interpolation the default.')
    assert_masked(text, parsed.prose, ":pep:`750`")
    assert_shown(text, parsed.prose, "PEP 750")


def test_system_message_line_does_not_move_the_cursor_ahead() -> None:
    # a link named like the section title: docutils notes the duplicate name
    # with the link's line, before the paragraph that holds it
    text = (
        "setup.py\n"
        "~~~~~~~~\n"
        "\n"
        "The most important file is the setup script.\n"
        "It sits at the root of the project and names\n"
        "the package, its version and what it needs\n"
        "to build, as the next section explains.\n"
        "See the `setup.py\n"
        "<https://example.org/setup.py>`_ of the sample project.\n"
    )
    parsed = parse_rst(text)
    assert_shown(text, parsed.prose, "The most important file is the setup script.")
    assert_shown(text, parsed.prose, "It sits at the root of the project")


def test_escaped_characters_in_a_title() -> None:
    text = (
        "in\\_ Function Accepts a Sequence\n"
        "--------------------------------\n"
        "\n"
        "The in\\_ function now takes a sequence::\n"
        "\n"
        "    table.c.id.in_(1, 2, 3)\n"
    )
    parsed = parse_rst(text)
    assert_shown(text, parsed.prose, "Function Accepts a Sequence")
    assert_shown(text, parsed.prose, "function now takes a sequence")
    assert [b.kind for b in parsed.blocks] == ["heading", "paragraph"]
