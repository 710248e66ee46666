"""Cross-document debris: line keys, counts, and the check's exact findings.

The documents are small news items of two invented sites; the furniture is
what such sites paste around their stories, and the guards are what they
legitimately repeat (a quotation, a heading, a licence, a long sentence).
"""

from __future__ import annotations

from copydesk import batch
from copydesk.boilerplate import (
    LineCounts,
    lines_of,
    merge_sources,
    normalise,
    prune_sources,
)
from copydesk.checks.boilerplate import Boilerplate, Thresholds
from copydesk.collection_run import BoundRulesets, CollectionJob, count_records
from copydesk.collections import Record
from copydesk.model import Finding
from copydesk.ruleset import Ruleset, load_ruleset

RULE = "artifacts.Boilerplate"

STORIES = [
    "The council voted to close the library.",
    "Roadworks on the bridge start in May.",
    "The school board met for four hours.",
    "A new bakery opened on Main Street.",
    "Rain is expected for the whole weekend.",
    "The mayor denied the report on Tuesday.",
]


def _docs(lines_per_doc: list[list[str]]) -> list[Record]:
    return [
        Record(f"doc{i}", "\n\n".join(lines), "plain", "site", f"line {i + 1}")
        for i, lines in enumerate(lines_per_doc)
    ]


def _lint(records: list[Record], fmt: str = "plain") -> list[tuple[str, Finding]]:
    ruleset = load_ruleset(select=[RULE])
    job = CollectionJob(batch.RuleOptions(select=(RULE,)), "site.jsonl")
    evidence = prune_sources(count_records(records, job), 3)
    bound = BoundRulesets(ruleset, evidence)
    return [
        (record.id, f)
        for record in records
        for f in batch.lint_text(
            record.text, "site.jsonl", fmt, bound.for_source(record.source)
        )
    ]


def test_normalise_collapses_space_and_digits() -> None:
    assert normalise("  Updated  12:04\tGMT ") == "Updated 00:00 GMT"
    assert normalise("Listen · 7 min") == "Listen · 0 min"


def test_lines_are_trimmed_spans_of_the_prose_with_a_letter() -> None:
    prose = "  Share this  \n\n12:04\n" + "x" * 201 + "\nEnd"
    found = [(prose[a:b], key) for a, b, key in lines_of(prose)]
    assert [text for text, _ in found] == ["Share this", "End"]


def test_counts_merge_in_any_grouping_and_prune() -> None:
    a, b, c = LineCounts(), LineCounts(), LineCounts()
    a.add({1, 2})
    b.add({1})
    c.add({1, 3})
    left = merge_sources([merge_sources([{"s": a}, {"s": b}]), {"s": c}])
    right = merge_sources([{"s": a}, merge_sources([{"s": b}, {"s": c}])])
    assert left["s"].counts == right["s"].counts == {1: 3, 2: 1, 3: 1}
    assert left["s"].documents == 3
    assert prune_sources(left, 2)["s"].counts == {1: 3}


def test_furniture_recurring_in_a_source_is_flagged_exactly() -> None:
    docs = _docs(
        [
            ["By Anna Berg", story, "Share • Copy link", "Jetzt den Newsletter holen"]
            for story in STORIES
        ]
    )
    found = _lint(docs)
    matches = sorted({f.match for _, f in found})
    assert matches == [
        "By Anna Berg",
        "Jetzt den Newsletter holen",
        "Share • Copy link",
    ]
    assert len(found) == 18
    doc_id, first = found[0]
    assert (doc_id, first.line, first.col, first.match) == (
        "doc0",
        1,
        1,
        "By Anna Berg",
    )
    assert first.message == (
        "'By Anna Berg' recurs in 6 of 6 documents of this source and looks like"
        " page furniture; delete the line."
    )
    assert first.fix is not None
    assert not first.fix.is_safe


