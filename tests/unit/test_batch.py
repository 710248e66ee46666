"""The batch stage: many files through one ruleset, in order, serial or parallel."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk import batch
from copydesk.batch import CHUNK, FileResult, LazyRuleset, RuleOptions, lint_targets
from copydesk.files import Target

STORY = 'The mayor of Kiev spoke.\n\nShe said \u201cwe sail at noon".\n'
CLEAN = "The harbour reopened on Monday.\n"


def targets(tmp_path: Path, count: int) -> list[Target]:
    made = []
    for n in range(count):
        path = tmp_path / f"story{n:03}.txt"
        path.write_text(STORY if n % 3 == 0 else CLEAN, encoding="utf-8")
        made.append(Target(str(path), "plain", "draft"))
    return made


def summary(results: list[FileResult]) -> list[tuple[str, list[tuple[str, int]]]]:
    return [
        (Path(r.path).name, [(f.rule, f.line) for f in r.findings]) for r in results
    ]


def test_results_come_in_the_order_given_serial_or_parallel(tmp_path: Path) -> None:
    given = targets(tmp_path, 2 * CHUNK + 3)  # enough to fan out
    options = RuleOptions(select=("names", "quotes"))
    serial = lint_targets(given, LazyRuleset(options), jobs=1)
    parallel = lint_targets(list(given), LazyRuleset(options), jobs=2)
    assert summary(parallel) == summary(serial)
    assert [Path(r.path).name for r in serial] == [Path(t.path).name for t in given]
    assert summary(serial)[0] == (
        "story000.txt",
        [("names.Places", 1), ("quotes.Mixed", 3)],
    )
    assert summary(serial)[1] == ("story001.txt", [])


def test_a_file_with_findings_keeps_its_text_for_the_reporters(tmp_path: Path) -> None:
    results = lint_targets(targets(tmp_path, 2), LazyRuleset(RuleOptions()), jobs=1)
    assert results[0].text == STORY
    assert results[1].text is None  # nothing to show: not kept


def test_an_unreadable_target_is_a_result_with_an_error(tmp_path: Path) -> None:
    missing = Target(str(tmp_path / "gone.txt"), "plain")
    [result] = lint_targets([missing], LazyRuleset(RuleOptions()), jobs=1)
    assert result.findings == []
    assert result.error is not None


def test_the_ruleset_is_compiled_only_when_a_file_needs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = LazyRuleset(RuleOptions())
    assert not rules.loaded
    lint_targets([], rules, jobs=1)
    assert not rules.loaded
    lint_targets(targets(tmp_path, 1), rules, jobs=1)
    assert rules.loaded


def test_rule_options_rebuild_the_same_ruleset_in_a_worker() -> None:
    options = RuleOptions(select=("names",), severity=(("names.Places", "error"),))
    assert options.load().metas.keys() == options.load().metas.keys()
    assert {m.pack for m in options.load().metas.values()} == {"names"}
    assert options.overrides["names.Places"].label == "error"


def test_kind_comes_from_kind_for_then_the_document(tmp_path: Path) -> None:
    options = RuleOptions(kind_for=(("drafts/*", "draft"),), kind_root=str(tmp_path))
    assert options.kind_of(str(tmp_path / "drafts" / "a.md"), "markdown") == "draft"
    assert options.kind_of(str(tmp_path / "docs" / "a.md"), "markdown") == "authored"
    kind = options.kind_of("notes.txt", "plain")
    assert kind == ""
    assert batch.build_document("Share\n", "a.txt", "plain", "en", kind).kind == "draft"


def test_build_document_reads_the_format() -> None:
    doc = batch.build_document("# Title\n\n`Kiev`\n", "a.md", "markdown", "en")
    assert doc.format == "markdown"
    assert len(doc.prose) == len(doc.text)
    assert "Kiev" not in doc.prose  # code is masked
