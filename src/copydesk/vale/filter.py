"""``--filter``: Vale's rule filter expressions, evaluated without ``eval``.

Vale runs the expression (expr-lang) once per loaded rule, with the rule's
fields in scope: ``.Name``, ``.Level``, ``.Scope`` (a list), ``.Extends``,
``.Message``, ``.Description``, ``.Link``, ``.Limit``. Rules for which it is
true are kept; a filter that mentions ``.Level`` may also lower the minimum
alert level to the lowest level it kept. The expression may be a file path.
This module parses the expression language's operators (``and or not``,
``&& || !``, ``== != < <= > >=``, ``in``, ``not in``, ``matches``,
``contains``, ``startsWith``, ``endsWith``, arithmetic, lists, parentheses,
``len``/``lower``/``upper``/``trim``) into a small tree and walks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copydesk.vale.lexer import lex

__all__ = ["FilterError", "RuleFields", "apply_filter", "compile_filter"]

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    | (?P<num>\d+(?:\.\d+)?)
    | (?P<field>\.[A-Za-z_]\w*)
    | (?P<name>[A-Za-z_]\w*)
    | (?P<op>&&|\|\||==|!=|<=|>=|[-+*/%<>!()\[\],#])
    )""",
    re.X,
)
_WORD_OPS = {"and": "&&", "or": "||"}
_PRECEDENCE = {
    "||": 1,
    "&&": 2,
    "==": 3,
    "!=": 3,
    "<": 3,
    "<=": 3,
    ">": 3,
    ">=": 3,
    "in": 4,
    "not in": 4,
    "matches": 4,
    "contains": 4,
    "startsWith": 4,
    "endsWith": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "%": 6,
}
_FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "len": len,
    "lower": lambda s: str(s).lower(),
    "upper": lambda s: str(s).upper(),
    "trim": lambda s: str(s).strip(),
}

RuleFields = Mapping[str, Any]
Node = Callable[[RuleFields], Any]


class FilterError(ValueError):
    """An expression outside the supported language."""


def _unquote(text: str) -> str:
    body = text[1:-1]
    return re.sub(
        r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body
    )


@dataclass
class _Parser:
    tokens: list[tuple[str, str]]
    pos: int = 0

    def peek(self, ahead: int = 0) -> tuple[str, str] | None:
        index = self.pos + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise FilterError("unexpected end of filter")
        self.pos += 1
        return token

    def binary_op(self) -> str | None:
        token = self.peek()
        if token is None:
            return None
        kind, text = token
        if kind == "op" and text in _PRECEDENCE:
            return text
        if kind == "name":
            if text in _WORD_OPS:
                return _WORD_OPS[text]
            if text == "not" and self.peek(1) == ("name", "in"):
                return "not in"
            if text in _PRECEDENCE:
                return text
        return None

    def expression(self, floor: int = 0) -> Node:
        left = self.unary()
        while True:
            op = self.binary_op()
            if op is None or _PRECEDENCE[op] <= floor:
                return left
            self.pos += 2 if op == "not in" else 1
            right = self.expression(_PRECEDENCE[op])
            left = _binary(op, left, right)

    def unary(self) -> Node:
        kind, text = self.take()
        if (kind, text) in (("op", "!"), ("name", "not")):
            inner = self.unary()
            return lambda env: not inner(env)
        if (kind, text) == ("op", "-"):
            inner = self.unary()
            return lambda env: -inner(env)
        if (kind, text) == ("op", "("):
            inner = self.expression()
            if self.take() != ("op", ")"):
                raise FilterError("expected ')'")
            return inner
        if (kind, text) == ("op", "["):
            return self.array()
        if kind == "str":
            value: Any = _unquote(text)
            return lambda _env: value
        if kind == "num":
            number = float(text) if "." in text else int(text)
            return lambda _env: number
        if kind == "field":
            key = text[1:]
            return lambda env: _field(env, key)
        if kind == "name":
            return self.name(text)
        raise FilterError(f"unexpected {text!r}")

    def array(self) -> Node:
        items: list[Node] = []
        while self.peek() != ("op", "]"):
            items.append(self.expression())
            if self.peek() == ("op", ","):
                self.pos += 1
        self.pos += 1
        return lambda env: [item(env) for item in items]

    def name(self, text: str) -> Node:
        constants = {"true": True, "false": False, "nil": None}
        if text in constants:
            constant = constants[text]
            return lambda _env: constant
        if text in _FUNCTIONS and self.peek() == ("op", "("):
            self.pos += 1
            argument = self.expression()
            if self.take() != ("op", ")"):
                raise FilterError("expected ')'")
            function = _FUNCTIONS[text]
            return lambda env: function(argument(env))
        return lambda env: _field(env, text)


def _field(env: RuleFields, key: str) -> Any:
    if key not in env:
        raise FilterError(f"unknown field '{key}'")
    return env[key]


def _binary(op: str, left: Node, right: Node) -> Node:
    table: dict[str, Callable[[Any, Any], Any]] = {
        "==": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
        "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b,
        "in": lambda a, b: a in b,
        "not in": lambda a, b: a not in b,
        "matches": lambda a, b: re.search(str(b), str(a)) is not None,
        "contains": lambda a, b: str(b) in str(a),
        "startsWith": lambda a, b: str(a).startswith(str(b)),
        "endsWith": lambda a, b: str(a).endswith(str(b)),
        "+": lambda a, b: a + b,
        "-": lambda a, b: a - b,
        "*": lambda a, b: a * b,
        "/": lambda a, b: a / b,
        "%": lambda a, b: a % b,
    }
    if op == "&&":
        return lambda env: bool(left(env)) and bool(right(env))
    if op == "||":
        return lambda env: bool(left(env)) or bool(right(env))
    function = table[op]

    def apply(env: RuleFields) -> Any:
        try:
            return function(left(env), right(env))
        except (TypeError, ZeroDivisionError, re.error) as exc:
            raise FilterError(str(exc)) from None

    return apply


def _tokens(text: str) -> list[tuple[str, str]]:
    return lex(_TOKEN, text.strip(), FilterError)


def compile_filter(source: str) -> Node:
    """Parse a filter (or the file it names) into a predicate."""
    path = Path(source)
    if source and path.is_file():
        source = path.read_text(encoding="utf-8")
    parser = _Parser(_tokens(source))
    node = parser.expression()
    if parser.peek() is not None:
        raise FilterError(f"unexpected {parser.peek()[1]!r}")  # type: ignore[index]
    return node


def apply_filter(source: str, rules: Sequence[RuleFields]) -> list[RuleFields]:
    """The rules the filter keeps."""
    predicate = compile_filter(source)
    return [fields for fields in rules if predicate(fields) is True]
