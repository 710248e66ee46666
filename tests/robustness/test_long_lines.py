"""One line of half a megabyte or more (no line feed: a minified export, a
scraped page with its breaks stripped) is linted in time that grows with its
length, like the same text in lines.

The repetition scan is measured by the characters it is asked to search (a
deterministic count, see ``test_scaling``): it searched from every doubled
word to the end of its line, quadratic on one long line. The spelling
check's address pattern was tried at every character and read on to the end
of the word each time: a 2 MB word never finished. It now starts only where
a run of address characters begins, and gives the plain pattern's matches.
"""

from __future__ import annotations

import re
import time
from functools import lru_cache
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from copydesk import doclang, quote_signs
from copydesk.batch import lint_text
from copydesk.checks import spelling
from copydesk.checks.repetition import Repetition
from copydesk.document import Document
from copydesk.ruleset import Ruleset, load_ruleset

from .strategies import fuzz_settings
from .test_scaling import BOUND, LARGE, SMALL, Counting

#: Every shipped pack, proselint's too: its lexical-illusion pattern was
#: quadratic on a long run of letters and digits ("1a1a1a..."), now searched
#: another way (``proselint_illusions``).
EVERY_PACK = ("artifacts", "names", "proselint", "quotes", "style", "typos", "variants")


@lru_cache(maxsize=1)
def every_pack() -> Ruleset:
    return load_ruleset(select=EVERY_PACK)


class CountingScan:
    """The repetition check's backreference scan, counting the characters
    each ``finditer`` is given to search."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched = 0

    def finditer(self, text: str, pos: int = 0, endpos: int = -1) -> Any:
        endpos = len(text) if endpos < 0 else endpos
        self.searched += endpos - pos
        return self.pattern.finditer(text, pos, endpos)


def letters(number: int) -> str:
    """A word of its own for every number: 0 "qa", 1 "qb", 27 "qbb"."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += chr(ord("a") + digit)
        if not number:
            return "q" + word


def doubled_line(units: int) -> str:
    """One line with a different doubled word in every sentence."""
    return " ".join(f"We met {letters(i)} {letters(i)} at noon." for i in range(units))


def searched(units: int) -> tuple[int, int]:
    [check] = [c for c in every_pack().checks if c.meta.id == "style.Repetition"]
    assert isinstance(check, Repetition)
    assert check.doubled is not None
    scan = CountingScan(check.doubled)
    counting = Repetition(
        check.meta,
        check.pattern,
        check.alpha,
        scan,  # type: ignore[arg-type]
        check.judge,
        check.safe,
    )
    text = doubled_line(units)
    found = list(counting.run(Document.plain(text)))
    return scan.searched, len(found)


def test_the_repetition_scan_is_linear_on_one_line() -> None:
    small, found_small = searched(SMALL)
    large, found_large = searched(LARGE)
    assert (found_small, found_large) == (SMALL, LARGE)  # every "wordN wordN"
    assert large / small < BOUND, (small, large)


ADDRESS_TEXT = st.lists(
    st.sampled_from(["a", "W", "www.", "1", "+", ".", "-", "_", "@", ":", "/", "://",
                     " ", "\n", "é", "\u212a", "ſ", "http", "ß"]),
    max_size=40,
).map("".join)  # fmt: skip
PLAIN_ADDRESS = regex.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", regex.I
)


@fuzz_settings(500)
@given(ADDRESS_TEXT)
def test_the_address_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    want = [m.span() for m in PLAIN_ADDRESS.finditer(text)]
    assert [m.span("at") for m in spelling._ADDRESS.finditer(text)] == want


HUGE = 1_000_000


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("word.txt", "a" * HUGE),
        ("mailbox.txt", "a" * HUGE + "@"),
        ("scheme.md", "1a" * (HUGE // 2) + "://"),
    ],
)
def test_one_huge_line_is_linted_by_every_pack(name: str, text: str) -> None:
    """Each took hours (a quarter of the first: two minutes); now about a
    second. The bound is there to fail a hang, not to measure speed."""
    fmt = "markdown" if name.endswith(".md") else "plain"
    began = time.process_time()
    found = lint_text(text, name, fmt, every_pack())
    assert time.process_time() - began < 60
    assert all(f.rule != "copydesk.file-timeout" for f in found)


