"""The Renja editor: T-C.33 as an editable tree, findings beside it, roll-ups on save."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST, require_safe

from renja.codes import parse_kode
from renja.domain import PlanNode, Renja
from renja.edit import (
    add_indicator,
    add_row,
    node_at,
    paths,
    remove_row,
    set_polaritas,
    set_value,
)
from renja.errors import RenjaError
from renja.nomenklatur import default_catalogue
from renja.numbers import format_rupiah
from renja.rules import Finding
from renja.rules.incremental import changed_rows
from renja.start import add_program
from renja.web.outcome import attempt, stale_row_message
from renja.web.plans import checked
from renja.web.plans.access import can_edit, get_plan
from renja.web.plans.actions import change_plan
from renja.web.plans.models import Comment, Plan
from renja.web.plans.permissions import may, refusal
from renja.words import row_fields

BELANJA = (("pegawai", "Belanja pegawai"), ("barang_jasa", "Belanja barang dan jasa"),
           ("modal", "Belanja modal"))


def _row(path: str, node: PlanNode, depth: int, flagged: set[str], urls: str,
         ) -> dict[str, Any]:
    """One editor row, its cells as ready strings (the template only places them)."""
    ind = node.indikator[0] if node.indikator else None
    url = f"{urls}{path}/"  # built here: reversing three URLs per row costs more than the row
    return {
        "path": path, "node": node, "depth": depth, "leaf": not node.children,
        "url_form": url, "url_remove": f"{url}hapus/", "url_add": f"{url}tambah/",
        "url_note": f"{url}catatan/",
        "anchor": _anchor(path), "level": node.level,
        "kode": node.kode or node.kode_asal or "", "nama": node.nama,
        "lokasi": node.lokasi or "", "sumber_dana": node.sumber_dana or "",
        "indikator": node.indikator, "first": ind,
        "indikator_nama": _lines(i.nama for i in node.indikator),
        "target_n": _lines(i.target_n.text if i.target_n else "" for i in node.indikator),
        "target_n1": _lines(i.target_n1.text if i.target_n1 else "" for i in node.indikator),
        "pagu_n": format_rupiah(node.pagu_n), "pagu_n1": format_rupiah(node.pagu_n1),
        "flagged": bool(node.kode and node.kode in flagged),
        "can_add": node.level in ("program", "kegiatan") and bool(node.kode),
    }


def _anchor(path: str) -> str:
    """The HTML id of the editor row at ``path`` (``0.1.2`` → ``row-0-1-2``)."""
    return "row-" + path.replace(".", "-")


def _lines(texts: Iterable[str]) -> str:
    """Texts escaped and joined by line breaks, as one cell shows several indicators."""
    return mark_safe("<br>".join(escape(t) for t in texts))  # each text escaped


def editor_context(plan: Plan, editable: bool, error: str | None = None,
                   commenting: bool = False, table: bool = True) -> dict[str, Any]:
    """What the editor shows; without ``table``, all but the T-C.33 rows."""
    renja = checked.read_only(plan)
    order = {"error": 0, "warning": 1, "info": 2}
    findings = sorted(checked.findings(plan, renja), key=lambda f: order[f.severity])
    if table:
        rows_html, anchors = _table(plan, renja, findings, editable, commenting)
    else:
        rows_html, anchors = mark_safe(""), _anchors(renja)
    items = [{"f": f, "anchor": anchors.get(f.kode or "") if f.table == "tc33" else None}
             for f in findings]
    counts = {s: sum(1 for f in findings if f.severity == s)
              for s in ("error", "warning", "info")}
    total = renja.rencana.total
    return {"plan": plan, "renja": renja, "rows_html": rows_html,
            "has_rows": bool(renja.rencana.rows), "findings": items, "counts": counts,
            "editable": editable, "error": error, "commenting": commenting,
            "anchors": anchors,
            "total_n": format_rupiah(total.pagu_n) if total else "",
            "total_n1": format_rupiah(total.pagu_n1) if total else ""}


_tables: checked.Recent[tuple[SafeString, dict[str, str]]] = checked.Recent(64)


def _table(plan: Plan, renja: Renja, findings: list[Finding], editable: bool,
           commenting: bool) -> tuple[SafeString, dict[str, str]]:
    """The T-C.33 rows of the editor as HTML, and each code's anchor: rendered once per plan
    version, findings, open notes and what the person may do (the largest part of the page)."""
    notes = open_notes(plan)
    key = (*checked.plan_key(plan), *checked.renstra_of(plan)[1], editable, commenting,
           tuple(sorted(notes.items())))
    found = _tables.get(key)
    if found is not None:
        return found
    made = (_rows_html(plan, paths(renja), findings, notes, editable, commenting),
            _anchors(renja))
    _tables.put(key, made)
    return made


def _rows_html(plan: Plan, rows: Iterable[tuple[str, PlanNode, int]], findings: list[Finding],
               notes: dict[str, int], editable: bool, commenting: bool,
               oob: bool = False) -> SafeString:
    """``rows`` (path, node, depth) as the editor's table rows (``oob``: each to be swapped in
    by its id)."""
    flagged = _flagged(findings)
    urls = reverse("row_form", args=[plan.pk, "0"]).removesuffix("0/")
    made = [_row(p, n, d, flagged, urls) for p, n, d in rows]
    for row in made:
        row["notes"] = notes.get(row["node"].kode or "", 0)
    html = render_to_string("renja/editor_rows.html", {
        "rows": made, "plan": plan, "editable": editable, "commenting": commenting, "oob": oob})
    return mark_safe(html)  # our template's own output, escaped by it


def _flagged(findings: list[Finding]) -> set[str]:
    """Codes of the T-C.33 rows a finding is about."""
    return {f.kode for f in findings if f.kode and f.table == "tc33"}


def _anchors(renja: Renja) -> dict[str, str]:
    """Each code's row anchor in the editor (the first row of a code printed twice)."""
    return {node.kode: _anchor(path) for path, node, _ in reversed(paths(renja)) if node.kode}


