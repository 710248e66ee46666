"""``fix`` reaches its fixpoint in one run: a second run changes nothing.

Long chains settle (the round cap is ruff's 100, far above any real chain);
rules whose fixes undo each other are named, the text is left as it was when
the cycle began and every other fix still applies. The property is checked on
hostile documents in every format, safe and unsafe fixes alike.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from copydesk.api import Workspace
from copydesk.batch import lint_text
from copydesk.checks.names import Names
from copydesk.cli.main import main
from copydesk.document import Document
from copydesk.fix import MAX_ROUNDS, fix_text
from copydesk.model import Applicability, Edit, Finding, Fix, Severity
from copydesk.ruleset import Ruleset, compile_exceptions, compile_rule, load_ruleset

from .strategies import FORMATS, documents, fuzz_settings, mixed_documents

#: Formats a fix runs on: the markup readers and Word's converted text.
FIX_FORMATS = (*FORMATS, "docx")


@lru_cache(maxsize=1)
def shipped() -> Ruleset:
    return load_ruleset()


def lint_as(fmt: str, ruleset: Ruleset | None = None) -> Callable[[str], list[Finding]]:
    rules = ruleset or shipped()

    def lint(text: str) -> list[Finding]:
        return lint_text(text, "doc", fmt, rules)

    return lint


def inline_ruleset(*rules: tuple[str, str]) -> Ruleset:
    """A ruleset of rules written inline as YAML, compiled as the loader does."""
    checks = [
        compile_rule(rule_id, yaml.safe_load(body), f"{rule_id}.yml")
        for rule_id, body in rules
    ]
    return Ruleset(checks, "house", compile_exceptions(checks))


#: A house rule unwrapping a bracketed name: each round removes one layer of
#: a botched find-and-replace's nested brackets, so fixes cascade.
UNBRACKET = r"""
extends: substitution
message: "'%s': the brackets add nothing."
level: warning
nonword: true
applicability: safe
swap:
  '\((Kyiv)\)': Kyiv
"""


def test_a_chain_of_30_rounds_settles_in_one_run() -> None:
    rules = inline_ruleset(("house.Unbracket", UNBRACKET))
    text = "Aid reached " + "(" * 30 + "Kyiv" + ")" * 30 + " on Monday.\n"
    result = fix_text(text, lint_as("plain", rules), unsafe=False)
    assert (result.text, result.rounds, result.fixed) == (
        "Aid reached Kyiv on Monday.\n",
        30,
        30,
    )
    assert result.converged
    assert (result.cycles, result.capped) == ((), ())


def grow_lint(text: str) -> list[Finding]:
    """A buggy rule whose fix always wants one more mark: it never settles."""
    doc = Document.plain(text)
    end = len(text)
    fix = Fix((Edit(end, end, "!"),), Applicability.SAFE)
    return [doc.finding("house.Grow", Severity.WARNING, "more", 0, end, (), fix)]


def test_only_a_runaway_fix_reaches_the_cap() -> None:
    result = fix_text("Kyiv", grow_lint, unsafe=False)
    assert result.rounds == MAX_ROUNDS == 100
    assert result.text == "Kyiv" + "!" * 100
    assert result.capped == ("house.Grow",)
    assert not result.converged
    assert result.unsettled_reason() == (
        "fixes of house.Grow were still changing the text after 100 rounds"
    )


def _swap(rule_id: str, wrong: str, right: str) -> tuple[str, str]:
    body = (
        "extends: substitution\nmessage: \"'%s'\"\nlevel: warning\n"
        f"applicability: safe\nswap:\n  {wrong}: {right}\n"
    )
    return rule_id, body


def test_a_cycle_names_its_rules_and_every_other_fix_still_applies() -> None:
    rules = inline_ruleset(
        _swap("house.Colour", "colour", "color"),
        _swap("house.Color", "color", "colour"),
        _swap("typos.Teh", "teh", "the"),
        _swap("house.Kiev", "Kiev", "Kyiv"),
    )
    lint = lint_as("plain", rules)
    result = fix_text("The colour of teh flag in Kiev.", lint, unsafe=False)
    assert result.text == "The colour of the flag in Kyiv."
    assert result.cycles == (("house.Color", "house.Colour"),)
    assert result.fixed == 2  # the flips came to nothing
    assert result.unsettled_reason() == (
        "fixes of house.Color and house.Colour undo each other"
    )
    again = fix_text(result.text, lint, unsafe=False)
    assert (again.text, again.fixed, again.cycles) == (
        result.text,
        0,
        result.cycles,
    )


def test_fix_names_the_rules_that_undo_each_other(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path
    house = root / "house"
    house.mkdir()
    for rule_id, body in (
        _swap("house.Colour", "colour", "color"),
        _swap("house.Color", "color", "colour"),
    ):
        (house / f"{rule_id.split('.')[1]}.yml").write_text(body, encoding="utf-8")
    (root / "a.txt").write_text("The colour of teh flag.\n", encoding="utf-8")
    monkeypatch.chdir(root)
    code = main(["fix", "--no-cache", "--rules", "house", "a.txt"])
    err = capsys.readouterr().err
    assert (root / "a.txt").read_text(encoding="utf-8") == "The colour of the flag.\n"
    assert (
        "copydesk: warning: a.txt: fixes did not settle: fixes of house.Color"
        " and house.Colour undo each other\n"
    ) in err
    assert "1 file(s) did not settle (rules named above)" in err
    assert code == 1


def test_house_names_and_name_variants_do_not_undo_each_other() -> None:
    """names.People wants "Lévy" after "Bernard-Henri"; variants, finding a
    bare "Lévi" beside it, used to make the fixed name agree with the bare
    one again. The house name is the group's canonical form, so the bare
    spelling follows the house one and the run settles."""
    text = "Lévi said so. Bernard-Henri Lévi agreed.\n"
    result = fix_text(text, lint_as("plain"), unsafe=True)
    assert (result.text, result.cycles, result.fixed) == (
        "Lévy said so. Bernard-Henri Lévy agreed.\n",
        (),
        2,
    )
    safe = fix_text(text, lint_as("plain"), unsafe=False)
    assert safe.text == "Lévi said so. Bernard-Henri Lévy agreed.\n"
    assert [(f.rule, f.match, f.suggestions) for f in safe.remaining] == [
        ("variants.Names", "Lévi", ("Lévy",))
    ]


def house_list_drafts() -> list[tuple[str, str]]:
    """(language, draft) pairs naming every house-listed spelling the way the
    cycle above did: a variant twice, the house spelling beside a variant,
    and each with the entry's anchor before one of them."""
    drafts: list[tuple[str, str]] = []
    for check in shipped().checks:
        if not isinstance(check, Names):
            continue
        for entry in check.entries:
            lead = f"{entry.anchors[0]} " if entry.anchors else ""
            for variant in entry.variants:
                drafts += [
                    (
                        check.house_language,
                        f"{variant} said so. {lead}{variant} agreed.\n",
                    ),
                    (
                        check.house_language,
                        f"{entry.canonical} said so. {lead}{variant} agreed.\n",
                    ),
                    (
                        check.house_language,
                        f"{lead}{variant} said so. {variant} agreed.\n",
                    ),
                ]
    return drafts


