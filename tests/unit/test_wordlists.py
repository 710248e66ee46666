"""wordlists: the prepared English lexicon is the list it is built from."""

from __future__ import annotations

import collections

import pytest

from copydesk import wordlists


def test_the_shipped_prepared_file_matches_a_rebuild_from_the_list() -> None:
    # Regenerate with: python -m copydesk.wordlists
    rebuilt = wordlists.prepare(wordlists.read_source())
    assert wordlists.PREPARED.read_text(encoding="utf-8") == rebuilt


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


def test_the_english_lexicon_agrees_with_its_list_spelling_by_spelling() -> None:
    lex = wordlists.lexicon("en")
    listed: dict[str, list[list[str]]] = collections.defaultdict(list)
    for line in wordlists.read_source().splitlines():
        listed[line.split("\t")[0].casefold()].append(line.split("\t"))
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


def test_a_file_of_another_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="not a prepared lexicon"):
        wordlists.load_prepared("Nice\t78\nthe\t104\n")
