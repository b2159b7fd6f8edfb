"""Editing T-C.29, T-C.30, T-C.31, T-C.32 and Tabel 3.2 in the browser, row by row."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe

from renja.edit_tables import (
    TABLES,
    add_usulan,
    add_usulan_rows,
    cells,
    computed,
    recompute,
    remove_usulan,
    rows_of,
    set_cell,
)
from renja.errors import RenjaError
from renja.io.csv.read import read_usulan
from renja.review import generate_tc31
from renja.web.outcome import attempt
from renja.web.plans import checked
from renja.web.plans.access import can_edit, get_plan
from renja.web.plans.actions import change_plan
from renja.web.plans.models import Plan, ranwal_items

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
    renja = checked.read_only(plan)
    table_rows = rows_of(renja, key)
    rows = [{"index": i, "anchor": f"tbl-{key}-{i}",
             "kode": getattr(row, "kode", None) or "",
             "cells": [(p, _label(p), v, computed(key, p)) for p, v in cells(renja, key, i)]}
            for i, row in enumerate(table_rows)]
    findings = [{"f": f, "anchor": _row_of(f, table_rows, key)}
                for f in checked.findings(plan, renja) if f.table == key]
    return {"plan": plan, "key": key, "title": TITLES[key], "rows": rows,
            "editable": editable, "error": error, "tables": TITLES, "findings": findings}


def _row_of(finding: Any, rows: list[Any], key: str) -> str | None:
    """The anchor of the row a finding is about: by its code, else by the line it was read
    from."""
    for i, row in enumerate(rows):
        if finding.kode and getattr(row, "kode", None) == finding.kode:
            return f"tbl-{key}-{i}"
    line = finding.source.line if finding.source else None
    for i, row in enumerate(rows):
        source = row.source_of("row")
        if line and source is not None and source.line == line:
            return f"tbl-{key}-{i}"
    return None


@require_safe
def table(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    if key not in TABLES:
        raise Http404("Tabel tidak dikenal")
    plan = get_plan(request.user, pk)
    return render(request, "renja/table_page.html",
                  _context(plan, key, can_edit(request.user, plan)))


def _change(request: HttpRequest, pk: int, key: str, change: Any) -> HttpResponse:
    """One change through the write path; the table re-rendered, with the refusal if any."""
    if key not in TABLES:
        raise Http404("Tabel tidak dikenal")
    plan = get_plan(request.user, pk)
    saved, failed = attempt(lambda: change_plan(plan.pk, request.user, change,
                                                request.POST.get("version", "")))
    if failed is not None:
        shown = failed.plan or get_plan(request.user, pk)
        return render(request, "renja/table_grid.html",
                      _context(shown, key, can_edit(request.user, shown), failed.message),
                      status=failed.status)
    assert saved is not None
    return render(request, "renja/table_grid.html", _context(saved, key, True))


@login_required
@require_POST
def save_row(request: HttpRequest, pk: int, key: str, index: int) -> HttpResponse:
    def change(renja: Any) -> None:
        if not 0 <= index < len(rows_of(renja, key)):
            raise RenjaError(f"row {index + 1} does not exist", f"baris {index + 1} tidak ada")
        for path, _ in cells(renja, key, index):
            if path in request.POST and not computed(key, path):
                set_cell(renja, key, index, path, request.POST[path])
        recompute(renja, key, index)

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
    plan = get_plan(request.user, pk)
    items = ranwal_items(plan)

    def change(renja: Any) -> None:
        if not items:
            raise RenjaError("the ranwal RKPD of this agency and year is not loaded",
                             "Ranwal RKPD untuk perangkat daerah dan tahun ini belum dimuat "
                             "oleh admin pemda.")
        renja.tc31 = generate_tc31(renja, items)

    return _change(request, pk, "tc31", change)


@login_required
@require_POST
def import_usulan(request: HttpRequest, pk: int) -> HttpResponse:
    """Proposals from musrenbang, pokir DPRD and others, as CSV: program_kegiatan, lokasi,
    indikator, volume, pengusul (musrenbang/pokir/lainnya)."""
    upload = request.FILES.get("file")

    def change(renja: Any) -> None:
        if upload is None:
            raise RenjaError("choose a CSV file", "pilih berkas CSV usulan")
        add_usulan_rows(renja, read_usulan(upload.read(), upload.name), upload.name)

    return _change(request, pk, "tc32", change)
