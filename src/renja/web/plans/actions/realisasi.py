"""Reporting a set plan's realisation: a quarter's values typed in the grid or imported from a
file, the quarter's notes, and its review by Bappeda (submitted, returned with a note,
accepted, after which it is read-only). Each change locks the plan, asks the permissions,
checks the version the person saw, and writes every changed value to the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from renja import monitoring
from renja.domain import Renja
from renja.domain.realisasi import CatatanTriwulan, Realisasi
from renja.errors import RenjaError
from renja.io.realisasi import read_realisasi
from renja.text import clean_text
from renja.web.plans.actions import notify
from renja.web.plans.actions.edit import read_version
from renja.web.plans.actions.rows import lock_plan
from renja.web.plans.models import (
    AuditEntry,
    LaporanTriwulan,
    Plan,
    PlanRealisasi,
    StaleVersion,
)
from renja.web.plans.permissions import ActionRefused, quarter_refusal

NOTE_FIELDS = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut", "tindak_lanjut_renja")
NOTE_MAX = 3000
STEPS = {"realisasi_submit": ("diajukan", "renja.realisasi.ajukan"),
         "realisasi_return": ("dikembalikan", "renja.realisasi.kembalikan"),
         "realisasi_accept": ("diterima", "renja.realisasi.terima")}


def current(plan: Plan) -> tuple[Realisasi, int]:
    """The plan's realisation as stored (empty at first) and its version."""
    stored = PlanRealisasi.objects.filter(plan=plan).first()
    if stored is None:
        return Realisasi(tahun=plan.tahun, perangkat_daerah=plan.perangkat_daerah.nama), 0
    return Realisasi.model_validate(stored.data), stored.version


def save_quarter(pk: int, user: Any, triwulan: int, values: dict[int, str],
                 money: dict[int, str], notes: dict[str, str], version: object,
                 via: str = "ui", kinds: dict[int, str] | None = None,
                 polarities: dict[int, str] | None = None,
                 weights: dict[int, str] | None = None) -> tuple[Realisasi, int]:
    """Store what was typed for ``triwulan`` (and each indicator's kind, polarity and weight);
    refused as a whole when any value cannot be read, the person may not, or someone saved
    since ``version``."""
    def change(realisasi: Realisasi, renja: Renja, _: set[int]) -> list[monitoring.Change]:
        changes = monitoring.set_quarter(realisasi, renja, triwulan, values, money)
        changes += monitoring.set_kinds(realisasi, renja, kinds or {}, polarities or {})
        changes += monitoring.set_weights(realisasi, renja, weights or {})
        return changes + _set_notes(realisasi, triwulan, notes)

    realisasi, stored, _ = _change(pk, user, {triwulan}, change, read_version(version), via)
    return realisasi, stored


def import_file(pk: int, user: Any, path: Path, version: object,
                via: str = "import") -> tuple[Realisasi, int, int]:
    """Values from a file (renja's template, a plain sheet, JSON) for the quarters this person
    may fill in now; (realisation, version, values changed)."""
    def change(realisasi: Realisasi, renja: Renja, quarters: set[int]
               ) -> list[monitoring.Change]:
        return monitoring.merge(realisasi, read_realisasi(path, renja), quarters)

    return _change(pk, user, None, change, read_version(version), via)


Change = Callable[[Realisasi, Renja, set[int]], list[monitoring.Change]]


def _change(pk: int, user: Any, quarters: set[int] | None, change: Change, expected: int,
            via: str) -> tuple[Realisasi, int, int]:
    """Lock the plan, check the person may fill in ``quarters`` (None: every quarter open to
    them, at least one), check the version, apply ``change``, store and audit it; returns the
    realisation, its new version and how many values changed."""
    with transaction.atomic():
        plan = lock_plan(pk)
        if quarters is None:
            quarters = {q for q in range(1, 5)
                        if quarter_refusal(user, plan, "realisasi_edit", q) is None}
            if not quarters:
                raise _refused(user, plan, 1)
        for q in sorted(quarters):
            if quarter_refusal(user, plan, "realisasi_edit", q) is not None:
                raise _refused(user, plan, q)
        realisasi, version = current(plan)
        if version != expected:
            raise StaleVersion(plan)
        changes = change(realisasi, plan.renja(), quarters)
        PlanRealisasi.objects.update_or_create(plan=plan, defaults={
            "data": realisasi.model_dump(mode="json"), "version": version + 1,
            "updated_at": timezone.now(), "updated_by": user})
        AuditEntry.objects.bulk_create([
            AuditEntry(plan=plan, action="renja.realisasi.ubah", user=user, via=via,
                       table="realisasi", kode=c.kode, nama=c.what[:300], field=c.field,
                       old=c.old, new=c.new) for c in changes])
    return realisasi, version + 1, len(changes)


def _refused(user: Any, plan: Plan, triwulan: int) -> ActionRefused:
    refused = quarter_refusal(user, plan, "realisasi_edit", triwulan)
    assert refused is not None
    return refused


def _set_notes(realisasi: Realisasi, triwulan: int, notes: dict[str, str]
               ) -> list[monitoring.Change]:
    note = realisasi.note(triwulan)
    if note is None:
        note = CatatanTriwulan(triwulan=triwulan)
        realisasi.catatan.append(note)
    changes = []
    for field in NOTE_FIELDS:
        if field not in notes:
            continue
        text = clean_text(notes[field]).strip()[:NOTE_MAX]
        old = getattr(note, field)
        if text != old:
            setattr(note, field, text)
            changes.append(monitoring.Change("", "catatan", f"{field}_tw{triwulan}", old, text))
    return changes


def step(pk: int, user: Any, triwulan: int, action: str, note: str = "",
         via: str = "ui") -> LaporanTriwulan:
    """Submit (the planner), return with a note or accept (Bappeda) a quarter's report."""
    if action not in STEPS:
        raise ActionRefused(f"unknown action '{action}'", f"tindakan '{action}' tidak dikenal")
    note = clean_text(note).strip()[:NOTE_MAX]
    if action == "realisasi_return" and not note:
        raise RenjaError("say why the report is returned",
                         "tuliskan alasan laporan triwulan dikembalikan")
    status, audit = STEPS[action]
    with transaction.atomic():
        plan = lock_plan(pk)
        refused = quarter_refusal(user, plan, action, triwulan)
        if refused is not None:
            raise refused
        report, _ = LaporanTriwulan.objects.get_or_create(plan=plan, triwulan=triwulan)
        old = report.status
        report.status, report.updated_at = status, timezone.now()
        if action == "realisasi_return":
            report.catatan = note
        report.save()
        AuditEntry.objects.create(plan=plan, action=audit, user=user, via=via,
                                  table="realisasi", field=f"laporan_tw{triwulan}", old=old,
                                  new=status, note=note)
        notify.quarter_step(plan, triwulan, action, user, note)
    return report
