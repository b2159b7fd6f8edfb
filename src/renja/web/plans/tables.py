"""Editing T-C.29, T-C.30, T-C.31, T-C.32 and Tabel 3.2 in the browser, row by row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe

from renja import words
from renja.calc.year_end import generate_tc29, generate_tc30
from renja.domain.realisasi import Realisasi
from renja.domain.renstra import Renstra
from renja.edit_tables import (
    TABLES,
    add_usulan,
    add_usulan_rows,
    cells,
    computed,
    recompute,
    remove_usulan,
    row_key,
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
from renja.web.plans.models import Comment, Plan, ranwal_items
from renja.web.plans.permissions import may

TITLES = {"tc29": "T-C.29 Evaluasi hasil Renja tahun lalu",
          "tc30": "T-C.30 Pencapaian kinerja pelayanan",
          "tc31": "T-C.31 Review terhadap rancangan awal RKPD",
          "tc32": "T-C.32 Usulan program dan kegiatan pemangku kepentingan",
          "tujuan_sasaran": "Tabel 3.2 Tujuan dan sasaran"}
def _context(plan: Plan, key: str, editable: bool, error: str | None = None,
             commenting: bool = False) -> dict[str, Any]:
    renja = checked.read_only(plan)
    table_rows = rows_of(renja, key)
    notes: dict[str, list[Comment]] = {}
    for note in plan.comments.filter(table=key, parent=None, resolved=False) \
            .select_related("author"):
        notes.setdefault(note.kode, []).append(note)
    rows = [{"index": i, "anchor": f"tbl-{key}-{i}", "key": row_key(renja, key, i),
             "kode": getattr(row, "kode", None) or "",
             "notes": notes.get(row_key(renja, key, i), []),
             "cells": [(p, words.cell_title(p), v, computed(key, p))
                       for p, v in cells(renja, key, i)]}
            for i, row in enumerate(table_rows)]
    findings = [{"f": f, "anchor": _row_of(f, table_rows, key)}
                for f in checked.findings(plan, renja) if f.table == key]
    sources = year_end_sources(plan) if key == "tc29" and editable else None
    tc30 = tc30_sources(plan) if key == "tc30" and editable else None
    return {"plan": plan, "key": key, "title": TITLES[key], "rows": rows,
            "editable": editable, "error": error, "tables": TITLES, "findings": findings,
            "commenting": commenting, "year_end": sources,
            "tc30_sources": tc30.describe() if tc30 else None}



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
                  _context(plan, key, can_edit(request.user, plan),
                           commenting=may(request.user, plan, "comment")))


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


def year_end_sources(plan: Plan) -> tuple[Plan, Plan | None] | None:
    """The agency's set plan of two years before, with its reported realisation, and its set
    plan of last year (if any): what this plan's T-C.29 is built from."""
    set_plans = Plan.objects.filter(perangkat_daerah=plan.perangkat_daerah,
                                    status="ditetapkan").order_by("-revisi")
    before = set_plans.filter(tahun=plan.tahun - 2, realisasi__isnull=False).first()
    if before is None:
        return None
    return before, set_plans.filter(tahun=plan.tahun - 1).first()


@dataclass
class Tc30Sources:
    """What this plan's T-C.30 is built from: the agency's Renstra covering its year, the set
    plans of the two years before with their realisation, last year's plan."""

    renstra: Renstra | None
    realised: list[Plan]
    last: Plan | None

    def describe(self) -> str:
        parts = []
        if self.renstra is not None:
            parts.append(f"Renstra {self.renstra.tahun_awal}–{self.renstra.tahun_akhir}")
        if self.realised:
            parts.append("realisasi " + " dan ".join(str(p.tahun) for p in self.realised))
        if self.last is not None:
            parts.append(f"T-C.30 Renja {self.last.tahun}")
        return ", ".join(parts)


def tc30_sources(plan: Plan) -> Tc30Sources | None:
    plans = Plan.objects.filter(perangkat_daerah=plan.perangkat_daerah).order_by("-revisi")
    realised = [p for year in (plan.tahun - 2, plan.tahun - 1)
                if (p := plans.filter(tahun=year, status="ditetapkan",
                                      realisasi__isnull=False).first()) is not None]
    last = plans.filter(tahun=plan.tahun - 1, status="ditetapkan").first() or \
        plans.filter(tahun=plan.tahun - 1).first()
    renstra = checked.renstra_of(plan)[0]
    if renstra is None and last is None:
        return None
    return Tc30Sources(renstra, realised, last)


@login_required
@require_POST
def generate_tc30_view(request: HttpRequest, pk: int) -> HttpResponse:
    """T-C.30 built from the Renstra, the realised years and last year's T-C.30, keeping the
    SPM, IKK and notes the agency wrote."""
    plan = get_plan(request.user, pk)
    sources = tc30_sources(plan)

    def change(renja: Any) -> None:
        if sources is None:
            raise RenjaError(
                "no Renstra covering the year and no plan of last year",
                f"belum ada Renstra yang mencakup tahun {plan.tahun} maupun Renja "
                f"{plan.tahun - 1} untuk perangkat daerah ini")
        realised = [(p.renja(), Realisasi.model_validate(p.realisasi.data))
                    for p in sources.realised]
        renja.tc30 = generate_tc30(plan.tahun, sources.renstra, realised,
                                   sources.last.renja().tc30 if sources.last else None,
                                   renja.tc30)

    return _change(request, pk, "tc30", change)


@login_required
@require_POST
def generate_tc29_view(request: HttpRequest, pk: int) -> HttpResponse:
    """T-C.29 built from the plan of two years before, its four quarters and last year's plan
    (replacing what was typed)."""
    plan = get_plan(request.user, pk)
    sources = year_end_sources(plan)

    def change(renja: Any) -> None:
        if sources is None:
            raise RenjaError(
                "no set plan of two years before with its realisation",
                f"belum ada Renja {plan.tahun - 2} yang ditetapkan beserta realisasinya untuk "
                f"perangkat daerah ini")
        before, last = sources
        data = Realisasi.model_validate(before.realisasi.data)
        renja.tc29 = generate_tc29(before.renja(), data, last.renja() if last else None,
                                   checked.renstra_of(plan)[0])

    return _change(request, pk, "tc29", change)


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
