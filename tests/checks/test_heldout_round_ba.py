"""Mends for what round ba of held-out trees (``bench/labels/
heldout-2026-12-06z.md``: rclone's Hugo docs, HTTrack's HTML manual,
Falcon's Sphinx docs, the US-RSE blog) showed, each on a document of our
own."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_liquid_include_whose_arguments_follow_a_line_of_spaces() -> None:
    text = (
        "## Events\n\n"
        "{% include event-box.html \n"
        "    \n"
        '    title="Spring Workshop on Research Code"\n'
        '    preamble="**Workshop**\n\n'
        "Join us for two days of talks.\n\n"
        '- Testing\n- Packaging"\n'
        '    links="Read more at [our site](https://example.org/)."\n'
        "%}\n\n"
        "{%\n"
        '  include opportunity-box.html title="Summer school"\n'
        "%}\n\n"
        'The chair said "welcome back.\n'
    )
    assert found(text, "news.md", "quotes") == [(19, 16, "quotes.Unclosed")]


def test_a_value_list_joined_by_commas_is_no_prose() -> None:
    text = (
        "- Provider:    AWS,Ceph,ChinaMobile,Minio\n"
        "- Type:        string\n\n"
        "Minio and MinIO are spelled two ways in this paragraph.\n"
    )
    assert [(f.line, f.match) for f in lint(text, "s3.md", "variants")] == [
        (4, "Minio")
    ]


def test_a_quotation_mark_alone_in_a_tables_cell_is_named() -> None:
    text = (
        "These characters are replaced:\n\n"
        "| Character | Value | Replacement |\n"
        "| --------- |:-----:|:-----------:|\n"
        '| "         | 0x22  | ＂          |\n'
        "| '         | 0x27  | ＇          |\n\n"
        'The guide says "replace them all.\n'
    )
    assert found(text, "chars.md", "quotes") == [(8, 16, "quotes.Unclosed")]


def test_a_pre_left_open_ends_at_the_next_paragraph() -> None:
    page = (
        "<p>Ask it as follows:</p>\n"
        "<pre><b><i>\nmirror http://example.org -O /tmp/site -W\n</i></b><pre>\n\n"
        "<p align=justify> When I get large files from a a site, two\n"
        "sockets is better.</p>\n"
    )
    assert found(page, "guide.html", "style") == [(6, 47, "style.Repetition")]
