"""RE2 supersets of regex patterns: never narrower than the original."""

from __future__ import annotations

import pytest
import re2
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.checks.anchor_scan import AnchorScan
from copydesk.re2_superset import compile_scanner, superset
from copydesk.ruleset import load_ruleset


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("Share", "Share"),
        (r"(?=[ \t]*\n)x", "x"),
        (r"(?<![\w])Share(?!\w)", "Share"),
        ("a++b*+c?+", "a+b*c?"),
        ("d{2,5}+e{0,9}?f{1,3}g{7}", "d{2,}e*?f+g+"),
        ("(?>ab|c)(?P<name>d)", "(?:ab|c)(?:d)"),
        (r"\bword\b\K", "word"),
        (r"\u2019\x41\Z", r"\x{2019}\x41\z"),
        (r"[\b]", r"[\x{130}\x{131}\x08]"),
        (r"\p{Lu}", r"[A-Z\x{80}-\x{10FFFF}]"),
        (r"(?-i:[\p{Lu}])", r"(?-i:[A-Z\x{80}-\x{10FFFF}])"),
        ("a{,3}", "a*"),
        ("Kiosk", "K[iIİı]osk"),  # ignoring case, regex takes İ and ı for i
        ("[a-z]", r"[\x{130}\x{131}a-z]"),
        ("['’-]", r"[\x{130}\x{131}'’-]"),
        ("[]a]", r"[]\x{130}\x{131}a]"),
        ("[-a]", r"[-\x{130}\x{131}a]"),
        (r"x\b{2}(?=y)+", "x"),  # a repeated zero-width item stays zero-width
        (r"\P{L}", r"[\x{0}-\x{10FFFF}]"),
    ],
)
def test_translation(pattern: str, expected: str) -> None:
    assert superset(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(\w+) \1",  # a backreference
        r"[^\w]",  # the complement of a widened class would be narrower
        r"[^\p{L}]",
        "(?i)share",  # a global flag
        "(?s)a.b",
        "{name}",  # a literal brace
        r"\N{BULLET}",
        "[[:alpha:]]",
        "a)",
        "(a",
    ],
)
def test_constructs_without_a_safe_superset(pattern: str) -> None:
    assert superset(pattern) is None


def test_every_shipped_line_and_sentence_rule_has_a_superset() -> None:
    rs = load_ruleset()
    anchored = [c for c in rs.checks if getattr(c, "anchor", "")]
    assert len(anchored) >= 10
    for check in anchored:
        assert check.re2_body is not None, check.meta.id  # type: ignore[attr-defined]
        # Each compiles alone, and all of them together: an RE2 refusal would
        # quietly send every line to the slow path.
        alone = AnchorScan([check.scan_member()])  # type: ignore[attr-defined]
        assert alone.usable, check.meta.id
    # The rules for the same kinds and languages (the draft-only artifacts
    # rules, and the rules for every document) share scans, each usable.
    shared = {id(c.scan.shared): c.scan.shared for c in anchored}  # type: ignore[attr-defined]
    groups = {(c.meta.kinds, c.meta.languages) for c in anchored}
    assert len(groups) == 2
    assert len(groups) <= len(shared) < len(anchored)
    assert all(scan is not None and scan.usable for scan in shared.values())


def test_a_program_too_big_for_the_dfa_is_refused() -> None:
    assert compile_scanner("[^\n]{0,5}Share", ignorecase=True) is not None
    huge = "|".join(f"w{i}x{i}y{i}z" for i in range(20_000))
    assert compile_scanner(huge, ignorecase=True) is None


#: Pattern pieces, each with characters it (or a neighbour) may match, so
#: that generated texts often match: Unicode digits, letters and spaces,
#: case pairs outside ASCII, and characters RE2 folds specially.
_PIECES = {
    "a": "aA",
    "é": "éÉ",
    "ß": "ßẞ",
    "K": "Kk\u212a",
    " ": " \u00a0",
    "-": "-",
    r"\d": "1\u0663",
    r"\w": "a\u00e9_\u0663",
    r"\s": " \u00a0\u2003\n",
    r"\W": "-’",
    r"\S": "x\u00a0",
    ".": "a\n",
    r"[a-c\d]": "b\u0663",
    r"[^\n:]": "x:",
    r"\p{L}": "a\u00e9\u0436",
    r"\p{Lu}": "A\u00c9\u0416",
    r"[\p{Ll}\p{N}’]": "a\u2163’",
    r"\b": "",
    r"(?=a)": "a",
    r"(?!b)": "b",
    r"(?<=\s)": " ",
    r"(?<!a)": "a",
    "i": "iIİı",
    "[a-z]": "zİı",
    "[-a]": "-aİ",
    "['’-]": "'’-ı",
    r"\p{Lt}": "ǅaZ",
    r"\P{L}": "1 a\u0295",
    r"\b{2}": "",
    r"(?=a)+": "a",
}
_QUANTIFIERS = ["", "*", "+", "?", "*+", "++", "?+", "{2,3}", "{0,2}", "*?", "{2}"]


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, str]:
    """A pattern and a text built from characters its pieces match."""
    parts: list[str] = []
    chars: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        piece = draw(st.sampled_from(sorted(_PIECES)))
        alphabet = _PIECES[piece]
        if draw(st.booleans()):
            other = draw(st.sampled_from(sorted(_PIECES)))
            opener = draw(st.sampled_from(["(?:", "(?>", "(", "(?i:", "(?-i:"]))
            alphabet += _PIECES[other]
            piece = f"{opener}{piece}|{other})"
        if not piece.endswith(("}", "+")):
            piece += draw(st.sampled_from(_QUANTIFIERS))
        parts.append(piece)
        if alphabet:
            chars.extend(draw(st.lists(st.sampled_from(alphabet), max_size=3)))
    noise = draw(st.lists(st.sampled_from("x \n"), max_size=2))
    return "".join(parts), "".join(noise + chars)


@settings(max_examples=400, deadline=None)
@given(case=_cases(), ignorecase=st.booleans())
def test_the_superset_matches_wherever_the_pattern_does(
    case: tuple[str, str], ignorecase: bool
) -> None:
    pattern, text = case
    flags = regex.VERSION0 | regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    original = regex.compile(pattern, flags)
    wide = superset(pattern)
    if wide is None:
        return
    options = re2.Options()
    options.case_sensitive = not ignorecase
    scanner = re2.compile(f"(?m){wide}", options)
    for pos in range(len(text) + 1):
        if original.match(text, pos) is not None:
            assert scanner.match(text, pos) is not None, (pattern, wide, text, pos)
