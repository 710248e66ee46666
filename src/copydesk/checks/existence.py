"""``existence``: tokens or patterns that must not appear.

Used for banned words and for web-page debris. With ``line: true`` a token
must make up the whole line (bullets and spaces around it allowed), which is
how ambiguous UI words such as "Share" or "Follow" are told from prose. With
``between_sentences: true`` a token may also stand inside a line, but only
where a sentence ends and the next begins ("… fell. Advertisement The …"),
so that "the advertisement said" stays clean. ``skip_quoted: true`` ignores
matches inside quotation marks, where an author cites the words on purpose.
``needs`` lists strings one of which the line of every match contains (the
separators of a breadcrumb trail): documents and lines without any are never
tried. Line and sentence rules are tried only where the ruleset's shared RE2
scan (``anchor_scan``) says one of their tokens may match. With ``block``
(line rules only), a match anchors a unit of lines around it, such as an
author box (see ``debris_block``), reported and deleted as one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re as stdlib_re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, Final

from copydesk import patterns, re2_superset, regex_programs
from copydesk.checks.anchor_scan import LEAD_MARKS, AnchorPlaces, AnchorScan, Member
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, fix_by_applicability
from copydesk.debris_block import BlockSpec
from copydesk.document import Analysis, Block, BlockIndex, Document, WordSet
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.lines import line_end, line_start
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key
from copydesk.segmented_lines import (
    MAX_LINE,
    DottedLines,
    SegmentedLine,
    announced_item,
    in_announced_list,
)

#: What may stand before a whole-line token: indentation and list bullets.
# Possessive: masked code leaves lines of spaces, and backtracking into them
# would retry the whole token list at every space.
_LINE_LEAD = r"(?:^|(?<=\r))[ \t]*+\K(?:[" + LEAD_MARKS + r"]++[ \t]*+)?"
#: A sentence end inside a line and the spaces after it.
_GAP = later_re(r"[.!?…][\"”’«»)\]]?[ \t]++")
#: A place with something on its line (line rules skip blank lines).
_NOT_BLANK = later_re(r"[ \t]*[^ \t\r\n]")
#: The first word at a line or sentence start, after indent and bullet.
_FIRST_WORD = later_re(r"[ \t]*(?:[" + LEAD_MARKS + r"]+[ \t]*)?(\S+)")
#: Literal letters (and spaces, apostrophes) at the start of a token.
_LITERAL_RUN = later_re(r"[^\s\\.^$*+?{}\[\]()|][\w '’-]*")
#: How much of a line ``Prefixes.agrees`` compares with a token's literal start.
_HEAD_CHARS = 120
#: First words whose token choice a rule remembers.
_MAX_WORDS = 20_000
#: HTML/XML tags, which may share a line with debris ("<li>Share</li>").
_TAG = later_re(r"<[^<>]*>")
_LINE_TAIL = r"[ \t]*(?=\r|\n|\Z)"
#: Between sentences: after a line start (bullet allowed) or a sentence end ...
_SENTENCE_LEAD = (
    r"(?:(?:^|(?<=\r))[ \t]*+\K(?:[" + LEAD_MARKS + r"]++[ \t]*+)?"
    r"|(?<=[.!?…][\"”’«»)\]]?[ \t]+))"
)
#: ... and before a line end or a capitalised sentence start (case kept).
_SENTENCE_TAIL = r"(?=[ \t]*(?:\r|\n|\Z)|[ \t]+(?-i:[\"“„»«‘(]?[\p{Lu}\p{N}]))"

#: Opening and closing quotation marks, paired as editors use them. A
#: straight mark opens only where an opener stands (not after a word or a
#: comma: 'late," said Maria' closes a quotation, and paired with the next
#: line's opener it made every line between quoted) and closes only where a
#: closer does (not before a word). A „ closes at a straight " too: „…" is
#: a translation's mixed pair, and read to the next “ or ” it made every
#: line up to another quotation quoted.
_QUOTED = later_regex(
    r'(?<![^\s(\[{—–:-])"[^"\n]*(?:\n(?!\s*\n)[^"\n]*)*"(?!\w)'
    r"|“[^“”\n]*(?:\n(?!\s*\n)[^“”\n]*)*”"
    r'|„[^„“”"\n]*(?:\n(?!\s*\n)[^„“”"\n]*)*[“”"]'
    r"|«[^«»\n]*(?:\n(?!\s*\n)[^«»\n]*)*»"
    r"|»[^«»\n]*(?:\n(?!\s*\n)[^«»\n]*)*«",
    regex_programs.VERSION0,
)

_REMOVE = ("none", "line", "match", "auto")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside paired quotation marks; a quote never crosses a blank line."""
    return list(patterns.spans(_QUOTED, text))


