"""A plan's findings and its parsed data, computed once per saved version.

Checks depend only on the plan's data, the agency's Renstra (its version) and the
nomenclature shipped with the code, so the findings of (plan, version, Renstra version) never
change: pages and the API that show them reuse them instead of checking 150 rows again on
every view. Each worker keeps the recent ones.
"""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING, Generic, TypeVar

from django.core.cache import cache

from renja.domain import Renja
from renja.domain.renstra import Renstra
from renja.rules import Finding, run_checks
from renja.rules.incremental import Checked, from_runs

if TYPE_CHECKING:
    from renja.web.plans.models import Plan

Key = tuple[object, ...]
T = TypeVar("T")


class Recent(Generic[T]):
    """The ``keep`` most recently used values, safe to share between threads."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.values: OrderedDict[Key, T] = OrderedDict()
        self.lock = Lock()

    def get(self, key: Key) -> T | None:
        with self.lock:
            if key not in self.values:
                return None
            self.values.move_to_end(key)
            return self.values[key]

    def put(self, key: Key, value: T) -> None:
        with self.lock:
            self.values[key] = value
            while len(self.values) > self.keep:
                self.values.popitem(last=False)


_findings: Recent[list[Finding]] = Recent(256)
_plans: Recent[Renja] = Recent(64)
_renstras: Recent[Renstra] = Recent(32)
_checks: Recent[Checked] = Recent(64)


def plan_key(plan: Plan) -> Key:
    """What tells one saved version of a plan from every other."""
    # updated_at too: a database may reuse the id of a deleted plan (SQLite after rollback)
    return (plan.pk, plan.version, plan.updated_at)


def _key(plan: Plan, lang: str, renstra: Key = ()) -> Key:
    return (*plan_key(plan), lang, *renstra)


def renstra_of(plan: Plan) -> tuple[Renstra | None, Key]:
    """The agency's Renstra covering the plan's year (parsed once per version), and its
    stamp for cache keys; looked up once per ``plan`` object (one request's)."""
    known: tuple[Renstra | None, Key] | None = getattr(plan, "_renstra_of", None)
    if known is None:
        known = _renstra_of(plan)
        plan._renstra_of = known
    return known


def _renstra_of(plan: Plan) -> tuple[Renstra | None, Key]:
    record = plan.renstra_record(data=False)
    if record is None:
        return None, ()
    stamp: Key = (record.pk, record.version, record.updated_at)
    found = _renstras.get(stamp)
    if found is None:
        found = record.renstra()
        _renstras.put(stamp, found)
    return found, stamp


def cached(plan: Plan) -> Renja | None:
    """``plan``'s data parsed, if this worker has it (see :func:`read_only`)."""
    return _plans.get(_key(plan, ""))


def checks(plan: Plan, stamp: Key) -> Checked | None:
    """The findings of ``plan`` as saved with what each rule read (for a re-check after a
    change), if this worker or (through the shared cache) another computed them against the
    Renstra ``stamp`` names."""
    key = _key(plan, "id", stamp)
    found = _checks.get(key)
    if found is None:
        runs = cache.get(_shared(key) + ":runs")
        if runs is not None:
            found = from_runs(runs, renstra=renstra_of(plan)[0])
            _checks.put(key, found)
    return found


def read_only(plan: Plan) -> Renja:
    """``plan``'s data parsed, shared between requests: to show, never to change.

    Code that edits must call :meth:`Plan.renja` for its own copy.
    """
    renja = _plans.get(_key(plan, ""))
    if renja is None:
        renja = plan.renja()
        _plans.put(_key(plan, ""), renja)
    return renja


def findings(plan: Plan, renja: Renja | None = None, lang: str = "id") -> list[Finding]:
    """The findings of ``plan`` as saved (``renja``: its data, if already read), in ``lang``."""
    renstra, stamp = renstra_of(plan)
    key = _key(plan, lang, stamp)
    found = _findings.get(key)
    if found is None:
        found = cache.get(_shared(key))
        if found is None:
            found = run_checks(renja or plan.renja(), lang=lang, renstra=renstra)
            cache.set(_shared(key), found)
        _findings.put(key, found)
    return list(found)


def _shared(key: Key) -> str:
    """``key`` as the shared cache's key, which also names the checking code: processes of
    another release (during a rolling deploy, or kept in Redis across one) never reuse each
    other's findings or what their rules read."""
    return "findings:" + hashlib.sha256(repr((checks_code(), key)).encode()).hexdigest()


@functools.cache
def checks_code() -> str:
    """A fingerprint of the code findings depend on: the rules, calculations, codes, domain
    model and nomenclature modules (and data) of this installation."""
    root = Path(__file__).resolve().parents[2]  # src/renja
    digest = hashlib.sha256()
    for part in ("rules", "calc", "codes", "domain", "nomenklatur"):
        for path in sorted((root / part).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".json", ".csv", ".tsv"):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def remember(plan: Plan, found: list[Finding], renja: Renja | None = None,
             lang: str = "id", stamp: Key = (), checked: Checked | None = None) -> None:
    """Keep what was just computed for ``plan`` as saved (by :meth:`Plan.store`, against the
    Renstra ``stamp`` names): its findings (with what each rule read, ``checked``) and, if
    given, its data parsed (which nobody may change from then on)."""
    _findings.put(_key(plan, lang, stamp), list(found))
    if checked is not None:
        _checks.put(_key(plan, lang, stamp), checked)
        cache.set(_shared(_key(plan, lang, stamp)) + ":runs", checked.runs)
    cache.set(_shared(_key(plan, lang, stamp)), list(found))
    if renja is not None:
        _plans.put(_key(plan, ""), renja)
