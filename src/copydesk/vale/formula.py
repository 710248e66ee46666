"""The arithmetic of ``metric`` rules, evaluated without running code.

Vale hands ``formula`` and ``condition`` to the Tengo interpreter. Rules use
a small part of it: numbers, the document counts as variables, ``+ - * / %``,
comparisons, ``&& || !``, parentheses and ``math.*`` functions. This module
parses exactly that (a Pratt parser over a token list) and evaluates it on
floats, with Tengo's integer division when both sides are integer literals.
Anything else is a :class:`FormulaError`, never ``eval``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping

from copydesk.vale.lexer import lex

__all__ = ["FormulaError", "evaluate"]

Value = float | int | bool

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+\.\d*|\.\d+|\d+(?:[eE][-+]?\d+)?)|(?P<name>[A-Za-z_][\w.]*)"
    r"|(?P<op>&&|\|\||==|!=|<=|>=|[-+*/%<>!()_,]))"
)
_BINARY: dict[str, int] = {
    "||": 1,
    "&&": 2,
    "==": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "%": 6,
}
_FUNCTIONS: dict[str, Callable[..., float]] = {
    "math.sqrt": math.sqrt,
    "math.pow": math.pow,
    "math.abs": abs,
    "math.floor": math.floor,
    "math.ceil": math.ceil,
    "math.round": round,
    "math.log": math.log,
    "math.log10": math.log10,
    "math.log2": math.log2,
    "math.exp": math.exp,
    "math.max": max,
    "math.min": min,
    "math.trunc": math.trunc,
}
_CONSTANTS = {"math.pi": math.pi, "math.e": math.e, "true": True, "false": False}


class FormulaError(ValueError):
    """A formula outside the supported arithmetic, or one that fails."""


def _tokens(text: str) -> list[tuple[str, str]]:
    return lex(_TOKEN, text.rstrip(), FormulaError)


class _Parser:
    def __init__(self, text: str, variables: Mapping[str, float]) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.variables = variables

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise FormulaError("unexpected end of formula")
        self.pos += 1
        return token

    def expect(self, op: str) -> None:
        if self.take() != ("op", op):
            raise FormulaError(f"expected {op!r}")

    def parse(self) -> Value:
        value = self.expression(0)
        if self.peek() is not None:
            raise FormulaError(f"unexpected {self.peek()[1]!r}")  # type: ignore[index]
        return value

    def expression(self, floor: int) -> Value:
        left = self.unary()
        while True:
            token = self.peek()
            if token is None or token[0] != "op" or token[1] not in _BINARY:
                return left
            power = _BINARY[token[1]]
            if power <= floor:
                return left
            self.pos += 1
            right = self.expression(power)
            left = _apply(token[1], left, right)

    def unary(self) -> Value:
        kind, text = self.take()
        if kind == "op" and text == "-":
            return -_number(self.unary())
        if kind == "op" and text == "+":
            return _number(self.unary())
        if kind == "op" and text == "!":
            return not self.unary()
        if kind == "op" and text == "(":
            value = self.expression(0)
            self.expect(")")
            return value
        if kind == "num":
            return float(text) if any(c in text for c in ".eE") else int(text)
        if kind == "name":
            return self.name(text)
        raise FormulaError(f"unexpected {text!r}")

    def name(self, text: str) -> Value:
        if text in _FUNCTIONS:
            self.expect("(")
            args: list[float] = []
            if self.peek() != ("op", ")"):
                args.append(_number(self.expression(0)))
                while self.peek() == ("op", ","):
                    self.pos += 1
                    args.append(_number(self.expression(0)))
            self.expect(")")
            try:
                return _FUNCTIONS[text](*args)
            except (TypeError, ValueError, OverflowError) as exc:
                raise FormulaError(f"{text}: {exc}") from None
        if text in _CONSTANTS:
            return _CONSTANTS[text]
        if text in self.variables:
            return self.variables[text]
        raise FormulaError(f"unresolved reference '{text}'")


def _number(value: Value) -> float:
    if isinstance(value, bool):
        raise FormulaError("a boolean is not a number")
    return value


def _apply(op: str, left: Value, right: Value) -> Value:
    if op == "&&":
        return bool(left) and bool(right)
    if op == "||":
        return bool(left) or bool(right)
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    a, b = _number(left), _number(right)
    if op in ("<", "<=", ">", ">="):
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    both_int = isinstance(a, int) and isinstance(b, int)
    if op == "/":
        if b == 0:
            if both_int:
                raise FormulaError("division by zero")
            return math.nan if a == 0 else math.copysign(math.inf, a)
        return int(a / b) if both_int else a / b
    if b == 0:
        raise FormulaError("division by zero")
    return math.fmod(a, b) if not both_int else int(math.fmod(a, b))


def evaluate(text: str, variables: Mapping[str, float]) -> Value:
    """The value of a Tengo arithmetic expression over ``variables``."""
    if not text.strip():
        raise FormulaError("empty expression")
    return _Parser(text, variables).parse()
