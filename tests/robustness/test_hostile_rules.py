"""Hostile rule packs: runaway regexes, huge token lists, YAML bombs, bad bytes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import regex

from copydesk import patterns
from copydesk.batch import lint_text
from copydesk.cli import main
from copydesk.engine import TIMEOUT_RULE, RunState
from copydesk.ruleset import load_ruleset

#: Catastrophic in ``regex``: ``(a+)+$`` is optimised, this alternation is not.
CATASTROPHIC = r"(a|aa)+$"
RUNAWAY_LINE = "a" * 48 + "b"


def write_rule(pack: Path, name: str, body: str | bytes) -> Path:
    pack.mkdir(parents=True, exist_ok=True)
    path = pack / f"{name}.yml"
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return path


def test_the_catastrophic_pattern_really_is_slow() -> None:
    """Without the timeout this pattern would run for a very long time."""
    compiled = regex.compile(CATASTROPHIC, regex.VERSION0 | regex.MULTILINE)
    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        list(compiled.finditer("a" * 30 + "b", timeout=0.2))
    assert time.perf_counter() - started < 5


def test_runaway_regex_stops_at_timeout_and_run_goes_on(
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    write_rule(
        workdir / "rules" / "user",
        "Runaway",
        f"extends: existence\nmessage: 'runaway %s'\nlevel: error\n"
        f"raw:\n  - '{CATASTROPHIC}'\n",
    )
    (workdir / "doc.txt").write_text(f"{RUNAWAY_LINE}\nOfficials in Kiev.\n")
    (workdir / "other.txt").write_text(f"{RUNAWAY_LINE}\nThey recieve teh news.\n")
    started = time.perf_counter()
    code = main(
        ["check", "--format", "json", "--rules", "rules/user", "doc.txt", "other.txt"]
    )
    elapsed = time.perf_counter() - started
    found = json.loads(capsys.readouterr().out)
    assert code == 1
    assert elapsed < 20, f"the run took {elapsed:.1f} s"
    timeouts = [f for f in found if f["rule"] == TIMEOUT_RULE]
    # One timeout per run: the rule is skipped for the files after the first.
    assert [f["path"] for f in timeouts] == ["doc.txt"]
    for f in timeouts:
        assert f["severity"] == "error"
        assert "user.Runaway" in f["message"]
        assert "rules/user/Runaway.yml" in f["message"]
    # Other rules still ran on the same file, and on the next file.
    others = {(f["path"], f["line"], f["rule"]) for f in found}
    assert ("doc.txt", 2, "names.Places") in others
    assert ("other.txt", 2, "typos.Misspellings") in others


def test_runaway_regex_in_engine_is_a_finding_not_an_exception(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    write_rule(
        workdir / "rules" / "user",
        "Runaway",
        f"extends: existence\nmessage: 'x %s'\nraw: ['{CATASTROPHIC}']\n",
    )
    ruleset = load_ruleset([workdir / "rules" / "user"])
    findings = lint_text(RUNAWAY_LINE + "\nKiev\n", "doc.txt", "plain", ruleset)
    rules = [f.rule for f in findings]
    assert TIMEOUT_RULE in rules
    assert "names.Places" in rules
    timeout = next(f for f in findings if f.rule == TIMEOUT_RULE)
    assert timeout.path == "doc.txt"
    assert "user.Runaway" in timeout.message


@pytest.mark.parametrize("extends", ["existence", "substitution"])
def test_pack_with_10000_tokens_loads_and_runs(
    workdir: Path, capsys: pytest.CaptureFixture[str], extends: str
) -> None:
    words = [f"zq{i:05d}word" for i in range(10_000)]
    if extends == "existence":
        body = "extends: existence\nmessage: 'banned %s'\ntokens:\n" + "".join(
            f"  - {w}\n" for w in words
        )
    else:
        body = "extends: substitution\nmessage: 'use %s not %s'\nswap:\n" + "".join(
            f"  {w}: ok{w}\n" for w in words
        )
    write_rule(workdir / "rules" / "big", "Many", body)
    doc = " ".join(words[::97]) + "\n"
    (workdir / "doc.txt").write_text(doc)
    started = time.perf_counter()
    code = main(["check", "--format", "concise", "--rules", "rules/big", "doc.txt"])
    elapsed = time.perf_counter() - started
    out = capsys.readouterr().out
    assert code == 1
    assert out.count("big.Many") == len(words[::97])
    assert elapsed < 30, f"load + run took {elapsed:.1f} s"


YAML_BOMB = """\
extends: existence
message: "%s"
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
tokens: *h
"""

HOSTILE_RULE_FILES: dict[str, tuple[bytes, str]] = {
    "yaml-bomb": (YAML_BOMB.encode(), "aliases are not allowed"),
    "single-alias": (
        b"extends: existence\nmessage: x\nx: &t [a]\ntokens: *t\n",
        "aliases are not allowed",
    ),
    "latin-1": (
        b"extends: existence\nmessage: 'caf\xe9 %s'\ntokens: [x]\n",
        "not valid UTF-8",
    ),
    "utf-16": (
        "extends: existence\ntokens: [x]\n".encode("utf-16"),
        "not valid UTF-8",
    ),
    "binary": (b"\x00\x01\x02\xff\xfe", "not valid UTF-8"),
    "python-tag": (
        b"extends: !!python/object/apply:os.system ['touch pwned']\ntokens: [x]\n",
        "invalid YAML",
    ),
    "python-name": (
        b"extends: existence\nmessage: !!python/name:os.system\ntokens: [x]\n",
        "invalid YAML",
    ),
    "not-a-mapping": (b"- just\n- a list\n", "must be a mapping"),
    "deep-nesting": (b"extends: existence\ntokens: " + b"[" * 5000, "invalid YAML"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_RULE_FILES))
def test_hostile_rule_file_is_one_clear_error_exit_2(
    workdir: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    body, reason = HOSTILE_RULE_FILES[case]
    write_rule(workdir / "rules" / "evil", "Evil", body)
    (workdir / "doc.txt").write_text("lol\n")
    started = time.perf_counter()
    code = main(["check", "--rules", "rules/evil", "doc.txt"])
    assert time.perf_counter() - started < 10
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("copydesk: error: rules/evil/Evil.yml: ")
    assert reason in lines[0]
    assert "Traceback" not in captured.err
    assert not (workdir / "pwned").exists()


def test_runaway_exceptions_pattern_is_a_finding_not_a_traceback(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    write_rule(
        workdir / "rules" / "user",
        "Excepted",
        "extends: existence\nmessage: 'x %s'\ntokens: [xylophone]\n"
        f"exceptions: ['{CATASTROPHIC}']\n",
    )
    ruleset = load_ruleset([workdir / "rules" / "user"], select=["user"])
    # Exceptions are searched on the lines of the rule's findings.
    findings = lint_text(f"xylophone {RUNAWAY_LINE}\n", "doc.txt", "plain", ruleset)
    assert [f.rule for f in findings] == [TIMEOUT_RULE]


def test_a_timed_out_rule_is_not_retried_on_every_file(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    write_rule(
        workdir / "rules" / "user",
        "Slow",
        f"extends: existence\nmessage: 'x %s'\nraw: ['{CATASTROPHIC}']\n",
    )
    ruleset = load_ruleset([workdir / "rules" / "user"], select=["user"])
    run = RunState()
    first = lint_text(f"{RUNAWAY_LINE}\n", "a.txt", "plain", ruleset, run=run)
    assert [f.rule for f in first] == [TIMEOUT_RULE]
    assert "skipped for the rest of this run" in first[0].message
    assert lint_text(f"{RUNAWAY_LINE}\n", "b.txt", "plain", ruleset, run=run) == []
    # The next run (an editor's next keystroke) tries the rule again: a
    # timeout is not a verdict on the ruleset for the life of the process.
    again = lint_text(f"{RUNAWAY_LINE}\n", "b.txt", "plain", ruleset, run=RunState())
    assert [f.rule for f in again] == [TIMEOUT_RULE]
