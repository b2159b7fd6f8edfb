"""Bappeda's view of the whole pemda for a year: the RKPD compiled from every agency's plan
(at a chosen stage, or each plan as it stands), each agency's pagu against its ceilings in
total and per sumber dana, the cross-agency findings with a link to the row they are about,
and the compile as DOCX, PDF, XLSX (two layouts) and open data."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from renja.domain import Renja
from renja.edit import paths
from renja.render.rkpd import LAYOUTS, render_rkpd, rkpd_layout
from renja.rkpd import PemdaPlans, Rkpd, Unit, compile_rkpd
from renja.rkpd.checks import check_pemda
from renja.rules import Finding
from renja.web.accounts.models import PaguCeiling, PaguRkpd, PerangkatDaerah
from renja.web.plans import checked
from renja.web.plans.access import bappeda_member
from renja.web.plans.models import Jadwal, Plan, PlanVersion
from renja.workflow import STAGE_LABELS, STAGES

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


def _bappeda(request: HttpRequest) -> Any:
    return bappeda_member(request.user, "Hanya Bappeda yang dapat membuka RKPD pemda")


def _year(member: Any, text: str) -> int:
    text = text.strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    latest = (Plan.objects.filter(perangkat_daerah__pemda=member.pemda).order_by("-tahun")
              .values_list("tahun", flat=True).first())
    return int(latest) if latest else timezone.localdate().year


def _at_stage(plan: Plan, tahapan: str) -> Renja | None:
    """The plan as it stood at ``tahapan``: itself while at that stage, else its last saved
    version of that stage (None when it has not reached it)."""
    if not tahapan or plan.tahapan == tahapan:
        return checked.read_only(plan)
    version = (PlanVersion.objects.filter(plan=plan, tahapan=tahapan).order_by("-number")
               .first())
    return Renja.model_validate(version.data) if version is not None else None


def pemda_of(member: Any, tahun: int, tahapan: str) -> tuple[PemdaPlans, dict[int, Plan]]:
    """The pemda's agencies with their plans of ``tahun`` (the latest perubahan), ceilings,
    schedule and RKPD total, as the core compiles them; and each unit's plan record."""
    agencies = list(PerangkatDaerah.objects.filter(pemda=member.pemda))
    plans: dict[int, Plan] = {}
    for plan in Plan.objects.filter(perangkat_daerah__pemda=member.pemda, tahun=tahun) \
            .order_by("revisi"):
        plans[plan.perangkat_daerah_id] = plan
    ceilings: dict[int, list[PaguCeiling]] = {}
    for ceiling in PaguCeiling.objects.filter(perangkat_daerah__pemda=member.pemda,
                                              tahun=tahun):
        ceilings.setdefault(ceiling.perangkat_daerah_id, []).append(ceiling)
    units, records = [], {}
    for agency in agencies:
        plan = plans.get(agency.pk)
        own = ceilings.get(agency.pk, [])
        unit = Unit(nama=agency.nama, singkatan=agency.singkatan or None, bidang=agency.mandat,
                    plan=_at_stage(plan, tahapan) if plan else None,
                    tahapan=plan.tahapan if plan else None,
                    status=plan.status if plan else None,
                    pagu=next((c.pagu for c in own if not c.sumber_dana), None),
                    pagu_sumber={c.sumber_dana: c.pagu for c in own if c.sumber_dana},
                    link=reverse("plan_detail", args=[plan.pk]) if plan else None)
        units.append(unit)
        if plan is not None:
            records[id(unit)] = plan
    total = PaguRkpd.objects.filter(pemda=member.pemda, tahun=tahun).first()
    jadwal = {j.tahapan: j.selesai for j in Jadwal.objects.filter(pemda=member.pemda,
                                                                  tahun=tahun)
              if j.tahapan in STAGE_LABELS}
    pemda = PemdaPlans(pemda=member.pemda.nama, tahun=tahun, units=units,
                       tahapan=tahapan or None, jadwal=jadwal, tanggal=timezone.localdate(),
                       total_rkpd=total.pagu if total else None)
    return pemda, records


def _anchors(unit: Unit) -> dict[str, str]:
    """Each code of the unit's plan → the editor row's id on the plan's page."""
    if unit.plan is None:
        return {}
    found: dict[str, str] = {}
    for path, node, _ in paths(unit.plan):
        if node.kode and node.kode not in found:
            found[node.kode] = "row-" + path.replace(".", "-")
    return found


