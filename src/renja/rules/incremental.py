"""Checking a plan again after a change, doing only the work the change needs.

A full run (:func:`check_plan`) keeps, per rule, its findings and which parts of the plan it
read (the top-level fields of :class:`~renja.domain.Renja`: ``tahun``, ``rencana``, ``tc29`` …,
recorded while it ran), and for the ``per_row`` rules the findings of each T-C.33 row. After a
change, :func:`recheck` reuses the findings of every rule that read nothing the change touched
(a rule is a function of what it reads: the same input, the same findings), and runs the
``per_row`` rules again on the rows the change touched and their parents only. The result
equals a full run (``tests/rules/test_incremental.py`` proves it on random edits).

Rows are told apart by identity: a change made on :func:`renja.edit_copy.row_copy` replaces
the rows it touches by new objects and shares the others, so a row that is the same object
before and after did not change. A plan copied whole shares nothing: every rule runs again.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass, field
from typing import Any

from renja.domain import Renja
from renja.domain.renstra import Renstra
from renja.nomenklatur import Catalogue, default_catalogue
from renja.rules.finding import Finding
from renja.rules.registry import RULES, Context, in_order, row_keys

FIELDS = frozenset(Renja.model_fields)
_reading = threading.local()


class _Recording(Renja):
    """A view of a plan that notes which of its fields are read (sharing the plan's values)."""

    def __getattribute__(self, name: str) -> Any:
        if name in FIELDS:
            reads = getattr(_reading, "reads", None)
            if reads is not None:
                reads.add(name)
        return object.__getattribute__(self, name)


def _recording(renja: Renja) -> Renja:
    view = object.__new__(_Recording)
    object.__setattr__(view, "__dict__", renja.__dict__)
    object.__setattr__(view, "__pydantic_fields_set__", renja.__pydantic_fields_set__)
    object.__setattr__(view, "__pydantic_extra__", None)
    object.__setattr__(view, "__pydantic_private__", None)
    return view


@dataclass
class RuleRun:
    """What one rule found and what it read to find it."""

    found: list[Finding]
    reads: frozenset[str]
    by_row: dict[str, list[Finding]] | None = None
    """Per-row rules: the findings of each row key (``""``: reported outside the rows)."""


@dataclass
class Checked:
    """The findings of a plan, with what each rule read, for :func:`recheck`."""

    findings: list[Finding]
    runs: dict[str, RuleRun]
    lang: str
    renstra: Renstra | None
    catalogue: Catalogue
    rechecked: list[str] = field(default_factory=list)
    """The rules run again by :func:`recheck` (the rest were reused)."""


class _Cache(dict[object, Any]):
    """``Context.cache`` that passes what a shared result was computed from on to each rule
    that uses it."""

    def __init__(self) -> None:
        super().__init__()
        self.reads: dict[object, set[str]] = {}

    def __setitem__(self, key: object, value: Any) -> None:
        self.reads[key] = _reading.reads  # the reads of the rule computing it, so far and on
        super().__setitem__(key, value)

    def __getitem__(self, key: object) -> Any:
        _reading.reads |= self.reads.get(key, set())
        return super().__getitem__(key)


def check_plan(renja: Renja, lang: str = "id", catalogue: Catalogue | None = None,
               renstra: Renstra | None = None) -> Checked:
    """Every rule over the plan, as :func:`renja.rules.run_checks`, keeping what
    :func:`recheck` needs."""
    catalogue = catalogue or default_catalogue()
    importlib.import_module("renja.rules.families")
    cache = _Cache()
    runs = {code: _run(code, renja, lang, catalogue, renstra, cache) for code in sorted(RULES)}
    return _checked(runs, lang, renstra, catalogue, sorted(RULES))


def recheck(previous: Checked, before: Renja, after: Renja) -> Checked:
    """The findings of ``after``, a changed ``before`` whose findings are ``previous``."""
    changed = changed_fields(before, after)
    rows = changed_rows(before, after) if "rencana" in changed else set()
    cache = _Cache()
    runs: dict[str, RuleRun] = {}
    again: list[str] = []
    keys = [key for key, _ in row_keys(after, total=True)] if rows else []
    for code in sorted(RULES):
        old = previous.runs.get(code)
        if old is not None and not old.reads & changed:
            runs[code] = old
            continue
        again.append(code)
        if old is not None and old.by_row is not None and rows is not None and \
                not (old.reads - {"rencana"}) & changed:
            runs[code] = _rows_again(code, old, after, rows, keys, previous, cache)
        else:
            runs[code] = _run(code, after, previous.lang, previous.catalogue,
                              previous.renstra, cache)
    return _checked(runs, previous.lang, previous.renstra, previous.catalogue, again)


def from_runs(runs: dict[str, RuleRun], lang: str = "id", renstra: Renstra | None = None,
              catalogue: Catalogue | None = None) -> Checked:
    """A :class:`Checked` again from its ``runs`` (e.g. kept by another process), for the plan
    checked in ``lang`` against ``renstra``."""
    return _checked(runs, lang, renstra, catalogue or default_catalogue(), [])


def _checked(runs: dict[str, RuleRun], lang: str, renstra: Renstra | None,
             catalogue: Catalogue, again: list[str]) -> Checked:
    found = [f for code in sorted(runs) for f in runs[code].found]
    return Checked(in_order(found), runs, lang, renstra, catalogue, again)


def _run(code: str, renja: Renja, lang: str, catalogue: Catalogue, renstra: Renstra | None,
         cache: _Cache, only_rows: set[str] | None = None) -> RuleRun:
    rule = RULES[code]
    context = Context(_recording(renja), catalogue, lang, renstra=renstra, rule=rule,
                      cache=cache, only_rows=only_rows)
    _reading.reads = set()
    try:
        rule.check(context)
        reads = frozenset(_reading.reads)
    finally:
        _reading.reads = None
    by_row = context.by_row if rule.per_row and "" not in context.by_row else None
    return RuleRun(context.found, reads, by_row)


def _rows_again(code: str, old: RuleRun, after: Renja, rows: set[str], keys: list[str],
                previous: Checked, cache: _Cache) -> RuleRun:
    """A per-row rule run again on ``rows`` (and their parents), the other rows' findings
    reused (``keys``: every row's key, in document order)."""
    touched = rows | {key.rpartition(".")[0] for key in rows if "." in key}
    run = _run(code, after, previous.lang, previous.catalogue, previous.renstra, cache,
               only_rows=touched)
    if run.by_row is None:  # reported outside the rows: only a whole run is sure
        return _run(code, after, previous.lang, previous.catalogue, previous.renstra, cache)
    assert old.by_row is not None
    by_row = {key: (run.by_row if key in touched else old.by_row).get(key, [])
              for key in keys}
    found = [f for key in by_row for f in by_row[key]]
    return RuleRun(found, old.reads | run.reads, {k: v for k, v in by_row.items() if v})


def changed_fields(before: Renja, after: Renja) -> set[str]:
    """The top-level fields of the plan that differ (by identity first, then by value; the
    plan's rows always count as changed unless they are the same object)."""
    changed = set()
    for name in FIELDS:
        a, b = before.__dict__.get(name), after.__dict__.get(name)
        if a is b:
            continue
        if name == "rencana" or a != b:
            changed.add(name)
    return changed


def changed_rows(before: Renja, after: Renja) -> set[str] | None:
    """Keys of the T-C.33 rows that are not the same object in both plans (``total`` for the
    total row); ``None`` when the rows are not in the same places or the table's own fields
    (money scale, headings …) changed, and every row must be checked again."""
    a, b = before.rencana, after.rencana
    for name in type(a).model_fields:
        if name not in ("rows", "total") and a.__dict__.get(name) != b.__dict__.get(name):
            return None
    old = dict(row_keys(before, total=True))
    new = dict(row_keys(after, total=True))
    if old.keys() != new.keys():
        return None
    changed = set()
    for key, row in new.items():
        previous = old[key]
        if previous is row:
            continue
        if key != "total" and (previous.kode, len(previous.children)) != (  # type: ignore[union-attr]
                row.kode, len(row.children)):  # type: ignore[union-attr]
            return None
        changed.add(key)
    return changed
