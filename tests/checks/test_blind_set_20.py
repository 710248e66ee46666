"""Mends for what blind set 20 (``tests/documents/accuracy20``) showed when
first scored: each test is a document of our own with the shape of a
missed defect or of a clean case flagged, run through the shipped packs."""

from __future__ import annotations

from tests.shipped_packs import found

STORY = (
    "The council approved the new ferry timetable on Tuesday after a long "
    "debate about the cost of the winter sailings to the islands.\n"
)


def _lines(text: str, name: str = "draft.txt") -> list[int]:
    return sorted({line for line, _, _ in found(text, name, "artifacts")})


def test_a_row_of_two_buttons_beside_one_line_paragraphs() -> None:
    text = (
        f"{STORY}"
        "Add to calendar   Share event\n"
        f"{STORY}"
        "Update your preferences | Unsubscribe\n"
        "Free cancellation · No prepayment needed\n"
    )
    assert _lines(text) == [2, 4, 5]
    # Two words a sentence's double space parts, and a byline with its place.
    prose = f"{STORY}The ferry sailed.  It was late.\n\nBy Ana Ruiz · Stockholm\n"
    assert _lines(prose) == []


def test_two_menus_of_words_are_no_table_but_rows_with_figures_are() -> None:
    menus = (
        f"{STORY}‹ Previous   Contents   Next ›\nAa   Bookmark   Night mode\n{STORY}"
    )
    assert _lines(menus) == [2, 3]
    table = f"{STORY}Name   Event   Points\nKrajnc   Planica   256\n{STORY}"
    assert _lines(table) == []


def test_a_row_inside_a_paragraph_wrapped_over_short_lines_stays() -> None:
    text = (
        "The ferry sailed at noon.\nOslo · Bergen · Trondheim\nIt reached the island.\n"
    )
    assert _lines(text) == []


def test_running_heads_and_page_numbers_of_a_pasted_report() -> None:
    text = (
        "Notes for the housing piece, from the annual report.\n"
        "NORTHGATE HOMES | ANNUAL REPORT 2024/25\n"
        "Strategic report\n"
        "We completed 41,280 repairs during the year, 6% more than last year.\n"
        "12\n"
        "NORTHGATE HOMES | ANNUAL REPORT 2024/25\n"
        "Strategic report\n"
        "Overall satisfaction with repairs fell to 68%.\n"
    )
    assert _lines(text) == [2, 3, 5, 6, 7]
    refrain = (
        "The sea said no.\nWe asked the tide to stay and it went out.\n"
        "The sea said no.\nWe asked the wind to drop and it rose.\n"
    )
    assert _lines(refrain) == []


def test_headlines_listed_under_a_label_after_the_story() -> None:
    text = (
        "Parking in the centre will cost more from January\n"
        f"{STORY}"
        "Поврзани вести\n"
        "New public garage in Aerodrom opened with 400 places\n"
        "The ring road will close for two weekends in March\n"
        f"{STORY}"
    )
    assert _lines(text) == [3, 4, 5]
    # One such line under a label, over a paragraph, is a subhead.
    subhead = f"{STORY}Advertisement\nWhat the council decided on Tuesday\n{STORY}"
    assert _lines(subhead) == [2]


def test_reaction_bars_and_icons_before_furniture() -> None:
    text = f"{STORY}👍 612   😡 240   🔥 31\n{STORY}🕑 2 minute reading\n{STORY}"
    assert _lines(text) == [2, 4]


def test_a_verse_line_that_runs_on_is_no_button() -> None:
    poem = (
        "Inventory\n\nComments of crows\non the wire.\n"
        "Subscribe\nto nothing but this:\nthe kettle, the door.\n"
    )
    assert _lines(poem) == []
    pasted = f"{STORY}Subscribe\n{STORY}"
    assert _lines(pasted) == [2]


def test_a_mail_senders_line_with_its_address() -> None:
    text = "From: Branch 114 <bulletin@example.org>\nTo: members\n\n" + STORY
    assert _lines(text) == [1, 2]


# -- names and variants -------------------------------------------------------------


