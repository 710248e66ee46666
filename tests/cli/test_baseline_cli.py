"""copydesk baseline and check --baseline, as a team adopting copydesk uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main

DRAFT = (
    "# Port talks\n"
    "\n"
    "The delegation from Kiev arrived late, and the talks were short.\n"
    "\n"
    "Critics called the decision a breastless act of the council.\n"
)


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["check", "--no-cache", "--format", "json", *args])
    captured = capsys.readouterr()
    found = [f"{f['line']}:{f['match']}" for f in json.loads(captured.out or "[]")]
    return code, found, captured.err


def test_a_baseline_hides_old_findings_after_lines_move_and_reports_a_new_one(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["baseline", "story.md"]) == 0
    assert capsys.readouterr().err == (
        "copydesk: wrote 2 findings in 1 file to .copydesk-baseline.json\n"
    )
    (desk / "story.md").write_text(
        "# Port talks\n\nA new lead paragraph.\n\nAnother one, from Odessa.\n\n"
        + DRAFT.split("\n", 2)[2],
        encoding="utf-8",
    )
    code, found, err = check(capsys, "--baseline", ".copydesk-baseline.json", ".")
    assert found == ["5:Odessa"]
    assert err == (
        "copydesk: 2 findings hidden by the baseline .copydesk-baseline.json\n"
    )
    assert code == 1


def test_without_new_findings_the_run_passes(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["baseline"])
    capsys.readouterr()
    code, found, _ = check(capsys, "--baseline", ".copydesk-baseline.json")
    assert (code, found) == (0, [])


def test_a_fixed_finding_drops_out_when_the_baseline_is_rewritten(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["baseline", "story.md"])
    (desk / "story.md").write_text(DRAFT.replace("Kiev", "Kyiv"), encoding="utf-8")
    capsys.readouterr()
    main(["baseline", "story.md"])
    assert capsys.readouterr().err == (
        "copydesk: wrote 1 finding in 1 file to .copydesk-baseline.json"
        " (1 fixed since the last baseline)\n"
    )
    recorded = json.loads((desk / ".copydesk-baseline.json").read_text("utf-8"))
    assert [e["match"] for e in recorded["findings"]] == ["breastless"]
    # Reintroduced, the fixed finding is new again.
    (desk / "story.md").write_text(DRAFT, encoding="utf-8")
    _, found, _ = check(capsys, "--baseline", ".copydesk-baseline.json", "story.md")
    assert found == ["3:Kiev"]


def test_the_config_key_names_the_baseline(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (desk / ".copydesk.toml").write_text(
        'baseline = "ci/copydesk-baseline.json"\n', encoding="utf-8"
    )
    (desk / "ci").mkdir()
    (desk / "drafts").mkdir()
    main(["baseline", "story.md"])
    assert "to ci/copydesk-baseline.json" in capsys.readouterr().err
    # From another folder, the same baseline applies (paths are relative to it).
    (desk / "story.md").rename(desk / "drafts" / "story.md")
    main(["baseline", "drafts"])
    capsys.readouterr()
    code, found, err = check(capsys, "drafts")
    assert (code, found) == (0, [])
    assert "2 findings hidden by the baseline" in err


def test_a_missing_baseline_is_one_error_line(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = check(capsys, "--baseline", "nope.json", "story.md")
    assert code == 2
    assert err == (
        "copydesk: error: nope.json: no such baseline file"
        " (write it with copydesk baseline)\n"
    )


def test_quiet_hides_the_count(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["baseline"])
    capsys.readouterr()
    assert check(capsys, "--quiet", "--baseline", ".copydesk-baseline.json")[2] == ""


def test_baseline_refuses_stdin(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["baseline", "-"]) == 2
    assert capsys.readouterr().err == (
        "copydesk: error: copydesk baseline records files, not standard input\n"
    )
