"""Document kinds: a plain-text draft versus an authored page.

Web-debris rules judge a line by the document it is in: pasted into a draft,
"Further reading" is a link box; on an authored Markdown page it is a heading.
"""

from __future__ import annotations

import contextlib
import io
import json
import textwrap
from pathlib import Path

import pytest

from copydesk import cli
from copydesk.batch import lint_text
from copydesk.document import Document, default_kind, hard_wrapped
from copydesk.errors import RuleError
from copydesk.ruleset import load_ruleset

#: A harbour story as an editor pastes it from the web: debris lines and all.
DRAFT = """\
Harbour crane contract goes to local firm

The port authority awarded the crane contract to a family firm from the old
docks on Tuesday, ending a tender that had dragged on for two years.

Further reading

Learn more

• Comments

The first crane is due in the spring, the authority said.
"""

#: The same words as an authored Markdown page uses them: its own structure.
PAGE = """\
# Crane maintenance

Check the hoist brake before every shift and log the result.

## Further reading

- [Hoist brake inspection](https://example.com/brakes)
- [Wire rope care](https://example.com/rope)

## Learn more

Ask the shift lead for the current checklist.

## Feedback

- Comments
- Corrections
- Questions about a procedure

| Channel | Use |
|---|---|
| Email | Questions |

**Share**

[Share](https://example.com/share)

Related topics:

- Recommended: Lubricate the slewing ring every month.
"""


def _artifacts(text: str, path: str, fmt: str) -> list[tuple[int, int, str]]:
    rs = load_ruleset(select=["artifacts"])
    return [(f.line, f.col, f.rule) for f in lint_text(text, path, fmt, rs)]


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


def test_format_decides_the_kind_by_default() -> None:
    assert Document.plain("x").kind == "draft"
    doc = Document("a.md", "x", "x", format="markdown")
    assert doc.kind == "authored"
    assert Document("a.md", "x", "x", format="markdown", kind="draft").kind == "draft"


#: A crane operator's manual kept as a text file in a repository: written in
#: an editor at 72 columns, with one-word headings that name commands.
MANUAL = """\
CRANE CONTROL CONSOLE - OPERATOR NOTES
======================================

The console accepts a small set of commands typed at the prompt. Each
command acts on the crane selected with the dial, and the console echoes
the command before it runs it, so that the operator can read it back to
the signaller on the quay.

search
    Lists the cranes on the quay that answer the console, with their
    berth numbers and the time of their last brake test.

accept
    Takes the lift plan the signaller sent and loads it into the crane's
    controller. A plan that names a load above the crane's rating is
    refused, and the console says which line of the plan was wrong.

Comments
    Lines that start with a hash sign are ignored by the console, so that
    a lift plan can carry notes for the next shift.
"""


def test_plain_text_is_a_draft_unless_hard_wrapped() -> None:
    assert hard_wrapped(MANUAL)
    assert Document.plain(MANUAL).kind == "authored"
    assert default_kind("plain", MANUAL) == "authored"
    assert not hard_wrapped(DRAFT)  # one wrapped line: an editor's own break
    assert Document.plain(DRAFT).kind == "draft"
    # The same manual with a paragraph to a line, as a web page pastes it.
    pasted = "\n\n".join(
        " ".join(line.strip() for line in block.splitlines())
        for block in MANUAL.split("\n\n")
    )
    assert not hard_wrapped(pasted)
    assert Document.plain(pasted).kind == "draft"


#: A notice in a licence file's manner (the board's own words).
NOTICE = (
    "The harbour board grants every member the use of the crane manuals "
    "listed here, on the condition that each copy keeps this notice and "
    "that changes made to a manual are marked as such in its margin, so "
    "that a reader always knows which pages the board itself approved "
    "and which ones came from somebody else. The board may withdraw the "
    "grant from a member who sells the manuals, or who removes the notice "
    "from them, after a warning in writing and a month in which to mend "
    "the fault, and it keeps a list of the members warned in this way."
)


def test_text_wrapped_at_120_columns_is_authored_too() -> None:
    lines = textwrap.wrap(NOTICE, 120)  # as some licence files are
    assert max(map(len, lines)) > 100
    assert Document.plain("\n".join(lines) + "\n").kind == "authored"
    assert Document.plain(NOTICE + "\n").kind == "draft"


