"""Reading plans: the list, one plan with its findings, exports, the public portal."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from renja.domain import Renja
from renja.edit_tables import TABLES, find_row
from renja.io.html.write import render_html
from renja.render import RENDERERS
from renja.render import render as render_to
from renja.web.accounts.models import Pemda
from renja.web.plans import checked
from renja.web.plans.access import (
    can_edit,
    get_plan,
    get_published,
    get_readable,
    membership,
    plan_id,
    public_plans,
    visible_plans,
)
from renja.web.plans.cycle import cycle_context, plan_rows
from renja.web.plans.dashboard import public_figures
from renja.web.plans.editor import editor_context
from renja.web.plans.models import Comment, Plan, with_contoh
from renja.web.plans.permissions import may

EXPORTS = (("pdf", "PDF"), ("docx", "DOCX"), ("xlsx", "XLSX"), ("html", "HTML"),
           ("datapackage", "Data terbuka"))
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "datapackage": "application/zip",
    "text": "text/plain; charset=utf-8",
}


@require_safe
@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """The plans this person sees, each with its stage, status, deadline, open comments,
    findings and pagu against the agency's ceiling; filtered and sorted like the overview."""
    member = membership(request.user)
    context = plan_rows(request, member, agencies=False) if member is not None else {}
    return render(request, "renja/plan_list.html", context)


@require_safe
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not visible_plans(request.user).filter(pk=plan_id(pk)).exists():
        return redirect("public_plan", pk=get_published(pk).pk)
    plan = get_plan(request.user, pk)
    context = editor_context(plan, editable=can_edit(request.user, plan),
                             commenting=may(request.user, plan, "comment"))
    context |= cycle_context(request, plan)
    renja = checked.read_only(plan)
    for note in context["comments"]:  # the comment list links back to its row
        note.link = _comment_link(plan, renja, note, context["anchors"])
    context["exports"] = EXPORTS
    return render(request, "renja/plan_detail.html", context)


def _comment_link(plan: Plan, renja: Renja, note: Comment, anchors: dict[str, str]) -> str:
    """Where a comment's row is: on this page for T-C.33, on its table's page otherwise."""
    if note.table in ("", "tc33"):
        anchor = anchors.get(note.kode)
        return f"#{anchor}" if anchor else ""
    if note.table not in TABLES:
        return ""
    index = find_row(renja, note.table, note.kode) if note.kode else None
    page = f"/renja/{plan.pk}/tabel/{note.table}/"
    return page + (f"#tbl-{note.table}-{index}" if index is not None else "")


@require_safe
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    plan = get_readable(request.user, pk)
    if fmt not in RENDERERS or fmt not in CONTENT_TYPES:
        raise Http404("Format tidak dikenal")
    renja = plan.renja()
    suffix = ".zip" if fmt == "datapackage" else RENDERERS[fmt].suffix
    agency = re.sub(r"[^A-Za-z0-9_-]+", "-", plan.perangkat_daerah.singkatan or "").strip("-")
    name = f"renja-{agency or plan.perangkat_daerah.pk}-{plan.tahun}"
    with tempfile.TemporaryDirectory() as folder:
        path = render_to(renja, fmt, Path(folder) / f"{name}{suffix}")
        data = path.read_bytes()
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}{suffix}"'
    return response


@require_safe
def public(request: HttpRequest) -> HttpResponse:
    """Published (set) plans, by pemda: readable by anyone, the same for everyone."""
    plans = with_contoh(public_plans().defer("data"))
    pemda = {p: [x for x in plans if x.perangkat_daerah.pemda_id == p.pk]
             for p in Pemda.objects.filter(perangkat_daerah__plans__published=True).distinct()}
    return render(request, "renja/public.html", {"pemda": pemda})


@require_safe
def public_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """A set plan's official content: its tables and texts, its regulation; never findings,
    comments, the audit trail, names of users or drafts. The same for everyone."""
    plan = get_published(pk)
    page = render_html(plan.renja())
    body = page[page.index("<body>") + len("<body>"):page.rindex("</body>")]
    style = page[page.index("<style>") + len("<style>"):page.index("</style>")]
    reg = plan.renja().dasar_hukum
    return render(request, "renja/public_plan.html", {
        "plan": plan, "document": mark_safe(body),  # every text escaped by the HTML renderer
        "style": mark_safe(style.replace("body {", ".dokumen {")), "reg": reg,
        "exports": EXPORTS, "realisasi": public_figures(plan)})


__all__ = ["FileResponse", "export", "plan_detail", "plan_list", "public", "public_plan"]
