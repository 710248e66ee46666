"""translit_loose: a name's readings, each asked only of the forms that
hold its letters."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from copydesk import translit, translit_loose


def _every_reading(token: str) -> frozenset[str]:
    """The loose keys with every reading's pattern run on every form, as
    ``loose_keys`` reads them without its needles."""
    folded = translit.fold(token)
    if not folded:
        return frozenset()
    found = set(translit.keys(token))
    forms = {folded, translit.fold(translit_loose._C_AS_TS.sub("ts", token))}
    for form in forms:
        combined = form
        for pattern, reading in translit_loose._READINGS:
            found |= translit.keys(pattern.sub(reading, form))
        for pattern, reading, _ in translit_loose._COMBINED:
            combined = pattern.sub(reading, combined)
        found |= translit.keys(combined)
    if folded.endswith("ic"):  # Vucic, Vučić
        found |= translit.keys(translit_loose._LONE_C.sub("tsch", folded))
    arabic = translit_loose.arabic_keys(folded)
    return frozenset(found | arabic | translit_loose.east_asian_keys(token))


#: Letters the readings and the strict key turn on, and a few others.
NAMES = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("CKSHJXYIZEDMT"),
    st.text(alphabet="aceijkhnostuyzxdb'ʹ", max_size=12),
)


@settings(max_examples=1500, deadline=None)
@given(NAMES)
@example("Chmielnicki")
@example("Soljenitsyne")
@example("Lukashenka")
@example("Yerevan")
@example("Kharkiv")
@example("Jytomyr")
@example("Hmelʹnicʹkij")
@example("Zhytomyr")
@example("Shchedrin")
def test_a_reading_is_asked_only_where_its_letters_stand(token: str) -> None:
    translit_loose.loose_keys.cache_clear()
    assert translit_loose.loose_keys(token) == _every_reading(token)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdehijknostyxz", max_size=14))
@example("hakhenka")
@example("jiecki")
@example("yne")
def test_every_match_of_a_reading_holds_its_needle(form: str) -> None:
    """The needles are letters each pattern's matches hold: a form without
    them is one the pattern leaves as it is."""
    needles = translit_loose._NEEDLES
    for (pattern, _), needle in zip(translit_loose._READINGS, needles, strict=True):
        for match in pattern.finditer(form):
            assert needle in match.group()
