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
unless undoing one typing slip (a doubled or dropped letter, a swap, a
dropped vowel) gives the check's own first suggestion: ``overriden`` and
``targetting`` are the misspellings people do repeat.

The decision needs the whole run, so it is made once the files are linted
(each file's findings stay cacheable on their own). A run over part of a
tree (one file from a pre-commit hook, one shard) sees less spread and so
keeps more findings; a single document (the editor) keeps them all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from copydesk import typo_edits
from copydesk.batch import FileResult
from copydesk.checks import load_check_type
from copydesk.model import RuleMeta

#: Files of one run (by name) a reported word must turn up in to be the
#: tree's term.
MIN_FILES = 3


def drop_project_terms(
    results: Sequence[FileResult], metas: Mapping[str, RuleMeta]
) -> None:
    """Remove from ``results`` the findings of spelling checks (check types
    declaring ``SPELLING``) on words that are the tree's own terms."""
    # Asked only of the rules that found something: a warm run's findings
    # come from the cache, and its check types need not be imported.
    found = {f.rule for result in results for f in result.findings}
    spelling = {
        rule
        for rule in found
        if rule in metas and load_check_type(metas[rule].extends).SPELLING
    }
    files: defaultdict[str, set[str]] = defaultdict(set)
    meant: defaultdict[str, set[str]] = defaultdict(set)
    for result in results:
        for finding in result.findings:
            if finding.rule in spelling:
                word = _folded(finding.match)
                files[word].add(PurePath(result.path).name)
                meant[word].update(map(_folded, finding.suggestions[:1]))
    terms = {
        word
        for word, paths in files.items()
        if len(paths) >= MIN_FILES and not _slip_of(word, meant[word])
    }
    if not terms:
        return
    for result in results:
        result.findings = [
            f
            for f in result.findings
            if f.rule not in spelling or _folded(f.match) not in terms
        ]


def _folded(word: str) -> str:
    return word.replace("’", "'").casefold()


def _slip_of(word: str, meant: set[str]) -> bool:
    """Whether undoing one typing slip in ``word`` gives a word the checks
    suggested for it: a misspelling of that word, not a coined term."""
    return bool(meant) and not meant.isdisjoint(
        typo_edits.one_edit(word, slips_only=True)
    )