class QuotedSpans:
    """Quoted spans (sorted, disjoint), asked by bisect whether one holds a match.

    The value of the ``Quoted`` analysis. It is a class of its own, not the
    analysis itself: ``Analysis["Quoted"]``, a class naming itself before it
    exists, made ``typing`` compile a ``ForwardRef`` at every start.
    """

    __slots__ = ("_spans", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts = [s for s, _ in spans]

    def holds(self, start: int, end: int) -> bool:
        """Whether a span strictly contains ``start:end``: only the last span
        starting before ``start`` can, as the earlier ones end before it."""
        index = bisect.bisect_left(self._starts, start) - 1
        return index >= 0 and end < self._spans[index][1]


class Quoted(Analysis[QuotedSpans]):
    """A document's quoted spans, found once for all ``skip_quoted`` rules,
    when the first of them has a match to judge."""

    @classmethod
    def compute(cls, doc: Document) -> QuotedSpans:
        return QuotedSpans(quoted_spans(doc.prose))


class ScanSlot:
    """Where an anchored rule finds its scan: the one ``link`` shares among a
    group of a ruleset's rules, or one of the rule's own, made on first use
    when there is no shared one or the shared one is too big for RE2 (a user
    rule with thousands of tokens then slows only itself)."""

    __slots__ = ("own", "shared")

    def __init__(self) -> None:
        self.shared: AnchorScan | None = None
        self.own: AnchorScan | None = None

    def get(self, rule: Existence) -> AnchorScan | None:
        if self.shared is not None and self.shared.usable:
            return self.shared
        if self.own is None and rule.re2_body is not None:
            self.own = AnchorScan([rule.scan_member()])
        return self.own


#: Characters of RE2 syntax one shared scan joins at most. One automaton for
#: all of a ruleset's anchored rules (a 50,000-instruction program for the
#: default packs) thrashes RE2's DFA cache on a long draft: 2.4 s to scan
#: the 8 MB news benchmark file, where groups of about 15,000 characters
#: take 0.5 s in all. A few passes over the text cost less than one slow one.
SCAN_BUDGET = 15_000


class Existence(CheckTypeBase):
    """Flags every match of one compiled pattern."""

    __slots__ = (
        "anchor",
        "applicability",
        "begun",
        "block",
        "meta",
        "needs",
        "pattern",
        "re2_body",
        "remove",
        "scan",
        "segments",
        "skip_quoted",
        "split_tokens",
        "words",
    )

    #: Narrowed by ``remove`` and ``applicability`` (see fix_availability).
    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("tokens", (list,), item_types=(str,)),
            Key("raw", (list,), item_types=(str,)),
            Key("nonword", (bool,)),
            Key("line", (bool,)),
            Key("between_sentences", (bool,)),
            Key("skip_quoted", (bool,)),
            Key("remove", (str,)),
            Key("applicability", (str,)),
            Key("needs", (list,), item_types=(str,)),
            Key("block", (dict,)),
        )
    }
    #: The document analyses its rules read: word lists look words up, the
    #: anchored rules share a scan, ``skip_quoted`` rules the quoted spans,
    #: whole-line rules the blocks before a list (``_listed_under_heading``).
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        WordSet,
        AnchorPlaces,
        Quoted,
        DottedLines,
        BlockIndex,
    )

    meta: Final[RuleMeta]
    pattern: Final[patterns.LazyPattern]
    remove: Final[str]
    applicability: Final[Applicability]
    skip_quoted: Final[bool]
    #: "line" or "sentence" when matches can only start at known places.
    anchor: Final[str]
    #: Literal word lists: matched by word lookup instead of ``pattern``.
    words: Final[patterns.LiteralIndex | None]
    #: Strings one of which the line of every match contains (``needs``).
    needs: Final[tuple[str, ...]]
    #: Shipped anchored rules: their tokens, split into per-token patterns
    #: when a place first needs them (see ``token_patterns``).
    split_tokens: Final[TokenSplit | None]
    #: Anchored rules: the RE2 superset of the tokens (None when the tokens
    #: have no safe one), and the scan shared with the ruleset's other
    #: anchored rules (see ``link``).
    re2_body: Final[str | None]
    scan: Final[ScanSlot]
    #: First word → the token patterns that may start with it.
    begun: Final[dict[str, tuple[tuple[Prefixes, patterns.LazyPattern], ...]]]
    #: The lines a match anchors (``block``), or None for a match alone.
    block: Final[BlockSpec | None]
    #: Whole-line rules: a line of their items joined by middle dots.
    segments: Final[SegmentedLine | None]

    def __init__(
        self,
        meta: RuleMeta,
        pattern: patterns.LazyPattern,
        remove: str,
        applicability: Applicability,
        skip_quoted: bool = False,
        anchor: str = "",
        words: patterns.LiteralIndex | None = None,
        needs: tuple[str, ...] = (),
        split_tokens: TokenSplit | None = None,
        re2_body: str | None = None,
        scan: ScanSlot | None = None,
        begun: dict[str, tuple[tuple[Prefixes, patterns.LazyPattern], ...]]
        | None = None,
        block: BlockSpec | None = None,
        segments: SegmentedLine | None = None,
    ) -> None:
        self.meta = meta
        self.pattern = pattern
        self.remove = remove
        self.applicability = applicability
        self.skip_quoted = skip_quoted
        self.anchor = anchor
        self.words = words
        self.needs = needs
        self.split_tokens = split_tokens
        self.re2_body = re2_body
        self.scan = ScanSlot() if scan is None else scan
        self.begun = {} if begun is None else begun
        self.block = block
        self.segments = segments

    @classmethod
    def fix_availability(cls, data: Mapping[str, Any]) -> FixAvailability:
        """``remove: none`` (the default) only reports."""
        if data.get("remove", "none") == "none":
            return FixAvailability.NONE
        return fix_by_applicability(data)

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        tokens: list[str] = list(data.get("tokens", []))
        words: patterns.LiteralIndex | None = None
        lazy: patterns.LazyPattern | None = None
        compiled: patterns.Pattern | None = None
        raw: list[str] = list(data.get("raw", []))
        if not tokens and not raw:
            raise RuleError(
                meta.source, "key 'tokens': needs at least one token (or 'raw')"
            )
        whole_line = bool(data.get("line", False))
        between = bool(data.get("between_sentences", False))
        if whole_line and between:
            raise RuleError(
                meta.source,
                "key 'between_sentences': cannot be combined with 'line: true'",
            )
        nonword = bool(data.get("nonword", False))
        if raw:
            body = "".join(raw)
            if tokens:
                body = _alternation(tokens) + "|" + body
            pattern = _wrap(
                body, whole_line=whole_line, between=between, nonword=nonword
            )
            compiled = patterns.compile_regex(
                pattern, meta.source, "raw", ignorecase=meta.ignorecase
            )
        elif whole_line or between or not any(map(patterns.is_literal, tokens)):
            # Regex-only lists are compiled here: token_matcher wants literals.
            wrapped = _wrap(
                _alternation(tokens),
                whole_line=whole_line,
                between=between,
                nonword=nonword or whole_line or between,
            )
            if meta.shipped:
                lazy = patterns.LazyPattern(wrapped, ignorecase=meta.ignorecase)
            else:
                try:
                    compiled = patterns.compile_regex(
                        wrapped, meta.source, "tokens", ignorecase=meta.ignorecase
                    )
                except RuleError:
                    _check_tokens(tokens, meta)  # name the culprit token
                    raise
        elif not nonword and all(map(patterns.LiteralIndex.accepts, tokens)):
            # Plain word lists (banned terms, vocab.reject) are found by
            # word lookup; literal tokens cannot be bad regexes, so the
            # alternation is never compiled (10,000 tokens took seconds).
            words = patterns.LiteralIndex(tokens, ignorecase=meta.ignorecase)
            lazy = patterns.LazyPattern(
                _alternation(tokens), ignorecase=meta.ignorecase
            )
        else:
            compiled = patterns.token_matcher(
                tokens,
                meta.source,
                ignorecase=meta.ignorecase,
                whole_words=not nonword,
            )
        remove = str(data.get("remove", "none"))
        if remove not in _REMOVE:
            raise RuleError(
                meta.source, "key 'remove': expected none, line, match or auto"
            )
        applicability = _applicability(meta.source, data.get("applicability", "unsafe"))
        anchor = _anchor(whole_line=whole_line, between=between)
        block = data.get("block")
        if block is not None and not whole_line:
            raise RuleError(meta.source, "key 'block': needs 'line: true'")
        if lazy is None:
            assert compiled is not None
            lazy = patterns.LazyPattern.of(compiled)
        body = "".join(raw) if raw else ""
        if tokens:
            body = _alternation(tokens) + ("|" + body if body else "")
        spec = None if block is None else BlockSpec.parse(block, meta.source)
        return cls(
            meta,
            lazy,
            remove,
            applicability,
            bool(data.get("skip_quoted", False)),
            anchor,
            words,
            _needs(meta, data.get("needs", [])),
            TokenSplit(tuple(tokens), meta.ignorecase, whole_line)
            if anchor and not raw and meta.shipped
            else None,
            re2_superset.superset(body) if anchor else None,
            block=spec,
            segments=_segments(tokens, spec, meta) if whole_line and not raw else None,
        )

    @property
    def token_patterns(self) -> tuple[tuple[Prefixes, patterns.LazyPattern], ...]:
        """Each token's first words and own pattern, in alternation order, so
        that a run compiles only the tokens its lines could start (a whole
        rule's pattern takes 5-10 ms to compile); empty for other rules."""
        return self.split_tokens.get() if self.split_tokens is not None else ()

    @classmethod
    def link(cls, checks: Sequence[Check]) -> None:
        """Give the anchored rules of one ruleset their shared scans: one
        for each run of rules whose RE2 bodies fit ``SCAN_BUDGET``."""
        members = [
            c for c in checks if isinstance(c, Existence) and c.re2_body is not None
        ]
        if not members:
            return
        groups: list[list[Existence]] = [[]]
        size = 0
        for member in members:
            body = len(member.re2_body or "")
            if groups[-1] and size + body > SCAN_BUDGET:
                groups.append([])
                size = 0
            groups[-1].append(member)
            size += body
        for group in groups:
            scan = AnchorScan([m.scan_member() for m in group])
            for member in group:
                member.scan.shared = scan

    def scan_member(self) -> Member:
        assert self.re2_body is not None
        return Member(self.anchor, self.meta.ignorecase, self.re2_body)

    def run(self, doc: Document) -> Iterator[Finding]:
        covered = -1  # where this rule's last block ends: a line in it is in it
        for start, match_end in self._spans(doc):
            if start == match_end or start < covered:
                continue
            if self.anchor == "line" and not _stands_alone(doc, start, match_end):
                continue
            if (
                self.anchor == "sentence"
                and _fills_its_line(doc.prose, start, match_end)
                and opens_a_run_on_sentence(doc, start)
            ):
                continue  # a verse's "Advertisement" over "for a life I did not buy."
            end = _prose_end(doc.prose, start, match_end)
            if self.skip_quoted and doc.get(Quoted).holds(start, end):
                continue
            found = doc.text[start:end].strip()
            if self.block is not None:
                extent = self.block.extent(doc, start, end)
                if extent is None:
                    continue  # a lone anchor: other rules report it
                start, end = extent  # noqa: PLW2901 - the finding is the block
                found = doc.text[start:end].partition("\n")[0].strip()
                covered = end
            yield self.meta.finding(
                doc,
                start,
                end,
                self.meta.format_message(found),
                fix=self._fix(doc, start, end),
            )

    def _spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if self.words is not None:
            text, needs = doc.prose, self.needs
            for start, end, _ in self.words.find(text, doc.word_set):
                line = text.rfind("\n", 0, start) + 1
                if not needs or _line_has(text, line, needs):
                    yield start, end
            return
        yield from self._matches(doc)

    def _matches(self, doc: Document) -> Iterator[tuple[int, int]]:
        """Every match; anchored rules only try the places they can start at.

        Trying a line pattern at each line start instead of each character
        makes a whole-line rule several times faster on long prose, and the
        shared RE2 scan narrows the line starts to the few where a token may
        match.
        """
        text = doc.prose
        if self.needs and not any(needed in text for needed in self.needs):
            return
        if not self.anchor:
            for found in patterns.finditer(self.pattern.get(), text):
                yield found.span()
            return
        last = -1
        needs = self.needs
        whole_line = self.anchor == "line"
        for pos in self._places(doc):
            if pos < last or not _NOT_BLANK.match(text, pos):
                continue  # a blank line starts no match (a token may span it)
            if whole_line and line_end(text, pos) - pos > MAX_LINE:
                continue
            if needs and not _line_has(text, pos, needs):
                continue
            span = self._match_at(doc, pos)
            if span is not None:
                last = span[1]
                yield span

    def _match_at(self, doc: Document, pos: int) -> tuple[int, int] | None:
        """The match starting at the place ``pos``: a token's, else (whole-line
        rules, the only ones with ``segments``) a line of the rule's items
        joined by dots."""
        text = doc.prose
        timeout = patterns.match_timeout()
        for lazy in self._patterns_at(text, pos):
            m = lazy.get().match(text, pos, timeout=timeout)
            if m is not None:
                return m.span()
        if self.segments is not None:
            return self.segments.span(doc, pos, self._may_begin)
        return None

    def _places(self, doc: Document) -> Sequence[int]:
        """Where a match may start: from the shared RE2 scan, or else every
        line start (and, between sentences, every sentence start)."""
        scan = self.scan.get(self)
        places = scan.places(doc) if scan is not None else None
        if places is not None:
            return places.for_anchor(self.anchor)
        return _every_start(doc, sentences=self.anchor == "sentence")

    def _patterns_at(self, text: str, pos: int) -> Sequence[patterns.LazyPattern]:
        """The patterns worth trying at ``pos``: the rule's, or those of the
        tokens whose first word and literal start the text there agrees with
        (the others are not even compiled)."""
        if not self.token_patterns:
            return (self.pattern,)
        first = _FIRST_WORD.match(text, pos)
        if first is None:
            return ()
        begun = self._begun(first.group(1).casefold())
        if not begun:
            return ()
        start = first.start(1)
        head = text[start : min(line_end(text, start), start + _HEAD_CHARS)]
        head = head.casefold()
        return [lazy for p, lazy in begun if p.agrees(head)]

    def _begun(self, word: str) -> tuple[tuple[Prefixes, patterns.LazyPattern], ...]:
        """The token patterns that may begin with ``word`` (case-folded)."""
        begun = self.begun.get(word)
        if begun is None:
            if len(self.begun) > _MAX_WORDS:
                self.begun.clear()
            begun = self.begun[word] = tuple(
                (p, lazy) for p, lazy in self.token_patterns if p.begins(word)
            )
        return begun

    def _may_begin(self, word: str) -> bool:
        """Whether a token of this rule may begin with ``word``."""
        return not self.token_patterns or bool(self._begun(word))

    def _fix(self, doc: Document, start: int, end: int) -> Fix | None:
        if self.remove == "none":
            return None
        if self.remove == "match":
            return Fix((Edit(start, end, ""),), self.applicability)
        first, _ = doc.line_col(start)
        last, _ = doc.line_col(end)
        if self.remove == "auto" and not _owns_lines(doc, start, end, first, last):
            return Fix((_span_edit(doc.text, start, end),), self.applicability)
        return Fix((line_edit(doc, first, last),), self.applicability)


