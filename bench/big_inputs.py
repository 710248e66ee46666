"""Inputs of the one-big-file cases of ``bench/run.py``, built once under
``bench/work/big/`` (git-ignored: never commit corpus text).

Stdlib only. Every input is deterministic: files in sorted order, joined by
a blank line, cut at a whole file or article. A book, a long report or a
CMS export is one big file; these stand in for them with the corpora the
other cases use, so a big file and the same text as many files compare.
"""

from __future__ import annotations

import contextlib
import json
import lzma
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

MB = 1_000_000


@dataclass(frozen=True)
class BigInputs:
    """Paths of the built inputs."""

    #: Corpus Markdown files joined, about 17 MB, and the same files as a folder.
    markdown: Path
    markdown_files: Path
    #: News articles joined as one plain-text draft, about 8 MB, and as files.
    news: Path
    news_files: Path
    #: The news text cut at 1, 2, 4 and 8 MB (whole articles).
    scaling: tuple[Path, ...]
    #: The corpus joined over and over, about 200 MB: peak memory only.
    huge: Path | None
    #: Editor re-lint cases: the corpus file closest to 50 KB, and the first
    #: 50 KB of news (whole articles) as a plain-text draft.
    edited: tuple[Path, ...]


def build(
    corpus: list[Path],
    root: Path,
    news_archive: Path,
    work: Path,
    *,
    scale: float = 1.0,
    huge: bool = True,
) -> BigInputs:
    """Build (or reuse) every input; ``scale`` shrinks them for quick runs."""
    work.mkdir(parents=True, exist_ok=True)
    md_limit = int(17 * MB * scale)
    chosen = _prefix(corpus, md_limit)
    markdown = _joined(work / f"corpus-{md_limit // MB}mb.md", chosen)
    markdown_files = _folder(work / f"corpus-{md_limit // MB}mb", root, chosen)
    articles = list(_articles(news_archive))
    sizes = [int(n * MB * scale) for n in (1, 2, 4, 8)]
    scaling = tuple(
        _joined_texts(work / f"news-{size / MB:g}mb.txt", _cut(articles, size))
        for size in sizes
    )
    news_dir = work / f"news-{sizes[-1] / MB:g}mb"
    news_files = _article_folder(news_dir, _cut(articles, sizes[-1]))
    huge_path = None
    if huge:
        huge_path = _repeated(work / "corpus-200mb.md", corpus, 200 * MB)
    page = min(corpus, key=lambda p: (abs(p.stat().st_size - 50_000), str(p)))
    draft = _joined_texts(work / "news-50kb.txt", _cut(articles, 50_000))
    return BigInputs(
        markdown,
        markdown_files,
        scaling[-1],
        news_files,
        scaling,
        huge_path,
        (page, draft),
    )


def _prefix(files: list[Path], limit: int) -> list[Path]:
    """The first files, in sorted order, that add up to ``limit`` bytes."""
    chosen: list[Path] = []
    total = 0
    for path in files:
        if total >= limit:
            break
        chosen.append(path)
        total += path.stat().st_size + 2
    return chosen


def _joined(out: Path, files: Iterable[Path]) -> Path:
    """``files`` joined by a blank line into ``out`` (made once)."""
    if out.is_file():
        return out
    with _writing(out) as sink:
        for index, path in enumerate(files):
            if index:
                sink.write("\n\n")
            sink.write(path.read_text(encoding="utf-8"))
    return out


def _folder(out: Path, root: Path, files: Iterable[Path]) -> Path:
    """``files`` copied into ``out`` with their layout under ``root``."""
    stamp = out / ".complete"
    if stamp.is_file():
        return out
    shutil.rmtree(out, ignore_errors=True)
    for path in files:
        target = out / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    stamp.write_text("", encoding="utf-8")
    return out


def _articles(archive: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of each news article, in the archive's order."""
    with lzma.open(archive, "rt", encoding="utf-8") as lines:
        for raw in lines:
            article = json.loads(raw)
            yield article["id"], article["text"].strip()


def _cut(articles: list[tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    """The first articles that add up to ``limit`` bytes of UTF-8."""
    chosen: list[tuple[str, str]] = []
    total = 0
    for item in articles:
        if total >= limit:
            break
        chosen.append(item)
        total += len(item[1].encode("utf-8")) + 2
    return chosen


def _joined_texts(out: Path, articles: list[tuple[str, str]]) -> Path:
    if out.is_file():
        return out
    with _writing(out) as sink:
        sink.write("\n\n".join(text for _, text in articles) + "\n")
    return out


def _article_folder(out: Path, articles: list[tuple[str, str]]) -> Path:
    """Each article as ``<id>.txt`` in ``out``: the same text as many files."""
    stamp = out / ".complete"
    if stamp.is_file():
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for ident, text in articles:
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in ident)
        (out / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    stamp.write_text("", encoding="utf-8")
    return out


def _repeated(out: Path, files: list[Path], limit: int) -> Path:
    """The corpus joined again and again until ``limit`` bytes."""
    if out.is_file():
        return out
    total = 0
    with _writing(out) as sink:
        while total < limit:
            for path in files:
                text = path.read_text(encoding="utf-8")
                sink.write(text + "\n\n")
                total += len(text.encode("utf-8")) + 2
                if total >= limit:
                    break
    return out


@contextlib.contextmanager
def _writing(out: Path) -> Iterator[TextIO]:
    """A text file written under a temporary name, renamed when complete, so
    an interrupted build never leaves a short input behind."""
    part = out.with_name(out.name + ".part")
    try:
        with part.open("w", encoding="utf-8", newline="") as sink:
            yield sink
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    part.replace(out)
