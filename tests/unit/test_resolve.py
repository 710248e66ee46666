"""The settings resolver: the caller's overrides over one config's settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.config import Config, ConfigError
from copydesk.model import Severity
from copydesk.resolve import Overrides, make_plan


def test_no_config_and_no_overrides_gives_the_defaults() -> None:
    plan = make_plan(Config(), Overrides(), Path())
    assert plan.options.language == "en"
    assert plan.options.select == ()
    assert plan.fail_level is Severity.WARNING


def test_overrides_win_and_lists_add_up(tmp_path: Path) -> None:
    config = Config(
        path=str(tmp_path / ".copydesk.toml"),
        root=str(tmp_path),
        select=("names",),
        ignore=("typos",),
        language="en-GB",
        fail_level="error",
        format_for=(("*.txt", "markdown"),),
    )
    overrides = Overrides(
        select=("quotes",),
        ignore=("artifacts",),
        language="de",
        fail_level="none",
        format_for=(("*.txt", "plain"),),
    )
    plan = make_plan(config, overrides, tmp_path)
    assert plan.options.select == ("quotes",)
    assert plan.options.ignore == ("typos", "artifacts")
    assert plan.options.language == "de"
    assert plan.fail_level is None
    # The caller's globs are tried first.
    assert plan.format_for == (("*.txt", "plain"), ("*.txt", "markdown"))


def test_packs_run_only_their_default_rules() -> None:
    plan = make_plan(Config(path="cfg.toml", packs=("style",)), Overrides(), Path())
    assert "style.Repetition" in plan.options.select
    assert "style.Spelling" not in plan.options.select  # opt-in: needs select


def test_a_pack_with_no_default_rule_points_to_select() -> None:
    with pytest.raises(ConfigError) as caught:
        make_plan(Config(path="cfg.toml", packs=("proselint",)), Overrides(), Path())
    assert "name it in select" in caught.value.reason
