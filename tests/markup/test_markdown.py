from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.document import FILLER
from copydesk.markup import markdown
from copydesk.markup.markdown import parse_markdown, read
from copydesk.utf8 import byte_to_char

from .helpers import DOCUMENTS, assert_masked, assert_shown, check_invariants

FRAGMENTS = [
    "*",
    "_",
    "`",
    "```",
    "~~~",
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "<",
    ">",
    "> ",
    "- ",
    "1. ",
    "# ",
    "|",
    "---",
    "+++",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "    ",
    "\t",
    "<!--",
    "-->",
    "<!-- copydesk: disable -->",
    "<div>",
    "</div>",
    "&amp;",
    "&eacute;",
    "&#",
    "&#x27;",
    ";",
    "\\",
    "\x00",
    "é",
    "😀",
    "中",
    "http://x.y",
    "[^1]",
    "[^1]: ",
    "[a]: /u",
    "{#id}",
    "[!NOTE]",
    "[ ] ",
]
markdownish = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60
).map("".join)


def test_golden_document() -> None:
    text = (DOCUMENTS / "guide.md").read_text(encoding="utf-8")
    parsed = read(text)
    check_invariants(text, parsed)
    prose = parsed.prose
    shown = [
        "Covering the Kyiv summit",
        '"productive"',
        "publish",
        "full briefing",
        "Kiev in quotes",
        "Confirm every quote with the speaker",
        '"Never guess a name," said the desk chief.',
        "Call the press office",
        "capital of Ukraine",
        'A crowd in Kyiv\'s "Independence Square"',
        "Curly “quotes” stay",
        "Footnote text about the summit.",
        "Share this Kiev story",  # raw HTML: its text is prose, its tags not
    ]
    for phrase in shown:
        assert_shown(text, prose, phrase)
    masked = [
        ("title:", 0),
        ("Kiev Desk", 0),
        ("{#summit}", 0),
        ("https://example.com/kiev-briefing", 0),
        ('"Kiev briefing"', 0),
        ("https://example.com/kiev-live", 0),
        ("copydesk: disable", 0),
        ("check --names Kiev", 0),
        ('print("an unbalanced quote in code)', 0),
        ("indented code with Kiev inside", 0),
        ("e-mail", 0),
        ("images/kiev-square.jpg", 0),
        ('<div class="share">', 0),
        ("</div>", 0),
        ("[^1]", 0),
        ("https://example.com/kiev-ref", 0),
        ("# ", 0),
        ("- ", 0),
        ("1. ", 0),
        ("> ", 0),
    ]
    for phrase, nth in masked:
        assert_masked(text, prose, phrase, nth)
    start = text.index("L&eacute;vy")
    assert prose[start : start + 11] == "Lé" + FILLER * 7 + "vy"
    amp = text.index("&amp;")
    assert prose[amp : amp + 5] == "&" + FILLER * 4
    assert [(d.action, d.rules) for d in parsed.directives] == [
        ("disable", ("names.Kyiv",)),
        ("enable", ("names.Kyiv",)),
    ]
    assert [d.line for d in parsed.directives] == [12, 14]


def test_golden_blocks() -> None:
    text = (DOCUMENTS / "guide.md").read_text(encoding="utf-8")
    blocks = read(text).blocks
    by_text = {text[b.start : b.end]: b.kind for b in blocks}
    assert by_text["Covering the Kyiv summit"] == "heading"
    assert by_text["Call the press office"] == "list"
    assert by_text['"Never guess a name," said the desk chief.'] == "blockquote"
    assert by_text["capital of Ukraine"] == "table"
    assert by_text['A crowd in Kyiv\'s "Independence Square"'] == "alt"
    assert by_text["Share this Kiev story"] == "paragraph"
    # no block spans the fenced code, so quote checks never pair across it
    fence = text.index("```python")
    assert all(not (b.start < fence < b.end) for b in blocks)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a `b` c\n", "a     c\n"),
        ("# T #\n", "  T  \n"),
        ("> q\n> r\n", "  q\n  r\n"),
        ("x <span>y</span>\n", "x       y       \n"),
        ("[t][r]\n\n[r]: /u\n", " t    \n\n       \n"),
        ("- [x] done\n", "      done\n"),
        ("a\\*b\n", "a *b\n"),
        ("+++\nk = 1\n+++\nz\n", "   \n     \n   \nz\n"),
        ("<a@b.c> d\n", "        d\n"),
        ('a <code>x "y</code> b\n', "a" + " " * 19 + "b\n"),
        (
            "a <kbd>Ctrl</kbd>\n\n<code>b\n\nc\n",
            "a" + " " * 16 + "\n\n" + " " * 7 + "\n\nc\n",
        ),
    ],
)
def test_masking(text: str, expected: str) -> None:
    assert read(text).prose == expected


