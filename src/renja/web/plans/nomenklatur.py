"""A plan's move to a newer nomenclature version, reviewed in the browser: every row whose
code or name the new version changes, with what is proposed (renamed, moved, merged, removed
with candidates); the planner accepts row by row and nothing changes until they do. Bappeda
sees every plan of the pemda at once: how many rows of each kind are left, and all proposals as
one CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from renja.nomenklatur import default_catalogue
from renja.nomenklatur.migrate import (
    LABELS,
    PROPOSAL_FIELDS,
    proposal_line,
    propose,
    versions_of,
)
from renja.text import spreadsheet_safe
from renja.web.outcome import attempt, raise_refusal
from renja.web.plans import checked
from renja.web.plans.access import can_edit, get_plan, membership, visible_plans
from renja.web.plans.actions.nomenklatur import accept_mapping
from renja.web.plans.permissions import BAPPEDA


def _target(request: HttpRequest, current: str) -> str | None:
    """The version asked for, else the newest one the plan does not follow yet."""
    catalogue = default_catalogue()
    asked = request.GET.get("versi") or request.POST.get("versi") or ""
    if catalogue.version(asked) is not None:
        return asked
    newest = catalogue.versions[-1].id if catalogue.versions else None
    return newest if newest != current else None


def _context(request: HttpRequest, pk: int) -> dict[str, Any]:
    plan = get_plan(request.user, pk)
    renja = checked.read_only(plan)
    catalogue = default_catalogue()
    current = versions_of(renja, catalogue, catalogue.versions[-1].id)[0]
    target = _target(request, current)
    proposals = propose(renja, target, catalogue) if target and target != current else []
    rows = [{"p": p, "label": LABELS[p.jenis], "anchor": "usulan-" + p.path.replace(".", "-")}
            for p in proposals if p.needs_review]
    return {"plan": plan, "current": catalogue.version(current),
            "target": catalogue.version(target) if target else None, "rows": rows,
            "editable": can_edit(request.user, plan),
            "kept": sum(1 for p in proposals if not p.needs_review),
            "versions": [v for v in catalogue.versions if v.id != current]}


@require_safe
@login_required
def page(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "renja/nomenklatur.html", _context(request, pk))


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept one row; a refusal shows the page again with why, and its status (409 when
    someone saved first, 422 for a choice that cannot be taken)."""
    get_plan(request.user, pk)  # out of reach: 404, as for every plan
    post = request.POST
    versi = post.get("versi", "")
    result, failed = attempt(lambda: accept_mapping(
        pk, request.user, versi, post.get("path", ""), post.get("kode_lama", ""),
        post.get("kode_baru", ""), post.get("version")))
    if failed is not None:
        raise_refusal(failed)
        context = _context(request, pk) | {"error": failed.message}
        return render(request, "renja/nomenklatur.html", context, status=failed.status)
    assert result is not None
    _, old, new = result
    messages.success(request, f"{old} dipindahkan ke {new}.")
    return redirect(reverse("plan_nomenklatur", args=[pk]) + f"?versi={versi}")


@require_safe
@login_required
def pemda_page(request: HttpRequest) -> HttpResponse:
    """Every plan of the pemda for a year against a version: rows left per kind of change."""
    member = membership(request.user)
    if member is None or member.role not in BAPPEDA:
        raise PermissionDenied("Hanya Bappeda yang dapat membuka ringkasan nomenklatur")
    catalogue = default_catalogue()
    plans = list(visible_plans(request.user).select_related("perangkat_daerah").order_by(
        "perangkat_daerah__nama"))
    years = sorted({p.tahun for p in plans}, reverse=True)
    text = request.GET.get("tahun", "")
    tahun = int(text) if text.isdigit() else (years[0] if years else None)
    asked = request.GET.get("versi", "")
    target = asked if catalogue.version(asked) else catalogue.versions[-1].id
    rows, lines = [], []
    for plan in (p for p in plans if p.tahun == tahun):
        found = [p for p in propose(checked.read_only(plan), target, catalogue)
                 if p.needs_review]
        counts = {kind: sum(1 for p in found if p.jenis == kind) for kind in LABELS}
        rows.append({"plan": plan, "counts": counts, "left": len(found)})
        lines += [(plan, p) for p in found]
    if request.GET.get("format") == "csv":
        return _csv(lines, target)
    return render(request, "renja/nomenklatur_pemda.html", {
        "rows": rows, "tahun": tahun, "years": years, "target": catalogue.version(target),
        "versions": catalogue.versions, "labels": [(k, v) for k, v in LABELS.items()
                                                   if k != "tetap"]})


def _csv(lines: list[tuple[Any, Any]], target: str) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["perangkat_daerah", "renja", *PROPOSAL_FIELDS])
    for plan, p in lines:
        writer.writerow([spreadsheet_safe(plan.perangkat_daerah.nama), plan.pk,
                         *proposal_line(p)])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="usulan-nomenklatur-{target}.csv"'
    return response
