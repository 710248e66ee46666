"""Pattern compilation and timed matching, shared by every check type.

All user patterns go through the ``regex`` module with a timeout, so a
catastrophic pattern stops with ``TimeoutError`` instead of hanging a run.
Literal token lists are compiled into a single matcher per rule.
"""

from __future__ import annotations

import functools
import re as stdlib_re
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, TypeAlias

from copydesk import deadline, regex_programs
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_re
from copydesk.regex_programs import IGNORECASE, MULTILINE, VERSION0

if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    import regex

    Pattern: TypeAlias = regex.Pattern[str]
    Match: TypeAlias = regex.Match[str]

#: Seconds one search over one document may take before the rule is abandoned.
MATCH_TIMEOUT = 2.0

_META = frozenset(".^$*+?{}[]\\|()")
# Word edges that also work for tokens starting or ending in punctuation.
_LEFT = r"(?<![\w])"
_RIGHT = r"(?![\w])"


def is_literal(token: str) -> bool:
    """True when ``token`` has no regex syntax and can be matched as plain text."""
    return _META.isdisjoint(token)


def compile_regex(
    pattern: str, source: str, key: str, *, ignorecase: bool = False
) -> Pattern:
    """Compile a user pattern, reporting a syntax error as a rule-file error."""
    flags = VERSION0 | MULTILINE
    if ignorecase:
        flags |= IGNORECASE
    try:
        return regex_programs.compiled(pattern, flags)
    except regex_programs.compile_error() as exc:
        raise RuleError(source, f"key {key!r}: bad regex {pattern!r}: {exc}") from None


