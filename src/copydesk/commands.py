"""The subcommands behind ``copydesk``: one function each, returning an exit code."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from copydesk import __version__
from copydesk.errors import CopydeskError, InputError
from copydesk.files import STDIN, Target, discover, format_for
from copydesk.model import Finding, Severity
from copydesk.ruleset import Ruleset, load_ruleset
from copydesk.runner import FileResult, RuleOptions, default_jobs, lint_targets

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _rule_options(args: argparse.Namespace) -> RuleOptions:
    return RuleOptions(
        rule_dirs=tuple(args.rules),
        select=tuple(getattr(args, "select", ())),
        ignore=tuple(getattr(args, "ignore", ())),
        language=getattr(args, "language", None) or "en",
    )


def _fail_level(name: str | None) -> Severity | None:
    if name == "none":
        return None
    return Severity.parse(name or "warning")


def run_lint(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``check`` and ``fix``: lint (and maybe fix) every path, report, exit code."""
    options = _rule_options(args)
    ruleset = options.load()
    paths = args.paths or ["."]
    problems: list[InputError] = []
    targets = discover(paths, args.format_for, problems)
    if args.stdin_filename:
        fmt = format_for(args.stdin_filename, args.format_for) or "plain"
        targets = [Target(t.path, fmt) if t.path == STDIN else t for t in targets]
    fixing = args.command == "fix" or getattr(args, "fix", False)
    if fixing:
        from copydesk.fixing import fix_targets

        results, summary = fix_targets(targets, ruleset, options, args, out)
    else:
        jobs = args.jobs if args.jobs is not None else default_jobs()
        results = list(lint_targets(targets, ruleset, options, jobs))
        summary = ""
    for result in results:
        if result.path == STDIN and args.stdin_filename:
            result.path = args.stdin_filename
            result.findings = [
                _renamed(f, args.stdin_filename) for f in result.findings
            ]
    for problem in problems:
        print(f"copydesk: error: {problem}", file=err)
    for result in results:
        if result.error is not None:
            print(f"copydesk: error: {result.path}: {result.error}", file=err)
    findings = sorted(
        (f for r in results for f in r.findings), key=lambda f: f.sort_key
    )
    report_stream = (
        err
        if (fixing and STDIN in {t.path for t in targets} and not args.diff)
        else out
    )
    _report(findings, results, ruleset, args, report_stream)
    if summary:
        print(summary, file=report_stream)
    if problems or any(r.error is not None for r in results):
        return EXIT_ERROR
    if (
        fixing
        and args.diff
        and summary.startswith("Would fix")
        and not summary.startswith("Would fix 0")
    ):
        return EXIT_FINDINGS
    level = _fail_level(args.fail_level)
    if level is not None and any(f.severity >= level for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _renamed(finding: Finding, path: str) -> Finding:
    from dataclasses import replace

    return replace(finding, path=path)


def _report(
    findings: Sequence[Finding],
    results: Sequence[FileResult],
    ruleset: Ruleset,
    args: argparse.Namespace,
    out: TextIO,
) -> None:
    from copydesk import report
    from copydesk.cli import use_color

    fmt = args.format or "text"
    ctx = report.ReportContext(
        version=__version__,
        cwd=str(Path.cwd()),
        rules=ruleset.metas,
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
    """'safe', 'unsafe' or '-' as the check type declares (by its fix settings)."""
    applicability = getattr(check, "applicability", None)
    value = getattr(applicability, "value", None)
    if value is None:
        return str(getattr(check, "FIXABLE", "-"))
    if getattr(check, "remove", "match") == "none":
        return "-"
    return str(value)


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
