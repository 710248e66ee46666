"""The transliteration key: equal for romanisations of one name, not for look-alikes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from copydesk import translit


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Samojlenko", "Samoylenko"),
        ("Puschilin", "Pushilin"),
        ("Selenskyj", "Zelensky"),
        ("Charkiw", "Kharkiv"),
        ("Tschernihiw", "Chernihiv"),
        ("Lwiw", "Lviv"),
        ("Illja", "Illia"),
        ("Louhansk", "Luhansk"),
        ("Klitschko", "Klychko"),
        ("Saporishshja", "Zaporizhzhia"),
        ("Schtscherbyna", "Shcherbyna"),
        ("Chtcherbyna", "Shcherbyna"),
        ("Szczerbyna", "Shcherbyna"),
        ("Pouchiline", "Pushilin"),
        ("Prigožin", "Prigozhin"),
        ("Ławrow", "Lavrov"),
        ("L'viv", "Lviv"),
        ("Šmyhalʹ", "Shmyhal"),
        ("Odessa", "Odesa"),
    ],
)
def test_romanisations_share_a_key(first: str, second: str) -> None:
    assert translit.same_key(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Austria", "Australia"),
        ("Iran", "Iraq"),
        ("Kiev", "Kyiv"),
        ("Zelensky", "Zelenska"),
        ("Petrov", "Petrova"),
        ("Oleksandr", "Oleksandra"),
        ("Slovenia", "Slovakia"),
        ("Dmitry", "Dmytro"),
    ],
)
def test_different_names_keep_different_keys(first: str, second: str) -> None:
    assert not translit.same_key(first, second)


def test_other_scripts_have_no_key() -> None:
    assert translit.keys("Київ") == frozenset()
    assert translit.fold("Київ") == ""


def test_ch_is_read_three_ways_at_most_three_times() -> None:
    assert translit.keys("Charkiw") == {"Carkiv", "Karkiv", "Sarkiv"}
    assert len(translit.keys("Chachachacha")) == 27


def test_foreign_markers_count_other_systems_spellings() -> None:
    assert translit.foreign_markers("Pushilin") == 0
    assert translit.foreign_markers("Puschilin") == 1
    assert translit.foreign_markers("Samojlenko") == 1
    assert translit.foreign_markers("Lévi") == 1
    assert translit.foreign_markers("Tschernihiw") == 2


def test_candidates_skip_urls_handles_code_and_common_words() -> None:
    text = (
        "West said Reznikov met Podolyak. See https://x.example/Resnikow, "
        "@Podoljak_M, podoljak@office.example and `Budanow`. Kyiv's mayor, Київ."
    )
    found = [t.text for t in translit.candidates(text)]
    assert found == ["Reznikov", "Podolyak", "Kyiv"]


def test_candidate_offsets_exclude_possessive() -> None:
    text = "Kovalenko’s van"
    [tok] = translit.candidates(text)
    assert (tok.start, tok.end, tok.text) == (0, 9, "Kovalenko")


def test_common_words_and_titles() -> None:
    assert translit.is_common("West")
    assert translit.is_common("Vest")
    assert translit.is_common("Monday")
    assert translit.is_common("President")
    assert not translit.is_common("Pushilin")


def test_the_fast_word_list_read_keeps_every_word_and_no_comment() -> None:
    from importlib import resources

    data = resources.files("copydesk").joinpath("data", "common-words.txt")
    lines = data.read_text("utf-8").splitlines()
    slow = {x.strip().casefold() for x in lines if x.strip() and not x.startswith("#")}
    fast = translit._read_words("common-words.txt")
    assert len(fast) == len(slow)
    assert all(word in fast for word in slow)
    assert "atkinson" not in translit.common_words()  # a name from the header


#: Prose words, URLs, code, handles, tags and near-misses of each.
_FRAGMENTS = [
    "Kyiv ",
    "see ",
    "https://kyiv.ua/Map ",
    "`Get-Item` ",
    "`open ",
    "@KyivIndependent ",
    "#Kharkiv ",
    "C# ",
    "Ünter@é ",
    "www.Example.org/X ",
    "www.intranet/Kyiv ",
    "site.com ",
    "Lviv.html ",
    "x.comedy ",
    "e.g. ",
    "w",
    ":",
    ".",
    "’",
    "\u00a0",
    "\n",
    "@www.a.com ",
    "wwww.b ",
    "#—",
    "é://x ",
    ".webp",
    "`",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12))
def test_masking_starts_where_the_hint_pattern_would(parts: list[str]) -> None:
    """The RE2 look-out for hints never skips one: the masked text is the
    one a scan of the whole text gives."""
    text = "".join(parts)
    expected_parts, last = [], 0
    for hit in translit._NOT_PROSE_HINT.finditer(text):
        start, end = hit.span()
        if text[start] != "`":
            start = translit._NON_SPACE_BEFORE.match(text, last, start).start()  # type: ignore[union-attr]
        expected_parts += [text[last:start], " " * (end - start)]
        last = end
    expected = "".join([*expected_parts, text[last:]])
    assert translit.mask_non_prose(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AaBbZz09_' .@#/\\-\n’:", max_size=24))
def test_the_ascii_token_scan_is_the_unicode_one_on_ascii_text(text: str) -> None:
    """The shape scan for ASCII text finds the tokens the regex split finds."""
    ascii_text = text.encode("ascii", "ignore").decode()
    pieces = translit._TOKEN_SPLIT.split(ascii_text)
    starts = list(itertools.accumulate(map(len, pieces)))[0::2][: len(pieces) // 2]
    assert translit._shaped_tokens(ascii_text) == (starts, pieces[1::2])


#: Characters beyond ASCII of every kind ``_TOKEN`` tells apart: capitals,
#: small letters, a title-case letter (ǅ), combining and spacing marks, a
#: modifier letter (ʰ) and the modifier apostrophes (ʹ ʼ), other letters
#: and digits (中, ٣), the curly apostrophe and the prime, dashes and
#: quotes, a lone surrogate; with the ASCII characters around them.
WIDE = "AaKk'’ʹʼ′.@#/ _1ÉéŁłǅ\u0301\u0903ʰ中٣–“\ud800\U0001f600-s"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=WIDE, max_size=30))
@example("Donetsʹk Kramatorsʹkyi L’viv ǅemal Éa\u0301bc ʰAb")
def test_the_shape_scan_is_the_regex_split_beyond_ascii(text: str) -> None:
    """The shape scan finds the tokens the regex split finds, wherever a
    character has a shape; a character of no shape sends the text back to
    the split."""
    pieces = translit._TOKEN_SPLIT.split(text)
    starts = list(itertools.accumulate(map(len, pieces)))[0::2][: len(pieces) // 2]
    shaped = translit._shaped_tokens(text)
    if shaped is not None:
        assert shaped == (starts, pieces[1::2])
    else:
        assert any(not ch.isascii() and translit._wide_shape(ch) is None for ch in text)


def test_the_shipped_scripts_letters_all_have_a_shape() -> None:
    """Letters, marks and apostrophes of the texts linted have shapes: the
    shape scan, not the split, reads them."""
    text = "Kyiv’s Zełenśkyj Kramatorsʹk Ǆ ǅ ǆ Ξένη 中文 ٣ ̀a ′ ʼ – “ ” «»"
    assert translit._shape(text) is not None


def test_a_lone_surrogate_does_not_stop_the_masking() -> None:
    """RE2 cannot read such a text; masking then scans all of it."""
    text = "\ud800 see https://kyiv.ua/x and Kyiv"
    assert translit.mask_non_prose(text) == "\ud800 see " + " " * 17 + " and Kyiv"


def _finish_by_regex(text: str) -> str:
    """The merge as one regex ``sub`` per step, as ``translit._finish`` reads."""
    text = re.sub(r"ts|tz|[zcxwjyq]", lambda m: translit._SINGLE_MAP[m.group()], text)
    return re.sub(r"(.)\1+", r"\1", text)


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet="tszcxwjyqkaie", max_size=14))
def test_the_letter_merge_is_the_regex_merge(text: str) -> None:
    """Pairs replaced, then single letters translated, then doubles
    collapsed: the strings a single left-to-right regex pass makes (the
    pairs ts, tz, tts, tzs, ttz and x read as ks among them)."""
    assert translit._finish(text) == _finish_by_regex(text)


def test_the_occurrences_of_the_words_asked_are_tokens_in_order() -> None:
    """``where`` makes its tokens in C; they are the named tuples of each
    occurrence, left to right, with their ends."""
    index = translit.token_index("Lviv, Kyiv and Lviv. Odesa’s port; Kramatorsʹk.")
    found = list(index.where({"Lviv", "Kramatorsʹk"}))
    assert found == [
        translit.Token(0, 4, "Lviv"),
        translit.Token(15, 19, "Lviv"),
        translit.Token(35, 46, "Kramatorsʹk"),
    ]
    assert all(type(t) is translit.Token for t in found)
    assert found[1].end == 19
    assert list(index.where(set())) == []
    assert list(index.where({"Odesa": 1, "Paris": 2}.keys())) == [
        translit.Token(21, 26, "Odesa")
    ]


def _tails_by_scan(text: str, starts: list[int], texts: list[str]) -> list[str]:
    """The soft-sign words as a scan of the whole text for tails finds them."""
    tails = {m.start(): m.end() for m in translit._SOFT_TAIL.finditer(text)}
    return [
        text[start : tails[start + len(word)]] if start + len(word) in tails else word
        for start, word in zip(starts, texts, strict=True)
    ]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="DKdkn'’ʹ′ʼsltrevé\u0301 .@_1", max_size=30))
@example("Donets'k Kramatorsʹk Kyiv’s Rock'n Ol’ga D'll")
@example("Dk'")
def test_a_soft_sign_tail_is_the_one_a_scan_finds(text: str) -> None:
    """A tail is tried only after a word a sign follows: the words are
    those a scan of the whole text for tails gives."""
    pieces = translit._TOKEN_SPLIT.split(text)
    starts = list(itertools.accumulate(map(len, pieces)))[0::2][: len(pieces) // 2]
    words = pieces[1::2]
    expected = _tails_by_scan(text, starts, words)
    assert translit._with_soft_signs(text, starts, words) == expected


def _spans_of_a_plain_scan(text: str) -> list[int]:
    """The oracle: every hint found by ``finditer`` over the whole text,
    widened back over its non-space run as ``non_prose_spans`` does."""
    spans: list[int] = []
    last = 0
    for hit in translit._NOT_PROSE_HINT.finditer(text):
        start, end = hit.span()
        if text[start] != "`":
            run = translit._NON_SPACE_BEFORE.match(text, last, start)
            assert run is not None  # \S* matches everywhere
            start = run.start()
        spans.extend((start, end))
        last = end
    return spans


_HINT_PIECES = st.sampled_from(
    ["@a ", "#tag ", "`é ", "`x` ", "www.x ", "http://a.b/c ", "f.png ", ". ", "w"]
)
_PROSE_PIECES = st.sampled_from(
    ["the ", "word ", "é", "😀", "Київ ", "\n", ":", ".", "w ", "ww", "@", "#"]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 400), _PROSE_PIECES, _HINT_PIECES),
        max_size=12,
    ),
    st.integers(0, 1),
)
def test_non_prose_spans_are_a_plain_scans_dense_or_sparse(
    runs: list[tuple[int, str, str]], flip: int
) -> None:
    # Each run is many hints in a row (dense: past the 256 places at which
    # _hints_at judges their spacing) or much prose around one (sparse).
    parts: list[str] = []
    for count, prose, hint in runs:
        if (count + flip) % 2:
            parts.append(hint * count + prose)
        else:
            parts.append(prose * count + hint)
    text = "".join(parts)
    assert list(translit.non_prose_spans(text)) == _spans_of_a_plain_scan(text)


class _ScanRecorder:
    """``_NOT_PROSE_HINT`` as ``_hints_at`` uses it, recording where it
    hands the rest of a text to ``finditer``."""

    def __init__(self) -> None:
        self.pattern = translit._NOT_PROSE_HINT
        self.scanned_from: list[int] = []

    def match(self, text: str, pos: int) -> regex.Match[str] | None:
        return self.pattern.match(text, pos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[regex.Match[str]]:
        self.scanned_from.append(pos)
        return self.pattern.finditer(text, pos)


def test_dense_hints_are_left_to_finditer_with_the_same_spans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "word " * 3000 + "@a " * 2000 + "`é " * 1000 + "see http://x.org/ ok"
    expected = _spans_of_a_plain_scan(text)
    recorder = _ScanRecorder()
    monkeypatch.setattr(translit, "_NOT_PROSE_HINT", recorder)
    spans = list(translit.non_prose_spans(text))
    assert spans == expected
    assert spans[-2:] == [len(text) - 16, len(text) - 3]
    # the 256th handle, at 3 characters apart, hands the rest to finditer
    assert recorder.scanned_from == [15000 + 255 * 3 + 2]