def told_characters(units: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Characters whose language the variants check tells on one line with
    a name spelled two ways in every sentence, between two quotations."""
    told: list[int] = []
    tell = doclang.language_of

    def counting(text: str, least: int = doclang.MIN_HITS) -> str | None:
        told.append(len(text))
        return tell(text, least)

    monkeypatch.setattr(doclang, "language_of", counting)
    sentence = "Officials met Sergey Ivanov and later Sergei Ivanov in Kyiv. "
    text = f'"Hello." {sentence * units}"Bye."'
    found = lint_text(text, "a.txt", "plain", load_ruleset(select=("variants",)))
    return sum(told), len(found)


def test_a_quotation_language_is_told_once_per_quotation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every name asks whether it stands in a foreign quotation; on one long
    line the marks around it are far apart, and the language between them
    was told anew for each name (16x the work for 4x the line)."""
    small, found_small = told_characters(SMALL, monkeypatch)
    large, found_large = told_characters(LARGE, monkeypatch)
    assert (found_small, found_large) == (SMALL, LARGE)  # every "Sergey"
    assert large / small < BOUND, (small, large)


class CountingSearches(str):
    """A text that counts the characters its line searches read (up to the
    character found, or the whole range)."""

    searched = 0

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:
        lo, hi = start or 0, len(self) if end is None else end
        at = str.find(self, sub, lo, hi)
        CountingSearches.searched += (hi if at < 0 else at) - lo
        return at

    def rfind(self, sub: str, start: Any = None, end: Any = None) -> int:
        lo, hi = start or 0, len(self) if end is None else end
        at = str.rfind(self, sub, lo, hi)
        CountingSearches.searched += hi - (lo if at < 0 else at)
        return at


def ditto_searches(units: int) -> int:
    """Characters searched to tell ditto marks on one line of marks that
    stand alone between spaces, then on a table whose rows repeat a word."""
    text = CountingSearches(
        "\" ' ( [ { " * units + "\n" + 'Kyiv  city\n"     town\n' * units
    )
    lines = quote_signs.DittoLines(text)
    CountingSearches.searched = 0
    marks = [pos for pos, ch in enumerate(text) if ch in quote_signs.DITTO_MARKS]
    found = [pos for pos in marks if lines.is_ditto(pos)]
    assert len(found) == units  # the table's marks, not the line's
    return CountingSearches.searched


def test_ditto_marks_are_told_with_each_line_read_once() -> None:
    small, large = ditto_searches(SMALL), ditto_searches(LARGE)
    assert large / small < BOUND, (small, large)


def ditto_columns(units: int) -> int:
    """Characters copied to tell the marks of a long line laid out with
    tabs, under a line of cells: each mark's column, tabs expanded."""
    text = Counting("Kyiv\tcity  town\n" + 'a\t" ' * units + "\n")
    lines = quote_signs.DittoLines(text)
    Counting.sliced = 0
    marks = [pos for pos, ch in enumerate(text) if ch in quote_signs.DITTO_MARKS]
    assert sum(map(lines.is_ditto, marks)) == 2  # under "city" and "town"
    return Counting.sliced


def test_a_long_line_of_tabs_and_marks_expands_each_tab_once() -> None:
    """Each mark's column was its line expanded from the start: 0.4 MB of
    tabs and marks took 41 s; now it is counted on from the mark before."""
    small, large = ditto_columns(SMALL), ditto_columns(LARGE)
    assert large / small < BOUND, (small, large)


def plain_is_ditto(source: str, pos: int) -> bool:
    """The ditto test as written first, line searches per mark."""
    line_start = source.rfind("\n", 0, pos) + 1
    line_end = source.find("\n", pos)
    line_end = len(source) if line_end < 0 else line_end
    before = source[pos - 1] if pos > line_start else " "
    after = source[pos + 1] if pos + 1 < line_end else " "
    if before not in " \t" or after not in " \t\r":
        return False
    if re.search(r"[^ \t][ ]{2,}|\t", source[line_start:line_end]) is None:
        return False
    if line_start == 0:
        return False
    above_start = source.rfind("\n", 0, line_start - 1) + 1
    above = source[above_start : line_start - 1].rstrip("\r").expandtabs()
    if not above.strip():
        return False
    column = len(source[line_start:pos].expandtabs())
    return any(
        0 <= column + shift < len(above) and not above[column + shift].isspace()
        for shift in (0, -1, 1)
    )


DITTO_TEXT = st.lists(
    st.sampled_from(['"', "”", "〃", " ", "  ", "\t", "\n", "\r", "\r\n", "a",
                     "word", "x y", "ab  cd"]),
    max_size=30,
).map("".join)  # fmt: skip


@fuzz_settings(500)
@given(DITTO_TEXT)
def test_ditto_lines_tell_what_the_plain_test_tells(text: str) -> None:
    lines = quote_signs.DittoLines(text)
    for pos, ch in enumerate(text):
        if ch in quote_signs.DITTO_MARKS:
            assert lines.is_ditto(pos) == plain_is_ditto(text, pos), pos


def sliced_around_names(units: int) -> tuple[int, int]:
    """Characters the names, variants and quotes checks slice from the
    prose of one line with, in every sentence, a name in capitals, a past
    battle, a title in capitals, a short foreign quotation, a mark struck
    twice and a name spelled two ways."""
    unit = (
        "KIEV officials and NATO met. The Battle of Kharkov in 1942 was "
        "recalled, and the band played The Great Gate of Odessa. „Kiew "
        "brennt“ ran one headline; ““twice”” said Vucic, and Vučić agreed. "
    )
    text = unit * units
    doc = Document(path="doc.txt", text=text, prose=Counting(text), format="plain")
    checks = load_ruleset(select=("names", "quotes", "variants")).checks
    Counting.sliced = 0
    found = [finding for check in checks for finding in check.run(doc)]
    return Counting.sliced, len(found)


def test_name_and_quote_contexts_read_near_the_name_on_one_line() -> None:
    """A name's line start, sentence, title run and quotation were found by
    slicing back to the line's start: on one long line every name copied
    the text before it (28 s for 8 MB of news joined into one document)."""
    small, found_small = sliced_around_names(SMALL)
    large, found_large = sliced_around_names(LARGE)
    assert found_large >= 3 * found_small > 0
    assert large / small < BOUND, (small, large)
