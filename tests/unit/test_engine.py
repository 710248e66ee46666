"""The engine's decisions: scope, exceptions, suppressions, one finding per span."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk import engine, patterns
from copydesk.batch import lint_text
from copydesk.document import Directive, Document
from copydesk.errors import RuleError
from copydesk.ruleset import Ruleset, load_ruleset


def pack(tmp_path: Path, rules: dict[str, str]) -> Path:
    root = tmp_path / "house"
    root.mkdir(exist_ok=True)
    for name, body in rules.items():
        (root / f"{name}.yml").write_text(body, encoding="utf-8")
    return root


def rule_ids(text: str, root: Path, fmt: str = "plain") -> list[tuple[str, int, int]]:
    rs = load_ruleset([root], include_shipped=False)
    return [(f.rule, f.line, f.col) for f in lint_text(text, "doc", fmt, rs)]


def test_exceptions_mask_their_span(tmp_path: Path) -> None:
    root = pack(
        tmp_path,
        {
            "City": "extends: substitution\nmessage: x\nignorecase: true\n"
            "exceptions: ['chicken Kiev', 'Kievan Rus']\nswap: {Kiev: Kyiv}\n"
        },
    )
    text = "Kiev food: chicken Kiev.\nKievan Rus was older than Kiev.\n"
    assert rule_ids(text, root) == [("house.City", 1, 1), ("house.City", 2, 27)]


def test_sentence_scope_keeps_matches_inside_one_sentence(tmp_path: Path) -> None:
    root = pack(
        tmp_path,
        {
            "Pair": "extends: existence\nmessage: x\nscope: sentence\n"
            "raw: ['ends\\s+[.!?]?\\s*Then']\n",
        },
    )
    assert rule_ids("It ends Then.\n", root) == [("house.Pair", 1, 4)]
    assert rule_ids("It ends. Then we left.\n", root) == []


def test_heading_scope_in_markdown(tmp_path: Path) -> None:
    root = pack(
        tmp_path,
        {
            "Bang": "extends: existence\nmessage: x\nscope: heading\n"
            "raw: ['!']\nnonword: true\n"
        },
    )
    text = "# Breaking news!\n\nBody text!\n"
    assert rule_ids(text, root, "markdown") == [("house.Bang", 1, 16)]


def test_bad_scope_is_a_rule_error(tmp_path: Path) -> None:
    root = pack(tmp_path, {"Bad": "extends: existence\ntokens: [a]\nscope: chapter\n"})
    with pytest.raises(RuleError, match="key 'scope': expected one of"):
        load_ruleset([root], include_shipped=False)


def directive(action: str, line: int, *rules: str) -> Directive:
    return Directive(action, tuple(rules), line, 0, 0)


def test_suppressions_in_markdown_comments() -> None:
    rs = load_ruleset(select=["names"])
    text = (
        "<!-- copydesk: disable-next-line=names.Places -->\n"
        "Kiev once.\n"
        "<!-- copydesk: disable=names -->\n"
        "Kiev twice.\n"
        "<!-- copydesk: enable -->\n"
        "Kiev again, and Odessa.\n"
    )
    found = lint_text(text, "d.md", "markdown", rs)
    assert [(f.line, f.match) for f in found] == [(6, "Kiev"), (6, "Odessa")]


def test_directive_lines_apply_from_their_line() -> None:
    rs = load_ruleset(select=["names"])
    text = "Kiev\nKiev\nKiev\nKiev\nOdessa\n"
    doc = Document(
        "d",
        text,
        text,
        directives=(
            directive("disable-next-line", 1, "names.Places"),
            directive("disable", 3, "names"),
            directive("enable", 4),
        ),
    )
    assert [f.line for f in engine.lint(doc, rs)] == [1, 4, 5]


def test_ignore_file_and_unknown_rule_warning() -> None:
    rs = load_ruleset(select=["names"])
    text = "Kiev\n"
    doc = Document("d", text, text, directives=(directive("ignore-file", 1),))
    assert engine.lint(doc, rs) == []
    doc = Document("d", text, text, directives=(directive("disable", 1, "names.Nope"),))
    assert [f.rule for f in engine.lint(doc, rs)] == [
        engine.DIRECTIVE_RULE,
        "names.Places",
    ]


def test_one_finding_per_span_prefers_the_house_list() -> None:
    rs = load_ruleset(select=["names", "variants"])
    text = "Selenskyj spoke. Later Zelensky spoke again, and Zelensky left.\n"
    found = lint_text(text, "d", "plain", rs)
    assert [(f.rule, f.match) for f in found] == [("names.People", "Selenskyj")]


def test_catastrophic_pattern_becomes_an_error_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = pack(
        tmp_path,
        {
            "Slow": "extends: existence\nmessage: x\n"
            "raw: ['(?:a|aa)+b']\nnonword: true\n",
            "Fine": "extends: existence\nmessage: x\ntokens: [zebra]\n",
        },
    )
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.05)
    rs = load_ruleset([root], include_shipped=False)
    found = lint_text("a" * 60 + " zebra\n", "doc", "plain", rs)
    assert [f.rule for f in found] == [engine.TIMEOUT_RULE, "house.Fine"]
    assert "rule house.Slow (" in found[0].message
    assert "Slow.yml) stopped" in found[0].message


def test_rules_run_only_on_the_document_kinds_they_name(tmp_path: Path) -> None:
    root = pack(
        tmp_path,
        {
            "Draft": "extends: existence\nmessage: x\nkinds: [draft]\n"
            "tokens: [zebra]\n",
            "Page": "extends: existence\nmessage: x\nkinds: [authored]\n"
            "tokens: [lion]\n",
            "Any": "extends: existence\nmessage: x\ntokens: [okapi]\n",
        },
    )
    rs = load_ruleset([root], include_shipped=False)
    text = "A zebra, a lion and an okapi.\n"

    def rules(kind: str) -> list[str]:
        doc = Document("d", text, text, kind=kind)
        return [f.rule for f in engine.lint(doc, rs)]

    assert rules("draft") == ["house.Draft", "house.Any"]
    assert rules("authored") == ["house.Page", "house.Any"]
    assert [f.rule for f in lint_text(text, "d.md", "markdown", rs)] == [
        "house.Page",
        "house.Any",
    ]


def test_one_run_picks_each_documents_rules_by_its_language_kind_and_ruleset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run works out once which rules a ruleset runs on a language and kind
    of document; documents of another kind, language or ruleset in the same
    run still get theirs, and a rule stopped mid-run stays stopped."""
    root = pack(
        tmp_path,
        {
            "Draft": "extends: existence\nmessage: x\nkinds: [draft]\n"
            "tokens: [zebra]\n",
            "German": "extends: existence\nmessage: x\nlanguage: de\ntokens: [lion]\n",
            "Any": "extends: existence\nmessage: x\ntokens: [okapi]\n",
        },
    )
    (tmp_path / "other").mkdir()
    other = pack(
        tmp_path / "other",
        {"Lion": "extends: existence\nmessage: x\ntokens: [lion]\n"},
    )
    rs = load_ruleset([root], include_shipped=False)
    rs_other = load_ruleset([other], include_shipped=False)
    text = "A zebra, a lion and an okapi.\n"
    run = engine.RunState()

    def rules(kind: str, language: str = "en", ruleset: Ruleset = rs) -> list[str]:
        doc = Document("d", text, text, kind=kind, language=language)
        return [f.rule for f in engine.lint(doc, ruleset, run=run)]

    for _ in range(2):
        assert rules("draft") == ["house.Draft", "house.Any"]
        assert rules("authored") == ["house.Any"]
        assert rules("authored", "de-AT") == ["house.German", "house.Any"]
        assert rules("draft", ruleset=rs_other) == ["house.Lion"]
    run.stopped.add("house.Any")
    assert rules("draft") == ["house.Draft"]


def test_a_safe_fix_inside_a_heading_becomes_unsafe() -> None:
    text = (
        "# Notes\n\n## Install from the offical chart\n\n"
        "Use the offical chart, then read [the offical guide](#install).\n"
    )
    rs = load_ruleset(select=["typos.Misspellings"])
    found = [
        (f.line, f.col, f.fix.applicability.value)
        for f in lint_text(text, "notes.md", "markdown", rs)
        if f.fix is not None
    ]
    assert found == [(3, 21, "unsafe"), (5, 9, "safe"), (5, 39, "safe")]
