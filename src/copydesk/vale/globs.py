"""Vale's glob patterns: config sections, ``--glob`` and ``Transform`` keys.

Vale matches a section name against the path it lints, as given on the
command line or found by walking (``docs/a.md``). ``*`` crosses ``/`` (gobwas
glob without separators), so ``[*.md]`` matches Markdown files in every
folder; ``{md,txt}`` lists alternatives (nestable); ``[!abc]``/``[^abc]`` and
ranges are classes; ``\\`` escapes. A pattern holding ``**`` uses doublestar
semantics instead (``*`` stops at ``/``, ``**`` spans folders). A leading
``!`` negates the pattern (``--glob='!*.txt'``).

A .vale.ini comes with the repository being linted, so a pattern is
untrusted: ``[*a*a*a*a*a*a*a*a*b]`` made a backtracking regex take minutes
per path, and braces nested thousands deep overflowed the regex compiler's
stack. Patterns are therefore matched by a set-of-positions simulation (the
positions of the path each step can reach, kept as bits of an integer):
time is (pattern length) x (path length) whatever the pattern, and braces
may nest :data:`MAX_DEPTH` deep.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from copydesk.vale.ini import excerpt

__all__ = ["MAX_DEPTH", "Glob", "GlobError"]

#: Deepest brace nesting accepted (real patterns nest one or two deep).
MAX_DEPTH = 32


class GlobError(ValueError):
    """A pattern Vale would refuse to compile."""


#: A step of a pattern: a literal character (str of length 1), a character
#: class (compiled), one of the wildcards below, or a brace group (a tuple of
#: alternatives, each a tuple of steps).
Step = str | re.Pattern[str] | int | tuple[tuple["Step", ...], ...]
Steps = tuple[Step, ...]

ANY = 1  # ``?``: one character
ANY_BUT_SLASH = 2  # ``?`` in doublestar mode
STAR = 3  # ``*``: any characters
STAR_BUT_SLASH = 4  # ``*`` in doublestar mode
FOLDERS = 5  # ``**/`` in doublestar mode: nothing, or anything up to a ``/``


class _Parser:
    """Turns a pattern into :data:`Steps` (raises GlobError)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.doublestar = "**" in pattern
        self.i = 0

    def parse(self) -> Steps:
        alternatives = self._sequence(0)
        if self.i < len(self.pattern):  # pragma: no cover - _sequence reads all
            raise GlobError(f"cannot read '{excerpt(self.pattern)}'")
        return alternatives[0]

    def _sequence(self, depth: int) -> tuple[Steps, ...]:
        """Steps up to the end (depth 0) or the ``}`` closing this group;
        inside a group, ``,`` starts the next alternative."""
        pattern, size = self.pattern, len(self.pattern)
        alternatives: list[Steps] = []
        steps: list[Step] = []
        while self.i < size:
            c = pattern[self.i]
            self.i += 1
            if c == "\\" and self.i < size:
                steps.append(pattern[self.i])
                self.i += 1
            elif c == "*":
                steps.append(self._star())
            elif c == "?":
                steps.append(ANY_BUT_SLASH if self.doublestar else ANY)
            elif c == "[":
                steps.append(self._class())
            elif c == "{":
                if depth >= MAX_DEPTH:
                    raise GlobError(f"braces nested over {MAX_DEPTH} deep")
                steps.append(self._sequence(depth + 1))
            elif c == "}" and depth:
                alternatives.append(tuple(steps))
                return tuple(alternatives)
            elif c == "," and depth:
                alternatives.append(tuple(steps))
                steps = []
            else:
                steps.append(c)
        if depth:
            raise GlobError(f"unclosed '{{' in '{excerpt(pattern)}'")
        return (tuple(steps),)

    def _star(self) -> int:
        if not self.doublestar:
            return STAR
        if not self.pattern.startswith("*", self.i):
            return STAR_BUT_SLASH
        self.i += 1
        if self.pattern.startswith("/", self.i):
            self.i += 1
            return FOLDERS
        return STAR

    def _class(self) -> re.Pattern[str]:
        start = self.i - 1
        end = self.pattern.find("]", start + 2)
        if end < 0:
            raise GlobError(f"unclosed '[' in '{excerpt(self.pattern)}'")
        body = self.pattern[start + 1 : end]
        negate = body[:1] in ("!", "^")
        if negate:
            body = body[1:]
        body = body.replace("\\", "\\\\")
        self.i = end + 1
        try:
            return re.compile("[" + ("^" if negate else "") + body + "]", re.S)
        except re.error as exc:
            reason = f"bad class [{excerpt(body)}]: {exc}"
            raise GlobError(reason) from None


