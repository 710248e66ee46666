"""No fix changes a byte of an address: URLs, e-mail addresses, file paths.

An address with a typo or a house name in it ("teh", "Kiev") is still the
address: a fix there breaks a link or a path. Each format writes addresses
its own way, and each way is masked: bare in plain text (and a Word draft's
text), autolinks, link and image targets in Markdown, ``href`` and ``src``
in HTML, link targets and standalone URIs in reST. Documents mixing flagged
prose and addresses are fixed, safe and unsafe; every address must come out
as it went in, while the prose around it is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.batch import lint_text
from copydesk.fix import fix_text
from copydesk.markup.bare_links import link_spans, mask_view
from copydesk.model import Finding
from copydesk.ruleset import Ruleset, load_ruleset

from .strategies import TRIGGERS, fuzz_settings

#: Addresses with words in them the shipped packs would fix in prose.
URLS = (
    "http://example.com/teh-page",
    "https://news.example.org/Kiev/recieve?q=teh&x=the%20the#Zelenskiy",
    "ftp://files.example.com/teh/Kharkov.pdf",
    "https://en.wikipedia.org/wiki/Teh_(band)",
)
BARE = ("www.example.com/Kiev_teh", "mailto:teh@example.com")
EMAILS = ("teh@example.com", "kiev.desk@teh-news.org")
PATHS = (
    "/usr/share/teh/Kiev.txt",
    "~/drafts/teh-Kiev.md",
    "./build/teh/recieve.html",
    "C:\\Users\\teh\\Kiev.docx",
)

#: Per format: how an address is written there, and which addresses.
WRITTEN: dict[str, tuple[Callable[[str], str], ...]] = {
    "plain": (lambda a: a,),
    "markdown": (
        lambda a: a,
        lambda a: f"<{a}>",
        lambda a: f"[Kiev said teh]({a})",
        lambda a: f"![teh Kiev]({a})",
    ),
    "html": (
        lambda a: f'<a href="{a}">Kiev said teh</a>',
        lambda a: f"<img src='{a}' alt=\"teh\">",
        lambda a: f"<p>{a}</p>",
    ),
    "rst": (lambda a: f"`Kiev said teh <{a}>`_", lambda a: a),
}
ADDRESSES: dict[str, tuple[str, ...]] = {
    "plain": (*URLS, *BARE, *EMAILS, *PATHS),
    "markdown": (*URLS, *BARE, *EMAILS, *PATHS[:3]),
    "html": (*URLS, *BARE, *EMAILS, *PATHS[:3]),
    "rst": (*URLS, *BARE[1:]),
}


@lru_cache(maxsize=1)
def shipped() -> Ruleset:
    return load_ruleset()


def written_addresses(fmt: str) -> st.SearchStrategy[tuple[str, str]]:
    """(an address as ``fmt`` writes it, the address)."""
    return st.builds(
        lambda write, address: (write(address), address),
        st.sampled_from(WRITTEN[fmt]),
        st.sampled_from(ADDRESSES[fmt]),
    )


def drafts(fmt: str) -> st.SearchStrategy[tuple[str, list[str]]]:
    """A paragraph or two of flagged prose and written addresses, and the
    addresses in it."""
    piece = st.one_of(
        written_addresses(fmt),
        st.sampled_from(TRIGGERS).map(lambda t: (t.strip(), "")),
        st.sampled_from((".", ",", "\n\n", "(", ")")).map(lambda t: (t, "")),
    )
    return st.lists(piece, min_size=2, max_size=30).map(
        lambda pieces: (
            " ".join(text for text, _ in pieces) + "\n",
            [address for _, address in pieces if address],
        )
    )


def fixed(fmt: str, text: str, unsafe: bool) -> str:
    def lint(current: str) -> list[Finding]:
        return lint_text(current, "doc", fmt, shipped())

    return fix_text(text, lint, unsafe=unsafe).text


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("fmt", sorted(WRITTEN))
@fuzz_settings(25)
@given(data=st.data())
def test_no_fix_changes_an_address(fmt: str, unsafe: bool, data: st.DataObject) -> None:
    text, addresses = data.draw(drafts(fmt), label="draft")
    result = fixed(fmt, text, unsafe)
    for address in set(addresses):
        assert result.count(address) >= text.count(address), (address, result)


#: One draft per format: the prose is fixed, the addresses are not.
HAND_PICKED = {
    "plain": (
        "Teams in Kiev read teh report at http://example.com/teh-Kiev-page, "
        "wrote to teh@example.com and saved /usr/share/teh/Kiev.txt.\n",
        "Teams in Kyiv read the report at http://example.com/teh-Kiev-page, "
        "wrote to teh@example.com and saved /usr/share/teh/Kiev.txt.\n",
    ),
    "markdown": (
        "Teams in Kiev read [teh report](https://x.org/teh/Kiev) and "
        "<https://x.org/Kiev-teh>.\n",
        "Teams in Kyiv read [the report](https://x.org/teh/Kiev) and "
        "<https://x.org/Kiev-teh>.\n",
    ),
    "html": (
        '<p>Teams in Kiev read <a href="https://x.org/teh/Kiev">teh report</a>.</p>\n',
        '<p>Teams in Kyiv read <a href="https://x.org/teh/Kiev">the report</a>.</p>\n',
    ),
    "rst": (
        "Teams in Kiev read `teh report <https://x.org/teh/Kiev>`_ and "
        "https://x.org/Kiev-teh.\n",
        "Teams in Kyiv read `the report <https://x.org/teh/Kiev>`_ and "
        "https://x.org/Kiev-teh.\n",
    ),
}


@pytest.mark.parametrize("fmt", sorted(HAND_PICKED))
def test_the_prose_around_an_address_is_fixed(fmt: str) -> None:
    text, want = HAND_PICKED[fmt]
    assert fixed(fmt, text, unsafe=False) == want


@pytest.mark.parametrize(
    ("text", "links"),
    [
        (
            "See https://en.wikipedia.org/wiki/Teh_(band)), then (www.x.org/teh).",
            ["https://en.wikipedia.org/wiki/Teh_(band)", "www.x.org/teh"],
        ),
        (
            "Write to “teh@example.com”, or <mailto:a@b.org>.",
            ["teh@example.com", "mailto:a@b.org"],
        ),
        (
            "Run ~/bin/teh or ./teh or C:\\teh, not /usr.",
            ["~/bin/teh", "./teh", "C:\\teh"],
        ),
        # A slash between words, a date, a lone part: prose.
        ("and/or on 12/03/2026 at 40 km/h, /s, @teh, user@localhost", []),
        ("xhttp://no.example.com and end.Then", []),
    ],
)
def test_what_plain_text_calls_an_address(text: str, links: list[str]) -> None:
    assert [text[a:b] for a, b in link_spans(text)] == links


def test_a_view_shows_no_bare_link() -> None:
    """``mask_view`` is for readers with their own link syntax: a bare
    address their parser calls text is masked in the view, line breaks and
    the prose around it kept, and what is masked already stays as it is."""
    view = "See https://x.org/teh-page\nand teh@x.org.   \nKiev teh.\n"
    assert (
        mask_view(view) == "See " + " " * 22 + "\nand " + " " * 9 + ".   \nKiev teh.\n"
    )
    assert mask_view("Kiev said teh.\n") == "Kiev said teh.\n"
