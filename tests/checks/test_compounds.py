"""variants.Compounds (opt-in): one compound written closed and open.

The shapes are those a recall audit of held-out trees listed (``file
system`` beside ``filesystem``) and those the rule must leave alone (a verb
and its particle against the noun, a function word's compound, an
identifier the page's code uses). Documents are our own, linted with the
shipped rule selected by id, as ``copydesk check --select`` lints them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from copydesk.api import Workspace
from copydesk.model import Applicability, Finding
from copydesk.resolve import Overrides

RULE = "variants.Compounds"


@cache
def _workspace() -> Workspace:
    return Workspace(Path(), Overrides(select=(RULE,), language="en", isolated=True))


def _lint(text: str, name: str = "guide.md") -> list[Finding]:
    return [f for f in _workspace().lint_text(Path(name), text) if f.rule == RULE]


GUIDE = """\
# Volumes

Mount the filesystem before the pod starts. Each file system holds one
volume, and the filesystem is checked at boot by a file-system check.

Set up the cluster before the setup script runs. We meet every day: an
everyday task. Run the `zipfile` module on each zip file.
"""


def test_the_minority_form_is_reported_with_the_majority_as_unsafe_fix() -> None:
    found = _lint(GUIDE)
    assert [(f.line, f.col, f.match) for f in found] == [
        (3, 50, "file system"),
        (4, 52, "file-system"),
    ]
    assert found[0].message == (
        "'file system' here, 'filesystem' on line 3: one compound written two ways."
    )
    assert all(f.suggestions == ("filesystem",) for f in found)
    assert all(
        f.fix is not None and f.fix.applicability is Applicability.UNSAFE for f in found
    )


def test_a_closed_form_the_lexicon_lacks_loses_however_often_it_is_used() -> None:
    text = "Run the unittests first; the unittests live apart. Write unit tests.\n"
    found = _lint(text)
    assert [(f.line, f.col, f.match) for f in found] == [
        (1, 9, "unittests"),
        (1, 30, "unittests"),
    ]
    assert found[0].suggestions == ("unit tests",)


def test_the_rule_is_opt_in() -> None:
    default = Workspace(Path(), Overrides(language="en", isolated=True))
    assert [f for f in default.lint_text(Path("g.md"), GUIDE) if f.rule == RULE] == []


def test_a_document_without_words_has_no_findings() -> None:
    for text in ("", "```\ncode only\n```\n", "123\n"):
        assert _workspace().lint_text(Path("empty.md"), text) == []