def test_no_house_listed_spelling_starts_a_fix_cycle() -> None:
    """The general promise behind the test above, over the whole house list:
    no names rule and variants undo each other, whatever the entry."""
    drafts = house_list_drafts()
    assert len(drafts) > 200
    unsettled = []
    for language, text in drafts:

        def lint(draft: str, language: str = language) -> list[Finding]:
            return lint_text(draft, "doc", "plain", shipped(), language=language)

        first = fix_text(text, lint, unsafe=True)
        second = fix_text(first.text, lint, unsafe=True)
        if first.cycles or first.capped or second.text != first.text:
            unsettled.append((text, first.text, first.cycles))
    assert unsettled == []


def hostile(fmt: str) -> st.SearchStrategy[str]:
    """Mixed-markup pages and hostile Unicode (a Word draft's text is plain)."""
    return st.one_of(mixed_documents(fmt), documents("plain" if fmt == "docx" else fmt))


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("fmt", FIX_FORMATS)
@fuzz_settings(30)
@given(data=st.data())
def test_a_second_fix_changes_nothing(
    fmt: str, unsafe: bool, data: st.DataObject
) -> None:
    text = data.draw(hostile(fmt), label="document")
    lint = lint_as(fmt)
    first = fix_text(text, lint, unsafe=unsafe)
    second = fix_text(first.text, lint, unsafe=unsafe)
    assert second.text == first.text, (first.unsettled_reason(), second.rounds)
    assert second.fixed == 0
    assert first.capped == ()


def test_the_workspace_fix_is_idempotent_with_config(tmp_path: Path) -> None:
    root = tmp_path
    (root / ".copydesk.toml").write_text('[vocab]\naccept = ["Kharkov"]\n')
    workspace = Workspace(root)
    text = "Advertisement\nOfficials in Kiev and Kharkov said teh the the talks.\n"
    first = workspace.fix_text("a.txt", text, unsafe=True)
    assert first.text == "Officials in Kyiv and Kharkov said the talks.\n"
    assert workspace.fix_text("a.txt", first.text, unsafe=True).text == first.text


@pytest.mark.parametrize("separator", ["\n", "\x85", "\u2028", "\u2029", "\x1c"])
def test_rst_line_separators_hide_no_prose(separator: str) -> None:
    """docutils also breaks lines at NEL, LS, PS and information separators;
    its line numbers, read as copydesk's, hid every paragraph after them, and
    a fix run found the hidden names one round at a time (24 rounds on a
    generated page, past the old cap of 5)."""
    text = (
        "Intro" + (separator + "line") * 8 + "\n\nOfficials in Kiev said so.\n\n"
        "Kharkov too.\n"
    )
    found = lint_text(text, "doc.rst", "rst", shipped())
    assert [f.match for f in found if f.rule == "names.Places"] == ["Kiev", "Kharkov"]
    result = fix_text(text, lint_as("rst"), unsafe=False)
    assert result.rounds == 1
