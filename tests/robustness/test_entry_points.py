"""Every entry point agrees: the same findings for the same text and config.

One generated corpus (more files than a worker chunk takes, in every format,
under a config with a vocabulary, a severity override and per-file ignores)
is linted through each way in: ``check`` on the files, one serial and one
with two worker processes, a cold and a warm results cache, the union of
``--shard 1/2`` and ``2/2``, stdin with ``--stdin-filename``,
``Workspace.lint_text``, the editor server's own linting function, and the
same texts as one JSON Lines collection run on a two-worker Dask cluster.
Each must report exactly what the serial run reports, file by file.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.api import Workspace
from copydesk.batch import CHUNK
from copydesk.cli.main import main
from copydesk.model import Finding
from copydesk.server.documents import OpenDocument
from copydesk.server.folders import Folders
from copydesk.server.linting import lint_document
from copydesk.textio import read_source

from .sinks import Collected
from .strategies import fuzz_settings, mixed_documents

#: What a finding is compared by (paths differ in form between entry points).
Key = tuple[str, str, int, int, str, str, tuple[tuple[int, int, str], ...]]
Report = dict[str, list[Key]]

EXTENSIONS = {"plain": ".txt", "markdown": ".md", "html": ".html", "rst": ".rst"}
#: A config every entry point must apply the same way.
CONFIG = """\
[vocab]
accept = ["Kharkov"]

[severity]
"names.People" = "error"

