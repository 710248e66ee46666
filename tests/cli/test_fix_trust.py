"""Safe means safe: ``copydesk fix`` never changes text that is correct.

The documents are written for this test (a music column, a telecoms piece,
API docs, a film review, a German wire report); every double and every name
in them is meant, so ``fix --diff`` must report no change. The real slips
next to them are still found, at their exact place, and only doubled
articles and conjunctions are fixed without asking.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main

MEANT = """\
# Weekend listings

The reunion tour of Duran Duran reaches Walla Walla on Friday, and Boing Boing
will stream it. Dr. Abdullah Abdullah and the pianist Lin Lin are guests.

Roaming worked better for customers at AT&T than for those at Verizon.

Set the Parameter parameter to `true`, then open the New.Directory directory.
The cron expression `0 0 0 1 1 *` runs yearly; in a table it reads 0 0 0 1 1 *.

Julia Roberts and Julia M. Phillips opened the festival; Julia left early.
Estonia's Jüri Ratas and Russia's Valerij Gerasimov were not invited.

The statement read: “President Zelenskyy thanks every partner.”

HOST: it's it's been a long year, hasn't it?
"""

GERMAN = """\
Der Bürgermeister von Kiew sagte am Montag, die Metro fahre wieder.
In Kiew und Charkiw heulten in der Nacht die Sirenen.
"""

SLIPS = """\
The council approved the the budget and and the plan.
Residents in the Ukrainian city met Illja Samojlenko in Kiev.
The mayor said it was in in the report, a command command palette.
"""


def test_fix_changes_nothing_in_meant_text(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "listings.md").write_text(MEANT, encoding="utf-8")
    (workdir / "meldung.txt").write_text(GERMAN, encoding="utf-8")
    main(["fix", "--diff", "--no-cache", "listings.md"])
    captured = capsys.readouterr()
    assert captured.out == ""  # no diff, and nothing else on stdout
    assert "Would fix 0 findings" in captured.err
    german = ["fix", "--diff", "--no-cache", "--language", "de", "meldung.txt"]
    assert main(german) == 0
    assert capsys.readouterr().out.count("+++") == 0
    assert (workdir / "listings.md").read_text(encoding="utf-8") == MEANT


def test_judgement_calls_are_unsafe_fixes(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "listings.md").write_text(MEANT, encoding="utf-8")
    main(["check", "--format", "json", "--no-cache", "listings.md"])
    found = json.loads(capsys.readouterr().out)
    names = [f for f in found if str(f["rule"]).startswith(("names.", "style.Rep"))]
    assert [(f["rule"], f["line"], f["fix"]["applicability"]) for f in names] == [
        ("names.People", 14, "unsafe"),
    ]


def test_real_slips_are_found_where_they_are(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "slips.txt").write_text(SLIPS, encoding="utf-8")
    select = "names,variants,style.Repetition"
    main(["check", "--format", "json", "--no-cache", "--select", select, "slips.txt"])
    found = json.loads(capsys.readouterr().out)
    got = [
        (f["line"], f["column"], f["rule"], f["fix"]["applicability"]) for f in found
    ]
    assert got == [
        (1, 22, "style.Repetition", "safe"),
        (1, 37, "style.Repetition", "safe"),
        (2, 37, "names.GivenNames", "unsafe"),
        (2, 57, "names.Places", "safe"),
        (3, 23, "style.Repetition", "unsafe"),
        (3, 43, "style.Repetition", "unsafe"),
    ]
    assert main(["fix", "--no-cache", "slips.txt"]) == 1
    fixed = (workdir / "slips.txt").read_text(encoding="utf-8").splitlines()
    assert fixed[0] == "The council approved the budget and the plan."
    assert fixed[1].endswith("Illja Samojlenko in Kyiv.")
    assert fixed[2] == SLIPS.splitlines()[2]
