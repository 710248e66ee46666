"""cSpell directives read from a page's source (``copydesk.spell_directives``)."""

from __future__ import annotations

from copydesk import spell_directives


def test_words_lists_in_front_matter_and_comments() -> None:
    text = (
        "---\ncSpell:ignore: Kanzhelev Novotny\n---\n"
        "<!-- cspell:words upvote, triagers -->\n"
        "// spell-checker: ignore devstats\n"
    )
    found = spell_directives.read(text)
    assert found.words == {"kanzhelev", "novotny", "upvote", "triagers", "devstats"}
    assert found.accepts("Upvote")
    assert found.disabled == ()


def test_disabled_regions_lines_and_next_lines() -> None:
    lines = [
        "one",  # 0
        "<!-- cspell:disable -->",  # 1
        "two",  # 2
        "three <!-- cspell:disable-line -->",  # 3
        "<!-- cspell:enable -->",  # 4
        "four",  # 5
        "<!-- cspell:disable-next-line -->",  # 6
        "five",  # 7
        "six",  # 8
        "seven cSpell:disable-line",  # 9
        "eight",  # 10
        "{{< comment >}} cSpell:disable {{< /comment >}}",  # 11
        "nine",  # 12
    ]
    text = "\n".join(lines)
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    found = spell_directives.read(text)
    off = [i for i, at in enumerate(starts) if found.disables(at)]
    assert off == [1, 2, 3, 4, 7, 9, 11, 12]


def test_a_page_without_directives() -> None:
    assert spell_directives.read("Nothing to read.\n") is spell_directives.NONE
    assert spell_directives.read("Spelling matters.\n") == spell_directives.NONE


def test_two_commands_on_one_line_and_prose_about_spells() -> None:
    """ "cspell:disable --> word <!-- cspell:enable" closes on its own line;
    a bare "spell:" in a story is no directive."""
    text = (
        "<!-- cspell:disable --> Zbigniewski <!-- cspell:enable -->\n"
        "The wizard cast his spell: disable the wards.\n"
        "Spell: ignore the pain.\n"
    )
    found = spell_directives.read(text)
    assert found.disabled == ((0, text.index("\n")),)
    assert found.words == frozenset()
