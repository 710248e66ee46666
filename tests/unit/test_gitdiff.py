"""--diff-base against real git repositories made in tmp folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.gitrepo import git

from copydesk.errors import CopydeskError
from copydesk.gitdiff import ChangedLines, changed_lines, parse_diff, unquote
from copydesk.model import Finding, Severity


def finding(path: Path | str, line: int, end_line: int | None = None) -> Finding:
    return Finding(
        rule="names.Places",
        severity=Severity.WARNING,
        message="m",
        path=str(path),
        start=0,
        end=1,
        line=line,
        col=1,
        end_line=line if end_line is None else end_line,
        end_col=2,
        match="K",
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "story.md").write_text("one\ntwo\nthree\nfour\n", encoding="utf-8")
    (root / ".gitignore").write_text("*.log\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    return root


def test_changed_and_added_lines_are_new_and_others_are_not(repo: Path) -> None:
    (repo / "story.md").write_text("one\nTWO\nthree\nfour\nfive\n", encoding="utf-8")
    changed = changed_lines("HEAD", repo)
    story = repo / "story.md"
    assert changed.lines == {"story.md": {2, 5}}
    assert [changed.keeps(finding(story, n)) for n in range(1, 6)] == [
        False,
        True,
        False,
        False,
        True,
    ]
    # A finding across lines is kept when any of its lines is new.
    assert changed.keeps(finding(story, 1, 2))


def test_untracked_ignored_and_outside_files_count_as_new(
    repo: Path, tmp_path: Path
) -> None:
    (repo / "new.md").write_text("fresh\n", encoding="utf-8")
    (repo / "notes.log").write_text("ignored by git\n", encoding="utf-8")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("not in any repository\n", encoding="utf-8")
    changed = changed_lines("HEAD", repo)
    assert changed.keeps(finding(repo / "new.md", 1))
    assert changed.keeps(finding(repo / "notes.log", 1))
    assert changed.keeps(finding(outside, 1))
    # An unchanged tracked file keeps nothing.
    assert not changed.keeps(finding(repo / "story.md", 1))


def test_relative_paths_are_resolved_from_the_working_directory(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "docs").mkdir()
    (repo / "docs" / "a.md").write_text("a\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "docs")
    (repo / "docs" / "a.md").write_text("a\nb\n", encoding="utf-8")
    monkeypatch.chdir(repo / "docs")
    changed = changed_lines("HEAD")
    assert changed.keeps(finding("a.md", 2))
    assert not changed.keeps(finding("a.md", 1))


def test_a_file_added_since_the_base_is_new_throughout(repo: Path) -> None:
    (repo / "added.md").write_text("x\ny\n", encoding="utf-8")
    git(repo, "add", "added.md")
    git(repo, "commit", "-qm", "add")
    changed = changed_lines("HEAD~1", repo)
    assert changed.lines["added.md"] == {1, 2}


def test_a_changed_binary_file_is_new_throughout(repo: Path) -> None:
    draft = repo / "draft.docx"
    draft.write_bytes(b"PK\x03\x04\x00\x00binary one")
    git(repo, "add", "draft.docx")
    git(repo, "commit", "-qm", "draft")
    draft.write_bytes(b"PK\x03\x04\x00\x00binary two")
    changed = changed_lines("HEAD", repo)
    assert "draft.docx" in changed.whole
    assert changed.keeps(finding(draft, 12))


def test_odd_file_names_and_a_user_config_without_prefixes(repo: Path) -> None:
    name = 'café "quoted"\tname.md'
    (repo / name).write_text("a\n", encoding="utf-8")
    (repo / "with space.md").write_text("a\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "odd")
    git(repo, "config", "diff.noprefix", "true")
    (repo / name).write_text("a\nb\n", encoding="utf-8")
    (repo / "with space.md").write_text("a\nb\nc\n", encoding="utf-8")
    changed = changed_lines("HEAD", repo)
    assert changed.lines == {name: {2}, "with space.md": {2, 3}}


def test_unquote_reads_git_c_quoting() -> None:
    assert unquote(b'"b/caf\\303\\251 \\"x\\"\\tz.md"') == 'b/café "x"\tz.md'
    assert unquote(b"b/plain name.md\t") == "b/plain name.md"
    assert parse_diff(b"+++ /dev/null\n@@ -1,2 +0,0 @@\n") == {}


def test_an_unknown_ref_is_named_with_gits_reason(repo: Path) -> None:
    with pytest.raises(CopydeskError) as caught:
        changed_lines("no-such-ref", repo)
    assert str(caught.value) == (
        "--diff-base: cannot compare with 'no-such-ref': "
        "git says \"bad revision 'no-such-ref'\""
    )


def test_a_shallow_clone_gets_a_hint(repo: Path, tmp_path: Path) -> None:
    (repo / "story.md").write_text("changed\n", encoding="utf-8")
    git(repo, "commit", "-qam", "second")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    with pytest.raises(CopydeskError) as caught:
        changed_lines("HEAD~1", clone)
    message = str(caught.value)
    assert message.startswith(
        "--diff-base: cannot compare with 'HEAD~1': git says \"bad revision 'HEAD~1'\""
    )
    assert "shallow" in message
    assert "git fetch --unshallow" in message
    assert "fetch-depth: 0" in message
    # The branch the clone did fetch is there to compare with.
    assert isinstance(changed_lines("origin/main", clone), ChangedLines)


def test_outside_any_repository_names_the_ref(tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    with pytest.raises(CopydeskError) as caught:
        changed_lines("origin/main", alone)
    assert str(caught.value).startswith(
        "--diff-base: cannot compare with 'origin/main': not a git repository"
    )


def test_a_ref_that_looks_like_an_option_is_refused(repo: Path) -> None:
    with pytest.raises(CopydeskError, match="'--output=x' is not a git ref"):
        changed_lines("--output=x", repo)
    assert not (repo / "x").exists()


def test_without_git_the_error_says_so(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin"))
    with pytest.raises(CopydeskError, match="cannot run git"):
        changed_lines("HEAD", repo)