class Prefixes:
    """A token's first words as ``str.startswith`` wants them ("0" in a list:
    any digit)."""

    __slots__ = ("digit", "token", "words")

    words: Final[tuple[str, ...]]
    digit: Final[bool]
    #: The token they were read from.
    token: Final[str]

    def __init__(
        self,
        words: tuple[str, ...],
        digit: bool,
        token: str,
    ) -> None:
        self.words = words
        self.digit = digit
        self.token = token

    @classmethod
    @functools.lru_cache(maxsize=1024)
    def of(cls, first_words: frozenset[str], token: str) -> Prefixes:
        words = tuple(sorted(first_words - {"0"}))
        return cls(words, "0" in first_words, token)

    def begins(self, word: str) -> bool:
        """Whether ``word`` begins with one of the prefixes."""
        return word.startswith(self.words) or (self.digit and word[:1].isdigit())

    def agrees(self, head: str) -> bool:
        """Whether the rest of a line (case-folded, after its bullet) and the
        token's literal start agree as far as both go: "this cmdlet" cannot
        start "this article", and the token is then not even compiled.
        """
        literals = _literal_starts(self.token)
        return head.startswith(literals) or any(
            literal.startswith(head) for literal in literals
        )


class TokenSplit:
    """A shipped anchored rule's tokens, read on first use: reading every
    token's first words at load was a tenth of a one-file run."""

    __slots__ = ("_found", "ignorecase", "tokens", "whole_line")

    def __init__(self, tokens: tuple[str, ...], ignorecase: bool, whole_line: bool):
        self.tokens = tokens
        self.ignorecase = ignorecase
        self.whole_line = whole_line
        self._found: tuple[tuple[Prefixes, patterns.LazyPattern], ...] | None = None

    def get(self) -> tuple[tuple[Prefixes, patterns.LazyPattern], ...]:
        """Each token's first words and wrapped pattern, in alternation order;
        empty when some token's first word cannot be told."""
        if self._found is None:
            found: list[tuple[Prefixes, patterns.LazyPattern]] = []
            for token in sorted(self.tokens, key=len, reverse=True):
                words = _token_first_words(token)
                if words is None:
                    found = []
                    break
                wrapped = _wrap(
                    _one(token),
                    whole_line=self.whole_line,
                    between=not self.whole_line,
                    nonword=True,
                )
                lazy = patterns.LazyPattern(wrapped, ignorecase=self.ignorecase)
                found.append((Prefixes.of(words, token), lazy))
            self._found = tuple(found)
        return self._found


