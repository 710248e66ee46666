"""copydesk as a library: the one entry point under the CLI and the editor server.

A :class:`Workspace` answers, for any path under a root, which settings apply
(the nearest config file, with the caller's :class:`Overrides` on top, as
``copydesk.resolve`` decides), and
lints or fixes text with everything ``copydesk check`` applies: format and
document kind, language, per-file ignores, vocabulary, severity overrides.
Configs and compiled rulesets are memoised per workspace, so a long-lived
caller (an editor server, a pipeline) pays for them once; :meth:`reload`
forgets them when a config or rule file changes. Nothing here knows argparse
or a terminal: the CLI turns its flags into ``Overrides`` and its output into
reports, an editor does the same with its own settings.

    from pathlib import Path
    from copydesk import api

    workspace = api.Workspace(Path("."))
    for finding in workspace.lint_text(Path("draft.txt"), text):
        print(finding.line, finding.col, finding.rule, finding.message)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from copydesk.batch import (
    FileResult,
    LazyRuleset,
    RuleOptions,
    lint_targets,
    settle_heap,
)
from copydesk.config import Config, find_config, load_config
from copydesk.errors import InputError
from copydesk.files import STDIN, Target, discover, format_for
from copydesk.model import Finding, RuleMeta
from copydesk.project_terms import (
    MIN_FILES,
    NO_TERMS,
    TreeTerms,
    drop_project_terms,
    tree_terms,
)
from copydesk.resolve import Overrides, Plan, Settings, make_plan

if TYPE_CHECKING:
    from copydesk.cache import ResultsCache
    from copydesk.collection_output import FindingSink
    from copydesk.collection_run import CollectionEngine, CollectionJob, CollectionRun
    from copydesk.collections import CollectionSpec
    from copydesk.engine import RunState
    from copydesk.fix import FixResult
    from copydesk.origins import Origin
    from copydesk.relint import RelintCache
    from copydesk.ruleset import Ruleset

__all__ = ["LintRun", "Overrides", "Plan", "Settings", "Workspace"]


class LintRun:
    """The outcome of :meth:`Workspace.lint_paths`."""

    __slots__ = ("metas", "problems", "results")

    #: One result per file, in the order the paths were given and walked.
    results: Final[list[FileResult]]
    #: Paths that could not be linted at all (missing, unreadable on walk).
    problems: Final[list[InputError]]
    #: Metadata of every rule that ran, by id (for reporters).
    metas: dict[str, RuleMeta]

    def __init__(self) -> None:
        self.results = []
        self.problems = []
        self.metas = {}

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the run, sorted by path, line and column."""
        found = (f for r in self.results for f in r.findings)
        return sorted(found, key=lambda f: f.sort_key)


