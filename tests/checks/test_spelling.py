"""spelling: a real dictionary, user word lists, shape filters, lazy loading."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from tests.checks.inline import findings, lint_rule

from copydesk.errors import RuleError
from copydesk.model import Applicability
from copydesk.ruleset import compile_rule

RULE = """
extends: spelling
message: "'%s'?"
ignore: [copydesk, Zorblat]
"""


def test_unknown_words_with_suggestion_as_unsafe_fix() -> None:
    text = "We recieve the parcel.\nIt was recieve again, and teh end."
    found = findings(RULE, text)
    assert [(f.line, f.col, f.match) for f in found] == [
        (1, 4, "recieve"),
        (2, 8, "recieve"),
        (2, 27, "teh"),
    ]
    assert found[0].message == "'recieve'?"
    assert found[0].suggestions == ("receive",)
    assert found[0].fix is not None
    assert found[0].fix.applicability is Applicability.UNSAFE


def test_shapes_names_urls_and_ignored_words_are_skipped() -> None:
    text = (
        "Kowalski ran copydesk and zorblat on AWS with x86 and MongoDB, "
        "see https://example.com/recieve or mail bob@exampel.org. It's the editor's."
    )
    assert lint_rule(RULE, text) == []


def test_names_true_checks_capitalised_words() -> None:
    rule = RULE + "names: true\n"
    assert lint_rule(rule, "Recieve it.") == [(1, 1, "Recieve")]
    assert findings(rule, "Recieve it.")[0].suggestions == ("Receive",)


def test_code_is_masked_in_markdown() -> None:
    assert lint_rule(RULE, "Run `recieve --fast` now.\n", "markdown") == []


def test_filters_and_word_list_file(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# house words\nrecieve\n", encoding="utf-8")
    rule = f"extends: spelling\nignore: ['{words}']\nfilters: ['te.']\n"
    assert lint_rule(rule, "We recieve teh parcel.") == []


def test_other_language_and_unsupported_language() -> None:
    rule = "extends: spelling\ndictionary: de\nsuggest: false\n"
    found = findings(rule, "Das ist ein schoenes Haus.")
    assert [(f.match, f.fix) for f in found] == [("schoenes", None)]
    check = compile_rule("t.R", {"extends": "spelling"}, "t.yml")
    from copydesk.document import Document

    assert list(check.run(Document.plain("Zzzq qqq.", language="ja"))) == []


def test_dictionary_is_not_imported_at_load() -> None:
    sys.modules.pop("spellchecker", None)
    compile_rule("t.R", yaml.safe_load(RULE), "t.yml")
    assert "spellchecker" not in sys.modules


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        ("dictionary: xx", "choose one of"),
        ("ignore: [missing/words.txt]", "cannot read"),
    ],
)
def test_bad_rules(keys: str, reason: str) -> None:
    with pytest.raises(RuleError, match=reason):
        findings("extends: spelling\n" + keys, "x")
