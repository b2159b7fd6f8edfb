"""Pages of the planning cycle: transitions, comments, versions and their diff, audit trail,
and the verifier's overview of every agency."""

from __future__ import annotations

import csv
import datetime
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
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from renja import words
from renja.diff import diff
from renja.domain import Renja
from renja.edit_tables import TABLES
from renja.rkpd import Unit
from renja.rkpd.compile import ceilings_of
from renja.text import spreadsheet_safe
from renja.web.accounts.models import Membership, PaguCeiling, PerangkatDaerah, Role
from renja.web.outcome import attempt, raise_refusal
from renja.web.plans import actions, checked
from renja.web.plans.access import get_plan, membership, plan_id, visible_plans
from renja.web.plans.models import Comment, Jadwal, Plan, with_contoh
from renja.web.plans.permissions import BAPPEDA, may
from renja.words import STATUSES as STATUS_LABELS
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
            "last_return": plan.transitions.filter(action__in=("return", "decline"))
            .select_related("user").order_by("-at", "-pk").first()
            if plan.status == "dikembalikan" else None,
            "signer": _signer(request.user, plan), "has_kepala": _has_kepala(plan)}


def _signer(user: Any, plan: Plan) -> dict[str, str]:
    """The approval form's first values: what the head of the agency signed with last time."""
    member = membership(user)
    if member is None or member.role != Role.KEPALA:
        return {}
    return {"nama": user.get_full_name() or user.username,
            "jabatan": member.jabatan or f"Kepala {plan.perangkat_daerah.nama}",
            "pangkat": member.pangkat, "nip": member.nip}


def _has_kepala(plan: Plan) -> bool:
    return Membership.objects.filter(perangkat_daerah_id=plan.perangkat_daerah_id,
                                     role=Role.KEPALA, user__is_active=True).exists()


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    plan = get_plan(request.user, pk)
    if action not in ACTIONS:
        raise Http404("Tindakan tidak dikenal")
    post = request.POST
    signer = actions.Signer(**{name: post.get(name, "") for name in
                               ("nama", "jabatan", "pangkat", "nip", "tempat")})
    result, failed = attempt(lambda: actions.perform(
        plan, request.user, action, note=post.get("note", ""),
        override=bool(post.get("override")), nomor=post.get("nomor", ""),
        tanggal=post.get("tanggal", ""), jenis=post.get("jenis", ""), signer=signer))
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
        field=request.POST.get("field", ""), table=request.POST.get("table") or "tc33",
        parent=parent))
    back = _back_to(plan, request.POST.get("anchor", ""))
    if failed is not None:
        raise_refusal(failed)
        messages.error(request, failed.message)
        return redirect(back or f"/renja/{plan.pk}/#catatan")
    if back:  # written at a row: back to the row
        messages.success(request, "Catatan disimpan.")
        return redirect(back)
    return redirect(f"/renja/{plan.pk}/#catatan")


def _back_to(plan: Plan, anchor: str) -> str | None:
    """The row a comment was written at: of T-C.33 on the plan, of another table on its page."""
    if re.fullmatch(r"row-\d+(?:-\d+)*", anchor):
        return f"/renja/{plan.pk}/#{anchor}"
    at_table = re.fullmatch(r"tbl-([a-z_0-9]+)-\d+", anchor)
    if at_table and at_table.group(1) in TABLES:
        return f"/renja/{plan.pk}/tabel/{at_table.group(1)}/#{anchor}"
    return None


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
    """The verifier's view: every agency of the pemda, its plan's stage and status, the
    deadline of that stage, open comments, findings, pagu against the ceiling; filtered by
    year, stage and status, sorted by any column."""
    member = membership(request.user)
    if member is None or member.role not in BAPPEDA:
        raise PermissionDenied("Hanya Bappeda yang dapat membuka ringkasan verifikasi")
    return render(request, "renja/overview.html", plan_rows(request, member, agencies=True))


