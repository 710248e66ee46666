"""The shared RE2 scan of line and sentence rules, and its fallbacks."""

from __future__ import annotations

import pytest
import yaml
from tests.checks.inline import lint_rule

from copydesk import text_pieces, utf8_count
from copydesk.batch import lint_text
from copydesk.checks import anchor_scan
from copydesk.checks.anchor_scan import AnchorScan, Member, union
from copydesk.checks.existence import SCAN_BUDGET, Existence
from copydesk.document import Document
from copydesk.ruleset import Ruleset, compile_rule, load_ruleset

_LINE_RULE = """
extends: existence
message: "debris '%s'"
line: true
ignorecase: true
tokens: [Share, 'Photo: \\w+']
"""

_SENTENCE_RULE = """
extends: existence
message: "ad '%s'"
between_sentences: true
ignorecase: true
tokens: [Advertisement]
"""


def _scan(*members: Member) -> AnchorScan:
    return AnchorScan(list(members))


def test_places_are_line_and_sentence_starts_where_a_token_may_match() -> None:
    scan = _scan(
        Member("line", True, "Share"), Member("sentence", True, "Advertisement")
    )
    text = "Prices rose.\n  share\nIt fell. Advertisement The end.\nShare it now.\n"
    places = scan.places(Document.plain(text))
    assert places is not None
    assert places.lines == [text.index("  share")]
    assert places.sentences == [text.index("Advertisement")]
    assert places.for_anchor("line") == places.lines
    assert places.for_anchor("sentence") == sorted(places.lines + places.sentences)


def test_a_long_candidate_does_not_hide_a_later_one() -> None:
    """The scan restarts after each place, not after each candidate's end."""
    scan = _scan(
        Member("sentence", True, r"Photo: [^\n]*"),
        Member("sentence", True, "Advertisement"),
    )
    text = "Rain. Photo: Reuters. Advertisement The match went on.\n"
    places = scan.places(Document.plain(text))
    assert places is not None
    assert places.sentences == [text.index("Photo"), text.index("Advertisement")]


def test_offsets_are_code_points_after_non_ascii_text() -> None:
    scan = _scan(Member("line", True, "Teilen"))
    text = "Über die Grenze – schnell.\n\nTeilen\n"
    places = scan.places(Document.plain(text))
    assert places is not None
    assert places.lines == [text.index("Teilen")]


def test_a_case_sensitive_rule_stays_case_sensitive() -> None:
    pattern = union([Member("line", False, "Share")])
    assert "(?-i:Share)" in pattern
    scan = _scan(Member("line", False, "Share"))
    places = scan.places(Document.plain("share\nShare\n"))
    assert places is not None
    assert places.lines == [6]


def test_lone_carriage_returns_and_surrogates_fall_back_to_every_line() -> None:
    scan = _scan(Member("line", True, "Share"))
    assert scan.places(Document.plain("Text.\rShare\r")) is None
    assert scan.places(Document.plain("Text \udc80.\nShare\n")) is None
    assert lint_rule(_LINE_RULE, "Prices rose.\rShare\rThe end.") == [(2, 1, "Share")]
    assert lint_rule(_LINE_RULE, "Prices \udc80 rose.\n\nShare\n") == [(3, 1, "Share")]


def test_windows_line_breaks_are_scanned() -> None:
    text = "Prices rose.\r\n\r\nShare\r\n\r\nPhoto: Reuters\r\n"
    assert lint_rule(_LINE_RULE, text) == [(3, 1, "Share"), (5, 1, "Photo: Reuters")]


def test_a_token_without_a_superset_is_tried_at_every_line() -> None:
    rule = _LINE_RULE.replace("tokens: [Share, 'Photo: \\w+']", r"tokens: ['(\w+) \1']")
    assert lint_rule(rule, "Prices rose.\n\nclick click\n\nnot not here\n") == [
        (3, 1, "click click")
    ]