def test_wrapping_is_read_in_any_script_and_any_line_break() -> None:
    russian = textwrap.wrap(
        "Совет порта разрешает каждому члену пользоваться руководствами по "
        "кранам при условии, что каждая копия сохраняет это уведомление и что "
        "изменения в руководстве отмечены на полях, чтобы читатель всегда "
        "знал, какие страницы утвердил сам совет, а какие пришли от других.",
        60,
    )
    assert Document.plain("\n".join(russian) + "\n").kind == "authored"
    wrapped = textwrap.wrap(NOTICE, 72)
    for newline in ("\r\n", "\r"):
        assert hard_wrapped(newline.join(wrapped) + newline)


def test_a_hard_wrapped_text_file_s_headings_are_not_debris() -> None:
    assert _artifacts(MANUAL, "console.txt", "plain") == []
    # Read as a draft, its command headings were link boxes and buttons.
    rs = load_ruleset(select=["artifacts"])
    as_draft = lint_text(MANUAL, "console.txt", "plain", rs, kind="draft")
    assert [(f.line, f.col, f.rule) for f in as_draft] == [
        (9, 1, "artifacts.Navigation"),
        (13, 1, "artifacts.Consent"),
        (18, 1, "artifacts.Comments"),
    ]


def test_a_configured_kind_wins_over_the_wrapping(tmp_path: Path) -> None:
    (tmp_path / "console.txt").write_text(MANUAL, encoding="utf-8")
    config = 'packs = ["artifacts"]\nkind-for = {"*.txt" = "draft"}\n'
    (tmp_path / ".copydesk.toml").write_text(config, encoding="utf-8")
    _, out, _ = _run(
        ["check", "--no-cache", "--format", "json", str(tmp_path / "console.txt")]
    )
    assert [(f["line"], f["rule"]) for f in json.loads(out)] == [
        (9, "artifacts.Navigation"),
        (13, "artifacts.Consent"),
        (18, "artifacts.Comments"),
    ]


def test_debris_lines_in_a_draft_are_found() -> None:
    # "Further reading" heads "Learn more" (lines 6-8): one block, whose
    # second line the rule does not report again.
    assert _artifacts(DRAFT, "story.txt", "plain") == [
        (6, 1, "artifacts.Related"),
        (10, 1, "artifacts.Comments"),
    ]


def test_an_authored_page_s_own_structure_is_not_debris() -> None:
    assert _artifacts(PAGE, "crane.md", "markdown") == []


def test_a_bare_share_line_in_an_authored_page_is_still_debris() -> None:
    text = "# Crane maintenance\n\nCheck the brake.\n\nShare\n\nLog the result.\n"
    assert _artifacts(text, "crane.md", "markdown") == [(5, 1, "artifacts.Social")]


def test_an_authored_line_with_markup_in_it_is_the_page_s_own() -> None:
    text = (
        "# Crane maintenance\n\nCheck the brake.\n\n"
        "Related: [The port's notice on cranes](https://example.gov/notice/)\n\n"
        "Read more: the *winter* checklist\n\n"
        "Read more: Why the harbour cranes were late\n"
    )
    assert _artifacts(text, "crane.md", "markdown") == [(9, 1, "artifacts.Related")]


def test_a_link_or_button_wrapped_round_the_line_is_the_page_s_own() -> None:
    text = (
        "<p>The crane arrived.</p>\n\n"
        '<a class="button" href="/cranes/">\nLearn more\n</a>\n\n'
        "<p>\nLearn more\n</p>\n"
    )
    assert _artifacts(text, "crane.html", "html") == [(8, 1, "artifacts.Related")]


def test_draft_only_rules_are_skipped_on_authored_pages() -> None:
    text = "The crane arrived.\n\nComments\n\nIt was unloaded at night.\n"
    assert _artifacts(text, "story.txt", "plain") == [(3, 1, "artifacts.Comments")]
    assert _artifacts(text, "story.md", "markdown") == []


