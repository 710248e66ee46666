"""Lint one file as Vale does: choose its reader, run the rules on each block.

A file's format picks the path: markup goes through the HTML walker,
``.txt`` is prose split into sentences, code is linted comment by comment,
anything else line by line; every file ends with one ``raw`` block holding
its whole text. A rule runs on a block when its scope matches, its level
reaches ``MinAlertLevel``, no in-text comment has switched it off, and the
config enables it for this file (a ``Style.Rule`` setting for a matching
section, else the global one, else the file's ``BasedOnStyles``). A rule
that runs past its time on a block is stopped for the rest of the run
(``budget``), and the run ends with exit code 2.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.errors import CopydeskError
from copydesk.vale import budget, markup
from copydesk.vale.config import LEVELS, ValeConfig
from copydesk.vale.formats import (
    COMMENT_PATTERNS,
    extension,
    format_from_ext,
    replace_ext,
)
from copydesk.vale.gostr import split_after, whitespace_to_space
from copydesk.vale.location import add_alert
from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.nlp import segment
from copydesk.vale.rules.base import Rule
from copydesk.vale.scope import Scope

__all__ = ["Linter", "sanitize"]


def sanitize(text: str) -> str:
    """``core.Sanitize``: one line-break convention, ``&rsquo;`` as ``'``."""
    return text.replace("&rsquo;", "'").replace("\r\n", "\n").replace("\r", "\n")


def _stderr(message: str) -> None:
    sys.stderr.write(message + "\n")


@dataclass(slots=True)
class _Compiled:
    rule: Rule
    scope: Scope
    level: int


