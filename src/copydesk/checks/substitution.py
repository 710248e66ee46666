"""``substitution``: a wrong form and the right one, with a fix for each swap.

Used for house-style spellings and typos. Fixes are unsafe unless the rule
file says ``applicability: safe``. All swaps of a rule are compiled
into one matcher; the replacement keeps the case of what it replaces
("Breastless" → "Heartless") when the rule ignores case.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final

from copydesk import (
    name_context,
    patterns,
    re2_superset,
    regex_programs,
    word_guards,
)
from copydesk.checks.base import (
    Check,
    CheckTypeBase,
    LoadContext,
    Reach,
    fix_by_applicability,
)
from copydesk.document import Analysis, Document, WordSet
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_regex
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key
from copydesk.wordsets import word_set

#: A capital after a lower-case letter inside a word ("ADReSS", "iPhone",
#: "GitHub"): a spelling its makers chose, which a case-blind list of slips
#: ("adress") does not judge.
_MADE_CASE = later_regex(r"\p{Ll}\p{Lu}")


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation pattern of ``original``."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Substitution(CheckTypeBase):
    """Flags each wrong form and suggests its replacement(s)."""

    __slots__ = (
        "applicability",
        "keep_dated_quotes",
        "literal_swaps",
        "may_match",
        "meta",
        "pattern",
        "regex_swaps",
        "words",
    )

    #: Unless the rule file says ``applicability: safe``.
    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    #: Word lists look for positions only when a first word is in the text.
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (WordSet,)
    #: A swap is a word or phrase judged where it stands.
    REACH: ClassVar[Reach] = Reach.PARAGRAPH

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("swap", (dict,), required=True),
            Key("nonword", (bool,)),
            Key("applicability", (str,)),
            Key("keep-dated-quotes", (bool,)),
        )
    }

    meta: Final[RuleMeta]
    #: The swaps the word index does not take, in one pattern: a shipped
    #: rule's is compiled when ``may_match`` first lets a text through.
    pattern: Final[patterns.OnFirstUse | None]
    #: Whether a text may hold a match of ``pattern`` (its RE2 superset).
    may_match: Final[patterns.MayMatch]
    words: Final[patterns.LiteralIndex | None]
    literal_swaps: Final[Mapping[str, tuple[str, ...]]]
    regex_swaps: Final[tuple[tuple[str, tuple[str, ...]], ...]]
    applicability: Final[Applicability]
    #: A quotation its lead-in dates to 1991 or before keeps its words
    #: (``name_context.quoted_in_its_time``): an old name quoted as written;
    #: so does a quoted title, headline or caption (``quoted_title``).
    keep_dated_quotes: Final[bool]

    def __init__(
        self,
        meta: RuleMeta,
        pattern: patterns.OnFirstUse | None,
        words: patterns.LiteralIndex | None,
        literal_swaps: Mapping[str, tuple[str, ...]],
        regex_swaps: tuple[tuple[str, tuple[str, ...]], ...],
        applicability: Applicability,
        may_match: patterns.MayMatch | None = None,
        *,
        keep_dated_quotes: bool = False,
    ) -> None:
        self.meta = meta
        self.keep_dated_quotes = keep_dated_quotes
        self.pattern = pattern
        self.may_match = (
            patterns.MayMatch(None, ignorecase=meta.ignorecase)
            if may_match is None
            else may_match
        )
        self.words = words
        self.literal_swaps = literal_swaps
        self.regex_swaps = regex_swaps
        self.applicability = applicability

    @classmethod
    def fix_availability(cls, data: Mapping[str, Any]) -> FixAvailability:
        return fix_by_applicability(data)

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        swap = data["swap"]
        if not swap:
            raise RuleError(meta.source, "key 'swap': needs at least one entry")
        literal: dict[str, tuple[str, ...]] = {}
        regex_swaps: list[tuple[str, tuple[str, ...]]] = []
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str) or not wrong:
                raise RuleError(
                    meta.source,
                    f"key 'swap': entry {wrong!r} must map a string to a string",
                )
            choices = tuple(c.strip() for c in right.split("|") if c.strip())
            if not choices:
                raise RuleError(
                    meta.source, f"key 'swap': entry {wrong!r} has no replacement"
                )
            if patterns.is_literal(wrong):
                key = wrong.casefold() if meta.ignorecase else wrong
                if key in literal:
                    raise RuleError(
                        meta.source, f"key 'swap': entry {wrong!r} is listed twice"
                    )
                literal[key] = choices
            else:
                if not meta.shipped:  # the test suite compiles the shipped ones
                    patterns.compile_regex(
                        wrong, meta.source, "swap", ignorecase=meta.ignorecase
                    )
                regex_swaps.append((wrong, choices))
        nonword = bool(data.get("nonword", False))
        indexed = (
            [] if nonword else [w for w in literal if patterns.LiteralIndex.accepts(w)]
        )
        words = (
            patterns.LiteralIndex(indexed, ignorecase=meta.ignorecase)
            if indexed
            else None
        )
        in_index = set(indexed)
        rest = {k: v for k, v in literal.items() if k not in in_index}
        pattern: patterns.OnFirstUse | None = None
        may_match: patterns.MayMatch | None = None
        if rest or regex_swaps:
            text = _pattern_text(rest, regex_swaps, nonword=nonword)
            build = functools.partial(_build, meta, text, rest)
            if meta.shipped:
                # Compiled in pure Python (names.TheUkraine's took 0.7 ms of
                # every start, and as much again to check each swap alone):
                # only for a text its RE2 superset finds something in.
                superset = None if rest else re2_superset.superset(text)
                may_match = patterns.MayMatch(superset, ignorecase=meta.ignorecase)
                pattern = patterns.OnFirstUse(build)
            else:
                pattern = patterns.OnFirstUse.now(build)
        # Unsafe unless the rule file vouches for every swap: a swap list is
        # judgement (a house spelling, a likely mistranslation) more often than
        # a plain non-word, and a safe fix may never change correct text.
        value = data.get("applicability", "unsafe")
        try:
            applicability = Applicability(value)
        except ValueError:
            raise RuleError(
                meta.source, "key 'applicability': expected safe or unsafe"
            ) from None
        return cls(
            meta,
            pattern,
            words,
            literal,
            tuple(regex_swaps),
            applicability,
            may_match,
            keep_dated_quotes=bool(data.get("keep-dated-quotes", False)),
        )

    def _spans(self, doc: Document) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """Non-overlapping (start, end, choices), from the word index and the regex."""
        prose = doc.prose
        found: list[tuple[int, int, tuple[str, ...]]] = []
        if self.words is not None:
            found.extend(
                (start, end, self.literal_swaps[key])
                for start, end, key in self.words.find(prose, doc.word_set)
            )
        pattern = (
            self.pattern.get()
            if self.pattern is not None and self.may_match(prose)
            else None
        )
        if pattern is not None:
            for m in patterns.finditer(pattern, prose):
                start, end = m.span()
                choices = self._choices(m, prose[start:end])
                if start < end and choices:
                    found.append((start, end, choices))
        if self.words is not None and pattern is not None:
            found.sort(key=lambda item: (item[0], item[0] - item[1]))
        last = -1
        for start, end, choices in found:
            if start >= last:
                last = end
                yield start, end, choices

    def run(self, doc: Document) -> Iterator[Finding]:
        for start, end, choices in self._spans(doc):
            if word_guards.bracket_built(doc.text, start) is not None:
                continue  # "(c)ommit": the rest of a word, not one
            if word_guards.corrected_after(doc.prose, end):
                continue  # ("teh → "the"): a slip named with its mend
            if word_guards.mended_beside(doc.prose, start, end, choices[0]):
                continue  # "iabbrev teh the": a slip paired with its mend
            if name_context.mentioned_alone(doc.text, start, end, doc.format):
                continue  # 'referred to "the Ukraine"': the words named, not used
            if name_context.named_for_its_own(doc.text, start, end, choices[0]):
                continue  # '"the Ukraine" for **Ukraine**': a style list
            if self.keep_dated_quotes and self._dated_quote(doc, start):
                continue  # a 1989 brochure: "Ten days in the Ukraine"
            found = doc.text[start:end]
            if self.meta.ignorecase and _MADE_CASE.search(found) is not None:
                continue  # "the ADReSS Challenge": a capital inside names a thing
            if self.applicability is Applicability.SAFE and _named(
                doc, start, found, choices[0]
            ):
                continue  # "Welling & Teh 2011": a surname, not "the"
            if self.meta.ignorecase:
                choices = tuple(match_case(c, found) for c in choices)  # noqa: PLW2901
            if choices[0] == found:
                continue
            fix = Fix((Edit(start, end, choices[0]),), self.applicability)
            yield self.meta.finding(
                doc,
                start,
                end,
                self.meta.format_message(" or ".join(f"'{c}'" for c in choices), found)
                if "%s" in self.meta.message
                else self.meta.message,
                suggestions=choices,
                fix=fix,
            )

    @staticmethod
    def _dated_quote(doc: Document, start: int) -> bool:
        """Whether ``start`` stands in a quotation its lead-in dates to 1991
        or before, or in a quoted title, headline or caption, read in its
        paragraph (a swap is judged where it stands)."""
        block = doc.block_at(start)
        lo = 0 if block is None else block.start
        return name_context.quoted_in_its_time(
            doc.prose, lo, start
        ) or name_context.quoted_title(doc.prose, lo, start)

    def _choices(self, m: patterns.Match, found: str) -> tuple[str, ...]:
        key = found.casefold() if self.meta.ignorecase else found
        if key in self.literal_swaps:
            return self.literal_swaps[key]
        groups = m.groupdict()
        for index, (_, choices) in enumerate(self.regex_swaps):
            if groups.get(f"s{index}") is not None:
                return choices
        return ()


def _pattern_text(
    literal: Mapping[str, tuple[str, ...]],
    regex_swaps: list[tuple[str, tuple[str, ...]]],
    *,
    nonword: bool,
) -> str:
    """The one pattern of the literal swaps (a named list) and regex swaps."""
    parts: list[str] = []
    if literal:
        parts.append(r"\L<literals>")
    parts.extend(f"(?P<s{i}>{wrong})" for i, (wrong, _) in enumerate(regex_swaps))
    body = "|".join(parts)
    return f"(?:{body})" if nonword else rf"(?<![\w])(?:{body})(?![\w])"


def _build(
    meta: RuleMeta, pattern: str, literal: Mapping[str, tuple[str, ...]]
) -> patterns.Pattern:
    flags = regex_programs.VERSION0 | regex_programs.MULTILINE
    if meta.ignorecase:
        flags |= regex_programs.IGNORECASE
    try:
        lists = (
            {"literals": sorted(literal, key=len, reverse=True)} if literal else None
        )
        return regex_programs.compiled(pattern, flags, lists)
    except regex_programs.compile_error() as exc:
        raise RuleError(meta.source, f"key 'swap': bad regex: {exc}") from None


def _named(doc: Document, start: int, found: str, choice: str) -> bool:
    """Whether ``found``, capitalised inside a sentence where its mend is a
    function word ("and Teh, Y.W.", "Welling & Teh"), reads as a name: a
    slip of "the" there would be in lower case. A content word keeps its
    finding ("the Millenium Challenge Corporation": a name's word
    misspelt), and so does a slip at a sentence's start ("Teh minister")."""
    return (
        found[:1].isupper()
        and not found.isupper()
        and choice in _FUNCTION_WORDS
        and not word_guards.sentence_initial(doc, start, doc.block_at(start))
    )


#: Words written in lower case inside a sentence, whatever they stand in.
_FUNCTION_WORDS = word_set(
    "the a an and or but of to in on at for from with by that this these those "
    "which what when where who their there they them then than have has had "
    "is are was were be been not"
)
