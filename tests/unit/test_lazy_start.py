"""A one-file run pays only for what its text and format need.

Shipped rules compile their patterns on first use (a document without a
confusion's word never compiles its contexts), a run that forks workers
compiles them once before the fork, and ``copydesk check`` on a Markdown file
outside a Vale project imports neither the Vale package nor the readers of
other formats, the server, the results cache, hashlib or json.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk import batch, patterns
from copydesk.checks.confusion import ConfusionCheck
from copydesk.cli.check import VALE_CONFIG_NAMES
from copydesk.errors import RuleError
from copydesk.ruleset import compile_rule, load_ruleset
from copydesk.vale.config import CONFIG_NAMES

RULES = Path(__file__).resolve().parents[2] / "rules"
TEXT = (
    "# Output objects\n\n"
    "Extending an object takes more then one step: add a property, then a\n"
    "method, and update the format file.\n"
)


def test_a_confusion_whose_word_is_absent_never_compiles() -> None:
    ruleset = load_ruleset(select=["typos.RealWords"])
    [check] = ruleset.checks
    assert isinstance(check, ConfusionCheck)
    assert not any(c.word.compiled or c.contexts.compiled for c in check.confusions)
    found = batch.lint_text(TEXT, "page.md", "markdown", ruleset)
    assert [(f.line, f.col, f.rule) for f in found] == [(3, 32, "typos.RealWords")]
    compiled = {c.wrong for c in check.confusions if c.word.compiled}
    # The listed words the text holds ("the" of "the should" too): "more
    # that" is not compiled either, as the text holds "more" but no "that".
    assert "that" not in TEXT.split()
    assert compiled == {"the", "then"}
    then = next(c for c in check.confusions if c.wrong == "then")
    assert then.contexts.compiled
    loose = next(c for c in check.confusions if c.wrong == "loose")
    assert not loose.contexts.compiled
    assert loose.unless is None or not loose.unless.compiled


def test_a_users_confusion_rule_is_compiled_and_refused_at_load() -> None:
    rule = {
        "extends": "confusion",
        "message": "'%s' should be %s",
        "confusions": [{"wrong": "then", "right": "than", "contexts": ["(more %w"]}],
    }
    with pytest.raises(RuleError, match="bad regex"):
        compile_rule("mine.Then", rule, "mine/Then.yml")
    rule["confusions"] = [{"wrong": "then", "right": "than", "contexts": ["more %w"]}]
    check = compile_rule("mine.Then", rule, "mine/Then.yml")
    assert isinstance(check, ConfusionCheck)
    assert all(c.word.compiled and c.contexts.compiled for c in check.confusions)


def test_confusions_compile_once_before_a_parallel_run_forks() -> None:
    packs = sorted({p.parent.name for p in RULES.glob("*/*.yml")})
    ruleset = load_ruleset(select=packs)
    check = next(c for c in ruleset.checks if isinstance(c, ConfusionCheck))
    # Every confusion of every shipped rule: a bad pattern raises here.
    assert patterns.compile_before_fork() >= 2 * len(check.confusions)
    assert all(c.word.compiled and c.contexts.compiled for c in check.confusions)
    assert patterns.compile_before_fork() == 0
    # A draft-only rule's pattern is left for a worker that meets a draft.
    lazy = patterns.LazyPattern(r"\bAdvertisement\b", ignorecase=False)
    assert patterns.compile_before_fork() == 0
    assert not lazy.compiled


def test_scan_places_are_characters_in_non_ascii_text() -> None:
    ruleset = load_ruleset(select=["artifacts"])
    text = "«Привіт» — Follow us on Telegram\nFollow us on Telegram\n"
    found = batch.lint_text(text, "draft.txt", "plain", ruleset, kind="draft")
    assert [(f.line, f.col, f.rule) for f in found] == [(2, 1, "artifacts.Social")]


def test_the_vale_hint_looks_for_the_names_vale_reads() -> None:
    assert VALE_CONFIG_NAMES == CONFIG_NAMES


NOT_FOR_MARKDOWN = (
    "copydesk.vale",
    "copydesk.server",
    "copydesk.cache",
    "copydesk.markup.rst",
    "copydesk.markup.html",
    "copydesk.markup.docx",
    "docutils",
    "markdown_it",
    "tomllib",
    "hashlib",  # loads OpenSSL: the index check is a CRC, the digest lazy
    "_hashlib",
    "copydesk.baseline",  # no baseline named by a flag or the config
    "copydesk.config_names",  # no rule, pack or rules folder named to check
    "copydesk.relint",  # the editor's re-lint, and the window reader it uses
    "copydesk.windows",  # (a file under a megabyte is read whole)
    "copydesk.cli.output_file",  # no --output-file
    "copydesk.suggest",  # no misspelt config key or choice to name
    "copydesk.cli.baseline",
    "json",  # the shipped index is a pickle; no config with rule options
    # ``regex``'s Python layer (its parser): every pattern the page needs is
    # a shipped program, which its C engine, loaded alone, runs.
    "regex._main",
    "regex._regex_core",
    "string",  # its Template pattern compiles at import
    "dataclasses",  # imports inspect and ast: 7 ms of a one-file start
    "inspect",
)


def _python(folder: Path, script: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``script`` in a new interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=folder, capture_output=True, check=False
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def _check_in_a_fresh_process(
    folder: Path, name: str, *options: str
) -> tuple[int, list[str]]:
    """``copydesk check`` on one file in a new interpreter: its exit code and
    every module it imported."""
    argv = ["check", "--no-cache", *options, name]
    script = (
        "import sys\n"
        "from copydesk.cli.main import main\n"
        f"code = main({argv!r})\n"
        "modules = sorted(sys.modules)\n"
        "import json\n"
        "print(json.dumps([code, modules]))\n"
    )
    _, out, _ = _python(folder, script)
    code, modules = json.loads(out.splitlines()[-1])
    return code, modules


def test_checking_a_markdown_file_imports_only_what_it_needs(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(TEXT, encoding="utf-8")
    code, modules = _check_in_a_fresh_process(tmp_path, "page.md")
    assert code == 1  # "more then": the run did lint the file
    assert "copydesk.markup.markdown" in modules
    unwanted = [m for m in modules if m.startswith(NOT_FOR_MARKDOWN)]
    assert unwanted == []


def test_the_concise_format_imports_no_other_reporter(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(TEXT, encoding="utf-8")
    code, modules = _check_in_a_fresh_process(
        tmp_path, "page.md", "--format", "concise"
    )
    assert code == 1
    reporters = [m for m in modules if m.startswith("copydesk.report.")]
    # _fit measures text in terminal cells for the command line's help too.
    assert reporters == [
        "copydesk.report._common",
        "copydesk.report._fit",
        "copydesk.report.concise",
    ]


def test_a_markdown_page_compiles_none_of_the_names_and_debris_constants(
    tmp_path: Path,
) -> None:
    # Module constants made with lazy_patterns: the page has no name, no
    # debris line, no link box and no user rule, so none is compiled.
    (tmp_path / "page.md").write_text(TEXT, encoding="utf-8")
    script = (
        "from copydesk.cli.main import main\n"
        "code = main(['check', '--no-cache', 'page.md'])\n"
        "from copydesk import re2_superset, translit_loose\n"
        "from copydesk.checks import existence, names, variants\n"
        "constants = [names._SURNAME, names._QUOTE_MARK, variants._SYLLABLES,\n"
        "    existence._LINK_OPEN, existence._OWN_TEXT, re2_superset._COUNT,\n"
        "    translit_loose._ARABIC_MARK]\n"
        "print(code, sum('_compiled' in vars(c) for c in constants))\n"
    )
    _, out, _ = _python(tmp_path, script)
    assert out.splitlines()[-1] == "1 0"


def test_a_finished_run_flushes_its_report_and_runs_exit_handlers(
    tmp_path: Path,
) -> None:
    # The console script leaves without the interpreter's teardown: the
    # report, buffered in a pipe, and the atexit handlers must not be lost.
    (tmp_path / "page.md").write_text(TEXT * 200, encoding="utf-8")
    script = (
        "import atexit, sys\n"
        "atexit.register(print, 'handler ran', file=sys.stderr)\n"
        "from copydesk.cli.main import entry\n"
        "sys.argv = ['copydesk', 'check', '--no-cache', '--format=json', 'page.md']\n"
        "raise SystemExit(entry())\n"
    )
    code, out, err = _python(tmp_path, script)
    assert code == 1
    assert err == "handler ran\n"
    findings = json.loads(out)
    assert len(findings) == 200
    assert {f["rule"] for f in findings} == {"typos.RealWords"}


@pytest.mark.parametrize(
    "record",
    [
        "copydesk.model:Finding",
        "copydesk.model:RuleMeta",
        "copydesk.model:Edit",
        "copydesk.config:Config",
        "copydesk.resolve:Overrides",
        "copydesk.resolve:Settings",
        "copydesk.batch:RuleOptions",
        "copydesk.report:ReportContext",
        "copydesk.textio:SourceFile",
        "copydesk.rulefiles:RuleFile",
    ],
)
def test_the_records_of_a_check_are_made_without_compiling_annotations(
    record: str,
) -> None:
    """Field annotations are types, not strings that ``typing`` compiles
    into a ForwardRef per field at every start (the house rule in
    ``copydesk.model``)."""
    module, name = record.split(":")
    cls = getattr(importlib.import_module(module), name)
    assert cls._fields
    postponed = [f for f, kind in cls.__annotations__.items() if isinstance(kind, str)]
    assert postponed == []
