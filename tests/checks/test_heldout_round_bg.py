"""Mends for what round bg of held-out trees (``bench/labels/
heldout-2026-12-07f.md``) showed, and the session's speed work on the
checks it touched, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found

from copydesk import wordlists
from copydesk.checks.lexicon import _syllable_slip


def test_below_slipped_to_bellow_where_the_page_points() -> None:
    text = (
        "Run the command bellow to start the service, then follow the bellow\n"
        "steps, as shown bellow:\n\n"
        "Out in the field the bulls bellow at dusk, and the bellow of the\n"
        "crowd carried over the river.\n"
    )
    assert found(text, "install.md", "typos") == [
        (1, 17, "typos.RealWords"),
        (1, 62, "typos.RealWords"),
        (2, 17, "typos.RealWords"),
    ]


def test_a_caption_credited_across_a_slash_either_way_round() -> None:
    # The agency before or after the slash; a sentence that closes on a
    # bracket holding neither stays.
    text = (
        "Crowds gathered outside the station on Monday.\n\n"
        "Firefighters at the harbour. (Nikos Lambrou/Aegean Press Photo)\n\n"
        "The mayor spoke to reporters. (AP Photo/Evan Vucci)\n\n"
        "The budget passed in March (the third vote this year).\n\n"
        "Prices rose again (see the table on food/fuel).\n"
    )
    assert found(text, "story.txt", "artifacts") == [
        (3, 1, "artifacts.Credits"),
        (5, 1, "artifacts.Credits"),
    ]


def test_a_word_doubled_across_every_line_break_of_a_run() -> None:
    # "the" ends three lines in a row and opens the next each time: each
    # break is read, not only the first of a run of them.
    text = (
        "This guide describes how the\n"
        "the scheduler places each pod and how the\n"
        "the controller reconciles its state with the\n"
        "the cluster, step by step, for every node.\n"
    )
    assert found(text, "guide.md", "style") == [
        (1, 26, "style.Repetition"),
        (2, 39, "style.Repetition"),
        (3, 42, "style.Repetition"),
    ]


def test_a_syllable_lost_from_an_ending_is_a_slip() -> None:
    # "implementions", "documention": -tations with "ta" lost, a word that
    # looks built by affixes (document + -ion); "interoperatibility" with
    # one doubled.
    text = (
        "Consolidation looks for all protocols and all implementions.\n\n"
        "Read the official documention first; it aims at interoperatibility.\n"
    )
    assert found(text, "notes.md", "typos") == [
        (1, 47, "typos.Unknown"),
        (3, 19, "typos.Unknown"),
        (3, 49, "typos.Unknown"),
    ]


def test_a_short_word_is_not_read_for_a_lost_syllable() -> None:
    # French "gestion" is no slip of gestation; "expection" is one edit from
    # "exception" too, and "acception" would be a slip of the rare
    # "acceptation".
    lex = wordlists.lexicon("en")
    assert _syllable_slip("gestion", lex) is None
    assert _syllable_slip("expection", lex) is None
    assert _syllable_slip("acception", lex) is None
    assert _syllable_slip("instrumention", lex) == "instrumentation"


def test_its_written_its_after_to() -> None:
    # "to" opens no clause: "to it's temporary form" is the possessive;
    # "to say it's fine" has a verb between.
    text = (
        "The file is renamed to it's temporary form first.\n"
        "I want to say it's fine, and it's worth a try.\n"
    )
    assert found(text, "spec.rst", "typos") == [(1, 24, "typos.RealWords")]


def test_a_letter_glued_to_codes_marks_is_no_article() -> None:
    # A manual's option "`a" and hotkey "!a", written without code markup.
    text = (
        "Set the `a option, and note that !a is the same as <!a except\n"
        "that it fires on release. Buy a apple.\n"
    )
    assert found(text, "hotkeys.txt", "typos") == [(2, 31, "typos.Articles")]


def test_a_quote_mark_listed_among_symbols_is_a_character() -> None:
    # A manual's list of characters; a quotation closing on several marks
    # at once is still read, and its mismatch still reported.
    text = (
        "The default ending characters are -()[]{}':;\"/\\,.?! and Enter.\n"
        'A file name may not hold #*?"<>| or a colon.\n'
        "He wrote: \u201cShe said 'no!'\"). Then it ended.\n"
    )
    assert found(text, "hotstrings.txt", "quotes") == [(3, 26, "quotes.Mixed")]


def test_a_run_of_marks_read_on_through_masked_emphasis() -> None:
    # The "*" of ".*$" reads as emphasis markup and is masked, but the run
    # of marks goes on in the source: the quotation marks there close the
    # strings they opened.
    text = (
        "Both types are checked:\n\n"
        '* {\'GCSPath\': {\'schema\': \'{"type": "string", "pattern": '
        '"^gs://.*$"}\'}} vs.\n'
        '  {\'GCSPath\': {\'schema\': \'{"type": "string", "pattern": '
        '"^gcs://.*$"}\'}}\n'
    )
    assert found(text, "types.md", "quotes") == []


def test_a_long_capitalised_slip_opening_a_sentence() -> None:
    # Two slips of a very common word, where the capital is the sentence's.
    # Another language's form ("Instituto") and a word affixes build
    # ("Reposted") stay, as does a capitalised word inside a sentence.
    text = (
        "Avalailable options are listed below.\n\n"
        "Instituto Nacional de Estadística sent the data.\n\n"
        "Reposted from the newsletter. We met Avalailables there.\n"
    )
    assert found(text, "install.md", "typos") == [(1, 1, "typos.Unknown")]


def test_an_initial_set_apart_by_inline_tags_joins_its_word() -> None:
    # A tutorial bolds a name's first letter: "<u><b>a</b></u>nchor".
    text = (
        "<p>Think of it as a for <u><b>a</b></u>nchor and h for "
        "<b>h</b>ypertext <u><b>ref</b></u>erence.</p>\n"
    )
    assert found(text, "lesson.html", "typos") == []


def test_code_cut_short_in_a_lessons_index_opens_no_quotation() -> None:
    # An attribute's value or a call's argument cut short with dots is code;
    # a writer's quotation left open is still reported.
    text = (
        '<ul><li>Links <font size=2>&lt;a href="file.html ...&gt;</font></li>\n'
        "<li>Dynamic Content <font size=2>document.write('..</font></li>\n"
        '<li>He said "yes and left.</li></ul>\n'
    )
    assert found(text, "lessons.html", "quotes") == [(3, 13, "quotes.Unclosed")]


def test_the_reviews_cases_stay_as_they_were() -> None:
    # Saul Bellow and a bull's bellows are no slips; an article after a
    # tilde or a plus is still an article; a value left open without dots
    # is a slip; a here-document's quoted word pairs with its mark.
    bellow = (
        "Writers such as Bellow and Roth. For the city as\n"
        "Bellow saw it, see Bellow (1953).\n\n"
        "As\nbellow after bellow rolled over the field.\n"
    )
    assert found(bellow, "essay.txt", "typos") == []
    articles = "A full build takes ~a hour, and +a extra hour with tests.\n"
    assert found(articles, "build.md", "typos") == [
        (1, 21, "typos.Articles"),
        (1, 34, "typos.Articles"),
    ]
    quotes = (
        "<p>Picture {{< img alt='A dog on a rug.' style='width: 70%;\" >}} here.</p>\n"
        '<p>Run cat <<"<<END" and it reads until END.</p>\n'
    )
    assert found(quotes, "post.html", "quotes") == [(2, 14, "quotes.Unclosed")]


def test_a_slide_deck_in_another_language_is_read_in_its_own() -> None:
    # Round bj: a French talk's slides in an English blog. Its short lines
    # show too few short words each to tell their language; the page's
    # words tell it. Its English note is still read.
    text = (
        "---\ntitle: Retour d'expérience\n---\n\n"
        "## Le projet\n\n"
        "**Objectif**: soutenir l'écosystème des logiciels libres pour les maths\n\n"
        "- Ingénierie logicielle: portabilité, interoperabilité, distribution\n"
        "- Environnements interactifs basés sur Jupyter\n\n"
        "#### Sourire, courir devant, espérer et remercier\n\n"
        "Un administrateur à temps partiel, et une équipe pour la gestion de la "
        "communauté et des logiciels.\n\n"
        "Le montage du projet est une aventure: il faut que le consortium soit "
        "solide et que les partenaires aient les moyens de la recherche.\n\n"
        "Note: the slides were developped in a hurry.\n"
    )
    assert found(text, "_posts/talk.md", "typos") == [(18, 23, "typos.Unknown")]


def test_the_second_reviews_cases() -> None:
    # A terse English table whose few short words are other languages' too
    # ("non", "per", "e.g.") shows no language: its slips are read.
    options = (
        "| Option | Meaning |\n|---|---|\n"
        "| `--jobs N` | Number of paralel jobs (non-negative) |\n"
        "| `--timeout` | Per-request timeout, e.g. 30s |\n"
        "| `--strict` | Non-zero exit on warnings |\n"
        "| `--cache` | Cache directry, e.g. ~/.cache |\n"
    )
    assert found(options, "options.md", "typos") == [
        (3, 26, "typos.Unknown"),
        (6, 21, "typos.Unknown"),
    ]
    # Another language's spelling of an institution opening a sentence.
    news = (
        "Université Laval led the survey of the region.\n\n"
        "Departement officials said the study would be published.\n"
    )
    assert found(news, "news.txt", "typos") == []
    # A value wrapped onto the next line after dots pairs as any.
    wrapped = 'Call alert("Saving... please\nwait") before the upload starts.\n'
    assert found(wrapped, "dialogs.md", "quotes") == []
