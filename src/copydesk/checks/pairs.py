"""``pairs``: the quote rules, one defect kind each (``defect:``).

The pairing itself (which mark opens, closes, is an apostrophe or is named)
lives in ``copydesk.quotes``, run once per document for all these rules;
this module turns its defects into findings, with a fix only where the
intended closer is certain.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final

from copydesk import doclang
from copydesk.checks.base import COMMON_KEYS, Check, CheckTypeBase, LoadContext
from copydesk.document import FILLER, Analysis, Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.quotes import DEFECTS, Defect, QuoteDefects
from copydesk.schema import Key, read_keys


class Pairs(CheckTypeBase):
    """Reports one kind of quote defect (``defect:`` in the rule file)."""

    __slots__ = ("defect", "meta")

    #: Only ``defect: mixed`` fixes (see fix_availability).
    FIX: ClassVar[FixAvailability] = FixAvailability.NONE

    KEYS: ClassVar[Mapping[str, Key]] = {
        "defect": Key("defect", (str,), required=True),
    }
    #: The document analyses its rules read.
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        QuoteDefects,
        doclang.DocumentLanguage,  # through quotes.quoting_language
    )

    meta: Final[RuleMeta]
    defect: Final[str]

    def __init__(
        self,
        meta: RuleMeta,
        defect: str,
    ) -> None:
        self.meta = meta
        self.defect = defect

    @classmethod
    def fix_availability(cls, data: Mapping[str, Any]) -> FixAvailability:
        """A straight quote closing a curly one is the only defect fixed: safe
        for a double quote, unsafe for a single one (it may be an apostrophe)."""
        return FixAvailability.MIXED if data.get("defect") == "mixed" else cls.FIX

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        own = {k: v for k, v in data.items() if k not in COMMON_KEYS}
        read_keys(own, cls.KEYS, meta.source)
        defect = own["defect"]
        if defect not in DEFECTS:
            choices = ", ".join(DEFECTS)
            raise RuleError(
                meta.source, f"key 'defect': expected one of {choices}, got {defect!r}"
            )
        return cls(meta, defect)

    def run(self, doc: Document) -> Iterator[Finding]:
        for defect in doc.get(QuoteDefects):
            if defect.kind == self.defect:
                yield self._finding(doc, defect)

    def _finding(self, doc: Document, d: Defect) -> Finding:
        # A mark written as a character reference (&quot;) is one decoded
        # character followed by fillers in the prose view: span all of it.
        end = d.start + d.width
        while end < len(doc.prose) and doc.prose[end] == FILLER:
            end += 1
        fix = None
        suggestions: tuple[str, ...] = ()
        if d.kind == "stray" and d.expected:
            suggestions = (d.expected,)  # no fix: a closer may be meant
        if d.kind == "mixed":
            suggestions = (d.expected,)
            if d.fixable:
                how = Applicability.SAFE if d.safe else Applicability.UNSAFE
                fix = Fix((Edit(d.start, end, d.expected),), how)
        message = self.meta.format_message(*_message_args(doc, d))
        return self.meta.finding(
            doc, d.start, end, message, suggestions=suggestions, fix=fix
        )


def _message_args(doc: Document, d: Defect) -> tuple[str, ...]:
    """Values for the rule message's ``%s``: the mark(s), then a detail clause."""
    if d.kind == "mixed":
        if d.start < d.partner_start and d.note == "english":
            return (
                d.partner,
                d.mark,
                f" (the opening should be {d.expected}: English does not open"
                f" with {d.mark})",
            )
        if d.start < d.partner_start:  # reported at the opener
            return (
                d.partner,
                d.mark,
                f" (the opening should be {d.expected}, like the draft's other quotes)",
            )
        line, _ = doc.line_col(d.partner_start)
        where = f" on line {line}" if d.spans else ""
        spans = "; the quotation spans paragraphs" if d.spans else ""
        if d.note == "no low-9":
            detail = (
                f" ({d.partner} opens no quotation in the document's language{spans})"
            )
            return (d.mark, d.partner, f"{where}{detail}")
        return (d.mark, d.partner, f"{where} (expected {d.expected}{spans})")
    if d.kind == "stray":
        if d.note == "’":
            return (
                d.mark,
                ": an opening mark after a word or before elided letters"
                " opens nothing; an apostrophe or closing mark is written ’",
            )
        if d.note == "doubled":
            return (d.mark, ": the same mark twice; one is enough")
        return (d.mark, " between words: neither a quotation mark nor an apostrophe")
    if d.kind == "unclosed" and d.spans:
        line, _ = doc.line_col(d.partner_start)
        return (d.mark, f" (it is closed on line {line}, in a later paragraph)")
    return (d.mark, "")
