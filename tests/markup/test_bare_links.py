"""Bare links are found where a scan of the whole text for their literals
found them: the literals are now looked for with str.find, run by run."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.markup.bare_links import _LINK, _SPACE, _trimmed, link_spans

#: The scan link_spans made before: a regex alternation of the literals.
_SCANNED = re.compile(r"://|www\.|mailto:|@|/|:\\")

_CHUNKS = st.sampled_from(
    [
        "/",
        "//",
        "@",
        ":",
        "\\",
        ":\\",
        "www.",
        "ww",
        "w.",
        "mailto:",
        "mailto",
        "https://",
        "ftp://",
        "C:\\",
        "~/",
        "./",
        "../",
        "a",
        "teh",
        "x.org",
        "e.com",
        "(",
        ")",
        ".",
        ",",
        "?",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\xa0",
        "\x0b",
        "\u2028",
        "é",
        "’",
    ]
)


def scanned_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """link_spans as it was: each run around a literal the regex found."""
    spans: list[tuple[int, int]] = []
    done = start
    for hit in _SCANNED.finditer(text, start, stop):
        if hit.start() < done:
            continue
        lo = max(done, *(text.rfind(c, done, hit.start()) + 1 for c in " \t\n\r"))
        after = _SPACE.search(text, hit.end(), stop)
        done = stop if after is None else after.start()
        for match in _LINK.finditer(text, lo, done):
            hi = _trimmed(text, match.start(), match.end())
            if hi > match.start():
                spans.append((match.start(), hi))
    return spans


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CHUNKS, max_size=30).map("".join), st.data())
def test_links_are_those_the_scan_of_every_literal_found(
    text: str, data: st.DataObject
) -> None:
    """Literals inside others (:// holds /), runs with several, runs bounded
    by white space that only \\s knows (NBSP, VT, U+2028), and a part of the
    text from any start to any end."""
    assert link_spans(text) == scanned_spans(text, 0, len(text))
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    assert link_spans(text, start, stop) == scanned_spans(text, start, stop)


def test_a_sentence_with_links_and_paths() -> None:
    text = (
        "See https://example.com/teh-page, mail teh@example.com or open "
        "~/notes and C:\\Users\\teh; and/or www.example.org/x. Done."
    )
    assert [text[a:b] for a, b in link_spans(text)] == [
        "https://example.com/teh-page",
        "teh@example.com",
        "~/notes",
        "C:\\Users\\teh",
        "www.example.org/x",
    ]