def plan_rows(request: HttpRequest, member: Any, agencies: bool) -> dict[str, Any]:
    """The plans this person sees with their stage, status, deadline, open comments,
    findings and pagu against the ceiling, filtered and sorted as the address asks; with
    ``agencies``, agencies without a plan too."""
    tahun = _year(request.GET.get("tahun", ""))
    tahapan, status = request.GET.get("tahapan", ""), request.GET.get("status", "")
    plans = with_contoh(visible_plans(request.user).defer("data"))
    if tahun:
        plans = plans.filter(tahun=tahun)
    if tahapan in STAGE_LABELS:
        plans = plans.filter(tahapan=tahapan)
    if status in STATUS_LABELS:
        plans = plans.filter(status=status)
    plans = plans.annotate(open_comments=Count("comments", filter=Q(
        comments__parent=None, comments__resolved=False)))
    deadlines = {(j.tahun, j.tahapan): j.selesai
                 for j in Jadwal.objects.filter(pemda=member.pemda)}
    ceilings: dict[tuple[int, int], int] = {}
    per_sumber: dict[tuple[int, int], dict[str, int]] = {}
    for c in PaguCeiling.objects.filter(perangkat_daerah__pemda=member.pemda):
        if c.sumber_dana:
            per_sumber.setdefault((c.perangkat_daerah_id, c.tahun), {})[c.sumber_dana] = c.pagu
        else:
            ceilings[(c.perangkat_daerah_id, c.tahun)] = c.pagu
    today = timezone.localdate()
    rows = []
    listed = list(plans.select_related("perangkat_daerah"))
    with_data = _with_data([p for p in listed if (p.perangkat_daerah_id, p.tahun) in per_sumber])
    for plan in listed:
        total = plan.total_pagu_n
        ceiling = ceilings.get((plan.perangkat_daerah_id, plan.tahun))
        deadline = deadlines.get((plan.tahun, plan.tahapan))
        rows.append({"plan": plan, "pd": plan.perangkat_daerah, "total": total,
                     "ceiling": ceiling, "over": total - ceiling if total is not None and
                     ceiling is not None else None, "deadline": deadline,
                     "late": bool(deadline and deadline < today and plan.status in
                                  ("draf", "dikembalikan", "menunggu_kepala")),
                     "sumber_over": _sumber_over(with_data.get(plan.pk), per_sumber.get(
                         (plan.perangkat_daerah_id, plan.tahun), {}))})
    planned = {r["pd"].pk for r in rows}
    if agencies and not (tahapan or status):
        rows += [{"plan": None, "pd": a, "total": None, "ceiling": None, "over": None,
                  "deadline": None, "late": False, "sumber_over": []}
                 for a in PerangkatDaerah.objects.filter(pemda=member.pemda)
                 if a.pk not in planned]
    order = request.GET.get("urut", "perangkat_daerah")
    rows.sort(key=OVERVIEW_SORT.get(order, OVERVIEW_SORT["perangkat_daerah"]),
              reverse=order in ("galat", "catatan", "selisih"))
    return {"rows": rows, "tahun": tahun, "tahapan": tahapan, "status": status, "urut": order,
            "stages": STAGE_LABELS, "statuses": STATUS_LABELS}


def _with_data(plans: list[Plan]) -> dict[int, Plan]:
    """These plans with their data, in one query (the list defers it): only plans whose agency
    has a ceiling per sumber dana are read."""
    if not plans:
        return {}
    return {p.pk: p for p in Plan.objects.filter(pk__in=[p.pk for p in plans])
            .select_related("perangkat_daerah")}


def _sumber_over(plan: Plan | None, ceilings: dict[str, int]) -> list[dict[str, Any]]:
    """The sumber dana of ``plan`` whose pagu is over the ceiling the admin set for it."""
    if plan is None or not ceilings:
        return []
    unit = Unit(plan.perangkat_daerah.nama, plan=checked.read_only(plan), pagu_sumber=ceilings)
    return [{"sumber": c.sumber_dana, "over": -(c.selisih or 0)}
            for c in ceilings_of(unit) if c.sumber_dana and c.over]


OVERVIEW_SORT: dict[str, Any] = {
    "perangkat_daerah": lambda r: (r["pd"].nama, -(r["plan"].tahun if r["plan"] else 0)),
    "tahapan": lambda r: (r["plan"].tahapan if r["plan"] else "~", r["pd"].nama),
    "tenggat": lambda r: (r["deadline"] or datetime.date.max, r["pd"].nama),
    "galat": lambda r: (r["plan"].n_errors if r["plan"] else -1),
    "catatan": lambda r: (r["plan"].open_comments if r["plan"] else -1),
    "selisih": lambda r: (r["over"] if r["over"] is not None else -10**18),
}


def _year(text: str) -> int | None:
    """A year filter from the address; anything that is not a year shows every year."""
    text = text.strip()
    return int(text) if text.isdigit() and len(text) == 4 else None
