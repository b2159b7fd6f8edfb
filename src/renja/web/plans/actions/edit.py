"""Changing a plan's values, rows, tables and texts: one write path for all of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from renja.domain import Renja
from renja.edit_copy import row_copy
from renja.errors import RenjaError
from renja.web.plans import checked
from renja.web.plans.actions.rows import lock_plan
from renja.web.plans.models import Plan, StaleVersion
from renja.web.plans.permissions import require


def read_version(value: object) -> int:
    """The plan version a form or request carried; unreadable is the person's error (422)."""
    try:
        return int(str(value).strip())
    except ValueError as exc:
        shown = str(value)[:20]
        raise RenjaError(f"version '{shown}' is not a number; reload the page",
                         f"versi '{shown}' tidak terbaca; muat ulang halaman") from exc


def change_plan(pk: int, user: Any, change: Callable[[Renja], object], version: object,
                via: str = "ui", row: str | None = None) -> Plan:
    """Apply ``change`` to plan ``pk`` as ``user`` saw it at ``version``; returns the plan
    stored. Refused (:class:`ActionRefused`) when the person may not edit it now,
    :class:`StaleVersion` when someone saved since, :class:`RenjaError` for a value that cannot
    be read; in every case nothing is stored.

    ``row``: ``change`` writes only that T-C.33 row's own values (the sums above it follow):
    it is made on a copy sharing the rest of the plan, and only what it touched is checked
    again and written."""
    expected = read_version(version)
    with transaction.atomic():
        plan = lock_plan(pk, data=False)
        require(user, plan, "edit")
        if plan.version != expected:
            raise StaleVersion(plan)
        before = checked.read_only(plan)
        renja = row_copy(before, row) if row is not None else None
        if renja is None:
            renja = plan.renja()
        change(renja)
        plan.store(renja, user, expected, via=via, before=before)
    return plan
