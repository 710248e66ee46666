"""Title and sentence case as Vale's ``capitalization`` rules compute them.

The converter rewrites a heading in the expected case; the rule then counts
how many of the heading's words already agree. Title case (AP or Chicago)
lower-cases small words (and, for Chicago, prepositions) unless they open or
close the text or follow a colon or hyphen; AP capitalises ``to`` unless a
noun follows, which Vale asks a part-of-speech tagger and this module
judges from the next word's shape. Sentence case capitalises the first word
and any word after an indicator (a word ending in ``:`` by default, or a
numbered-list marker). Exceptions are kept as written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

import regex

from copydesk.vale.regex import compile_vale, go_compile

__all__ = ["SentenceConverter", "TitleConverter", "go_title", "to_title"]

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "en",
        "for",
        "if",
        "in",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "vs.",
        "via",
        "v",
        "v.",
    ]
)
PREPOSITIONS = frozenset(
    [
        "with",
        "from",
        "into",
        "during",
        "including",
        "until",
        "against",
        "among",
        "throughout",
        "despite",
        "towards",
        "upon",
        "concerning",
        "about",
        "over",
        "through",
        "before",
        "between",
        "after",
        "since",
        "without",
        "under",
        "within",
        "along",
        "following",
        "across",
        "beyond",
        "around",
        "down",
        "near",
        "above",
    ]
)
#: Words that cannot be nouns after "to" (so "to" starts an infinitive).
_VERB_HINTS = frozenset(
    [
        "be",
        "do",
        "get",
        "go",
        "make",
        "use",
        "run",
        "set",
        "see",
        "add",
        "build",
        "create",
        "write",
        "read",
        "start",
        "stop",
        "install",
        "configure",
        "deploy",
        "manage",
        "find",
        "keep",
        "help",
        "work",
        "move",
        "take",
        "give",
        "show",
        "try",
        "call",
        "change",
        "update",
        "check",
        "test",
        "open",
        "close",
        "save",
        "load",
        "send",
        "learn",
        "know",
        "understand",
        "choose",
        "connect",
        "enable",
        "disable",
        "access",
        "define",
        "apply",
        "avoid",
    ]
)
_SPLIT = compile_vale(r"[\p{N}\p{L}]+[^\s\-/]*")
_SANITIZE = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-"}
    | {"\u2014": "-"}
)
_NUMBER_LIST = compile_vale(r"\d+\.")


def to_title(word: str, strict: bool) -> str:
    """``internal.ToTitle``: title-case the first letter (lower the rest when
    ``strict``)."""
    if not word:
        return word
    rest = word[1:].lower() if strict else word[1:]
    return word[0].title()[:1] + rest if word[0].title() else word


def _in_vocab(vocab: Sequence[str], word: str) -> str:
    for token in vocab:
        if token.casefold() == word.casefold():
            return token
        try:
            if compile_vale(token).search(word):
                return word
        except regex.error:
            continue
    return ""


def _split_prefix(prefix: str, text: str) -> tuple[str, str]:
    if not prefix:
        return "", text
    try:
        found = go_compile(prefix).search(text)
    except regex.error:
        return "", text
    if found is None:
        return "", text
    head = found.group(0)
    return head, text[len(head) :] if text.startswith(head) else text


def _char_at(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else (text[0] if text else "")


def _looks_like_noun(word: str) -> bool:
    lowered = word.lower()
    if lowered in _VERB_HINTS or lowered in SMALL_WORDS or lowered in PREPOSITIONS:
        return False
    return not lowered.endswith(("ing", "ed", "ly"))


class TitleConverter:
    """Rewrites text in AP or Chicago title case."""

    def __init__(self, style: str, vocab: Sequence[str], prefix: str) -> None:
        self.chicago = style == "Chicago"
        self.vocab = sorted(vocab, key=len, reverse=True)
        self.prefix = prefix

    def _lower(self, word: str, following: str, bounding: bool) -> bool:
        if not self.chicago and word == "to" and following:
            return _looks_like_noun(following)
        if bounding:
            return False
        return word in SMALL_WORDS or (self.chicago and word in PREPOSITIONS)

    def convert(self, text: str) -> str:
        head, text = _split_prefix(self.prefix, text)
        sanitized = text.translate(_SANITIZE).replace("\u2026", "...")
        end = len(sanitized)
        matches = list(_SPLIT.finditer(text))
        out: list[str] = []
        last = 0
        idx = 0
        for n, match in enumerate(matches):
            word = match.group(0)
            following = matches[n + 1].group(0) if n + 1 < len(matches) else ""
            lowered = word.lower()
            found = sanitized.find(word, idx)
            pos = found if found >= 0 else idx - 1
            size = len(word)
            idx = pos + size
            out.append(text[last : match.start()])
            last = match.end()
            known = _in_vocab(self.vocab, word)
            if known:
                out.append(known)
                continue
            prev = _char_at(sanitized, pos - 1)
            if (
                self._lower(lowered, following, pos == 0 or idx == end)
                and prev in " -/"
                and _char_at(sanitized, pos - 2) not in ":-"
                and (_char_at(sanitized, pos + size) != "-" or prev == "-")
            ):
                out.append(lowered)
            else:
                out.append(to_title(word, False))
        out.append(text[last:])
        return head + "".join(out)


def default_indicator(suffixes: Sequence[str]) -> Callable[[str, int], bool]:
    """Vale's indicator: a word ending in one of ``suffixes`` (longer than the
    suffix) or a leading ``1.``-style list marker."""

    def indicator(word: str, index: int) -> bool:
        if any(len(word) > len(s) and word.endswith(s) for s in suffixes):
            return True
        return index == 0 and _NUMBER_LIST.search(word) is not None

    return indicator


class SentenceConverter:
    """Rewrites text in sentence case."""

    def __init__(
        self, vocab: Sequence[str], prefix: str, indicator: Callable[[str, int], bool]
    ) -> None:
        self.vocab = sorted(vocab, key=len, reverse=True)
        self.prefix = prefix
        self.indicator = indicator

    def convert(self, text: str) -> str:
        head, text = _split_prefix(self.prefix, text)
        words = r"[\p{N}\p{L}*]+[^\s]*"
        if self.vocab:
            words = r"\b(?:" + "|".join(self.vocab) + r")\b|" + words
        try:
            tokens = [m.group(0) for m in compile_vale("(?i)" + words).finditer(text)]
        except regex.error:
            tokens = [
                m.group(0) for m in compile_vale(r"[\p{N}\p{L}*]+[^\s]*").finditer(text)
            ]
        made: list[str] = []
        for i, token in enumerate(tokens):
            previous = tokens[i - 1] if i > 0 else ""
            known = _in_vocab(self.vocab, token)
            if known:
                made.append(known)
            elif i == 0 or self.indicator(previous, i - 1):
                made.append(to_title(token, True))
            else:
                made.append(token.lower())
        return head + " ".join(made)


def _separator(char: str) -> bool:
    if char.isascii():
        return not (char.isalnum() or char == "_")
    category = unicodedata.category(char)
    if category[0] in "LN":
        return False
    return char.isspace()


def go_title(text: str) -> str:
    """Go's ``strings.Title``: capitalise the first letter of every word,
    words being separated by anything but letters, digits and ``_``."""
    out: list[str] = []
    previous = " "
    for char in text:
        out.append(char.title()[:1] if _separator(previous) else char)
        previous = char
    return "".join(out)
