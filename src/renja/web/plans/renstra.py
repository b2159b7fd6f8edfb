"""An agency's Renstra (T-C.27) in the web app: the list per agency with the upload of a
workbook, the table as the regulation prints it with each row editable, and its downloads.
Reads here; every write goes through :mod:`renja.web.plans.actions.renstra`."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from renja.domain.renstra import PERIOD_YEARS, Renstra, RenstraRow
from renja.numbers import format_rupiah
from renja.render.renstra import render_tc27, tc27_layout
from renja.web.accounts.members import membership
from renja.web.accounts.models import PerangkatDaerah
from renja.web.outcome import attempt, raise_refusal
from renja.web.plans.actions import renstra as actions
from renja.web.plans.models import AgencyRenstra

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_UPLOAD = 20 * 1024 * 1024


def _agencies(user: Any) -> QuerySet[PerangkatDaerah]:
    """The agencies whose Renstra this person reads: their own, or every one of their pemda."""
    member = membership(user)
    if member is None:
        return PerangkatDaerah.objects.none()
    if member.agency_bound:
        return PerangkatDaerah.objects.filter(pk=member.perangkat_daerah_id)
    return PerangkatDaerah.objects.filter(pemda=member.pemda)


def _writable(user: Any, agency: PerangkatDaerah) -> bool:
    result, failed = attempt(lambda: actions.writer_for(user, agency))
    return failed is None and result is not None


def _record(user: Any, pk: int) -> AgencyRenstra:
    try:
        return AgencyRenstra.objects.select_related("perangkat_daerah__pemda").get(
            pk=pk, perangkat_daerah__in=_agencies(user))
    except AgencyRenstra.DoesNotExist as exc:
        raise Http404("Renstra tidak ditemukan") from exc


def _list_context(request: HttpRequest, error: str | None = None) -> dict[str, Any]:
    agencies = list(_agencies(request.user).order_by("nama"))
    records = AgencyRenstra.objects.filter(perangkat_daerah__in=agencies).defer("data")
    by_agency: dict[int, list[AgencyRenstra]] = {}
    for record in records:
        by_agency.setdefault(record.perangkat_daerah_id, []).append(record)
    writable = [a for a in agencies if _writable(request.user, a)]
    return {"rows": [{"pd": a, "records": by_agency.get(a.pk, [])} for a in agencies],
            "writable": writable, "error": error,
            "chosen": request.POST.get("perangkat_daerah", "")}


@require_safe
@login_required
def renstra_list(request: HttpRequest) -> HttpResponse:
    return render(request, "renja/renstra_list.html", _list_context(request))


@login_required
@require_POST
def renstra_import(request: HttpRequest) -> HttpResponse:
    agencies = _agencies(request.user)
    try:
        agency = agencies.get(pk=int(request.POST.get("perangkat_daerah") or 0))
    except (PerangkatDaerah.DoesNotExist, ValueError, OverflowError) as exc:
        raise Http404("Perangkat daerah tidak ditemukan") from exc
    _, refused = attempt(lambda: actions.writer_for(request.user, agency))
    if refused is not None:
        raise_refusal(refused)
    upload = request.FILES.get("file")
    if upload is None:
        return render(request, "renja/renstra_list.html",
                      _list_context(request, "Pilih berkas T-C.27 (XLSX) atau JSON Renstra."),
                      status=400)
    if (upload.size or 0) > MAX_UPLOAD:
        return render(request, "renja/renstra_list.html", _list_context(
            request, f"{upload.name}: lebih besar dari {MAX_UPLOAD // 1024 // 1024} MB"),
            status=413)
    text = request.POST.get("tahun_awal", "").strip()
    if text and not (text.isdigit() and len(text) == 4):
        return render(request, "renja/renstra_list.html", _list_context(
            request, f"Tahun awal '{text[:20]}' bukan tahun (contoh: 2025)."), status=422)
    tahun_awal = int(text) if text else None
    with tempfile.TemporaryDirectory() as folder:
        name = re.sub(r"[^\w.-]+", "_", Path(upload.name or "renstra").name)[:100] or "berkas"
        path = Path(folder) / name
        with open(path, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        result, failed = attempt(lambda: actions.import_renstra(
            request.user, agency, path, tahun_awal))
    if failed is not None:
        if failed.status in (403, 404):
            raise_refusal(failed)
        return render(request, "renja/renstra_list.html",
                      _list_context(request, failed.message), status=failed.status)
    assert result is not None
    record, created = result
    found = record.renstra()
    counts = ", ".join(f"{n} {level.replace('_', ' ')}" for level, n in _counts(found).items()
                       if n)
    word = "dibaca" if created else "dibaca dan menggantikan versi sebelumnya"
    messages.success(request, f"{upload.name}: T-C.27 {agency.nama} "
                              f"{found.tahun_awal}–{found.tahun_akhir} {word} ({counts}).")
    return redirect(f"/renstra/{record.pk}/")


def _counts(found: Renstra) -> dict[str, int]:
    return {level: sum(1 for r in found.rows if r.level == level)
            for level in ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")}


def _lines(found: Renstra) -> list[dict[str, Any]]:
    """The table's lines as the layout prints them, each with its Renstra row's index."""
    layout = tc27_layout(found)
    owners = [i for i, row in enumerate(found.rows) for _ in range(max(len(row.indikator), 1))]
    lines = []
    for position, line in enumerate(layout.rows):
        index = owners[position] if position < len(owners) else None
        first = index is not None and (position == 0 or owners[position - 1] != index)
        lines.append({"cells": line.cells, "kind": line.kind, "index": index, "first": first})
    return lines


@require_safe
@login_required
def renstra_page(request: HttpRequest, pk: int) -> HttpResponse:
    record = _record(request.user, pk)
    found = record.renstra()
    layout = tc27_layout(found)
    return render(request, "renja/renstra.html", {
        "record": record, "renstra": found, "layout": layout, "lines": _lines(found),
        "writable": _writable(request.user, record.perangkat_daerah),
        "counts": _counts(found)})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def renstra_row(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    record = _record(request.user, pk)
    found = record.renstra()
    if not 0 <= index < len(found.rows):
        raise Http404("Baris tidak ditemukan")
    if not _writable(request.user, record.perangkat_daerah):
        raise PermissionDenied("Hanya perencana perangkat daerah ini atau admin pemda yang "
                               "dapat mengubah Renstra-nya")
    if request.method == "POST":
        values = {k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken",
                                                                   "version")}
        _, failed = attempt(lambda: actions.save_row(
            record.pk, request.user, index, values, request.POST.get("version", "")))
        if failed is None:
            messages.success(request, f"Baris {found.rows[index].kode or ''} "
                                      f"{found.rows[index].nama[:80]} tersimpan.".replace(
                                          "Baris  ", "Baris "))
            return redirect(f"/renstra/{record.pk}/#baris-{index}")
        if failed.status == 404:
            raise_refusal(failed)
        return render(request, "renja/renstra_row.html",
                      _row_context(record, found, index, values, failed.message),
                      status=failed.status)
    return render(request, "renja/renstra_row.html", _row_context(record, found, index))


def _row_context(record: AgencyRenstra, found: Renstra, index: int,
                 typed: dict[str, str] | None = None, error: str | None = None
                 ) -> dict[str, Any]:
    row: RenstraRow = found.rows[index]
    typed = typed or {}
    years = found.tahun
    money = [{"name": f"pagu_{i + 1}", "label": f"Rp {years[i]}",
              "value": typed.get(f"pagu_{i + 1}", format_rupiah(row.pagu[i], False))}
             for i in range(PERIOD_YEARS)]
    money.append({"name": "pagu_akhir", "label": "Rp akhir periode",
                  "value": typed.get("pagu_akhir", format_rupiah(row.pagu_akhir, False))})
    indicators = []
    for n, ind in enumerate(row.indikator):
        fields = [("kondisi_awal", f"Capaian awal ({found.tahun_awal - 1})", ind.kondisi_awal),
                  *[(f"target_{i + 1}", f"Target {years[i]}", ind.target[i])
                    for i in range(PERIOD_YEARS)],
                  ("kondisi_akhir", "Kondisi akhir", ind.kondisi_akhir)]
        indicators.append({"ind": ind, "fields": [
            {"name": f"{n}:{f}", "label": label,
             "value": typed.get(f"{n}:{f}", t.text if t else "")} for f, label, t in fields]})
    return {"record": record, "renstra": found, "row": row, "index": index,
            "money": money if row.kode else [], "indicators": indicators, "error": error,
            "unit": typed.get("unit", row.unit or ""), "lokasi": typed.get("lokasi",
                                                                           row.lokasi or "")}


@require_safe
@login_required
def renstra_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    record = _record(request.user, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404("Format tidak dikenal")
    response = HttpResponse(render_tc27(record.renstra(), fmt), content_type=CONTENT_TYPES[fmt])
    agency = re.sub(r"[^A-Za-z0-9_-]+", "-", record.perangkat_daerah.singkatan or "").strip("-")
    name = f"renstra-tc27-{agency or record.perangkat_daerah.pk}-{record.tahun_awal}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
