"""The shipped pre-commit hook, run by the real pre-commit against this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(),
    reason="needs git and a git checkout",
)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module: the hook's venv is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(
    project: Path, home: Path, hook: str = "copydesk"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(REPO), hook, "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def make_project(root: Path, draft: str) -> Path:
    root.mkdir()
    git(root, "init", "-q")
    git(root, "config", "user.email", "test@example.com")
    git(root, "config", "user.name", "Test")
    (root / "story.md").write_text(draft, encoding="utf-8")
    (root / "notes.py").write_text("KIEV = 'not prose'\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "draft")
    return root


def test_hook_fails_a_draft_with_defects(tmp_path: Path, hook_home: Path) -> None:
    project = make_project(
        tmp_path / "news", "# Port talks\n\nThe delegation from Kiev arrived late.\n"
    )
    result = try_repo(project, hook_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "story.md:3:21: warning names.Places" in result.stdout
    assert "notes.py" not in result.stdout


def test_hook_passes_a_clean_draft(tmp_path: Path, hook_home: Path) -> None:
    project = make_project(
        tmp_path / "clean", "# Port talks\n\nThe delegation from Kyiv arrived late.\n"
    )
    result = try_repo(project, hook_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_fix_hook_applies_safe_fixes_only(tmp_path: Path, hook_home: Path) -> None:
    draft = (
        "# Port talks\n"
        "\n"
        "The delegation from Kiev arrived late.\n"
        "\n"
        "\u201cWe love Kiev,\u201d the mayor said. Critics called it breastless.\n"
    )
    project = make_project(tmp_path / "fixing", draft)
    result = try_repo(project, hook_home, "copydesk-fix")
    assert result.returncode == 1, result.stdout + result.stderr
    fixed = (project / "story.md").read_text(encoding="utf-8")
    # The safe fix is made; inside the quotation, and for a real word that
    # may be meant, the judgement is the editor's.
    assert fixed == draft.replace("from Kiev", "from Kyiv")
    assert "files were modified by this hook" in result.stdout
