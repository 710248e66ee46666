"""The Dask engine gives exactly the findings of a plain single-process run.

A real ``dask.distributed`` cluster of two in-process workers (threads, so
the test starts in a second), the collection cut into many partitions so
both passes really are a reduce and a map across workers.
"""

from __future__ import annotations

import io
import json
import lzma
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import SHARED

from copydesk import api
from copydesk.collection_output import JsonLinesSink
from copydesk.collections import CollectionSpec

distributed = pytest.importorskip(
    "distributed", reason="the Dask engine needs copydesk[scale] (dask, distributed)"
)

NEWS = SHARED / "corpus" / "news" / "news.jsonl.xz"
#: News articles in the sample: enough for dozens of partitions, few seconds.
SAMPLE = 150


def _furnished() -> Iterator[dict[str, str]]:
    """Items of a site with furniture, so boilerplate counts matter."""
    stories = [
        "The council voted to close the library.",
        "Roadworks on the bridge start in May.",
        "The school board met for four hours.",
        "A new bakery opened on Main Street.",
        "Rain is expected for the whole weekend, forecasters said.",
    ]
    for i, story in enumerate(stories):
        text = f"Von Anna Berg\n\n{story}\n\nArtikel teilen • Link kopieren"
        yield {"id": f"site-{i}", "source": "site", "text": text}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows: list[str] = [json.dumps(r, ensure_ascii=False) for r in _furnished()]
    if NEWS.is_file():
        with lzma.open(NEWS, "rt", encoding="utf-8") as lines:
            rows += [next(lines).rstrip("\n") for _ in range(SAMPLE)]
    rows.insert(3, '{"id": "torn", "text": "half a rec')
    rows.insert(40, "")
    path = tmp_path_factory.mktemp("dask") / "sample.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def _workspace(folder: Path) -> api.Workspace:
    return api.Workspace(folder, api.Overrides(isolated=True))


def test_two_workers_give_the_single_process_findings(
    sample: Path, client: object
) -> None:
    from copydesk.distributed import DaskEngine

    spec = CollectionSpec(str(sample), source_field="source")
    workspace = _workspace(sample.parent)
    plain, spread = io.StringIO(), io.StringIO()
    local = workspace.lint_collection(spec, JsonLinesSink(plain))
    engine = DaskEngine(client=client, part_bytes=sample.stat().st_size // 9 + 1)
    dask_run = workspace.lint_collection(spec, JsonLinesSink(spread), engine=engine)
    assert spread.getvalue() == plain.getvalue()
    assert (dask_run.documents, dask_run.findings) == (local.documents, local.findings)
    assert [str(e) for e in dask_run.errors] == [str(e) for e in local.errors]
    assert [str(e) for e in local.errors] == [
        "line 4: not valid JSON: Unterminated string starting at column 24"
    ]
    found = [json.loads(line) for line in plain.getvalue().splitlines()]
    furniture = {
        (r["id"], r["match"]) for r in found if r["rule"] == "artifacts.Boilerplate"
    }
    assert furniture == {
        (f"site-{i}", line)
        for i in range(5)
        for line in ("Von Anna Berg", "Artikel teilen • Link kopieren")
    }


def test_partitioned_output_holds_the_same_rows(
    sample: Path, client: object, tmp_path: Path
) -> None:
    from copydesk.distributed import DaskEngine

    spec = CollectionSpec(str(sample), source_field="source")
    workspace = _workspace(sample.parent)
    plain = io.StringIO()
    workspace.lint_collection(spec, JsonLinesSink(plain))
    out = tmp_path / "findings"
    part_bytes = sample.stat().st_size // 4 + 1
    engine = DaskEngine(client=client, part_bytes=part_bytes, output=str(out))
    workspace.lint_collection(spec, JsonLinesSink(io.StringIO()), engine=engine)
    files = sorted(out.iterdir())
    assert len(files) == 4
    assert all(f.name.startswith("part-") and f.suffix == ".jsonl" for f in files)
    joined = "".join(f.read_text(encoding="utf-8") for f in files)
    assert joined == plain.getvalue()
