"""Importing a document in the browser: read and checked into a pending import, then saved
as a new plan or over the agency's current one, or cancelled. Nothing is stored before the
person confirms, and a pending import expires."""

from __future__ import annotations

import datetime
import re
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


def _same(printed: str | None, *names: str | None) -> bool:
    def plain(text: str | None) -> str:
        return re.sub(r"[^a-z0-9]+", " ", (text or "").casefold()).strip()

    said = plain(printed)
    return not said or any(plain(n) and (plain(n) == said or plain(n) in said or said in
                                         plain(n)) for n in names)


def differences(pending: PendingImport, renja: Any) -> list[str]:
    """What the document names that is not the agency and pemda it would be saved for."""
    agency = pending.perangkat_daerah
    found = []
    if not _same(renja.perangkat_daerah.nama, agency.nama, agency.singkatan) and \
            not _same(renja.perangkat_daerah.singkatan, agency.singkatan, agency.nama):
        found.append(f"perangkat daerah: dokumen menyebut '{renja.perangkat_daerah.nama}', "
                     f"Renja ini milik '{agency.nama}'")
    if not _same(renja.pemda.nama, agency.pemda.nama):
        found.append(f"pemda: dokumen menyebut '{renja.pemda.nama}', Renja ini milik "
                     f"'{agency.pemda.nama}'")
    return found


def confirm(user: Any, pending: PendingImport, other_confirmed: bool = False) -> Plan:
    """Save a pending import: over the agency's plan of that year, or as a new plan. A document
    of another agency or pemda is saved only when the person confirmed it knowingly."""
    importer(user)
    renja = Plan(data=pending.data).renja()
    check_year(renja.tahun)
    mismatch = differences(pending, renja)
    if mismatch and not other_confirmed:
        raise RenjaError("the document names another agency or pemda: " + "; ".join(mismatch),
                         "Dokumen ini tampaknya bukan untuk Renja Anda (" + "; ".join(mismatch)
                         + "). Centang konfirmasi bila memang benar, atau Batal.")
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
