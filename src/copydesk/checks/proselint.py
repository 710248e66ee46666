"""``proselint``: run proselint's own checks and report them as copydesk findings.

proselint's whole untyped surface stays in this module. It is imported on the
first ``run`` (never when rules load, so startup stays fast), its process-wide
registry is filled once, and it lints the prose view so code is never linted.
proselint wraps the text as ``"\\n" + text + "\\n"``, so each span is the source
offset plus one. Its replacements become UNSAFE fixes by default: they are
editorial preferences and do not keep the case of what they replace
("Irregardless" → "regardless"). Where several proselint checks flag the same
span, their messages are joined into one finding.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final

from copydesk.checks.base import Check, CheckTypeBase, LoadContext, fix_by_applicability
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

#: Joins the messages of proselint checks that flag the very same span: one
#: finding per span is what the engine keeps, and no check's word is lost.
SEPARATOR = " | "
#: proselint stops after this many results; copydesk wants them all.
_NO_LIMIT = 10**9


class Proselint(CheckTypeBase):
    """Runs a fixed selection of proselint checks over the prose view."""

    __slots__ = ("applicability", "defaults", "meta", "overrides")

    #: Unless the rule file says ``applicability: safe``.
    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("defaults", (bool,)),
            Key("checks", (dict,)),
            Key("applicability", (str,)),
        )
    }

    meta: Final[RuleMeta]
    #: Overrides on top of the default set: flat dotted path → enabled.
    overrides: Final[tuple[tuple[str, bool], ...]]
    defaults: Final[bool]
    applicability: Final[Applicability]

    def __init__(
        self,
        meta: RuleMeta,
        overrides: tuple[tuple[str, bool], ...],
        defaults: bool,
        applicability: Applicability,
    ) -> None:
        self.meta = meta
        self.overrides = overrides
        self.defaults = defaults
        self.applicability = applicability

    @classmethod
    def fix_availability(cls, data: Mapping[str, Any]) -> FixAvailability:
        return fix_by_applicability(data)

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        overrides = flatten(data.get("checks", {}), meta.source)
        defaults = bool(data.get("defaults", False))
        if not defaults and not any(overrides.values()):
            raise RuleError(
                meta.source, "key 'checks': enable at least one check (or defaults)"
            )
        try:
            applicability = Applicability(data.get("applicability", "unsafe"))
        except ValueError:
            raise RuleError(
                meta.source, "key 'applicability': expected safe or unsafe"
            ) from None
        return cls(meta, tuple(overrides.items()), defaults, applicability)

    def run(self, doc: Document) -> Iterator[Finding]:
        if not doc.prose.strip():  # proselint raises on empty text
            return
        selection = _selection(self.overrides, defaults=self.defaults)
        merged: dict[tuple[int, int], tuple[list[str], str | None]] = {}
        for span, path, message, replacement in _lint(doc.prose, selection):
            start = max(0, min(span[0] - 1, len(doc.text)))
            end = max(start, min(span[1] - 1, len(doc.text)))
            messages, fix = merged.setdefault((start, end), ([], replacement))
            messages.append(f"[{path}] {message}")
            if fix is None and replacement:
                merged[(start, end)] = (messages, replacement)
        for (start, end), (messages, replacement) in merged.items():
            yield self._finding(doc, start, end, SEPARATOR.join(messages), replacement)

    def _finding(
        self, doc: Document, start: int, end: int, message: str, replacement: str | None
    ) -> Finding:
        if not replacement:
            return self.meta.finding(doc, start, end, message)
        fix = Fix((Edit(start, end, replacement),), self.applicability)
        return self.meta.finding(doc, start, end, message, (replacement,), fix)


def flatten(
    checks: Mapping[Any, Any], source: str, prefix: str = ""
) -> dict[str, bool]:
    """Nested or dotted ``checks`` → one flat dict of dotted paths."""
    flat: dict[str, bool] = {}
    for key, value in checks.items():
        if not isinstance(key, str) or not key:
            raise RuleError(source, f"key 'checks': bad check name {key!r}")
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, bool):
            flat[path] = value
        elif isinstance(value, dict):
            flat.update(flatten(value, source, path))
        else:
            raise RuleError(
                source, f"key 'checks.{path}': expected true, false or a mapping"
            )
    return flat


def deepest_first(checks: Mapping[str, bool]) -> dict[str, bool]:
    """proselint takes the first matching prefix, so the most specific comes first."""
    return dict(sorted(checks.items(), key=lambda kv: (-kv[0].count("."), kv[0])))


@functools.cache
def _selection(
    overrides: tuple[tuple[str, bool], ...], *, defaults: bool
) -> dict[str, bool]:
    base: dict[str, bool] = {}
    if defaults:
        from proselint.config import DEFAULT

        base = flatten(DEFAULT["checks"], "proselint")
    return deepest_first({**base, **dict(overrides)})


@functools.cache
def _registry() -> Any:
    """proselint's singleton registry, with each of its checks registered once.

    Registering twice doubles every finding, and other code in the process
    (proselint's CLI, a test) may have registered already.
    """
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry

    registry = CheckRegistry()
    known = {id(c) for c in registry.checks}
    missing = tuple(c for c in __register__ if id(c) not in known)
    if missing:
        registry.register_many(missing)
    _linear_illusions(registry.checks)
    return registry


def _linear_illusions(checks: list[Any]) -> None:
    """Put a search of the same matches in linear time (``proselint_illusions``)
    in place of proselint's lexical-illusion check, in its place in the
    registry so results come in the same order: its own pattern is quadratic
    on a long word, in a C call the file-timeout cannot cut. Only a check
    whose pattern and engine options are the ones reproduced is replaced."""
    from proselint.registry.checks.engine import Fancy

    from copydesk import proselint_illusions

    for index, check in enumerate(checks):
        spec = check.check_type
        if (
            check.path == "lexical_illusions"
            and getattr(spec, "pattern", None) == proselint_illusions.PATTERN
            and isinstance(check.engine, Fancy)
            and check.engine.opts.case_insensitive
            and not check.engine.opts.multi_line
        ):
            found = functools.partial(_illusions, tuple(spec.exceptions))
            checks[index] = check._replace(check_type=found)


def _illusions(exceptions: tuple[str, ...], text: str, check: Any) -> Iterator[Any]:
    """The lexical-illusion check's results, as proselint's ``ExistenceSimple``
    makes them from its pattern's matches (the phrase, stripped, unless it is
    one of the ``exceptions``)."""
    from proselint.registry.checks import CheckResult
    from proselint.registry.checks.engine import Anchor, Padding

    from copydesk import proselint_illusions

    barred = check.engine.make_set(Padding.RAW, exceptions, Anchor.ANCHOR_BOTH)
    for match in proselint_illusions.matches(text):
        phrase = match.group(0).strip()
        if barred.exists_in(phrase):
            continue
        yield CheckResult(
            span=(match.start() + check.offset[0], match.end() + check.offset[1]),
            check_path=check.path,
            message=check.message.format(phrase),
            replacements=None,
        )


def _lint(
    text: str, selection: dict[str, bool]
) -> Iterator[tuple[tuple[int, int], str, str, str | None]]:
    """(span, check path, message, replacement) for each proselint result."""
    from proselint.tools import LintFile

    _registry()
    config = {"max_errors": _NO_LIMIT, "checks": selection}
    for result in LintFile("copydesk", text).lint(config):
        found = result.check_result
        start, end = found.span
        replacement = found.replacements
        yield (
            (int(start), int(end)),
            str(found.check_path),
            str(found.message),
            None if replacement is None else str(replacement),
        )
