"""The rule catalogue: every rule file, how it fixes, and whether it runs here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import SAMPLE, needs_sample

from copydesk import batch
from copydesk.catalog import CatalogEntry, catalog
from copydesk.errors import RuleError
from copydesk.model import Applicability, Finding, FixAvailability, Severity
from copydesk.rulefiles import shipped_rules_dir
from copydesk.ruleset import load_ruleset

OPT_IN = {
    "proselint.Default",
    "style.Acronyms",
    "style.Consistency",
    "style.Exclamations",
    "style.HeadingCase",
    "style.Spelling",
    "variants.Compounds",
}
ENTRIES = {entry.meta.id: entry for entry in catalog()}
#: Every shipped rule file: the catalogue lists each one.
SHIPPED = len(list(shipped_rules_dir().glob("*/*.yml")))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_rule_is_listed_opt_in_ones_off() -> None:
    # The review counted 33; every rule file added since is listed too.
    on_disk = {f"{p.parent.name}.{p.stem}" for p in shipped_rules_dir().glob("*/*.yml")}
    assert set(ENTRIES) == on_disk
    assert len(ENTRIES) >= 35
    assert len({entry.meta.pack for entry in ENTRIES.values()}) == 7
    assert {i for i, entry in ENTRIES.items() if entry.opt_in} == OPT_IN
    assert {i for i, entry in ENTRIES.items() if not entry.enabled} == OPT_IN
    assert ENTRIES["style.Spelling"].meta.description.startswith("Words")


def test_the_enabled_rules_are_the_ones_a_run_loads() -> None:
    for select, ignore in [
        ((), ()),
        (("style",), ()),
        (("style.Spelling", "names"), ("names.People",)),
        (("proselint", "quotes.Mixed"), ()),
    ]:
        listed = [e.meta.id for e in catalog(select=select, ignore=ignore)]
        enabled = [
            e.meta.id for e in catalog(select=select, ignore=ignore) if e.enabled
        ]
        loaded = [c.meta.id for c in load_ruleset(select=select, ignore=ignore).checks]
        assert enabled == loaded, (select, ignore)
        assert len(listed) == SHIPPED


def test_an_opt_in_rule_runs_when_selected_by_name() -> None:
    by_id = {e.meta.id: e for e in catalog(select=("style.Spelling", "names"))}
    assert by_id["style.Spelling"].enabled
    assert by_id["style.Spelling"].opt_in
    assert by_id["names.Places"].enabled
    assert not by_id["style.Repetition"].enabled  # not selected
    assert not by_id["style.HeadingCase"].enabled  # opt-in, not named


def test_fix_availability_as_each_rule_file_sets_it() -> None:
    fixes = {i: entry.fix for i, entry in ENTRIES.items()}
    assert fixes["style.Spelling"] is FixAvailability.UNSAFE
    assert fixes["names.Places"] is FixAvailability.MIXED
    assert fixes["names.GivenNames"] is FixAvailability.UNSAFE
    assert fixes["quotes.Mixed"] is FixAvailability.MIXED
    assert fixes["quotes.Stray"] is FixAvailability.NONE
    assert fixes["typos.Misspellings"] is FixAvailability.SAFE
    assert fixes["typos.MachineTranslation"] is FixAvailability.UNSAFE
    assert fixes["artifacts.Social"] is FixAvailability.UNSAFE
    assert fixes["style.Acronyms"] is FixAvailability.NONE


def test_rule_options_narrow_a_rules_fixes() -> None:
    options = {
        "typos.MachineTranslation": {"applicability": "safe"},
        "artifacts.Social": {"remove": "none"},
    }
    by_id = {e.meta.id: e for e in catalog(rule_options=options)}
    assert by_id["typos.MachineTranslation"].fix is FixAvailability.SAFE
    assert by_id["artifacts.Social"].fix is FixAvailability.NONE
    assert not by_id["artifacts.Social"].meta.shipped  # changed by configuration
    assert by_id["artifacts.Ads"].meta.shipped


def test_severity_overrides_by_rule_then_pack() -> None:
    levels = {"names.Places": Severity.ERROR, "names": Severity.SUGGESTION}
    by_id = {e.meta.id: e for e in catalog(severity=levels)}
    assert by_id["names.Places"].meta.level is Severity.ERROR
    assert by_id["names.People"].meta.level is Severity.SUGGESTION
    assert by_id["quotes.Mixed"].meta.level is Severity.WARNING


def test_a_user_rule_dir_adds_and_overrides_rules(
    workdir: Path,
) -> None:
    write(
        workdir / "house" / "names" / "Places.yml",
        "extends: substitution\nlevel: error\nswap:\n  Kiev: Kyiv\n",
    )
    write(
        workdir / "house" / "house" / "Banned.yml",
        "extends: existence\nenabled: false\ntokens: [synergy]\n"
        "remove: match\napplicability: safe\n",
    )
    entries = catalog([workdir / "house"])
    by_id = {e.meta.id: e for e in entries}
    assert len(entries) == SHIPPED + 1
    places = by_id["names.Places"]
    assert (places.meta.extends, places.meta.source) == (
        "substitution",
        "house/names/Places.yml",
    )
    assert (places.meta.level, places.fix) == (Severity.ERROR, FixAvailability.UNSAFE)
    assert not places.meta.shipped
    banned = by_id["house.Banned"]
    assert (banned.fix, banned.enabled, banned.opt_in) == (
        FixAvailability.SAFE,
        False,
        True,
    )
    # After the default packs, other packs (shipped or not) go by id.
    ids = [e.meta.id for e in entries]
    assert ids[ids.index("variants.Names") + 1 :][:2] == [
        "house.Banned",
        "proselint.Default",
    ]


def test_a_bad_user_rule_is_named_as_a_run_would(workdir: Path) -> None:
    write(workdir / "house" / "Bad.yml", "extends: existence\ntokens: [a]\nremvoe: x\n")
    with pytest.raises(RuleError) as info:
        catalog([workdir / "house"])
    assert (info.value.path, info.value.reason) == (
        "house/Bad.yml",
        "key 'remvoe': unknown key",
    )


def test_an_unknown_name_is_refused() -> None:
    with pytest.raises(RuleError, match="unknown rule or pack 'styel'"):
        catalog(select=("styel",))
    with pytest.raises(RuleError, match=r"key 'rules\.style\.Nope': unknown rule"):
        catalog(rule_options={"style.Nope": {"level": "error"}})


def test_listing_compiles_nothing_and_parses_no_yaml() -> None:
    code = (
        "import sys\n"
        "from copydesk.catalog import catalog\n"
        "print(len(catalog()), 'yaml' in sys.modules, 'proselint' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [str(SHIPPED), "False", "False"]


def _admits(entry: CatalogEntry, finding: Finding) -> bool:
    """Whether a finding's fix is one the rule's declared availability allows."""
    if finding.fix is None:
        return True
    safe = finding.fix.applicability is Applicability.SAFE
    return {
        FixAvailability.NONE: False,
        FixAvailability.SAFE: safe,
        FixAvailability.UNSAFE: not safe,
        FixAvailability.MIXED: True,
    }[entry.fix]


@needs_sample
def test_declared_fixes_match_the_fixes_rules_make() -> None:
    """Every rule on its own bad examples and on the sample draft: no fix the
    catalogue does not announce, and a fix from every rule it says fixes."""
    ruleset = load_ruleset(select=sorted({e.meta.pack for e in ENTRIES.values()}))
    draft = SAMPLE.read_text(encoding="utf-8")
    findings = batch.lint_text(draft, "draft.txt", "plain", ruleset)
    for entry in ENTRIES.values():
        fmt = "plain" if entry.meta.scope in ("text", "paragraph") else "markdown"
        for text in entry.meta.examples.bad:
            findings += batch.lint_text(text, "example.txt", fmt, ruleset)
    fixing: set[str] = set()
    for finding in findings:
        entry = ENTRIES[finding.rule]
        assert _admits(entry, finding), (finding.rule, entry.fix, finding.fix)
        if finding.fix is not None:
            fixing.add(finding.rule)
    announced = {i for i, e in ENTRIES.items() if e.fix is not FixAvailability.NONE}
    assert announced - fixing <= {"proselint.Default"}, announced - fixing
