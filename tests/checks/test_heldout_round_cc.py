"""Mends for what round cc of held-out trees showed, each on a document of
our own: ``bench/labels/heldout-2026-12-08cc.md`` (a web server's docs, a
programmer's notes, a company's guides, a tracing system's Hugo docs, a
printer server's Sphinx docs, an editor's plain-text manual, a GIS
project's HTML manual pages, a state office's blog and a site generator's
MkDocs docs)."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_slip_of_a_word_the_page_writes_in_its_other_number() -> None:
    text = (
        "# Option names\n"
        "\n"
        "Click takes the name from the first option with a hyphen prefix,\n"
        "so `--dry-run` becomes `dry_run`. The ouput lists all options, with\n"
        "the hypens stripped.\n"
        "\n"
        "## Outputs\n"
        "\n"
        "Each command prints one line.\n"
    )
    assert found(text, "notes.md", "typos") == [(4, 39, "typos.Unknown")]


def test_one_vowel_for_another_before_the_last_letter() -> None:
    text = (
        "# Parsers\n"
        "\n"
        "A grammar describes a language; the tool builds a parser from the\n"
        "grammar. Compiling a grammer takes a few seconds.\n"
    )
    assert found(text, "parsers.md", "typos") == [(4, 22, "typos.Unknown")]


def test_an_ending_changed_is_no_slip_of_the_page_word() -> None:
    # "designee" beside "designer": another word of the stem, not a slip.
    text = (
        "The designer sends the drawings to the client. The designee of the\n"
        "board signs them, and the designer files them.\n"
    )
    assert found(text, "process.md", "typos") == []


def test_an_before_a_capital_said_with_a_consonant() -> None:
    text = (
        "Write the rule as an [CEL expression](#cel), or load an JSON file\n"
        "of rules. A rule may also use an SAML assertion or a TODO marker.\n"
    )
    assert found(text, "rules.md", "typos") == [
        (1, 19, "typos.Articles"),
        (1, 54, "typos.Articles"),
    ]


def test_a_quoted_value_of_a_setting_keeps_its_spelling() -> None:
    text = (
        'If the tracking is set to "Github Commit", every commit is tracked.\n'
        'Turn on the "Websockets Support" toggle. Click "Sign in with Github"\n'
        "on the start page.\n"
    )
    assert found(text, "update.md", "variants") == [(2, 62, "variants.Capitals")]


def test_an_announced_list_of_counts_is_the_pages_own() -> None:
    text = (
        "<p>People also engaged with the advert on the site. We got:</p>\n"
        "<ul>\n"
        "<li>24 comments</li>\n"
        "\n"
        "<li>24 shares</li>\n"
        "\n"
        "<li>72 reactions</li>\n"
        "</ul>\n"
        "<p>The results were encouraging.</p>\n"
    )
    assert found(text, "results.html", "artifacts") == []


def test_a_share_count_under_a_prompt_is_still_debris() -> None:
    text = (
        "<p>The council approved the budget on Tuesday after a long debate.</p>\n"
        "<p>Share this story with your friends:</p>\n"
        "<ul>\n"
        "<li>24 shares</li>\n"
        "</ul>\n"
        "<p>The vote was close.</p>\n"
    )
    assert found(text, "story.html", "artifacts") != []


def test_a_slip_paired_with_its_mend_is_named_not_made() -> None:
    text = (
        "To mend the slips you make most often, add abbreviations:\n"
        "\n"
        "    iabbrev teh the\n"
        "    iabbrev otehr other\n"
        "\n"
        "Now teh slip and the otehr one are mended as you type.\n"
    )
    assert found(text, "abbreviations.txt", "typos") == [
        (6, 5, "typos.Misspellings"),
        (6, 22, "typos.Unknown"),
    ]


def test_a_statements_paragraphs_joined_into_one_line() -> None:
    # A news archive's export joined each paragraph of a statement into one
    # line; each had opened with the mark, and only the last closed.
    text = (
        "Rules for premium lines\n"
        "\n"
        'The regulator said: "Phone firms should warn customers sooner. "If my'
        ' bill goes over the usual amount I want to know at once."\n'
        "\n"
        'The minister said: "We will look at it. "The review starts in May.\n'
    )
    assert found(text, "story.txt", "quotes") == [(5, 41, "quotes.Unclosed")]


def test_a_plural_possessive_is_never_followed_by_an_adverb() -> None:
    text = (
        "We settled on ‘one way for all applicants’ regardless of age, and"
        " wrote ‘15 reasons to use lists’ rather than 16.\n"
        "\n"
        "The union called the offer ‘an insult to its members’ ballot and"
        " walked out.\n"
    )
    assert found(text, "notes.md", "quotes") == [(3, 28, "quotes.Unclosed")]


def test_a_blockquote_of_a_callout_class_is_the_authors_aside() -> None:
    text = (
        "<p>The prefixed versions differ.</p>\n"
        '<blockquote class="commentary">You will notice a lot of inconsitency'
        " in the casing.</blockquote>\n"
        "<blockquote>He wrote of the inconsitency in the casing.</blockquote>\n"
    )
    assert found(text, "fullscreen.html", "typos") == [(2, 57, "typos.Unknown")]


def test_a_quoted_screen_before_the_noun_of_its_kind() -> None:
    text = (
        "On screen: ‘Confirm your card details’ page. The user clicks on.\n"
        "\n"
        "To win them over you usually need to ‘bust a few myths’ first.\n"
        "\n"
        "She read ‘the history of the nurses’ union since the war.\n"
    )
    assert found(text, "journey.md", "quotes") == [(5, 10, "quotes.Unclosed")]


def test_letters_spelled_out_for_a_screen_reader() -> None:
    text = (
        "![Screenshot of the I I S Manager window.](media/manager.png)\n"
        "\n"
        "Open the the I I S Manager, and I I think it starts.\n"
    )
    assert found(text, "manager.md", "style") == [
        (3, 6, "style.Repetition"),
        (3, 33, "style.Repetition"),
    ]


def test_an_before_a_word_no_article_takes_is_a_slip_of_and() -> None:
    text = "We met the problem an how to fix it. An finally it worked.\n"
    assert found(text, "notes.md", "typos") == [
        (1, 20, "typos.Articles"),
        (1, 38, "typos.Articles"),
    ]


def test_what_the_review_found_stays_reported() -> None:
    # Cases the first version of this round's mends hid or got wrong.
    text = (
        'Smith called it "a betrayal. "It will not stand," said Jones.\n'
        "\n"
        "Set an even number of replicas. Type in teh the box.\n"
        "\n"
        "Open an System.IO.File handle, but an node.js module.\n"
        "\n"
        "In Plan B I I chose the red one.\n"
        "\n"
        "‘We back the parents’ campaign fully and will say so.\n"
    )
    assert found(text, "review.txt", "quotes", "typos", "style") == [
        (1, 17, "quotes.Unclosed"),
        (3, 41, "typos.Misspellings"),
        (5, 6, "typos.Articles"),
        (5, 36, "typos.Articles"),
        (7, 11, "style.Repetition"),
        (9, 1, "quotes.Unclosed"),
    ]
