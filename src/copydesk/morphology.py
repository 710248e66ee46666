"""Is an unknown word built from known ones? Affixes and compounds.

No word list holds every ``underserved``, ``rehydrated``, ``executables``,
``breakpoint`` or ``hotfixes`` that real documents use, and each is one
edit from some other word. A word that a productive prefix, suffix or a
join of two known words explains was written on purpose, so the lexicon
checks leave it alone. The rules are loose where English is regular and
strict where a slip hides (the spelling changes at affix boundaries are
approximated: a silent ``e`` dropped before a suffix that begins with a
vowel, never before ``-ly`` or ``-ment``; a final consonant doubled in a
stem of two syllables or fewer; ``y`` → ``i``; a ``-ble`` word's ``-bility``):
a misspelling they explain by accident costs recall, and an explanation
they refuse (``immensly``, ``catalogged``) is a finding the lexicon's
other guards still judge.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from copydesk.typo_edits import VOWELS

Known = Callable[[str], bool]


def _words(text: str) -> list[str]:
    return text.split()


PREFIXES = tuple(
    sorted(
        _words(
            "anti auto back bi bio co counter cross cyber de dis down eco extra "
            "fore geo hyper in infra inter intra macro mega meta micro mid mini "
            "mis mono multi neo non out over para poly post pre pro proto "
            "pseudo re self semi sub super tele trans tri ultra un under up"
        ),
        key=len,
        reverse=True,
    )
)
SUFFIXES = tuple(
    sorted(
        _words(
            "s es ed d ing ings er ers or ors est ly ally ness able ables ible "
            "ity ities ize izes ized izing ization izations ise ises ised ising "
            "isation isations less ful ment ments al als ally ive ives ism isms "
            "ist ists ee ees ship ships wise like y ic ics ical ory ance ances "
            "ence ences ant ants ent ents age ages ify ified ifies"
        ),
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 3
#: Suffixes no noun in -er takes.
_NO_AGENT_SUFFIXES = frozenset({"al", "als", "ally", "ic", "ics", "ical"})
#: Suffixes before which a word in consonant + "le" becomes "-il-".
_ILITY = frozenset({"ity", "ities"})
_MIN_PART = 3
#: The shortest stem a suffix leaves that another suffix may have built:
#: two suffixes on a short stem explain a slip by accident (intializes:
#: inti + al + izes); a prefix may still have built it (renicing).
_BUILT_STEM = 7


def stems(word: str, suffix: str) -> list[str]:
    """Stems that ``word`` minus ``suffix`` may come from (spelling changes undone)."""
    stem = word[: -len(suffix)]
    if len(stem) < _MIN_STEM:
        return []
    if suffix in _NO_AGENT_SUFFIXES and stem.endswith("er"):
        # -al and -ic make adjectives of Latin and Greek nouns (tonal,
        # doctoral, heroic), never of an English noun in -er: "serveral" is
        # a slip of several, "numberical" of numerical.
        return []
    # A silent e (after a consonant) drops before a suffix in e or i:
    # "changeing", "useing" and "hopeed" are slips, whatever "change" is;
    # "agreeing", "canoeing" and "dyeing" keep theirs, and the forms that
    # keep it by custom ("ageing", "bingeing") are in the lexicon.
    silent_e = stem[-1] == "e" and stem[-2] not in VOWELS  # not agree's, dye's
    found = [] if silent_e and suffix[0] in "ei" else [stem]
    if (
        suffix[0] in VOWELS
        and not stem.endswith("e")
        and not (suffix in _ILITY and stem.endswith("l") and stem[-2:-1] not in VOWELS)
    ):
        # A silent e goes before a vowel only (hoping, usable; immensely,
        # movement keep it), and a -ble or -ple word takes -ility
        # (flexibility): "immensly" and "flexiblity" are slips, not forms.
        found.append(stem + "e")
    if len(stem) > _MIN_STEM and stem[-1] == stem[-2] and _syllables(stem) <= 2:
        # globbing -> glob, committed -> commit: a final consonant doubles
        # after a stressed short vowel, which a word of three syllables or
        # more does not end in ("catalogged" is a slip).
        found.append(stem[:-1])
    if stem.endswith("i"):
        found.append(stem[:-1] + "y")  # dutiful -> duty
    if (
        suffix.startswith("i")
        and not suffix.startswith("ing")
        and not stem.endswith("l")
    ):
        # strategize -> strategy; an adverb in -ly takes no suffix
        # (flexiblity is no form of flexibly), and -ing keeps a y (studying:
        # "changeing" is no form of "changey").
        found.append(stem + "y")
    return found


def _syllables(word: str) -> int:
    """The runs of vowels in ``word``: about its syllables."""
    return len(_VOWEL_RUNS.findall(word))


_VOWEL_RUNS = re.compile("[aeiouy]+")


def derived(word: str, common: Known, depth: int = 2) -> bool:
    """``word`` is a common word with affixes, or two common words joined.

    ``common`` should accept only words of some frequency: a list of 137,000
    words holds enough rare ones (``vic``, ``troy``) to explain any typo.
    """
    return affixed(word, common, depth) or compound(word, common)


def affixed(word: str, common: Known, depth: int = 2) -> bool:
    """``word`` is a common word with affixes (``updateable``: update +
    able), not counting two words joined: ``_bases`` finds one (and stops)."""
    return next(_bases(word, common, depth), None) is not None


def _bases(
    word: str, common: Known, depth: int, *, suffixed: bool = True, nested: bool = False
) -> Iterator[str]:
    """The common words affixes build ``word`` from, one per way found, in
    the search's order; ``suffixed`` False when ``word`` is what a suffix
    left of a short word, which another suffix did not build; ``nested``
    when an affix was taken off already, so a base of three letters is too
    short to be meant (re + pet + ed, de + pen + ent, in + cud + ing are
    slips). Lazy: ``affixed`` asks for the first, ``support`` weighs all."""
    if depth <= 0:
        return

    def base(stem: str) -> bool:
        return common(stem) and (not nested or len(stem) > _MIN_STEM)

    for suffix in SUFFIXES if suffixed else ():
        if word.endswith(suffix) and len(word) > len(suffix) + _MIN_STEM - 1:
            if suffix == "d" and not word.endswith("ed"):
                continue
            if suffix == "s" and word.endswith("ss"):
                continue  # a plural's plural (resourcess) is a slip
            for stem in stems(word, suffix):
                if base(stem):
                    yield stem
                yield from _bases(
                    stem,
                    common,
                    depth - 1,
                    suffixed=len(stem) >= _BUILT_STEM,
                    nested=True,
                )
    for prefix in PREFIXES:
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) >= _MIN_STEM:
            if base(rest):
                yield rest
            yield from _bases(rest, common, depth - 1, nested=True)


Count = Callable[[str], int]


def support(word: str, common: Known, count: Count, depth: int = 2) -> int | None:
    """How well the likeliest derivation of ``word`` is attested: over every
    way ``derived`` explains it, the largest count of its least frequent
    part (the base an affix was put on, or the rarer half of a compound);
    None when nothing explains it.

    A derivation is only as believable as the words it is built from: a
    writer who means "report" and types "resport" made no "re" + "sport",
    nor one who means "thoughout"'s "throughout" a "though" + "out" of
    one part far rarer than the word the slip is of. Every explanation is
    weighed, not the first found, since a word may be built two ways
    ("hap" + "pending", "happen" + "ding")."""
    weights = [count(stem) for stem in _bases(word, common, depth)]
    weights.extend(
        min(count(head), count(tail)) for head, tail in _halves(word, common)
    )
    return max(weights, default=None)


def compound(word: str, common: Known, least: int = _MIN_PART) -> bool:
    """Two common words of ``least`` letters or more (three unless told),
    joined (``breakpoint``)."""
    return next(_halves(word, common, least), None) is not None


def _halves(
    word: str, common: Known, least: int = _MIN_PART
) -> Iterator[tuple[str, str]]:
    """Each split of ``word`` into two common words of ``least`` letters or
    more, first split first."""
    for i in range(least, len(word) - least + 1):
        head, tail = word[:i], word[i:]
        if common(head) and common(tail):
            yield head, tail
