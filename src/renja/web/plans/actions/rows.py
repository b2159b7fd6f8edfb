"""The plan's row, locked for the rest of the transaction."""

from __future__ import annotations

from django.db import connection

from renja.web.plans.models import Plan


def lock_plan(pk: int, data: bool = True) -> Plan:
    """The plan as stored now, its row locked until the transaction ends (PostgreSQL: FOR
    UPDATE; SQLite: the write transaction already holds the database's write lock). Without
    ``data`` the JSON is read only if asked for (e.g. by :func:`checked.read_only` in a worker
    that has not parsed this version)."""
    plans = Plan.objects.select_related("perangkat_daerah", "perangkat_daerah__pemda")
    if not data:
        plans = plans.defer("data")
    if connection.features.has_select_for_update_of:
        plans = plans.select_for_update(of=("self",))
    return plans.get(pk=pk)