def test_front_matter_is_read_only_at_the_start_of_the_file() -> None:
    """A ``---`` later in the file is a thematic break even when text
    follows it and a YAML example further on holds ``---``: the prose
    between is prose, the example code (pulldown-cmark alone would read a
    metadata block from the break to the example's separator)."""
    text = (
        '---\ntitle: Scaling "nodes"\n---\n\n'
        "Intro paragraph.\n\n---\n#### Custom capabilities\n\n"
        "Set them in the trigger, for example:\n\n"
        "```yaml\nkind: Deployment\n---\nkind: ScaledObject\n"
        'caps: "{\\"app\\":\\"beta\\"}"\n```\n\nAfter the example.\n'
    )
    prose = read(text).prose
    assert_masked(text, prose, 'title: Scaling "nodes"')
    assert_shown(text, prose, "Custom capabilities")
    assert_shown(text, prose, "Set them in the trigger, for example:")
    assert_masked(text, prose, "kind: ScaledObject")
    assert_masked(text, prose, 'caps: "{')
    assert_shown(text, prose, "After the example.")


def test_pages_joined_into_one_file_keep_their_front_matter_masked() -> None:
    """A ``---`` after a blank line, followed only by YAML's lines up to a
    closing ``---``, is a metadata block anywhere (as Pandoc reads one): a
    site's export joins pages with their front matter. Prose between two
    rules is no such block."""
    text = (
        "# Page one\n\nText of the first page.\n\n"
        "---\ntitle: Page two\nModule Name: Utility\nms.date: 02/20/2019\n"
        "tags:\n  - cmdlets\n---\n\n# Page two\n\nMore text.\n\n"
        "---\nNote that this line is prose, not a key.\n---\n"
    )
    prose = read(text).prose
    assert_masked(text, prose, "title: Page two")
    assert_masked(text, prose, "Module Name: Utility")
    assert_masked(text, prose, "  - cmdlets")
    assert_shown(text, prose, "More text.")
    assert_shown(text, prose, "Note that this line is prose, not a key.")


def test_wide_characters_keep_every_text_in_place() -> None:
    """The parser counts UTF-8 bytes; the view counts code points. Texts
    after characters of two, three and four bytes, between wide characters
    and in a later block all land where the source has them."""
    text = "**Café** 中*文*字 😀 [naïve](http://x.y/é) ü\n\n- Straße *ő* 𝔘𝔫𝔦 end\n"
    parsed = read(text)
    assert parsed.prose == (
        "  Café   中 文 字 😀  naïve                ü\n\n  Straße  ő  𝔘𝔫𝔦 end\n"
    )
    assert [(b.start, b.end, b.kind) for b in parsed.blocks] == [
        (2, 40, "paragraph"),
        (44, 62, "list"),
    ]


def test_directives_in_inline_and_multiline_comments() -> None:
    text = (
        "a <!-- copydesk: disable-next-line=quotes --> b\n\n"
        "<!--\ncopydesk: ignore-file\n-->\n"
    )
    directives = read(text).directives
    assert [(d.action, d.rules, d.line) for d in directives] == [
        ("disable-next-line", ("quotes",), 1),
        ("ignore-file", (), 3),
    ]


