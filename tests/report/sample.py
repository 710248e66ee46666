"""One multi-file sample every reporter test renders.

The sample is built the way checks build findings: from source text and
offsets, deriving line and column once, so every format sees realistic values.
"""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.document import Document
from copydesk.model import Applicability, Edit, Finding, Fix, RuleMeta, Severity
from copydesk.report import ReportContext

VERSION = "0.0.0-test"
CWD = "/srv/newsroom"

GUIDE = "docs/guide.md"
TOKYO = "notes/東京.txt"
README = "README.md"

SOURCES = {
    GUIDE: (
        "# Travel notes\n"
        "\n"
        "We flew to Peking and then to Bejing.\n"
        "The menu\tsaid: “Crème brûlée, 100% fresh.\n"
        "It was\n"
        "closed.\n"
    ),
    TOKYO: "東京の café は Zürich より静か。\n",
    README: "Nothing to see here.\n",
}

#: The order the CLI linted them in: not sorted, so grouping formats show it.
FILES = (GUIDE, README, TOKYO)

UNCLOSED = (
    "Unclosed quote “: expected ” before the paragraph ends,\n"
    "100% sure: add one, or drop the opener."
)

RULES = {
    meta.id: meta
    for meta in (
        RuleMeta(
            id="names.Beijing",
            extends="substitution",
            source="rules/names/Beijing.yml",
            message="Use '%s', not '%s'.",
            level=Severity.WARNING,
            link="https://example.org/style/names#beijing",
            description="The house spelling of China's capital is Beijing.",
        ),
        RuleMeta(
            id="typos.Misspelling",
            extends="substitution",
            source="rules/typos/Misspelling.yml",
            message="'%s' is a misspelling of '%s'.",
            level=Severity.ERROR,
        ),
        RuleMeta(
            id="quotes.Unclosed",
            extends="pairs",
            source="rules/quotes/Unclosed.yml",
            message="Unclosed quote %s.",
            level=Severity.WARNING,
            description="Every opening quote needs its closing partner\n"
            "within the same paragraph.",
        ),
        RuleMeta(
            id="artifacts.BrokenSentence",
            extends="existence",
            source="rules/artifacts/BrokenSentence.yml",
            message="A sentence is broken across lines.",
            level=Severity.SUGGESTION,
        ),
        # variants.Spelling is deliberately missing: reporters must cope.
    )
}


def make(
    path: str,
    needle: str,
    rule: str,
    severity: Severity,
    message: str,
    *,
    replacement: str | None = None,
    applicability: Applicability = Applicability.SAFE,
    suggestions: Sequence[str] = (),
) -> Finding:
    """A Finding for the first ``needle`` in ``path``'s sample source."""
    text = SOURCES[path]
    start = text.index(needle)
    end = start + len(needle)
    fix = None
    if replacement is not None:
        fix = Fix((Edit(start, end, replacement),), applicability)
    return Document.plain(text, path).finding(
        rule, severity, message, start, end, tuple(suggestions), fix
    )


FINDINGS = (
    make(
        GUIDE,
        "Peking",
        "names.Beijing",
        Severity.WARNING,
        "Use 'Beijing', not 'Peking'.",
        replacement="Beijing",
        applicability=Applicability.UNSAFE,
        suggestions=("Beijing",),
    ),
    make(
        GUIDE,
        "Bejing",
        "typos.Misspelling",
        Severity.ERROR,
        "'Bejing' is a misspelling of 'Beijing'.",
        replacement="Beijing",
        suggestions=("Beijing",),
    ),
    make(GUIDE, "“", "quotes.Unclosed", Severity.WARNING, UNCLOSED),
    make(
        GUIDE,
        "It was\nclosed.",
        "artifacts.BrokenSentence",
        Severity.SUGGESTION,
        "A sentence is broken across lines.",
    ),
    make(
        TOKYO,
        "Zürich",
        "variants.Spelling",
        Severity.SUGGESTION,
        "'Zürich' and 'Zurich' both appear: pick one.",
        suggestions=("Zurich",),
    ),
)


def context(**changes: object) -> ReportContext:
    """The sample context, with fields overridden per test."""
    fields: dict[str, object] = {
        "version": VERSION,
        "cwd": CWD,
        "rules": RULES,
        "sources": SOURCES,
        "files": FILES,
    }
    fields.update(changes)
    return ReportContext(**fields)  # type: ignore[arg-type]
