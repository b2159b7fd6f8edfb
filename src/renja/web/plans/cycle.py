"""Pages of the planning cycle: transitions, comments, versions and their diff, audit trail,
and the verifier's overview of every agency."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from renja import words
from renja.diff import diff
from renja.domain import Renja
from renja.text import spreadsheet_safe
from renja.web.accounts.models import PerangkatDaerah
from renja.web.outcome import attempt, raise_refusal
from renja.web.plans import actions
from renja.web.plans.access import get_plan, membership, plan_id, visible_plans
from renja.web.plans.models import Comment, Plan, with_contoh
from renja.web.plans.permissions import BAPPEDA, may
from renja.workflow import ACTIONS, STAGE_LABELS


def available(user: Any, plan: Plan) -> list[dict[str, str]]:
    """The actions this user could take on this plan now (the same question the action asks)."""
    return [{"name": name, "label": spec.label} for name, spec in ACTIONS.items()
            if may(user, plan, name)]


def cycle_context(request: HttpRequest, plan: Plan) -> dict[str, Any]:
    comments = plan.comments.filter(parent=None).prefetch_related("replies__author") \
        .select_related("author")
    return {"actions": available(request.user, plan), "comments": comments,
            "transitions": plan.transitions.select_related("user"),
            "versions": plan.versions.all(), "stage_label": words.stage(plan.tahapan),
            "may_comment": may(request.user, plan, "comment"),
            "may_reply": may(request.user, plan, "reply"),
            "open_comments": actions.open_comments(plan),
            "last_return": plan.transitions.filter(action="return").select_related("user")
            .order_by("-at", "-pk").first() if plan.status == "dikembalikan" else None}


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    plan = get_plan(request.user, pk)
    if action not in ACTIONS:
        raise Http404("Tindakan tidak dikenal")
    post = request.POST
    result, failed = attempt(lambda: actions.perform(
        plan, request.user, action, note=post.get("note", ""),
        override=bool(post.get("override")), nomor=post.get("nomor", ""),
        tanggal=post.get("tanggal", ""), jenis=post.get("jenis", "")))
    if failed is not None:
        raise_refusal(failed)
        messages.error(request, failed.message)
        return redirect("plan_detail", pk=plan.pk)
    assert result is not None
    if result.pk != plan.pk:
        messages.success(request, f"Perubahan {result.revisi} dibuka.")
    else:
        messages.success(request, f"{ACTIONS[action].label}: berhasil.")
    return redirect("plan_detail", pk=result.pk)


@login_required
@require_POST
def add_comment(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    parent = None
    if request.POST.get("parent"):
        parent = get_object_or_404(Comment, pk=plan_id(request.POST["parent"]), plan=plan,
                                   parent=None)
    _, failed = attempt(lambda: actions.comment(
        plan, request.user, request.POST.get("text", ""), kode=request.POST.get("kode", ""),
        field=request.POST.get("field", ""), parent=parent))
    if failed is not None:
        raise_refusal(failed)
        messages.error(request, failed.message)
        return redirect(f"/renja/{plan.pk}/#catatan")
    anchor = request.POST.get("anchor", "")
    if re.fullmatch(r"row-\d+(?:-\d+)*", anchor):  # written at a row: back to the row
        messages.success(request, "Catatan disimpan.")
        return redirect(f"/renja/{plan.pk}/#{anchor}")
    return redirect(f"/renja/{plan.pk}/#catatan")


@login_required
@require_POST
def resolve_comment(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    note = get_object_or_404(Comment, pk=comment_pk, plan=plan, parent=None)
    _, failed = attempt(lambda: actions.resolve(note, request.user))
    if failed is not None:
        raise_refusal(failed)
        messages.error(request, failed.message)
    return redirect(f"/renja/{plan.pk}/#catatan")


def _version_data(plan: Plan, number: int | str) -> Renja:
    if number == "kini":
        return plan.renja()
    version = get_object_or_404(plan.versions, number=plan_id(number))
    return Renja.model_validate(version.data)


@require_safe
def compare(request: HttpRequest, pk: int, a: str, b: str) -> HttpResponse:
    plan = get_plan(request.user, pk)
    changes = diff(_version_data(plan, a), _version_data(plan, b))
    fmt = request.GET.get("format")
    if fmt == "json":
        return HttpResponse(json.dumps([c.to_json() for c in changes], ensure_ascii=False,
                                       indent=2), content_type="application/json")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["kind", "table", "kode", "nama", "field", "old", "new", "delta"])
        for c in changes:
            writer.writerow([spreadsheet_safe(v) for v in (c.kind, c.table, c.kode, c.nama,
                                                           c.field, c.old, c.new, c.delta)])
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="renja-{plan.pk}-{a}-{b}.csv"'
        return response
    return render(request, "renja/compare.html", {"plan": plan, "a": a, "b": b,
                                                  "changes": changes,
                                                  "versions": plan.versions.all()})


@require_safe
def audit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    entries = plan.audit.select_related("user")
    if request.GET.get("kode"):
        entries = entries.filter(kode=request.GET["kode"])
    return render(request, "renja/audit.html", {"plan": plan, "entries": entries,
                                                "kode": request.GET.get("kode", "")})


@require_safe
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """The verifier's view: every agency of the pemda, its plan's stage, comments, findings."""
    member = membership(request.user)
    if member is None or member.role not in BAPPEDA:
        raise PermissionDenied("Hanya Bappeda yang dapat membuka ringkasan verifikasi")
    tahun = _year(request.GET.get("tahun", ""))
    plans = with_contoh(visible_plans(request.user).defer("data"))
    if tahun:
        plans = plans.filter(tahun=tahun)
    plans = plans.annotate(open_comments=Count("comments", filter=Q(
        comments__parent=None, comments__resolved=False)))
    by_agency: dict[int, list[Plan]] = {}
    for plan in plans:
        by_agency.setdefault(plan.perangkat_daerah_id, []).append(plan)
    agencies = PerangkatDaerah.objects.filter(pemda=member.pemda)
    rows = [{"pd": a, "plans": by_agency.get(a.pk, [])} for a in agencies]
    return render(request, "renja/overview.html", {"rows": rows, "tahun": tahun,
                                                   "labels": STAGE_LABELS})


def _year(text: str) -> int | None:
    """A year filter from the address; anything that is not a year shows every year."""
    text = text.strip()
    return int(text) if text.isdigit() and len(text) == 4 else None
