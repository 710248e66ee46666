"""Faults a review of session 29's change found, each on a document of our
own: what the session's mends must not reach."""

from __future__ import annotations

from tests.shipped_packs import lint

PACKS = ("typos", "style", "quotes", "artifacts", "names", "variants")


def test_a_listing_name_hides_no_prose_around_it() -> None:
    text = (
        '<section id="code"><h2>Code</h2><p>Teh code here.</p></section>\n'
        '<p class="code">tool --flag\n'
        "<p>The speling here.\n"
        '<p>Run <span class="code">lsx</p><p>Then set <span class="code">recieved'
        '</span> here.</p><div class="highlight"><div>seperate = 1</div></div>\n'
        '<p>He wrote “set <code class="code docutils literal">x</code> to true”'
        " and left.</p>\n"
    )
    found = lint(text, "page.html", *PACKS)
    assert [(f.line, f.match) for f in found] == [(1, "Teh"), (3, "speling")]


def test_stones_and_rounds_are_no_ordinals() -> None:
    text = "He weighed 11st 6lb and 9st 4lb, with a 30rd magazine, on May 22th.\n"
    assert [(f.match, f.suggestions) for f in lint(text, "fight.txt", "typos")] == [
        ("th", ("nd",))
    ]


def test_an_article_a_name_holds_is_its_own() -> None:
    text = (
        "An Bord Pleanála approved it. We climbed Beinn an Lochain.\n\n"
        "You have created an Microsoft account.\n"
    )
    found = lint(text, "trip.md", "typos")
    assert [(f.line, f.match) for f in found] == [(3, "an")]


def test_motion_verbs_strand_to_only_in_a_relative_clause() -> None:
    text = (
        "Later he looked to to find the key. It is the site which people"
        " go to to learn.\n\n"
        "Where the file is is not important. Why it is is a mystery. It is"
        " is easy.\n"
    )
    found = lint(text, "notes.md", "style")
    assert [(f.line, f.match) for f in found] == [(1, "to to"), (3, "is is")]


def test_a_clause_whose_object_went_before_keeps_its_past_tense() -> None:
    text = (
        "All the money I had went to rent. The parts we have came from Ohio."
        " I had went home. A human being wrote this. The wheel has spoke"
        " holes.\n"
    )
    found = lint(text, "story.md", "typos")
    assert [(f.match, f.suggestions) for f in found] == [("went", ("gone",))]


def test_words_joined_by_hyphens_are_no_identifiers() -> None:
    text = "Our tools are user-friendly, open-source, well-tested and relaible.\n"
    assert [f.match for f in lint(text, "about.md", "typos")] == ["relaible"]


def test_a_list_of_features_is_no_list_of_people() -> None:
    items = ("Dark Mode", "Serach Bar", "Big Icons", "Tab Groups", "Auto Save")
    text = "".join(f"- {item} - does a thing\n" for item in items)
    assert [f.match for f in lint(text, "features.md", "typos")] == ["Serach"]


def test_a_style_list_in_plain_words_names_its_old_forms() -> None:
    text = 'We write "Kharkov", "Odessa" and "Lvov" for Kharkiv, Odesa and Lviv.\n'
    assert lint(text, "style.md", "names") == []


def test_a_running_head_may_end_in_an_abbreviation() -> None:
    page = "We built 400 homes this year and repaired many more of them.\n"
    text = "".join(f"Smith et al.\n{n}\n{page}" for n in (12, 13, 14))
    found = lint(text, "report.txt", "artifacts")
    assert {f.match for f in found} >= {"Smith et al."}


def test_the_review_mends_keep_what_they_should() -> None:
    # A capital "An" before a name and a noun is English's article.
    found = lint("An Lua object is a table.\n", "lua.txt", "typos")
    assert [(f.match, f.suggestions) for f in found] == [("An", ("A",))]
    # A passive's "being" takes the participle; a question's "is is" is a slip.
    text = "The course is being ran twice. How often is is the package cited?\n"
    found = lint(text, "news.md", "typos", "style")
    assert [(f.rule, f.match) for f in found] == [
        ("typos.RealWords", "ran"),
        ("style.Repetition", "is is"),
    ]
