"""Mends for what round by of held-out trees showed, each on a document of
our own: ``bench/labels/heldout-2026-12-07y.md`` (a Hugo site with
shortcodes, a library's Sphinx guide, a game's plain-text docs, and the
trees of the round's second helper)."""

from __future__ import annotations

from tests.shipped_packs import found, lint

#: Typeset text: words broken at a line's end with a hyphen.
TYPESET = (
    "The shop sells many things, some useful and some not. In par-\n"
    "ticular, the lamp of long burning is an acces-\n"
    "sory you will want. These are the re-\n"
    "sults of careful play, and the adven-\n"
    "ture goes on with a seperate quest.\n"
)


def test_a_word_broken_at_a_line_end_is_one_word() -> None:
    # The pieces joined are words; the slip on the last line stays.
    assert found(TYPESET, "guide.txt", "typos") == [(5, 21, "typos.Misspellings")]


def test_a_doubled_word_inside_a_quotation_has_no_safe_fix() -> None:
    text = 'Fixed the "you see the the corpse" message, and the the count.\n'
    findings = [
        (f.line, f.col, f.rule, f.fix.applicability.value if f.fix else None)
        for f in lint(text, "fixes.txt", "style")
    ]
    assert findings == [
        (1, 20, "style.Repetition", "unsafe"),
        (1, 49, "style.Repetition", "safe"),
    ]


def test_elven_is_a_word() -> None:
    assert found("Elven cloaks and elven boots are sold.\n", "shop.md", "typos") == []


def test_un_before_a_common_word_takes_an() -> None:
    text = "It puts a uncompensated burden on them, not a unanimous one.\n"
    assert found(text, "fees.md", "typos") == [(1, 9, "typos.Articles")]


def test_it_self_destructs_is_a_missing_hyphen() -> None:
    text = "At that point it self destructs, and the check it self fails.\n"
    assert found(text, "vtk.md", "typos") == [(1, 48, "typos.SplitWords")]


def test_setup_as_an_infinitive_before_a_name_or_a_second_verb() -> None:
    text = (
        "It is easier to setup and use the bundler.\n"
        "\n"
        "A guide on how to setup Kubernetes, prior to setup and use of the rig.\n"
    )
    assert found(text, "guide.md", "typos") == [
        (1, 17, "typos.JoinedVerbs"),
        (3, 19, "typos.JoinedVerbs"),
    ]


def test_union_is_said_with_a_consonant() -> None:
    text = "It was a uncompensated job for a unionized workforce.\n"
    assert found(text, "labour.md", "typos") == [(1, 8, "typos.Articles")]
