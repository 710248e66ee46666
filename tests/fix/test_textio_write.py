"""Writing back: all or nothing, never over someone else's change."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from copydesk.errors import InputError
from copydesk.textio import SourceFile, read_source, write_atomic

DRAFT = "President Zelenskiy spoke.\r\nAdvertisement\r\nThe end."
FIXED = "President Zelensky spoke.\r\nThe end."


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.md"
    path.write_bytes(DRAFT.encode())
    return path


def _listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def _refused(src: SourceFile, text: str = FIXED, **kwargs: str) -> str:
    with pytest.raises(InputError) as info:
        write_atomic(src, text, **kwargs)
    assert info.value.path == src.path
    return info.value.reason


def test_write_replaces_content_exactly(draft: Path) -> None:
    write_atomic(read_source(draft), FIXED)
    assert draft.read_bytes() == FIXED.encode()
    assert _listing(draft.parent) == ["draft.md"]


def test_write_keeps_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + DRAFT.encode())
    write_atomic(read_source(path), FIXED, root=str(tmp_path))
    assert path.read_bytes() == codecs.BOM_UTF8 + FIXED.encode()


def test_write_utf16_big_endian(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be"))
    write_atomic(read_source(path), FIXED)
    assert path.read_bytes() == codecs.BOM_UTF16_BE + FIXED.encode("utf-16-be")


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o664])
def test_write_keeps_permission_bits(draft: Path, mode: int) -> None:
    draft.chmod(mode)
    write_atomic(read_source(draft), FIXED)
    assert stat.S_IMODE(draft.stat().st_mode) == mode


def test_unchanged_text_does_not_touch_the_file(draft: Path) -> None:
    before = draft.stat()
    write_atomic(read_source(draft), DRAFT)
    after = draft.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_failed_replace_leaves_original_and_no_temp(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = read_source(draft)

    def crash(self: Path, target: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", crash)
    assert _refused(src) == "write failed: no space left on device"
    assert draft.read_bytes() == DRAFT.encode()
    assert _listing(draft.parent) == ["draft.md"]


def test_failed_write_leaves_original_and_no_temp(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = read_source(draft)

    def crash(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", crash)
    assert _refused(src) == "write failed: input/output error"
    assert draft.read_bytes() == DRAFT.encode()
    assert _listing(draft.parent) == ["draft.md"]


def test_unexpected_exception_also_cleans_up(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = read_source(draft)

    def interrupt(fd: int, mode: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fchmod", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(src, FIXED)
    assert draft.read_bytes() == DRAFT.encode()
    assert _listing(draft.parent) == ["draft.md"]


def test_directory_not_writable(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = read_source(draft)

    def deny(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", deny)
    assert _refused(src) == "write failed: permission denied"
    assert draft.read_bytes() == DRAFT.encode()


def test_refused_when_content_changed_with_same_size_and_mtime(draft: Path) -> None:
    src = read_source(draft)
    # An editor saved a same-length change and the clock did not tick.
    draft.write_bytes(DRAFT.replace("spoke", "SPOKE").encode())
    os.utime(draft, ns=(src.mtime_ns, src.mtime_ns))
    assert "changed on disk" in _refused(src)
    assert draft.read_bytes() == DRAFT.replace("spoke", "SPOKE").encode()
    assert _listing(draft.parent) == ["draft.md"]


def test_refused_when_file_grew(draft: Path) -> None:
    src = read_source(draft)
    with draft.open("ab") as handle:
        handle.write(b"\r\nA late paragraph.")
    assert "changed on disk" in _refused(src)
    assert draft.read_bytes().endswith(b"A late paragraph.")


def test_refused_when_file_touched(draft: Path) -> None:
    src = read_source(draft)
    os.utime(draft, ns=(src.mtime_ns + 10**9, src.mtime_ns + 10**9))
    assert "changed on disk" in _refused(src)


def test_refused_when_file_deleted(draft: Path) -> None:
    src = read_source(draft)
    draft.unlink()
    assert _refused(src) == "refusing to write: file changed on disk (no such file)"
    assert _listing(draft.parent) == []


def test_symlink_outside_root_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    root = tmp_path / "project"
    outside.mkdir()
    root.mkdir()
    real = outside / "secret.md"
    real.write_bytes(DRAFT.encode())
    link = root / "draft.md"
    link.symlink_to(real)
    reason = _refused(read_source(link), root=str(root))
    assert reason.startswith("refusing to write: symlink points outside")
    assert real.read_bytes() == DRAFT.encode()
    assert link.is_symlink()


def test_symlink_outside_cwd_refused_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(DRAFT.encode())
    project = tmp_path / "project"
    project.mkdir()
    (project / "draft.md").symlink_to(real)
    monkeypatch.chdir(project)
    assert "symlink points outside" in _refused(read_source("draft.md"))


def test_symlink_inside_root_is_written_through(draft: Path) -> None:
    link = draft.parent / "link.md"
    link.symlink_to(draft.name)
    write_atomic(read_source(link), FIXED)
    assert link.is_symlink()
    assert draft.read_bytes() == FIXED.encode()
    assert _listing(draft.parent) == ["draft.md", "link.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anything")
def test_read_only_file_refused(draft: Path) -> None:
    draft.chmod(0o444)
    assert _refused(read_source(draft)) == "refusing to write: file is read-only"
    assert draft.read_bytes() == DRAFT.encode()


def test_read_only_file_refused_simulated(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = read_source(draft)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert _refused(src) == "refusing to write: file is read-only"


def test_guard_against_undecodable_original(draft: Path) -> None:
    src = read_source(draft)._replace(raw=b"\xff\xfe\xfd")
    assert _refused(src).startswith("refusing to write: not valid UTF-")
    assert draft.read_bytes() == DRAFT.encode()


def test_guard_against_text_not_from_the_file(draft: Path) -> None:
    src = read_source(draft)._replace(text="something else")
    assert _refused(src) == "refusing to write: text does not match the file"


def test_unencodable_text_refused(draft: Path) -> None:
    reason = _refused(read_source(draft), "lone \ud800 surrogate")
    assert reason.startswith("refusing to write: cannot encode")
    assert draft.read_bytes() == DRAFT.encode()
