"""The subcommands behind ``copydesk``: one function each, returning an exit code."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from copydesk import __version__
from copydesk.cache import ResultsCache, default_dir, ruleset_identity
from copydesk.checks.base import RuleMeta
from copydesk.config import Config, find_config
from copydesk.errors import CopydeskError, InputError
from copydesk.files import STDIN, Target, discover, format_for
from copydesk.model import Finding, Severity
from copydesk.progress import Progress, wanted
from copydesk.ruleset import load_ruleset, shipped_rules_dir

if TYPE_CHECKING:
    from copydesk.fixing import FixTally
from copydesk.batch import (
    FileResult,
    LazyRuleset,
    RuleOptions,
    default_jobs,
    lint_targets,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Plan:
    """How the files under one config are linted: CLI flags over that config."""

    config: Config
    options: RuleOptions
    fail_level: Severity | None
    format_for: tuple[tuple[str, str], ...]


def make_plan(args: argparse.Namespace, config: Config) -> Plan:
    """Merge CLI flags over a config file's settings (CLI wins)."""
    select = tuple(getattr(args, "select", ())) or config.select or config.packs
    options = RuleOptions(
        rule_dirs=(*config.rules_path, *args.rules),
        select=select,
        ignore=(*config.ignore, *getattr(args, "ignore", ())),
        severity=config.severity,
        language=getattr(args, "language", None) or config.language or "en",
        rule_options=config.rule_options,
        accept=config.accept,
        reject=config.reject,
        config_path=config.path,
        kind_for=(*getattr(args, "kind_for", ()), *config.kind_for),
        kind_root=config.root if config.path else "",
    )
    level_name = getattr(args, "fail_level", None) or config.fail_level or "warning"
    fail_level = None if level_name == "none" else Severity.parse(level_name)
    return Plan(config, options, fail_level, (*args.format_for, *config.format_for))


