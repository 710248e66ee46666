"""action.yml: its shape, and its shell steps run here as a GitHub runner would."""

from __future__ import annotations

import json
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

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS = {step["name"]: step for step in ACTION["runs"]["steps"]}
DRAFT = "# Port talks\n\nThe delegation from Kiev arrived late.\n"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def test_it_is_a_composite_action_with_the_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {
        "paths",
        "reporter",
        "fail-level",
        "diff-base",
        "args",
        "filter-mode",
        "python-version",
        "github-token",
    }
    assert all(i.get("description") for i in ACTION["inputs"].values())
    assert ACTION["inputs"]["reporter"]["default"] == "github"
    assert [s.get("uses", "run").split("@")[0] for s in ACTION["runs"]["steps"]] == [
        "actions/setup-python",
        "run",
        "reviewdog/action-setup",
        "run",
    ]
    assert STEPS["Set up reviewdog"]["if"] == "inputs.reporter != 'github'"
    # Installed from the action's own checkout, in a venv of its own.
    assert '"$GITHUB_ACTION_PATH"' in STEPS["Install copydesk"]["run"]
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            # Inputs reach scripts as environment variables, never pasted
            # into the script text (a crafted input would run as code).
            assert "${{" not in step["run"]


def evaluate(value: str, inputs: dict[str, str], python: str) -> str:
    """The ``${{ }}`` expressions the action uses, as the runner fills them."""

    def one(match: re.Match[str]) -> str:
        expression = match.group(1).strip()
        if expression.startswith("inputs."):
            name = expression.removeprefix("inputs.")
            default = str(ACTION["inputs"][name].get("default", ""))
            return inputs.get(name, evaluate(default, inputs, python))
        if expression == "steps.python.outputs.python-path":
            return python
        if expression == "github.token":
            return "fake-token"
        raise AssertionError(f"unexpected expression {expression!r}")

    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


class Runner:
    """A fake GITHUB_* environment in tmp folders, running the action's steps."""

    def __init__(self, tmp: Path, inputs: dict[str, str]) -> None:
        self.workspace = tmp / "workspace"
        self.workspace.mkdir()
        (self.workspace / "story.md").write_text(DRAFT, encoding="utf-8")
        self.temp = tmp / "runner-temp"
        self.temp.mkdir()
        self.github_path = tmp / "github-path"
        self.github_path.write_text("", encoding="utf-8")
        self.inputs = inputs
        self.bin = tmp / "bin"
        self.bin.mkdir()

    def env(self, step: dict[str, Any], python: str) -> dict[str, str]:
        extra = self.github_path.read_text(encoding="utf-8").split()
        env = {
            **os.environ,
            "GITHUB_ACTION_PATH": str(REPO),
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_PATH": str(self.github_path),
            "RUNNER_TEMP": str(self.temp),
            "GITHUB_ACTIONS": "true",
            "PATH": os.pathsep.join([*extra, str(self.bin), os.environ["PATH"]]),
            "NO_COLOR": "1",
        }
        env.pop("COPYDESK_CACHE_DIR", None)
        for name, value in step.get("env", {}).items():
            env[name] = evaluate(str(value), self.inputs, python)
        return env

    def run(
        self, name: str, python: str = sys.executable
    ) -> subprocess.CompletedProcess[str]:
        step = STEPS[name]
        return subprocess.run(
            # As Actions runs a bash step: bash --noprofile --norc -eo pipefail.
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=self.workspace,
            env=self.env(step, python),
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    def use_copydesk_from(self, python: str) -> None:
        """Put a ``copydesk`` on PATH: this test's own install of it."""
        script = self.bin / "copydesk"
        script.write_text(f'#!/bin/sh\nexec "{python}" -m copydesk "$@"\n')
        script.chmod(0o755)


def test_the_install_step_installs_copydesk_from_the_action_path(
    tmp_path: Path,
) -> None:
    runner = Runner(tmp_path, {})
    done = runner.run("Install copydesk", python=sys.executable)
    assert done.returncode == 0, done.stderr
    [venv_bin] = runner.github_path.read_text(encoding="utf-8").split()
    assert Path(venv_bin) == tmp_path / "runner-temp" / "copydesk-venv" / "bin"
    # The next step finds copydesk on PATH and it runs.
    done = runner.run("Run copydesk")
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(
        "::warning file=story.md,line=3,col=21,endLine=3,endColumn=25,"
        "title=names.Places::"
    )


def test_the_github_reporter_annotates_and_fails_at_the_level(tmp_path: Path) -> None:
    runner = Runner(tmp_path, {"paths": "story.md", "fail-level": "error"})
    runner.use_copydesk_from(sys.executable)
    done = runner.run("Run copydesk")
    assert "::warning file=story.md,line=3" in done.stdout
    assert done.returncode == 0  # a warning does not fail at fail-level error


def test_a_reviewdog_reporter_gets_rdjson_with_suggestions(tmp_path: Path) -> None:
    runner = Runner(
        tmp_path,
        {
            "reporter": "github-pr-review",
            "fail-level": "suggestion",
            "args": "--no-cache",
        },
    )
    runner.use_copydesk_from(sys.executable)
    seen = tmp_path / "reviewdog-saw"
    fake = runner.bin / "reviewdog"
    fake.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{seen}.args"\ncat > "{seen}.json"\n'
        f'printf "%s" "$REVIEWDOG_GITHUB_API_TOKEN" > "{seen}.token"\nexit 0\n'
    )
    fake.chmod(0o755)
    done = runner.run("Run copydesk")
    assert done.returncode == 0, done.stderr
    assert Path(f"{seen}.args").read_text().split() == [
        "-f=rdjson",
        "-name=copydesk",
        "-reporter=github-pr-review",
        "-filter-mode=added",
        "-fail-level=info",
    ]
    result = json.loads(Path(f"{seen}.json").read_text(encoding="utf-8"))
    [diagnostic] = result["diagnostics"]
    assert diagnostic["suggestions"][0]["text"] == "Kyiv"
    assert Path(f"{seen}.token").read_text() == "fake-token"


def test_a_copydesk_error_fails_the_step_before_reviewdog(tmp_path: Path) -> None:
    runner = Runner(tmp_path, {"reporter": "github-check", "paths": "missing.md"})
    runner.use_copydesk_from(sys.executable)
    fake = runner.bin / "reviewdog"
    fake.write_text("#!/bin/sh\necho reviewdog ran\n")
    fake.chmod(0o755)
    done = runner.run("Run copydesk")
    assert done.returncode == 2
    assert "missing.md: no such file or directory" in done.stderr
    assert "reviewdog ran" not in done.stdout


def test_diff_base_and_paths_with_glob_characters_pass_through(tmp_path: Path) -> None:
    runner = Runner(tmp_path, {"paths": "*.md", "diff-base": "no-such-ref"})
    runner.use_copydesk_from(sys.executable)
    (runner.workspace / "*.md").write_text("Kiev.\n", encoding="utf-8")
    done = runner.run("Run copydesk")
    assert done.returncode == 2
    assert "--diff-base: cannot compare with 'no-such-ref'" in done.stderr
