"""The fully masked base every reader starts from."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.markup._mask import _templated, decoded, has_surrogate, mask_all


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\r\t’é\u2028\U0001f600\x85\x0b\x7f\x80", max_size=40))
def test_every_character_but_cr_and_lf_becomes_a_space(text: str) -> None:
    """Each code point of every UTF-8 width, and line separators that are
    not CR or LF, is one space."""
    assert mask_all(text) == re.sub(r"[^\r\n]", " ", text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.characters(codec=None) | st.sampled_from("\ud800\udfff\r\n"),
        max_size=40,
    )
)
def test_any_code_point_a_lone_surrogate_too_is_one_space(text: str) -> None:
    """An editor's buffer may hold a lone surrogate: it is one character."""
    assert mask_all(text) == re.sub(r"[^\r\n]", " ", text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("a\n’é\U0001f600\ud7ff\ud800\udbff\udc00\udfff\ue000")))
def test_lone_surrogates_are_found_and_read_as_the_replacement_character(
    text: str,
) -> None:
    """Either half of a pair, alone or in a run, and nothing beside them
    (the code points just below and above the range are no surrogates)."""
    assert has_surrogate(text) == bool(re.search("[\ud800-\udfff]", text))
    assert decoded(text) == re.sub("[\ud800-\udfff]", "\ufffd", text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("{%}< é\n")))
def test_a_text_is_templated_when_it_holds_a_tag_start(text: str) -> None:
    """The pattern finds what the three substring tests find (Hugo, Liquid
    and ERB tag starts)."""
    assert _templated(text) == ("{{" in text or "{%" in text or "<%" in text)