@require_safe
@login_required
def row_form(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    plan = get_plan(request.user, pk, edit=True)
    return _row_form(request, plan, path)


def _row_form(request: HttpRequest, plan: Plan, path: str, typed: Any = None,
              error: str | None = None, status: int = 200) -> HttpResponse:
    """The row's form: the stored values, or what the person typed (kept after a refusal)."""
    node = _node_or_404(checked.read_only(plan), path)
    typed = typed or {}
    form = {name: typed.get(name, _stored(node, name))
            for name in ("lokasi", "sumber_dana", "pagu_n", "pagu_n1", "new_indikator")}
    form["indikator"] = [
        {"i": i, **{field: typed.get(f"ind-{i}-{field}", value) for field, value in (
            ("nama", ind.nama), ("target_n", ind.target_n.text if ind.target_n else ""),
            ("target_n1", ind.target_n1.text if ind.target_n1 else ""),
            ("polaritas", ind.polaritas or ""))}}
        for i, ind in enumerate(node.indikator)]
    for i, ind in enumerate(form["indikator"]):
        ind["nama"] = typed.get(f"ind-{i}-indikator", ind["nama"])
    belanja = [{**f, "value": typed.get(f["name"], f["value"])} for f in _belanja_fields(node)]
    response = render(request, "renja/row_form.html", {
        "plan": plan, "path": path, "node": node, "belanja": belanja, "form": form,
        "anchor": _anchor(path), "error": error}, status=status)
    if error:  # shown at the row, in place of the form, with what was typed
        response["HX-Retarget"] = f"#{_anchor(path)}"
        response["HX-Reswap"] = "outerHTML"
    return response


def _stored(node: PlanNode, name: str) -> str:
    if name in ("pagu_n", "pagu_n1"):
        value = getattr(node, name)
        return "" if value is None else str(value)
    if name == "new_indikator":
        return ""
    return getattr(node, name) or ""


def _node_or_404(renja: Any, path: str) -> PlanNode:
    try:
        return node_at(renja, path)
    except RenjaError as exc:
        raise Http404("Baris tidak ditemukan") from exc


def _belanja_fields(node: PlanNode) -> list[dict[str, str]]:
    fields = []
    for name, label in BELANJA:
        for year in ("n", "n1"):
            value = getattr(getattr(node, f"belanja_{year}"), name)
            fields.append({"name": f"belanja_{name}_{year}", "label": label, "year": year,
                           "value": format_rupiah(value, dash_for_zero=False)
                           if value is not None else ""})
    return fields


EDITABLE = ("lokasi", "sumber_dana", "pagu_n", "pagu_n1",
            *(f"belanja_{name}_{year}" for name, _ in BELANJA for year in ("n", "n1")))


@login_required
@require_POST
def row_save(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    def change(renja: Any) -> None:
        _apply_fields(renja, path, request)
        _indicators(renja, path, request)

    plan = get_plan(request.user, pk)
    shown = checked.cached(plan)  # the plan as this worker last parsed it (the page's, mostly)
    saved, failed = attempt(lambda: change_plan(plan.pk, request.user, change,
                                                request.POST.get("version", ""), row=path))
    if failed is not None:
        current = get_plan(request.user, pk)
        if not can_edit(request.user, current):  # submitted or set meanwhile: the table says
            return _editor(request, current, error=failed.message, status=failed.status)
        message = stale_row_message(current) if failed.status == 409 else failed.message
        return _row_form(request, current, path, request.POST, error=message,
                         status=failed.status)
    assert saved is not None
    response = None
    partial = shown is not None and saved.version == plan.version + 1
    if partial and shown is not None and request.headers.get("HX-Request"):
        response = _changed_rows(request, plan, shown, saved)
    if response is None:
        response = _editor(request, saved)
    response["HX-Trigger-After-Settle"] = json.dumps(
        {"renja:saved": {"row": _anchor(path), "message": f"Tersimpan, versi {saved.version}",
                         "version": saved.version}})
    return response


def _changed_rows(request: HttpRequest, before: Plan, shown: Renja,
                  saved: Plan) -> HttpResponse | None:
    """The answer to a save of one row: the table rows whose cells changed (the row, the sums
    above it, rows a finding now flags or no longer flags), the totals, the version and the
    findings, each swapped in by its id; ``None`` when the whole editor is the answer (the rows
    moved, or the plan was copied whole, so every row is new)."""
    renja = checked.read_only(saved)
    changed = changed_rows(shown, renja)
    if changed is None or 2 * len(changed) > len(paths(renja)):
        return None
    editable = can_edit(request.user, saved)
    commenting = may(request.user, saved, "comment")
    context = editor_context(saved, editable, commenting=commenting, table=False)
    findings = [item["f"] for item in context["findings"]]
    flipped = _flagged(findings) ^ _flagged(checked.findings(before, shown))
    rows = [(p, n, d) for p, n, d in paths(renja) if p in changed or n.kode in flipped]
    context["rows_html"] = _rows_html(saved, rows, findings, open_notes(saved), editable,
                                      commenting, oob=True)
    response = render(request, "renja/editor_saved.html", context)
    response["HX-Reswap"] = "none"  # every part comes by its id
    return response


def _apply_fields(renja: Any, path: str, request: HttpRequest) -> None:
    """The row's money, lokasi and sumber dana as typed; the roll-ups above recomputed."""
    for field in EDITABLE:
        if field in request.POST:
            set_value(renja, path, field, request.POST[field])


@login_required
@require_POST
def row_preview(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    """What the row and the rows above it would sum to, as the planner types; nothing saved."""
    plan = get_plan(request.user, pk, edit=True)
    _node_or_404(checked.read_only(plan), path)
    renja = plan.renja()
    try:
        _apply_fields(renja, path, request)
    except RenjaError as exc:
        return render(request, "renja/row_preview.html", {"error": exc.message("id")})
    parts = path.split(".")
    above = [".".join(parts[:i]) for i in range(1, len(parts))]
    total = renja.rencana.total
    return render(request, "renja/row_preview.html", {
        "pagu_n": format_rupiah(node_at(renja, path).pagu_n),
        "above": [{"anchor": _anchor(p),
                   "pagu_n": format_rupiah(node_at(renja, p).pagu_n),
                   "pagu_n1": format_rupiah(node_at(renja, p).pagu_n1)} for p in above],
        "total_n": format_rupiah(total.pagu_n) if total else "",
        "total_n1": format_rupiah(total.pagu_n1) if total else ""})


def _indicators(renja: Any, path: str, request: HttpRequest) -> None:
    """``ind-<i>-<field>`` inputs: each indicator's name, targets and polarity; a new one."""
    for i, _ in enumerate(list(node_at(renja, path).indikator)):
        for field in ("indikator", "target_n", "target_n1"):
            key = f"ind-{i}-{field}"
            if key in request.POST:
                set_value(renja, path, field, request.POST[key], indikator=i)
        if f"ind-{i}-polaritas" in request.POST:
            set_polaritas(renja, path, i, request.POST[f"ind-{i}-polaritas"])
    if request.POST.get("new_indikator", "").strip():
        add_indicator(renja, path, request.POST["new_indikator"])


def _editor(request: HttpRequest, plan: Plan, error: str | None = None,
            status: int = 200) -> HttpResponse:
    context = editor_context(plan, editable=can_edit(request.user, plan), error=error,
                             commenting=may(request.user, plan, "comment"))
    return render(request, "renja/editor.html", context, status=status)


@require_safe
@login_required
def add_form(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    """Search the nomenclature for a row to add under ``path`` (results as the user types)."""
    plan = get_plan(request.user, pk, edit=True)
    renja = checked.read_only(plan)
    parent = _node_or_404(renja, path)
    query = request.GET.get("q", "").strip()
    catalogue = default_catalogue()
    present = {c.kode for c in parent.children}
    options = []
    if parent.kode:
        children = catalogue.children(parent.kode, renja.tahun)
        if query:
            names = {m.entry.kode for m in catalogue.search(query, under=parent.kode,
                                                            tahun=renja.tahun, limit=50,
                                                            min_score=50)}
            children = [c for c in children if c.kode in names or query in c.kode]
        for entry in children:
            kode = parse_kode(entry.kode, bidang=renja.perangkat_daerah.bidang).canonical
            options.append({"kode": kode, "nama": entry.nama, "present": kode in present})
    template = "renja/add_results.html" if request.headers.get("HX-Target") == \
        f"results-{path.replace('.', '-')}" else "renja/add_form.html"
    return render(request, template, {"plan": plan, "path": path, "parent": parent,
                                      "options": options[:40], "q": query,
                                      "anchor": _anchor(path)})


@login_required
@require_POST
def add_save(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    return _change(request, pk, lambda renja: add_row(
        renja, path, request.POST.get("kode", ""), request.POST.get("nama", "")))


@login_required
@require_POST
def remove(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    return _change(request, pk, lambda renja: remove_row(renja, path))


def _change(request: HttpRequest, pk: int, change: Any) -> HttpResponse:
    """One change through the write path; the editor re-rendered, with the refusal if any."""
    plan = get_plan(request.user, pk)
    saved, failed = attempt(lambda: change_plan(plan.pk, request.user, change,
                                                request.POST.get("version", "")))
    if failed is not None:
        return _editor(request, failed.plan or get_plan(request.user, pk), error=failed.message,
                       status=failed.status)
    assert saved is not None
    return _editor(request, saved)


@require_safe
@login_required
def program_form(request: HttpRequest, pk: int) -> HttpResponse:
    """Search the nomenclature for a program of the agency's bidang (or a cross-cutting one)
    to add to the plan: an empty plan receives its first program here."""
    plan = get_plan(request.user, pk, edit=True)
    renja = checked.read_only(plan)
    query = request.GET.get("q", "").strip()
    present = {n.kode for n in renja.rencana.walk()}
    options = [{"kode": kode, "nama": nama, "present": kode in present}
               for kode, nama in _programs(renja.tahun, renja.perangkat_daerah.bidang, query)]
    template = "renja/program_results.html" if request.headers.get("HX-Target") == \
        "program-results" else "renja/program_form.html"
    return render(request, template, {"plan": plan, "options": options[:40], "q": query})


def _programs(tahun: int, bidang: str | None, query: str) -> list[tuple[str, str]]:
    """Programs the agency can plan: its bidang's, and the cross-cutting ones (X.XX.01 …)."""
    catalogue = default_catalogue()
    found = []
    for entry in catalogue.entries(tahun):
        if entry.level != "program":
            continue
        kode = entry.parsed
        if kode.is_cross_cutting and bidang:
            kode = kode.with_bidang(bidang)
        elif bidang and not kode.canonical.startswith(bidang + "."):
            continue
        if query and query.lower() not in f"{kode.canonical} {entry.nama}".lower():
            continue
        found.append((kode.canonical, entry.nama))
    return sorted(found)


@login_required
@require_POST
def program_save(request: HttpRequest, pk: int) -> HttpResponse:
    return _change(request, pk, lambda renja: add_program(
        renja, request.POST.get("kode", ""), request.POST.get("nama") or None).kode)


def open_notes(plan: Plan) -> dict[str, int]:
    """Open verification comments per T-C.33 code."""
    counts: dict[str, int] = {}
    for kode in Comment.objects.filter(plan=plan, parent=None, resolved=False, table="tc33") \
            .exclude(kode="").values_list("kode", flat=True):
        counts[kode] = counts.get(kode, 0) + 1
    return counts


@require_safe
@login_required
def row_note(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    """The verifier's comment form at a row: the code filled in, the column chosen from the
    row's own fields."""
    plan = get_plan(request.user, pk)
    refused = refusal(request.user, plan, "comment")
    if refused is not None:
        raise PermissionDenied(refused.message("id"))
    renja = checked.read_only(plan)
    node = _node_or_404(renja, path)
    return render(request, "renja/row_note.html", {
        "plan": plan, "node": node, "anchor": _anchor(path),
        "fields": row_fields(renja.tahun)})
