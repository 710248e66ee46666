"""Golden tests per format: findings of a realistic document, and its plain twin.

For Markdown, HTML and reST, a document written in the format carries prose
defects the default packs find (house-style names, a mixed and an unclosed
quote, web debris lines, a typo) and the same words in places that are not
prose (code, URLs, tags and attributes, front matter, comments, directive
options, role targets). Its findings must equal ``expected.txt`` exactly, and
the plain-text twin holding only its prose must give the same findings: rule
by rule, in the same order, on the same prose.
"""

from __future__ import annotations

import pytest

from copydesk.model import Severity

from .golden import (
    COMMENTS,
    DOCUMENTS,
    EXTENSIONS,
    UNKNOWN_RULE,
    by_rule,
    document,
    document_path,
    golden_lines,
    line_number,
    lines_of,
    lint,
    neutered,
    read,
    updating,
)

FORMATS = tuple(EXTENSIONS)


#: Words that each golden document places only where they must not be found.
@pytest.mark.parametrize("fmt", FORMATS)
def test_findings_match_golden_file(fmt: str) -> None:
    text = read(document_path(fmt))
    found = golden_lines(lint(text, fmt))
    golden = DOCUMENTS / fmt / "expected.txt"
    if updating():
        golden.write_text("\n".join(found) + "\n", encoding="utf-8")
    assert found == read(golden).splitlines()


@pytest.mark.parametrize("fmt", FORMATS)
def test_plain_twin_gives_the_same_findings(fmt: str) -> None:
    text = read(document_path(fmt))
    twin = read(DOCUMENTS / fmt / "document.txt")
    found = lint(text, fmt)
    twin_found = lint(twin, "plain")
    assert len(found) >= 15
    assert by_rule(document(text, fmt), found) == by_rule(
        document(twin, "plain"), twin_found
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_default_pack_fires_in_the_document(fmt: str) -> None:
    rules = {f.rule for f in lint(read(document_path(fmt)), fmt)}
    expected = {
        "names.Places",
        "names.People",
        "typos.Misspellings",
        "quotes.Mixed",
        "quotes.Unclosed",
        "artifacts.Social",
        "artifacts.Related",
        UNKNOWN_RULE,
    }
    assert expected <= rules


@pytest.mark.parametrize("fmt", FORMATS)
def test_findings_start_in_prose_only(fmt: str) -> None:
    """Every finding (but a directive warning) starts on a prose character."""
    text = read(document_path(fmt))
    doc = document(text, fmt)
    for finding in lint(text, fmt):
        if finding.rule != UNKNOWN_RULE:
            assert doc.prose[finding.start].strip(), finding
    # the typo and a name occur several times in non-prose: only prose is found
    assert sum(f.match == "Zelenskyj" for f in lint(text, fmt)) == 1
    assert text.count("Zelenskyj") >= 3


# -- suppressions -------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_next_line_silences_one_rule_on_one_line(fmt: str) -> None:
    text = read(document_path(fmt))
    directive = COMMENTS[fmt].format("copydesk: disable-next-line=names.Places")
    line = line_number(text, directive) + 1
    assert "Odessa" in text.splitlines()[line - 1]
    assert line not in lines_of(lint(text, fmt))
    unsuppressed = lint(neutered(text, "disable-next-line"), fmt)
    assert line in lines_of(unsuppressed, "names.Places")


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_and_enable_bound_a_region(fmt: str) -> None:
    text = read(document_path(fmt))
    first = line_number(text, COMMENTS[fmt].format("copydesk: disable=quotes"))
    last = line_number(text, COMMENTS[fmt].format("copydesk: enable=quotes"))
    region = range(first, last + 1)
    found = lint(text, fmt)
    assert not [f for f in found if f.line in region]
    # quotes are enabled again after the region, and were active before it
    assert any(f.rule.startswith("quotes.") and f.line < first for f in found)
    unsuppressed = lint(neutered(text, "disable=quotes"), fmt)
    assert [f.rule for f in unsuppressed if f.line in region] == ["quotes.Unclosed"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_rule_in_a_directive_is_a_warning_not_silence(fmt: str) -> None:
    text = read(document_path(fmt))
    directive = COMMENTS[fmt].format("copydesk: disable=names.Cities")
    line = line_number(text, directive)
    found = lint(text, fmt)
    warnings = [f for f in found if f.rule == UNKNOWN_RULE]
    assert [(f.line, f.col, f.severity) for f in warnings] == [
        (line, 1, Severity.WARNING)
    ]
    assert "names.Cities" in warnings[0].message
    assert warnings[0].match == directive
    # the name on the next line of prose is still reported
    lines = text.splitlines()
    prose_line = next(n for n in range(line + 1, len(lines) + 1) if lines[n - 1])
    assert prose_line in lines_of(found, "names.Places")


@pytest.mark.parametrize("fmt", [*FORMATS, "plain"])
def test_ignore_file_silences_the_whole_document(fmt: str) -> None:
    path = (
        DOCUMENTS / "markdown" / "document.txt"
        if fmt == "plain"
        else document_path(fmt)
    )
    text = read(path)
    assert lint(text, fmt)
    ignored = text + "\n" + COMMENTS[fmt].format("copydesk: ignore-file") + "\n"
    assert lint(ignored, fmt) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_directives_inside_code_are_not_directives(fmt: str) -> None:
    """A directive shown as an example in code must not act."""
    comment = COMMENTS[fmt].format("copydesk: ignore-file")
    wrapped = {
        "markdown": f"Kiev.\n\n```\n{comment}\n```\n",
        "html": f"<p>Kiev.</p>\n<pre>{comment.replace('<', '&lt;')}</pre>\n",
        "rst": f"Kiev.\n\nExample::\n\n   {comment}\n",
    }[fmt]
    assert [f.rule for f in lint(wrapped, fmt)] == ["names.Places"]
