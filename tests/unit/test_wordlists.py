"""wordlists: the prepared English lexicon is the list it is built from."""

from __future__ import annotations

import collections

import pytest

from copydesk import patterns, wordlists
from copydesk.ruleset import load_ruleset


def test_the_shipped_prepared_file_matches_a_rebuild_from_the_list() -> None:
    # Regenerate with: python -m copydesk.wordlists
    rebuilt = wordlists.prepare(wordlists.read_source())
    assert wordlists.PREPARED.read_bytes() == rebuilt


def test_words_names_and_counts_are_split_and_folded_as_listed() -> None:
    source = "Nice\t78\nParis\t77\nPARIS\t20\ncmdlet\nnice\t70\nthe\t104\n"
    lex = wordlists.load_prepared(wordlists.prepare(source))
    assert dict(lex.words) == {"cmdlet": 0, "nice": 78, "the": 104}
    # The first spelling listed names the folded form; lower-case words
    # that are also capitalised ("nice") are both.
    assert dict(lex.names) == {"nice": "Nice", "paris": "Paris"}
    assert lex.count("paris") == 77  # the largest count of its spellings
    assert lex.count("nice") == 78
    assert lex.count("cmdlet") == 0
    assert lex.knows("paris")
    assert lex.knows("cmdlet")
    assert not lex.knows("Paris")  # callers ask with folded forms
    assert not lex.knows("")
    assert lex.count("absent") == 0


def _listed() -> dict[str, list[list[str]]]:
    listed: dict[str, list[list[str]]] = collections.defaultdict(list)
    for line in wordlists.read_source().splitlines():
        listed[line.split("\t")[0].casefold()].append(line.split("\t"))
    return listed


def test_the_english_lexicon_agrees_with_its_list_spelling_by_spelling() -> None:
    lex = wordlists.lexicon("en")
    listed = _listed()
    for folded, spellings in listed.items():
        assert lex.knows(folded), folded
        assert (folded in lex.words) == any(s[0] == folded for s in spellings)
        capitalised = [s[0] for s in spellings if s[0] != folded]
        assert lex.names.get(folded) == (capitalised[0] if capitalised else None)
        counts = [int(s[1]) for s in spellings if len(s) > 1]
        assert lex.count(folded) == max(counts, default=0), folded
    assert len(lex.words) + len(lex.names.keys() - lex.words.keys()) == len(listed)
    assert lex.names["aachen"] == "Aachen"
    assert lex.count("aachen") == 59


def _answers(lex: wordlists.Lexicon, word: str) -> tuple[bool, int, bool, str | None]:
    return lex.knows(word), lex.count(word), word in lex.words, lex.names.get(word)


def test_bucket_by_bucket_answers_are_the_whole_lexicons() -> None:
    data = wordlists.PREPARED.read_bytes()
    whole = wordlists.load_prepared(data)
    whole.load_whole()
    # Never decoded whole: every answer comes from the word's own bucket.
    lazy = wordlists.load_prepared(data, whole_share=2.0)
    words = sorted(_listed())
    # Non-words: prefixes and slips of words (mostly in the words' buckets),
    # case, apostrophes, white space, a lone surrogate, and the empty string.
    others = ["", " ", "\n", "\ud800", "the\n", "Paris", "paris's", "ﬁle", "ß"]
    others += [w[:-1] for w in words[::7]] + [w + "q" for w in words[::5]]
    others += [w[1:] + w[0] for w in words[::11]]
    for word in words + others:
        assert _answers(lazy, word) == _answers(whole, word), word
    assert lazy.decoded == whole.decoded == len(words)


def test_a_page_of_words_decodes_a_small_share_and_many_decode_the_whole() -> None:
    lex = wordlists.load_prepared(wordlists.PREPARED.read_bytes())
    page = "extending output objects with properties and methods in powershell"
    assert all(lex.knows(w) for w in page.split()[:-1])
    assert not lex.knows("powershell")
    assert lex.decoded < 2_000
    words = sorted(_listed())
    for word in words[::50]:  # words spread over most buckets
        lex.knows(word)
    assert lex.decoded == len(words)  # a quarter decoded: the rest at once


def test_a_parallel_run_decodes_the_lexicon_before_its_workers_fork() -> None:
    load_ruleset(select=["typos.Unknown"])
    wordlists.lexicon.cache_clear()
    load_ruleset(select=["typos.Unknown"])
    lex = wordlists.lexicon("en")
    assert lex.decoded < 2_000
    patterns.compile_before_fork()
    assert lex.decoded == len(_listed())


def test_a_file_of_another_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="not a prepared lexicon"):
        wordlists.load_prepared(b"Nice\t78\nthe\t104\n")
    data = wordlists.PREPARED.read_bytes()
    with pytest.raises(ValueError, match="wrong length"):
        wordlists.load_prepared(data[:-1])


def test_a_lexicon_is_read_once_per_process() -> None:
    """Every check of every document asks for it: read again each time, a
    tree of 141 pages took four times as long."""
    assert wordlists.lexicon("en") is wordlists.lexicon("en")
    assert wordlists.whole_loader("en") is wordlists.whole_loader("en")
