"""What a review of this session's guards found them letting through or
taking away, each kept here as it must stay: the guards of rounds ak to am
and sets 25 to 27 read narrowly."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_statistics_are_no_versions() -> None:
    text = (
        "Turnout increasd from 61.2 to 64.8 percent.\n\n"
        "The index rose 2.1, exprts 3.4, imports 5.2 in May.\n"
    )
    assert found(text, "report.txt", "typos") == [
        (1, 9, "typos.Unknown"),
        (3, 21, "typos.Unknown"),
    ]


def test_a_slip_before_a_product_name_is_still_a_slip() -> None:
    text = "Instaling Grafana takes a minute.\n"
    assert found(text, "guide.md", "typos") == [(1, 1, "typos.Unknown")]


def test_a_glossary_line_is_no_changelog_scope() -> None:
    text = "- conscientous: careful and diligent\n- fslocking: fix broken locks\n"
    assert [f.match for f in lint(text, "terms.md", "typos")] == ["conscientous"]


def test_a_cited_prefix_keeps_its_quotation_marks() -> None:
    text = 'Words that start with "meta-" are common, and "super-" means above.\n'
    assert found(text, "usage.md", "quotes") == []


def test_a_site_called_so_is_a_brand() -> None:
    text = "It was founded as a site called github in 2012.\n"
    assert found(text, "history.md", "variants") == [(1, 33, "variants.Capitals")]


def test_a_headline_over_a_share_row_stays() -> None:
    text = (
        "Council Approves New Budget\n"
        "Facebook | Twitter | WhatsApp | Email\n\n"
        "The council approved the budget on Tuesday after a long debate.\n\n"
        "prices rose, then fell →\n"
    )
    assert [f.line for f in lint(text, "draft.txt", "artifacts")] == [2]
