"""Mends for what round br of held-out trees (``bench/labels/
heldout-2026-12-07r.md``: MkDocs Material's own docs, fish's Sphinx docs,
Jekyll's docs, the vile editor's HTML manual, the CodeRefinery blog and
Apache Answer's blog) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_prepositions_object_it_then_a_clause_in_the_past() -> None:
    text = (
        "Even for the length of it it felt a bit crowded.\n"
        "When we got to it it seemed smaller.\n"
        "She said it it was over.\n"
        "They took it it went wrong.\n"
    )
    assert found(text, "post.md", "style") == [
        (3, 10, "style.Repetition"),
        (4, 11, "style.Repetition"),
    ]


# -- the session's review: faults reproduced against the change, mended --


def test_a_bare_tab_marker_opens_nothing() -> None:
    text = "Intro text here.\n\n===\n\n    code the the block\n"
    assert found(text, "page.md", "style") == []


def test_a_passive_lists_values_in_lower_case_only() -> None:
    text = (
        "The action can be create, update or delete.\n"
        "The result will be pass or fail, and billing will be pay as you go.\n"
        "The answer should be Save or Cancel.\n"
        "The event will be send to the queue.\n"
    )
    assert found(text, "a.txt", "typos") == [(4, 19, "typos.BareParticiples")]


def test_false_friends_leave_the_english_senses() -> None:
    text = (
        "He condemned the decision to extend martial law to 90 days.\n"
        "The sofa needs a new furniture fabric, and the donor paid the pledge.\n"
        "Several militaries have used the drones.\n"
        "The ministry informed that family of the decision.\n"
        "Keep sensible materials; the firm commissioned the expertise of a lawyer.\n"
        "The vote legitimated the people who won; it was their personal will.\n"
    )
    assert found(text, "b.txt", "typos") == []


def test_a_nested_quotation_opening_a_wrapped_line() -> None:
    text = (
        'The spokesman said: "We reject the claim that the plant is\n'
        '"unsafe" and we will publish the report next week," adding that\n'
        "inspectors had found no fault.\n"
    )
    assert found(text, "c.txt", "quotes") == []


def test_doubles_after_what_the_the_and_quantities() -> None:
    text = (
        "We know that what she has has real value to the museum.\n"
        "The story was reported by The The New York Times on Sunday.\n"
        "None of it it makes sense to the families.\n"
    )
    assert found(text, "d.txt", "style") == [
        (2, 27, "style.Repetition"),
        (3, 9, "style.Repetition"),
    ]


def test_a_given_names_forms_cite_the_same_man() -> None:
    text = (
        "Foreign Minister Dmytro Kuleba met his counterparts on Monday.\n"
        "Mayor Dmytro Kovalenko said the school would reopen.\n"
        "Dmitry Kovalenko added that repairs would take a month.\n"
        "Olena Zelenska visited the hospital.\n"
        "Elena Zelenska's foundation paid for the equipment.\n"
    )
    got = [(f.line, f.match, f.message) for f in lint(text, "e.txt", "variants")]
    assert [(line, match) for line, match, _ in got] == [(3, "Dmitry"), (5, "Elena")]
    assert "'Dmytro' on line 2" in got[0][2]


def test_span_classes_that_also_hold_words_are_prose() -> None:
    text = (
        '<html><body><p>The agenda is in <span class="file">the the minutes'
        '</span>, and <span class="function">Cheif Executive</span>.</p>'
        "</body></html>\n"
    )
    assert [f.rule for f in lint(text, "f.html", "style", "typos")] == [
        "style.Repetition",
        "typos.Misspellings",
    ]


def test_markers_indented_as_code_are_read_in_linear_time() -> None:
    # 20,000 markers indented as code: each looked up back to the page's
    # start made this minutes; a stack of margins reads each line once.
    lines = [f'    !!! note "Example {i}"' for i in range(20_000)]
    text = "# Syntax\n\nEvery type:\n\n" + "\n".join(lines) + "\n\nThe the end.\n"
    assert found(text, "syntax.md", "style") == [(20006, 1, "style.Repetition")]
