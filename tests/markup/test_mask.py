"""The fully masked base every reader starts from."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.markup._mask import mask_all


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\r\t’é\u2028\U0001f600", max_size=40))
def test_every_character_but_cr_and_lf_becomes_a_space(text: str) -> None:
    """ASCII, non-ASCII without CR, and CR texts take different paths."""
    assert mask_all(text) == re.sub(r"[^\r\n]", " ", text)
