"""A word list read from lines answers its first questions by searching the
text, the rest after one split: the same answers either way."""

from __future__ import annotations

import re
from importlib import resources

from hypothesis import given
from hypothesis import strategies as st

from copydesk import translit


def _body(name: str) -> str:
    text = resources.files("copydesk").joinpath("data", name).read_text("utf-8")
    return "\n".join(line for line in text.split("\n") if not line.startswith("#"))


def test_the_common_list_has_no_white_space_but_line_feeds() -> None:
    """What ``WordList.of_lines`` needs to match a split of the text."""
    body = _body("common-words.txt")
    assert re.search(r"[^\S\n]", body) is None
    assert "\n\n" not in body.strip("\n")


def _split(words: translit.WordList) -> bool:
    return words._words is not None


def test_searched_and_split_answers_agree() -> None:
    truth = set(_body("common-words.txt").split())
    words = sorted(truth)
    asked = [
        *words[:3],
        words[len(words) // 2],
        *words[-3:],
        "atkinson",  # a name in the header comment
        "kyiv",
        "",
        " ",
        f"{words[0]}\n{words[1]}",  # two lines: no one word
        f"{words[0]} ",
        words[-1][:-1],  # a prefix of a listed word
        words[0][1:],  # a suffix
    ]
    fresh = translit._read_words("common-words.txt")
    probed = [word in fresh for word in asked]
    assert not _split(fresh)  # still the text: answered by search
    assert probed == [word in truth for word in asked]
    for word in words[: translit.WordList.PROBES]:
        assert word in fresh
    assert _split(fresh)  # split after PROBES questions
    assert [word in fresh for word in asked] == probed
    assert len(fresh) == len(truth)


def test_the_common_list_is_in_order_for_the_bisection() -> None:
    """``common_words`` bisects the lines of the text for its first answers."""
    words = _body("common-words.txt").split()
    assert words == sorted(words)


def test_the_common_list_is_read_as_it_is() -> None:
    """``common_words`` takes its text as it is, unchecked (it is ordered):
    case-folded, with its comments at the top only."""
    text = resources.files("copydesk").joinpath("data", "common-words.txt")
    lines = text.read_text("utf-8").split("\n")
    body = lines[next(i for i, line in enumerate(lines) if not line.startswith("#")) :]
    assert not any(line.startswith("#") for line in body)
    joined = "\n".join(body)
    assert joined == joined.casefold()


def test_bisected_answers_are_the_lists_on_every_word() -> None:
    """Every listed word is found by bisecting the text, and every prefix,
    suffix and neighbour not listed is not."""
    truth = set(_body("common-words.txt").split())
    fresh = translit._read_words("common-words.txt", ordered=True)
    others = {w[:-1] for w in truth} | {w[1:] for w in truth} | {w + "s" for w in truth}
    for word in sorted(truth | others | {"a", "zzzz", "\uffff", "0"}):
        assert fresh._bisect_lines(word) == (word in truth), word
    assert not _split(fresh)


@given(
    st.lists(st.text("abc\u00e9", min_size=1, max_size=4), unique=True),
    st.text("abc\u00e9", min_size=1, max_size=5),
)
def test_bisection_of_any_sorted_lines(words: list[str], asked: str) -> None:
    listed = translit.WordList.of_lines("\n".join(sorted(words)), ordered=True)
    assert all(listed._bisect_lines(word) for word in words)
    assert listed._bisect_lines(asked) == (asked in words)
