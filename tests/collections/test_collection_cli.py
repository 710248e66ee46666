"""``copydesk check --collection`` and ``--learn-boilerplate`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli.main import main

SITE_A = [
    "The council voted to close the library.",
    "Roadworks on the bridge start in May.",
    "The school board met for four hours.",
    "A new bakery opened on Main Street.",
]


def _collection(folder: Path) -> Path:
    """Four items of one site with its share row, one of another site, and a
    broken line; the house list's Kiev is a finding of names.Places."""
    rows = [
        {"id": f"a{i}", "site": "a", "text": f"{story}\n\nShare • Copy link"}
        for i, story in enumerate(SITE_A)
    ]
    rows.append(
        {"id": "b0", "site": "b", "text": "Talks in Kiev ended.\n\nShare • Copy link"}
    )
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, '{"id": "broken"')
    path = folder / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(text: str) -> list[tuple[str, str, int, str]]:
    return [
        (r["id"], r["rule"], r["line"], r["match"])
        for r in map(json.loads, text.splitlines())
    ]


def test_findings_are_json_lines_keyed_by_id_and_errors_go_on(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _collection(workdir)
    code = main(
        [
            "check",
            "--collection",
            "news.jsonl",
            "--source-field",
            "site",
            "--select",
            "artifacts.Boilerplate,names.Places",
        ]
    )
    out, err = capsys.readouterr()
    assert _rows(out) == [
        ("a0", "artifacts.Boilerplate", 3, "Share • Copy link"),
        ("a1", "artifacts.Boilerplate", 3, "Share • Copy link"),
        ("a2", "artifacts.Boilerplate", 3, "Share • Copy link"),
        ("a3", "artifacts.Boilerplate", 3, "Share • Copy link"),
        ("b0", "names.Places", 1, "Kiev"),
    ]
    first = json.loads(out.splitlines()[0])
    assert list(first) == [
        "id", "path", "line", "column", "end_line", "end_column", "start", "end",
        "rule", "severity", "message", "match", "suggestions", "fix",
    ]  # fmt: skip
    assert first["path"] == "news.jsonl"
    assert err.splitlines() == [
        "copydesk: error: news.jsonl: line 3: not valid JSON: Expecting ',' delimiter"
        " at column 16",
        "5 documents linted, 5 findings, 1 records skipped.",
    ]
    assert code == 2


def test_parquet_output_has_the_json_fields(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs copydesk[scale]")
    _collection(workdir)
    code = main(
        [
            "check",
            "--collection",
            "news.jsonl",
            "--select",
            "names.Places",
            "-o",
            "found.parquet",
            "-q",
        ]
    )
    assert code == 2
    table = pq.read_table(workdir / "found.parquet")
    [row] = table.to_pylist()
    assert (row["id"], row["rule"], row["match"], row["suggestions"]) == (
        "b0",
        "names.Places",
        "Kiev",
        ["Kyiv"],
    )
    assert row["fix"]["edits"][0]["replacement"] == "Kyiv"
    assert capsys.readouterr().err.count("\n") == 1  # the error line, no summary


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["draft.txt"], "--collection does not take PATH arguments"),
        (["--format", "sarif"], "not --format sarif"),
        (["--fix"], "--collection does not take --fix"),
        (["--scheduler", "tcp://x:1"], "--scheduler needs --engine dask"),
    ],
)
def test_what_a_collection_run_refuses(
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    _collection(workdir)
    assert main(["check", "--collection", "news.jsonl", *extra]) == 2
    assert message in capsys.readouterr().err


def test_engine_without_a_collection_is_refused(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "a.txt").write_text("Text.\n", encoding="utf-8")
    assert main(["check", "--engine", "dask", "a.txt"]) == 2
    assert "--engine and --scheduler work with --collection" in capsys.readouterr().err


def test_learn_boilerplate_counts_the_files_of_each_folder(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = workdir / "site"
    site.mkdir()
    for i, story in enumerate(SITE_A):
        (site / f"{i}.txt").write_text(
            f"Abonnez-vous à notre lettre du matin\n\n{story}\n", encoding="utf-8"
        )
    other = workdir / "other"
    other.mkdir()
    (other / "x.txt").write_text(
        "Abonnez-vous à notre lettre du matin\n\nOne page.\n", encoding="utf-8"
    )
    args = ["check", "--select", "artifacts.Boilerplate", "--format", "concise", "."]
    assert main(args) == 0
    capsys.readouterr()
    assert main([*args, "--learn-boilerplate"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in out] == [f"./site/{i}.txt" for i in range(4)]
    assert out[0].startswith(
        "./site/0.txt:1:1: warning artifacts.Boilerplate 'Abonnez-vous à notre"
        " lettre du matin' recurs in 4 of 4 documents"
    )


def test_engine_dask_writes_partitioned_findings(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed", reason="--engine dask needs copydesk[scale]")
    _collection(workdir)
    args = ["check", "--collection", "news.jsonl", "--source-field", "site"]
    args += ["--select", "artifacts.Boilerplate,names.Places", "-q"]
    assert main(args) == 2
    expected = capsys.readouterr().out
    assert main([*args, "--engine", "dask", "--jobs", "1", "-o", "found"]) == 2
    assert capsys.readouterr().err.startswith("copydesk: error: news.jsonl: line 3:")
    [part] = sorted((workdir / "found").iterdir())
    assert part.name == "part-00000.jsonl"
    assert part.read_text(encoding="utf-8") == expected