def run_lint(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``check`` and ``fix``: lint (and maybe fix) every path, report, exit code."""
    cache: dict[str, Config] = {}
    base = make_plan(args, find_config(Path.cwd(), cache))
    problems: list[InputError] = []
    targets = discover(
        args.paths or ["."], base.format_for, problems, exclude=base.config.exclude
    )
    fixing = args.command == "fix" or getattr(args, "fix", False)
    reading_stdin = any(t.path == STDIN for t in targets)
    results: list[FileResult] = []
    metas: dict[str, RuleMeta] = {}
    tally = None
    bar = Progress(err, len(targets)) if wanted(err, len(targets)) else None
    for plan, group in _group_by_config(targets, args, cache):
        rules = LazyRuleset(plan.options)
        results_cache = _results_cache(args, plan, fixing)
        if fixing:
            from copydesk.fixing import FixTally, fix_targets

            tally = tally or FixTally()
            group_results = fix_targets(
                group, rules.get(), plan.options, args, out, tally
            )
        else:
            jobs = args.jobs if args.jobs is not None else default_jobs()
            group_results = lint_targets(group, rules, jobs, results_cache, bar)
        metas.update(_metas(rules, results_cache))
        if results_cache is not None:
            results_cache.prune()
        for result in group_results:
            _apply_file_settings(result, plan, args.stdin_filename)
        results.extend(group_results)
    if bar is not None:
        bar.close()
    if args.diff_base:
        from copydesk.gitdiff import changed_lines

        changed = changed_lines(args.diff_base)
        for result in results:
            result.findings = changed.filter(result.findings)
    for problem in problems:
        print(f"copydesk: error: {problem}", file=err)
    for result in results:
        if result.error is not None:
            print(f"copydesk: error: {result.path}: {result.error}", file=err)
    findings = sorted(
        (f for r in results for f in r.findings), key=lambda f: f.sort_key
    )
    stream = err if (fixing and reading_stdin and not args.diff) else out
    _report(findings, results, metas, args, stream)
    if tally is not None:
        print(tally.summary(diff=args.diff), file=stream)
    return _exit_code(results, problems, tally, diff=args.diff)


def _exit_code(
    results: Sequence[FileResult],
    problems: Sequence[InputError],
    tally: FixTally | None,
    *,
    diff: bool,
) -> int:
    """2 for input errors, 1 for findings at the fail level (or a diff), else 0."""
    if problems or any(r.error is not None for r in results):
        return EXIT_ERROR
    if tally is not None and diff and tally.changed_files:
        return EXIT_FINDINGS
    failing = any(
        r.fail_level is not None and any(f.severity >= r.fail_level for f in r.findings)
        for r in results
    )
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _results_cache(
    args: argparse.Namespace, plan: Plan, fixing: bool
) -> ResultsCache | None:
    """The cache for this plan's ruleset, unless disabled (or fixing files)."""
    if fixing or getattr(args, "no_cache", False):
        return None
    options = plan.options
    dirs = [shipped_rules_dir(), *(Path(d) for d in options.rule_dirs)]
    identity = ruleset_identity(dirs, repr(options))
    root = Path(args.cache_dir) if getattr(args, "cache_dir", None) else default_dir()
    return ResultsCache(root, identity)


def _metas(
    rules: LazyRuleset, results_cache: ResultsCache | None
) -> dict[str, RuleMeta]:
    """Rule metadata for reporters, from the cache when the rules were never loaded."""
    if results_cache is None:
        return rules.get().metas
    if not rules.loaded:
        cached = results_cache.get_metas()
        if cached is not None:
            return cached
    metas = rules.get().metas
    results_cache.put_metas(metas)
    return metas


def _group_by_config(
    targets: Sequence[Target], args: argparse.Namespace, cache: dict[str, Config]
) -> list[tuple[Plan, list[Target]]]:
    """Targets grouped by the config that applies to each, in first-seen order."""
    groups: dict[Config, list[Target]] = {}
    for target in targets:
        if target.path == STDIN:
            config = find_config(args.stdin_filename or ".", cache)
        else:
            # Discovered targets are files: their folder decides, and
            # ``cache`` answers a folder seen before without a system call.
            config = find_config(os.path.dirname(target.path) or ".", cache)
        groups.setdefault(config, []).append(target)
    planned: list[tuple[Plan, list[Target]]] = []
    for config, group in groups.items():
        plan = make_plan(args, config)
        planned.append((plan, [_resolve(t, plan, args.stdin_filename) for t in group]))
    return planned


def _resolve(target: Target, plan: Plan, stdin_name: str | None) -> Target:
    """``target`` with its format and document kind, read from the name it
    goes by: for stdin, ``--stdin-filename`` when given."""
    name = stdin_name if target.path == STDIN and stdin_name else target.path
    fmt = "plain" if name == STDIN else format_for(name, plan.format_for) or "plain"
    return Target(target.path, fmt, plan.options.kind_of(name, fmt))


def _apply_file_settings(
    result: FileResult, plan: Plan, stdin_name: str | None
) -> None:
    """Per-file ignores and fail level from config, and the display name of stdin."""
    result.fail_level = plan.fail_level
    if result.path == STDIN and stdin_name:
        result.path = stdin_name
        result.findings = [replace(f, path=stdin_name) for f in result.findings]
    ignored = plan.config.ignored_rules(result.path)
    if ignored:
        result.findings = [
            f
            for f in result.findings
            if f.rule not in ignored and f.rule.split(".", 1)[0] not in ignored
        ]


def _report(
    findings: Sequence[Finding],
    results: Sequence[FileResult],
    metas: Mapping[str, RuleMeta],
    args: argparse.Namespace,
    out: TextIO,
) -> None:
    from copydesk import report
    from copydesk.cli import use_color

    fmt = args.format or "text"
    ctx = report.ReportContext(
        version=__version__,
        cwd=str(Path.cwd()),
        rules=metas,
        sources={r.path: r.text for r in results if r.text is not None},
        files=[r.path for r in results],
        color=fmt == "text" and use_color(out, args.no_color),
        statistics=args.statistics,
    )
    text = report.render(fmt, findings, ctx)
    if text:
        out.write(text if text.endswith("\n") else text + "\n")
    if args.statistics and fmt in ("text", "concise"):
        stats = report.render("statistics", findings, ctx)
        if stats:
            out.write(stats if stats.endswith("\n") else stats + "\n")


def list_rules(args: argparse.Namespace, out: TextIO) -> int:
    """``rules``: a table of every rule (id, type, level, fixable, description)."""
    ruleset = load_ruleset([Path(d) for d in args.rules])
    metas = [
        c.meta for c in ruleset.checks if not args.pack or c.meta.pack in args.pack
    ]
    if args.pack:
        unknown = set(args.pack) - ruleset.packs
        if unknown:
            raise CopydeskError("", f"unknown pack {sorted(unknown)[0]!r}")
    fixable = {c.meta.id: _fixable(c) for c in ruleset.checks}
    if args.format == "json":
        rows = [
            {
                "id": m.id,
                "type": m.extends,
                "level": m.level.label,
                "fixable": fixable[m.id],
                "description": m.description,
                "link": m.link,
                "source": m.source,
            }
            for m in metas
        ]
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_CLEAN
    width = max((len(m.id) for m in metas), default=4)
    out.write(
        f"{'RULE':<{width}}  {'TYPE':<12}  {'LEVEL':<10}  {'FIX':<6}  DESCRIPTION\n"
    )
    for m in metas:
        summary = m.description.strip().splitlines()[0] if m.description.strip() else ""
        out.write(
            f"{m.id:<{width}}  {m.extends:<12}  {m.level.label:<10}  "
            f"{fixable[m.id]:<6}  {summary}\n"
        )
    out.write(f"{len(metas)} rules in {len({m.pack for m in metas})} packs.\n")
    return EXIT_CLEAN


def _fixable(check: object) -> str:
    """'safe', 'unsafe' or '-': per rule when its file sets it, else per type."""
    if getattr(check, "remove", None) == "none":
        return "-"  # an existence rule that only reports
    applicability = getattr(check, "applicability", None)
    value = getattr(applicability, "value", None)
    if value is not None:
        return str(value)
    return str(getattr(check, "fixable", "-"))


def explain_rule(args: argparse.Namespace, out: TextIO) -> int:
    """``explain RULE``: description, level, examples and link of one rule."""
    ruleset = load_ruleset([Path(d) for d in args.rules])
    metas = ruleset.metas
    meta = metas.get(args.rule)
    if meta is None:
        close = [rule for rule in metas if args.rule.lower() in rule.lower()]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        raise CopydeskError("", f"unknown rule {args.rule!r}{hint}")
    check = next(c for c in ruleset.checks if c.meta.id == meta.id)
    lines = [
        f"{meta.id}",
        "",
        meta.description.strip() or "(no description)",
        "",
        f"Type:     {meta.extends}",
        f"Level:    {meta.level.label}",
        f"Fixable:  {_fixable(check)}",
        f"Source:   {meta.source}",
    ]
    if meta.scope != "text":
        lines.append(f"Scope:    {meta.scope}")
    if meta.kinds:
        lines.append(f"Kinds:    {', '.join(meta.kinds)} documents only")
    if meta.link:
        lines.append(f"Link:     {meta.link}")
    explain_extra = getattr(check, "explain", None)
    if callable(explain_extra):
        extra = explain_extra()
        if extra:
            lines += ["", str(extra).rstrip()]
    if meta.examples.bad:
        lines += ["", "Flagged:"] + [f"  ✗ {e}" for e in meta.examples.bad]
    if meta.examples.good:
        lines += ["", "Accepted:"] + [f"  ✓ {e}" for e in meta.examples.good]
    out.write("\n".join(lines) + "\n")
    return EXIT_CLEAN
