"""Mends from the held-out trees' false findings, session of 2026-12-05 (v).

Each document is our own, written with the shape a real tree showed, and
linted with the shipped packs as ``copydesk check`` lints it.
"""

from __future__ import annotations

from tests.shipped_packs import found

from copydesk.document import default_kind

WORD_LIST = """\
aiohttp
asyncio
backend
Facebook
github
javascript
login
middleware
namespace
proxied
websocket
websockets
"""


def test_a_word_list_is_no_draft_and_its_entries_no_names_in_prose() -> None:
    # A project's spelling word list: "Facebook" and "login" on lines of
    # their own are entries, not a web page's buttons; "github" alone on
    # its line is an entry, not a name written in a sentence.
    assert default_kind("plain", WORD_LIST) == "authored"
    assert found(WORD_LIST, "spelling_wordlist.txt", "artifacts", "variants") == []


def test_a_pasted_article_with_debris_lines_is_still_a_draft() -> None:
    article = (
        "The council met on Monday to discuss the new budget for the city.\n"
        "Follow\n"
        "Share\n"
        "The mayor said the plan would be published next week.\n"
    ) * 3
    assert default_kind("plain", article) == "draft"


RELEASE_NOTE = """\
# 1.7.0

* chore(github): pin the checkout action (#2901)
* Publish the site from github on every tag.
"""


def test_a_commit_scope_keeps_its_lower_case() -> None:
    assert found(RELEASE_NOTE, "1.7.0.md", "variants") == [(4, 25, "variants.Capitals")]


def test_a_name_wrapped_onto_a_line_of_its_own_is_still_in_a_sentence() -> None:
    text = "Our [documentation on\ngithub](https://github.com/x/y) has a table.\n"
    assert found(text, "post.md", "variants") == [(2, 1, "variants.Capitals")]