#: Literal characters inside a token (no regex syntax).
_PLAIN_RUN = later_re(r"[\w '’-]*")
#: Past this many spellings, a token's literal starts are cut short.
_MAX_STARTS = 64


@functools.lru_cache(maxsize=4096)
def _literal_starts(token: str) -> tuple[str, ...]:
    """Every literal text a token can start with, case-folded.

    Reads plain runs and non-optional ``(?:a|b)`` groups of plain options,
    left to right, and stops at the first other construct ("This
    (?:article|story) is" gives "this article is", "this story is"). ``("",)``
    means nothing is known; it agrees with every head.
    """
    if len(_top_level_options(token)) > 1:
        return ("",)
    starts = [""]
    pos = 0
    while pos < len(token) and len(starts) <= _MAX_STARTS:
        if token.startswith("(?:", pos):
            close = _closing_paren(token, pos)
            if close is None or token[close + 1 : close + 2] in ("?", "*", "{"):
                break
            options = _top_level_options(token[pos + 3 : close])
            if not all(_PLAIN_RUN.fullmatch(option) for option in options):
                break
            starts = [s + o.casefold() for s in starts for o in options]
            pos = close + 1
            continue
        run = _PLAIN_RUN.match(token, pos)
        plain = run.group() if run else ""
        if not plain:
            break
        end = pos + len(plain)
        if token[end : end + 1] in ("?", "*", "{"):
            plain = plain[:-1]  # its last character is optional
            starts = [s + plain.casefold() for s in starts]
            break
        starts = [s + plain.casefold() for s in starts]
        pos = end
    return tuple(starts) if len(starts) <= _MAX_STARTS else ("",)


