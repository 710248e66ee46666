"""The shipped pre-commit hook, run by the real pre-commit against this checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

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


def readme_snippet() -> dict[str, Any]:
    """The pre-commit config the README tells users to write."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## pre-commit\n\n```yaml\n(.*?)```", readme, re.DOTALL)
    assert found is not None, "README.md has no pre-commit snippet"
    config: dict[str, Any] = yaml.safe_load(found.group(1))
    return config


def committed(rev: str, path: str) -> str | None:
    """``path`` as it is at ``rev`` in this checkout (None: not there)."""
    done = subprocess.run(
        ["git", "show", f"{rev}:{path}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else None


def test_the_readme_snippet_works_as_written(tmp_path: Path, hook_home: Path) -> None:
    [repo] = readme_snippet()["repos"]
    rev: str = repo["rev"]
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    manifest = committed(rev, ".pre-commit-hooks.yaml")
    if manifest is None and shallow == "true":
        pytest.skip(f"the pinned commit {rev} is not in this shallow clone")
    assert manifest is not None, f"README pins {rev}, which is not a commit here"
    # The pinned hooks are the ones documented and tested here.
    assert manifest == (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert [hook["id"] for hook in repo["hooks"]] == ["copydesk"]
    # The same pin in the README's GitHub Action example has the action.
    assert committed(rev, "action.yml") is not None
    project = make_project(
        tmp_path / "snippet", "# Port talks\n\nThe delegation from Kiev arrived late.\n"
    )
    config = {"repos": [{**repo, "repo": str(REPO)}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_home), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    result = subprocess.run(
        [*PRE_COMMIT, "run", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "story.md:3:21: warning names.Places" in result.stdout