[per-file-ignores]
"doc1*" = ["typos"]
"""


#: Each file opens with findings of several rules, whatever follows.
LEAD = "Officials in Kiev and Kharkov said teh talks with Zelenskiy went well.\n\n"


def corpus() -> st.SearchStrategy[dict[str, str]]:
    """More files than two worker chunks, so ``--jobs 2`` really forks."""
    one = st.sampled_from(sorted(EXTENSIONS)).flatmap(
        lambda fmt: mixed_documents(fmt, 40).map(lambda text: (fmt, LEAD + text))
    )
    return st.lists(one, min_size=2 * CHUNK + 2, max_size=2 * CHUNK + 2).map(
        lambda docs: {
            f"doc{i}{EXTENSIONS[fmt]}": text for i, (fmt, text) in enumerate(docs)
        }
    )


def key(rule: str, start: int, end: int, severity: str, message: str, fix: Any) -> Key:
    edits = tuple((e["start"], e["end"], e["replacement"]) for e in fix or ())
    return ("", rule, start, end, severity, message, edits)


def finding_key(f: Finding) -> Key:
    edits = tuple((e.start, e.end, e.replacement) for e in f.fix.edits) if f.fix else ()
    return ("", f.rule, f.start, f.end, f.severity.name.lower(), f.message, edits)


@contextlib.contextmanager
def inside(folder: Path, stdin: bytes = b"") -> Iterator[None]:
    """Run the CLI in ``folder`` with ``stdin``, its chatter on stderr dropped."""
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.chdir(folder), contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        sys.stdin = old_stdin


def check(folder: Path, args: Sequence[str], stdin: bytes = b"") -> Report:
    """``copydesk check --format json`` findings by file name."""
    out = folder.parent / "report.json"
    with inside(folder, stdin):
        code = main(["check", "--format", "json", "-o", str(out), *args])
    assert code in (0, 1), code
    report: Report = {}
    for f in json.loads(out.read_text(encoding="utf-8")):
        name = Path(f["path"]).name
        fix = f["fix"]["edits"] if f.get("fix") else None
        report.setdefault(name, []).append(
            key(f["rule"], f["start"], f["end"], f["severity"], f["message"], fix)
        )
    return report


def by_file(names: Sequence[str], found: dict[str, list[Finding]]) -> Report:
    return {n: sorted(map(finding_key, found[n])) for n in names if found[n]}


def normal(report: Report) -> Report:
    return {name: sorted(keys) for name, keys in report.items() if keys}


@fuzz_settings(2)
@given(files=corpus())
def test_every_entry_point_reports_the_same_findings(
    files: dict[str, str], tmp_path_factory: Any
) -> None:
    root = tmp_path_factory.mktemp("corpus")
    docs = root / "docs"
    docs.mkdir()
    (docs / ".copydesk.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in files.items():
        (docs / name).write_bytes(text.encode("utf-8"))
    # What each file reads as (a BOM is not text): what an editor would hold.
    texts = {name: read_source(str(docs / name)).text for name in files}
    names = sorted(files)

    serial = normal(check(docs, ["--no-cache", "--jobs", "1", "."]))
    rules = {k[1] for keys in serial.values() for k in keys}
    assert {"names.Places", "names.People", "typos.Misspellings"} <= rules
    legs: dict[str, Report] = {
        "--jobs 2": check(docs, ["--no-cache", "--jobs", "2", "."]),
        "cold cache": check(docs, ["--cache-dir", str(root / "cache"), "."]),
        "warm cache": check(docs, ["--cache-dir", str(root / "cache"), "."]),
    }
    shards = [check(docs, ["--no-cache", "--shard", f"{k}/2", "."]) for k in (1, 2)]
    assert not set(shards[0]) & set(shards[1]), "a file in two shards"
    legs["shard union"] = {**shards[0], **shards[1]}
    stdin: Report = {}
    for name in names:
        data = files[name].encode("utf-8")
        stdin.update(check(docs, ["--no-cache", "--stdin-filename", name, "-"], data))
    legs["stdin"] = stdin

    workspace = Workspace(docs)
    legs["Workspace.lint_text"] = by_file(
        names, {n: workspace.lint_text(n, texts[n]) for n in names}
    )
    folders = Folders()
    folders.set_roots([docs])
    served: dict[str, list[Finding]] = {}
    for version, name in enumerate(names):
        path = docs / name
        doc = OpenDocument(path.resolve().as_uri(), path, version, texts[name])
        lint_document(doc, folders.workspace_for(path), "utf-16")
        served[name] = doc.findings
    legs["server"] = by_file(names, served)

    for leg, report in legs.items():
        assert normal(report) == serial, leg


#: Lines recurring across a collection's documents are its own evidence of
#: furniture (artifacts.Boilerplate); a folder run without
#: ``--learn-boilerplate`` has none, by design, so that rule is not compared.
CROSS_DOCUMENT = "artifacts.Boilerplate"


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """Two in-process Dask workers (threads: the cluster starts in a second)."""
    distributed = pytest.importorskip("distributed", reason="needs copydesk[scale]")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@fuzz_settings(2)
@given(files=corpus())
def test_a_collection_on_dask_reports_what_check_reports_per_file(
    files: dict[str, str], tmp_path_factory: Any, dask_client: Any
) -> None:
    from copydesk.collections import CollectionSpec
    from copydesk.distributed import DaskEngine

    docs = tmp_path_factory.mktemp("collection")
    # per-file-ignores name file paths, and a collection is one path
    config = CONFIG.split("[per-file-ignores]", maxsplit=1)[0]
    (docs / ".copydesk.toml").write_text(config, encoding="utf-8")
    rows = []
    for name, text in files.items():
        (docs / name).write_bytes(text.encode("utf-8"))
        fmt = next(f for f, ext in EXTENSIONS.items() if name.endswith(ext))
        rows.append(json.dumps({"id": name, "text": text, "format": fmt}))
    collection = docs / "pages.jsonl"
    collection.write_text("\n".join(rows) + "\n", encoding="utf-8")
    serial = normal(check(docs, ["--no-cache", "--jobs", "1", *sorted(files)]))

    spec = CollectionSpec(str(collection), format_field="format")
    sink = Collected()
    engine = DaskEngine(client=dask_client, part_bytes=collection.stat().st_size // 5)
    run = Workspace(docs).lint_collection(spec, sink, engine=engine)
    assert (run.documents, run.errors) == (len(files), [])
    spread = {
        name: [f for f in found if f.rule != CROSS_DOCUMENT]
        for name, found in sink.found.items()
    }
    assert by_file(sorted(files), spread) == serial
