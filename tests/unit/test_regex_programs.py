"""The shipped compiled programs of copydesk's patterns: what ``regex``
compiles, current with the rules, read only under their own release."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import regex_programs

REPO = Path(__file__).resolve().parents[2]
#: The shipped file, which must be there and readable whatever ``regex``
#: is installed (a missing or damaged file fails here, not skips).
STORED = pickle.loads(regex_programs.PROGRAMS.read_bytes())
SHIPPED = regex_programs.read(regex_programs.PROGRAMS)
#: The file is made under one ``regex`` release; under another it is not
#: read, and what these tests check of its programs cannot be.
needs_release = pytest.mark.skipif(
    not SHIPPED and STORED.get("release") != regex_programs.read_release(),
    reason="the shipped programs belong to another regex release",
)


def test_the_shipped_file_names_its_release_and_holds_programs() -> None:
    assert STORED["release"].startswith("20")  # a regex release: 2026.11.19 ...
    programs = STORED["programs"]
    assert len(programs) > 100
    assert all(isinstance(k[0], str) and type(k[1]) is int for k in programs)


@pytest.fixture
def programs_from() -> Iterator[None]:
    yield
    regex_programs.use(None)


def _spans(
    pattern: regex.Pattern[str], text: str
) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]


@needs_release
def test_every_shipped_program_matches_as_a_fresh_compile() -> None:
    text = (REPO / "examples" / "draft.txt").read_text(encoding="utf-8")
    text += (REPO / "tests/documents/formats/markdown/document.md").read_text(
        encoding="utf-8"
    )
    assert len(SHIPPED) > 100
    hits = 0
    for (pattern, flags), program in SHIPPED.items():
        loaded = pickle.loads(program)
        fresh = regex.compile(pattern, flags)
        assert (loaded.pattern, loaded.flags, loaded.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groupindex,
        )
        found = _spans(loaded, text)
        assert found == _spans(fresh, text), pattern
        hits += bool(found)
    assert hits > 20  # the texts reach many of the patterns


@needs_release
def test_the_shipped_programs_are_those_the_rules_and_documents_compile() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from copydesk import rule_index\n"
        "docs = [Path('examples'), Path('tests/documents')]\n"
        "made = rule_index.build_programs(docs, Path('/nonexistent'))\n"
        "sys.stdout.buffer.write(made)\n"
    )
    made = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, check=True
    ).stdout
    assert sorted(pickle.loads(made)["programs"]) == sorted(SHIPPED), (
        "src/copydesk/data/regex-programs.pickle is stale: "
        "run `python -m copydesk.rule_index`"
    )


@needs_release
def test_a_one_file_run_compiles_only_named_list_patterns() -> None:
    # Every other pattern of the shipped rules and modules a run of the
    # example draft and a Markdown page needs is loaded from its program.
    code = (
        "import sys, regex\n"
        "compiled = []\n"
        "real = regex.compile\n"
        "def counting(pattern, flags=0, **lists):\n"
        "    compiled.append((pattern, bool(lists)))\n"
        "    return real(pattern, flags, **lists)\n"
        "regex.compile = counting\n"
        "from copydesk.cli.main import main\n"
        "try:\n"
        "    main(['check', '--no-cache', '-o', '/dev/null', *sys.argv[1:]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "named = sum(lists for _, lists in compiled)\n"
        "print(len(compiled) - named, named)\n"
    )
    files = ["examples/draft.txt", "tests/documents/formats/markdown/document.md"]
    out = (
        subprocess.run(
            [sys.executable, "-c", code, *files],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.splitlines()[-1]
        .split()
    )
    assert out[0] == "0"
    assert int(out[1]) > 0  # the counting saw the run's compiles


def test_programs_of_another_release_are_not_read(
    tmp_path: Path, programs_from: None
) -> None:
    # A program under the key of another pattern: read, it would be served.
    wrong = pickle.dumps(regex.compile("b"))
    stored = {"release": "1999.1.1 default-version 0", "programs": {("a", 0): wrong}}
    path = tmp_path / "programs.pickle"
    path.write_bytes(pickle.dumps(stored))
    regex_programs.use(path)
    assert regex_programs.compiled("a").pattern == "a"
    assert regex_programs.read(path) == {}


def test_a_program_of_this_release_is_served(
    tmp_path: Path, programs_from: None
) -> None:
    path = tmp_path / "programs.pickle"
    regex_programs.use(Path("/nonexistent"))
    regex_programs.start_recording()
    try:
        regex_programs.compiled(r"\p{Lu}\w+", regex.V0)
        path.write_bytes(regex_programs.recorded({}))
    finally:
        regex_programs.stop_recording()
    regex_programs.use(path)
    served = regex_programs.compiled(r"\p{Lu}\w+", regex.V0)
    assert served.findall("in Kyiv and Odesa") == ["Kyiv", "Odesa"]
    assert list(regex_programs.read(path)) == [(r"\p{Lu}\w+", int(regex.V0))]


def test_a_damaged_or_misplaced_program_is_compiled_instead(
    tmp_path: Path, programs_from: None
) -> None:
    release = regex_programs.read_release()
    stored = {
        "release": release,
        "programs": {
            ("a+", 0): b"not a pickle",
            ("b+", 0): pickle.dumps(regex.compile("c")),
        },
    }
    path = tmp_path / "programs.pickle"
    path.write_bytes(pickle.dumps(stored))
    regex_programs.use(path)
    assert regex_programs.compiled("a+").findall("aa b") == ["aa"]
    assert regex_programs.compiled("b+").findall("bb c") == ["bb"]


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps([1, 2])])
def test_an_unreadable_file_is_no_programs(
    tmp_path: Path, content: bytes, programs_from: None
) -> None:
    path = tmp_path / "programs.pickle"
    path.write_bytes(content)
    assert regex_programs.read(path) == {}
    regex_programs.use(path)
    assert regex_programs.compiled("[a-z]+").findall("ab 12 cd") == ["ab", "cd"]


def test_a_bad_pattern_raises_as_regex_does(programs_from: None) -> None:
    with pytest.raises(regex.error):
        regex_programs.compiled("(unclosed")


def test_the_flags_are_regexs_own() -> None:
    for name in (
        "IGNORECASE",
        "MULTILINE",
        "DOTALL",
        "VERBOSE",
        "VERSION1",
        "REVERSE",
        "VERSION0",
    ):
        assert getattr(regex_programs, name) == int(getattr(regex, name)), name


@given(st.text())
@example("a.b*c (d) [e] {f} |g ^h$ \\i -j #k &l ~m\tn\no\u3000p")
def test_escape_is_regexs_own(text: str) -> None:
    # A pattern built with it must be the one the shipped program was made of.
    assert regex_programs.escape(text) == regex.escape(text)


def test_a_program_naming_another_global_is_compiled_instead(
    tmp_path: Path, programs_from: None
) -> None:
    stored = {
        "release": regex_programs.read_release(),
        "programs": {("a+", 0): pickle.dumps(print)},
    }
    path = tmp_path / "programs.pickle"
    path.write_bytes(pickle.dumps(stored))
    regex_programs.use(path)
    assert regex_programs.compiled("a+").findall("aa b") == ["aa"]


def test_named_lists_are_compiled() -> None:
    found = regex_programs.compiled(r"\L<words>!", 0, {"words": ["hi", "yo"]})
    assert found.findall("hi! yo! ha!") == ["hi!", "yo!"]


@needs_release
def test_regex_imported_after_a_program_shares_its_engine() -> None:
    code = (
        "import sys\n"
        "from copydesk import regex_programs\n"
        "loaded = regex_programs.compiled(*next(iter(regex_programs.read(\n"
        "    regex_programs.PROGRAMS))))\n"
        "alone = 'regex._main' not in sys.modules\n"
        "import regex\n"
        "fresh = regex.compile('b+')\n"
        "print(alone, type(loaded) is regex.Pattern is type(fresh),\n"
        "      fresh.findall('abbc'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == ["True", "True", "['bb']"]


@needs_release
def test_the_release_is_told_without_its_dist_info_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Another kind of install has no .dist-info folder: regex.__version__ says.
    release = STORED["release"]
    assert regex_programs._installed(release)
    monkeypatch.setattr(regex_programs, "_dist_info", lambda version: False)
    assert regex_programs._installed(release)
    assert not regex_programs._installed("1999.1.1 default-version 8192")
    assert not regex_programs._installed(None)