def test_directive_in_code_is_not_a_directive() -> None:
    text = "```\n<!-- copydesk: ignore-file -->\n```\n"
    assert read(text).directives == ()


def test_non_ascii_offsets() -> None:
    text = "« Ça » 😀 `code` naïve [lien](http://é.fr) 中文\n"
    parsed = read(text)
    check_invariants(text, parsed)
    prose = parsed.prose
    assert_shown(text, prose, "« Ça » 😀 ")
    assert_masked(text, prose, "`code`")
    assert_shown(text, prose, "naïve")
    assert_shown(text, prose, "lien")
    assert_masked(text, prose, "http://é.fr")
    assert_shown(text, prose, "中文")


def test_fallback_keeps_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> None:
        raise ValueError(text)

    monkeypatch.setattr("copydesk.markup.markdown.parse_markdown", broken)
    parsed = read("a `b`\n\nc\n")
    assert parsed.prose == "a `b`\n\nc\n"
    assert len(parsed.blocks) == 2


def test_surrogates_do_not_crash() -> None:
    text = "a \udcff `b` c\n"
    parsed = parse_markdown(text)
    check_invariants(text, parsed)
    assert parsed.prose == "a \udcff     c\n"


@given(st.text())
def test_byte_to_char_matches_encoding(text: str) -> None:
    convert = byte_to_char(text)
    offset = 0
    for index, char in enumerate(text):
        assert convert(offset) == index
        offset += len(char.encode("utf-8", "surrogatepass"))
    assert convert(offset) == len(text)


@settings(max_examples=300)
@given(markdownish)
def test_invariants_on_markdownish_input(text: str) -> None:
    check_invariants(text, parse_markdown(text))


@given(st.text())
def test_invariants_on_any_text(text: str) -> None:
    check_invariants(text, parse_markdown(text))


@pytest.mark.parametrize(
    "text",
    [
        "> " * 5000 + "deep\n",
        "- " * 3000 + "deep\n",
        "[" * 10000 + "x" + "]" * 10000,
        "*" * 20000,
        "a" * 200_000,
        "\r" * 100 + "x\r",
        "\x00\x00`\x00`",
        "<" * 5000,
    ],
)
def test_pathological_inputs(text: str) -> None:
    check_invariants(text, parse_markdown(text))


def test_link_text_shaped_like_a_wordpress_shortcode_stays_link_text() -> None:
    # "[set x=1](url)" is a Markdown link: its text is prose, its target is not.
    text = "See [set x=1](http://example.com/page) now.\n"
    assert read(text).prose == "See  set x=1                           now.\n"


#: The attribute-list pattern as first written: look-behind first, so the
#: engine tried it at every character. The reader's form starts with ``{``.
_ATTR_LIST = (
    rf"\{{[ \t]*:?[ \t]*{markdown._ATTR_ITEM}(?:[ \t]+{markdown._ATTR_ITEM})*[ \t]*\}}"
)
_SLOW_ATTRIBUTES = re.compile(
    r"(?<=[)\]*_`}])" + _ATTR_LIST + "|" + _ATTR_LIST + r"(?=[ \t]*(?:\r?$|\{\{|\{%))",
    re.MULTILINE,
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "{",
                "}",
                "{.note}",
                "{: #id}",
                "{#a .b k=v}",
                "{{",
                "{%",
                ")",
                "]",
                "*",
                "_",
                "`",
                " ",
                "\t",
                "\n",
                "\r\n",
                "x",
                "k='v'",
                'k="v"',
                ".a.b",
                "#",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_attribute_lists_are_found_as_the_plain_pattern_finds_them(text: str) -> None:
    fast = [m.span() for m in markdown._ATTRIBUTES.finditer(text)]
    assert fast == [m.span() for m in _SLOW_ATTRIBUTES.finditer(text)]
    # What the reader asks before it compiles the pattern: every list's start.
    for span in fast:
        assert markdown._ATTRIBUTES_START.match(text, span[0]) is not None
    if fast:
        assert markdown._ATTRIBUTES_START.search(text) is not None