def _link(unit: Unit | None, kode: str | None, anchors: dict[int, dict[str, str]]) -> str:
    if unit is None or not unit.link:
        return ""
    anchor = anchors.get(id(unit), {}).get(kode or "")
    return unit.link + (f"#{anchor}" if anchor else "")


def _findings(found: list[Finding], rkpd: Rkpd,
              anchors: dict[int, dict[str, str]]) -> list[dict[str, Any]]:
    by_label = {u.label: u for u in rkpd.units}
    return [{"f": f, "link": _link(by_label.get(f.perangkat_daerah or ""), f.kode, anchors)}
            for f in found]


def _table(rkpd: Rkpd, layout: str, anchors: dict[int, dict[str, str]],
           duplicated: set[str]) -> dict[str, Any]:
    """The compile as the page shows it: plan rows link to their row in the agency's plan,
    agencies over their ceiling and sub kegiatan planned twice are marked."""
    table, origin = rkpd_layout(rkpd, layout)
    over = {id(c.unit) for c in rkpd.ceilings if c.over}
    rows = []
    for line, start in zip(table.rows, origin, strict=True):
        row = rkpd.rows[start] if start is not None else None
        unit = row.unit if row is not None else None
        rows.append({
            "cells": line.cells, "kind": line.kind,
            "link": _link(unit, row.kode, anchors) if row is not None and row.node else "",
            "over": row is not None and row.kind == "unit" and id(unit) in over,
            "flagged": row is not None and row.kind == "sub_kegiatan" and
            row.kode in duplicated})
    return {"header": table.header, "numbers": table.numbers, "rows": rows,
            "numeric": table.numeric, "title": table.title}


def _params(request: HttpRequest) -> tuple[str, str]:
    tahapan = request.GET.get("tahapan", "")
    layout = request.GET.get("tata_letak", "rkpd")
    return (tahapan if tahapan in STAGES else ""), (layout if layout in LAYOUTS else "rkpd")


@require_safe
@login_required
def rkpd_page(request: HttpRequest) -> HttpResponse:
    member = _bappeda(request)
    tahun = _year(member, request.GET.get("tahun", ""))
    tahapan, layout = _params(request)
    pemda, _ = pemda_of(member, tahun, tahapan)
    rkpd = compile_rkpd(pemda)
    found = check_pemda(pemda, rkpd=rkpd)
    anchors = {id(u): _anchors(u) for u in pemda.units}
    duplicated = {f.kode for f in found if f.rule == "P001" and f.kode}
    ceilings = [{"c": c, "label": c.sumber_dana or "Total"} for c in rkpd.ceilings
                if c.sumber_dana is None or c.ceiling is not None]
    counts = {s: sum(1 for f in found if f.severity == s) for s in ("error", "warning")}
    query = f"tahun={tahun}&tahapan={tahapan}&tata_letak={layout}"
    return render(request, "renja/rkpd.html", {
        "member": member, "tahun": tahun, "tahapan": tahapan, "layout": layout,
        "stages": [(s, STAGE_LABELS[s]) for s in STAGES], "layouts": LAYOUTS.items(),
        "rkpd": rkpd, "pemda": pemda, "ceilings": ceilings, "counts": counts,
        "findings": _findings(found, rkpd, anchors), "query": query,
        "planned": sum(1 for u in pemda.units if u.plan is not None),
        "over": sum(1 for c in rkpd.ceilings if c.over),
        "selisih_rkpd": (pemda.total_rkpd - (rkpd.total.pagu_n or 0))
        if pemda.total_rkpd is not None else None,
        "table": _table(rkpd, layout, anchors, duplicated)})


@require_safe
@login_required
def rkpd_export(request: HttpRequest, fmt: str) -> HttpResponse:
    member = _bappeda(request)
    if fmt not in CONTENT_TYPES:
        raise Http404("Format tidak dikenal")
    tahun = _year(member, request.GET.get("tahun", ""))
    tahapan, layout = _params(request)
    pemda, _ = pemda_of(member, tahun, tahapan)
    body = render_rkpd(compile_rkpd(pemda), fmt, layout)
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", member.pemda.slug).strip("-")
    suffix = f"-{layout}" if fmt in ("xlsx", "docx", "pdf") else ""
    name = f"rkpd-{slug}-{tahun}{'-' + tahapan if tahapan else ''}{suffix}.{fmt}"
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
