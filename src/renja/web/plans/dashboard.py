"""Dashboards of realisation: an agency's set plan up to a quarter (absorption per quarter,
capaian per program, indicators behind), Bappeda's view of every agency of the pemda, and the
public portal's view of the quarters Bappeda accepted. Charts are inline SVG beside a table of
the same figures, and download as PNG or SVG."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from renja import words
from renja.calc.dashboard import BELUM_DINILAI, AgencyDashboard, agency, predikat_counts
from renja.calc.e81 import evaluate
from renja.domain.realisasi import QUARTERS, Realisasi
from renja.render import charts
from renja.web.accounts.models import PerangkatDaerah
from renja.web.plans.access import (
    bappeda_member,
    get_plan,
    get_published,
    visible_plans,
)
from renja.web.plans.actions.realisasi import current
from renja.web.plans.models import (
    Jadwal,
    LaporanTriwulan,
    Plan,
    PlanRealisasi,
    bands_for,
    bands_of,
)

ROMAN = ("I", "II", "III", "IV")
FORMATS = {"svg": "image/svg+xml", "png": "image/png"}
DONE = ("diajukan", "diterima")


def _quarter(text: object, fallback: int) -> int:
    text = str(text).strip()
    return int(text) if text in ("1", "2", "3", "4") else fallback


def reported_quarters(realisasi: Realisasi) -> int:
    """The last quarter with any value reported (0 when none is)."""
    quarters: list[list[object]] = [list(line.triwulan) for line in realisasi.indikator]
    quarters += [list(line.triwulan) for line in realisasi.anggaran]
    return max((q for values in quarters for q, value in enumerate(values, start=1)
                if value is not None), default=0)


def accepted_quarters(plan: Plan) -> int:
    """How many quarters from triwulan I on Bappeda has accepted (what the public sees)."""
    accepted = set(LaporanTriwulan.objects.filter(plan=plan, status="diterima")
                   .values_list("triwulan", flat=True))
    upto = 0
    while upto + 1 in accepted:
        upto += 1
    return upto


def dashboard_of(plan: Plan, upto: int, realisasi: Realisasi | None = None) -> AgencyDashboard:
    realisasi = realisasi if realisasi is not None else current(plan)[0]
    return agency(evaluate(plan.renja(), realisasi, upto, bands=bands_for(plan)))


def figures(dash: AgencyDashboard) -> dict[str, Any]:
    """What the page shows of a dashboard: charts inline, numbers written the Indonesian way."""
    return {
        "dash": dash, "roman": ROMAN[dash.sampai_triwulan - 1],
        # built as XML with every text escaped; the page prints the titles as headings
        "absorption_svg": mark_safe(charts.absorption(dash, titled=False)),
        "program_svg": mark_safe(charts.program_capaian(dash, titled=False)),
        "rata_rata": charts.percent(dash.rata_rata_capaian) or "-",
        "daya_serap": charts.percent(dash.daya_serap) or "-",
        "serapan": [{"roman": ROMAN[s.triwulan - 1], "rencana": s.rencana,
                     "realisasi": s.realisasi, "persen": charts.percent(s.persen)}
                    for s in dash.serapan],
        "programs": [{"p": p, "capaian": charts.percent(p.capaian),
                      "serapan": charts.percent(p.daya_serap)} for p in dash.program],
        "behind": [{"t": t, "capaian": charts.percent(t.capaian)} for t in dash.tertinggal],
    }


@require_safe
def agency_page(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _set_plan(request, pk)
    realisasi = current(plan)[0]
    upto = _quarter(request.GET.get("tw", ""), max(reported_quarters(realisasi), 1))
    context = figures(dashboard_of(plan, upto, realisasi))
    context |= {"plan": plan, "tw": upto, "quarters": list(enumerate(ROMAN, start=1))}
    return render(request, "renja/dashboard.html", context)


@require_safe
def agency_chart(request: HttpRequest, pk: int, name: str, fmt: str) -> HttpResponse:
    plan = _set_plan(request, pk)
    realisasi = current(plan)[0]
    upto = _quarter(request.GET.get("tw", ""), max(reported_quarters(realisasi), 1))
    return _chart(_agency_chart(name), dashboard_of(plan, upto, realisasi), fmt,
                  f"{name}-{_slug(plan)}-tw{upto}")


@require_safe
def public_chart(request: HttpRequest, pk: int, name: str, fmt: str) -> HttpResponse:
    plan = get_published(pk)
    upto = accepted_quarters(plan)
    if upto == 0:
        raise Http404("Belum ada laporan triwulan yang diterima Bappeda")
    return _chart(_agency_chart(name), dashboard_of(plan, upto), fmt,
                  f"{name}-{_slug(plan)}-tw{upto}")


def public_figures(plan: Plan) -> dict[str, Any] | None:
    """The public's view of a set plan's realisation: up to the last quarter Bappeda
    accepted (none before the first one is)."""
    upto = accepted_quarters(plan)
    return figures(dashboard_of(plan, upto)) if upto else None


def _agency_chart(name: str) -> Callable[[AgencyDashboard], str]:
    drawings = {"serapan": charts.absorption, "program": charts.program_capaian}
    if name not in drawings:
        raise Http404("Grafik tidak dikenal")
    return drawings[name]


def _chart(draw: Callable[[Any], str], data: Any, fmt: str, filename: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Format tidak dikenal")
    svg = draw(data)
    body = charts.png(svg) if fmt == "png" else svg.encode()
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _set_plan(request: HttpRequest, pk: int) -> Plan:
    plan = get_plan(request.user, pk)
    if plan.status != "ditetapkan":
        raise Http404("Dasbor realisasi ada untuk Renja yang sudah ditetapkan")
    return plan


def _slug(plan: Plan) -> str:
    agency_name = re.sub(r"[^A-Za-z0-9_-]+", "-", plan.perangkat_daerah.singkatan or "")
    return f"{agency_name.strip('-') or plan.perangkat_daerah.pk}-{plan.tahun}"


# The pemda's view (Bappeda)

SORTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "perangkat_daerah": lambda r: r["pd"].nama,
    "serapan": lambda r: (r["serapan"] is None, -(r["serapan"] or 0), r["pd"].nama),
    "capaian": lambda r: (r["capaian"] is None, -(r["capaian"] or 0), r["pd"].nama),
    "laporan": lambda r: (not r["late"], r["report"], r["pd"].nama),
}


def pemda_rows(member: Any, tahun: int, tw: int, today: datetime.date) -> list[dict[str, Any]]:
    """Every agency of the pemda with its set plan of ``tahun`` (if any), its figures up to
    ``tw`` and where that quarter's report stands (late after the quarter's schedule)."""
    plans = {p.perangkat_daerah_id: p for p in visible_plans(member.user).filter(
        tahun=tahun, status="ditetapkan")}
    reports = {(r.plan_id, r.triwulan): r.status for r in LaporanTriwulan.objects.filter(
        plan__in=list(plans.values()))}
    deadline = Jadwal.objects.filter(pemda=member.pemda, tahun=tahun,
                                     tahapan=f"triwulan_{tw}").first()
    rows = []
    for pd in PerangkatDaerah.objects.filter(pemda=member.pemda):
        plan = plans.get(pd.pk)
        realisasi = current(plan)[0] if plan is not None else None
        dash = dashboard_of(plan, tw, realisasi) if plan is not None else None
        status = "tanpa_renja" if plan is None or realisasi is None else reports.get(
            (plan.pk, tw), "draf" if reported_quarters(realisasi) >= tw else "belum")
        rows.append({
            "pd": pd, "plan": plan, "dash": dash, "report": status,
            "report_label": _report_label(status),
            "late": bool(plan is not None and deadline is not None and
                         deadline.selesai < today and status not in DONE),
            "deadline": deadline.selesai if deadline else None,
            "serapan": dash.daya_serap if dash else None,
            "capaian": dash.rata_rata_capaian if dash else None,
            "serapan_text": charts.percent(dash.daya_serap) if dash else "",
            "capaian_text": charts.percent(dash.rata_rata_capaian) if dash else "",
            "predikat": (dash.predikat if dash else None) or BELUM_DINILAI})
    return rows


def _report_label(status: str) -> str:
    if status == "tanpa_renja":
        return "Renja belum ditetapkan"
    if status == "belum":
        return "Belum diisi"
    return words.quarter_status(status)


def _pemda_year(member: Any, text: str) -> int:
    text = text.strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    latest = (visible_plans(member.user).filter(status="ditetapkan")
              .order_by("-tahun").values_list("tahun", flat=True).first())
    return int(latest) if latest else timezone.localdate().year


def _bappeda(request: HttpRequest) -> Any:
    return bappeda_member(request.user, "Hanya Bappeda yang dapat membuka dasbor pemda")


def _pemda_context(request: HttpRequest) -> dict[str, Any]:
    member = _bappeda(request)
    tahun = _pemda_year(member, request.GET.get("tahun", ""))
    tw = _quarter(request.GET.get("tw", ""), _default_quarter(member, tahun))
    rows = pemda_rows(member, tahun, tw, timezone.localdate())
    order = request.GET.get("urut", "perangkat_daerah")
    rows.sort(key=SORTS.get(order, SORTS["perangkat_daerah"]))
    bands = [band.predikat for band in bands_of(member.pemda_id, tahun)]
    counts = predikat_counts([r["dash"] for r in rows], bands)
    set_rows = [r for r in rows if r["plan"] is not None]
    pagu = sum(r["dash"].pagu or 0 for r in set_rows)
    spent = sum(r["dash"].anggaran or 0 for r in set_rows)
    return {
        "member": member, "rows": rows, "tahun": tahun, "tw": tw, "roman": ROMAN[tw - 1],
        "urut": order, "counts": counts, "quarters": list(enumerate(ROMAN, start=1)),
        "pagu": pagu, "anggaran": spent,
        "daya_serap": charts.percent(Decimal(spent) * 100 / pagu) if pagu else "-",
        "late": sum(1 for r in rows if r["late"]),
        "missing": sum(1 for r in rows if r["report"] in ("belum", "draf", "dikembalikan")),
        "set_rows": set_rows,
        "absorption_svg": mark_safe(_agencies_svg(set_rows, tahun, tw, titled=False)),
        "predikat_svg": mark_safe(_predikat_svg(counts, tahun, tw, titled=False)),
    }


def _agencies_svg(rows: list[dict[str, Any]], tahun: int, tw: int, titled: bool = True) -> str:
    return charts.agencies_absorption(
        [r["pd"].singkatan or r["pd"].nama for r in rows], [r["serapan"] for r in rows],
        f"Daya serap per perangkat daerah s/d triwulan {ROMAN[tw - 1]} {tahun}", titled)


def _predikat_svg(counts: dict[str, int], tahun: int, tw: int, titled: bool = True) -> str:
    return charts.predikat_distribution(
        counts, f"Predikat kinerja perangkat daerah s/d triwulan {ROMAN[tw - 1]} {tahun}",
        titled)


def _default_quarter(member: Any, tahun: int) -> int:
    """The last quarter any agency has reported on (a value entered or a report sent), else
    the quarter last ended in the current year, else triwulan I."""
    plans = {"plan__perangkat_daerah__pemda": member.pemda, "plan__tahun": tahun}
    sent = (LaporanTriwulan.objects.filter(**plans).order_by("-triwulan")
            .values_list("triwulan", flat=True).first()) or 0
    entered = max((reported_quarters(Realisasi.model_validate(data)) for data in
                   PlanRealisasi.objects.filter(**plans).values_list("data", flat=True)),
                  default=0)
    if sent or entered:
        return max(int(sent), entered)
    today = timezone.localdate()
    if today.year == tahun:
        return max(1, (today.month - 1) // 3)
    return QUARTERS if today.year > tahun else 1


@require_safe
@login_required
def pemda_page(request: HttpRequest) -> HttpResponse:
    return render(request, "renja/dashboard_pemda.html", _pemda_context(request))


@require_safe
@login_required
def pemda_chart(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    context = _pemda_context(request)
    tahun, tw = context["tahun"], context["tw"]
    drawings: dict[str, Callable[[Any], str]] = {
        "serapan": lambda rows: _agencies_svg(rows, tahun, tw),
        "predikat": lambda counts: _predikat_svg(counts, tahun, tw)}
    if name not in drawings:
        raise Http404("Grafik tidak dikenal")
    data = context["set_rows"] if name == "serapan" else context["counts"]
    return _chart(drawings[name], data, fmt, f"{name}-pemda-{tahun}-tw{tw}")
