"""Shared helpers for the end-to-end format tests: documents, findings, goldens.

Each format has a directory under ``tests/documents/formats/<format>/`` with a
``document.<ext>`` written in that markup, a ``document.txt`` twin holding only
its prose, and ``expected.txt`` listing the document's findings as
``rule line:col``, one a line. Set ``COPYDESK_UPDATE_GOLDEN=1`` to rewrite the
golden files from the current output instead of comparing against them.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from copydesk.batch import build_document, lint_text
from copydesk.document import FILLER, Document
from copydesk.model import Finding
from copydesk.ruleset import Ruleset, load_ruleset

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents" / "formats"
#: Format name -> extension of its golden document.
EXTENSIONS: dict[str, str] = {"markdown": "md", "html": "html", "rst": "rst"}
#: Format name -> how a ``copydesk: ...`` directive is written in it.
COMMENTS: dict[str, str] = {
    "markdown": "<!-- {} -->",
    "html": "<!-- {} -->",
    "rst": ".. {}",
    "plain": "{}",
}
UPDATE_ENV = "COPYDESK_UPDATE_GOLDEN"
#: Pseudo-rule the engine reports for a directive naming an unknown rule.
UNKNOWN_RULE = "copydesk.unknown-rule"


@cache
def default_ruleset() -> Ruleset:
    """The shipped default packs, loaded once per test session."""
    return load_ruleset()


def updating() -> bool:
    """True when golden files should be rewritten rather than compared."""
    return os.environ.get(UPDATE_ENV, "") not in {"", "0"}


def document_path(fmt: str) -> Path:
    return DOCUMENTS / fmt / f"document.{EXTENSIONS[fmt]}"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def lint(text: str, fmt: str, path: str = "doc") -> list[Finding]:
    """Findings of the full default ruleset, through the runner as the CLI does."""
    return lint_text(text, path, fmt, default_ruleset())


def document(text: str, fmt: str) -> Document:
    return build_document(text, "doc", fmt, "en")


def golden_lines(findings: list[Finding]) -> list[str]:
    """The golden form of findings: ``rule line:col``, one a line."""
    return [f"{f.rule} {f.line}:{f.col}" for f in findings]


def seen(doc: Document, finding: Finding) -> str:
    """The prose a finding points at, as the check saw it.

    For the comparison with the plain-text twin: character references read as
    their decoded character (``&ldquo;`` is ``“``), and masked markup a match
    runs into at its end (``Share</li>``) is left out. ``test_defects`` pins
    where the raw ``Finding.match`` differs from this.
    """
    if finding.rule == UNKNOWN_RULE:
        return finding.message
    return doc.prose[finding.start : finding.end].replace(FILLER, "").rstrip()


def by_rule(doc: Document, findings: list[Finding]) -> dict[str, list[str]]:
    """Rule -> the prose of its findings, in document order."""
    grouped: dict[str, list[str]] = {}
    for finding in findings:
        grouped.setdefault(finding.rule, []).append(seen(doc, finding))
    return grouped


def neutered(text: str, action: str) -> str:
    """``text`` with every ``copydesk: <action>`` comment made a plain comment.

    Same length and lines, so findings keep their positions: the counterfactual
    that shows what a directive suppressed.
    """
    return text.replace(f"copydesk: {action}", f"copydesk- {action}")


def lines_of(findings: list[Finding], rule: str | None = None) -> list[int]:
    return [f.line for f in findings if rule is None or f.rule == rule]


def line_number(text: str, needle: str) -> int:
    """1-based line of the first occurrence of ``needle`` in ``text``."""
    return text[: text.index(needle)].count("\n") + 1
