"""Importing a document in the browser: read and checked into a pending import, then saved
as a new plan or over the agency's current one, or cancelled. Nothing is stored before the
person confirms, and a pending import expires."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from renja.errors import RenjaError
from renja.io.read import read_plan
from renja.web.plans.actions.cycle import snapshot
from renja.web.plans.actions.rows import lock_plan
from renja.web.plans.models import AuditEntry, Jadwal, PendingImport, Plan
from renja.web.plans.permissions import ActionRefused, importer, require
from renja.workflow import STAGE_LABELS


def plan_years(today: datetime.date | None = None) -> range:
    """The years a plan may be for: from ``RENJA_FIRST_YEAR`` to ``RENJA_YEARS_AHEAD`` after
    this year."""
    today = today or timezone.localdate()
    return range(settings.RENJA_FIRST_YEAR, today.year + settings.RENJA_YEARS_AHEAD + 1)


def check_year(tahun: int) -> None:
    years = plan_years()
    if tahun not in years:
        raise RenjaError(f"a plan for {tahun} cannot be made: years {years[0]}–{years[-1]}",
                         f"Renja tahun {tahun} tidak dapat dibuat: tahun yang dapat dipakai "
                         f"{years[0]}–{years[-1]}")


def prepare(user: Any, path: Path, file_name: str) -> PendingImport:
    """Read ``path`` (uploaded as ``file_name``) into a pending import of the planner's agency."""
    member = importer(user)
    expire()
    result = read_plan(path)
    check_year(result.renja.tahun)
    report = [{"where": n.source.describe().replace(str(path), file_name)
               .replace(f"{path.parent}/", ""),
               "severity": n.severity, "message": n.message("id"), "text": (n.text or "")[:300]}
              for n in result.report.notices]
    return PendingImport.objects.create(user=user, perangkat_daerah=member.perangkat_daerah,
                                        file_name=file_name[:300],
                                        data=Plan.dump(result.renja), report=report)


def expire() -> int:
    """Delete pending imports older than ``RENJA_IMPORT_HOURS``; how many went."""
    limit = timezone.now() - datetime.timedelta(hours=settings.RENJA_IMPORT_HOURS)
    deleted, _ = PendingImport.objects.filter(created_at__lt=limit).delete()
    return deleted


def confirm(user: Any, pending: PendingImport) -> Plan:
    """Save a pending import: over the agency's plan of that year, or as a new plan."""
    importer(user)
    renja = Plan(data=pending.data).renja()
    check_year(renja.tahun)
    with transaction.atomic():
        current = Plan.objects.filter(perangkat_daerah=pending.perangkat_daerah,
                                      tahun=renja.tahun).order_by("-revisi").first()
        if current is None:
            plan = _create(user, pending, renja)
        else:
            plan = lock_plan(current.pk)
            require(user, plan, "edit")
            plan.store(renja, user, plan.version, via="import")
        snapshot(plan, f"Impor dari {pending.file_name}", user)
        pending.delete()
    return plan


def _create(user: Any, pending: PendingImport, renja: Any) -> Plan:
    agency = pending.perangkat_daerah
    entry = Jadwal.objects.filter(pemda_id=agency.pemda_id, tahun=renja.tahun,
                                  tahapan="rancangan_awal").first()
    if entry is not None and not entry.mulai <= timezone.localdate() <= entry.selesai:
        raise ActionRefused(
            "the schedule of the rancangan awal is closed",
            f"tahapan {STAGE_LABELS['rancangan_awal']} {renja.tahun} sudah ditutup menurut "
            f"jadwal ({entry.mulai:%d-%m-%Y} s/d {entry.selesai:%d-%m-%Y})")
    plan = Plan.create_from(renja, perangkat_daerah=agency, updated_by=user,
                            tahapan="rancangan_awal")
    AuditEntry.objects.create(plan=plan, action="renja.renja.impor", user=user, via="import",
                              new=pending.file_name)
    return plan


def cancel(user: Any, pending: PendingImport) -> None:
    pending.delete()
