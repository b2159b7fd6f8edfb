"""The admin pemda's page: agencies, users and their roles, plan years, pagu ceilings."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from renja.codes import parse_kode
from renja.domain import Pemda as PemdaModel
from renja.domain import PerangkatDaerah as AgencyModel
from renja.domain import Renja
from renja.errors import CodeError, NumberError
from renja.numbers import format_rupiah, parse_rupiah
from renja.web.accounts.models import Membership, PaguCeiling, PerangkatDaerah, Role
from renja.web.plans.access import membership
from renja.web.plans.models import Plan


def _admin(request: HttpRequest) -> Membership:
    member = membership(request.user)
    if member is None or member.role != Role.ADMIN:
        raise PermissionDenied("Hanya admin pemda yang dapat membuka halaman ini")
    return member


@login_required
def page(request: HttpRequest) -> HttpResponse:
    member = _admin(request)
    agencies = PerangkatDaerah.objects.filter(pemda=member.pemda).prefetch_related(
        "ceilings", "plans", "members__user")
    rows = [{"pd": a, "ceilings": [(c.tahun, format_rupiah(c.pagu)) for c in a.ceilings.all()],
             "plans": list(a.plans.all()), "members": list(a.members.all())} for a in agencies]
    from renja.web.plans.models import Jadwal
    from renja.workflow import STAGES

    return render(request, "renja/admin_pemda.html", {
        "member": member, "rows": rows, "roles": Role.choices,
        "jadwal": Jadwal.objects.filter(pemda=member.pemda), "stages": (*STAGES, "perubahan"),
        "pemda_members": Membership.objects.filter(pemda=member.pemda,
                                                   perangkat_daerah=None)})


@login_required
def add_agency(request: HttpRequest) -> HttpResponse:
    member = _admin(request)
    nama = request.POST.get("nama", "").strip()
    bidang = request.POST.get("bidang", "").strip()
    try:
        if not nama:
            raise ValueError("Nama perangkat daerah harus diisi.")
        if bidang:
            kode = parse_kode(bidang)
            if kode.level != "bidang":
                raise ValueError(f"'{bidang}' bukan kode bidang seperti 5.03.")
            bidang = kode.canonical
        with transaction.atomic():
            PerangkatDaerah.objects.create(pemda=member.pemda, nama=nama, bidang=bidang,
                                           singkatan=request.POST.get("singkatan", "").strip())
    except CodeError as exc:
        messages.error(request, exc.message("id"))
    except ValueError as exc:
        messages.error(request, str(exc))
    except IntegrityError:
        messages.error(request, f"Perangkat daerah '{nama}' sudah ada.")
    else:
        messages.success(request, f"Perangkat daerah {nama} ditambahkan.")
    return redirect("admin_pemda")


def _agency(member: Membership, pk: str | None) -> PerangkatDaerah:
    try:
        return PerangkatDaerah.objects.get(pk=int(pk or 0), pemda=member.pemda)
    except (PerangkatDaerah.DoesNotExist, ValueError) as exc:
        raise PermissionDenied("Perangkat daerah tidak ditemukan di pemda Anda") from exc


@login_required
def set_ceiling(request: HttpRequest) -> HttpResponse:
    member = _admin(request)
    agency = _agency(member, request.POST.get("perangkat_daerah"))
    try:
        tahun = int(request.POST.get("tahun", ""))
        pagu = parse_rupiah(request.POST.get("pagu", ""))
    except (ValueError, NumberError) as exc:
        text = exc.message("id") if isinstance(exc, NumberError) else "Tahun harus angka."
        messages.error(request, text)
        return redirect("admin_pemda")
    PaguCeiling.objects.update_or_create(perangkat_daerah=agency, tahun=tahun,
                                         defaults={"pagu": pagu})
    messages.success(request, f"Pagu {agency} {tahun}: Rp {format_rupiah(pagu)}.")
    return redirect("admin_pemda")


@login_required
def open_year(request: HttpRequest) -> HttpResponse:
    """Start an empty plan for an agency and year."""
    member = _admin(request)
    agency = _agency(member, request.POST.get("perangkat_daerah"))
    try:
        tahun = int(request.POST.get("tahun", ""))
        renja = Renja(tahun=tahun, pemda=PemdaModel(nama=member.pemda.nama,
                                                    provinsi=member.pemda.provinsi or None),
                      perangkat_daerah=AgencyModel(nama=agency.nama,
                                                   singkatan=agency.singkatan or None,
                                                   bidang=agency.bidang or None))
        with transaction.atomic():
            Plan.objects.create(perangkat_daerah=agency, tahun=tahun, data=Plan.dump(renja),
                                updated_by=request.user)
    except ValueError:
        messages.error(request, "Tahun harus antara 2000 dan 2100.")
    except IntegrityError:
        messages.error(request, f"Renja {agency} tahun {request.POST.get('tahun')} sudah ada.")
    else:
        messages.success(request, f"Renja {agency} tahun {tahun} dibuka.")
    return redirect("admin_pemda")


@login_required
def add_user(request: HttpRequest) -> HttpResponse:
    member = _admin(request)
    username = request.POST.get("username", "").strip()
    role = request.POST.get("role", "")
    if role not in Role.values or not username:
        messages.error(request, "Isi nama pengguna dan pilih peran.")
        return redirect("admin_pemda")
    agency = None
    if role in (Role.PERENCANA, Role.KEPALA):
        agency = _agency(member, request.POST.get("perangkat_daerah"))
    password = secrets.token_urlsafe(9)
    try:
        with transaction.atomic():
            user = User.objects.create_user(username=username, password=password,
                                            first_name=request.POST.get("nama", "").strip())
            Membership.objects.create(user=user, role=role, pemda=member.pemda,
                                      perangkat_daerah=agency)
    except IntegrityError:
        messages.error(request, f"Nama pengguna '{username}' sudah dipakai.")
        return redirect("admin_pemda")
    messages.success(request, f"Pengguna {username} dibuat. Kata sandi awal: {password} "
                              f"(sampaikan kepadanya; tidak akan ditampilkan lagi).")
    return redirect("admin_pemda")
