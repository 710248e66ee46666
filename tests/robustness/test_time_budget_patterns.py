"""A slow user pattern is cut at the file's budget in every rule kind that
matches one itself, not only in those that scan through ``patterns.finditer``.

Confusion contexts, line-anchored existence patterns, spelling filters and
capitalization patterns each call the regex module with a timeout of their
own. Each asks ``patterns.match_timeout`` for it, so a backtracking pattern
stops when the file's budget runs out (``copydesk.file-timeout`` naming the
rule) instead of running on to the 2 s match timeout.

The pattern below backtracks through every way of splitting a run of 48
``a`` (billions) before it gives up; its RE2 superset (the look-ahead
dropped) matches the line, so the anchored scan cannot rule it out first.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from copydesk import patterns
from copydesk.cli.main import main
from copydesk.deadline import OutOfTimeError, within
from copydesk.engine import FILE_TIMEOUT_RULE

SLOW = r"(a|aa)+(?=x)b"
RUN = "a" * 48 + "b"
#: A heading, a sentence and a line made of the run: each kind finds it.
DOCUMENT = f"# {RUN}\n\nWe said then {RUN}\n\n{RUN}\n"
RULES = {
    "Confusion": (
        "extends: confusion\nmessage: \"'%s' -> %s\"\nconfusions:\n"
        f"  - wrong: then\n    right: than\n    contexts: ['%w {SLOW}']\n"
    ),
    "Lines": (
        f"extends: existence\nmessage: '%s'\nlevel: error\nline: true\n"
        f"raw:\n  - '{SLOW}'\n"
    ),
    "Spelling": f"extends: spelling\nmessage: \"'%s'?\"\nfilters: ['{SLOW}']\n",
    "Heads": (
        f"extends: capitalization\nmessage: \"'%s'\"\nscope: heading\nmatch: '{SLOW}'\n"
    ),
}
BUDGET = 0.5


@pytest.mark.parametrize("kind", sorted(RULES))
def test_a_slow_user_pattern_is_cut_within_the_file_budget(
    kind: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / f"{kind}.yml").write_text(RULES[kind])
    (tmp_path / "doc.md").write_text(DOCUMENT)
    monkeypatch.chdir(tmp_path)
    began = time.monotonic()
    code = main(
        ["check", "--isolated", "--rules", "house", "--select", "house",
         "--format", "json", "--no-cache", "--file-timeout", str(BUDGET),
         "doc.md"]
    )  # fmt: skip
    took = time.monotonic() - began
    [found] = json.loads(capsys.readouterr().out)
    assert found["rule"] == FILE_TIMEOUT_RULE
    assert f"1 rule not run on this file (house.{kind} and after)" in (found["message"])
    assert code == 1
    # Cut at the budget (with slack for start-up), well before the match
    # timeout that ended it before.
    assert took < BUDGET + 1.0 < patterns.MATCH_TIMEOUT


def test_the_match_timeout_is_what_the_file_has_left() -> None:
    assert patterns.match_timeout() == patterns.MATCH_TIMEOUT  # no file: no cut
    with within(0.25):
        assert 0 < patterns.match_timeout() <= 0.25
    with within(100.0):
        assert patterns.match_timeout() == patterns.MATCH_TIMEOUT
    with within(-1.0), pytest.raises(OutOfTimeError):
        patterns.match_timeout()
