"""Mends from the held-out trees' false findings, session of 2026-12-05 (r).

Each document is our own, written with the shape a real tree showed, and
linted with the shipped packs as ``copydesk check`` lints it.
"""

from __future__ import annotations

from unittest import mock

from tests.shipped_packs import found

from copydesk import word_guards
from copydesk.document import Document

RELEASE_NOTE = """\
# Pebble 4.2 released

* The following default libraries were updated.
  * bigdecimal 3.1.1
  * csvkit 0.9.2
  * ostruct 0.6.0
  * psych 5.1.2
  * tmpdir 0.2.0
* These libraries are now bundled.
  * abbrev
  * net-ftp
  * optparse
  * resolv
  * rinda
  * weakref

Upgrade with care: the defualt libraries have changed.
"""


def test_a_list_of_packages_keeps_their_names() -> None:
    # Bundled libraries listed under a sentence's item, with versions or
    # names that are no words: "resolv" is a package, not "resolve"
    # misspelled, and "ostruct" no slip. The sentence after the lists is
    # prose, its slip reported as ever.
    assert found(RELEASE_NOTE, "news.md", "typos") == [(17, 24, "typos.Unknown")]


def test_without_the_list_guard_the_package_names_would_be_reported() -> None:
    # The document above holds what the guard must excuse.
    with mock.patch.object(word_guards, "in_package_list", _never):
        assert found(RELEASE_NOTE, "news.md", "typos") == [
            (6, 5, "typos.Unknown"),
            (13, 5, "typos.Unknown"),
            (17, 24, "typos.Unknown"),
        ]


def _never(doc: Document, start: int) -> bool:
    return False


def test_a_list_of_plain_words_keeps_its_slips() -> None:
    text = "Our values:\n\n* speed\n* safety\n* clarity\n* reliabilty\n* kindness\n"
    assert found(text, "values.md", "typos") == [(6, 3, "typos.Unknown")]


def test_a_quoted_name_starting_with_digits_is_no_elision() -> None:
    # '51D_PATH' is a quotation; '70s and the '49ers are elisions.
    text = (
        "Replace '51D_PATH' with the path to the data, as in '51D_PATH'/data.\n"
        "\n"
        "In the '70s the '49ers played here.\n"
    )
    assert found(text, "setup.md", "quotes") == []


MANUAL = """\
# Matching values

The variable is compared with the value " 1" (with a leading space), so
the converter " regsub" keeps the space, and the sequence adds the
suffix " - Handled by 0".

The author cites " An Agency that Learns" as the source.
"""


def test_a_value_that_keeps_its_leading_space_is_no_stray_in_a_page() -> None:
    # A page its author wrote quotes values with their spaces; a quotation
    # of words with a space after its opener is still misspaced.
    assert found(MANUAL, "manual.md", "quotes") == [(7, 18, "quotes.Stray")]


def test_a_value_that_keeps_its_leading_space_is_a_stray_in_a_draft() -> None:
    text = 'The minister said " Yes" and left.\n\nHe quoted " An Agency" too.\n'
    assert found(text, "draft.txt", "quotes") == [
        (1, 19, "quotes.Stray"),
        (3, 11, "quotes.Stray"),
    ]


def test_a_quoted_word_closed_before_a_path_is_closed() -> None:
    # The path after the closer is masked; the mark before it still closes
    # the quotation. A mark after masked code opens one ("=</code>"/x").
    text = (
        "Set it:\n"
        "\n"
        "Set data-file to 'REPO_PATH'/data/lite.dat first.\n"
        "\n"
        'Use <code>--merge=</code>"/branches/foo:1-10" for one branch.\n'
    )
    assert found(text, "setup.md", "quotes") == []
    assert found(text.replace("'/data", "/data"), "setup.md", "quotes") == [
        (3, 18, "quotes.Unclosed")
    ]


def test_a_quoted_letters_plural_closes_its_quotation() -> None:
    # A FAQ on sorting: the 'A's and 'a's. A possessive inside a quotation
    # ('Bob's car') does not close it.
    text = (
        "Sort so that the 'A's and 'a's come together, but 'a' is first.\n"
        "\n"
        "He wrote 'Bob's car is red' on the board.\n"
        "\n"
        "He wrote 'Bob's car is red on the board.\n"
    )
    assert found(text, "faq.md", "quotes") == [(5, 10, "quotes.Unclosed")]


BRANDS = """\
# Contributing

Open a github issue before you start, or ask on [github](https://example.org/issues).
The widget is written in custom javascript, and the docs are on github.com.

Watch the talk:

[youtube https://www.youtube.com/watch?v=abc123]

Changes:

- github: time out jobs after 90 minutes
- Use the `github` provider and the github-actions runner.
"""


def test_a_brand_in_lower_case_in_running_prose_is_reported() -> None:
    # Not in a domain, an identifier, code, an embed's shortcode or a
    # changelog's component tag.
    assert found(BRANDS, "contributing.md", "variants") == [
        (3, 8, "variants.Capitals"),
        (3, 50, "variants.Capitals"),
        (4, 33, "variants.Capitals"),
    ]


def test_two_articles_in_a_row_keep_the_second() -> None:
    text = (
        "Open a an issue, add an a label and a the milestone.\n"
        "\n"
        "It is an a priori claim, a.k.a the default, in an a/conftest.py file.\n"
    )
    assert found(text, "howto.md", "typos") == [
        (1, 6, "typos.TwoArticles"),
        (1, 22, "typos.TwoArticles"),
        (1, 37, "typos.TwoArticles"),
    ]


MANUAL_WITH_EXAMPLES = """\
Logging

  The format is given as a string, and a line may go on after a backslash:

    log-format "%{+Q}o \\"\\" %cp \\
                %bc %hsl"

  A sample of the output, one JSON record a line:

    {"dip":"::1","dport":"39264","fe_name":"fe1"}
    txn.name="John \\"Doe\\""

  The manual says "quoted values keep their spaces, and goes on.
"""


def test_lines_of_code_in_plain_text_are_no_quotations() -> None:
    # A manual in plain text has no markup around its examples: a line with
    # an escaped quote or a JSON key and value is code, with the lines its
    # trailing backslash continues. The prose after them is still read.
    assert found(MANUAL_WITH_EXAMPLES, "manual.txt", "quotes") == [
        (13, 19, "quotes.Unclosed")
    ]


def test_a_brand_in_a_title_key_or_a_marked_changelog_tag_is_left() -> None:
    # An old spec's title attribute is a cross-reference key; curl's
    # changelog marks each change's kind in capitals before its tag. Alt
    # text is prose read aloud.
    text = (
        '<p>See <a href="#x" title="javascript protocol">the protocol</a> and '
        '<img src="a.png" alt="a javascript console">.</p>\n'
        '<ul><li>BGF <a href="https://example.org/1">github: time out jobs</a>'
        "</li></ul>\n"
    )
    assert found(text, "changes.html", "variants") == [(1, 94, "variants.Capitals")]