def test_a_polish_surname_is_no_spelling_of_a_listed_ukrainians() -> None:
    text = (
        "09:00 A video address by President Volodymyr Zelensky.\n"
        "09:30 Keynote: soils after shelling. Dr Tomasz Zeleński, Kraków.\n"
        "Later Zelenskyy thanked the farmers.\n"
    )
    assert found(text, "programme.txt", "names") == [(3, 7, "names.People")]


def test_a_count_after_each_port_is_no_model_number() -> None:
    text = (
        "Port calls this week: Chornomorsk 11, Pivdennyi 9, Odessa 14.\n"
        "Pilot boarding for Odessa's outer anchorage has moved south.\n"
        "The Kiev 88 is a medium-format camera; later Kiev bodies were sturdier.\n"
    )
    assert found(text, "bulletin.txt", "names") == [
        (1, 52, "names.Places"),
        (2, 20, "names.Places"),
    ]


def test_a_firm_in_capitals_a_dish_and_a_dated_caption_keep_old_names() -> None:
    text = (
        "KIEV CONFECTIONERY IMPORTS LTD, Leicester, imports halva from Kyiv.\n"
        'The menu has chicken Kiev and a mushroom "Kiev" with garlic butter.\n'
        "Kiev tram on the main street, 1911\n"
        "RAIL LINKS TO LVOV AND KIEV\n"
    )
    assert found(text, "directory.txt", "names") == [
        (4, 15, "names.Places"),
        (4, 24, "names.Places"),
    ]


def test_a_heading_that_titles_a_work_the_page_cites() -> None:
    page = (
        "### Night Train to Odessa (2019)\n\n"
        "In *Night Train to Odessa*, an attendant on the last train from Odesa "
        "to Kyiv hides a boy.\n\n"
        "### Trains to Odessa\n\nThe night trains to Odesa run again.\n"
    )
    assert found(page, "films.md", "names", "variants") == [(5, 15, "names.Places")]


def test_a_table_cells_edge_parts_a_label_from_a_place() -> None:
    page = "| Amur Footbridge | |\n|---|---|\n| Locale | Dnepr, Ukraine |\n"
    assert found(page, "bridge.md", "names") == [(3, 12, "names.Places")]


def test_a_street_abroad_and_aliases_keep_their_spellings() -> None:
    street = (
        "The Saturday school meets at 14 rue Chevtchenko in Lyon. Pupils read "
        "Taras Shevchenko's poems in Ukrainian and French.\n"
    )
    assert found(street, "notice.txt", "variants") == []
    aliases = (
        "Ali Hussein Qasimi is listed with two aliases, Ali Husein Kasimi and "
        "Ali al-Qasimi. Banks should screen for all three names of Qasimi.\n"
    )
    assert found(aliases, "list.txt", "variants") == []


def test_given_names_that_are_words_tell_two_people_apart() -> None:
    text = (
        "Speakers: Zeng Ping, professor at Fudan University; Tseng Mei-ling, "
        "finance director of a firm in Taichung.\n\n"
        "Professor Zeng argued for patience. Ms Tseng disagreed.\n"
    )
    assert found(text, "panel.txt", "variants") == []


# -- quotes -------------------------------------------------------------------------


def test_a_single_closer_after_a_stop_ends_the_quotation_under_a_double() -> None:
    text = (
        "She quoted him: ‘Tell the auditors “the pallets are in Felixstowe. "
        "They never check.’\n\nThe judge added more.\n"
    )
    assert found(text, "court.txt", "quotes") == [(1, 36, "quotes.Unclosed")]


def test_a_page_that_quotes_with_guillemets_keeps_its_way_in_english() -> None:
    french = (
        "The judge spoke of « a system of silence » in the home.\n\n"
        "The prosecutor replied that it explains nothing about the logbook ».\n"
    )
    assert found(french, "lyon.txt", "quotes") == [(3, 67, "quotes.Unmatched")]
    danish = (
        "The director called it »overdue, and not a favour«.\n\n"
        "It was described only as a curiosity, origin uncertain«. Then it sold.\n"
    )
    assert found(danish, "aarhus.txt", "quotes") == [(3, 55, "quotes.Unmatched")]
