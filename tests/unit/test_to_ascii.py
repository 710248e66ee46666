"""``translit.to_ascii`` is ``anyascii`` without importing it for accented
Latin letters: the same strings, checked on every character it folds alone."""

from __future__ import annotations

import sys
import unicodedata

from anyascii import anyascii
from hypothesis import given
from hypothesis import strategies as st

from copydesk import translit


def test_every_letter_folded_alone_is_what_anyascii_makes_of_it() -> None:
    folded = 0
    for code in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        letter = translit._unaccented(chr(code))
        if letter is not None:
            folded += 1
            assert letter == anyascii(chr(code)), hex(code)
    assert folded > 400  # the Latin letters with diacritics, in every block


def test_marks_quotes_and_other_letters_are_left_to_anyascii() -> None:
    for ch in ("\u0301", "’", "ß", "ł", "ø", "æ", "ж", "ﬁ", "Ⅳ", "½", "€"):
        assert translit._unaccented(ch) is None, ch
    assert translit._unaccented("é") == "e"
    assert translit._unaccented(unicodedata.normalize("NFC", "Ǻ")) == "A"


TEXTS = st.text(st.sampled_from("aZ9 -'éïńóÅǺŁłß’e\u0301жﬁ€"), max_size=12)


@given(TEXTS)
def test_to_ascii_is_anyascii(text: str) -> None:
    assert translit.to_ascii(text) == anyascii(text)


def test_the_default_names_fold_without_anyascii() -> None:
    for name in ("Mykolaïv", "Lévy", "Kijów", "Charków", "Lugańsk"):
        assert translit.to_ascii(name) == anyascii(name)
        assert translit.to_ascii(name).isascii()
    assert all(translit._unaccented(ch) for ch in "ïéóń")