@dataclass
class Linter:
    """The rules of one config, ready to lint files."""

    config: ValeConfig
    rules: dict[str, Rule]
    in_ext: str = ".txt"
    simple: bool = False
    warn: Callable[[str], None] = field(default=_stderr)
    #: Alerts from another engine (copydesk's packs), added per file.
    extra: Callable[[LintFile], list[Alert]] | None = None
    compiled: dict[str, _Compiled] = field(init=False)
    #: Rules stopped at the time limit, and the file where each was stopped.
    stopped: dict[str, str] = field(init=False, default_factory=dict)
    segmentation: bool = field(init=False)
    splitting: bool = field(init=False)

    def __post_init__(self) -> None:
        self.compiled = {
            name: _Compiled(
                rule,
                Scope.parse(rule.definition.scope),
                LEVELS.get(rule.definition.level, 1),
            )
            for name, rule in self.rules.items()
        }
        bases = {
            s.split(".")[0] for r in self.rules.values() for s in r.definition.scope
        }
        self.segmentation = "sentence" in bases
        self.splitting = "paragraph" in bases

    # -- files --------------------------------------------------------------

    def new_file(self, source: str, is_path: bool) -> LintFile:
        """``core.NewFile``: read the file (or take ``source`` as the text)."""
        config = self.config
        if is_path:
            try:
                content = Path(source).read_bytes().decode("utf-8", errors="replace")
            except OSError as exc:
                raise CopydeskError(source, exc.strerror or "cannot read") from None
            target = self.in_ext if self.in_ext != ".txt" else source
            normed, kind = format_from_ext(target, config.formats)
            path = source
            lookup = False
        else:
            normed, kind = format_from_ext(self.in_ext, config.formats)
            content = source
            path = "stdin" + self.in_ext
            lookup = True
        paths = [path]
        normed_path = replace_ext(path, config.formats)
        if normed_path != path:
            paths.append(normed_path)
        styles = config.global_styles
        checks: dict[str, bool] = {}
        for candidate in paths:
            for section in config.style_keys:
                if config.patterns[section].match(candidate):
                    styles = config.section_styles[section]
            for section in config.rule_keys:
                if config.patterns[section].match(candidate):
                    checks.update(config.section_checks[section])
        content = sanitize(content)
        return LintFile(
            path=path,
            content=content,
            lines=split_after(content),
            format=kind,
            normed_ext=normed,
            real_ext=extension(path),
            base_styles=list(styles),
            checks=checks,
            lookup=lookup,
            simple=self.simple,
            source=content,
        )

    def lint(self, source: str, is_path: bool) -> LintFile:
        """``Linter.lintFile``."""
        file = self.new_file(source, is_path)
        config = self.config
        nothing_global = not config.global_styles and not config.global_checks
        if not file.checks and not file.base_styles and nothing_global:
            return file
        simple = self.simple
        if file.format == "markup" and not simple:
            markup.lint_markup(self, file)
        elif file.format == "code" and not simple:
            markup.lint_code(self, file)
        elif file.format == "fragment" and not simple:
            markup.lint_fragments(self, file)
        elif file.normed_ext == ".txt" and not simple:
            self.lint_prose(
                file,
                Block.make("", file.content, "text" + file.real_ext),
                len(file.lines),
            )
        else:
            self.lint_lines(file)
        raw = Block.make("", "".join(file.lines), "raw" + file.real_ext)
        self.lint_block(file, raw, len(file.lines), 0, True)
        if self.extra is not None:
            file.alerts.extend(self.extra(file))
        return file

    # -- blocks -------------------------------------------------------------

    def lint_lines(self, file: LintFile) -> None:
        block = Block.make("", file.content, "text" + file.real_ext)
        self.lint_block(file, block, len(file.lines), 0, True)

    def lint_prose(self, file: LintFile, block: Block, lines: int) -> None:
        """``Linter.lintProse``: paragraph, sentence and text blocks."""
        lookup = "\n" in block.text or file.lookup
        ext = file.real_ext
        context, line = block.context, block.line
        blocks: list[Block] = []
        if self.splitting:
            blocks.extend(
                Block.make(context, paragraph, "paragraph" + ext, line)
                for paragraph in split_after(block.text, "\n\n")
            )
        if self.segmentation:
            sentences = (s.strip() for s in segment(block.text))
            blocks.extend(
                Block.make(context, s, "sentence" + ext, line) for s in sentences if s
            )
        blocks.append(Block.make(block.context, block.text, "text" + ext, block.line))
        for piece in blocks:
            self.lint_block(file, piece, lines, 0, lookup)

    def _configured(self, name: str, file: LintFile, compiled: _Compiled) -> bool:
        """The file-wide part of ``Linter.shouldRun``: level and config."""
        if compiled.level < self.config.min_alert_level:
            return False
        if name in file.checks:
            return file.checks[name]
        if name in self.config.global_checks:
            return self.config.global_checks[name]
        return name.split(".", maxsplit=1)[0] in file.base_styles

    def _enabled(self, file: LintFile) -> list[str]:
        if file.enabled is None:
            file.enabled = [
                name
                for name, compiled in self.compiled.items()
                if self._configured(_rule_key(name), file, compiled)
            ]
        return file.enabled

    def lint_block(
        self, file: LintFile, block: Block, lines: int, pad: int, lookup: bool
    ) -> None:
        """``Linter.lintBlock``: run every applicable rule and place its alerts."""
        file.chk_to_ctx = {}
        for name in self._enabled(file):
            compiled = self.compiled[name]
            if file.disabled(_rule_key(name)) or name in self.stopped:
                continue
            if not compiled.scope.matches(block.scope, block.parent):
                continue
            definition = compiled.rule.definition
            try:
                with budget.time_limit(budget.RULE_TIMEOUT):
                    alerts = list(compiled.rule.run(block, file))
            except budget.RuleTimeout:
                self._stop(name, file)
                continue
            for alert in alerts:
                if not alert.severity:
                    alert.severity = definition.level
                if not alert.check:
                    alert.check = name
                alert.limit = definition.limit
                alert.message = whitespace_to_space(alert.message)
                add_alert(file, alert, block, lines, pad, lookup)

    def _stop(self, name: str, file: LintFile) -> None:
        """A rule ran past :data:`budget.RULE_TIMEOUT`: say so, and run it
        no more in this run (one stop, not one per block and file)."""
        self.stopped[name] = file.path
        self.warn(
            f"{file.path}: rule {name} ran longer than {budget.RULE_TIMEOUT:g} s"
            " on one block and was stopped (a pattern that backtracks without"
            " end?); it is not run again, so the results are incomplete"
        )

    # -- code without a grammar ----------------------------------------------

    def lint_code_comments(self, file: LintFile) -> None:
        """``Linter.lintCodeOld``: comments found line by line by pattern."""
        patterns = COMMENT_PATTERNS.get(file.normed_ext)
        if patterns is None:
            return
        ignored = self.config.ignored_scopes
        skip_all = "comment" in ignored
        skip_line = skip_all or "comment.line" in ignored
        skip_block = skip_all or "comment.block" in ignored
        inline, block_start, block_end = (re.compile(p) for p in patterns)
        scope = "{}" + file.real_ext
        ignore = in_block = False
        buffer: list[str] = []
        lines = 0
        for raw_line in _go_lines(file.content):
            line = sanitize(raw_line + "\n")
            lines += 1
            if in_block:
                buffer.append(line)
                if _find(block_end, line):
                    text = "".join(buffer)
                    if not skip_block:
                        block = Block.make(
                            text, text, scope.format("text.comment.block")
                        )
                        self.lint_block(file, block, lines + 1, 0, True)
                    buffer = []
                    in_block = False
                continue
            match = _find(inline, line)
            if match:
                padding = len(line.encode("utf-8")) - len(match.encode("utf-8"))
                if not skip_line:
                    block = Block.make(match, match, scope.format("text.comment.line"))
                    self.lint_block(file, block, lines, padding - 1, True)
            elif _find(block_start, line) and not ignore:
                buffer.append(line)
                in_block = True
            elif _find(block_end, line):
                ignore = not ignore


def _rule_key(name: str) -> str:
    """``Style.Rule`` of a rule name (consistency rules carry a third part)."""
    return ".".join(name.split(".")[:2]) if name.count(".") > 1 else name


def _find(pattern: re.Pattern[str], text: str) -> str:
    """Go's ``FindString``: the leftmost match, or ``""``."""
    found = pattern.search(text)
    return found.group(0) if found else ""


def _go_lines(text: str) -> list[str]:
    """``core.SplitLines``: lines split on CRLF, CR or LF, without them."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines
