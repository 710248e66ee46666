"""A project's Vale vocabularies and Sphinx spelling lists: the words they
accept are not spelling findings."""

from __future__ import annotations

from pathlib import Path

from tests.unit.unknown_words import reported_unknown

from copydesk.cspell_config import project_words


def _repository(root: Path) -> Path:
    (root / ".git").mkdir(parents=True)
    return root


def test_vale_vocabularies_plain_words_and_both_cases(tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    (repo / ".vale.ini").write_text(
        "StylesPath = .github/styles  # shared\nVocab = Docs, Team\n\n"
        "[*.md]\nBasedOnStyles = Vale\n",
        encoding="utf-8",
    )
    vale3 = repo / ".github" / "styles" / "config" / "vocabularies" / "Docs"
    vale3.mkdir(parents=True)
    (vale3 / "accept.txt").write_text(
        "# product names\nclusterd\n[Kk]ueue\n(?i)multikueue\n(?i)gitops\\b.*\n"
        "Node.js\n",
        encoding="utf-8",
    )
    (vale3 / "reject.txt").write_text("rejected\n", encoding="utf-8")
    vale2 = repo / ".github" / "styles" / "Vocab" / "Team"
    vale2.mkdir(parents=True)
    (vale2 / "accept.txt").write_text("devstats\n", encoding="utf-8")
    # Found from a folder below the config, as Vale finds it.
    (repo / "docs").mkdir()
    assert project_words(repo / "docs").words == {
        "clusterd",
        "kueue",
        "multikueue",
        "node.js",
        "devstats",
    }


def test_a_vocabulary_outside_the_repository_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "accept.txt").write_text("secretword\n", encoding="utf-8")
    repo = _repository(tmp_path / "repo")
    (repo / ".vale.ini").write_text(
        "StylesPath = ../outside\nVocab = ../outside\n", encoding="utf-8"
    )
    assert not project_words(repo)


def test_sphinx_spelling_lists_beside_conf_py(tmp_path: Path) -> None:
    repo = _repository(tmp_path / "repo")
    (repo / "docs").mkdir()
    (repo / "docs" / "conf.py").write_text("project = 'x'\n", encoding="utf-8")
    (repo / "docs" / "spelling_wordlist.txt").write_text(
        "aiohttp\nwebsockets  # plural\n\nnot two\n", encoding="utf-8"
    )
    (repo / "doc" / "source").mkdir(parents=True)
    (repo / "doc" / "source" / "conf.py").write_text(
        "spelling_word_list_filename = 'words.txt'\n", encoding="utf-8"
    )
    (repo / "doc" / "source" / "words.txt").write_text("networkx\n", encoding="utf-8")
    # A list with no conf.py beside it is no Sphinx project's.
    (repo / "spelling_wordlist.txt").write_text("stray\n", encoding="utf-8")
    assert project_words(repo / "docs").words == {"aiohttp", "websockets", "networkx"}


def test_a_run_leaves_the_vocabulary_alone(tmp_path: Path) -> None:
    """End to end: 'clusterd' is reported until the Vale vocabulary lists it."""
    repo = _repository(tmp_path / "repo")
    (repo / "scaling.md").write_text(
        "# Scaling\n\nSend the logs to clusterd and read the quantil.\n",
        encoding="utf-8",
    )

    assert reported_unknown(repo, "scaling.md") == ["clusterd", "quantil"]
    (repo / ".vale.ini").write_text("StylesPath = styles\nVocab = Base\n", "utf-8")
    (repo / "styles" / "config" / "vocabularies" / "Base").mkdir(parents=True)
    accept = repo / "styles" / "config" / "vocabularies" / "Base" / "accept.txt"
    accept.write_text("clusterd\n", encoding="utf-8")
    assert reported_unknown(repo, "scaling.md") == ["quantil"]
