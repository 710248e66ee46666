"""Reading a large text in windows gives the view of reading it whole.

A window ends at a break (a paragraph of plain text, a top-level Markdown
block after a blank line), so its pieces, joined, must be the whole text's
prose, blocks, directives and breaks, however small the windows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import markup
from copydesk.lines import LineIndex
from copydesk.markup import markdown
from copydesk.markup.markdown import read_windows as markdown_windows
from tests.conftest import corpus_sample

from .helpers import DOCUMENTS
from .test_markdown import FRAGMENTS

#: Blocks whose reading depends on something far away: a closing line, a
#: definition, a template's closing tag, a blank line inside a container.
BLOCKS = [
    "---\ntitle: Kyiv\n---",
    "---\ntitle: Kyiv\n\nmore: x\n...",
    "+++\ntitle = 'x'\n+++",
    "---",
    "---\nnot front matter",
    "```\ncode\n\n# not a heading\n```",
    "~~~\nopen fence",
    "<!--\n\na comment\n\n-->",
    "<!-- copydesk: disable -->",
    "<!-- copydesk: enable=names.People -->",
    "<pre>\n\nverbatim\n\n</pre>",
    "<div>\n\n*emphasis*\n\n</div>",
    "[kyiv]: https://example.com/kyiv",
    "See [kyiv] and [Kyiv][] and [the city][KYIV].",
    "A note[^1] and [^missing].",
    "[^1]: The note.\n\n    More of it.",
    "Notes[^Note], [^ a  b ] and [^x\\]y] named in other cases and spaces.",
    "[^note]: Defined in lower case.\n[^a b]: Spaced.\n\n[^x\\]y]: Escaped.",
    "> [^q]: A note in a quote.\n\nAsked[^q] and [^SS] and [^ß].",
    "- item\n\n  [^ß]: A note in a list item.\n\n      Its indented code.",
    "[kyiv]: /first\n[KYIV]: /again\n\n[^1]: Defined twice.",
    "---\n[kyiv]: /in-a-metadata-block\n\n[^note]: Not a note.\n---",
    "[kyiv]: /u*{#id}*",
    "```\n\n```\r**",
    "{{< highlight go >}}\nx := 1\n\n// Kiev\n{{< /highlight >}}",
    "{{< note >}}\nA *note* about Kyiv.\n{{< /note >}}",
    "- one\n\n  two\n- three",
    "1. one\n\n2. two",
    "> quoted\n\n> again",
    "    indented code",
    '!!! note "Kyiv"\n\n    A note about Kiev.\n\n'
    "    ```\n    code\n\n    # no\n    ```",
    "??? tip\n    Folded [kyiv] text.\n\n        indented code in it",
    '=== "Tab"\n\n    Tab text.\n\n    !!! warning\n\n'
    "        Nested <!-- copydesk: disable -->",
    "- item\n\n    !!! note\n\n        A note[^1] in a list item.",
    "```\n!!! note\n\n    Example of the syntax.\n```",
    "Title\n=====",
    "| a | b |\n|---|---|\n| c | d |",
    "Kyiv is the capital. Kiev is not.",
    "Text with &eacute; and &amp; and é and 😀.",
    "A [link](https://example.com) and <https://example.com>.",
    "Bare https://example.com/kyiv, www.kiev.ua and news@kiev.ua in text.",
]

line = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=8
).map("".join)
document = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(BLOCKS), line),
        st.sampled_from(["\n\n", "\n", "\n\n\n", "\r\n\r\n", "\n  \n", "\r\r", "\r"]),
    ),
    max_size=14,
).map(lambda parts: "".join(block + gap for block, gap in parts))


def assert_windows_read_as_whole(fmt: str, text: str, size: int) -> int:
    """Compare the joined pieces with the whole read; return the piece count."""
    pieces = list(markup.read_windows(fmt, text, size))
    whole = markup.read(fmt, text)
    joined = markup.join(text, pieces)
    assert joined.prose == whole.prose
    assert joined.blocks == whole.blocks
    assert joined.directives == whole.directives
    assert joined.breaks == whole.breaks
    together, cuts = markup.read_joined(fmt, text, size)
    assert together == whole
    assert cuts == [offset for offset, _ in pieces]
    return len(pieces)


@settings(max_examples=400, deadline=None)
@given(text=document, size=st.integers(1, 40))
def test_markdown_windows_read_as_the_whole_text(text: str, size: int) -> None:
    assert_windows_read_as_whole("markdown", text, size)


@settings(max_examples=200, deadline=None)
@given(text=document, size=st.integers(1, 40))
def test_plain_windows_read_as_the_whole_text(text: str, size: int) -> None:
    text = text.replace("<!-- ", "# ").replace(" -->", "")  # plain directives
    assert_windows_read_as_whole("plain", text, size)


def test_a_guide_is_read_in_many_pieces() -> None:
    text = (DOCUMENTS / "guide.md").read_text(encoding="utf-8")
    assert assert_windows_read_as_whole("markdown", text, 200) > 3


def test_front_matter_longer_than_a_window_is_one_piece() -> None:
    """Front matter is found in the whole text first: no window cuts it,
    and its keys stay masked however the text is cut."""
    body = "\n\n".join(f"key{i}: Kiev is written here" for i in range(30))
    text = f"---\n{body}\n---\n\nKyiv after it.\n"
    pieces = list(markdown_windows(text, 50))
    assert assert_windows_read_as_whole("markdown", text, 50) == len(pieces)
    closing = text.index("\n---\n")
    assert not any(0 < offset <= closing for offset, _ in pieces)
    prose = markup.join(text, pieces).prose
    assert "Kiev" not in prose
    assert prose.rstrip().endswith("Kyiv after it.")


def test_a_link_defined_in_a_later_piece_is_resolved() -> None:
    text = "See [Kyiv].\n\n" + "Filler paragraph.\n\n" * 20 + "[kyiv]: /kyiv\n"
    assert assert_windows_read_as_whole("markdown", text, 30) > 3
    assert "[" not in markup.join(text, markdown_windows(text, 30)).prose[:12]


def test_a_footnote_defined_in_a_later_piece_is_a_reference() -> None:
    """The parser has no callback for footnotes: the piece is read again
    with the definitions it may name written after it."""
    text = "A note[^1].\n\n" + "Filler paragraph.\n\n" * 20 + "[^1]: The note.\n"
    assert assert_windows_read_as_whole("markdown", text, 30) > 3
    joined = markup.join(text, markdown_windows(text, 30))
    assert joined.prose.startswith("A note    .\n")


#: A footnote named before its definition, which has an indented
#: continuation, and a link defined twice, once before its use (issue 23).
TANGLED = (
    "See [kyiv] and [Kyiv][] and [the city][KYIV].\n[a]: /u\n\n"
    "A note[^1] and [^missing].\n\n[^1]: The note.\n\n    More of it.\n\n"
    "[a]: /u\n\n"
)


@pytest.mark.parametrize("size", range(1, 130, 3))
def test_a_note_named_before_its_definition_reads_as_the_whole(size: int) -> None:
    """A window is read past its cut: a definition it found there belongs
    to the next piece, and the piece naming it must still be settled."""
    assert_windows_read_as_whole("markdown", TANGLED, size)
    prose = markup.read_joined("markdown", TANGLED, size)[0].prose
    assert "A note     and [^missing]." in prose
    assert "[a]" not in prose  # a link: its brackets masked


@pytest.mark.parametrize(
    ("named", "defined"),
    [
        ("[^Note]", "[^note]"),  # case folded
        ("[^ß]", "[^SS]"),  # fully
        ("[^ a  b ]", "[^a b]"),  # spaces trimmed and collapsed
        ("[^x\\]y]", "[^x\\]y]"),  # an escaped bracket
        ("[^q]", "> [^q]"),  # defined in a quote
        ("[^q]", "- item\n\n  [^q]"),  # in a list item
    ],
)
def test_a_footnote_is_settled_across_pieces_as_the_parser_names_it(
    named: str, defined: str
) -> None:
    filler = "Filler paragraph.\n\n" * 6
    for text in (
        f"A note{named}.\n\n{filler}{defined}: The note.\n",
        f"{defined}: The note.\n\n{filler}A note{named}.\n",
    ):
        assert assert_windows_read_as_whole("markdown", text, 20) > 3
        assert "A note" + " " * len(named) + "." in markup.read("markdown", text).prose


@pytest.mark.parametrize(
    "text",
    [
        # Pluses open a metadata block only with their closing line, which
        # the first window does not hold: it reads a heading over ``---``.
        "+++\n---\ntitle: Kyiv\n---\n\n---\ntitle: Kyiv\n---\n\n+++\n\n",
        # Read past its cut, a window took definitions for the piece that
        # are a metadata block's text in the whole.
        "See [kyiv] and [KYIV].\n\n---\n[kyiv]: /first\n[KYIV]: /again\n\n"
        "[^1]: Defined twice.\n\n---\ntitle: Kyiv\n---\n\n",
        # The definition's attribute list is blanked before the parser reads
        # it, so it is no definition: the settling reads it the same way.
        "[a]: /u*{#id}*\n\nSee [a].\n\n" + "Filler.\n\n" * 4,
        # A lone CR ends the closing fence's line: the paragraph after it
        # starts a line of its own, not the fence's.
        "---\ntitle: Kyiv\n---\n\n```\n\n```\r**\n\n",
        # The parser reads a fence's info string past lone CRs: ``` is text.
        "```\r\r`[^1]: \n\n",
        # Indented four spaces after a footnote, a footnote; alone, code.
        "[^1]: The note.\n\n    More of it.\n\n"
        "    [^1]: <!-- copydesk: disable -->\n\n",
        # And a metadata opener's line: ---\r\r opens a block over *.
        "[^note]: A note.\n---\r\r\n*\n\n+++\ntitle = 'x'\n+++\n\n"
        "---\ntitle: Kyiv\n---\n\n",
    ],
)
def test_what_a_window_misreads_is_settled(text: str) -> None:
    """Cases the property test found at 5,000 examples a run."""
    for size in range(1, len(text), 5):
        assert_windows_read_as_whole("markdown", text, size)


def test_a_note_named_in_an_open_fence_at_the_end_reads_whole() -> None:
    """The last piece alone can end inside a block open to the end of the
    text: a definition written after it is code, so the text is read whole."""
    text = "[^1]: The note.\n\n" + "Filler paragraph.\n\n" * 6
    text += "A note[^1].\n\n```\nan open fence"
    assert assert_windows_read_as_whole("markdown", text, 20) == 1
    assert "A note    ." in markup.read("markdown", text).prose


def test_a_label_not_defined_stays_text_in_every_piece() -> None:
    text = "Unknown[^2] and [^ Note].\n\n" + "Filler paragraph.\n\n" * 6
    text += "[^1]: The note.\n\n[^note]: Lower.\n"
    assert assert_windows_read_as_whole("markdown", text, 20) > 3
    shown = "Unknown[^2] and " + " " * len("[^ Note]") + "."
    assert markup.read("markdown", text).prose.startswith(shown)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return corpus_sample(tmp_path_factory.mktemp("corpus"), 120, offset=0.5)


@pytest.mark.parametrize("size", [300, 4_000])
def test_real_documentation_reads_the_same_in_windows(
    sample: list[Path], size: int
) -> None:
    pieces = 0
    for path in sample:
        text = path.read_text(encoding="utf-8")
        pieces += assert_windows_read_as_whole("markdown", text, size)
    assert pieces > 2 * len(sample)


def test_a_window_reader_failing_on_a_later_piece_reads_the_text_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The joined read moves pieces into the whole as they come: a reader
    that fails after some pieces leaves none of them in the result."""
    text = "Kiev is here.\n\n" * 40
    real = markdown_windows

    def failing(
        source: str, size: int, workers: int = 1, lines: LineIndex | None = None
    ) -> Iterator[tuple[int, markup.Parsed]]:
        for index, piece in enumerate(real(source, size, workers, lines)):
            if index == 3:
                raise ValueError("a parser bug")
            yield piece

    monkeypatch.setattr(markdown, "read_windows", failing)
    whole = markup.read("markdown", text)
    assert markup.read_joined("markdown", text, 50) == (whole, [0])
    assert list(markup.read_windows("markdown", text, 50)) == [(0, whole)]
    assert len(list(real(text, 50))) > 3


def test_join_finishes_the_views_once_the_reader_is_done() -> None:
    """A Markdown reader holds every piece until its last: a view finished
    while it runs would be a second copy beside its piece."""
    text = "See https://example.com/kyiv today.\n\n" * 30
    done: list[bool] = []

    def reader() -> Iterator[tuple[int, markup.Parsed]]:
        yield from markdown_windows(text, 100)
        done.append(True)

    def finish(view: str) -> str:
        assert done == [True]
        return view.upper()

    joined = markup.join(text, reader(), finish=finish)
    plain = markup.join(text, markdown_windows(text, 100))
    assert joined.prose == plain.prose.upper()
    assert joined.blocks == plain.blocks
    assert (
        markup.read_joined("markdown", text, 100)[0].prose
        == markup.read("markdown", text).prose
    )
