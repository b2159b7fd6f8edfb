"""A plan's findings and its parsed data, computed once per saved version.

Checks depend only on the plan's data and the nomenclature shipped with the code, so the
findings of (plan, version) never change: pages and the API that show them reuse them
instead of checking 150 rows again on every view. Each worker keeps the recent ones.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from threading import Lock
from typing import TYPE_CHECKING

from renja.domain import Renja
from renja.rules import Finding, run_checks

if TYPE_CHECKING:
    from renja.web.plans.models import Plan

Key = tuple[int, int, datetime, str]
_KEEP = 256
_cache: OrderedDict[Key, list[Finding]] = OrderedDict()
_plans: OrderedDict[Key, Renja] = OrderedDict()
_lock = Lock()


def read_only(plan: Plan) -> Renja:
    """``plan``'s data parsed, shared between requests: to show, never to change.

    Code that edits must call :meth:`Plan.renja` for its own copy.
    """
    key = _key(plan, "")
    with _lock:
        if key in _plans:
            _plans.move_to_end(key)
            return _plans[key]
    renja = plan.renja()
    with _lock:
        _plans[key] = renja
        while len(_plans) > _KEEP // 4:
            _plans.popitem(last=False)
    return renja


def _key(plan: Plan, lang: str) -> Key:
    # updated_at too: a database may reuse the id of a deleted plan (SQLite after rollback)
    return (plan.pk, plan.version, plan.updated_at, lang)


def findings(plan: Plan, renja: Renja | None = None, lang: str = "id") -> list[Finding]:
    """The findings of ``plan`` as saved (``renja``: its data, if already read), in ``lang``."""
    key = _key(plan, lang)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return list(_cache[key])
    found = run_checks(renja or plan.renja(), lang=lang)
    remember(plan, found, lang=lang)
    return list(found)


def remember(plan: Plan, found: list[Finding], renja: Renja | None = None,
             lang: str = "id") -> None:
    """Keep what was just computed for ``plan`` as saved (by :meth:`Plan.store`): its findings
    and, if given, its data parsed (which nobody may change from then on)."""
    with _lock:
        _cache[_key(plan, lang)] = list(found)
        while len(_cache) > _KEEP:
            _cache.popitem(last=False)
        if renja is not None:
            _plans[_key(plan, "")] = renja
            while len(_plans) > _KEEP // 4:
                _plans.popitem(last=False)
