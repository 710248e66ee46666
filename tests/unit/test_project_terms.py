"""A tree's own terms: spelling findings on a word spread over its pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk import api
from copydesk.batch import FileResult
from copydesk.model import Finding, RuleMeta, Severity
from copydesk.project_terms import MIN_FILES, drop_project_terms

METAS = {
    "typos.Unknown": RuleMeta(
        id="typos.Unknown", extends="lexicon", source="Unknown.yml"
    ),
    "style.Repetition": RuleMeta(
        id="style.Repetition", extends="repetition", source="Repetition.yml"
    ),
}


def _finding(rule: str, word: str, suggestion: str) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.SUGGESTION,
        message="",
        path="",
        start=0,
        end=len(word),
        line=1,
        col=1,
        end_line=1,
        end_col=len(word) + 1,
        match=word,
        suggestions=(suggestion,),
    )


def _results(paths: list[str], word: str, suggestion: str) -> list[FileResult]:
    return [
        FileResult(
            path,
            [
                _finding("typos.Unknown", word, suggestion),
                _finding("style.Repetition", "the the", "the"),
            ],
        )
        for path in paths
    ]


def _words(results: list[FileResult]) -> list[list[str]]:
    return [[f.match for f in r.findings] for r in results]


def test_a_word_reported_on_two_pages_is_the_trees_term() -> None:
    results = _results(["docs/a.md", "blog/c.md"], "kourier", "courier")
    drop_project_terms(results, METAS)
    assert _words(results) == [["the the"]] * 2


def test_one_page_is_not_enough() -> None:
    results = _results(["docs/a.md", "blog/c.md"], "kourier", "courier")
    results[1].findings = results[1].findings[1:]
    drop_project_terms(results, METAS)
    assert _words(results) == [["kourier", "the the"], ["the the"]]


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("overriden", "overridden"),  # a dropped double
        ("paramater", "parameter"),  # a mistyped vowel
        ("dispached", "dispatched"),  # a dropped consonant
        ("mgirated", "migrated"),  # a swap
    ],
)
def test_a_repeated_slip_stays_a_misspelling(word: str, meant: str) -> None:
    results = _results(["a.md", "b.md", "c.md", "d.md"], word, meant)
    drop_project_terms(results, METAS)
    assert _words(results) == [[word, "the the"]] * 4


def test_one_page_copied_into_each_versions_folder_counts_once() -> None:
    paths = [f"docs/{v}/about_numbers.md" for v in ("7.4", "7.5", "7.6", "7.7")]
    results = _results(paths, "teribyte", "terabyte")
    drop_project_terms(results, METAS)
    assert _words(results) == [["teribyte", "the the"]] * 4


def test_the_whole_run_decides_through_the_api(tmp_path: Path) -> None:
    for name in ("keyspaces", "routing"):
        (tmp_path / f"{name}.md").write_text(
            f"# {name.title()}\n\nEach keyspace has a kourier that the router reads.\n",
            encoding="utf-8",
        )
    workspace = api.Workspace(tmp_path, api.Overrides(isolated=True))
    whole = workspace.lint_paths([tmp_path])
    assert [f.rule for r in whole.results for f in r.findings] == []
    alone = workspace.lint_paths([tmp_path / "routing.md"])
    assert [(f.rule, f.match) for r in alone.results for f in r.findings] == [
        ("typos.Unknown", "kourier")
    ]
    assert MIN_FILES == 2


def test_a_swap_of_the_first_two_letters_is_a_slip() -> None:
    results = _results(["README.md", "CONTRIBUTING.md"], "ahve", "have")
    drop_project_terms(results, METAS)
    assert _words(results) == [["ahve", "the the"]] * 2


def test_a_doubled_first_letter_is_a_slip() -> None:
    results = _results(["README.md", "CONTRIBUTING.md"], "tthe", "the")
    drop_project_terms(results, METAS)
    assert _words(results) == [["tthe", "the the"]] * 2


def test_a_word_with_another_first_letter_is_a_coined_name() -> None:
    results = _results(["serving/a.md", "install/b.md"], "kourier", "courier")
    drop_project_terms(results, METAS)
    assert _words(results) == [["the the"]] * 2


def test_a_short_word_with_another_first_letter_is_still_a_slip() -> None:
    results = _results(["README.md", "CONTRIBUTING.md"], "rhe", "the")
    drop_project_terms(results, METAS)
    assert _words(results) == [["rhe", "the the"]] * 2


def test_a_term_one_letter_from_a_rare_word_is_the_trees_term() -> None:
    # Cython's keyword puts a letter before "import": a coined term, though
    # its first suggestion, "comport", is one vowel away.
    results = _results(
        ["array.rst", "external.rst", "strings.rst"], "cimport", "comport"
    )
    drop_project_terms(results, METAS)
    assert _words(results) == [["the the"]] * 3


def test_a_letter_before_a_word_is_still_a_slip_of_a_common_word() -> None:
    # "shold" drops a letter of "should" and puts one before "hold": the
    # common word it misspells decides.
    results = _results(["a.md", "b.md"], "shold", "should")
    drop_project_terms(results, METAS)
    assert _words(results) == [["shold", "the the"]] * 2


def _newsletter(number: int, first: str, second: str) -> str:
    return (
        f"# Newsletter {number}\n\n"
        f"Our next {first} session is on Friday. Bring lunch.\n\n"
        f"The {second} talks are recorded. Past {first} talks are online.\n"
    )


def _newsletters(folder: Path) -> None:
    """Two issues spell the series DataBites, one Databites: the third
    page's own majority is the tree's minority."""
    for number in (1, 2):
        (folder / f"2026-0{number}.md").write_text(
            _newsletter(number, "DataBites", "Databites"), encoding="utf-8"
        )
    (folder / "2026-03.md").write_text(
        _newsletter(3, "Databites", "DataBites"), encoding="utf-8"
    )


def _reported(run: api.LintRun) -> list[tuple[str, int, str]]:
    return [
        (Path(r.path).name, f.line, f.match) for r in run.results for f in r.findings
    ]


def test_the_trees_spelling_outvotes_a_pages(tmp_path: Path) -> None:
    _newsletters(tmp_path)
    workspace = api.Workspace(tmp_path, api.Overrides(isolated=True))
    assert _reported(workspace.lint_paths([tmp_path])) == [
        ("2026-01.md", 5, "Databites"),
        ("2026-02.md", 5, "Databites"),
    ]
    # Alone, the page's own choice stands.
    assert _reported(workspace.lint_paths([tmp_path / "2026-03.md"])) == [
        ("2026-03.md", 5, "DataBites")
    ]


def test_a_fix_leaves_the_trees_spelling_alone(tmp_path: Path) -> None:
    _newsletters(tmp_path)
    workspace = api.Workspace(tmp_path, api.Overrides(isolated=True))
    plans = workspace.plan_paths([str(tmp_path)], [])
    terms = workspace.tree_terms(plans)
    assert terms.outvoted == {("DataBites", "Databites")}
    page = tmp_path / "2026-03.md"
    text = page.read_text(encoding="utf-8")
    assert workspace.fix_text(page, text, unsafe=True, terms=terms).text == text
    assert "DataBites talks" not in workspace.fix_text(page, text, unsafe=True).text


def test_a_tie_outvotes_nothing() -> None:
    metas = {
        "variants.Capitals": RuleMeta(
            id="variants.Capitals", extends="capitals", source="Capitals.yml"
        )
    }
    results = [
        FileResult("a.md", [_finding("variants.Capitals", "Databites", "DataBites")]),
        FileResult("b.md", [_finding("variants.Capitals", "DataBites", "Databites")]),
    ]
    drop_project_terms(results, metas)
    assert _words(results) == [["Databites"], ["DataBites"]]


def test_a_word_with_a_d_after_it_page_after_page_is_a_daemon() -> None:
    # The tree's server, named as Unix names daemons, page after page.
    pages = ["reference/cli.rst", "whatsnew/6.2.rst", "tutorial/start.rst"]
    results = _results(pages, "varnishd", "varnished")
    drop_project_terms(results, METAS)
    assert _words(results) == [["the the"]] * 3
    # A doubled last letter is a slip however often.
    doubled = _results(pages, "shouldd", "should")
    drop_project_terms(doubled, METAS)
    assert _words(doubled) == [["shouldd", "the the"]] * 3


def test_a_d_after_a_short_word_is_still_a_slip() -> None:
    results = _results(["a.md", "b.md"], "usd", "used")
    drop_project_terms(results, METAS)
    assert _words(results) == [["usd", "the the"]] * 2


def _manual(pages: list[str], reported: list[tuple[str, str, str]]) -> list[FileResult]:
    """A manual's pages, with one spelling finding on each ``reported``
    (page, word, suggestion) and none on the others."""
    findings: dict[str, list[Finding]] = {page: [] for page in pages}
    for page, word, suggestion in reported:
        findings[page].append(_finding("typos.Unknown", word, suggestion))
    return [FileResult(page, found) for page, found in findings.items()]


#: A manual of image converters, one page a program, named by family: the
#: pam, pnm and ppm families share tails (togif, totga).
_PROGRAMS = [
    "pamcut", "pamcat", "pamedge", "pamtotga", "pamtogif", "pamgauss",
    "pamgradient", "pamgetcolor", "pnmquant", "pnmcrop", "pnmtopng",
    "pnmtotga", "pnmtogif", "ppmtogif", "ppmtotga", "ppmfade", "ppmforge",
    "ximtoppm", "index",
]  # fmt: skip


def test_a_word_that_names_a_page_of_the_tree_is_its_term() -> None:
    pages = [f"doc/{name}.html" for name in _PROGRAMS]
    results = _manual(
        pages,
        [
            ("doc/pnmcrop.html", "pamcat", "pamcut"),  # a sibling page's program
            ("doc/pamedge.html", "pnmedge", "pamedge"),  # its old family's name
            ("doc/pnmquant.html", "ppmquant", "pnmquant"),
            # Slips of the tree's names stay: a letter added, a head no
            # family has ("pamg" begins pamgauss, pamgradient, pamgetcolor,
            # but the families' heads have three letters), a family's name
            # one letter off.
            ("doc/pamtogif.html", "pamgtogif", "pamtogif"),
            ("doc/ximtoppm.html", "ximptoppm", "ximtoppm"),
            ("doc/pamcut.html", "pamcutt", "pamcut"),
        ],
    )
    drop_project_terms(results, METAS)
    left = [(r.path, f.match) for r in results for f in r.findings]
    assert left == [
        ("doc/pamcut.html", "pamcutt"),
        ("doc/pamtogif.html", "pamgtogif"),
        ("doc/ximtoppm.html", "ximptoppm"),
    ]


def test_a_file_name_of_more_than_one_word_names_nothing() -> None:
    # "getting-started.md" and "release_notes.md" are no words: a page
    # misspelling "startd" or "relese" keeps its finding.
    pages = ["getting-started.md", "release_notes.md", "faq.md"]
    results = _manual(pages, [("faq.md", "relese", "release")])
    drop_project_terms(results, METAS)
    assert _words(results) == [[], [], ["relese"]]


def test_heads_of_families_that_share_no_tails_excuse_no_slip() -> None:
    # "per" and "pre" each begin three pages, but no ending of one is the
    # other's: a slip of the front letters stays a slip.
    names = ["performance", "permissions", "persistence", "preferences"]
    names += ["prerequisites", "preview", "index"]
    pages = [f"docs/{name}.md" for name in names]
    results = _manual(
        pages,
        [
            ("docs/performance.md", "preformance", "performance"),
            ("docs/performance.md", "perferences", "preferences"),
        ],
    )
    drop_project_terms(results, METAS)
    assert [f.match for r in results for f in r.findings] == [
        "preformance",
        "perferences",
    ]


def test_one_file_alone_learns_no_names() -> None:
    # The editor's or a hook's single file: its own name is no term there,
    # as ``fix`` learns none from one file.
    results = _manual(
        ["notes/kourier.md"], [("notes/kourier.md", "kourier", "courier")]
    )
    drop_project_terms(results, METAS)
    assert _words(results) == [["kourier"]]
