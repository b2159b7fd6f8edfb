"""Import in the browser: upload → preview with findings → confirm (or cancel: nothing saved)."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from renja.rules import run_checks
from renja.web.outcome import attempt
from renja.web.plans.access import import_targets, plan_id
from renja.web.plans.actions import imports
from renja.web.plans.models import PendingImport, Plan

# What a file is comes from its content (renja.io.read.detect), not from its name.


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not import_targets(request.user).exists():
        return render(request, "renja/import_upload.html",
                      {"error": "Hanya perencana OPD yang dapat mengimpor Renja."}, status=403)
    if request.method != "POST":
        return render(request, "renja/import_upload.html", {})
    if _too_large(request):  # refused before the body is read
        limit = _size(settings.RENJA_UPLOAD_MAX_BYTES)
        return render(request, "renja/import_upload.html",
                      {"error": f"Berkas terlalu besar: paling besar {limit}."}, status=413)
    upload = request.FILES.get("file")
    error = _refused(upload)
    if error:
        return render(request, "renja/import_upload.html", {"error": error}, status=400)
    assert upload is not None
    name = Path(upload.name).name[:200]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        pending, failed = attempt(lambda: imports.prepare(request.user, path, name))
    if failed is not None:
        message = failed.message.replace(str(path), name).replace(f"{folder}/", "")
        return render(request, "renja/import_upload.html", {"error": message}, status=400)
    assert pending is not None
    return redirect("import_preview", pk=pending.pk)


def _size(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{max(1, limit // 1024)} KB"


def _too_large(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > settings.RENJA_UPLOAD_MAX_BYTES + 64 * 1024  # the form around the file


def _refused(upload: object) -> str | None:
    if upload is None:
        return "Pilih berkas Renja (TXT hasil ekstraksi PDF, XLSX, atau JSON) untuk diimpor."
    name = Path(getattr(upload, "name", "")).name[:200]
    if getattr(upload, "size", 0) > settings.RENJA_UPLOAD_MAX_BYTES:
        limit = _size(settings.RENJA_UPLOAD_MAX_BYTES)
        return f"Berkas '{name}' terlalu besar: paling besar {limit}."
    return None


def _pending(request: HttpRequest, pk: object) -> PendingImport:
    limit = timezone.now() - datetime.timedelta(hours=settings.RENJA_IMPORT_HOURS)
    found = PendingImport.objects.filter(pk=plan_id(pk), user=request.user,
                                         created_at__gte=limit).first()
    if found is None:
        raise Http404("Impor tidak ditemukan atau sudah kedaluwarsa; unggah ulang berkasnya.")
    return found


@require_safe
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
        "existing": existing, "differences": imports.differences(pending, renja),
        "counts": {s: sum(1 for f in findings if f.severity == s)
                   for s in ("error", "warning", "info")}})


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pending = _pending(request, pk)
    plan, failed = attempt(lambda: imports.confirm(
        request.user, pending, other_confirmed=request.POST.get("beda") == "1"))
    if failed is not None:
        messages.error(request, failed.message)
        return redirect("import_preview", pk=pending.pk)
    assert plan is not None
    messages.success(request, f"Renja {plan.tahun} diimpor dari {pending.file_name}.")
    return redirect("plan_detail", pk=plan.pk)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    imports.cancel(request.user, _pending(request, pk))
    messages.info(request, "Impor dibatalkan; tidak ada yang disimpan.")
    return redirect("plan_list")
