from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.document import FILLER
from copydesk.markup.html import parse_html, read

from .helpers import DOCUMENTS, assert_masked, assert_shown, check_invariants

FRAGMENTS = [
    "<p>",
    "</p>",
    "<li>",
    "<ul>",
    "</ul>",
    "<td>",
    "<table>",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<!-- copydesk: disable -->",
    "<img alt='a' src=x>",
    '<a title="t" href=u>',
    "</a>",
    "<",
    ">",
    "/>",
    "<!DOCTYPE html>",
    "<?xml?>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&eacute;",
    "&#39;",
    "&#x27;",
    "&#10;",
    "&#0;",
    "&bogus;",
    "&",
    "\n",
    "\r",
    "\r\n",
    "\x00",
    "é",
    "😀",
    "'",
    '"',
    "=",
]
htmlish = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60
).map("".join)


def test_golden_document() -> None:
    text = (DOCUMENTS / "guide.html").read_text(encoding="utf-8")
    parsed = read(text)
    check_invariants(text, parsed)
    prose = parsed.prose
    for phrase in [
        "Field guide",
        "Covering the Kyiv summit",
        '"productive"',
        "publish",
        "full briefing",
        "Full briefing",
        "Kiev in quotes",
        "Confirm every quote with the speaker",
        '"Never guess a name," said the desk chief.',
        "capital of Ukraine",
        "A crowd in Kyiv",
        "Independence Square at dusk",
        "Send",
        "Run ",
        " before filing.",
    ]:
        assert_shown(text, prose, phrase)
    for phrase in [
        "<!DOCTYPE html>",
        '<meta charset="utf-8">',
        '"\\201C"',
        'var city = "Kiev"',
        '"kiev-summit"',
        "https://example.com/kiev-briefing",
        "copydesk: disable",
        'print("an unbalanced quote in code)',
        "check --names Kiev",
        "images/kiev-square.jpg",
        '"Share"',
        'aria-label="Share"',
        'Kiev draft "text',
        "<p>",
        "</li>" if "</li>" in text else "<li>",
    ]:
        assert_masked(text, prose, phrase)
    start = text.index("Kyiv&rsquo;s")
    assert prose[start : start + 12] == "Kyiv’" + FILLER * 6 + "s"
    start = text.index("L&eacute;vy")
    assert prose[start : start + 11] == "Lé" + FILLER * 7 + "vy"
    assert [(d.action, d.rules, d.line) for d in parsed.directives] == [
        ("disable", ("names.Kyiv",), 14),
        ("enable", ("names.Kyiv",), 16),
    ]


def test_golden_blocks() -> None:
    text = (DOCUMENTS / "guide.html").read_text(encoding="utf-8")
    kinds = {text[b.start : b.end]: b.kind for b in read(text).blocks}
    assert kinds["Covering the Kyiv summit"] == "heading"
    assert kinds["Confirm every quote with the speaker"] == "list"
    assert kinds["Spell names as the subject does"] == "list"
    assert kinds['"Never guess a name," said the desk chief.'] == "blockquote"
    assert kinds["capital of Ukraine"] == "table"
    assert kinds["A crowd in Kyiv&rsquo;s square"] == "alt"
    assert kinds["Independence Square at dusk"] == "paragraph"
    assert kinds["Send"] == "paragraph"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a<br>b", "a    b"),
        ("x &#10; y", "x " + " " + FILLER * 4 + " y"),
        ("&bogus; &", "&bogus; &"),
        ("<p title='It&#39;s'>t</p>", "          It'" + FILLER * 4 + "s  t    "),
        ("a\r\n<b\r\nc>d", "a\r\n  \r\n  d"),
    ],
)
def test_masking(text: str, expected: str) -> None:
    assert read(text).prose == expected


def test_lone_cr_and_positions() -> None:
    text = "<p>a</p>\r<p>b &amp; c</p>\r\n<p>d</p>"
    parsed = parse_html(text)
    check_invariants(text, parsed)
    assert_shown(text, parsed.prose, "b ")
    assert_shown(text, parsed.prose, "d")


@settings(max_examples=300)
@given(htmlish)
def test_invariants_on_htmlish_input(text: str) -> None:
    check_invariants(text, parse_html(text))


@given(st.text())
def test_invariants_on_any_text(text: str) -> None:
    check_invariants(text, parse_html(text))


@pytest.mark.parametrize(
    "text",
    ["<div>" * 5000 + "deep", "<" * 5000, "<a " + "x=1 " * 5000, "a" * 100_000],
)
def test_pathological_inputs(text: str) -> None:
    check_invariants(text, parse_html(text))


def test_fallback_masks_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> None:
        raise AssertionError(text)

    monkeypatch.setattr("copydesk.markup.html.parse_html", broken)
    parsed = read("<p class=x>Hi</p>\n")
    assert parsed.prose == "           Hi    \n"
