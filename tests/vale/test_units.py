"""The small pieces Vale's behaviour rests on, one by one."""

from __future__ import annotations

import pytest

from copydesk.vale.filter import FilterError, apply_filter
from copydesk.vale.formula import FormulaError, evaluate
from copydesk.vale.globs import Glob
from copydesk.vale.html_tokens import Kind, tokenize
from copydesk.vale.location import initial_position
from copydesk.vale.messages import format_message, to_sentence
from copydesk.vale.model import Alert
from copydesk.vale.nlp import segment, tokenize_words
from copydesk.vale.regex import compile_vale
from copydesk.vale.summarize import syllables


@pytest.mark.parametrize(
    ("message", "values", "expected"),
    [
        ("Use '%s' instead of '%s'.", ("a", "b"), "Use 'a' instead of 'b'."),
        ("'%s' left", ("a", "b"), "'a' left"),
        ("%s, %s and %s", ("a",), "a,  and %!s(MISSING)"),
        ("100%% sure of %q", ("it",), '100% sure of "it"'),
        ("No verbs", ("a",), "No verbs"),
        ("Count %d", ("3",), "Count %!d(string=3)"),
    ],
)
def test_messages_are_filled_like_go_sprintf(
    message: str, values: tuple[str, ...], expected: str
) -> None:
    assert format_message(message, *values) == expected


def test_suggestion_lists() -> None:
    assert to_sentence(["a"]) == "'a'"
    assert to_sentence(["a", "b"]) == "'a' or 'b'"
    assert to_sentence(["a", "b", "c"]) == "'a', 'b', or 'c'"


def test_globs_cross_folders_and_take_brace_sets_and_negation() -> None:
    assert Glob.compile("*.md").match("docs/guide/a.md")
    assert Glob.compile("*.{md,txt}").match("a.txt")
    assert not Glob.compile("*.{md,txt}").match("a.rst")
    assert Glob.compile("docs/**/*.md").match("docs/a/b/c.md")
    assert not Glob.compile("docs/*.md").match("other/a.md")
    assert Glob.compile("!*.txt").match("a.md")
    assert not Glob.compile("!*.txt").match("a.txt")
    assert Glob.compile("[!a]*.md").match("b.md")


def test_regexes_take_scoped_flags_nested_brackets_and_posix_classes() -> None:
    assert compile_vale(r"(?i)a(?-i)B").findall("AB ab aB") == ["AB", "aB"]
    assert compile_vale(r"[[]x]").findall("[x]") == ["[x]"]
    assert compile_vale(r"[[:upper:]]+").findall("abCD") == ["CD"]
    assert compile_vale(r"x{,2}").findall("x{,2}") == ["x{,2}"]
    assert compile_vale(r"(?i)straße").search("STRASSE") is None
    assert compile_vale(r"\x{41}\p{Lu}").search("AB") is not None


def test_html_tokens_as_go_cuts_them() -> None:
    tokens = list(
        tokenize('<p>a &amp; b<br/><img src="x" alt="y"><!-- vale off --></p>')
    )
    assert [(t.kind, t.data) for t in tokens] == [
        (Kind.START, "p"),
        (Kind.TEXT, "a & b"),
        (Kind.SELF_CLOSING, "br"),
        (Kind.START, "img"),
        (Kind.COMMENT, " vale off "),
        (Kind.END, "p"),
    ]
    assert tokens[3].attr("alt") == "y"
    script = list(tokenize("<script>if (a<b) {}</script>x"))
    assert [(t.kind, t.data) for t in script][1:] == [
        (Kind.TEXT, "if (a<b) {}"),
        (Kind.END, "script"),
        (Kind.TEXT, "x"),
    ]


def test_sentences_and_words() -> None:
    assert segment("One thing. Another thing? Yes! Dr. Smith came, e.g. today.") == [
        "One thing.",
        "Another thing?",
        "Yes!",
        "Dr. Smith came, e.g. today.",
    ]
    assert segment("See e.g. The docs.") == ["See e.g.", "The docs."]
    assert segment("We and I. Did you see Albert I. Jones?") == [
        "We and I.",
        "Did you see Albert I. Jones?",
    ]
    assert segment("It ends . . . Next one.") == ["It ends . . .", "Next one."]
    assert tokenize_words("Don't copy (this) sentence, ok?") == [
        "Don't",
        "copy",
        "this",
        "sentence",
        "ok",
    ]


def test_placement_skips_matches_next_to_backticks() -> None:
    alert = Alert("R", "warning", "", "TODO", [0, 4])
    line = "Text `TODO` and TODO here"
    assert initial_position(line, line, alert) == (17, "TODO")
    # Without backticks, the first word-bounded occurrence is taken.
    html = "<code>TODO</code> TODO"
    assert initial_position(html, html, alert) == (7, "TODO")


def test_formulas_are_parsed_not_evaluated_as_python() -> None:
    counts = {"words": 120.0, "sentences": 8.0, "list": 2.0}
    assert evaluate("(words / sentences) * 2 + math.sqrt(16)", counts) == 34.0
    assert evaluate("15.000000 > 10 && list >= 2", counts) is True
    with pytest.raises(FormulaError):
        evaluate("__import__('os')", counts)
    with pytest.raises(FormulaError):
        evaluate("words +", counts)


def test_filters_are_parsed_not_evaluated_as_python() -> None:
    rules = [
        {
            "Name": "A.One",
            "Level": "error",
            "Scope": ["heading"],
            "Extends": "existence",
        },
        {
            "Name": "B.Two",
            "Level": "warning",
            "Scope": ["text"],
            "Extends": "occurrence",
        },
    ]
    assert apply_filter('.Level == "error" or .Name startsWith "B."', rules) == rules
    assert apply_filter('"text" in .Scope && .Extends != "existence"', rules) == [
        rules[1]
    ]
    assert apply_filter('.Name matches "^A"', rules) == [rules[0]]
    with pytest.raises(FilterError):
        apply_filter(".Name.__class__", rules)


def test_syllables() -> None:
    assert [
        syllables(w) for w in ("the", "readability", "people", "comprehensive")
    ] == [
        1,
        5,
        2,
        4,
    ]