class LazyPattern:
    """A pattern compiled on first use.

    Used for shipped rules only (the test suite compiles every one), so that a
    one-file run compiles just the rules its text can trigger. One made with
    ``before_fork`` is listed (weakly) for :func:`compile_before_fork` until
    it is compiled.
    """

    __slots__ = ("__weakref__", "_compiled", "ignorecase", "source")

    def __init__(
        self, source: str, *, ignorecase: bool, before_fork: bool = False
    ) -> None:
        self.source = source
        self.ignorecase = ignorecase
        self._compiled: Pattern | None = None
        if before_fork:
            _BEFORE_FORK.add(self)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its source, and whether it waits to be compiled
        before a fork (``ruleset_snapshot``): unpickled, it is listed
        again, as ``__init__`` lists it."""
        listed = self in _BEFORE_FORK
        return _restored, (self.source, self.ignorecase, listed, self._compiled)

    @classmethod
    def of(cls, compiled: Pattern) -> LazyPattern:
        """An already compiled pattern (user rules are compiled at load)."""
        lazy = cls(compiled.pattern, ignorecase=bool(compiled.flags & IGNORECASE))
        lazy._compiled = compiled
        return lazy

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def get(self) -> Pattern:
        if self._compiled is None:
            self._compiled = compile_regex(
                self.source, "<shipped rule>", "pattern", ignorecase=self.ignorecase
            )
            _BEFORE_FORK.discard(self)
        return self._compiled


def _restored(
    source: str, ignorecase: bool, listed: bool, compiled: Pattern | None
) -> LazyPattern:
    """A pickled ``LazyPattern`` (see ``LazyPattern.__reduce__``)."""
    lazy = LazyPattern(source, ignorecase=ignorecase, before_fork=listed)
    if compiled is not None:
        lazy._compiled = compiled
        _BEFORE_FORK.discard(lazy)
    return lazy


class OnFirstUse:
    """A pattern (or None, for none) built the first time it is asked for.

    For a pattern that only a candidate finding consults, and that cannot
    fail to build (escaped word lists) or belongs to a shipped rule (the test
    suite builds every one): a document without a candidate never pays the
    regex module's compile, which is pure Python.
    """

    __slots__ = ("_build", "_built", "_pattern")

    def __init__(self, build: Callable[[], Pattern | None]) -> None:
        self._build = build
        self._built = False
        self._pattern: Pattern | None = None

    @classmethod
    def now(cls, build: Callable[[], Pattern | None]) -> OnFirstUse:
        """Built at once (a user's rule: a bad pattern is reported at load)."""
        made = cls(build)
        made.get()
        return made

    @property
    def built(self) -> bool:
        return self._built

    def get(self) -> Pattern | None:
        if not self._built:
            self._pattern = self._build()
            self._built = True
        return self._pattern


class MayMatch:
    """Whether a text may hold a match of a pattern, asked of its RE2 superset.

    For a pattern that most documents never match (a shipped rule's
    ``regex`` pattern, pure Python to compile): RE2 compiles the superset in
    C and scans the text once, so a document it finds nothing in never pays
    the real pattern's compile. Without a superset (RE2 cannot express it,
    or refuses it) every text may match.
    """

    __slots__ = ("_scanner", "ignorecase", "superset")

    def __init__(self, superset: str | None, *, ignorecase: bool) -> None:
        self.superset = superset
        self.ignorecase = ignorecase
        self._scanner: Any = None

    def __call__(self, text: str) -> bool:
        if self.superset is None:
            return True
        if self._scanner is None:
            from copydesk.re2_superset import compile_scanner

            # Line anchors as the rules' patterns read them (MULTILINE).
            scanner = compile_scanner(
                f"(?m){self.superset}", ignorecase=self.ignorecase
            )
            self._scanner = scanner or False  # refused: not tried again
        if not self._scanner:
            return True
        try:
            return self._scanner.search(text) is not None
        except UnicodeEncodeError:  # lone surrogates: RE2 cannot read the text
            return True


class WhichMayMatch:
    """Which of several patterns a text may hold a match of, asked of their
    RE2 supersets in one pass (an RE2 set).

    For a rule of many patterns, each searched for on its own (a confusion
    rule's thirty words, each a literal scan of the whole text): on a long
    text most find nothing, and one pass of the set tells which may find
    something. A pattern without a superset may always match. The set holds
    an empty pattern too, which matches every text: a pass that fails (RE2's
    DFA out of memory) answers without it, and then every pattern may.
    """

    __slots__ = ("_always", "_set", "_slots", "ignorecase", "supersets")

    def __init__(self, supersets: Sequence[str | None], *, ignorecase: bool) -> None:
        self.supersets = tuple(supersets)
        self.ignorecase = ignorecase
        self._set: Any = None
        #: The set's index of each pattern it holds → the pattern's index.
        self._slots: list[int] = []
        self._always = frozenset(i for i, s in enumerate(supersets) if s is None)

    @property
    def compiled(self) -> bool:
        """Whether the set was compiled (or refused) yet: its compile costs
        a few ms, more than a short text's scans it spares."""
        return self._set is not None

    def __call__(self, text: str) -> frozenset[int] | None:
        """The indices of the patterns ``text`` may match, or None for all."""
        if self._set is None:
            self._set = self._compiled() or False  # refused: not tried again
        if not self._set:
            return None
        try:
            found = self._set.Match(text)
        except UnicodeEncodeError:  # lone surrogates: RE2 cannot read the text
            return None
        if len(self._slots) not in found:  # the empty pattern: the pass failed
            return None
        slots = self._slots
        return self._always.union(slots[i] for i in found if i < len(slots))

    def _compiled(self) -> Any:
        """The RE2 set of the supersets RE2 takes (one it refuses may always
        match), then the empty pattern; None when it will not compile."""
        import re2

        from copydesk.re2_superset import scanner_options

        made = re2.Set.SearchSet(scanner_options(ignorecase=self.ignorecase))
        always = set(self._always)
        for index, superset in enumerate(self.supersets):
            if superset is None:
                continue
            try:
                made.Add(f"(?m){superset}")  # line anchors as MULTILINE reads them
            except re2.error:
                always.add(index)
            else:
                self._slots.append(index)
        try:
            made.Add("")
            made.Compile()
        except re2.error:
            return None
        self._always = frozenset(always)
        return made


#: Lazy patterns that a run over many files is all but sure to need, not
#: compiled yet (see ``compile_before_fork``).
_BEFORE_FORK: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


def deferred(
    pattern: str, source: str, key: str, *, ignorecase: bool, shipped: bool
) -> LazyPattern:
    """A rule's pattern: a shipped rule's compiled on first use (or before a
    parallel run forks), any other rule's now, so that a bad pattern in a
    user's rule is reported at load."""
    if shipped:
        return LazyPattern(pattern, ignorecase=ignorecase, before_fork=True)
    return LazyPattern.of(compile_regex(pattern, source, key, ignorecase=ignorecase))


#: Other loads a forked worker would repeat (``load_before_fork``).
FORK_LOADS: list[Callable[[], object]] = []


def load_before_fork(load: Callable[[], object]) -> None:
    """Have :func:`compile_before_fork` call ``load`` too, every time.

    For data a one-file run loads only in part (the lexicon decodes the
    words it is asked about), but that each worker of a parallel run would
    load whole on its own; ``load`` does nothing once it has loaded.
    """
    if load not in FORK_LOADS:
        FORK_LOADS.append(load)


def compile_before_fork() -> int:
    """Compile the listed lazy patterns not compiled yet; how many were.

    For a run about to fork its workers, with patterns that most files need
    (a confusion's common word): each worker would compile them again, where
    the parent compiles them once and the workers inherit them. Patterns
    that few documents need (a draft-only rule's, a long word list's
    alternation) are not listed and stay for a worker to compile if ever.
    The loads listed by :func:`load_before_fork` are done too.
    """
    for load in FORK_LOADS:
        load()
    pending = list(_BEFORE_FORK)
    for lazy in pending:
        lazy.get()
    return len(pending)


def token_matcher(
    tokens: Sequence[str],
    source: str,
    key: str = "tokens",
    *,
    ignorecase: bool = False,
    whole_words: bool = True,
) -> Pattern:
    """One matcher for a list of tokens (literal words or regex fragments).

    Literal tokens go into a ``regex`` named list (a set lookup at each
    position); regex tokens are joined into one alternation, longest first.
    """
    literals = sorted({t for t in tokens if is_literal(t)}, key=len, reverse=True)
    patterns = [t for t in tokens if not is_literal(t)]
    parts: list[str] = []
    if literals:
        parts.append(r"\L<literals>")
    parts.extend(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    if not parts:
        raise RuleError(source, f"key {key!r}: needs at least one token")
    body = "|".join(parts)
    pattern = f"{_LEFT}(?:{body}){_RIGHT}" if whole_words else f"(?:{body})"
    flags = VERSION0 | MULTILINE
    if ignorecase:
        flags |= IGNORECASE
    try:
        lists = {"literals": literals} if literals else None
        return regex_programs.compiled(pattern, flags, lists)
    except regex_programs.compile_error() as exc:
        for token in patterns:  # name the culprit when one token is bad
            compile_regex(token, source, key, ignorecase=ignorecase)
        raise RuleError(source, f"key {key!r}: bad regex: {exc}") from None


def match_timeout() -> float:
    """The ``timeout=`` a regex call may take now: ``MATCH_TIMEOUT``, or the
    time the file being linted has left if less, so a runaway pattern stops
    at the file's deadline instead of running on to the match timeout
    (raises ``deadline.OutOfTimeError`` when none is left). Ask it when the
    matching starts: a value kept from an earlier step outlives the deadline."""
    return deadline.regex_timeout(MATCH_TIMEOUT)


def finditer(
    pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[Match]:
    """``pattern.finditer`` with ``match_timeout`` (raises TimeoutError; see
    ``deadline``)."""
    timeout = match_timeout()
    if endpos is None:
        return pattern.finditer(text, pos, timeout=timeout)
    return pattern.finditer(text, pos, endpos, timeout=timeout)


def spans(pattern: Pattern, text: str) -> Iterable[tuple[int, int]]:
    """Every (start, end) that ``pattern`` matches in ``text``."""
    for m in finditer(pattern, text):
        yield m.span()


def spans_on_lines(
    pattern: Pattern, text: str, places: Iterable[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The (start, end) of ``spans`` that lie on the lines ``places`` touch.

    A pattern that cannot match a line feed (:func:`line_local`) is searched
    in those lines only: a scan of the whole text finds the same matches
    there, since none of its matches runs into a line from outside. Any
    other pattern scans the whole text. For the engine's exceptions: a rule
    with a few findings in a long document need not scan all of it.
    """
    if not line_local(pattern):
        yield from spans(pattern, text)
        return
    lines: list[tuple[int, int]] = []
    for start, end in sorted(places):
        lo = text.rfind("\n", 0, start) + 1
        found = text.find("\n", max(end, lo))
        hi = len(text) if found < 0 else found
        if lines and lo <= lines[-1][1]:
            # Joined with the lines before, which may reach further: a place
            # sorted later can end earlier (one inside the other).
            before_lo, before_hi = lines.pop()
            lo, hi = before_lo, max(before_hi, hi)
        lines.append((lo, hi))
    for lo, hi in lines:
        for m in finditer(pattern, text, lo, hi):
            yield m.span()


#: Escapes that never match a line feed: word and digit classes, anchors and
#: boundaries, escaped punctuation.
_SAFE_ESCAPE = later_re(r"\\(?:[wdbBAZG]|[^A-Za-z0-9])")
_NAMED_LIST = later_re(r"\\L<\w+>")
#: What might: an escape left over, a negated or POSIX class, a control
#: character, a dot-all or verbose flag, fuzzy matching (``{e<=1}``).
_MAY_CROSS = later_re(r"\\|\[\^|\[:|[\x00-\x1f]|\(\?[a-zA-Z-]*[sx]|\{[^}]*[a-z]")


@functools.lru_cache(maxsize=1024)
def line_local(pattern: Pattern) -> bool:
    """Whether no match of ``pattern`` can hold a line feed.

    Read from the pattern's source, conservatively: anything that might
    (``\\s``, ``\\W``, a negated class, ``(?s)``...) makes it False.
    """
    if pattern.flags & (regex_programs.DOTALL | regex_programs.VERBOSE):
        return False
    for words in pattern.named_lists.values():
        if any("\n" in word for word in words):
            return False
    source = _SAFE_ESCAPE.sub("", _NAMED_LIST.sub("", pattern.pattern))
    return _MAY_CROSS.search(source) is None


_WORD = later_re(r"\w+")

#: Characters of text an index searches by the word set before it compiles
#: its RE2 scan. Compiling is most of a small run's cost (typos.Misspellings'
#: 365 first words: 1.4 ms, as long as the scan of 70 KB of text takes with
#: the word set), where the word set of a 5 KB page is made in 0.1 ms, once
#: for every index.
SCAN_AFTER = 64 * 1024


class LiteralIndex:
    """Literal phrases found by their first word instead of a regex alternation.

    Phrases are indexed by their case-folded first word. When every first
    word is ASCII, one RE2 automaton finds them all in a single linear scan
    (hundreds of MB/s, whatever the list's length), once the index has been
    asked about ``scan_after`` characters of text; otherwise, and until
    then, the document's word set says which first words occur and each is
    looked for alone. Each hit is then compared in place with the phrases
    that start with it.

    Both ways find the same places for every text, so which one a run takes
    (it depends on how much text the process searched before) never changes
    a finding: stdin, the editor server, each batch worker and the cache
    agree. The scan's places are the reference: RE2's ``\\b`` is ASCII-only,
    so a first word whose first or last character is beyond ASCII (long s
    and the Kelvin sign fold to s and k) is no whole word to it, and the
    word-set path of a list the scan could search drops such a hit too.
    """

    __slots__ = (
        "_ascii_edges",
        "_scanner",
        "_seen",
        "by_first",
        "ignorecase",
        "scan_after",
    )

    def __init__(
        self, phrases: Iterable[str], *, ignorecase: bool, scan_after: int = SCAN_AFTER
    ) -> None:
        self.ignorecase = ignorecase
        self.scan_after = scan_after
        self.by_first: dict[str, list[str]] = {}
        self._scanner: Any = None
        self._seen = 0
        for phrase in phrases:
            key = phrase.casefold() if ignorecase else phrase
            first = _WORD.match(key)
            if first is None:
                msg = f"phrase {phrase!r} must start with a letter or digit"
                raise ValueError(msg)
            self.by_first.setdefault(first.group().casefold(), []).append(key)
        for candidates in self.by_first.values():
            candidates.sort(key=len, reverse=True)
        self._ascii_edges: bool | None = None  # told on first need

    @staticmethod
    def accepts(phrase: str) -> bool:
        """Whether ``phrase`` can be indexed (it must start with a word character)."""
        return _WORD.match(phrase) is not None and is_literal(phrase)

    def find(
        self, text: str, words: Callable[[], AbstractSet[str]]
    ) -> list[tuple[int, int, str]]:
        """(start, end, phrase key) of each whole-word phrase, left to right.

        ``words`` gives the text's set of case-folded words, computed only
        when the RE2 scan cannot be used.
        """
        fold = self.ignorecase
        size = len(text)
        found: list[tuple[int, int, str]] = []
        for start, first in self._first_words(text, words):
            for phrase in self.by_first[first]:
                end = start + len(phrase)
                if end > size:
                    continue
                segment = text[start:end]
                if (segment.casefold() if fold else segment) != phrase:
                    continue
                if end < size and (text[end].isalnum() or text[end] == "_"):
                    continue
                found.append((start, end, phrase))
                break
        found.sort()
        kept: list[tuple[int, int, str]] = []
        last = -1
        for item in found:
            if item[0] >= last:
                kept.append(item)
                last = item[1]
        return kept

    def _first_words(
        self, text: str, words: Callable[[], AbstractSet[str]]
    ) -> Iterator[tuple[int, str]]:
        """(start, case-folded first word) of every first word in ``text``."""
        if self._scanner is None:
            self._seen += len(text)
            if self._seen >= self.scan_after:
                self._scanner = _first_word_scanner(self.by_first) or False
        if self._scanner:
            scanned = _scanned_first_words(self._scanner, text)
            if scanned is not None:
                yield from scanned
                return
        # An ASCII text (str.isascii reads a flag) has no such edge to drop.
        edges = not text.isascii() and self._scan_edges()
        for first in self.by_first.keys() & words():
            for m in _word_finder(first).finditer(text):
                if edges and not _ascii_ends(m.group()):
                    continue  # long s or the Kelvin sign at an edge: no word to RE2
                yield m.start(), first

    def _scan_edges(self) -> bool:
        """Whether hits keep the RE2 scan's ASCII word edges: when the scan
        can search this list (every first word ASCII), whether or not it has
        been compiled yet. Told once per list, not per word: a list with a
        word beyond ASCII is never scanned and keeps Unicode edges for all."""
        if self._ascii_edges is None:
            self._ascii_edges = bool(self.by_first) and all(
                map(str.isascii, self.by_first)
            )
        return self._ascii_edges


def _scanned_first_words(scanner: Any, text: str) -> list[tuple[int, str]] | None:
    """(start, case-folded first word) of the scan's whole words, or None for
    a text RE2 cannot read (a lone surrogate has no UTF-8): the word-set path,
    keeping the scan's edges, finds the same places there."""
    found: list[tuple[int, str]] = []
    try:
        for m in scanner.finditer(text):
            start = m.start()
            # RE2's \b is ASCII-only: a letter such as "é" just before
            # the word is not a boundary for us.
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            found.append((start, m.group().casefold()))
    except UnicodeEncodeError:
        return None
    return found


def _ascii_ends(word: str) -> bool:
    """Whether ``word`` starts and ends with ASCII characters, the only word
    characters RE2's ``\\b`` knows."""
    return word[0].isascii() and word[-1].isascii()


def _first_word_scanner(by_first: Mapping[str, object]) -> Any:
    """One case-insensitive RE2 automaton for ASCII first words, or None.

    Both sides agree on ASCII words: RE2's simple case folding is what
    ``re.IGNORECASE`` does, and a hit that only RE2 sees as a whole word is
    dropped by the boundary checks around it.
    """
    if not by_first or not all(word.isascii() for word in by_first):
        return None
    from copydesk.re2_superset import compile_scanner

    body = "|".join(
        stdlib_re.escape(word) for word in sorted(by_first, key=len, reverse=True)
    )
    # A word list's program grows with the list but stays a trie for the DFA.
    return compile_scanner(rf"\b(?:{body})\b", ignorecase=True, max_program=None)


@functools.lru_cache(maxsize=4096)
def _word_finder(word: str) -> stdlib_re.Pattern[str]:
    """Where a case-folded word occurs as a whole word, in any case."""
    return stdlib_re.compile(rf"\b{stdlib_re.escape(word)}\b", stdlib_re.IGNORECASE)
