"""Mends for what round ab showed: the blind set ``tests/documents/accuracy14``
(page furniture from many countries' sites, names and quotes) and held-out
trees labelled blind (``bench/labels/heldout-2026-12-06a.md``: Digital.gov's
blog, Linkerd's blog, PEPs, Scrapy's docs and W3C's cognitive accessibility
pages). Each test is a document of our own with the shape they found, run
through the shipped packs as ``copydesk check`` runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint

# -- quotations -----------------------------------------------------------


def test_a_closer_before_a_citation_bracket_closes_a_quoted_list() -> None:
    # A list quoted item by item: the closer sits right before the citation
    # ("…results."[[Source]]) and the items between quote others.
    text = (
        "<ul>\n"
        '<li> "Keep the navigation the same on every page. </li>\n'
        "<li> Label buttons with what they do. </li>\n"
        '<li> Avoid what readers call "walls of text" in forms. </li>\n'
        '<li> Similar controls should behave alike."[[Guide-2]]</li>\n'
        "</ul>\n"
    )
    assert found(text, "guide.html", "quotes") == []


def test_a_quotation_of_the_other_kind_inside_one_carried_over_paragraphs() -> None:
    # The quotation runs from its paragraph through the list and closes in
    # its last item; the 'pretend' inside it is nested, and ends nothing.
    text = (
        "<p>The agency lists the signs:</p>\n"
        '<p>"Children may not respond to their name by 12 months.</p>\n'
        "<ul>\n"
        "<li>They may avoid eye contact.</li>\n"
        "<li>They may not play 'pretend' games.</li>\n"
        '<li>They may repeat words over and over." [[Agency]]</li>\n'
        "</ul>\n"
    )
    assert found(text, "signs.html", "quotes") == []


# -- names ----------------------------------------------------------------


def test_a_name_written_with_an_okina_is_one_word() -> None:
    text = (
        "Researchers from Hawai‘i Volcanoes National Park joined the study.\n\n"
        "A drought group now meets in Hawai’i every spring, and Hawai‘i’s "
        "farmers attend.\n"
    )
    assert found(text, "news.md", "variants") == []


def test_a_date_keeps_the_name_of_its_time_in_its_state_s_language() -> None:
    # A year after "in" dates a life: the Russian form is the house's to
    # mend, in 1951 as in 1932 (when the town was Polish Równe).
    text = (
        "Halyna Moroz was born in Lvov in 1951 and studied in Kharkiv.\n\n"
        "Her father was born in Rovno in 1932.\n"
    )
    assert found(text, "obituary.txt", "names") == [
        (1, 26, "names.Places"),
        (3, 24, "names.Places"),
    ]
    # A sentence dated before 1945 keeps the Polish name, and the document
    # writes it so throughout.
    text = (
        "My grandfather studied in Lwów in the 1930s, when the city was part "
        "of Poland.\n\nHe never saw Lwów again, and his grandson lives in "
        "Lviv.\n"
    )
    assert found(text, "memoir.txt", "names") == []
    # "before" a year keeps its time's name up to independence.
    text = "The archive was kept in Lvov before 1990 and then moved to Kharkiv.\n"
    assert found(text, "archive.txt", "names") == []


def test_a_product_named_after_a_place_keeps_its_name() -> None:
    text = (
        "Owners of Ural and Dnepr motorcycles met in Assen, and a 1959 Dnepr "
        "motorcycle won the prize. The factory in Kyiv closed long ago.\n\n"
        "Fishermen on the Dnepr saw the parade.\n"
    )
    assert found(text, "rally.txt", "names") == [(3, 18, "names.Places")]


def test_a_ship_named_after_a_place_past_three_describing_words() -> None:
    text = (
        "The former Soviet aircraft carrier Kiev is now a hotel in Tianjin.\n\n"
        "A guide who grew up in Kyiv shows visitors the flight deck.\n"
    )
    assert found(text, "ship.txt", "names") == []


def test_a_given_name_with_letters_no_romanisation_of_ukrainian_uses() -> None:
    text = (
        "A Brno charity sent medicine to Odesa and Kharkiv this week, its "
        "spokeswoman Kateřina Holubová said.\n"
    )
    assert found(text, "aid.txt", "names") == []
    text = "In Kharkiv, the volunteers Kateryna Holub and Andrij Petrenko met.\n"
    assert found(text, "aid.txt", "names") == [(1, 47, "names.GivenNames")]


# -- page furniture -----------------------------------------------------------

DRAFT = (
    "Ferry services to the islands cancelled after storm\n"
    "Marta Lindqvist\n"
    "Regional News Service\n"
    "Thursday, 07/03/2024 - 14:26\n"
    "The ferry operator cancelled all crossings on Thursday as winds reached "
    "gale force in the strait.\n"
    "Story continues below the advert\n"
    "Passengers were offered places on the Friday morning sailing.\n"
    "Read 2310 times\n"
    "Tags:\n"
    "ferries\n"
    "storm\n"
    "© 2024 Island Courier. All rights reserved. Any use of the content "
    "without permission is prohibited.\n"
    "About us | Advertising | Contacts | Privacy policy\n"
)


def test_furniture_around_a_scraped_story_is_found_line_by_line() -> None:
    findings = lint(DRAFT, "ferry.txt", "artifacts")
    covered = {n for f in findings for n in range(f.line, f.end_line + 1)}
    assert covered == {2, 3, 4, 6, 8, 9, 10, 11, 12, 13}


def test_a_block_never_takes_the_headline_above_it() -> None:
    # "Ferry Service Resumes" fits a byline's name, but a draft opens with
    # its headline; the stamp under it is reported alone.
    text = "Ferry Service Resumes\n\n5 min read\n\nThe ferry runs again from Monday.\n"
    assert found(text, "ferry.txt", "artifacts") == [(3, 1, "artifacts.ReadingTime")]


def test_a_wire_story_s_desk_initials_and_a_labelled_editor() -> None:
    text = (
        "The port reopened on Monday after a week of repairs.\n\n"
        "(dpw/rwl)\n\n"
        "Editor in charge: Wang Lei\n"
    )
    assert found(text, "wire.txt", "artifacts") == [
        (3, 1, "artifacts.Byline"),
        (5, 1, "artifacts.Byline"),
    ]


def test_a_model_an_italic_ship_and_a_dated_block_quotation_keep_old_names() -> None:
    text = (
        "Collectors prize the Kiev-88, a camera made in Kyiv from 1957.\n\n"
        "The aircraft carrier *Kiev* is a hotel now; the *Kiev* sails no more.\n\n"
        "A signaller's letter is dated 24 August 1943:\n\n"
        "> We entered Kharkov yesterday. Everything is burning.\n\n"
        "Its Kharkov-born founder visited on Tuesday Charkiv.\n"
    )
    assert found(text, "page.md", "names") == [
        (9, 5, "names.Places"),
        (9, 45, "names.Places"),
    ]


def test_english_sites_furniture_around_a_story() -> None:
    text = (
        "Rail line reopens after flood repairs\n"
        "By Jess Tran and Marcus Healey\n"
        "Posted Thu 7 Mar 2024 at 5:02am, updated Thu 7 Mar 2024 at 9:46am\n"
        "The line between the two towns reopened on Thursday after three "
        "weeks of repairs to the embankment.\n"
        "This advertisement has not loaded yet, but your article continues below.\n"
        "Engineers replaced 400 metres of track and raised the signal boxes.\n"
        "Cookies on the Westfold District Council website\n"
        "Accept additional cookies\n"
        "Reject additional cookies\n"
    )
    findings = lint(text, "rail.txt", "artifacts")
    covered = {n for f in findings for n in range(f.line, f.end_line + 1)}
    assert covered == {2, 3, 5, 7, 8, 9}


def test_a_work_s_title_ending_with_a_place_and_an_honorific() -> None:
    text = (
        "This month we read The Last Tram to Lvov, a novel set in the 1930s.\n\n"
        "The author is touring Lviv this spring.\n"
    )
    assert found(text, "club.txt", "names") == []
    # "Mr" is no given name: the bare surname after it is the same man.
    text = (
        "The committee, chaired by the engineer Yuriy Tkachenko, met.\n\n"
        "Mr Tkatschenko reported that the fees were paid.\n"
    )
    assert found(text, "report.txt", "variants") == [(3, 4, "variants.Names")]


def test_read_also_labels_in_many_languages_and_upper_case() -> None:
    text = (
        "The flood closed the provincial road on Monday.\n\n"
        "Baca juga: Banjir Bandung Selatan, jalan provinsi lumpuh total\n\n"
        "Crews cleared the mud by Wednesday.\n\n"
        "READ: Council approves loan for the new market\n"
    )
    assert found(text, "flood.txt", "artifacts") == [
        (3, 1, "artifacts.Related"),
        (7, 1, "artifacts.Related"),
    ]


def test_a_doubled_guillemet_or_straight_closer_is_one_stray() -> None:
    text = (
        "Die Bewohner sollen umziehen.\n\n"
        "»»Nein, ich gehe hier nicht weg«, sagte Hildegard Brandt.\n"
    )
    assert found(text, "heim.txt", "quotes") == [(3, 1, "quotes.Stray")]
    text = (
        'The council has 214 plots.\n\n"I have waited since 2019. '
        'I will retire before I get a plot.""\n\n'
        'Arrows stay: More »» and »» Next. Set it to "" to clear it.\n'
    )
    assert found(text, "plots.txt", "quotes") == [(3, 63, "quotes.Stray")]


def test_a_draft_that_opens_with_the_closing_mark_nests_the_same_way() -> None:
    # Swedish ”…” with ’…’ inside: ’ opens as ” does, whatever the
    # configured language.
    text = (
        "Kommunen lägger ner två fritidsgårdar.\n\n"
        "”Ungdomarna har sagt till oss: ’Flytta inte vår gård’, och det tar "
        "vi med oss.”\n"
    )
    assert found(text, "gard.txt", "quotes") == []