def test_sentence_rules_find_mid_line_and_line_starts() -> None:
    text = "The bank raised rates. Advertisement Markets fell.\n\nAdvertisement\n"
    assert lint_rule(_SENTENCE_RULE, text) == [
        (1, 24, "Advertisement"),
        (3, 1, "Advertisement"),
    ]


def test_rules_for_the_same_documents_share_scans_run_once_per_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Anchored rules that apply to the same document kinds and languages
    share scans, as many as their RE2 bodies need at ``SCAN_BUDGET`` each;
    a document runs each scan that applies to it once, and never compiles
    the scans of rules for other kinds."""
    rs = load_ruleset()
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], set[int]] = {}
    scans: dict[int, AnchorScan] = {}
    bodies: dict[int, int] = {}
    members: dict[int, int] = {}
    for check in rs.checks:
        if not isinstance(check, Existence) or check.scan.shared is None:
            continue
        key = (tuple(sorted(check.meta.kinds)), tuple(sorted(check.meta.languages)))
        shared = check.scan.shared
        groups.setdefault(key, set()).add(id(shared))
        scans[id(shared)] = shared
        bodies[id(shared)] = bodies.get(id(shared), 0) + len(check.re2_body or "")
        members[id(shared)] = members.get(id(shared), 0) + 1
    # No scan serves two groups; the draft rules need more than one.
    assert sum(len(ids) for ids in groups.values()) == len(scans)
    draft_scans = groups[(("draft",), ())]
    everywhere_scans = groups[((), ())]
    assert len(draft_scans) > 1
    # A scan holds what fits the budget, or one rule that alone does not.
    assert all(bodies[i] <= SCAN_BUDGET or members[i] == 1 for i in scans)

    runs: list[AnchorScan] = []
    real_scan = AnchorScan.scan

    def counted(self: AnchorScan, text: str, data: bytes | None = None) -> object:
        runs.append(self)
        return real_scan(self, text, data)

    monkeypatch.setattr(AnchorScan, "scan", counted)
    page = "# Output\n\nShare\n\nThe cmdlet writes objects. Advertisement here.\n"
    lint_text(page, "page.md", "markdown", rs, kind="docs")
    assert sorted(map(id, runs)) == sorted(everywhere_scans)
    assert not any(scans[i].compiled for i in draft_scans)

    runs.clear()
    text = "Talks resume.\n\nShare\n\nDelegates met. Advertisement The rest.\n"
    found = [(f.line, f.col, f.rule) for f in lint_text(text, "a.txt", "plain", rs)]
    assert sorted(map(id, runs)) == sorted(draft_scans | everywhere_scans)
    assert all(scans[i].compiled for i in draft_scans)
    assert found == [(3, 1, "artifacts.Social"), (5, 16, "artifacts.Ads")]


def test_a_rule_too_big_for_a_scan_slows_only_itself() -> None:
    """A rule past the budget scans in a group of its own; too big for RE2,
    it is tried at every line, and the small rule keeps its scan."""
    small = compile_rule("test.Small", yaml.safe_load(_LINE_RULE), "test/Small.yml")
    tokens = [f"w{i}x{i}y{i}z" for i in range(20_000)]
    big_rule = {**yaml.safe_load(_LINE_RULE), "tokens": tokens}
    big = compile_rule("test.Big", big_rule, "test/Big.yml")
    Existence.link([small, big])
    assert isinstance(small, Existence)
    assert isinstance(big, Existence)
    assert small.scan.shared is not big.scan.shared
    text = "Prices rose.\n\nShare\n\nw7x7y7z\n"
    ruleset = Ruleset([small, big], "test", {})
    found = [(f.line, f.rule) for f in lint_text(text, "a.txt", "plain", ruleset)]
    assert found == [(3, "test.Small"), (5, "test.Big")]
    assert small.scan.shared is not None
    assert small.scan.shared.usable
    assert big.scan.shared is not None
    assert not big.scan.shared.usable
    assert big.scan.own is not None
    assert not big.scan.own.usable  # tried at every line instead


def test_a_line_opening_with_a_sentence_end_keeps_the_sentence_after_it() -> None:
    """At such a line start both branches begin at one byte; the line branch
    wins the search, and the sentence start is looked up on its own."""
    scan = _scan(Member("sentence", True, "…"), Member("sentence", True, "Werbung"))
    text = "Intro.\n… Werbung Der Rest.\n"
    places = scan.places(Document.plain(text))
    assert places is not None
    assert places.lines == [text.index("…")]
    assert places.sentences == [text.index("Werbung")]


def test_a_token_that_can_span_a_blank_line_starts_after_it() -> None:
    rule = _LINE_RULE.replace("tokens: [Share, 'Photo: \\w+']", "tokens: ['\\s*Share']")
    assert lint_rule(rule, "Intro.\n\nShare\n") == [(3, 1, "Share")]


def test_dotted_capital_i_matches_i_as_regex_does() -> None:
    rs = load_ruleset(select=["artifacts.Consent"])
    found = lint_text("The talks ended.\n\nAccept ALL COOKİES\n", "a.txt", "plain", rs)
    assert [(f.line, f.rule) for f in found] == [(3, "artifacts.Consent")]


#: Places at line starts and after sentence ends, a long candidate line,
#: wide characters (two, three and four UTF-8 bytes) before and between.
_PIECES_TEXT = (
    "Über die Grenze – schnell. Advertisement Der Rest.\n"
    "Share\n\n  share 😀 this\nЛьвів. Advertisement Кінець.\n"
    "Photo: Reuters and more words on a long line.\nShare\n"
) * 3


@pytest.mark.parametrize("size", [1, 2, 7, 40, 1_000])
def test_a_large_text_scanned_in_pieces_has_the_places_of_the_whole(
    monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    """A scan whose matches hold no line feed encodes a large text a piece
    at a time, each ending after a line feed; a place at a piece's end is
    the next piece's first line."""
    scan = _scan(
        Member("line", True, "Share"),
        Member("line", True, r"Photo: [^\n]*"),
        Member("sentence", True, "Advertisement"),
    )
    whole = scan.scan(_PIECES_TEXT, _PIECES_TEXT.encode())
    monkeypatch.setattr(anchor_scan, "PIECE", size)
    monkeypatch.setattr(text_pieces, "PIECE", size)
    assert scan.scan(_PIECES_TEXT) == whole
    assert whole is not None
    starts = [0, *(i + 1 for i, c in enumerate(_PIECES_TEXT) if c == "\n")]
    assert whole.lines == [
        i for i in starts if _PIECES_TEXT.startswith(("Share\n", "Photo"), i)
    ]
    assert len(whole.sentences) == 6


def test_a_scan_that_may_match_a_line_feed_reads_the_text_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scan = _scan(Member("line", True, r"Share\s+it"))
    text = "Intro.\nShare\nit\n" * 4
    monkeypatch.setattr(anchor_scan, "PIECE", 3)
    monkeypatch.setattr(text_pieces, "PIECE", 3)
    places = scan.scan(text)
    assert places is not None
    assert places.lines == [i for i in range(len(text)) if text.startswith("Share", i)]


def test_every_shipped_scan_can_be_read_in_pieces() -> None:
    """Else a large file's scan holds the UTF-8 of all its prose again."""
    scans = {
        id(check.scan.shared): check.scan.shared
        for check in load_ruleset().checks
        if isinstance(check, Existence) and check.scan.shared is not None
    }
    assert scans
    assert all(scan._lines_only() for scan in scans.values())


def test_character_offsets_are_counted_a_chunk_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "aé€😀\n" * 50
    data = text.encode()
    offsets = [len(text[:i].encode()) for i in range(0, len(text), 3)]
    monkeypatch.setattr(utf8_count, "CHUNK", 5)
    found = utf8_count.char_offsets(data, offsets[::-1])
    assert found == list(range(0, len(text), 3))[::-1]