class Workspace:
    """Settings and rulesets for every path under ``root``, memoised.

    Relative paths are taken relative to ``root``, for finding their config
    and per-file ignores; findings carry the path as given. The CLI's
    workspace is the working directory.
    """

    def __init__(self, root: Path | str = ".", overrides: Overrides | None = None):
        self.root = Path(root)
        self.overrides = overrides or Overrides()
        self._configs: dict[str, Config] = {}
        self._plans: dict[Config, Plan] = {}
        self._rules: dict[RuleOptions, LazyRuleset] = {}
        #: Paragraph findings of the texts linted last, for the next edit;
        #: made by the first ``lint_text`` (a check of files never re-lints,
        #: and need not import ``relint`` and the window reader it uses).
        self._texts: RelintCache | None = None

    def reload(self) -> None:
        """Forget every config and ruleset read so far: a config or rule file
        changed (the editor server calls this when its watcher fires)."""
        self._configs.clear()
        self._plans.clear()
        self._rules.clear()
        if self._texts is not None:
            self._texts.clear()

    # --- settings -----------------------------------------------------------

    def _locate(self, path: Path | str) -> str:
        """``path`` on disk: relative paths are relative to the root."""
        given = os.fspath(path)
        if os.path.isabs(given) or str(self.root) in ("", "."):
            return given
        return os.path.join(self.root, given)

    def plan_for(self, path: Path | str) -> Plan:
        """The plan of the config nearest to ``path`` (a file or a folder).

        Raises :class:`copydesk.config.ConfigError` (a CopydeskError naming
        the file and key) when that config cannot be used.
        """
        config = self._config_for(path)
        plan = self._plans.get(config)
        if plan is None:
            self._check_names(config)
            plan = make_plan(config, self.overrides, self.root)
            self._plans[config] = plan
        return plan

    def _check_names(self, config: Config) -> None:
        """Every rule and pack the config and the overrides name exists
        (errors name the config key, or the override, with a guess).

        Nothing to check when neither names a rule, a pack or a rules folder
        (a check without a config or flags): listing every shipped rule file
        for that was 0.5 ms of a one-file start.
        """
        overrides = self.overrides
        if not (
            config.packs
            or config.rules_path
            or config.select
            or config.ignore
            or config.severity
            or config.per_file_ignores
            or config.rule_options
            or overrides.select
            or overrides.ignore
            or overrides.rule_dirs
        ):
            return
        from copydesk.config_names import (
            check_config_names,
            check_override_names,
            rule_files,
        )

        files = rule_files((*config.rules_path, *overrides.rule_dirs))
        check_config_names(config, files)
        chosen = {"select": overrides.select, "ignore": overrides.ignore}
        check_override_names(chosen, files)

    def _config_for(self, path: Path | str) -> Config:
        """The nearest config file's settings, or the one ``--config`` names,
        or none with ``--isolated``."""
        if self.overrides.isolated:
            return Config()
        given = self.overrides.config_file
        if given is None:
            return find_config(self._locate(path), self._configs)
        config = self._configs.get("file:" + given)
        if config is None:
            config = load_config(self._locate(given))
            self._configs["file:" + given] = config
        return config

    def settings_for(self, path: Path | str) -> Settings:
        """What applies to the file at ``path`` (it need not exist).

        ``-`` stands for standard input with no name: plain text under the
        root's config.
        """
        name = os.fspath(path)
        if name == STDIN:
            plan = self.plan_for(self.root)
            return Settings(STDIN, plan, "plain", plan.options.kind_of(STDIN, "plain"))
        folder = os.path.dirname(name) or "."
        plan = self.plan_for(folder)
        fmt = format_for(name, plan.format_for) or "plain"
        located = self._locate(name)
        return Settings(
            name,
            plan,
            fmt,
            plan.options.kind_of(located, fmt),
            plan.config.ignored_rules(located),
        )

    def origins_for(self, path: Path | str) -> list[Origin]:
        """Each setting that applies to ``path`` and where it comes from
        (an override, a config key, the default): ``copydesk config``."""
        from copydesk.origins import origins

        name = os.fspath(path)
        located = name if name == STDIN else self._locate(name)
        return origins(self.settings_for(path), self.overrides, located)

    def rules(self, plan: Plan) -> LazyRuleset:
        """The plan's ruleset, compiled on first use and kept."""
        rules = self._rules.get(plan.options)
        if rules is None:
            rules = LazyRuleset(plan.options)
            self._rules[plan.options] = rules
        return rules

    def ruleset_for(self, path: Path | str) -> Ruleset:
        """The compiled ruleset that applies to ``path`` (RuleError if a rule
        file is bad)."""
        return self.rules(self.settings_for(path).plan).get()

    def rule_meta(
        self, rule_id: str, path: Path | str | None = None
    ) -> RuleMeta | None:
        """A rule's metadata as configured for ``path`` (default: the root)."""
        plan = self.plan_for(self.root if path is None else path)
        return self.rules(plan).get().metas.get(rule_id)

    # --- one text -----------------------------------------------------------

    def lint_text(
        self, path: Path | str, text: str, *, run: RunState | None = None
    ) -> list[Finding]:
        """The findings ``copydesk check`` gives for ``text`` as the file ``path``.

        The file need not exist and is never read: an editor passes its
        unsaved buffer. Findings are sorted and carry ``path`` as given. The
        paragraphs unchanged since the last call for ``path`` are not checked
        again by the rules that judge a paragraph alone (``copydesk.relint``).
        """
        settings = self.settings_for(path)
        return self._lint(settings, text, run)

    def _lint(
        self, settings: Settings, text: str, run: RunState | None = None
    ) -> list[Finding]:
        from copydesk.relint import RelintCache, read_buffer

        plan = settings.plan
        options = plan.options
        doc = read_buffer(
            text, settings.path, settings.format, options.language, settings.kind
        )
        if self._texts is None:
            self._texts = RelintCache()
        found = self._texts.lint(doc, self.rules(plan).get(), options.overrides, run)
        if not settings.ignored:
            return found
        return [f for f in found if settings.keeps(f)]

    def fix_text(
        self,
        path: Path | str,
        text: str,
        *,
        unsafe: bool = False,
        terms: TreeTerms = NO_TERMS,
    ) -> FixResult:
        """``text`` with its fixes applied (safe ones; ``unsafe`` adds the rest),
        in rounds until nothing changes, and the findings that remain.

        Rules switched off for ``path`` by ``per-file-ignores`` fix nothing;
        nor do findings that ``terms``, what a run over the tree's files
        learnt, drops (:mod:`copydesk.project_terms`): the tree's own terms,
        the spellings its pages outvote.
        """
        from copydesk.engine import RunState
        from copydesk.fix import fix_text

        settings = self.settings_for(path)
        run = RunState()
        metas = self.rules(settings.plan).get().metas if terms else {}
        return fix_text(
            text,
            lambda t: terms.without(self._lint(settings, t, run), metas),
            unsafe=unsafe,
        )

    def tree_terms(
        self,
        plans: Sequence[tuple[Plan, Sequence[Target]]],
        *,
        jobs: int = 1,
        cache: Path | None = None,
    ) -> TreeTerms:
        """What a lint of ``plans`` learns of the tree's words, as
        :meth:`lint_plans` does (nothing from fewer files than
        :data:`copydesk.project_terms.MIN_FILES`)."""
        # Files only: standard input can be read once, by the fix itself.
        files = [(plan, [t for t in group if t.path != STDIN]) for plan, group in plans]
        if sum(len(group) for _, group in files) < MIN_FILES:
            return NO_TERMS
        run = self._linted(files, jobs, cache)  # per-file ignores, as check
        return tree_terms(run.results, run.metas)

    # --- many files ---------------------------------------------------------

    def plan_paths(
        self,
        paths: Sequence[str],
        problems: list[InputError],
        stdin_name: str | None = None,
        shard: tuple[int, int] | None = None,
    ) -> list[tuple[Plan, list[Target]]]:
        """Walk ``paths`` into targets grouped by the plan that applies to
        each, in first-seen order; what cannot be walked goes to ``problems``.

        ``stdin_name`` is the name (and so the format and config) of ``-``.
        ``shard`` ``(k, n)`` keeps the k-th of n parts of the files
        (:func:`shard_of`), for n CI jobs that share one run.
        """
        root_plan = self.plan_for(self.root)
        targets = discover(
            list(paths) or [str(self.root)],
            root_plan.format_for,
            problems,
            exclude=root_plan.config.exclude,
        )
        if shard is not None:
            index, count = shard
            targets = [
                t for t in targets if shard_of(self._shard_name(t.path), count) == index
            ]
        groups: dict[Plan, list[Target]] = {}
        for target in targets:
            if target.path == STDIN:
                plan = self.plan_for(stdin_name or self.root)
            else:
                plan = self.plan_for(os.path.dirname(target.path) or ".")
            groups.setdefault(plan, []).append(target)
        return [
            (plan, [self._resolve(t, plan, stdin_name) for t in group])
            for plan, group in groups.items()
        ]

    def _shard_name(self, path: str) -> str:
        """The name a file is sharded by: relative to the root, with ``/``,
        so every job of a CI matrix (each in its own checkout) agrees."""
        if path == STDIN:
            return path
        located = os.path.abspath(self._locate(path))
        return os.path.relpath(located, os.path.abspath(self.root)).replace(os.sep, "/")

    def _resolve(self, target: Target, plan: Plan, stdin_name: str | None) -> Target:
        """``target`` with its format and kind, read from the name it goes by."""
        name = stdin_name if target.path == STDIN and stdin_name else target.path
        fmt = "plain" if name == STDIN else format_for(name, plan.format_for) or "plain"
        located = name if name == STDIN else self._locate(name)
        kind = plan.options.kind_of(located, fmt)
        return Target(target.path, fmt, kind, self.overrides.encoding or "")

    def lint_paths(
        self,
        paths: Sequence[Path | str],
        *,
        jobs: int = 1,
        cache: Path | None = None,
        stdin_name: str | None = None,
        progress: Callable[[], None] | None = None,
        shard: tuple[int, int] | None = None,
    ) -> LintRun:
        """Lint files and folders (walked, honouring ``exclude`` and
        ``.gitignore``) as ``copydesk check`` does.

        ``jobs`` worker processes lint in parallel; ``cache`` is a results
        cache folder (None: no cache); ``progress`` is called once per file;
        ``shard`` ``(k, n)`` lints only the k-th of n parts of the files.
        """
        problems: list[InputError] = []
        names = [os.fspath(p) for p in paths]
        plans = self.plan_paths(names, problems, stdin_name, shard)
        run = self.lint_plans(
            plans, jobs=jobs, cache=cache, stdin_name=stdin_name, progress=progress
        )
        run.problems[:0] = problems
        return run

    def lint_plans(
        self,
        plans: Sequence[tuple[Plan, Sequence[Target]]],
        *,
        jobs: int = 1,
        cache: Path | None = None,
        stdin_name: str | None = None,
        progress: Callable[[], None] | None = None,
    ) -> LintRun:
        """The second half of :meth:`lint_paths`, for a caller that wants to
        know how many files there are before linting them (a progress bar)."""
        run = self._linted(plans, jobs, cache, stdin_name, progress)
        drop_project_terms(run.results, run.metas)
        return run

    def _linted(
        self,
        plans: Sequence[tuple[Plan, Sequence[Target]]],
        jobs: int,
        cache: Path | None,
        stdin_name: str | None = None,
        progress: Callable[[], None] | None = None,
    ) -> LintRun:
        """Each file's findings after its config's settlement (per-file
        ignores, fail level), before the run's own decisions."""
        run = LintRun()
        for plan, group in plans:
            rules = self.rules(plan)
            results_cache = _results_cache(cache, plan) if cache is not None else None
            results = lint_targets(group, rules, jobs, results_cache, progress)
            run.metas.update(_metas(rules, results_cache))
            if results_cache is not None:
                results_cache.prune()
            for result in results:
                self.settle(result, plan, stdin_name)
            run.results.extend(results)
        return run

    def lint_plans_learning(
        self,
        plans: Sequence[tuple[Plan, Sequence[Target]]],
        *,
        progress: Callable[[], None] | None = None,
    ) -> LintRun:
        """:meth:`lint_plans` with cross-document debris (``--learn-boilerplate``):
        each file's folder is its source. No results cache: a file's findings
        depend on its neighbours."""
        from copydesk.collection_run import lint_files_learning

        run = LintRun()
        groups = [(self.rules(p).get(), p.options, group) for p, group in plans]
        learnt = lint_files_learning(groups, progress)
        for (plan, _), results in zip(plans, learnt, strict=True):
            run.metas.update(self.rules(plan).get().metas)
            for result in results:
                self.settle(result, plan, None)
            run.results.extend(results)
        drop_project_terms(run.results, run.metas)
        return run

    # --- collections --------------------------------------------------------

    def collection_job(self, spec: CollectionSpec) -> CollectionJob:
        """The settings of a collection: those of the file that holds it."""
        from copydesk.collection_run import CollectionJob

        settings = self.settings_for(spec.path)
        return CollectionJob(settings.plan.options, spec.path, settings.ignored)

    def lint_collection(
        self,
        spec: CollectionSpec,
        sink: FindingSink,
        *,
        engine: CollectionEngine | None = None,
    ) -> CollectionRun:
        """Lint every document of a JSON Lines or Parquet collection, writing
        its findings, keyed by document id, to ``sink``; records that cannot
        be linted are the run's ``errors``. ``engine`` runs the two passes
        (boilerplate counts, then linting): this process by default, or a
        ``copydesk.distributed.DaskEngine``."""
        from copydesk.collection_run import CollectionWork, LocalEngine

        ruleset = self.rules(self.settings_for(spec.path).plan).get()
        # A collection streams its documents through this process: collect
        # their cycles, as a run over many files does.
        settle_heap()
        work = CollectionWork(spec, self.collection_job(spec), ruleset)
        return (engine or LocalEngine()).run(work, sink)

    def settle(self, result: FileResult, plan: Plan, stdin_name: str | None) -> None:
        """Apply what the file's config says after linting: its fail level,
        its per-file ignores, and the name stdin goes by."""
        result.fail_level = plan.fail_level
        if result.path == STDIN and stdin_name:
            result.path = stdin_name
            result.findings = [f._replace(path=stdin_name) for f in result.findings]
        ignored = plan.config.ignored_rules(self._locate(result.path))
        if ignored:
            settings = Settings(result.path, plan, "", "", ignored)
            result.findings = [f for f in result.findings if settings.keeps(f)]


