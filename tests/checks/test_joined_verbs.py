"""typos.JoinedVerbs: a phrasal verb written as its one-word noun ("to setup
the cluster"), reported only where the word is a verb."""

from __future__ import annotations

from copydesk.batch import lint_text
from copydesk.ruleset import load_ruleset

#: A runbook page as a docs team writes it: the verbs joined in places, the
#: nouns and adjectives correct beside them.
RUNBOOK = """\
# Rotating the archive keys

Run the setup script first. You will need to setup the key vault before
the nightly backup starts, and please backup your current keys.

1. Login to the admin portal with your badge.
2. Setup a second vault in the spare region.
3. setup notes go in the shared folder.

We shutdown the old vault last week; the shutdown took an hour. If the
lookup service is slow, you can lookup the key by its thumbprint. As a
temporary
workaround you can copy the key by hand.

Your login name is on the badge, and the cleanup job runs at midnight.
"""


def _found(text: str, path: str = "runbook.md") -> list[tuple[int, int, str]]:
    ruleset = load_ruleset(select=["typos.JoinedVerbs"])
    return [
        (f.line, f.col, text[f.start : f.end])
        for f in lint_text(text, path, "markdown", ruleset)
    ]


def test_the_verbs_are_reported_and_the_nouns_left_alone() -> None:
    assert _found(RUNBOOK) == [
        (3, 46, "setup"),
        (4, 39, "backup"),
        (6, 4, "Login"),
        (7, 4, "Setup"),
        (10, 4, "shutdown"),
        (11, 33, "lookup"),
    ]


def test_the_suggestion_keeps_the_case_and_the_fix_is_unsafe() -> None:
    ruleset = load_ruleset(select=["typos.JoinedVerbs"])
    found = lint_text("Setup the vault.\n", "a.md", "markdown", ruleset)
    assert [(f.message, f.fix.is_safe if f.fix else None) for f in found] == [
        ("'Setup' is the noun; the verb is 'Set up'.", False)
    ]
    assert found[0].fix is not None
    assert [e.replacement for e in found[0].fix.edits] == ["Set up"]


def test_code_and_command_names_are_not_prose() -> None:
    text = "Run `setup the vault` or the `login` command, then `backup it`.\n"
    assert _found(text) == []


def test_the_log_in_family_also_ends_a_clause() -> None:
    text = (
        "Ask the desk for a badge before you try to login. Once you login,\n"
        "the portal shows your username and login, then the logout button.\n"
    )
    assert _found(text) == [(1, 44, "login"), (1, 60, "login")]


def test_a_noun_after_first_or_a_possessive_perfect_is_left_alone() -> None:
    text = (
        "The plant's first shutdown this year came in May. The server has\n"
        "backup that runs nightly. After the move, Reshard has setup the\n"
        "tables and you have setup your aliases.\n"
    )
    assert _found(text) == [(2, 55, "setup"), (3, 21, "setup")]
