"""A small evaluator for the spreadsheet formulas of Renja workbooks.

Workbooks written by programs (ours included) carry formulas without saved results; this
computes them: numbers, cell references, ranges, + - * /, comparisons (an empty cell equals
``""``), and SUM, ROUND, IF (only the branch taken is computed), IFERROR, ABS, MIN, MAX, COUNT,
AVERAGE, AND, OR. Anything else raises :class:`FormulaError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<range>\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+)|"
    r"(?P<ref>\$?[A-Z]{1,3}\$?\d+)|(?P<func>[A-Z]+)\(|(?P<str>\"[^\"]*\")|"
    r"(?P<op><>|<=|>=|[-+*/(),=<>]))"
)


class FormulaError(ValueError):
    pass


Lookup = Callable[[str], Any]


MAX_LENGTH = 2_000  # characters of one formula
MAX_RANGE = 50_000  # cells one range may cover
MAX_DEPTH = 50  # brackets and function calls inside each other


def evaluate(formula: str, lookup: Lookup) -> Any:
    """The value of ``=…`` given a function that returns a cell's value by reference.

    Bounded: a formula longer than ``MAX_LENGTH``, a range of more than ``MAX_RANGE`` cells,
    brackets nested deeper than ``MAX_DEPTH`` and any arithmetic that cannot be done (overflow,
    missing arguments) are a :class:`FormulaError`, never a crash or a hang.
    """
    if len(formula) > MAX_LENGTH:
        raise FormulaError(f"longer than {MAX_LENGTH} characters")
    tokens = _tokens(formula.lstrip("="))
    parser = _Parser(tokens, lookup)
    try:
        value = parser.comparison()
    except FormulaError:
        raise
    except (ArithmeticError, IndexError, ValueError, TypeError) as exc:
        raise FormulaError(f"cannot be computed ({type(exc).__name__})") from exc
    if parser.position != len(tokens):
        raise FormulaError(f"unexpected '{tokens[parser.position][1]}' in {formula[:60]}")
    return value


def _tokens(text: str) -> list[tuple[str, str]]:
    out, position = [], 0
    text = text.upper() if '"' not in text else text
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            if text[position:].strip() == "":
                break
            raise FormulaError(f"cannot read formula at '{text[position:]}'")
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        position = match.end()
    return out


def _number(value: Any) -> Decimal:
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, bool):
        return Decimal(int(value))
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise FormulaError(f"'{value}' is not a number") from exc


def _is_number(value: Any) -> bool:
    return isinstance(value, Decimal | int | float) and not isinstance(value, bool)


def _truth(value: Any) -> bool:
    if isinstance(value, str):
        raise FormulaError(f"'{value}' is not TRUE or FALSE")
    return bool(value) if isinstance(value, bool) else _number(value) != 0


def _compare(left: Any, right: Any, op: str) -> bool:
    """As spreadsheets compare: an empty cell equals ``""`` and 0; text is never equal to a
    number and sorts after every number."""
    texts = isinstance(left, str) or isinstance(right, str)
    if not texts:
        a, b = _number(left), _number(right)
    elif (left is None or isinstance(left, str)) and (right is None or isinstance(right, str)):
        a, b = (left or "").casefold(), (right or "").casefold()  # type: ignore[assignment]
    else:  # a number against a text: the text is greater
        a, b = (Decimal(0), Decimal(1)) if isinstance(right, str) else (Decimal(1), Decimal(0))
        if op in ("=", "<>"):
            return op == "<>"
    return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b,
            ">=": a >= b}[op]


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], lookup: Lookup) -> None:
        self.tokens = tokens
        self.position = 0
        self.lookup = lookup
        self.depth = 0

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(f"nested deeper than {MAX_DEPTH}")

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, text: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (text is not None and token[1] != text):
            raise FormulaError(f"expected '{text}'")
        self.position += 1
        return token

    def comparison(self) -> Any:
        left = self.additive()
        token = self.peek()
        if token and token[1] in ("=", "<>", "<", ">", "<=", ">="):
            self.take()
            return _compare(left, self.additive(), token[1])
        return left

    def additive(self) -> Any:
        value = self.term()
        while (token := self.peek()) and token[1] in ("+", "-"):
            self.take()
            right = self.term()
            value = _number(value) + _number(right) if token[1] == "+" else \
                _number(value) - _number(right)
        return value

    def term(self) -> Any:
        value = self.unary()
        while (token := self.peek()) and token[1] in ("*", "/"):
            self.take()
            right = _number(self.unary())
            if token[1] == "*":
                value = _number(value) * right
            else:
                if right == 0:
                    raise FormulaError("division by zero")
                value = _number(value) / right
        return value

    def unary(self) -> Any:
        token = self.peek()
        if token and token[1] == "-":
            self.take()
            self.deeper()
            value = -_number(self.unary())
            self.depth -= 1
            return value
        return self.atom()

    def atom(self) -> Any:
        kind, text = self.take()
        if kind == "num":
            return Decimal(text)
        if kind == "str":
            return text.strip('"')
        if kind == "ref":
            return self.lookup(text.replace("$", ""))
        if kind == "func":
            self.deeper()
            value = self.call(text)
            self.depth -= 1
            return value
        if text == "(":
            self.deeper()
            value = self.comparison()
            self.take(")")
            self.depth -= 1
            return value
        raise FormulaError(f"unexpected '{text}'")

    def arguments(self) -> list[Any]:
        args: list[Any] = []
        if self.peek() and self.peek()[1] == ")":  # type: ignore[index]
            self.take(")")
            return args
        while True:
            token = self.peek()
            if token and token[0] == "range":
                self.take()
                args.extend(self.cells(token[1]))
            else:
                args.append(self.comparison())
            if self.take()[1] == ")":
                return args

    def cells(self, text: str) -> list[Any]:
        start, end = text.replace("$", "").split(":")
        c1, r1 = _split(start)
        c2, r2 = _split(end)
        if (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1) > MAX_RANGE:
            raise FormulaError(f"range {text} covers more than {MAX_RANGE} cells")
        return [self.lookup(f"{get_column_letter(c)}{r}") for r in range(r1, r2 + 1)
                for c in range(c1, c2 + 1)]

    def call(self, name: str) -> Any:
        if name == "IF":  # only the branch taken is computed, as spreadsheets do
            condition = self.comparison()
            if self.take()[1] == ")":
                raise FormulaError("IF needs a condition and a value")
            if _truth(condition):
                value = self.comparison()
                self._skip_to_close()
                return value
            self._skip_argument()
            if self.take()[1] == ")":
                return False
            value = self.comparison()
            self.take(")")
            return value
        if name == "IFERROR":
            start = self.position
            try:
                args = self.arguments()
                return args[0]
            except FormulaError:
                self.position = start
                self._skip_to_second_argument()
                fallback = self.comparison()
                self.take(")")
                return fallback
        args = self.arguments()
        if name == "SUM":
            return sum((_number(a) for a in args), Decimal(0))
        if not args:
            raise FormulaError(f"{name} needs an argument")
        if name == "ROUND":
            places = int(_number(args[1])) if len(args) > 1 else 0
            if not -15 <= places <= 15:
                raise FormulaError(f"ROUND to {places} places")
            return _number(args[0]).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if name == "COUNT":
            return Decimal(sum(1 for a in args if _is_number(a)))
        if name in ("OR", "AND"):
            truths = [_truth(a) for a in args]
            return any(truths) if name == "OR" else all(truths)
        if name == "AVERAGE":
            numbers = [_number(a) for a in args if _is_number(a)]
            if not numbers:
                raise FormulaError("AVERAGE of no numbers")
            return sum(numbers, Decimal(0)) / len(numbers)
        if name == "ABS":
            return abs(_number(args[0]))
        if name in ("MIN", "MAX"):
            numbers = [_number(a) for a in args]
            return min(numbers) if name == "MIN" else max(numbers)
        raise FormulaError(f"function {name} is not supported")

    def _skip_argument(self) -> None:
        """Pass over one argument (not computed), up to and not including its ``,``/``)``."""
        depth = 0
        while (token := self.peek()) is not None:
            kind, text = token
            if depth == 0 and text in (",", ")"):
                return
            self.take()
            if kind == "func" or text == "(":
                depth += 1
            elif text == ")":
                depth -= 1
        raise FormulaError("unclosed function")

    def _skip_to_close(self) -> None:
        """Pass over the remaining arguments and the closing bracket."""
        while True:
            self._skip_argument()
            if self.take()[1] == ")":
                return

    def _skip_to_second_argument(self) -> None:
        depth = 0
        while self.peek():
            kind, text = self.take()
            if kind == "func" or text == "(":
                depth += 1
            elif text == ")":
                depth -= 1
            elif text == "," and depth == 0:
                return
        raise FormulaError("IFERROR needs two arguments")


def _split(ref: str) -> tuple[int, int]:
    match = re.match(r"([A-Z]+)(\d+)", ref)
    if not match:
        raise FormulaError(f"'{ref}' is not a cell")
    return column_index_from_string(match.group(1)), int(match.group(2))
