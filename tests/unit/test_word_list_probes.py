"""A word list read from lines answers its first questions by searching the
text, the rest after one split: the same answers either way."""

from __future__ import annotations

import re
from importlib import resources

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
