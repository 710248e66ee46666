"""Mends from the held-out trees' false findings, session of 2026-12-04 (n).

Each document is our own, written with the shape a real tree showed, and
linted with the shipped packs as ``copydesk check`` lints it.
"""

from __future__ import annotations

from tests.shipped_packs import found


def test_an_initial_set_apart_by_marks_is_part_of_its_word() -> None:
    # A page explaining a name by its letters ("d"istributed) and a drop
    # initial in bold (reST's escaped space joins it to the rest).
    text = (
        'The name joins "/etc" and "d"istributed: one store for the cluster.\n'
        "\n"
        "**Q**\\ ualified buyers may apply.\n"
        "\n"
        "A ualified buyer may apply, or a(nother) one.\n"
    )
    assert found(text, "naming.md", "typos") == [(5, 3, "typos.Unknown")]


CREDITS = """\
# Acknowledgements

Thanks to Anne Keller, Bryan Ostrowski, Carla Diaz, Dmitri Volkov, Henri
Sivonen, Henry Mason, Brian Lowe, Ines Moreau, Jakob Lind, Rian Hunter,
Ryan Park, Sofia Reyes and Tomas Berg for their comments.
"""


def test_two_people_thanked_in_one_list_are_not_one_name() -> None:
    assert found(CREDITS, "thanks.md", "variants") == []


def test_one_name_spelled_two_ways_in_prose_is_still_reported() -> None:
    text = (
        "Henri Sivonen wrote the parser. Later Henry Sivonen rewrote the tokenizer.\n"
    )
    assert found(text, "history.md", "variants") == [(1, 39, "variants.Names")]


def test_a_letter_before_a_closing_mark_and_a_space_is_no_initial() -> None:
    text = 'The test "A && D" evalues as two groups.\n'
    assert found(text, "ops.md", "typos") == [(1, 19, "typos.Unknown")]
