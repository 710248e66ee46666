"""A tree's own terms, told by how they spread over its files.

A documentation tree coins words no lexicon has (``vschema``,
``vreplication``, ``gamedev``), and each page uses them only once or twice,
so the count within one document that accepts a page's own terms
(``term_count``) misses them, and a check of the whole tree reports the same
coined word page after page. A misspelling is rarely made the same way in
several pages, so a word that a spelling check reports in ``MIN_FILES``
files of one run, under as many file names, is taken for the tree's term
and its findings dropped (versioned docs copy a page, and its typo, into
each version's folder under one name: ``7.6/about_x.md``, ``7.7/about_x.md``),
unless one edit other than dropping or changing its first letter gives the
check's own first suggestion: ``overriden``, ``paramater`` and ``ahve`` are
the misspellings people do repeat, while a coined term puts a letter before
a word (``vschema``; Cython's ``cimport``, whose first suggestion "comport"
is too rare a word to be misspelt so often, where "shold" is a slip of
should), a "d" after one (a daemon: ``varnishd``, suggested "varnished";
not a doubled last letter, "shouldd"), swaps a word's first letter
(``kourier``) or is no slip of one.

The decision needs the whole run, so it is made once the files are linted
(each file's findings stay cacheable on their own); ``copydesk fix`` over
several files lints them first to learn the same terms, so that it never
"mends" a term that ``check`` leaves alone. A run over part of a
tree (one file from a pre-commit hook, one shard) sees less spread and so
keeps more findings; a single document (the editor) keeps them all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import PurePath

from copydesk import typo_edits, wordlists
from copydesk.batch import FileResult
from copydesk.checks import load_check_type
from copydesk.checks.base import CheckType
from copydesk.model import Finding, RuleMeta

#: Files of one run (by name) a reported word must turn up in to be the
#: tree's term.
MIN_FILES = 2


class TreeTerms:
    """What a run over a tree's files learns of its words. A plain class:
    ``dataclasses`` would import ``inspect`` into every one-file start (7
    ms)."""

    __slots__ = ("outvoted", "words")

    def __init__(
        self,
        words: frozenset[str] = frozenset(),
        outvoted: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        #: The tree's own terms (case-folded): no spelling finding on them.
        self.words = words
        #: (reported, suggested) spellings of a name that more of the
        #: tree's files report the other way round: a page preferred the
        #: tree's minority spelling, so its finding on the tree's own is
        #: dropped.
        self.outvoted = outvoted

    def __bool__(self) -> bool:
        return bool(self.words or self.outvoted)

    def without(
        self, findings: Sequence[Finding], metas: Mapping[str, RuleMeta]
    ) -> list[Finding]:
        """``findings`` but those on the tree's terms or outvoted spellings."""
        if not self:
            return list(findings)
        spelling = _rules_declaring(findings, metas, _spelling)
        chosen = _rules_declaring(findings, metas, _page_choice)
        return [
            f
            for f in findings
            if not (f.rule in spelling and _folded(f.match) in self.words)
            and not (f.rule in chosen and _spelling_pair(f) in self.outvoted)
        ]


#: Nothing learnt: a lone file, standard input, an editor's buffer.
NO_TERMS = TreeTerms()


def drop_project_terms(
    results: Sequence[FileResult], metas: Mapping[str, RuleMeta]
) -> None:
    """Remove from ``results`` the findings of spelling checks (check types
    declaring ``SPELLING``) on words that are the tree's own terms, and of
    page-choice checks (``PAGE_CHOICE``) on spellings the tree outvotes."""
    terms = tree_terms(results, metas)
    if terms:
        for result in results:
            result.findings = terms.without(result.findings, metas)


def tree_terms(
    results: Sequence[FileResult], metas: Mapping[str, RuleMeta]
) -> TreeTerms:
    """What the findings of ``results`` show of the tree's words."""
    return TreeTerms(_own_words(results, metas), _outvoted(results, metas))


