"""Mends for what round aw of held-out trees (``bench/labels/
heldout-2026-12-06v.md``: Brainhack School's Hugo site, CKAN's Sphinx docs,
the SAOImage DS9 manual, the IIIF news blog) showed, each on a document of
our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def test_a_name_with_a_capital_inside_is_no_listed_slip() -> None:
    text = (
        "The data came from the ADReSS Challenge. Send it to the adress, or to"
        " the ADRESS office.\n"
    )
    found = [(f.col, f.match, f.suggestions) for f in lint(text, "a.md", "typos")]
    assert found == [(57, "adress", ("address",)), (75, "ADRESS", ("ADDRESS",))]


def test_a_release_note_set_in_a_typewriter_face_is_prose() -> None:
    page = (
        "<ul>\n"
        "<li><tt>11.07.03 REGION: fixed a problem with region angles, where"
        " there there was a rotation in the frame.</tt></li>\n"
        "<li>Run <tt>ds9 -zoom 4</tt> to zoom.</li>\n"
        "<li><tt>xpaset -p ds9 regions command {circle 100 100 20} then the"
        " the end.</tt></li>\n"
        "</ul>\n"
    )
    found = [(f.rule, f.line, f.match) for f in lint(page, "r3.html", "style")]
    assert found == [("style.Repetition", 2, "there there")]


def test_a_validators_log_has_no_running_heads() -> None:
    records = "".join(
        f"\tType:\t\tError\n\tFile:\t\tsub-{n:03d}_events.tsv\n"
        "\tReason:\t\tAll rows must have as many columns as headers.\n"
        f"\tLine:\t\t2\n\tEvidence:\trow 1: {n % 5}.5\n\n"
        for n in range(60)
    )
    log = "File Path: Invalid JSON file.\n\n" + records
    assert list(lint(log, "errors.txt", "artifacts")) == []
    # A report's pages keep theirs.
    page = "GREYSTONE HOMES | ANNUAL REPORT\nStrategic report\n{body}\n{n}\n"
    body = "We repaired homes across the district this year, and more of them."
    pages = "".join(page.format(body=body, n=n) for n in range(1, 4))
    found = {f.line for f in lint(pages, "report.txt", "artifacts")}
    assert {1, 2, 5, 6} <= found


def test_a_doubled_the_after_a_noun_opening_an_item_is_no_safe_fix() -> None:
    text = "- Participation the the working group.\n- Now, deploy the the app.\n"
    found = [
        (f.line, f.fix.applicability.value if f.fix else None)
        for f in lint(text, "notes.md", "style")
    ]
    assert found == [(1, "unsafe"), (2, "safe")]


def test_a_person_named_like_a_well_known_country_is_another_name() -> None:
    text = (
        "The 2019 conference will be held in Göttingen, Germany, in June.\n\n"
        "New members:\n\n* Leonardo Germani (MediaLab, University of Goiás)\n"
    )
    assert list(lint(text, "news.md", "variants")) == []
    # Two spellings of one surname still pair.
    text = (
        "Olena Samojlenko opened the meeting.\n\n"
        "Later Olena Samoylenko closed it, and Samoylenko left.\n"
    )
    found = [(f.line, f.match) for f in lint(text, "news.md", "variants")]
    assert found == [(1, "Samojlenko")]


def test_a_list_items_label_is_no_speaker() -> None:
    text = (
        "- Python: As the language I used to manipulate manipulate the data.\n"
        "\n"
        "HOST: Sure, sure.\nGUEST: we we think so.\n"
    )
    found = [(f.line, f.match) for f in lint(text, "notes.md", "style")]
    assert found == [(1, "manipulate manipulate")]
