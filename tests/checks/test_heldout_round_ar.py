"""Mends for what round ar of held-out trees (``bench/labels/
heldout-2026-12-06q.md``: Helm's blog, PyInstaller's Sphinx docs, rsync's
web pages, Chi Hack Night's blog) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint

from copydesk.model import Applicability


def test_an_ordinals_suffix_follows_its_number() -> None:
    text = (
        "The fair opens on June 22th and closes on the 31th; the 11st and"
        " the 3th stalls are new.\n"
        "It is the 21st fair, the 112th market, the 1,021st stall and the"
        " 2ND prize, sold at 3.3rd or from booth x1th.\n"
    )
    found = lint(text, "fair.md", "typos")
    assert [(f.line, f.col, f.match, f.suggestions) for f in found] == [
        (1, 26, "th", ("nd",)),
        (1, 49, "th", ("st",)),
        (1, 59, "st", ("th",)),
        (1, 71, "th", ("rd",)),
    ]
    assert all(f.fix is not None for f in found)
    # Unsafe: "st" and "rd" are units too ("he weighed 18st").
    assert {f.fix.applicability for f in found if f.fix} == {Applicability.UNSAFE}


def test_is_doubled_is_a_slip_unless_a_clause_ends_in_it() -> None:
    text = (
        "It is is much easier to test one folder. All it is is a wrapper,"
        " and what it is is plain. TTFN, ta ta for now!\n"
    )
    found = lint(text, "notes.md", "style")
    assert [(f.rule, f.line, f.col, f.match) for f in found] == [
        ("style.Repetition", 1, 4, "is is")
    ]


def test_an_article_before_a_possessive_or_demonstrative() -> None:
    text = (
        "If a your build fails, sort the rows by the their value and copy"
        " the those files.\n"
        "Open the my.cnf file, the these/those pair and a their-own store.\n"
    )
    found = lint(text, "build.md", "typos")
    assert [(f.rule, f.col, f.match, f.suggestions) for f in found] == [
        ("typos.TwoArticles", 4, "a your", ("your",)),
        ("typos.TwoArticles", 41, "the their", ("their",)),
        ("typos.TwoArticles", 66, "the those", ("those",)),
    ]


def test_a_past_tense_where_a_participle_belongs() -> None:
    text = (
        "The command will be ran at boot, after the job has already went"
        " and the builder had took its lock.\n"
        "The command has run; she went home, had a meal and was broke.\n"
    )
    found = lint(text, "boot.md", "typos")
    assert [(f.rule, f.line, f.match, f.suggestions) for f in found] == [
        ("typos.RealWords", 1, "ran", ("run",)),
        ("typos.RealWords", 1, "went", ("gone",)),
        ("typos.RealWords", 1, "took", ("taken",)),
    ]


def test_a_names_first_sound_chooses_its_article() -> None:
    text = (
        "Create an Microsoft account on an Linux box, then buy a Android"
        " phone and a iPad.\n"
        "The visa is for visita a Estados"
        " Unidos, a Uber ride, an Xbox, an Yves hat, a Honda.\n"
    )
    found = lint(text, "setup.md", "typos")
    assert [(f.line, f.col, f.match, f.suggestions) for f in found] == [
        (1, 8, "an", ("a",)),
        (1, 32, "an", ("a",)),
        (1, 55, "a", ("an",)),
        (1, 75, "a", ("an",)),
    ]


def test_a_credits_entry_names_its_contributor_not_its_work() -> None:
    text = "".join(
        f"- {name} - {work}\n"
        for name, work in (
            ("Hartmut Goebel", "release manager"),
            ("Peter Inglesby", "resolve symlinks"),
            ("syradium", "bug hunting"),
            ("dessant", "bug hunting"),
            ("Joker Qyou", "bug hunting"),
            ("mementum", "pubsub hook"),
            ("Nico Galoppo", "seperate hooks"),
        )
    )
    found = lint(text, "CREDITS.md", "typos")
    assert [(f.line, f.match) for f in found] == [(7, "seperate")]


def test_a_series_of_identifiers_names_packages() -> None:
    text = (
        "Hooks for botocore, boto, boto3 and gevent.monkey were added.\n\n"
        "New hooks:\n"
        "  pywebview (#3771),\n"
        "  radicale (#4109),\n"
        "  rdflib (#3708),\n"
        "  resampy (#3702).\n\n"
        "We ate apples, pears, bananna and plums; the list had recieve,"
        " seperate, acheive and wierd.\n"
    )
    found = lint(text, "CHANGES.md", "typos")
    assert [f.match for f in found if f.rule == "typos.Unknown"] == ["bananna"]


def test_affixes_and_a_rare_swap() -> None:
    text = (
        "A stable and signable package format, when changeing the settings"
        " or hopeing for the best, won a victroy.\n"
    )
    found = lint(text, "format.md", "typos")
    assert [f.match for f in found if f.rule == "typos.Unknown"] == [
        "changeing",
        "hopeing",
        "victroy",
    ]
