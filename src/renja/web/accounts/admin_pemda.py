"""The admin pemda's page: agencies, users and their roles, plan years, pagu ceilings, the
schedule of the stages and the ranwal RKPD. Every change goes through
:mod:`renja.web.plans.actions.admin`, which audits it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from renja import words
from renja.calc.capaian import DEFAULT_BANDS, bands_text
from renja.errors import RenjaError
from renja.io.csv.read import read_ranwal
from renja.numbers import format_rupiah
from renja.web.accounts.models import Membership, PaguRkpd, PerangkatDaerah, Role
from renja.web.outcome import attempt, raise_refusal
from renja.web.plans.actions import admin
from renja.web.plans.models import AuditEntry, Jadwal, SkalaPredikat
from renja.web.plans.permissions import ActionRefused
from renja.workflow import STAGES


@require_safe
@login_required
def page(request: HttpRequest) -> HttpResponse:
    try:
        member = admin.admin_of(request.user)
    except ActionRefused as exc:
        raise PermissionDenied(exc.message("id")) from exc
    agencies = PerangkatDaerah.objects.filter(pemda=member.pemda).prefetch_related(
        "ceilings", "plans", "members__user")
    rows = [{"pd": a, "ceilings": [(c.tahun, c.sumber_dana, format_rupiah(c.pagu))
                                   for c in a.ceilings.all()],
             "plans": list(a.plans.all()), "members": list(a.members.all()),
             "no_head": not any(m.role == Role.KEPALA for m in a.members.all())}
            for a in agencies]
    return render(request, "renja/admin_pemda.html", {
        "member": member, "rows": rows, "roles": Role.choices,
        "jadwal": Jadwal.objects.filter(pemda=member.pemda),
        "pagu_rkpd": PaguRkpd.objects.filter(pemda=member.pemda).order_by("-tahun"),
        "stages": (*STAGES, "perubahan", *words.PERIODS),
        "skala": SkalaPredikat.objects.filter(pemda=member.pemda).order_by("-tahun"),
        "default_bands": bands_text(DEFAULT_BANDS),
        "pemda_members": Membership.objects.filter(pemda=member.pemda,
                                                   perangkat_daerah=None),
        "history": [{"entry": e, "label": words.audit_action(e.action)}
                    for e in AuditEntry.objects.filter(pemda=member.pemda)
                    .select_related("user").order_by("-at", "-pk")[:30]]})


def _do(request: HttpRequest, call: Callable[[], Any], done: Callable[[Any], str]) -> HttpResponse:
    result, failed = attempt(call)
    if failed is not None:
        raise_refusal(failed)
        messages.error(request, failed.message)
    else:
        messages.success(request, done(result))
    return redirect("admin_pemda")


@login_required
@require_POST
def add_agency(request: HttpRequest) -> HttpResponse:
    post = request.POST
    return _do(request, lambda: admin.add_agency(request.user, post.get("nama", ""),
                                                 post.get("singkatan", ""),
                                                 post.get("bidang", "")),
               lambda agency: f"Perangkat daerah {agency.nama} ditambahkan.")


@login_required
@require_POST
def set_ceiling(request: HttpRequest) -> HttpResponse:
    post = request.POST
    sumber = post.get("sumber_dana", "")
    return _do(request, lambda: admin.set_ceiling(request.user, post.get("perangkat_daerah"),
                                                  post.get("tahun", ""), post.get("pagu", ""),
                                                  sumber),
               lambda c: f"Pagu {c.perangkat_daerah} {c.tahun}"
                         f"{' sumber dana ' + c.sumber_dana if c.sumber_dana else ''}: "
                         f"Rp {format_rupiah(c.pagu)}.")


@login_required
@require_POST
def set_rkpd_total(request: HttpRequest) -> HttpResponse:
    post = request.POST
    return _do(request, lambda: admin.set_rkpd_total(request.user, post.get("tahun", ""),
                                                     post.get("pagu", "")),
               lambda t: f"Total pagu RKPD {t.tahun}: Rp {format_rupiah(t.pagu)}.")


@login_required
@require_POST
def set_mandate(request: HttpRequest) -> HttpResponse:
    post = request.POST
    return _do(request, lambda: admin.set_mandate(request.user, post.get("perangkat_daerah"),
                                                  post.get("bidang_lain", "")),
               lambda a: f"Bidang urusan {a}: {', '.join(a.mandat) or '-'}.")


@login_required
@require_POST
def open_year(request: HttpRequest) -> HttpResponse:
    """Start a plan for an agency and year: empty, from last year's or from the ranwal."""
    post = request.POST
    return _do(request, lambda: admin.open_year(request.user, post.get("perangkat_daerah"),
                                                post.get("tahun", ""),
                                                post.get("sumber", "kosong")),
               lambda plan: f"Renja {plan.perangkat_daerah} tahun {plan.tahun} dibuka.")


@login_required
@require_POST
def add_user(request: HttpRequest) -> HttpResponse:
    post = request.POST
    return _do(request, lambda: admin.add_user(request.user, post.get("username", ""),
                                               post.get("role", ""),
                                               post.get("perangkat_daerah"),
                                               post.get("nama", ""), post.get("email", "")),
               lambda made: f"Pengguna {made[0].username} dibuat. Kata sandi awal: {made[1]} "
                            f"(sampaikan kepadanya; tidak akan ditampilkan lagi).")


@login_required
@require_POST
def load_ranwal(request: HttpRequest) -> HttpResponse:
    post, upload = request.POST, request.FILES.get("file")

    def load() -> tuple[PerangkatDaerah, int, int]:
        admin.admin_of(request.user)
        if upload is None:
            raise RenjaError("choose a CSV file", "pilih berkas CSV ranwal RKPD")
        items = read_ranwal(upload.read(), upload.name)
        return admin.load_ranwal(request.user, post.get("perangkat_daerah"),
                                 post.get("tahun", ""), items)

    return _do(request, load, lambda done: f"Ranwal RKPD {done[0]} {done[1]}: {done[2]} baris "
                                           f"dimuat.")


@login_required
@require_POST
def set_schedule(request: HttpRequest) -> HttpResponse:
    post = request.POST
    return _do(request, lambda: admin.set_schedule(request.user, post.get("tahun", ""),
                                                   post.get("tahapan", ""),
                                                   post.get("mulai", ""),
                                                   post.get("selesai", "")),
               lambda j: f"Jadwal {j.tahapan} {j.tahun}: {j.mulai} s/d {j.selesai}.")


@login_required
@require_POST
def set_bands(request: HttpRequest) -> HttpResponse:
    post = request.POST
    return _do(request, lambda: admin.set_bands(request.user, post.get("tahun", ""),
                                                post.get("teks", ""),
                                                post.get("kolom_tambahan") == "1"),
               lambda s: f"Skala predikat {s.tahun} disimpan.")


@login_required
@require_POST
def reset_password(request: HttpRequest, user_pk: int) -> HttpResponse:
    return _do(request, lambda: admin.reset_password(request.user, user_pk),
               lambda made: f"Kata sandi {made[0].username} diatur ulang. Kata sandi baru: "
                            f"{made[1]} (sampaikan kepadanya; tidak akan ditampilkan lagi).")
