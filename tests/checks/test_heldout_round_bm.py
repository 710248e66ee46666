"""Mends for what round bm of held-out trees (``bench/labels/
heldout-2026-12-07m.md``) showed, each on a document or tree of our own."""

from __future__ import annotations

from pathlib import Path

from tests.shipped_packs import found

from copydesk.files import discover


def test_a_walk_skips_the_text_files_tools_read(tmp_path: Path) -> None:
    # A tutorial's CMake sources sit beside the pages that include them;
    # they are code. Named alone, one is linted. A requirements file may be
    # a specification in prose: it is walked.
    code = tmp_path / "docs" / "code"
    code.mkdir(parents=True)
    (tmp_path / "docs" / "guide.txt").write_text("Build the node.\n")
    (code / "CMakeLists.txt").write_text("add_library(\n  ${PROJECT_NAME}\n)\n")
    (code / "CMakeLists_sensor.txt").write_text("find_package(rclcpp)\n")
    (code / "requirements-dev.txt").write_text("pytest>=8\n")
    (code / "notes.txt").write_text("Remember the sensor.\n")
    walked = sorted(Path(t.path).name for t in discover([str(tmp_path)]))
    assert walked == ["guide.txt", "notes.txt", "requirements-dev.txt"]
    (named,) = discover([str(code / "CMakeLists.txt")])
    assert named.format == "plain"


def test_an_aside_said_twice_is_meant() -> None:
    # "(hint hint)" is the whole aside; "(see see below)" is a slip.
    text = (
        "The team cares about quality documentation (hint hint).\n\n"
        "Call the helper first (see see below).\n"
    )
    assert found(text, "notes.md", "style") == [(3, 24, "style.Repetition")]
