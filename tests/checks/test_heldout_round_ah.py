"""Mends for what round ah showed: the blind set ``tests/documents/accuracy22``
(quotes, debris, name variants) and held-out trees labelled blind
(``bench/labels/heldout-2026-12-06g.md``: CoreDNS's site, Keystone's docs,
tcpdump's pages, DataSF's blog). Each test is a document of our own with
the shape they found, run through the shipped packs as ``copydesk check``
runs them; each failed before its mend.
"""

from __future__ import annotations

from tests.shipped_packs import found

# -- quotations -----------------------------------------------------------


def test_a_lone_guillemet_after_an_introducing_colon_opens_a_quotation() -> None:
    # Before: a lone « in an English text was an arrow unless lower-case
    # words stood on both sides; after "told us:" it opens, and is unclosed.
    text = (
        "The manager told our reporter: «Most of our readers thought we had\n"
        "closed for good, but the shelves are the ones my father built.\n\n"
        "The reopening drew a crowd of writers.\n"
    )
    assert found(text, "story.txt", "quotes") == [(1, 32, "quotes.Unclosed")]


def test_a_lone_closing_guillemet_after_an_open_quotation_is_mixed() -> None:
    # Before: the » was an arrow, and the “ was reported unclosed.
    text = (
        "The director said the board passed the crush tests. “Buyers ask\n"
        "about price first and about the straw last,» she said.\n"
    )
    assert found(text, "story.txt", "quotes") == [(2, 44, "quotes.Mixed")]


def test_a_quoted_value_that_starts_with_a_token_keeps_its_leading_space() -> None:
    # A log line's suffix, " i/o timeout", keeps its space: no stray mark.
    text = 'Report errors with the suffix " i/o timeout" as warnings.\n'
    assert found(text, "errors.md", "quotes") == []


# -- repetition -----------------------------------------------------------


def test_a_letter_in_capitals_after_the_article_is_no_repeat() -> None:
    # "a A record": the DNS record type, not "a" typed twice.
    text = "Depending on the family we create a A or AAAA record for the client.\n"
    assert found(text, "plugins.md", "style") == []


# -- names and spelling ---------------------------------------------------


def test_a_thanks_list_mixing_full_names_and_handles_is_a_list_of_people() -> None:
    # Half the items full names, the rest first names and handles: before,
    # "bhanger" was reported as a misspelling of "banger".
    text = (
        "Thanks to everyone who contributed to this release: Ana Ruiz, Bob,\n"
        "Chen Wei, Dara O'Neill, Farid Haddad, Gunnar, Ikaika Kahale, jplum,\n"
        "Mara Lind, bhanger, Sanna, tobyk, Yuki Sato, Zed.\n"
    )
    assert found(text, "release.md", "typos") == []


def test_a_tool_linked_in_its_definition_term_names_itself_below() -> None:
    # The <dd> opens with the tool's name, linked in its <dt> above: before,
    # "sslsump" was an unknown word ("did you mean slump?").
    text = (
        "<dl>\n"
        "  <dt>\n"
        '    <a href="https://github.com/example/sslsump">sslsump</a>\n'
        "  </dt>\n"
        "  <dd>\n"
        "    sslsump is a command line tool that cuts a capture file\n"
        "    into pieces by time or size.\n"
        "  </dd>\n"
        "</dl>\n"
    )
    assert found(text, "related.html", "typos") == []