def test_repeated_content_is_not_furniture() -> None:
    quote = "“We will rebuild the bridge,” the mayor said."
    licence = "This story is licensed under Creative Commons Attribution 4.0."
    long_line = (
        "The regional council, which meets every second Tuesday in the old town"
        " hall, publishes its agenda a week ahead and its minutes a week after."
    )
    docs = _docs([[story, quote, licence, long_line] for story in STORIES])
    assert _lint(docs) == []


def test_a_docs_template_heading_is_never_flagged() -> None:
    pages = [
        f"# Get-Item\n\n## Syntax\n\n{story}\n\nShare • Copy link\n"
        for story in STORIES[:5]
    ]
    docs = [
        Record(f"p{i}", text, "markdown", "docs", f"line {i + 1}")
        for i, text in enumerate(pages)
    ]
    options = batch.RuleOptions(
        select=(RULE,), kind_for=(("*", "draft"),), kind_root=""
    )
    ruleset = load_ruleset(select=[RULE])
    job = CollectionJob(options, "docs.jsonl")
    rulesets = BoundRulesets(ruleset, prune_sources(count_records(docs, job), 3))
    found = [
        f.match
        for d in docs
        for f in batch.lint_text(
            d.text, "docs.jsonl", "markdown", rulesets.for_source("docs"), kind="draft"
        )
    ]
    assert found == ["Share • Copy link"] * 5


def test_a_rare_line_needs_a_share_of_its_source() -> None:
    thresholds = Thresholds(min_documents=3, min_share=0.02, sentence_share=0.03)
    # A label in 37 of 3,828 items: a press office's own heading.
    assert not thresholds.flags("Members of the Presidential Delegation:", 37, 3828)
    assert thresholds.flags("Members of the Presidential Delegation:", 80, 3828)
    # A sentence in 8 of 521: a formulaic lead, not furniture.
    lead = "Vladimir Putin had a telephone conversation with the Prime Minister."
    assert not thresholds.flags(lead, 8, 521)
    # A widget's marks make three documents enough.
    assert thresholds.flags("Follow @dailyledger", 3, 3828)
    assert not thresholds.flags("Follow @dailyledger", 2, 3828)


def test_pages_of_one_document_are_its_own_evidence() -> None:
    text = "\f".join(
        f"Annual report, page {n}\n\n{story}" for n, story in enumerate(STORIES, 1)
    )
    ruleset = load_ruleset(select=[RULE])
    found = batch.lint_text(text, "report.txt", "plain", ruleset)
    assert [f.match for f in found] == [f"Annual report, page {n}" for n in range(1, 7)]


def test_one_file_without_pages_or_counts_is_unchanged() -> None:
    text = "Share • Copy link\n\nThe council met.\n\nShare • Copy link"
    assert batch.lint_text(text, "a.txt", "plain", load_ruleset(select=[RULE])) == []


def test_rule_options_are_validated() -> None:
    import pytest

    from copydesk.errors import RuleError
    from copydesk.ruleset import compile_rule

    with pytest.raises(RuleError, match="key 'min_share': must be from 0 to 1"):
        compile_rule("x.B", {"extends": "boilerplate", "min_share": 2}, "B.yml")
    check = compile_rule("x.B", {"extends": "boilerplate", "min_documents": 5}, "B.yml")
    assert isinstance(check, Boilerplate)
    assert check.thresholds.min_documents == 5


def test_binding_replaces_only_boilerplate_rules() -> None:
    ruleset = load_ruleset(select=["artifacts"])
    counts = LineCounts(3, {1: 3})
    rules = BoundRulesets(ruleset, {"s": counts}).for_source("s")
    assert isinstance(rules, Ruleset)
    bound = [c for c in rules.checks if isinstance(c, Boilerplate)]
    assert [c.evidence for c in bound] == [counts]
    others = [c for c in rules.checks if not isinstance(c, Boilerplate)]
    assert others == [c for c in ruleset.checks if not isinstance(c, Boilerplate)]
