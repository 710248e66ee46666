"""A Vale configuration: which ``.vale.ini`` applies and what it says.

Discovery follows Vale: ``--config``, else ``$VALE_CONFIG_PATH``, else the
first ``.vale``, ``_vale``, ``vale.ini``, ``.vale.ini`` or ``_vale.ini`` in the
working folder or a parent (then the home folder); the user's global config
(``$XDG_CONFIG_HOME/vale/.vale.ini``) is read after it unless ``--no-global``.
``Packages`` that are local folders or zip files are read in place, as
``vale sync`` would install them: their styles join the StylesPath and their
own ``.vale.ini`` is read before the project's. A package name or URL must
already be synced: if its style folder is missing the error names
``vale sync`` and the offline alternative. ``Transform`` (XSLT) is ignored
with a warning.

A .vale.ini comes with the repository, so it is not trusted to point
anywhere: a local package must lie in the config's own folder or a
StylesPath, a zipped one is unpacked only if it holds at most
:data:`MAX_PACKAGE_BYTES` (into a temporary folder removed at exit), and a
vocabulary, like a style (``styles``), is read only from under the search
path that has it, symlinks followed or not. A config file over
:data:`MAX_CONFIG_BYTES`, or one that is not a regular file, is refused.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.errors import CopydeskError
from copydesk.vale.folders import walk_once
from copydesk.vale.globs import Glob, GlobError
from copydesk.vale.ini import DEFAULT, IniError, IniFile, Section, excerpt
from copydesk.vale.limited import read_limited

__all__ = [
    "CONFIG_NAMES",
    "LEVELS",
    "ConfigError",
    "ValeConfig",
    "check_hint",
    "find_config",
    "load_config",
]

CONFIG_NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")
LEVELS = {"suggestion": 0, "warning": 1, "error": 2}
_CORE = {
    "StylesPath",
    "MinAlertLevel",
    "IgnoredScopes",
    "WordTemplate",
    "SkippedScopes",
    "IgnoredClasses",
    "Vocab",
    "NLPEndpoint",
}
_GLOBAL = {"BasedOnStyles", "IgnorePatterns", "BlockIgnores", "TokenIgnores", "Lang"}
_SYNTAX = _GLOBAL | {"Transform", "CommentDelimiters"}
_CORE_MISPLACED = (
    "'{}' is a core option; it should be defined above any syntax-specific "
    "options (`[...]`)."
)


class ConfigError(CopydeskError):
    """A config Vale would refuse (Vale's E100/E201, exit 2)."""


def _merged(values: list[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        entry = value.strip()
        if entry and entry not in out:
            out.append(entry)
    return out


@dataclass(slots=True)
class ValeConfig:
    """What Vale's ``core.Config`` holds, filled from the INI files."""

    files: list[Path] = field(default_factory=list)
    styles_paths: list[Path] = field(default_factory=list)
    package_paths: list[Path] = field(default_factory=list)
    min_alert_level: int = 1
    ignored_scopes: list[str] = field(default_factory=list)
    skipped_scopes: list[str] = field(default_factory=list)
    ignored_classes: list[str] = field(default_factory=list)
    word_template: str = ""
    vocab: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)
    asciidoctor: dict[str, str] = field(default_factory=dict)
    global_styles: list[str] = field(default_factory=list)
    global_checks: dict[str, bool] = field(default_factory=dict)
    section_styles: dict[str, list[str]] = field(default_factory=dict)
    section_checks: dict[str, dict[str, bool]] = field(default_factory=dict)
    style_keys: list[str] = field(default_factory=list)
    rule_keys: list[str] = field(default_factory=list)
    patterns: dict[str, Glob] = field(default_factory=dict)
    rule_levels: dict[str, str] = field(default_factory=dict)
    block_ignores: dict[str, list[str]] = field(default_factory=dict)
    token_ignores: dict[str, list[str]] = field(default_factory=dict)
    comment_delimiters: dict[str, tuple[str, str]] = field(default_factory=dict)
    styles: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def styles_path(self) -> Path | None:
        """The project's StylesPath (the last one added)."""
        return self.styles_paths[-1] if self.styles_paths else None

    def search_paths(self) -> list[Path]:
        """Where styles are looked up: packages first, then StylesPaths (the
        working folder when none is set, as Vale does)."""
        roots = self.package_paths + self.styles_paths
        return roots or [Path()]

    @property
    def path(self) -> str:
        return str(self.files[-1]) if self.files else ""

    def add_styles_path(self, path: Path) -> None:
        if path not in self.styles_paths:
            self.styles_paths.append(path)


def find_config(start: Path) -> Path | None:
    """The first config file in ``start`` or a parent, else in the home folder."""
    folder = start.absolute()
    while True:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        if folder.parent == folder:
            break
        folder = folder.parent
    home = Path.home()
    for name in CONFIG_NAMES:
        candidate = home / name
        if candidate.is_file():
            return candidate
    return None


def check_hint(start: Path) -> str | None:
    """For ``copydesk check`` in a project that has a Vale config: the one
    line saying how to run it, or None when there is no Vale config.

    ``copydesk check`` does not read ``.vale.ini`` itself: its options,
    output and exit codes are copydesk's, and a file silently changing what
    ``check`` means would surprise; ``copydesk vale`` is the explicit switch.
    """
    # The project's own config only: a user-wide one (in the home folder)
    # would put the note in front of every run in every folder.
    found = next(
        (
            folder / name
            for folder in (start.absolute(), *start.absolute().parents)
            for name in CONFIG_NAMES
            if (folder / name).is_file()
        ),
        None,
    )
    if found is None:
        return None
    return (
        f"{found.name} found ({found.parent}): `copydesk check` runs copydesk's "
        "own rules; `copydesk vale` lints with this Vale config and its styles "
        "(add `BasedOnStyles = copydesk` there to run both)"
    )


def _xdg(env: str, fallback: str) -> Path:
    value = os.environ.get(env)
    return Path(value) if value else Path.home() / fallback


def global_config() -> Path:
    """Vale's user-wide config file."""
    return _xdg("XDG_CONFIG_HOME", ".config") / "vale" / ".vale.ini"


def default_styles_path() -> Path:
    """``$VALE_STYLES_PATH`` or Vale's user-wide styles folder."""
    value = os.environ.get("VALE_STYLES_PATH")
    if value is not None:
        return Path(value)
    return _xdg("XDG_DATA_HOME", ".local/share") / "vale" / "styles"


def _relative(config_file: Path, value: str) -> Path:
    expanded = Path(value).expanduser()
    return expanded if expanded.is_absolute() else config_file.parent / expanded


#: Largest config file read: Vale's own configs are a few kilobytes, and a
#: 65 MB one of two million sections took 23 s and 1.7 GB to load.
MAX_CONFIG_BYTES = 1024 * 1024


def _read(path: Path, ini: IniFile) -> None:
    data = read_limited(path, MAX_CONFIG_BYTES, "a config", ConfigError)
    text = data.decode("utf-8", errors="replace")
    try:
        ini.load(text.replace("\r\n", "\n").replace("\r", "\n"))  # as text mode
    except IniError as exc:
        raise ConfigError(str(path), str(exc)) from None


#: Largest vocabulary list read (a word a line: about a million words).
MAX_VOCAB_BYTES = 16 * 1024 * 1024


def _add_word_list(path: Path, root: Path, into: list[str]) -> None:
    """The words of ``accept.txt`` or ``reject.txt``. A list linked in from
    outside the search path is not read (as a folder linked in is not); one
    that is not a regular file (a FIFO blocked the run) or is over
    :data:`MAX_VOCAB_BYTES` is refused."""
    if not within(path, root):
        return
    data = read_limited(path, MAX_VOCAB_BYTES, "a vocabulary", ConfigError)
    for line in data.decode("utf-8", errors="replace").splitlines():
        word = line.strip()
        if word and not word.startswith("# "):
            into.append(word)


def _load_vocab(config: ValeConfig, name: str) -> None:
    target = root = None
    for root in config.search_paths():
        candidate = root / "config" / "vocabularies" / name
        if candidate.is_dir() and within(candidate, root):
            target = candidate
            break
    if target is None or root is None:
        raise ConfigError(
            config.path, f"'config/vocabularies/{name}' directory does not exist"
        )
    for folder, dirs, names in walk_once(str(target)):
        # folders linked from outside the StylesPath are not read
        dirs[:] = [d for d in dirs if within(Path(folder) / d, root)]
        for filename in sorted(names):
            if filename == "accept.txt":
                _add_word_list(Path(folder) / filename, root, config.accepted)
            elif filename == "reject.txt":
                _add_word_list(Path(folder) / filename, root, config.rejected)


def within(path: Path, root: Path) -> bool:
    """Whether ``path``, symlinks followed, stays under ``root``."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def _level(config: ValeConfig, key: str, value: str) -> bool:
    if value == "NO" or value not in ("YES", "suggestion", "warning", "error"):
        return False
    if value != "YES":
        config.rule_levels[key] = value
    return True


class _Builder:
    """Turns the merged INI into a ValeConfig (Vale's processConfig)."""

    def __init__(self, config: ValeConfig, ini: IniFile, cli_level: str) -> None:
        self.config = config
        self.ini = ini
        self.cli_level = cli_level

    def fail(self, message: str) -> ConfigError:
        return ConfigError(self.config.path, message)

    def build(self) -> None:
        core = self.ini.section(DEFAULT)
        for key in core.keys:
            if key in _SYNTAX:
                raise self.fail(f"'{key}' is a syntax-specific option")
            if key in _CORE:
                self.core(core, key)
        formats = self.ini.section("formats")
        for key in formats.keys:
            self.config.formats[key] = formats.get(key)
        asciidoctor = self.ini.section("asciidoctor")
        for key in asciidoctor.keys:
            self.config.asciidoctor[key] = asciidoctor.get(key)
        self.global_section(self.ini.section("*"))
        for name, section in self.ini.sections.items():
            if name in ("*", DEFAULT, "formats", "asciidoctor"):
                continue
            self.syntax_section(name, section)

    def core(self, section: Section, key: str) -> None:
        config = self.config
        if key == "StylesPath":
            values = section.shadows(key)
            path = (
                _relative(config.files[-1], values[-1])
                if config.files
                else Path(values[-1])
            )
            config.add_styles_path(path)
            if not path.exists():
                raise self.fail(f"The path '{path}' does not exist.")
        elif key == "MinAlertLevel":
            if self.cli_level not in LEVELS:
                level = section.get(key)
                if level not in LEVELS:
                    raise self.fail(
                        "MinAlertLevel must be 'suggestion', 'warning', or 'error'."
                    )
                config.min_alert_level = LEVELS[level]
        elif key == "IgnoredScopes":
            config.ignored_scopes = _merged(section.list_with_shadows(key))
        elif key == "SkippedScopes":
            config.skipped_scopes = _merged(section.list_with_shadows(key))
        elif key == "IgnoredClasses":
            config.ignored_classes = _merged(section.list_with_shadows(key))
        elif key == "WordTemplate":
            config.word_template = section.get(key)
        elif key == "Vocab":
            config.vocab = _merged(section.list_with_shadows(key))
            for name in config.vocab:
                _load_vocab(config, name)

    def global_section(self, section: Section) -> None:
        config = self.config
        for key in section.keys:
            if key in _CORE:
                raise self.fail(_CORE_MISPLACED.format(key))
            if key == "BasedOnStyles":
                config.global_styles = _merged(section.list_with_shadows(key))
                config.styles.extend(config.global_styles)
            elif key == "IgnorePatterns":
                config.block_ignores["*"] = section.list(key)
            elif key == "BlockIgnores":
                config.block_ignores["*"] = _merged(section.list_with_shadows(key))
            elif key == "TokenIgnores":
                config.token_ignores["*"] = _merged(section.list_with_shadows(key))
            elif key == "Lang":
                continue
            elif key in _SYNTAX:
                raise self.fail(f"'{key}' is a syntax-specific option")
            else:
                config.global_checks[key] = _level(config, key, section.get(key))
                config.checks.append(key)

    def syntax_section(self, name: str, section: Section) -> None:
        config = self.config
        try:
            config.patterns[name] = Glob.compile(name)
        except GlobError as exc:
            raise self.fail(
                f"The glob pattern '{excerpt(name)}' could not be compiled: {exc}"
            ) from None
        checks: dict[str, bool] = {}
        for key in section.keys:
            if key in _CORE:
                raise self.fail(_CORE_MISPLACED.format(key))
            if key == "BasedOnStyles":
                styles = _merged(section.list_with_shadows(key))
                config.styles.extend(styles)
                config.style_keys.append(name)
                config.section_styles[name] = styles
            elif key == "IgnorePatterns":
                config.block_ignores[name] = section.list(key)
            elif key == "BlockIgnores":
                config.block_ignores[name] = _merged(section.list_with_shadows(key))
            elif key == "TokenIgnores":
                config.token_ignores[name] = _merged(section.list_with_shadows(key))
            elif key == "CommentDelimiters":
                delims = _merged(section.list_with_shadows(key))
                if len(delims) != 2:
                    raise self.fail(
                        "CommentDelimiters must be a comma-separated list of two "
                        f"delimiters, but got {len(delims)} items"
                    )
                config.comment_delimiters[name] = (delims[0], delims[1])
            elif key == "Transform":
                config.warnings.append(
                    f"[{name}] Transform = {section.get(key)}: XSLT transforms are "
                    "not supported; the files are linted untransformed"
                )
            elif key == "Lang":
                continue
            else:
                checks[key] = _level(config, key, section.get(key))
                config.checks.append(key)
        config.rule_keys.append(name)
        config.section_checks[name] = checks


def _package_sources(
    config_file: Path, ini: IniFile, config: ValeConfig, styles: Path | None
) -> list[Path]:
    """Install local packages in memory; return their config files."""
    names = ini.section(DEFAULT).list("Packages")
    configs: list[Path] = []
    for entry in names:
        configs.extend(_package(config_file, entry, config, styles))
    return configs


def _package(
    config_file: Path, entry: str, config: ValeConfig, styles: Path | None
) -> list[Path]:
    candidates = [_relative(config_file, entry), Path(entry)]
    local = next((p for p in candidates if p.exists()), None)
    name = Path(entry).name
    name = name[: -len(Path(name).suffix)] if Path(name).suffix else name
    if local is None:
        synced = [*config.styles_paths, *([styles] if styles else [])]
        if any((root / name).is_dir() for root in synced):
            return []
        raise ConfigError(
            str(config_file),
            f"package '{entry}' is not installed and cannot be downloaded here: run "
            "`vale sync` once, or list a local folder or .zip file in Packages",
        )
    _refuse_outside(local, config_file, config, styles)
    root = local if local.is_dir() else _unpack(local) / name
    styles = root / "styles"
    package_ini = root / ".vale.ini"
    if not styles.is_dir() and not package_ini.is_file():
        config.package_paths.append(root.parent)
        return []
    if styles.is_dir():
        config.package_paths.append(styles)
    if package_ini.is_file():
        nested = IniFile()
        _read(package_ini, nested)
        return [*_package_sources(package_ini, nested, config, styles), package_ini]
    return []


#: The most a package zip may unpack to, and hold: Vale's largest published
#: style is a few hundred kilobytes.
MAX_PACKAGE_BYTES = 32 * 1024 * 1024
MAX_PACKAGE_MEMBERS = 5_000
#: The most folders a member's name may nest (a style is three or four deep):
#: unpacking a name two thousand folders deep ran out of recursion depth.
MAX_PACKAGE_DEPTH = 64


def _refuse_outside(
    local: Path, config_file: Path, config: ValeConfig, styles: Path | None
) -> None:
    """A local package must be in the config's own folder or a StylesPath:
    a .vale.ini from a cloned repository must not read the rest of the disk."""
    allowed = [config_file.parent, *config.styles_paths, *([styles] if styles else [])]
    if not any(within(local, folder) for folder in allowed):
        raise ConfigError(
            str(config_file),
            f"package '{local}' is outside the project ({config_file.parent}) and"
            " its StylesPath: copy it into the project",
        )


def _unpack(local: Path) -> Path:
    """Unpack a package zip into a temporary folder removed at exit, after
    checking what it would write (zipfile itself keeps every member inside
    the folder, and writes a symlink as a plain file holding its target)."""
    try:
        with zipfile.ZipFile(local) as archive:
            members = archive.infolist()
            size = sum(m.file_size for m in members)
            if len(members) > MAX_PACKAGE_MEMBERS or size > MAX_PACKAGE_BYTES:
                raise ConfigError(
                    str(local),
                    f"refusing: the package unpacks to {size} bytes in"
                    f" {len(members)} files (over {MAX_PACKAGE_BYTES} bytes or"
                    f" {MAX_PACKAGE_MEMBERS} files)",
                )
            depth = max((m.filename.count("/") for m in members), default=0)
            if depth > MAX_PACKAGE_DEPTH:
                raise ConfigError(
                    str(local),
                    f"refusing: a member nests {depth} folders deep"
                    f" (over {MAX_PACKAGE_DEPTH})",
                )
            extracted = Path(tempfile.mkdtemp(prefix="copydesk-vale-"))
            atexit.register(shutil.rmtree, extracted, ignore_errors=True)
            # zipfile reads no more of a member than its header says
            archive.extractall(extracted)
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise ConfigError(str(local), f"cannot read package: {exc}") from None
    except RuntimeError as exc:  # encrypted, or a zip version zipfile lacks
        raise ConfigError(str(local), f"cannot read package: {exc}") from None
    return extracted


def load_config(
    explicit: Path | None,
    cwd: Path,
    no_global: bool,
    cli_level: str = "",
) -> ValeConfig:
    """Find and read the configuration Vale would use (raises ConfigError)."""
    config = ValeConfig()
    default_styles = default_styles_path()
    if not no_global and default_styles.is_dir():
        config.add_styles_path(default_styles)
    if explicit is not None and not explicit.exists():
        raise ConfigError("--config", f"path '{explicit}' does not exist")
    env = os.environ.get("VALE_CONFIG_PATH")
    local = explicit or (Path(env) if env else None) or find_config(cwd)
    sources: list[Path] = []
    if local is not None:
        sources.append(local)
    user = global_config()
    if user.is_file() and not no_global:
        sources.append(user)
    if not sources:
        raise ConfigError(".vale.ini not found", "no config file found")
    ini = IniFile()
    for source in sources:
        _read(source, ini)
    config.files = [s.absolute() for s in sources]
    packages: list[Path] = []
    styles_values = ini.section(DEFAULT).shadows("StylesPath")
    styles = (
        _relative(config.files[0], styles_values[-1]) if styles_values[-1] else None
    )
    for source in sources:
        packages.extend(_package_sources(source.absolute(), ini, config, styles))
    if packages:
        merged = IniFile()
        for source in [*packages, *sources]:
            _read(source, merged)
        ini = merged
    if len(sources) == 2:
        # A project config and the user's: each StylesPath relative to its file.
        for source, value in zip(
            sources, ini.section(DEFAULT).shadows("StylesPath"), strict=False
        ):
            if value:
                config.add_styles_path(_relative(source.absolute(), value))
        ini.section(DEFAULT).keys.pop("StylesPath", None)
    _Builder(config, ini, cli_level).build()
    if cli_level in LEVELS:
        config.min_alert_level = LEVELS[cli_level]
    return config
