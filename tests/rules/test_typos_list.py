"""The typos pack as data: sorted, unique, no self-swaps, no chains, real words.

The swap lists are edited by hand, so they get the checks codespell runs on
its dictionary: a wrong form listed twice, a swap to itself or a replacement
that is itself listed as wrong (a → b → c) is caught here, and so is a
replacement that is not an English word (against the shipped common-words
list, plus the few British and short forms it lacks).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import SAMPLE, needs_sample

from copydesk import batch
from copydesk.ruleset import Ruleset, load_ruleset

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "typos"
WORDS = ROOT / "src" / "copydesk" / "data" / "common-words.txt"
#: Replacement words the common-words list lacks: short words, British forms
#: and capitalised ones (it keeps lower-case entries only).
EXTRA_WORDS = frozenset(
    {
        "a",
        "lot",
        "no",
        "of",
        "the",
        "criticise",
        "criticised",
        "jewellery",
        "manoeuvre",
        "neighbour",
        "american",
        "caribbean",
        "european",
        "february",
        "russian",
        "ukrainian",
        "wednesday",
    }
)
#: Files whose wrong forms are real words on purpose (machine-translation errors).
REAL_WORD_FILES = frozenset({"MachineTranslation.yml"})


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _files() -> list[Path]:
    """The pack's swap lists of words (its lexicon, confusion and rarity
    rules are not, nor a ``nonword`` rule, whose swaps are patterns)."""
    return sorted(
        p
        for p in PACK.glob("*.yml")
        if _load(p).get("extends") == "substitution" and not _load(p).get("nonword")
    )


def _swaps(path: Path) -> dict[str, list[str]]:
    swap = _load(path)["swap"]
    assert isinstance(swap, dict)
    out: dict[str, list[str]] = {}
    for wrong, right in swap.items():
        assert isinstance(wrong, str), f"{path.name}: key {wrong!r} is not a string"
        assert isinstance(right, str), f"{path.name}: {wrong!r} maps to {right!r}"
        out[wrong] = [c.strip() for c in right.split("|")]
    return out


def _words() -> frozenset[str]:
    lines = WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#")) | EXTRA_WORDS


@pytest.fixture(scope="module")
def ruleset() -> Ruleset:
    return load_ruleset(select=["typos"])


def test_pack_has_files_and_enough_entries() -> None:
    assert {p.name for p in _files()} >= {"Misspellings.yml", "MachineTranslation.yml"}
    assert sum(len(_swaps(p)) for p in _files()) >= 300


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_swap_is_sorted_literal_and_clean(path: Path) -> None:
    swaps = _swaps(path)
    keys = list(swaps)
    assert keys == sorted(keys, key=str.casefold), f"{path.name}: keep swap sorted"
    for wrong, choices in swaps.items():
        assert wrong, f"{path.name}: empty key"
        assert wrong == wrong.strip(), f"{path.name}: {wrong!r}"
        assert all(ch.isalpha() or ch in " -'" for ch in wrong), wrong
        assert all(choices), f"{path.name}: {wrong!r} has an empty choice"
        assert len(set(choices)) == len(choices), f"{path.name}: {wrong!r} repeats"
        folded = {c.casefold() for c in choices}
        assert wrong.casefold() not in folded, f"{path.name}: {wrong!r} maps to itself"


def test_no_duplicates_across_the_pack() -> None:
    seen: dict[str, str] = {}
    for path in _files():
        for wrong in _swaps(path):
            key = wrong.casefold()
            assert key not in seen, f"{wrong!r} in {path.name} and {seen[key]}"
            seen[key] = path.name


def test_no_chains() -> None:
    """No replacement (nor a word of it) is itself listed as a wrong form."""
    wrong_forms = {w.casefold() for p in _files() for w in _swaps(p)}
    for path in _files():
        for wrong, choices in _swaps(path).items():
            for choice in choices:
                parts = {choice.casefold(), *choice.casefold().split()}
                chained = parts & wrong_forms
                assert not chained, f"{path.name}: {wrong!r} → {choice!r} → {chained}"


def test_replacements_are_words() -> None:
    words = _words()
    for path in _files():
        for wrong, choices in _swaps(path).items():
            for choice in choices:
                for part in choice.replace("-", " ").split():
                    assert part.casefold() in words, (
                        f"{path.name}: {wrong!r} → {choice!r}: {part!r} is not a word"
                    )


def test_wrong_forms_are_not_words() -> None:
    """Plain misspellings must not be dictionary words (those would be false alarms)."""
    words = _words()
    for path in _files():
        if path.name in REAL_WORD_FILES:
            continue
        for wrong in _swaps(path):
            assert wrong.casefold() not in words, f"{path.name}: {wrong!r} is a word"


@needs_sample
def test_sample_reports_only_breastless(ruleset: Ruleset) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    findings = batch.lint_text(text, str(SAMPLE), "plain", ruleset)
    assert [(f.rule, f.line, f.match) for f in findings] == [
        ("typos.MachineTranslation", 69, "breastless")
    ]
    [finding] = findings
    assert finding.suggestions == ("heartless",)
    assert finding.fix is not None
    # "breastless" is a real word: replacing it is judgement, so unsafe.
    assert not finding.fix.is_safe


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Goverment officials met.", "Government officials met."),
        ("GOVERMENT OFFICIALS", "GOVERNMENT OFFICIALS"),
        ("They said alot.", "They said a lot."),
        ("A weapons rest was agreed.", "A ceasefire was agreed."),
        ("He defended thier plan.", "He defended their plan."),
    ],
)
def test_fix_keeps_case(ruleset: Ruleset, text: str, fixed: str) -> None:
    [finding] = batch.lint_text(text, "t.txt", "plain", ruleset)
    assert finding.fix is not None
    [edit] = finding.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == fixed


def test_surnames_are_left_alone(ruleset: Ruleset) -> None:
    text = "Samuel O. Thier Professor of Surgery, with Anna Wich and Tom Seige."
    assert batch.lint_text(text, "t.txt", "plain", ruleset) == []
