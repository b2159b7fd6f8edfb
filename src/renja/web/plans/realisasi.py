"""The quarterly realisation of a set plan: the grid of a quarter (earlier quarters beside it),
the quarter's notes, import from a workbook, the report's review by Bappeda, and Tabel E.81 up
to the quarter."""

from __future__ import annotations

import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from renja import monitoring, words
from renja.calc.capaian import infer_agregasi, infer_polaritas, rounded
from renja.calc.e81 import evaluate
from renja.domain.realisasi import Realisasi
from renja.io.xlsx.realisasi import realisasi_template
from renja.numbers import format_number, format_rupiah
from renja.render.e81 import render_e81
from renja.web.outcome import attempt, raise_refusal
from renja.web.plans import checked
from renja.web.plans.access import get_plan
from renja.web.plans.actions import realisasi as actions
from renja.web.plans.models import LaporanTriwulan, Plan, bands_for, e81_extra
from renja.web.plans.permissions import quarter_refusal

ROMAN = ("I", "II", "III", "IV")
STEPS = {"ajukan": "realisasi_submit", "kembalikan": "realisasi_return",
         "terima": "realisasi_accept"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _quarter(text: object, plan: Plan) -> int:
    """The quarter asked for (``?tw=2``), else the first one not yet accepted."""
    if str(text).strip() in ("1", "2", "3", "4"):
        return int(str(text).strip())
    accepted = set(LaporanTriwulan.objects.filter(plan=plan, status="diterima")
                   .values_list("triwulan", flat=True))
    return next((q for q in range(1, 5) if q not in accepted), 4)


def _context(request: HttpRequest, plan: Plan, tw: int, typed: dict[str, str] | None = None,
             error: str | None = None) -> dict[str, Any]:
    renja = plan.renja()
    realisasi, version = actions.current(plan)
    reports = {r.triwulan: r for r in LaporanTriwulan.objects.filter(plan=plan)}
    quarters = []
    for q in range(1, 5):
        report = reports.get(q)
        status = report.status if report else "draf"
        quarters.append({
            "n": q, "roman": ROMAN[q - 1], "status": status,
            "status_label": words.quarter_status(status),
            "note": report.catatan if report and status == "dikembalikan" else "",
            "editable": quarter_refusal(request.user, plan, "realisasi_edit", q) is None,
            "may_submit": quarter_refusal(request.user, plan, "realisasi_submit", q) is None,
            "may_review": quarter_refusal(request.user, plan, "realisasi_accept", q) is None})
    this = quarters[tw - 1]
    typed = typed or {}
    rows = []
    indicators = {((node.kode or node.kode_asal or ""), ind.nama): ind
                  for node in renja.rencana.walk() for ind in node.indikator}
    for line in monitoring.lines(renja):
        done = realisasi.of_indicator(line.kode, line.indikator) if line.indikator else None
        spent = realisasi.of_money(line.kode) if line.money else None
        values = list(done.triwulan) if done else [None] * 4
        money = list(spent.triwulan) if spent else [None] * 4
        inferred = _inferred(indicators.get((line.kode, line.indikator or "")))
        rows.append({
            "line": line,
            "kind": typed.get(f"k{line.index}", (done.agregasi if done else None) or ""),
            "polarity": typed.get(f"p{line.index}", (done.polaritas if done else None) or ""),
            "weight": typed.get(f"w{line.index}", format_number(done.bobot) if done else "1"),
            "inferred": inferred,
            "earlier": [_number(v) for v in values[:tw - 1]],
            "value": typed.get(f"r{line.index}", _number(values[tw - 1])),
            "earlier_money": [format_rupiah(v) if v is not None else "" for v in money[:tw - 1]],
            "money": typed.get(f"a{line.index}",
                               format_rupiah(money[tw - 1]) if money[tw - 1] is not None else ""),
        })
    note = realisasi.note(tw)
    notes = {f: typed.get(f, getattr(note, f) if note else "") for f in actions.NOTE_FIELDS}
    bands = bands_for(plan)
    renstra = checked.renstra_of(plan)[0]
    e81 = evaluate(renja, realisasi, tw, bands=bands, renstra=renstra)
    renja_basis = evaluate(renja, realisasi, tw, dasar="renja", bands=bands, renstra=renstra)
    return {"plan": plan, "tw": tw, "roman": ROMAN[tw - 1], "quarters": quarters, "this": this,
            "rows": rows, "notes": notes, "rversion": version, "error": error,
            "earlier_romans": ROMAN[:tw - 1], "kinds": monitoring.KINDS,
            "polarities": monitoring.POLARITIES,
            "summary": {"rata_rata": _percent(e81.rata_rata_capaian), "predikat": e81.predikat,
                        "renja": _percent(renja_basis.rata_rata_capaian),
                        "predikat_renja": renja_basis.predikat,
                        "daya_serap": _percent(e81.daya_serap),
                        "anggaran": format_rupiah(e81.anggaran) if e81.anggaran else "-",
                        "pagu": format_rupiah(e81.pagu) if e81.pagu else "-"}}


def _inferred(ind: Any) -> tuple[str, str]:
    """The kind and polarity renja reads from the indicator's name and unit (the default)."""
    if ind is None:
        return "", ""
    satuan = ind.satuan or (ind.target_n.satuan if ind.target_n else None)
    kind = ind.agregasi or infer_agregasi(ind.nama, satuan) or "jumlah"
    return monitoring.KINDS[kind], monitoring.POLARITIES[infer_polaritas(ind.nama,
                                                                          ind.polaritas)]


def _number(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


def _percent(value: Decimal | None) -> str:
    return "-" if value is None else f"{format_number(rounded(value), 2)}%"


@require_safe
def page(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    if plan.status != "ditetapkan":
        raise Http404("Realisasi diisi untuk Renja yang sudah ditetapkan")
    tw = _quarter(request.GET.get("tw", ""), plan)
    return render(request, "renja/realisasi.html", _context(request, plan, tw))


@login_required
@require_POST
def save(request: HttpRequest, pk: int, tw: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    if not 1 <= tw <= 4:
        raise Http404("Triwulan tidak dikenal")
    post = request.POST
    values = {int(k[1:]): v for k, v in post.items() if re.fullmatch(r"r\d{1,5}", k)}
    money = {int(k[1:]): v for k, v in post.items() if re.fullmatch(r"a\d{1,5}", k)}
    notes = {f: post[f] for f in actions.NOTE_FIELDS if f in post}
    kinds = {int(k[1:]): v for k, v in post.items() if re.fullmatch(r"k\d{1,5}", k)}
    polarities = {int(k[1:]): v for k, v in post.items() if re.fullmatch(r"p\d{1,5}", k)}
    weights = {int(k[1:]): v for k, v in post.items() if re.fullmatch(r"w\d{1,5}", k)}
    result, failed = attempt(lambda: actions.save_quarter(
        plan.pk, request.user, tw, values, money, notes, post.get("version", ""),
        kinds=kinds, polarities=polarities, weights=weights))
    if failed is not None:
        if failed.status == 404:
            raise_refusal(failed)
        typed = {k: v for k, v in post.items() if k != "csrfmiddlewaretoken"}
        return render(request, "renja/realisasi.html",
                      _context(request, plan, tw, typed, failed.message), status=failed.status)
    assert result is not None
    messages.success(request, f"Realisasi triwulan {ROMAN[tw - 1]} tersimpan, versi {result[1]}.")
    return redirect(f"/renja/{plan.pk}/realisasi/?tw={tw}")


@login_required
@require_POST
def import_file(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    upload = request.FILES.get("file")
    tw = _quarter(request.POST.get("tw", ""), plan)
    refusals = [quarter_refusal(request.user, plan, "realisasi_edit", q) for q in range(1, 5)]
    if all(refusals):
        raise PermissionDenied(refusals[tw - 1].message("id"))  # type: ignore[union-attr]
    if upload is None:
        messages.error(request, "Pilih berkas realisasi (XLSX, CSV atau JSON).")
        return redirect(f"/renja/{plan.pk}/realisasi/?tw={tw}")
    suffix = Path(upload.name or "").suffix.lower()[:6]
    with tempfile.TemporaryDirectory() as folder:
        name = re.sub(r"[^\w.-]+", "_", Path(upload.name or "realisasi").name)[:100] or "berkas"
        path = Path(folder) / (name if name.lower().endswith(suffix) else name + suffix)
        with open(path, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        result, failed = attempt(lambda: actions.import_file(
            plan.pk, request.user, path, request.POST.get("version", "")))
    if failed is not None:
        if failed.status == 404:
            raise_refusal(failed)
        return render(request, "renja/realisasi.html",
                      _context(request, plan, tw, error=failed.message), status=failed.status)
    assert result is not None
    messages.success(request, f"{upload.name}: {result[2]} nilai diisi, versi {result[1]}.")
    return redirect(f"/renja/{plan.pk}/realisasi/?tw={tw}")


@login_required
@require_POST
def step(request: HttpRequest, pk: int, tw: int, aksi: str) -> HttpResponse:
    plan = get_plan(request.user, pk)
    if aksi not in STEPS or not 1 <= tw <= 4:
        raise Http404("Tindakan tidak dikenal")
    _, failed = attempt(lambda: actions.step(plan.pk, request.user, tw, STEPS[aksi],
                                             request.POST.get("note", "")))
    if failed is not None:
        raise_refusal(failed)
        messages.error(request, failed.message)
    else:
        done = {"ajukan": "diajukan ke Bappeda", "kembalikan": "dikembalikan",
                "terima": "diterima"}[aksi]
        messages.success(request, f"Laporan triwulan {ROMAN[tw - 1]} {done}.")
    return redirect(f"/renja/{plan.pk}/realisasi/?tw={tw}")


@require_safe
def template(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    realisasi, _ = actions.current(plan)
    response = HttpResponse(realisasi_template(plan.renja(), realisasi),
                            content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{_name(plan, "realisasi")}.xlsx"'
    return response


@require_safe
def e81(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    plan = get_plan(request.user, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404("Format tidak dikenal")
    tw = _quarter(request.GET.get("tw", ""), plan)
    renja = plan.renja()
    realisasi: Realisasi = actions.current(plan)[0]
    signed = renja.persetujuan
    result = evaluate(renja, realisasi, tw, bands=bands_for(plan),
                      renstra=checked.renstra_of(plan)[0])
    data = render_e81(result, fmt, signed.tempat or "" if signed else "",
                      signed.penandatangan if signed else None, tambahan=e81_extra(plan))
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = _name(plan, f"e81-tw{tw}")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _name(plan: Plan, what: str) -> str:
    agency = re.sub(r"[^A-Za-z0-9_-]+", "-", plan.perangkat_daerah.singkatan or "").strip("-")
    return f"{what}-{agency or plan.perangkat_daerah.pk}-{plan.tahun}"
