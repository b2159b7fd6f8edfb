"""The rule registry: every rule with a stable code, family, severity, and documentation."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from renja.domain import Jumlah, PlanNode, Renja, Source
from renja.domain.renstra import Renstra
from renja.nomenklatur import Catalogue, default_catalogue
from renja.rules.finding import TABLE_LABELS, Finding, Severity

FAMILIES = {
    "kode": ("Kode dan hierarki", "Codes and hierarchy"),
    "uang": ("Uang", "Money"),
    "evaluasi": ("Rumus evaluasi", "Evaluation formulas"),
    "lintas_tabel": ("Lintas tabel", "Cross-table"),
    "target": ("Target dan satuan", "Targets and units"),
    "teks": ("Teks", "Text"),
    "renstra": ("Renstra", "Renstra"),
    "pemda": ("Lintas perangkat daerah (RKPD)", "Across agencies (RKPD)"),
}


@dataclass
class Context:
    """What a rule sees: the plan, the nomenclature, the language of messages."""

    renja: Renja
    catalogue: Catalogue
    lang: str = "id"
    renstra: Renstra | None = None
    """The agency's Renstra, when given: the ``renstra`` family compares the plan with it."""
    rule: Rule | None = None
    found: list[Finding] = field(default_factory=list)
    cache: dict[object, Any] = field(default_factory=dict)
    """Results several rules share (e.g. which T-C.31 row goes with which T-C.33 row)."""
    only_rows: set[str] | None = None
    """When set, :meth:`rows` yields only the T-C.33 rows of these keys (a re-check of the rows
    a change touched, :mod:`renja.rules.incremental`)."""
    row_key: str | None = None
    """The key of the row :meth:`rows` is at: its path (``0.1.2``), or ``total``."""
    by_row: dict[str, list[Finding]] = field(default_factory=dict)
    """What a per-row rule reported, by row key (outside :meth:`rows`: under ``""``)."""

    def rows(self, total: bool = False) -> Iterator[PlanNode | Jumlah]:
        """Every T-C.33 row in document order (with ``total``: the JUMLAH TOTAL row last), for
        rules whose findings on a row depend only on that row, its children and the plan's
        header (``per_row``): they report each row's findings while at it."""
        rows = row_keys(self.renja, total) if self.only_rows is None else \
            rows_at(self.renja, self.only_rows, total)
        for key, row in rows:
            self.row_key = key
            yield row
        self.row_key = None

    def nodes(self) -> Iterator[PlanNode]:
        """:meth:`rows` without the total row."""
        for row in self.rows():
            assert isinstance(row, PlanNode)
            yield row

    def report(self, *, table: str, id: str, en: str, kode: str | None = None,
               field: str | None = None, expected: object = None, actual: object = None,
               source: Source | None = None, hint_id: str | None = None,
               hint_en: str | None = None, severity: Severity | None = None) -> Finding:
        assert self.rule is not None
        finding = Finding(
            rule=self.rule.code, family=self.rule.family,
            severity=severity or self.rule.severity, table=table, kode=kode, field=field,
            expected=None if expected is None else str(expected),
            actual=None if actual is None else str(actual),
            message=id if self.lang == "id" else en, source=source,
            hint=hint_id if self.lang == "id" else hint_en,
        )
        self.found.append(finding)
        self.by_row.setdefault(self.row_key or "", []).append(finding)
        return finding


def rows_at(renja: Renja, keys: Iterable[str], total: bool = False
            ) -> list[tuple[str, PlanNode | Jumlah]]:
    """The rows of ``keys`` (as :func:`row_keys` names them) that the plan has, in document
    order."""
    found: list[tuple[tuple[int, ...], str, PlanNode | Jumlah]] = []
    for key in keys:
        if key == "total":
            if total and renja.rencana.total is not None:
                found.append(((len(renja.rencana.rows),), key, renja.rencana.total))
            continue
        place = tuple(int(part) for part in key.split("."))
        siblings, node = renja.rencana.rows, None
        for index in place:
            if index >= len(siblings):
                node = None
                break
            node = siblings[index]
            siblings = node.children
        if node is not None:
            found.append((place, key, node))
    return [(key, row) for _, key, row in sorted(found, key=lambda item: item[0])]


def row_keys(renja: Renja, total: bool = False) -> Iterator[tuple[str, PlanNode | Jumlah]]:
    """(key, row) of every T-C.33 row in document order: the key is the row's path (``0.1.2``);
    with ``total``, the JUMLAH TOTAL row last under the key ``total``."""
    stack: list[tuple[str, PlanNode]] = [
        (str(i), row) for i, row in reversed(list(enumerate(renja.rencana.rows)))]
    while stack:
        key, node = stack.pop()
        yield key, node
        stack.extend((f"{key}.{i}", child)
                     for i, child in reversed(list(enumerate(node.children))))
    if total and renja.rencana.total is not None:
        yield "total", renja.rencana.total


Check = Callable[[Context], None]


@dataclass(frozen=True)
class Rule:
    code: str
    family: str
    severity: Severity
    title_id: str
    title_en: str
    check: Check
    example: str
    """An example finding message (Bahasa Indonesia), for docs/rules.md."""
    per_row: bool = False
    """Its findings on a T-C.33 row depend only on that row, the row's children and the plan's
    header, and it visits rows through :meth:`Context.rows`: after a change, only the rows the
    change touched need checking again."""


RULES: dict[str, Rule] = {}


def rule(code: str, family: str, severity: Severity, title_id: str, title_en: str,
         example: str, per_row: bool = False) -> Callable[[Check], Check]:
    """Register a check function as a rule."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family}")

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(code, family, severity, title_id, title_en, check, example, per_row)
        return check

    return register


def where(table: str, kode: str | None, nama: str | None) -> str:
    """``T-C.33 5.03.02 (PROGRAM KEPEGAWAIAN DAERAH)`` for messages."""
    parts = [TABLE_LABELS[table]]
    if kode:
        parts.append(kode)
    if nama:
        short = nama if len(nama) <= 60 else nama[:57] + "…"
        parts.append(f"({short})")
    return " ".join(parts)


def run_checks(renja: Renja, lang: str = "id", catalogue: Catalogue | None = None,
               only: Iterable[str] | None = None, renstra: Renstra | None = None
               ) -> list[Finding]:
    """Every registered rule over the plan (and, given its Renstra, against it); findings in
    table and line order."""
    importlib.import_module("renja.rules.families")  # registers the rules

    context = Context(renja, catalogue or default_catalogue(), lang, renstra=renstra)
    wanted = set(only) if only is not None else None
    for code in sorted(RULES):
        if wanted is not None and code not in wanted:
            continue
        context.rule = RULES[code]
        RULES[code].check(context)
    return in_order(context.found)


def in_order(findings: list[Finding]) -> list[Finding]:
    """Findings in table and line order (rule by rule where those are equal)."""
    return sorted(findings, key=_order)


def _order(f: Finding) -> tuple[int, str, int, str]:
    table = list(TABLE_LABELS).index(f.table) if f.table in TABLE_LABELS else 99
    line = f.source.line if f.source and f.source.line else 0
    return (table, f.source.file or "" if f.source else "", line, f.rule)
