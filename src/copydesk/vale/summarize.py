"""Readability counts for ``metric`` and ``readability`` rules.

Vale's numbers come from its ``summarize`` package: paragraphs split on blank
lines, sentences by the segmenter, words by a word-boundary pattern, and
syllables by a rule-based counter (vowel groups, corrected by suffix,
prefix and letter-pattern lists, with a table of exceptions). The counter
below applies the same rules; readability formulas are the published ones.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from copydesk.vale.nlp import segment
from copydesk.vale.regex import compile_vale

__all__ = ["Summary", "syllables"]

_WORD = compile_vale(r"(?:[A-Z]\.){2,}|[\p{N}\p{L}']+")

_CORNER_CASES = {
    "abalone": 4,
    "abare": 3,
    "abed": 2,
    "abruzzese": 4,
    "abbruzzese": 4,
    "aborigine": 5,
    "aborigines": 5,
    "acreage": 3,
    "adame": 3,
    "adieu": 2,
    "adobe": 3,
    "anemone": 4,
    "apache": 3,
    "aphrodite": 4,
    "apostrophe": 4,
    "ariadne": 4,
    "cafe": 2,
    "cafes": 2,
    "calliope": 4,
    "catastrophe": 4,
    "chile": 2,
    "chloe": 2,
    "circe": 2,
    "coyote": 3,
    "epitome": 4,
    "facsimile": 4,
    "forever": 3,
    "gethsemane": 4,
    "guacamole": 4,
    "hyperbole": 4,
    "jesse": 2,
    "jukebox": 2,
    "karate": 3,
    "machete": 3,
    "maybe": 2,
    "people": 2,
    "recipe": 3,
    "sesame": 3,
    "shoreline": 2,
    "simile": 3,
    "syncope": 3,
    "tamale": 3,
    "yosemite": 4,
    "daphne": 2,
    "eurydice": 4,
    "euterpe": 3,
    "hermione": 4,
    "penelope": 4,
    "persephone": 4,
    "phoebe": 2,
    "zoe": 2,
}


def _alternation(items: str) -> str:
    return "|".join(items.split())


def _word_groups(*groups: str) -> tuple[list[str], ...]:
    """Affix lists, most syllables first."""
    return tuple(group.split() for group in groups)


_ED_ENDINGS = (
    "b c ch dg f g gh gn k l lch ll lv m mm n nc ng nch nn p r rc rn rs rv s sc sk"
    " sl squ ss th v y z"
)
_ES_ENDINGS = (
    "b ch d f gh gn k l lch ll lv m mm n nch nn p r rn rs rv s sc sk sl squ ss st"
    " t th v y"
)
_E_ENDINGS = (
    "b c ch d dg f g gh gn k l ll lv m mm n nc ng nn p r rc rn rs rv s sc sk sl squ"
    " ss st t th v y z"
)

#: Letter patterns that make one syllable out of two vowel groups.
_MERGE_ONE = re.compile(
    "cia(l|$)|tia|cius|cious|[^aeiou]giu|[aeiouy][^aeiouy]ion|iou|sia$|eous$"
    "|[oa]gue$|.[^aeiuoycgltdb]{2,}ed$|.ely$|^jua|uai|eau|^busi$"
    f"|([aeiouy]({_alternation(_ED_ENDINGS)})ed$)"
    f"|([aeiouy]({_alternation(_ES_ENDINGS)})es$)"
)
_MERGE_TWO = re.compile(f"[aeiouy]({_alternation(_E_ENDINGS)})e$")
#: Letter patterns that split one vowel group into two syllables.
_SPLIT = (
    re.compile(
        "(?:[^aeiouy]ie(r|st|t)|[aeiouym]bl|eo|ism|asm|thm|dnt|uity|dea|gean|oa"
        "|ua|eings?|[aeiouy]sh?e[rsd])$"
    ),
    re.compile("[^gq]ua[^auieo]|[aeiou]{3}|^(ia|mc|coa[dglx].)"),
    re.compile(
        "[^aeiou]y[ae]|[^l]lien|riet|dien|iu|io|ii|uen|real|iell|eo[^aeiou]"
        "|[aeiou]y[aeiou]"
    ),
    re.compile("[^s]ia"),
)
_VOWELS = re.compile("[aeiouy]+")
_PREFIXES = _word_groups(
    "above anti ante counter hyper afore agri infra intra inter over semi ultra"
    " under extra dia micro mega kilo pico nano macro",
    "un fore ware none non out post sub pre pro dis side",
)
_SUFFIXES = _word_groups(
    "ology ologist onomy onomist",
    "fully berry woman women",
    "ly less some ful er ers ness cian cians ment ments ette ettes ville villes"
    " ships ship side sides port ports shire shires tion tioned",
)


def _strip_affix(
    word: str, groups: tuple[list[str], ...], prefix: bool
) -> tuple[str, int]:
    """Remove the first listed affix found; groups earlier in the list count
    for more syllables."""
    for i, group in enumerate(groups):
        for affix in group:
            if prefix and word.startswith(affix):
                return word[len(affix) :], len(groups) - i
            if not prefix and word.endswith(affix):
                return word[: -len(affix)], len(groups) - i
    return word, 0


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """How many syllables ``word`` has, by Vale's rules."""
    if len(word) < 1:
        return 0
    if len(word) < 3:
        return 1
    word = word.lower()
    if word in _CORNER_CASES:
        return _CORNER_CASES[word]
    word, count = _strip_affix(word, _PREFIXES, prefix=True)
    word, extra = _strip_affix(word, _SUFFIXES, prefix=False)
    count += extra
    count += len(_VOWELS.findall(word))
    count -= len(_MERGE_ONE.findall(word))
    count -= len(_MERGE_TWO.findall(word))
    count += sum(len(p.findall(word)) for p in _SPLIT)
    return max(count, 1)