def _first_words(tokens: Sequence[str]) -> frozenset[str] | None:
    """The literal first words every token starts with, or None when unknown.

    Reads only simple token shapes: a run of letters, or a non-optional
    ``(?:a|b|c)`` group of such runs; a leading digit class stands for any
    digit ("0"). Anything else (classes, look-arounds, optional groups) gives
    up, which only turns the pre-filter off: it is never wrong, just absent.
    """
    found: set[str] = set()
    for token in tokens:
        words = _token_first_words(token)
        if words is None:
            return None
        found |= words
    return frozenset(found) if found else None


@functools.lru_cache(maxsize=4096)
def _token_first_words(token: str) -> frozenset[str] | None:
    options = _top_level_options(token)
    if len(options) > 1:  # "Share|Teilen": each alternative starts a match
        return _first_words(options)
    if token.startswith("(?:"):
        close = _closing_paren(token, 0)
        if close is None:
            return None
        found: frozenset[str] = frozenset()
        for option in _top_level_options(token[3:close]):
            words = _token_first_words(option)
            if words is None:
                return None
            found |= words
        rest = token[close + 1 :]
        if rest[:1] in ("?", "*") or rest.startswith("{0"):
            # An optional group: a match may also start with what follows it.
            after = _token_first_words(
                rest[rest.index("}") + 1 if rest[0] == "{" else 1 :]
            )
            return None if after is None else found | after
        return found
    if token.startswith("\\d"):
        return frozenset({"0"})
    if token.startswith("\\") and token[1:2] and not token[1].isalnum():
        return frozenset({token[1]})  # an escaped literal such as \(
    run = _LITERAL_RUN.match(token)
    word = run.group() if run else ""
    if token[len(word) : len(word) + 1] in ("?", "*", "{"):
        word = word[:-1]  # its last letter is optional
    word = word.split(" ")[0]
    return frozenset({word.casefold()}) if word else None


def _closing_paren(text: str, start: int) -> int | None:
    """Index of the parenthesis that closes the one at ``start``."""
    depth = 0
    for index, ch in _structural(text[start:]):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return start + index
    return None


def _top_level_options(body: str) -> list[str]:
    """``a|b(c|d)|e`` → ["a", "b(c|d)", "e"]."""
    cuts = [-1]
    depth = 0
    for index, ch in _structural(body):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            cuts.append(index)
    cuts.append(len(body))
    return [body[a + 1 : b] for a, b in itertools.pairwise(cuts)]


def _structural(text: str) -> Iterator[tuple[int, str]]:
    """Regex characters that are syntax: not escaped, not inside a [class]."""
    escaped = in_class = False
    for index, ch in enumerate(text):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            yield index, ch


def _every_start(doc: Document, *, sentences: bool) -> list[int]:
    """Every line start, and with ``sentences`` every sentence start inside a
    line: the places tried when no scan narrows them."""
    starts = list(doc.starts)
    if sentences:
        starts.extend(m.end() for m in _GAP.finditer(doc.prose))
        starts.sort()
    return starts


def _needs(meta: RuleMeta, value: Any) -> tuple[str, ...]:
    needs = tuple(value)
    if any(not needed for needed in needs):
        raise RuleError(meta.source, "key 'needs': empty string")
    return needs


def _line_has(text: str, pos: int, needs: tuple[str, ...]) -> bool:
    """Whether the line from ``pos`` to its end contains one of ``needs``."""
    line = text[pos : line_end(text, pos)]
    return any(needed in line for needed in needs)


def _prose_end(prose: str, start: int, end: int) -> int:
    """Trim masked markup ("</li>") and spaces from the end of a match."""
    while end > start and prose[end - 1] in " \t":
        end -= 1
    return end


def _text_besides(text: str, start: int, end: int) -> bool:
    """Whether ``text`` (the source: code and markup count) has a letter or
    digit outside ``start:end``, searched in place: the first one ends the
    search."""
    return (
        _ALNUM.search(text, 0, start) is not None
        or _ALNUM.search(text, end) is not None
    )


