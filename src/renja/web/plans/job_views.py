"""Pages of background jobs: start one, follow its progress bar, download what it made."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from renja.render.bundle import BUNDLE_FORMATS
from renja.start import SOURCES
from renja.web.accounts.models import Role
from renja.web.plans import job_kinds, jobs
from renja.web.plans.access import bappeda_member
from renja.web.plans.models import Job, Plan
from renja.workflow import STAGE_LABELS, STAGES

ADMIN_ONLY = ("ekspor", "tahun_depan", "impor_zip")
FORMAT_LABELS = {"pdf": "PDF", "docx": "DOCX (Word)", "xlsx": "XLSX (Excel)", "html": "HTML"}
assert set(FORMAT_LABELS) == set(BUNDLE_FORMATS)


def _member(request: HttpRequest) -> Any:
    return bappeda_member(request.user,
                          "Hanya Bappeda yang menjalankan pekerjaan untuk seluruh pemda")


def _job(request: HttpRequest, pk: int) -> Job:
    member = _member(request)
    jobs.expire_stale()
    job = Job.objects.defer("upload", "result").filter(pk=pk, pemda=member.pemda).first()
    if job is None:
        raise Http404("Pekerjaan tidak ditemukan")
    return job


@login_required
@require_safe
def job_list(request: HttpRequest) -> HttpResponse:
    member = _member(request)
    jobs.expire_stale()
    jobs.clear_old_files()
    years = sorted(set(Plan.objects.filter(perangkat_daerah__pemda=member.pemda)
                       .values_list("tahun", flat=True)), reverse=True)
    this_year = years[0] if years else timezone.localdate().year
    return render(request, "renja/jobs.html", {
        "member": member, "is_admin": member.role == Role.ADMIN,
        "jobs": [(job, _kinds()[job.kind].title) for job in
                 Job.objects.defer("upload", "result").filter(pemda=member.pemda)
                 .select_related("created_by")[:30]],
        "years": years or [this_year], "next_year": this_year + 1,
        "formats": FORMAT_LABELS.items(), "stages": [(s, STAGE_LABELS[s]) for s in STAGES],
        "sources": SOURCES.items()})


def _kinds() -> dict[str, jobs.Kind]:
    assert job_kinds  # imported: the kinds are registered
    return jobs.KINDS


@login_required
@require_POST
def start(request: HttpRequest, name: str) -> HttpResponse:
    member = _member(request)
    if name not in _kinds():
        raise Http404("Pekerjaan tidak dikenal")
    if name in ADMIN_ONLY and member.role != Role.ADMIN:
        raise PermissionDenied("Hanya admin pemda yang dapat menjalankan pekerjaan ini")
    params, upload, upload_name = _params(request, name)
    if params is None:
        return redirect("jobs")
    job = jobs.submit(name, request.user, member.pemda, params, upload, upload_name)
    return redirect("job", pk=job.pk)


def _params(request: HttpRequest, name: str
            ) -> tuple[dict[str, Any] | None, bytes | None, str]:
    """The job's parameters from the form, or None (with a message) when they are wrong."""
    post = request.POST
    tahun = post.get("tahun", "").strip()
    if name in ("dokumen", "tahun_depan") and not (tahun.isdigit() and len(tahun) == 4):
        messages.error(request, "Tahun harus empat angka, misalnya 2025.")
        return None, None, ""
    if name == "dokumen":
        fmt, tahapan = post.get("format", "pdf"), post.get("tahapan", "")
        if fmt not in BUNDLE_FORMATS or (tahapan and tahapan not in STAGES):
            messages.error(request, "Pilih format dan tahap yang tersedia.")
            return None, None, ""
        return {"tahun": int(tahun), "format": fmt, "tahapan": tahapan}, None, ""
    if name == "tahun_depan":
        sumber = post.get("sumber", "tahun-lalu")
        if sumber not in SOURCES:
            messages.error(request, "Pilih sumber awal yang tersedia.")
            return None, None, ""
        return {"tahun": int(tahun), "sumber": sumber}, None, ""
    if name == "impor_zip":
        upload = request.FILES.get("file")
        if upload is None or not upload.name.lower().endswith(".zip"):
            messages.error(request, "Pilih berkas ZIP berisi dokumen Renja.")
            return None, None, ""
        return {}, upload.read(), upload.name
    return {}, None, ""


@login_required
@require_safe
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    return render(request, "renja/job.html", {"job": job, "title": _kinds()[job.kind].title,
                                              "status": _status(job)})


@login_required
@require_safe
def job_status(request: HttpRequest, pk: int) -> JsonResponse:
    return JsonResponse(_status(_job(request, pk)))


def _status(job: Job) -> dict[str, Any]:
    return {"status": job.status, "label": job.get_status_display(), "done": job.done,
            "total": job.total, "percent": job.percent, "step": job.step,
            "message": job.message, "finished": job.finished,
            "download": f"/pekerjaan/{job.pk}/unduh/" if job.result_name and
            job.status == Job.Status.SELESAI else "",
            "link": job.link if job.status == Job.Status.SELESAI else ""}


@login_required
@require_safe
def job_download(request: HttpRequest, pk: int) -> HttpResponse:
    _job(request, pk)
    job = Job.objects.get(pk=pk)
    if job.status != Job.Status.SELESAI or job.result is None:
        raise Http404("Hasil pekerjaan belum ada")
    response = HttpResponse(bytes(job.result), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{job.result_name}"'
    return response
