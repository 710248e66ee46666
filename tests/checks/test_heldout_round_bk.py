"""Mends for what round bk of held-out trees (``bench/labels/
heldout-2026-12-07k.md``) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found

from copydesk import code_lines

#: A rules manual in reST: detection rules shown in containers and an
#: indented paragraph, not in literal blocks, so they reach the prose.
RULES_PAGE = """\
Writing detection rules
=======================

A rule has an action, a header and options. The rule below raises an
alert for the the login page of any host:

.. container:: example-rule

    alert http any any -> any any (msg:"Login seen"; content:"/login"; sid:1001;)

A rule may run over several lines, each but the last ending in a
backslash:

.. container:: example-rule

    alert tcp any any -> any any \\
        (msg:"Large upload"; dsize:>1400; \\
        sid:1002;)

Options without values are keywords: ``ttl:64; prefilter; sid:3;`` sets a
flag. Without backquotes the same rule reads as text:

    alert ip any any -> any any (ttl:64; prefilter; sid:1003;)

Note that "msg" names the alert and "sid" numbers it.
"""


def test_a_rule_language_shown_as_text_is_code() -> None:
    # Its header repeats "any" and its options quote their values: the
    # statement's fields say it is code, on its own line and on the lines a
    # backslash joins to it. The doubled "the" of the prose stays.
    assert found(RULES_PAGE, "rules.rst", "style", "quotes") == [
        (5, 11, "style.Repetition"),
    ]


def test_a_statement_is_fields_ending_as_a_statement_does() -> None:
    def code(line: str) -> bool:
        return code_lines.code_line_spans(line, line, "rst") == [(0, len(line))]

    for line in (
        'alert ip any any (msg:"x"; sid:1;)',
        "ttl:64; prefilter; sid:3;",
        "drop any any (sid: 9;)",
        'alert tcp any any -> any any (msg:"x"; \\',
    ):
        assert code(line), line
    for line in (
        "Note: this is it; any any more.",
        'He said: "go"; then any any left.',
        "The ratio was 3:1; any any other.",
        "(see: any any)",
        # Prose that mentions fields goes on in words.
        "Style it with color:red; margin:0; and the the text turns red.",
        'He said:"go"; then he he left the room.',
        "us; Tel:030-1234; Fax:030-5678; we answer within a day, the",
    ):
        assert not code(line), line


def test_a_timetable_of_colons_is_read_in_linear_time() -> None:
    # "00:00,00:05,...": a colon every few characters, no semicolon after
    # any; every field's run is bounded, so the scan stays linear.
    line = ",".join(f"{h:02}:{m:02}" for h in range(24) for m in range(0, 60, 5))
    text = (line + "; ") * 40
    assert code_lines.code_line_spans(text, text, "markdown") == []


def test_two_people_listed_apart_are_two_people() -> None:
    # "Julian" and "Victor Julien" are two items of a contributors' list:
    # each item names one person. A one-word item in a list of no people
    # is still compared with the prose.
    text = (
        "# Speakers\n\n"
        "- Samojlenko\n- Kowalski\n- Nowak\n\n"
        "The panel opened at nine, and Samoylenko spoke first about the harvest.\n\n"
        "# Contributors\n\n"
        "- Joyce Yu\n- Julian\n- Juliana Fajardini\n- Ken Steele\n- Victor Julien\n"
    )
    assert found(text, "panel.md", "variants") == [(3, 3, "variants.Names")]


def test_one_person_listed_twice_in_two_spellings_is_reported() -> None:
    # Two items that are one name but for an accent list one person twice.
    text = (
        "Contributors to this release:\n\n"
        "- Ana Ruiz\n- Stefan van der Walt\n- Joyce Yu\n"
        "- Stéfan van der Walt\n- Ken Steele\n"
    )
    assert found(text, "release.md", "variants") == [(6, 3, "variants.Names")]


def test_a_command_quoted_after_run_is_not_a_word() -> None:
    # "run "stty raw"": the quotation opens with the program the reader
    # runs; a slip outside such a quotation is still one, and so is one in
    # a form's words the reader is told to enter.
    text = (
        'To reset the line, run "stty raw" on the server, or execute "stty\n'
        'sane" when the terminal is stuck. The sesion ends. Enter "personel\n'
        'details" in the form.\n'
    )
    assert found(text, "terminal.txt", "typos") == [
        (2, 39, "typos.Unknown"),
        (2, 59, "typos.Unknown"),
    ]


def test_one_person_in_two_lists_spelled_two_ways_is_reported() -> None:
    # The items differ only by the spelling itself: one person.
    text = (
        "Speakers:\n\n- Oleksandr Samojlenko\n- Ana Ruiz\n\n"
        "Authors:\n\n- Ken Steele\n- Oleksandr Samoylenko\n"
    )
    assert found(text, "event.md", "variants") == [(3, 13, "variants.Names")]


def test_a_statement_wrapped_inside_a_quoted_value_is_one() -> None:
    # The rule's message runs over a line break with no backslash: the
    # line it opens on belongs to the statement, and its quote too.
    text = (
        "The rule below drops the traffic:\n\n"
        ".. container:: example-rule\n\n"
        '    drop ip any any -> any any (msg:"No outbound access\n'
        '    from host"; sid:3; rev:1;)\n\n'
        'A "quoted word stays reported when left open.\n'
    )
    assert found(text, "drop.rst", "style", "quotes") == [
        (8, 3, "quotes.Unclosed"),
    ]