def _tree(tmp_path: Path, config: str) -> Path:
    (tmp_path / ".copydesk.toml").write_text(config, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "crane.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "crane.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _findings(out: str) -> list[tuple[str, int, int, str]]:
    return sorted(
        (Path(f["path"]).as_posix(), f["line"], f["column"], f["rule"])
        for f in json.loads(out)
    )


def test_config_kind_for_makes_markdown_a_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(
        tmp_path, 'packs = ["artifacts"]\nkind-for = {"drafts/*.md" = "draft"}\n'
    )
    monkeypatch.chdir(root)
    code, out, _ = _run(["check", "--no-cache", "--format", "json", "."])
    assert code == 1
    # Each "Further reading" block takes its "Learn more" line (6-8).
    assert _findings(out) == [
        ("crane.md", 6, 1, "artifacts.Related"),
        ("drafts/crane.md", 6, 1, "artifacts.Related"),
        ("drafts/crane.md", 10, 1, "artifacts.Comments"),
    ]


def test_cli_kind_for_and_the_cache_keep_kinds_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path, 'packs = ["artifacts"]\n')
    monkeypatch.chdir(root)
    cache = ["--cache-dir", str(tmp_path / "cache"), "--format", "json"]
    for _ in range(2):  # cold, then answered from the cache
        _, out, _ = _run(["check", *cache, "."])
        assert ("drafts/crane.md", 10, 1, "artifacts.Comments") not in _findings(out)
        _, out, _ = _run(["check", *cache, "--kind-for", "drafts/*=draft", "."])
        assert ("drafts/crane.md", 10, 1, "artifacts.Comments") in _findings(out)
        assert ("crane.md", 10, 1, "artifacts.Comments") not in _findings(out)


def test_bad_kind_in_config_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path, 'kind-for = {"drafts/*.md" = "scraped"}\n')
    monkeypatch.chdir(root)
    code, out, err = _run(["check", "--no-cache", "."])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert """key 'kind-for."drafts/*.md"': expected one of draft, authored""" in err
    assert Path(err.split(":")[2].strip()).name == ".copydesk.toml"


def test_bad_kind_on_the_command_line_is_exit_2() -> None:
    code, _, err = _run(["check", "--kind-for", "*.md=scraped", "x.md"])
    assert code == 2
    assert "expected GLOB=KIND with KIND in draft, authored" in err


def test_rule_kinds_are_validated_at_load(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Debris.yml").write_text(
        "extends: existence\nkinds: [scraped]\ntokens: [Share]\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match="key 'kinds': unknown document kind 'scraped'"):
        load_ruleset([pack], include_shipped=False)


def test_explain_names_the_kinds() -> None:
    code, out, _ = _run(["explain", "artifacts.Comments"])
    assert code == 0
    assert "Kinds:    draft documents only" in out


def test_stdin_takes_its_kind_from_the_stdin_filename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(
        tmp_path, 'packs = ["artifacts"]\nkind-for = {"drafts/*.md" = "draft"}\n'
    )
    monkeypatch.chdir(root)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode())))
    argv = ["check", "--no-cache", "--format", "json", "--stdin-filename"]
    code, out, _ = _run([*argv, "drafts/crane.md", "-"])
    assert code == 1
    assert ("drafts/crane.md", 10, 1, "artifacts.Comments") in _findings(out)


def test_a_padded_value_is_the_manuals_spacing_but_a_drafts_slip() -> None:
    """A quotation padded with spaces is a value's own in text its author
    wrote (a hard-wrapped manual), and misspaced in a pasted draft."""
    sentences = (
        "Every example below is printed with a prefix, so that a reader can "
        "tell the console's lines from the text around them, and the prefix "
        'is always " `crane` " followed by the berth number and a colon, as '
        "the console itself prints it when the operator asks for the log of "
        "the day, which is the form the signaller reads back on the quay."
    )
    manual = "\n".join(textwrap.wrap(sentences, 72)) + "\n"
    rs = load_ruleset(select=["quotes"])
    assert Document.plain(manual).kind == "authored"
    assert lint_text(manual, "console.txt", "plain", rs) == []
    pasted = lint_text(sentences + "\n", "console.txt", "plain", rs)
    assert [f.rule for f in pasted] == ["quotes.Stray", "quotes.Stray"]
