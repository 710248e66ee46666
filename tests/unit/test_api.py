"""The library API: what an editor or a pipeline gets without argparse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk import api
from copydesk.cli import main
from copydesk.config import ConfigError
from copydesk.model import Finding

#: A harbour story with one house-style name and one mismatched quote.
STORY = (
    "The mayor of Kiev said the port will reopen in May.\n"
    "\n"
    'She said \u201cwe will rebuild the quay".\n'
)

CONFIG = """\
language = "en-GB"
format-for = { "*.story" = "markdown" }

[per-file-ignores]
"legal/*" = ["names"]
"""


def where(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.col) for f in findings]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".copydesk.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "legal").mkdir()
    (tmp_path / "news").mkdir()
    return tmp_path


def test_lint_text_applies_per_file_ignores_without_argparse(project: Path) -> None:
    workspace = api.Workspace(project)
    news = workspace.lint_text(Path("news/story.txt"), STORY)
    legal = workspace.lint_text(Path("legal/story.txt"), STORY)
    assert where(news) == [("names.Places", 1, 14), ("quotes.Mixed", 3, 35)]
    assert where(legal) == [("quotes.Mixed", 3, 35)]
    assert {f.path for f in news} == {"news/story.txt"}


def test_the_buffer_is_linted_not_the_file_on_disk(project: Path) -> None:
    on_disk = project / "news" / "story.txt"
    on_disk.write_text("Nothing to see here.\n", encoding="utf-8")
    found = api.Workspace(project).lint_text(on_disk, STORY)
    assert where(found)[0] == ("names.Places", 1, 14)


def test_lint_text_gives_what_check_gives(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = project / "news" / "story.txt"
    draft.write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["check", "--no-cache", "--format", "json", "news/story.txt"]) == 1
    reported = json.loads(capsys.readouterr().out)
    from_cli = [(i["rule"], i["line"], i["column"]) for i in reported]
    assert from_cli == where(api.Workspace(project).lint_text(draft, STORY))


def test_relative_paths_are_relative_to_the_root_not_the_cwd(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    settings = api.Workspace(project).settings_for(Path("legal/x.story"))
    assert settings.config_path == str(project / ".copydesk.toml")
    assert (settings.format, settings.kind, settings.language) == (
        "markdown",
        "authored",
        "en-GB",
    )
    assert settings.ignored == ("names",)


def test_overrides_win_over_the_config(project: Path) -> None:
    overrides = api.Overrides(language="en-US", ignore=("quotes",))
    workspace = api.Workspace(project, overrides)
    assert workspace.settings_for("news/a.txt").language == "en-US"
    assert where(workspace.lint_text("news/a.txt", STORY)) == [("names.Places", 1, 14)]


def test_fix_text_applies_safe_fixes_and_only_unsafe_ones_on_request(
    project: Path,
) -> None:
    workspace = api.Workspace(project)
    safe = workspace.fix_text("news/story.txt", STORY)
    assert safe.text.startswith("The mayor of Kyiv said")
    assert safe.fixed >= 1
    assert "names.Places" not in {f.rule for f in safe.remaining}
    # A rule the config switches off for a file fixes nothing there.
    legal = workspace.fix_text("legal/story.txt", STORY)
    assert "Kiev" in legal.text


def test_lint_paths_walks_and_reports_problems(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "news" / "a.txt").write_text(STORY, encoding="utf-8")
    (project / "news" / "b.md").write_text("All quiet in Kyiv.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    run = api.Workspace(project).lint_paths(["news", "missing.txt"])
    assert sorted(r.path for r in run.results) == ["news/a.txt", "news/b.md"]
    assert [str(p) for p in run.problems] == ["missing.txt: no such file or directory"]
    assert where(run.findings) == [("names.Places", 1, 14), ("quotes.Mixed", 3, 35)]
    assert "names.Places" in run.metas


def test_reload_reads_a_changed_config(project: Path) -> None:
    workspace = api.Workspace(project)
    assert where(workspace.lint_text("news/a.txt", STORY))[0][0] == "names.Places"
    with (project / ".copydesk.toml").open("a", encoding="utf-8") as config:
        config.write('\n[vocab]\naccept = ["Kiev"]\n')
    # Memoised until told: a server reloads when its file watcher fires.
    assert where(workspace.lint_text("news/a.txt", STORY))[0][0] == "names.Places"
    workspace.reload()
    assert where(workspace.lint_text("news/a.txt", STORY)) == [("quotes.Mixed", 3, 35)]


def test_a_bad_config_is_an_error_naming_file_and_key(project: Path) -> None:
    (project / ".copydesk.toml").write_text('fail-level = "loud"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        api.Workspace(project).lint_text("news/a.txt", STORY)
    assert caught.value.path == str(project / ".copydesk.toml")
    assert "key 'fail-level'" in caught.value.reason


def test_rulesets_are_memoised_per_config(project: Path) -> None:
    workspace = api.Workspace(project)
    first = workspace.ruleset_for("news/a.txt")
    assert workspace.ruleset_for("legal/b.txt") is first
    meta = workspace.rule_meta("names.Places")
    assert meta is not None
    assert meta.link or meta.description


def test_isolated_and_config_file_choose_the_config(project: Path) -> None:
    isolated = api.Workspace(project, api.Overrides(isolated=True))
    assert isolated.settings_for("legal/x.story").config_path == ""
    assert [f.rule for f in isolated.lint_text("legal/x.txt", STORY)] == [
        "names.Places",
        "quotes.Mixed",
    ]
    (project / "house.toml").write_text('select = ["quotes"]\n', encoding="utf-8")
    shared = api.Workspace(project, api.Overrides(config_file="house.toml"))
    assert shared.settings_for("news/a.txt").config_path == str(project / "house.toml")
    assert where(shared.lint_text("news/a.txt", STORY)) == [("quotes.Mixed", 3, 35)]


def test_origins_say_where_each_setting_comes_from(project: Path) -> None:
    workspace = api.Workspace(project, api.Overrides(fail_level="error"))
    found = {
        origin.setting: (origin.value, origin.source, origin.key)
        for origin in workspace.origins_for("legal/x.story")
    }
    assert found["language"] == ("en-GB", "config", "language")
    assert found["format"] == ("markdown", "config", 'format-for."*.story"')
    assert found["ignored here"] == ("names", "config", 'per-file-ignores."legal/*"')
    assert found["fail-level"] == ("error", "override", "fail_level")
    assert found["kind"] == ("authored", "default", "markdown files are authored")


def test_packs_run_only_their_default_rules(project: Path) -> None:
    (project / ".copydesk.toml").write_text('packs = ["style"]\n', encoding="utf-8")
    plan = api.Workspace(project).plan_for("news")
    assert "style.Repetition" in plan.options.select
    assert "style.Acronyms" not in plan.options.select  # opt-in
    assert {rule.split(".")[0] for rule in plan.options.select} == {"style"}


def test_an_unknown_rule_in_the_config_is_a_config_error(project: Path) -> None:
    (project / ".copydesk.toml").write_text(
        '[severity]\n"quotes.Unclsed" = "error"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        api.Workspace(project).lint_text("news/a.txt", STORY)
    assert caught.value.reason == (
        """key 'severity."quotes.Unclsed"': unknown rule or pack """
        "(did you mean 'quotes.Unclosed'?)"
    )
