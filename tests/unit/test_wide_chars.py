"""wide_chars: the characters of a text beyond ASCII, found without reading
every character into a set."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from copydesk import wide_chars

#: Question marks (the ASCII encoding's stand-in), other ASCII, wide
#: letters, marks and punctuation, a lone surrogate and an astral emoji.
TEXTS = st.text(alphabet="a?? .Zé’ʹ\u0301中–\ud800\U0001f600", max_size=40)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
@example("??")
@example("é?")
@example("?é?’")
def test_the_wide_places_are_the_characters_beyond_ascii(text: str) -> None:
    view = wide_chars.ascii_view(text)
    assert len(view) == len(text)
    expected = [at for at, ch in enumerate(text) if not ch.isascii()]
    assert wide_chars.wide_places(text, view) == expected
    assert wide_chars.wide_characters(text) == {ch for ch in text if not ch.isascii()}


def test_an_ascii_text_has_none() -> None:
    assert wide_chars.wide_characters("Why? Because. " * 3) == frozenset()
    assert wide_chars.wide_places("a?b", b"a?b") == []