def shard_of(name: str, count: int) -> int:
    """Which of ``count`` shards (1-based) the file called ``name`` is in.

    A hash of the name, not Python's ``hash`` (randomised per process): the
    jobs of a CI matrix must agree without talking to each other, and a file
    stays in its shard when others are added. Sharding picks files only, so
    the results cache (keyed by content) serves sharded and whole runs alike.
    """
    import hashlib  # here: it loads OpenSSL, and a check that shards nothing needs none

    digest = hashlib.blake2b(name.encode("utf-8", "surrogateescape"), digest_size=8)
    return int.from_bytes(digest.digest(), "big") % count + 1


def _results_cache(folder: Path, plan: Plan) -> ResultsCache:
    """The results cache of ``plan``'s ruleset under ``folder``."""
    from copydesk.cache import ResultsCache, ruleset_identity
    from copydesk.rulefiles import shipped_rules_dir

    options = plan.options
    dirs = [shipped_rules_dir(), *(Path(d) for d in options.rule_dirs)]
    return ResultsCache(folder, ruleset_identity(dirs, repr(options)))


def _metas(
    rules: LazyRuleset, results_cache: ResultsCache | None
) -> dict[str, RuleMeta]:
    """Rule metadata for reporters, from the cache when the rules were never loaded."""
    if results_cache is None:
        return rules.metas()
    if not rules.loaded:
        cached = results_cache.get_metas()
        if cached is not None:
            return cached
    metas = rules.metas()
    results_cache.put_metas(metas)
    return metas