#: The paragraph after a line, past one blank line: long enough to be prose.
_NEXT_PARAGRAPH = later_re(r"[ \t]*\r?\n[ \t]*\r?\n[ \t]*([^\n]{80,})")
#: How many letters of a subhead's word its paragraph must repeat.
_SUBHEAD_STEM = 5


def _heads_next_paragraph(prose: str, start: int, end: int) -> bool:
    """Whether the line of a word or two at ``start:end`` is a subhead: the
    paragraph after it takes up its word in its first sentence ("Print"
    over "Print circulation has fallen …", "Comments" over "The new website
    will not have comments …", "Home" over "… home is now a rental"). A
    button pasted between paragraphs is not what the next one is about."""
    words = prose[start:end].split()
    if not 1 <= len(words) <= 2:
        return False
    after = _NEXT_PARAGRAPH.match(prose, end)
    if after is None:
        return False
    sentence = after.group(1).split(". ", 1)[0].casefold()
    return any(
        word.casefold()[:_SUBHEAD_STEM] in sentence
        for word in words
        if len(word) >= 4 and word.isalpha()
    )


def _next_block(doc: Document, block: Block) -> Block | None:
    """The block right after ``block``, or None where it is the last."""
    after = [b for b in doc.blocks_beside(block.start) if b.start >= block.end]
    return after[0] if after else None


def _heads_a_list_of_links(doc: Document, block: Block, start: int, end: int) -> bool:
    """Whether a label alone in its block (a few words, nothing after it)
    heads the list of links within the site that follows: an authored
    page's own section ("Related Topics" above the help pages it links to,
    "See also"), where a pasted box links out to other pages of the site
    it came from, and debris is a label before a headline."""
    if len(doc.prose[start:end].split()) > 3:
        return False
    after = _next_block(doc, block)
    if after is None or after.kind != "list":
        return False
    # From the label's end: the list's first item with its markup, linking
    # within the site (a box pasted from a news page links out: https://).
    listed = doc.text[block.end : after.end]
    return any(mark in listed for mark in _LINK_MARKS) and "://" not in listed


def _captions_code(doc: Document, block: Block) -> bool:
    """Whether code follows a label's block before any other block: the
    label captions the page's example ("RECOMMENDED" over the configuration
    a manual advises), where a pasted box heads headlines and links. The
    readers report no block for code, so the source between says, as the
    format writes code: HTML a ``<pre>``, Markdown a fence or a block
    indented after a blank line, reST a code directive (an indented HTML
    line is the markup's, not code; a reST label ending in ``::`` is no
    label of debris)."""
    opens = _CODE_OPENS.get(doc.format)
    if opens is None:
        return False
    after = _next_block(doc, block)
    stop = len(doc.text) if after is None else after.start
    following = doc.text.find("\n", block.end, stop)
    if following < 0:
        return False
    return opens.match(doc.text, following, stop) is not None


#: The first line of a code block after a label's line, by format: blank
#: lines, then a ``<pre>``; a fence, or an indented line after a blank one;
#: a code directive.
_CODE_OPENS = {
    "html": later_re(r"\n(?:[ \t]*\n)*[ \t]*<pre\b", stdlib_re.IGNORECASE),
    "markdown": later_re(
        r"\n(?:[ \t]*\n)*[ \t]*(?:```|~~~)|\n(?:[ \t]*\n)+(?: {4}|\t)[ \t]*\S"
    ),
    "rst": later_re(r"\n(?:[ \t]*\n)*[ \t]*\.\. (?:code|sourcecode)"),
}


#: How a link is written in HTML, Markdown and reST.
_LINK_MARKS = ("href=", "HREF=", "](", ">`_", ":doc:`", ":ref:`")


def _stands_alone(doc: Document, start: int, end: int) -> bool:
    """Whether a whole-line match is a line of its own in the source too.

    In markup, the prose view hides code spans and link targets, so
    "### `Get-Item` comments" shows only "comments"; and a soft-wrapped
    paragraph or list item ("- Updated" then "[What's new](...)") continues on
    the next line. Neither is a line of debris, nor is an item of a list
    that a sentence leads into ("… these services:" then "- Telegram").
    """
    # A whole-line match starts after its line's lead (indentation, a
    # bullet): its line starts a few characters back.
    lead = doc.prose.rfind("\n", max(0, start - MAX_LINE), start) + 1
    if not _text_besides(doc.text, lead, end):
        return False  # a file of one word ("mail"): no text it was pasted with
    if in_announced_list(doc.prose, lead):
        return False  # "… the following services:" then "- Telegram"
    if _heads_next_paragraph(doc.prose, start, end):
        return False  # "Print" over "Print circulation has fallen …": a subhead
    if opens_a_run_on_sentence(doc, start):
        return False  # "Subscribe" then "to nothing but this:": a verse's
    if doc.format == "plain":
        return True
    first, _ = doc.line_col(start)
    line_start, line_end = doc.line_bounds(first)
    around = _TAG.sub("", doc.text[line_start:start] + " " + doc.text[end:line_end])
    if any(ch.isalnum() for ch in around):
        return False
    authored = doc.kind == "authored"
    if authored and _wrapped_in_element(doc.text, line_start, line_end):
        return False  # <div class="list__content">⏎Read more⏎</div>: the page's
    if authored and (
        not _bare_start(doc.text[line_start:start])
        or _OWN_TEXT.fullmatch(doc.prose[start:end].strip()) is not None
        # Markup inside the line (a link, emphasis, code): the author wrote
        # it; text pasted from a rendered page has lost its markup.
        or _has_markup(doc, start, end)
    ):
        return False
    block = doc.block_at(start)
    if block is None:
        return True
    if authored and block.kind in _PAGE_STRUCTURE:
        return False
    if authored and _heads_a_list_of_links(doc, block, start, end):
        return False  # "Related Topics" over a help page's links: its own
    if authored and _captions_code(doc, block):
        return False  # "RECOMMENDED" over a configuration example: its caption
    if authored and block.kind == "list" and _listed_under_heading(doc, block):
        return False  # "What readers see" then "Follow", "Most read": the UI's
    if authored and block.kind == "list" and _announced(doc, block, start, end):
        return False  # "… We got:" then "24 comments", "24 shares": the page's
    # The block's prose outside the line, searched in place, not copied.
    prose = doc.prose
    return (
        _ALNUM.search(prose, block.start, line_start) is None
        and _ALNUM.search(prose, line_end, block.end) is None
    )


