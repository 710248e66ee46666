"""Mends for what round ai of held-out trees showed (``bench/labels/
heldout-2026-12-06h.md``: Spinnaker's Hugo docs, Nova's Sphinx docs and
the round's HTML site and blog), labelled by helpers who never saw the
checks. Each test is a document of our own with the shape they found, run
through the shipped packs as ``copydesk check`` runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_particle_verbs_in_before_code_a_name_or_a_number_is_meant() -> None:
    text = (
        "The settings file brought in in `(2)` is read once.\n\n"
        "Once you have logged in in Firefox, open the menu.\n\n"
        "The patch was pulled in in 2023.\n\n"
        "The rule is read in in the docs folder.\n"
    )
    # "read in" takes "in" as a preposition as often as a particle: kept.
    assert found(text, "plugins.md", "style") == [(7, 18, "style.Repetition")]
    # The particle verb may open its sentence.
    text = "Answer the survey. Chime in in the issue tracker.\n"
    assert found(text, "post.md", "style") == []


def test_a_doubled_the_after_an_object_pronoun_gets_no_safe_fix() -> None:
    text = (
        "The button will take you the the failed stage.\n\n"
        "The page shows you the the list of stages.\n\n"
        "Open it in the the browser.\n"
    )
    fixes = [
        (f.line, f.col, f.fix.applicability.value if f.fix else None)
        for f in lint(text, "guide.txt", "style")
    ]
    assert fixes == [(1, 26, "unsafe"), (3, 20, "unsafe"), (5, 12, "safe")]


def test_a_silent_e_or_a_ble_stem_explains_no_slip() -> None:
    # "immense" keeps its e before -ly and "flexible" takes -ility: neither
    # word is a form, both are slips. "hoping" and "usable" still are forms.
    text = (
        "The tool provides flexiblity to query many sources.\n\n"
        "The archive was immensly useful, and we are hoping it stays usable.\n"
    )
    assert found(text, "post.md", "typos") == [
        (1, 19, "typos.Unknown"),
        (3, 17, "typos.Unknown"),
    ]


def test_a_slip_ending_a_links_text_of_several_words_is_prose() -> None:
    text = (
        "See [the project wesbite](https://example.org/tool/) for the guide.\n\n"
        "Try [our mobile apps and dwellr](https://example.org/mobile/) today.\n\n"
        "Read [pplacer](https://example.org/pplacer/) for the placement step.\n"
    )
    assert found(text, "post.md", "typos") == [(1, 18, "typos.Unknown")]


def test_a_word_the_sentence_calls_a_package_is_its_name() -> None:
    text = (
        "We used the map function from the purrr package.\n\n"
        "Citations come via the rentrez package and our crevents library.\n\n"
        "Three modules are in the stardard library.\n"
    )
    assert found(text, "post.md", "typos") == [(5, 26, "typos.Unknown")]


def test_an_american_spellings_slip_is_believed_and_answered_in_kind() -> None:
    # The frequency list counted favourite and travelled, not favorite and
    # traveled: the American forms take their British twins' counts.
    text = (
        "My favrite color is blue.\n\n"
        "Our neighbor travled to the theater.\n\n"
        "We want to analzye the catalgo.\n"
    )
    found_here = [
        (f.line, f.col, f.suggestions[0]) for f in lint(text, "a.txt", "typos")
    ]
    assert found_here == [
        (1, 4, "favorite"),
        (3, 14, "traveled"),
        (5, 12, "analyze"),
        (5, 24, "catalog"),
    ]


def test_a_long_stem_doubles_no_consonant() -> None:
    # "catalogged" and "refererrer" are slips; "committed", "unzipped" forms.
    text = "The catalogged items were committed and unzipped.\n"
    assert found(text, "a.txt", "typos") == [(1, 5, "typos.Unknown")]


def test_teletype_text_of_an_old_page_is_code() -> None:
    page = (
        "<p>The syntax <tt>requires requires (T x) { x + x; }</tt> nests a "
        'clause, and <tt>"\\"a string\\""</tt> is a literal.</p>\n'
        "<p>The the parser reads it once.</p>\n"
    )
    assert found(page, "manual.html", "style") == [(2, 4, "style.Repetition")]
    assert found(page, "manual.html", "quotes") == []


def test_a_slip_of_a_documentation_word_before_module_is_still_a_slip() -> None:
    text = "Enable the authentcation module and the scheduelr module.\n"
    assert found(text, "a.txt", "typos") == [
        (1, 12, "typos.Unknown"),
        (1, 41, "typos.Unknown"),
    ]
