"""Which ``api.Workspace`` a document belongs to.

One Workspace per workspace folder the editor opened, so each folder keeps
its own memoised configs and rulesets; a document belongs to the deepest
folder that contains it (a folder nested in another is its own project). A
file outside every folder gets a Workspace rooted at its own directory,
which lives only while a document there is open.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from copydesk.api import Workspace


class Folders:
    """The workspace folders and one lazily made Workspace for each."""

    def __init__(self) -> None:
        self._roots: list[Path] = []
        self._workspaces: dict[Path, Workspace] = {}

    def set_roots(self, roots: Iterable[Path]) -> None:
        """The editor's folders now; Workspaces of dropped folders are freed."""
        self._roots = sorted({r.resolve() for r in roots}, key=lambda r: -len(r.parts))
        keep = set(self._roots)
        for root in list(self._workspaces):
            if root not in keep:
                del self._workspaces[root]

    @property
    def roots(self) -> list[Path]:
        return list(self._roots)

    def root_for(self, path: Path) -> Path:
        """The deepest folder containing ``path``, else the path's own folder."""
        return self.folder_of(path) or path.resolve().parent

    def folder_of(self, path: Path) -> Path | None:
        """The deepest workspace folder containing where ``path`` leads (its
        symlinks followed), or None: the editor opened no folder holding it."""
        resolved = path.resolve()
        for root in self._roots:  # deepest first
            if resolved.is_relative_to(root):
                return root
        return None

    def workspace_for(self, path: Path) -> Workspace:
        root = self.root_for(path)
        workspace = self._workspaces.get(root)
        if workspace is None:
            workspace = self._workspaces[root] = Workspace(root)
        return workspace

    def release_unused(self, open_paths: Iterable[Path]) -> None:
        """Free the Workspaces of outside folders no open document needs."""
        needed = {self.root_for(p) for p in open_paths} | set(self._roots)
        for root in list(self._workspaces):
            if root not in needed:
                del self._workspaces[root]

    def reload_all(self) -> None:
        """Forget every memoised config and ruleset (a watched file changed)."""
        for workspace in self._workspaces.values():
            workspace.reload()

    def __iter__(self) -> Iterator[Workspace]:
        return iter(list(self._workspaces.values()))
