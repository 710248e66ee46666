"""Mends for what round ac of held-out trees showed (``bench/labels/
heldout-2026-12-06b.md``: Vitess's Hugo docs and blog, Sphinx's own reST
docs, the W3C Web Application Security drafts and California's digital
blog), labelled by helpers who never saw the checks. Each test is a
document of our own with the shape they found, run through the shipped
packs as ``copydesk check`` runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_clause_ending_in_its_verbs_to_before_an_infinitive_is_meant() -> None:
    text = (
        "List the replicas this proxy connects to to be configured first.\n\n"
        "Pick the frame the click is delivered to to decide the target.\n\n"
        "Operators want to to restart the proxy. It needs to to go.\n\n"
        "Send the patch to to the maintainers.\n"
    )
    assert found(text, "guide.md", "style") == [
        (5, 16, "style.Repetition"),
        (5, 50, "style.Repetition"),
        (7, 16, "style.Repetition"),
    ]


def test_a_relative_clause_ending_in_its_auxiliary_before_the_main_verb() -> None:
    text = (
        "The number of plugins that each team has has doubled.\n\n"
        "The tools that we have have changed.\n\n"
        "The service that has has been down all day.\n"
    )
    assert found(text, "notes.md", "style") == [(5, 18, "style.Repetition")]


def test_an_interjection_said_twice_in_a_transcript_is_meant() -> None:
    text = (
        "**Ana**\n\n"
        "sure sure, I can look at it tomorrow.\n\n"
        "**Ben**\n\n"
        "no no! The other branch.\n\n"
        "The the proxy restarts on its own.\n"
    )
    assert found(text, "chat.md", "style") == [(9, 1, "style.Repetition")]


def test_a_header_spelled_as_its_standard_spells_it_is_not_a_variant() -> None:
    # The policy is the Referrer policy; the header is Referer. The page writes
    # "referrer" in lower case: a word of the field, not a person's name.
    text = (
        "# Referrer Policy\n\n"
        "A referrer is the page a request came from. The policy controls what "
        "the browser sends as the referrer.\n\n"
        "## The Referer header\n\n"
        "Browsers send the Referer header with each request. Its name keeps "
        "an old misspelling.\n"
    )
    assert found(text, "policy.md", "variants") == []
    # A name the page never writes in lower case is still one name.
    names = (
        "Oleksandr Hrytsak spoke first. Later Hrytsack answered questions "
        "from the press.\n"
    )
    assert [f[2] for f in found(names, "notes.md", "variants")] == ["variants.Names"]


def test_a_contraction_parted_from_its_word_by_markup_opens_nothing() -> None:
    text = (
        "Each notice may be :code:`renewenvironment`\n"
        "'d on its own, and the style ``cache``\n"
        "'ll keep it.\n\n"
        "But 'this quotation stays open.\n"
    )
    assert found(text, "latex.rst", "quotes") == [(5, 5, "quotes.Unclosed")]


def test_letters_one_apart_exchanged_suggest_the_word_they_come_from() -> None:
    text = "To migitate against slow replicas, raise the timeout.\n"
    (finding,) = lint(text, "notes.md", "typos")
    assert finding.suggestions[0] == "mitigate"