#: Fewest words of the lower-case line a sentence runs on into.
_RUN_ON_WORDS = 3


def _fills_its_line(prose: str, start: int, end: int) -> bool:
    """Whether the match ``start:end`` is all its line holds (stops and
    white space aside)."""
    rest = prose[line_start(prose, start) : start] + prose[end : line_end(prose, end)]
    return not rest.strip().strip(".:;!?")


def opens_a_run_on_sentence(doc: Document, start: int) -> bool:
    """Whether the line at ``start`` begins a sentence that goes on in lower
    case on the next line (a verse's "Subscribe" then "to nothing but
    this:", "Updated 3 minutes ago:" then "the sky."): after a line that
    ended its sentence, or a blank one. A label pasted into a sentence that
    runs on around it ("said the" / "Advertisement" / "budget would")
    follows a line that ends mid-sentence: still debris."""
    line, _ = doc.line_col(start)
    if line >= doc.line_count:
        return False
    after = doc.line_text(line + 1).lstrip()
    if not after[:1].islower():
        return False
    if len(after.split()) < _RUN_ON_WORDS and not doc.line_text(line).rstrip().endswith(
        ":"
    ):
        return False  # "to me" under a mail's sender: the mail client's
    before = doc.line_text(line - 1).rstrip() if line > 1 else ""
    return not before or before[-1] in ".!?:;…"


def _listed_under_heading(doc: Document, block: Block) -> bool:
    """Whether the list ``block`` is an item of comes right after a heading:
    a section's own list (an authored page documenting its buttons), where
    a share bar pasted into a page follows the story's paragraphs."""
    ordered, at, _ = _list_opening(doc, block)
    return at > 0 and ordered[at - 1].kind == "heading"


def _announced(doc: Document, block: Block, start: int, end: int) -> bool:
    """Whether the line ``start:end`` of the list item ``block`` is a short
    item of a list a sentence ending with a colon leads into
    (``segmented_lines.announced_item``), the item among the first
    ``_ANNOUNCED_ITEMS`` of the run of list blocks: a list pasted after the
    page's own reads as more of it, so the run is read only that far."""
    ordered, at, here = _list_opening(doc, block)
    if here - at >= _ANNOUNCED_ITEMS:
        return False
    return announced_item(doc.prose, doc.prose[start:end], ordered[at].start)


#: Most items of a run of list blocks a lead-in announces.
_ANNOUNCED_ITEMS = 8


def _list_opening(doc: Document, block: Block) -> tuple[list[Block], int, int]:
    """The blocks in order, the index of the first item of the list that
    the item ``block`` belongs to (the run of list blocks it ends), and
    the index of ``block``."""
    starts, ordered = doc.get(BlockIndex)
    here = at = bisect.bisect_right(starts, block.start) - 1
    while at > 0 and ordered[at - 1].kind == "list":
        at -= 1
    return ordered, at, here


def _wrapped_in_element(text: str, line_start: int, line_end: int) -> bool:
    """Whether the line is the whole content of an HTML element written in
    the source, other than a paragraph: the line before it ends with the
    element's opening tag and the line after it starts with its closing tag
    (``<div class="list__content">``, the words, ``</div>``): the page's
    own structure. Text pasted from a rendered page has lost its tags."""
    if "<" in text[line_start:line_end]:
        return False  # "<li>Share": a tag of its own on the line
    before = text[max(0, line_start - _TAG_LINE) : line_start].rstrip()
    opened = _OPENING_TAG_AT_END.search(before)
    if opened is None or opened.group(1).lower() == "p":
        return False  # a paragraph of its own: pasted text has those too
    after = text[line_end : line_end + _TAG_LINE].lstrip()
    return after.lower().startswith(f"</{opened.group(1).lower()}")


#: How far around a line the tags that wrap it are read.
_TAG_LINE = 200
#: An opening tag that ends a stretch of source, and its name.
_OPENING_TAG_AT_END = later_re(r"<([A-Za-z][\w-]*)(?:\s[^<>]*)?>\Z")


#: A character for which ``str.isalnum`` is true: ``\w`` is exactly those
#: and the underscore.
_ALNUM = later_re(r"[^\W_]")


#: Blocks of an authored page that are its own structure, never pasted debris.
_PAGE_STRUCTURE = frozenset({"heading", "table", "alt", "code"})
#: What may open a line of debris in authored markup: indentation, a list or
#: quote marker, and block tags. An inline tag (a link, a label, a button, a
#: table cell, a heading), emphasis, a link bracket, a table pipe or a heading
#: mark makes the line the page's own text.
_BARE_LEAD = later_re(
    r"(?:[ \t]|[-*+•>](?=[ \t])|\d+[.)](?=[ \t])"
    r"|</?(?:p|li|ul|ol|div|blockquote|section|article|br)\b[^<>]*>)*",
    stdlib_re.IGNORECASE,
)


