"""Editing T-C.29, T-C.30, T-C.31, T-C.32 and Tabel 3.2 in the browser, row by row."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from renja.edit_tables import TABLES, add_usulan, cells, remove_usulan, rows_of, set_cell
from renja.errors import RenjaError
from renja.web.plans.access import can_edit, get_plan
from renja.web.plans.editor import STALE
from renja.web.plans.models import Plan, StaleVersion

TITLES = {"tc29": "T-C.29 Evaluasi hasil Renja tahun lalu",
          "tc30": "T-C.30 Pencapaian kinerja pelayanan",
          "tc31": "T-C.31 Review terhadap rancangan awal RKPD",
          "tc32": "T-C.32 Usulan program dan kegiatan pemangku kepentingan",
          "tujuan_sasaran": "Tabel 3.2 Tujuan dan sasaran"}
LABELS = {"nama": "Nama", "indikator": "Indikator", "target_renstra": "(4) Target Renstra",
          "realisasi_sd_n3": "(5) Realisasi s/d n-3", "target_n2": "(6) Target n-2",
          "realisasi_n2": "(7) Realisasi n-2", "tingkat_realisasi_n2": "(8) Tingkat realisasi",
          "target_n1": "(9) Target n-1", "realisasi_sd_n1": "(10) Realisasi s/d n-1",
          "capaian_renstra": "(11) Capaian Renstra", "catatan": "Catatan", "pagu": "Pagu",
          "target": "Target", "lokasi": "Lokasi", "uraian": "Tujuan/sasaran",
          "proyeksi_n1": "Proyeksi n-1", "target_n": "Target n", "nilai": "Nilai",
          "program_kegiatan": "Program/kegiatan", "volume": "Besaran/volume", "nomor": "No",
          "spm": "SPM", "ikk": "IKK"}


def _label(path: str) -> str:
    parts = path.split(".")
    label = LABELS.get(parts[-1], parts[-1])
    numbers = [str(int(p) + 1) for p in parts if p.isdigit()]
    prefix = "kebutuhan: " if parts[0] == "kebutuhan" else ""
    if parts[0] in ("target_renstra", "realisasi", "proyeksi"):
        prefix = parts[0].replace("_", " ") + " "
    return prefix + label + (f" #{numbers[0]}" if numbers else "")


def _context(plan: Plan, key: str, editable: bool, error: str | None = None) -> dict[str, Any]:
    renja = plan.renja()
    rows = [{"index": i, "cells": [(p, _label(p), v) for p, v in cells(renja, key, i)]}
            for i in range(len(rows_of(renja, key)))]
    return {"plan": plan, "key": key, "title": TITLES[key], "rows": rows,
            "editable": editable, "error": error, "tables": TITLES}


def table(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    if key not in TABLES:
        raise Http404("Tabel tidak dikenal")
    plan = get_plan(request.user, pk)
    return render(request, "renja/table_page.html",
                  _context(plan, key, can_edit(request.user, plan)))


def _change(request: HttpRequest, pk: int, key: str, change: Any) -> HttpResponse:
    if key not in TABLES:
        raise Http404("Tabel tidak dikenal")
    plan = get_plan(request.user, pk, edit=True)
    renja = plan.renja()
    error, status = None, 200
    try:
        change(renja)
        plan.store(renja, request.user, int(request.POST.get("version", "0")))
    except RenjaError as exc:
        plan.refresh_from_db()
        error, status = exc.message("id"), 422
    except StaleVersion as stale:
        plan, error, status = stale.plan, STALE, 409
    return render(request, "renja/table_grid.html", _context(plan, key, True, error),
                  status=status)


@login_required
@require_POST
def save_row(request: HttpRequest, pk: int, key: str, index: int) -> HttpResponse:
    def change(renja: Any) -> None:
        for path, _ in cells(renja, key, index):
            if path in request.POST:
                set_cell(renja, key, index, path, request.POST[path])

    return _change(request, pk, key, change)


@login_required
@require_POST
def add_row(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    if key != "tc32":
        raise Http404("Baris hanya dapat ditambahkan pada T-C.32")
    return _change(request, pk, key,
                   lambda renja: add_usulan(renja, request.POST.get("program_kegiatan", "")))


@login_required
@require_POST
def remove_row(request: HttpRequest, pk: int, key: str, index: int) -> HttpResponse:
    if key != "tc32":
        raise Http404("Baris hanya dapat dihapus pada T-C.32")
    return _change(request, pk, key, lambda renja: remove_usulan(renja, index))


@login_required
@require_POST
def generate_tc31_view(request: HttpRequest, pk: int) -> HttpResponse:
    """T-C.31 built from the admin's ranwal RKPD and the plan; the agency's catatan kept."""
    from renja.domain import parse_target
    from renja.review import RanwalItem as Item
    from renja.review import generate_tc31
    from renja.web.plans.models import RanwalItem

    plan = get_plan(request.user, pk, edit=True)
    items = [Item(kode=r.kode, nama=r.nama, indikator=r.indikator,
                  target=parse_target(r.target) if r.target else None, pagu=r.pagu,
                  lokasi=r.lokasi)
             for r in RanwalItem.objects.filter(perangkat_daerah=plan.perangkat_daerah,
                                                tahun=plan.tahun)]
    if not items:
        return render(request, "renja/table_grid.html", _context(
            plan, "tc31", True, "Ranwal RKPD untuk perangkat daerah dan tahun ini belum dimuat "
                                "oleh admin pemda."), status=422)

    def change(renja: Any) -> None:
        renja.tc31 = generate_tc31(renja, items)

    return _change(request, pk, "tc31", change)


@login_required
@require_POST
def import_usulan(request: HttpRequest, pk: int) -> HttpResponse:
    """Proposals from musrenbang, pokir DPRD and others, as CSV: program_kegiatan, lokasi,
    indikator, volume, pengusul (musrenbang/pokir/lainnya)."""
    from renja.domain import Usulan
    from renja.web.accounts.ranwal import read_rows

    upload = request.FILES.get("file")

    def change(renja: Any) -> None:
        if upload is None:
            raise RenjaError("choose a CSV file", "pilih berkas CSV usulan")
        rows = read_rows(upload.read().decode("utf-8-sig"), upload.name,
                         required=("program_kegiatan",))
        start = len(renja.tc32.rows)
        for i, row in enumerate(rows, start=1):
            usulan = Usulan(nomor=str(start + i), program_kegiatan=row["program_kegiatan"])
            renja.tc32.rows.append(usulan)
            index = len(renja.tc32.rows) - 1
            for field in ("lokasi", "indikator", "volume", "pengusul"):
                if row.get(field):
                    try:
                        set_cell(renja, "tc32", index, field, row[field])
                    except RenjaError as exc:
                        raise RenjaError(f"{upload.name}: line {i + 1}: {exc.message('en')}",
                                         f"{upload.name}: baris {i + 1}: "
                                         f"{exc.message('id')}") from exc
        renja.tc32.nihil = not renja.tc32.rows

    return _change(request, pk, "tc32", change)