@functools.lru_cache(maxsize=512)
def _parsed(pattern: str) -> Steps:
    return _Parser(pattern).parse()


class _Path:
    """One path as bit masks: bit ``p`` stands for position ``p`` (the
    characters before it consumed)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.size = len(path)
        self.every = (1 << (self.size + 1)) - 1  # positions 0..size
        self.chars = self.every >> 1  # positions that have a character after
        self.slashes = self._mask_of("/")
        self.not_slashes = self.chars & ~self.slashes
        # (first, last) positions of each run between slashes: from a
        # position in it, ``*`` without separators reaches up to ``last``
        self.runs: list[tuple[int, int]] = []
        first = 0
        for at, c in enumerate(path):
            if c == "/":
                self.runs.append((first, at))
                first = at + 1
        self.runs.append((first, self.size))
        self._masks: dict[str, int] = {}

    def _mask_of(self, char: str) -> int:
        mask = 0
        at = self.path.find(char)
        while at >= 0:
            mask |= 1 << at
            at = self.path.find(char, at + 1)
        return mask

    def literal(self, char: str) -> int:
        mask = self._masks.get(char)
        if mask is None:
            mask = self._masks[char] = self._mask_of(char)
        return mask

    def step(self, at: int, step: Step) -> int:
        """The positions reachable after ``step`` from those in ``at``."""
        if isinstance(step, str):
            return (at & self.literal(step)) << 1
        if isinstance(step, tuple):
            reached = 0
            for alternative in step:
                reached |= self.run(at, alternative)
            return reached
        if isinstance(step, re.Pattern):
            mask = sum(1 << p for p, c in enumerate(self.path) if step.match(c))
            return (at & mask) << 1
        if step == ANY:
            return (at & self.chars) << 1
        if step == ANY_BUT_SLASH:
            return (at & self.not_slashes) << 1
        lowest = (at & -at).bit_length() - 1
        if step == STAR:
            return self.every & ~((1 << lowest) - 1)
        if step == FOLDERS:
            return at | ((self.slashes & ~((1 << lowest) - 1)) << 1)
        reached = 0  # STAR_BUT_SLASH
        for first, last in self.runs:
            inside = at & ((1 << (last + 1)) - 1) & ~((1 << first) - 1)
            if inside:
                start = (inside & -inside).bit_length() - 1
                reached |= ((1 << (last + 1)) - 1) & ~((1 << start) - 1)
        return reached

    def run(self, at: int, steps: Steps) -> int:
        for step in steps:
            if not at:
                return 0
            at = self.step(at, step)
        return at

    def matches(self, steps: Steps) -> bool:
        return bool(self.run(1, steps) >> self.size & 1)


@functools.lru_cache(maxsize=64)
def _path(path: str) -> _Path:
    """A path's masks, kept while every section of a config is matched
    against it (10,000 sections made a file take 80 ms)."""
    return _Path(path.replace("\\", "/"))


@dataclass(frozen=True, slots=True)
class Glob:
    """One pattern, possibly negated."""

    pattern: str
    negated: bool = False
    steps: Steps = field(default=(), compare=False, repr=False)

    @classmethod
    def compile(cls, text: str) -> Glob:
        """Parse ``text`` (raises GlobError)."""
        negated = text.startswith("!")
        pattern = text.lstrip("!") if negated else text
        return cls(pattern, negated, _parsed(pattern))

    def match(self, path: str) -> bool:
        """Whether ``path`` (any separator) matches."""
        return _path(path).matches(self.steps) != self.negated