def _complex(word: str, count: int) -> bool:
    if word.endswith(("es", "ed", "ing")):
        count -= 1
    return count > 2


@dataclass(slots=True)
class Summary:
    """Counts over a text, as Vale's summarize package makes them."""

    characters: float = 0.0
    complex_words: float = 0.0
    paragraphs: float = 0.0
    polysyllabic_words: float = 0.0
    sentences: float = 0.0
    syllables: float = 0.0
    words: float = 0.0
    long_words: float = 0.0

    @classmethod
    @functools.lru_cache(maxsize=8)
    def of(cls, text: str) -> Summary:
        summary = cls()
        for paragraph in text.split("\n\n"):
            for sentence in segment(paragraph):
                summary.sentences += 1
                for match in _WORD.finditer(sentence):
                    summary.add_word(match.group(0).strip())
            summary.paragraphs += 1
        return summary

    def add_word(self, word: str) -> None:
        if not word:
            return
        self.characters += sum(1 for c in word if c.isalpha() or c.isnumeric())
        if len(word.encode("utf-8")) > 6:
            self.long_words += 1
        count = syllables(word)
        self.syllables += count
        if count > 2:
            self.polysyllabic_words += 1
        if _complex(word, count):
            self.complex_words += 1
        self.words += 1

    def grade(self, metric: str) -> float:
        """One of Vale's readability grades (NaN-safe as Go: may be inf/nan)."""
        words, sentences = self.words, self.sentences
        if metric == "Flesch-Kincaid":
            return (
                _div(0.39 * words, sentences)
                + _div(11.8 * self.syllables, words)
                - 15.59
            )
        if metric == "Gunning Fog":
            return 0.4 * (
                _div(words, sentences) + 100.0 * _div(self.complex_words, words)
            )
        if metric == "SMOG":
            return (
                1.0430 * math.sqrt(_div(self.polysyllabic_words * 30.0, sentences))
                + 3.1291
            )
        if metric == "Automated Readability":
            return (
                4.71 * _div(self.characters, words)
                + 0.5 * _div(words, sentences)
                - 21.43
            )
        if metric == "Coleman-Liau":
            return (
                0.0588 * _div(self.characters, words) * 100
                - 0.296 * _div(sentences, words) * 100
                - 15.8
            )
        return 0.0


def _div(a: float, b: float) -> float:
    if b == 0:
        return math.nan if a == 0 else math.copysign(math.inf, a)
    return a / b
