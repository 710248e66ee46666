"""``extends: metric`` and ``extends: readability``: document-level numbers.

Both run once per file on the ``summary`` block (the file's paragraphs, list
items and quotes) and report at line 1, column 1. ``metric`` evaluates its
``formula`` over the document counts (words, sentences, syllables, headings
by level, lists...) and alerts when ``condition`` holds; ``readability``
averages the named grade formulas and alerts above ``grade``. Both print the
number with two decimals.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from copydesk.errors import RuleError
from copydesk.vale.formula import FormulaError, evaluate
from copydesk.vale.messages import format_message
from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.rules.base import Definition
from copydesk.vale.rules.options import RuleOptions
from copydesk.vale.summarize import Summary

__all__ = ["Metric", "Readability", "document_counts"]

_HEADINGS = re.compile(r"heading\.(h[1-6])")
_DEFAULTS = (
    "pre",
    "list",
    "blockquote",
    "heading_h1",
    "heading_h2",
    "heading_h3",
    "heading_h4",
    "heading_h5",
    "heading_h6",
)
READABILITY_METRICS = (
    "Gunning Fog",
    "Coleman-Liau",
    "Flesch-Kincaid",
    "SMOG",
    "Automated Readability",
)


def document_counts(file: LintFile) -> dict[str, float]:
    """``File.ComputeMetrics``: markup counts plus summary statistics; empty
    when the document has no words."""
    summary = Summary.of("".join(file.summary))
    if summary.words == 0:
        return {}
    counts: dict[str, float] = {
        key.replace(".", "_"): float(value)
        for key, value in file.metrics.items()
        if not key.startswith("table")
    }
    counts.update(
        complex_words=summary.complex_words,
        long_words=summary.long_words,
        paragraphs=summary.paragraphs - 1,
        sentences=summary.sentences,
        characters=summary.characters,
        words=summary.words,
        polysyllabic_words=summary.polysyllabic_words,
        syllables=summary.syllables,
    )
    return counts


def _go_float(value: float, digits: int) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return f"{value:.{digits}f}"


def _document_alert(definition: Definition, value: str) -> Alert:
    alert = Alert(
        check=definition.name,
        severity=definition.level,
        message=format_message(definition.message, value),
        match="",
        span=[1, 1],
        link=definition.link,
    )
    alert.description = format_message(definition.description, value)
    return alert


@dataclass(slots=True)
class Metric:
    """A formula over document counts and the condition that flags it."""

    definition: Definition
    formula: str
    condition: str

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Metric:
        definition.scope = ["summary"]
        formula = _HEADINGS.sub(r"heading_\1", keys.string("formula"))
        return cls(definition, formula, keys.string("condition"))

    def run(self, _block: Block, file: LintFile, /) -> list[Alert]:
        counts = document_counts(file)
        if not counts:
            return []
        for name in _DEFAULTS:
            counts.setdefault(name, 0.0)
        try:
            result = evaluate(self.formula, counts)
        except FormulaError as exc:
            raise RuleError(self.definition.path, f"formula: {exc}") from None
        try:
            value = float(result)
            flagged = evaluate(f"{_go_float(value, 6)} {self.condition}", counts)
        except (FormulaError, TypeError, ValueError) as exc:
            raise RuleError(self.definition.path, f"condition: {exc}") from None
        if flagged is not True:
            return []
        return [_document_alert(self.definition, _go_float(value, 2))]


@dataclass(slots=True)
class Readability:
    """Grade-level formulas averaged and compared with a maximum grade."""

    definition: Definition
    metrics: list[str]
    grade: float

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Readability:
        metrics = keys.strings("metrics")
        if all(m in READABILITY_METRICS for m in metrics):
            definition.scope = ["summary"]
        return cls(definition, metrics, keys.number("grade"))

    def run(self, block: Block, _file: LintFile, /) -> list[Alert]:
        summary = Summary.of(block.text)
        grade = sum(summary.grade(m) for m in self.metrics if m in READABILITY_METRICS)
        grade = grade / len(self.metrics) if self.metrics else math.nan
        if not grade > self.grade:
            return []
        return [_document_alert(self.definition, _go_float(grade, 2))]
