"""Import in the browser: upload → preview with findings → confirm (or cancel: nothing saved)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from renja.errors import RenjaError
from renja.io.read import read_plan
from renja.rules import run_checks
from renja.web.plans.access import can_edit, import_targets
from renja.web.plans.actions import snapshot
from renja.web.plans.models import AuditEntry, PendingImport, Plan

ALLOWED = (".txt", ".xlsx", ".json")


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    agencies = import_targets(request.user)
    if not agencies.exists():
        return render(request, "renja/import_upload.html",
                      {"error": "Hanya perencana OPD yang dapat mengimpor Renja."}, status=403)
    if request.method != "POST":
        return render(request, "renja/import_upload.html", {})
    upload = request.FILES.get("file")
    error = _refused(upload)
    if error:
        return render(request, "renja/import_upload.html", {"error": error}, status=400)
    assert upload is not None
    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(upload.name).name
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            result = read_plan(path)
        except RenjaError as exc:
            return render(request, "renja/import_upload.html",
                          {"error": exc.message("id")}, status=400)
    del suffix
    report = [{"where": n.source.describe(), "severity": n.severity, "message": n.message("id"),
               "text": n.text} for n in result.report.notices]
    pending = PendingImport.objects.create(
        user=request.user, perangkat_daerah=agencies.first(), file_name=upload.name,
        data=Plan.dump(result.renja), report=report)
    return redirect("import_preview", pk=pending.pk)


def _refused(upload: object) -> str | None:
    if upload is None:
        return "Pilih berkas Renja (TXT hasil ekstraksi PDF, XLSX, atau JSON) untuk diimpor."
    name = getattr(upload, "name", "")
    if Path(name).suffix.lower() not in ALLOWED:
        return (f"Berkas '{name}' tidak dapat diimpor: hanya berkas .txt, .xlsx, atau .json "
                f"yang diterima.")
    if getattr(upload, "size", 0) > settings.RENJA_UPLOAD_MAX_BYTES:
        mb = settings.RENJA_UPLOAD_MAX_BYTES // (1024 * 1024)
        return f"Berkas '{name}' terlalu besar: paling besar {mb} MB."
    return None


def _pending(request: HttpRequest, pk: int) -> PendingImport:
    return get_object_or_404(PendingImport, pk=pk, user=request.user)


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    pending = _pending(request, pk)
    renja = Plan(data=pending.data).renja()
    findings = run_checks(renja, lang="id")
    levels = {lvl: sum(1 for n in renja.rencana.walk() if n.level == lvl)
              for lvl in ("program", "kegiatan", "sub_kegiatan")}
    existing = Plan.objects.filter(perangkat_daerah=pending.perangkat_daerah,
                                   tahun=renja.tahun).first()
    return render(request, "renja/import_preview.html", {
        "pending": pending, "renja": renja, "findings": findings, "levels": levels,
        "existing": existing,
        "counts": {s: sum(1 for f in findings if f.severity == s)
                   for s in ("error", "warning", "info")}})


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pending = _pending(request, pk)
    renja = Plan(data=pending.data).renja()
    with transaction.atomic():
        plan = Plan.objects.select_for_update().filter(
            perangkat_daerah=pending.perangkat_daerah, tahun=renja.tahun).order_by(
            "-revisi").first()
        created = plan is None
        if plan is None:
            plan = Plan.create_from(renja, perangkat_daerah=pending.perangkat_daerah,
                                    updated_by=request.user, tahapan="rancangan_awal")
        if not created:
            if not can_edit(request.user, plan):
                raise PermissionDenied("Renja ini tidak dapat diubah pada status sekarang")
            plan.store(renja, request.user, plan.version, via="import")
        else:
            AuditEntry.objects.create(plan=plan, action="renja.renja.impor", user=request.user,
                                      via="import", new=pending.file_name)
        snapshot(plan, f"Impor dari {pending.file_name}", request.user)
        pending.delete()
    messages.success(request, f"Renja {renja.tahun} diimpor dari {pending.file_name}.")
    return redirect("plan_detail", pk=plan.pk)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    _pending(request, pk).delete()
    messages.info(request, "Impor dibatalkan; tidak ada yang disimpan.")
    return redirect("plan_list")
