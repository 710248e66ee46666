"""Mends for what round az of held-out trees (``bench/labels/
heldout-2026-12-06y.md``: the Notary Project's Hugo site, the Hercules
HTML manual, uWSGI's Sphinx docs, the DataCite blog), its helpers' lists
of misses and the re-scoring of the earlier trees showed, each on a
document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def _found(text: str, name: str, rule: str) -> list[tuple[int, int, str]]:
    pack = rule.split(".", 1)[0]
    return [(f.line, f.col, f.match) for f in lint(text, name, pack) if f.rule == rule]


def test_a_letter_doubled_in_a_word_that_is_also_a_name() -> None:
    text = "The governnment closed the reaading room. Visit Reading in May.\n"
    found = [
        (f.col, f.match, f.suggestions)
        for f in lint(text, "notes.md", "typos")
        if f.rule == "typos.Unknown"
    ]
    assert found == [
        (5, "governnment", ("government",)),
        (28, "reaading", ("reading",)),
    ]


def test_a_notes_field_after_a_typed_hyphen_is_no_name() -> None:
    text = (
        "# Meeting notes\n\n"
        "- Steve - Capabilties - how can a registry list them\n"
        "- Anna - Distribtuion of signing keys\n\n"
        "Paul Contreras – Perris, California\n"
    )
    assert _found(text, "notes.md", "typos.Unknown") == [
        (3, 11, "Capabilties"),
        (4, 10, "Distribtuion"),
    ]


def test_an_options_page_titled_by_its_identifier() -> None:
    text = (
        "pty-uconnect\n"
        "************\n\n"
        "Connect the pseudo terminal to a socket and wait for for each vassal.\n"
        "The worker waits for for the master.\n"
    )
    assert _found(text, "options.rst", "typos.Unknown") == []
    # "for for each" is reported: a slip far more often than a stranded "for".
    assert _found(text, "options.rst", "style.Repetition") == [
        (4, 50, "for for"),
        (5, 18, "for for"),
    ]


def test_a_letter_before_a_common_word_names_code() -> None:
    text = (
        "Call fadvise before the read, and use the cdecimal module for money.\n"
        "The documention of the parser is short. Fix the upacking.\n"
    )
    # A slip's other correction still stands ("unpacking", not "packing"),
    # and so does an "-ation" word's lost syllable (since round bg).
    assert _found(text, "io.md", "typos.Unknown") == [
        (2, 5, "documention"),
        (2, 49, "upacking"),
    ]


def test_a_modal_verb_before_a_third_persons_verb() -> None:
    text = (
        "This option will allows you to keep the logs. The system must requires\n"
        "sockets, and the folder might includes a statement. When will updates\n"
        "arrive? The tin can contains a litre, and free will makes us human.\n"
    )
    assert _found(text, "modal.md", "typos.ModalVerbs") == [
        (1, 18, "allows"),
        (1, 63, "requires"),
        (2, 31, "includes"),
    ]


def test_a_daemons_name_on_a_page_about_daemons() -> None:
    text = (
        "The networkd unit starts after the auditd service. Both run as a"
        " daemon.\nThe filterd list is long.\n"
    )
    elsewhere = "The networkd unit starts first. The filterd list is long.\n"
    # On a page about daemons a word + "d" before a daemon's noun, or used
    # twice, is a daemon's name; a "filterd" used once is still a slip.
    assert _found(text, "units.md", "typos.Unknown") == [(2, 5, "filterd")]
    assert _found(elsewhere, "units.md", "typos.Unknown") == [
        (1, 5, "networkd"),
        (1, 37, "filterd"),
    ]
