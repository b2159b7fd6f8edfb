"""The admin loads the ranwal RKPD (CSV) per agency and year; the schedule of the stages."""

from __future__ import annotations

import csv
import datetime
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from renja.codes import parse_kode
from renja.domain import parse_target
from renja.errors import RenjaError
from renja.numbers import parse_rupiah
from renja.web.accounts.admin_pemda import _admin, _agency
from renja.web.plans.models import Jadwal, RanwalItem
from renja.workflow import STAGES

COLUMNS = ("kode", "nama", "indikator", "target", "pagu", "lokasi")


def read_rows(text: str, name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a small CSV (comma or semicolon separated) with its required columns."""
    reader = csv.DictReader(io.StringIO(text), delimiter=";" if text.count(";") >
                            text.count(",") else ",")
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise RenjaError(f"{name}: columns missing: {', '.join(missing)}",
                         f"{name}: kolom tidak ada: {', '.join(missing)}")
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def read_ranwal(text: str, name: str) -> list[dict[str, object]]:
    """Rows of a ranwal CSV (kode,nama,indikator,target,pagu,lokasi); errors name the line."""
    reader = csv.DictReader(io.StringIO(text), delimiter=";" if text.count(";") >
                            text.count(",") else ",")
    missing = [c for c in ("kode", "nama", "pagu") if c not in (reader.fieldnames or [])]
    if missing:
        raise RenjaError(f"{name}: columns missing: {', '.join(missing)}",
                         f"{name}: kolom tidak ada: {', '.join(missing)}; kolom yang dipakai: "
                         f"{','.join(COLUMNS)}")
    rows = []
    for line, raw in enumerate(reader, start=2):
        try:
            kode = parse_kode(raw["kode"]).canonical
            target = (raw.get("target") or "").strip()
            if target:
                parse_target(target)
            pagu = parse_rupiah(raw["pagu"]) if (raw.get("pagu") or "").strip() else None
        except RenjaError as exc:
            raise RenjaError(f"{name}: line {line}: {exc.message('en')}",
                             f"{name}: baris {line}: {exc.message('id')}") from exc
        rows.append({"kode": kode, "nama": (raw.get("nama") or "").strip(),
                     "indikator": (raw.get("indikator") or "").strip(), "target": target,
                     "pagu": pagu, "lokasi": (raw.get("lokasi") or "").strip()})
    return rows


@login_required
@require_POST
def load_ranwal(request: HttpRequest) -> HttpResponse:
    member = _admin(request)
    agency = _agency(member, request.POST.get("perangkat_daerah"))
    upload = request.FILES.get("file")
    try:
        tahun = int(request.POST.get("tahun", ""))
        if upload is None:
            raise RenjaError("choose a CSV file", "pilih berkas CSV ranwal RKPD")
        rows = read_ranwal(upload.read().decode("utf-8-sig"), upload.name)
    except ValueError:
        messages.error(request, "Tahun harus angka.")
        return redirect("admin_pemda")
    except RenjaError as exc:
        messages.error(request, exc.message("id"))
        return redirect("admin_pemda")
    with transaction.atomic():
        RanwalItem.objects.filter(perangkat_daerah=agency, tahun=tahun).delete()
        RanwalItem.objects.bulk_create([RanwalItem(perangkat_daerah=agency, tahun=tahun, **r)
                                        for r in rows])
    messages.success(request, f"Ranwal RKPD {agency} {tahun}: {len(rows)} baris dimuat.")
    return redirect("admin_pemda")


@login_required
@require_POST
def set_schedule(request: HttpRequest) -> HttpResponse:
    member = _admin(request)
    tahapan = request.POST.get("tahapan", "")
    try:
        tahun = int(request.POST.get("tahun", ""))
        mulai = datetime.date.fromisoformat(request.POST.get("mulai", ""))
        selesai = datetime.date.fromisoformat(request.POST.get("selesai", ""))
        if tahapan not in (*STAGES, "perubahan") or selesai < mulai:
            raise ValueError
    except ValueError:
        messages.error(request, "Isi tahun, tahapan, dan tanggal mulai ≤ selesai (tttt-bb-hh).")
        return redirect("admin_pemda")
    Jadwal.objects.update_or_create(pemda=member.pemda, tahun=tahun, tahapan=tahapan,
                                    defaults={"mulai": mulai, "selesai": selesai})
    messages.success(request, f"Jadwal {tahapan} {tahun}: {mulai} s/d {selesai}.")
    return redirect("admin_pemda")