def _own_words(
    results: Sequence[FileResult], metas: Mapping[str, RuleMeta]
) -> frozenset[str]:
    """The words (case-folded) that the spelling findings of ``results``
    show to be the tree's own terms."""
    findings = (f for r in results for f in r.findings)
    spelling = _rules_declaring(findings, metas, _spelling)
    files: defaultdict[str, set[str]] = defaultdict(set)
    meant: defaultdict[str, set[str]] = defaultdict(set)
    for result in results:
        for finding in result.findings:
            if finding.rule in spelling:
                word = _folded(finding.match)
                files[word].add(PurePath(result.path).name)
                meant[word].update(map(_folded, finding.suggestions[:1]))
    # A run of one file (a hook's, the standard input) learns no names, as
    # it learns no spread (``Workspace.tree_terms`` gives ``fix`` none).
    named = _file_names(
        [result.path for result in results] if len(results) >= MIN_FILES else []
    )
    return frozenset(
        word
        for word, paths in files.items()
        if (
            len(paths) >= MIN_FILES
            and (not _slip_of(word, meant[word]) or _daemon(word))
        )
        or named.names(word)
    )


class _FileNames:
    """The names a tree gives its pages' files, as words (``pamcat`` of
    ``pamcat.html``), and the families its names fall in (``pam``, ``pnm``,
    ``ppm``: Netpbm's programs).

    A manual names its programs, one page each, and its pages name each
    other: a word that is a file's name is the tree's term (a page named
    with a slip, ``instalation.md``, hides that slip: rare, where names
    one edit from a common word are many, ``perlform.html``,
    ``soundex.html``), and so is one that puts a family's head before a
    tail its sibling family has (``pnmaddnoise``, the old name of
    ``pamaddnoise``; ``ppmquant`` beside ``pnmquant``), as programs are
    renamed from family to family.
    A family's head is three to five letters that begin three of the
    tree's names or more; two heads of one length are siblings when their
    families share two tails or more (``pam`` and ``pnm`` share ``togif``,
    ``tojpeg``…; "per" of performance and "pre" of preferences share
    none, so "preformance" stays a slip). A slip of a name ("ximptoppm"
    for ``ximtoppm``) is neither.
    """

    __slots__ = ("by_tail", "stems", "tails")

    def __init__(self, stems: frozenset[str]) -> None:
        self.stems = stems
        begun: defaultdict[str, set[str]] = defaultdict(set)
        for stem in stems:
            for size in range(_HEAD_SIZES[0], _HEAD_SIZES[1] + 1):
                if len(stem) >= size + _TAIL_SIZE:
                    begun[stem[:size]].add(stem)
        #: Each family's tails, by its head.
        self.tails = {
            head: frozenset(stem[len(head) :] for stem in named)
            for head, named in begun.items()
            if len(named) >= _FAMILY_SIZE
        }
        #: The heads before each tail, by the head's length and the tail.
        self.by_tail: defaultdict[tuple[int, str], set[str]] = defaultdict(set)
        for head, tails in self.tails.items():
            for tail in tails:
                self.by_tail[len(head), tail].add(head)

    def names(self, word: str) -> bool:
        """Whether ``word`` (case-folded) is a file's name, or a family's head
        before a tail of its sibling family."""
        if word in self.stems:
            return True
        for size in range(
            _HEAD_SIZES[0], min(_HEAD_SIZES[1], len(word) - _TAIL_SIZE) + 1
        ):
            head, tail = word[:size], word[size:]
            own = self.tails.get(head)
            if own is None:
                continue
            for other in self.by_tail.get((size, tail), ()):
                if other != head and len(own & self.tails[other]) >= _SHARED_TAILS:
                    return True
        return False


#: The lengths of a family's head, the fewest letters of its tail, the
#: fewest names a family has, and the tails two sibling families share.
_HEAD_SIZES = (3, 5)
_TAIL_SIZE = 3
_FAMILY_SIZE = 3
_SHARED_TAILS = 2


def _file_names(paths: Iterable[str]) -> _FileNames:
    """The tree's file names (without their extensions) that are one word."""
    stems = set()
    for path in paths:
        stem = PurePath(path).stem.casefold()
        if len(stem) > _TAIL_SIZE and stem.isalnum():
            stems.add(stem)
    return _FileNames(frozenset(stems))