#: In authored markup, "Term: a sentence." is a definition and a line ending
#: in a colon leads in to the page's own list: neither is a pasted link box.
_OWN_TEXT = later_re(r"[^:\n]+:[ \t]+[^\n]*[.!?]|[^\n]*:")


def _has_markup(doc: Document, start: int, end: int) -> bool:
    """Whether the words carry markup of their own: masked markup between
    the first and last revealed characters of ``start:end``, or a link or
    button element wrapped round them (over lines, ``<a href>⏎Learn more⏎</a>``)."""
    prose = doc.prose[start:end]
    lo = len(prose) - len(prose.lstrip())
    hi = len(prose.rstrip())
    if doc.text[start + lo : start + hi] != prose[lo:hi]:
        return True
    before_end = _space_before(doc.prose, start)
    after_end = _space_after(doc.prose, end)
    opened = _LINK_OPEN.search(doc.text, before_end, start + lo)
    closed = _LINK_CLOSE.match(doc.text, start + hi, after_end)
    return opened is not None or closed is not None


#: A link or button element opened right before the words, or closed right
#: after them (only masked markup and white space between).
_LINK_OPEN = later_re(r"<(?:a|button)\b[^<>]*>\s*\Z", stdlib_re.IGNORECASE)
_LINK_CLOSE = later_re(r"\s*</(?:a|button)\s*>", stdlib_re.IGNORECASE)


def _bare_start(before: str) -> bool:
    """Whether the source before a match on its line holds only ``_BARE_LEAD``."""
    return _BARE_LEAD.fullmatch(before) is not None


#: First window read around an offset by ``_space_before``/``_space_after``;
#: it doubles while the window is all white space (a masked run).
_WINDOW = 256


def _space_before(text: str, pos: int) -> int:
    """``len(text[:pos].rstrip())``, reading only back to the first non-space."""
    size = _WINDOW
    while True:
        lo = max(0, pos - size)
        kept = len(text[lo:pos].rstrip())
        if kept or lo == 0:
            return lo + kept
        pos, size = lo, size * 2


def _space_after(text: str, pos: int) -> int:
    """Where ``text[pos:].lstrip()`` starts, reading only up to it."""
    size = _WINDOW
    while True:
        hi = min(len(text), pos + size)
        window = text[pos:hi]
        skipped = len(window) - len(window.lstrip())
        if skipped < len(window) or hi == len(text):
            return pos + skipped
        pos, size = hi, size * 2


def _owns_lines(doc: Document, start: int, end: int, first: int, last: int) -> bool:
    """True when only spaces and bullets share the match's lines."""
    line_start, _ = doc.line_bounds(first)
    _, line_end = doc.line_bounds(last)
    before = doc.text[line_start:start].strip(" \t-*+•·▪►▸|>")
    return not before and not doc.text[end:line_end].strip()


def _span_edit(text: str, start: int, end: int) -> Edit:
    """Delete a match inside a line together with one space beside it."""
    if end < len(text) and text[end] in " \t":
        return Edit(start, end + 1, "")
    if start > 0 and text[start - 1] in " \t":
        return Edit(start - 1, end, "")
    return Edit(start, end, "")


def line_edit(doc: Document, first: int, last: int) -> Edit:
    """Delete whole lines; with a blank line before them, that blank line too.

    Debris usually sits in its own paragraph, and deleting just the line would
    leave two blank lines where one was. Taking the blank line before (not
    after) keeps the edits of consecutive debris paragraphs apart.
    """
    start = doc.line_start(first)
    stop = doc.line_start(last + 1) if last < doc.line_count else len(doc.text)
    if first > 1 and not doc.line_text(first - 1).strip():
        start = doc.line_start(first - 1)
    elif first == 1 and stop < len(doc.text) and not doc.line_text(last + 1).strip():
        stop = doc.line_start(last + 2) if last + 1 < doc.line_count else len(doc.text)
    return Edit(start, stop, "")


def _anchor(*, whole_line: bool, between: bool) -> str:
    if whole_line:
        return "line"
    return "sentence" if between else ""


def _check_tokens(tokens: list[str], meta: RuleMeta) -> None:
    for token in tokens:
        if not patterns.is_literal(token):
            patterns.compile_regex(
                token, meta.source, "tokens", ignorecase=meta.ignorecase
            )


def _segments(
    tokens: list[str], spec: BlockSpec | None, meta: RuleMeta
) -> SegmentedLine:
    """A whole-line rule's reader of lines of its items joined by dots."""
    return SegmentedLine(
        patterns.LazyPattern(f"(?:{_alternation(tokens)})", ignorecase=meta.ignorecase),
        () if spec is None else spec.above + spec.below,
    )


def _one(token: str) -> str:
    return token if not patterns.is_literal(token) else _escape(token)


def _alternation(tokens: list[str]) -> str:
    ordered = sorted(tokens, key=len, reverse=True)
    return "|".join(_one(t) for t in ordered)


def _escape(token: str) -> str:
    return regex_programs.escape(token)


def _wrap(body: str, *, whole_line: bool, between: bool, nonword: bool) -> str:
    if whole_line:
        return f"{_LINE_LEAD}(?:{body}){_LINE_TAIL}"
    if between:
        return f"{_SENTENCE_LEAD}(?:{body}){_SENTENCE_TAIL}"
    if nonword:
        return f"(?:{body})"
    return rf"(?<![\w])(?:{body})(?![\w])"


def _applicability(source: str, value: Any) -> Applicability:
    try:
        return Applicability(value)
    except ValueError:
        raise RuleError(
            source, "key 'applicability': expected safe or unsafe"
        ) from None