def _outvoted(
    results: Sequence[FileResult], metas: Mapping[str, RuleMeta]
) -> frozenset[tuple[str, str]]:
    """The (reported, suggested) spellings that fewer of ``results``' files
    report than report the other way round (``LunchBytes`` suggesting
    ``Lunchbytes`` in one newsletter whose page wrote the name mostly in
    lower case, the other way round in three). Files are counted by path:
    each page made its choice on its own."""
    findings = (f for r in results for f in r.findings)
    chosen = _rules_declaring(findings, metas, _page_choice)
    files: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for result in results:
        for finding in result.findings:
            if finding.rule in chosen and finding.suggestions:
                files[_spelling_pair(finding)].add(result.path)
    return frozenset(
        (found, meant)
        for (found, meant), paths in files.items()
        if len(files.get((meant, found), ())) > len(paths)
    )


def _spelling_pair(finding: Finding) -> tuple[str, str]:
    return finding.match, finding.suggestions[0] if finding.suggestions else ""


def _spelling(kind: CheckType) -> bool:
    return kind.SPELLING


def _page_choice(kind: CheckType) -> bool:
    return kind.PAGE_CHOICE


def _rules_declaring(
    findings: Iterable[Finding],
    metas: Mapping[str, RuleMeta],
    declares: Callable[[CheckType], bool],
) -> set[str]:
    """The rules of ``findings`` whose check type ``declares`` it
    (:func:`_spelling`, :func:`_page_choice`; asked only of those rules: a
    warm run's findings come from the cache, and its check types need not
    be imported)."""
    found = {f.rule for f in findings}
    return {
        rule
        for rule in found
        if rule in metas and declares(load_check_type(metas[rule].extends))
    }


def _folded(word: str) -> str:
    return word.replace("’", "'").casefold()


def _slip_of(word: str, meant: set[str]) -> bool:
    """Whether one edit (a letter dropped, added, swapped or mistyped) makes
    ``word`` a word the checks suggested for it, other than dropping its
    first letter: a misspelling of that word (``paramater``, ``ahve``), not
    a coined term, which adds a letter to a word's front (``vschema``, or
    ``cimport`` when every suggestion is a rare word) or is no slip of
    one."""
    if not meant or len(word) < 2:
        return False
    edits = typo_edits.one_edit(word)
    coined = word[1:] if word[0] != word[1] else None  # "tthe" is a slip
    if (
        coined is not None
        and len(coined) >= _COINED_FROM
        and _a_word(coined)
        and not any(_common(m) for m in meant if m != coined)
    ):
        return False  # a letter put before a word: cimport (not comport), vschema
    return any(
        m in edits and m != coined and not _front_swapped(word, m) for m in meant
    )


#: Fewest letters of the word a coined term puts a letter before.
_COINED_FROM = 4


def _daemon(word: str) -> bool:
    """Whether ``word`` is a word with a "d" after it, as Unix names a
    program's daemon (``varnishd``), not a doubled last letter
    ("shouldd")."""
    stem = word[:-1]
    return (
        word.endswith("d")
        and not word.endswith(("ed", "dd"))
        and len(stem) >= _COINED_FROM
        and _a_word(stem)
    )


def _a_word(word: str) -> bool:
    """Whether the English lexicon has ``word`` in lower case."""
    return wordlists.lexicon("en").is_word(word)


#: The lexicon's count of a word common enough for its misspelling to be
#: repeated page after page ("shold", "aways", "wether" are slips of
#: should, always, whether; "cimport" is no slip of the rarer comport).
_COMMON_COUNT = 60


def _common(word: str) -> bool:
    lex = wordlists.lexicon("en")
    return lex.is_word(word) and lex.count(word) >= _COMMON_COUNT


def _front_swapped(word: str, meant: str) -> bool:
    """Whether ``word`` is ``meant`` with another first letter: a coined
    name plays with a word's front (``kourier`` from courier, a project's
    k), where a typist's slip repeated page after page is rarely there."""
    return len(word) == len(meant) > 3 and word[1:] == meant[1:]
