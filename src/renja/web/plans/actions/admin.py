"""The admin pemda's changes: agencies, users and roles, plan years, pagu ceilings, the
schedule of the stages and the ranwal RKPD, each written to the pemda's audit trail."""

from __future__ import annotations

import datetime
import re
import secrets
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from renja import start, words
from renja.calc.capaian import bands_text, parse_bands
from renja.codes import parse_kode
from renja.domain import Pemda as PemdaModel
from renja.domain import PerangkatDaerah as AgencyModel
from renja.domain import Renja
from renja.errors import RenjaError
from renja.numbers import format_rupiah, parse_rupiah
from renja.review import RanwalItem as RanwalLine
from renja.text import clean_text
from renja.web.accounts.members import membership
from renja.web.accounts.models import (
    Membership,
    PaguCeiling,
    PaguRkpd,
    PerangkatDaerah,
    Role,
)
from renja.web.plans.actions.imports import check_year
from renja.web.plans.models import (
    AuditEntry,
    Jadwal,
    Plan,
    RanwalItem,
    SkalaPredikat,
    ranwal_of,
)
from renja.web.plans.permissions import ActionRefused, NotFound
from renja.workflow import STAGES

SCHEDULE = "Isi tahun, tahapan, dan tanggal mulai ≤ selesai (tttt-bb-hh)."


def admin_of(user: Any) -> Membership:
    """The admin pemda's membership, or refused."""
    member = membership(user)
    if member is None or member.role != Role.ADMIN:
        raise ActionRefused("only the admin pemda may do this",
                            "hanya admin pemda yang dapat melakukan ini")
    return member


def agency_of(member: Membership, pk: object) -> PerangkatDaerah:
    try:
        return PerangkatDaerah.objects.get(pk=int(str(pk or 0)), pemda=member.pemda)
    except (PerangkatDaerah.DoesNotExist, ValueError, OverflowError) as exc:
        raise NotFound("no such agency in your pemda",
                            "perangkat daerah tidak ditemukan di pemda Anda") from exc


def _audit(member: Membership, user: Any, action: str, field: str, new: str,
           old: str = "", plan: Plan | None = None) -> None:
    AuditEntry.objects.create(pemda=member.pemda, plan=plan, action=action, user=user,
                              field=field[:100], old=old, new=new[:500])


def _year(text: str) -> int:
    try:
        tahun = int(text.strip())
    except ValueError as exc:
        raise RenjaError("the year must be a number", "Tahun harus angka.") from exc
    check_year(tahun)
    return tahun


def add_agency(user: Any, nama: str, singkatan: str = "", bidang: str = "") -> PerangkatDaerah:
    member = admin_of(user)
    nama, singkatan = clean_text(nama).strip()[:300], clean_text(singkatan).strip()[:50]
    if not nama:
        raise RenjaError("the agency needs a name", "Nama perangkat daerah harus diisi.")
    if bidang.strip():
        kode = parse_kode(bidang.strip())
        if kode.level != "bidang":
            raise RenjaError(f"'{bidang[:20]}' is not a bidang code such as 5.03",
                             f"'{bidang[:20]}' bukan kode bidang seperti 5.03.")
        bidang = kode.canonical
    try:
        with transaction.atomic():
            agency = PerangkatDaerah.objects.create(pemda=member.pemda, nama=nama,
                                                    bidang=bidang, singkatan=singkatan)
            _audit(member, user, "pemda.perangkat_daerah.tambah", "perangkat_daerah", nama)
    except IntegrityError as exc:
        raise RenjaError(f"agency '{nama}' exists", f"Perangkat daerah '{nama}' sudah ada.") \
            from exc
    return agency


def set_ceiling(user: Any, agency_pk: object, tahun: str, pagu: str,
                sumber_dana: str = "") -> PaguCeiling:
    """An agency's ceiling for a year, in total (``sumber_dana`` empty) or for one sumber
    dana; an empty amount for a sumber dana removes that ceiling."""
    member = admin_of(user)
    agency = agency_of(member, agency_pk)
    year = _year(tahun)
    sumber = " ".join(clean_text(sumber_dana).split())[:100]
    what = f"pagu {agency} {year}" + (f" {sumber}" if sumber else "")
    with transaction.atomic():
        old = PaguCeiling.objects.filter(perangkat_daerah=agency, tahun=year,
                                         sumber_dana=sumber).first()
        if sumber and not pagu.strip() and old is not None:
            old.delete()
            _audit(member, user, "pemda.pagu.ubah", what, "", old=format_rupiah(old.pagu))
            return old
        amount = parse_rupiah(pagu)
        ceiling, _ = PaguCeiling.objects.update_or_create(
            perangkat_daerah=agency, tahun=year, sumber_dana=sumber,
            defaults={"pagu": amount})
        _audit(member, user, "pemda.pagu.ubah", what, format_rupiah(amount),
               old=format_rupiah(old.pagu) if old else "")
    return ceiling


def set_rkpd_total(user: Any, tahun: str, pagu: str) -> PaguRkpd:
    """The pagu indikatif total the pemda published in its RKPD for a year."""
    member = admin_of(user)
    year, amount = _year(tahun), parse_rupiah(pagu)
    with transaction.atomic():
        old = PaguRkpd.objects.filter(pemda=member.pemda, tahun=year).first()
        total, _ = PaguRkpd.objects.update_or_create(pemda=member.pemda, tahun=year,
                                                     defaults={"pagu": amount})
        _audit(member, user, "pemda.pagu_rkpd.ubah", f"total RKPD {year}",
               format_rupiah(amount), old=format_rupiah(old.pagu) if old else "")
    return total


def set_mandate(user: Any, agency_pk: object, bidang_lain: str) -> PerangkatDaerah:
    """The other bidang urusan an agency holds (besides its primary one), comma separated."""
    member = admin_of(user)
    agency = agency_of(member, agency_pk)
    codes = []
    for text in re.split(r"[,;\s]+", bidang_lain.strip()):
        if not text:
            continue
        kode = parse_kode(text)
        if kode.level != "bidang":
            raise RenjaError(f"'{text[:20]}' is not a bidang code such as 5.03",
                             f"'{text[:20]}' bukan kode bidang seperti 5.03.")
        codes.append(kode.canonical)
    old = agency.bidang_lain
    agency.bidang_lain = ", ".join(dict.fromkeys(c for c in codes if c != agency.bidang))
    with transaction.atomic():
        agency.save(update_fields=["bidang_lain"])
        _audit(member, user, "pemda.perangkat_daerah.mandat", f"bidang {agency}",
               agency.bidang_lain, old=old)
    return agency


def open_year(user: Any, agency_pk: object, tahun: str, sumber: str = "kosong") -> Plan:
    """Start an agency's plan for a year: empty, from last year's set plan (its prakiraan maju
    becomes this year's plan), or from the ranwal RKPD the pemda loaded."""
    member = admin_of(user)
    agency = agency_of(member, agency_pk)
    year = _year(tahun)
    renja = starting_plan(member, agency, year, sumber)
    with transaction.atomic():
        return create_plan(member, user, agency, year, renja, sumber)


def starting_plan(member: Membership, agency: PerangkatDaerah, year: int,
                  sumber: str) -> Renja:
    """The plan an agency starts ``year`` with (see :func:`open_year`), not yet saved."""
    if sumber not in start.SOURCES:
        raise RenjaError(f"unknown start '{sumber}'", f"sumber awal '{sumber}' tidak dikenal")
    renja = Renja(tahun=year, pemda=PemdaModel(nama=member.pemda.nama,
                                               provinsi=member.pemda.provinsi or None),
                  perangkat_daerah=AgencyModel(nama=agency.nama,
                                               singkatan=agency.singkatan or None,
                                               bidang=agency.bidang or None))
    if sumber == "tahun-lalu":
        last = (Plan.objects.filter(perangkat_daerah=agency, tahun=year - 1,
                                    status="ditetapkan").order_by("-revisi").first())
        if last is None:
            raise RenjaError(f"{agency} has no set plan for {year - 1}",
                             f"{agency} belum memiliki Renja tahun {year - 1} yang ditetapkan.")
        base, renja = renja, start.from_last_year(last.renja(), year)
        renja.pemda, renja.perangkat_daerah = base.pemda, base.perangkat_daerah
    elif sumber == "ranwal":
        renja = start.from_ranwal(renja, year, ranwal_of(agency, year))
    return renja


def create_plan(member: Membership, user: Any, agency: PerangkatDaerah, year: int,
                renja: Renja, sumber: str) -> Plan:
    """Save an agency's new plan of ``year`` (inside the caller's transaction), audited."""
    try:
        with transaction.atomic():
            plan = Plan.objects.create(perangkat_daerah=agency, tahun=year,
                                       data=Plan.dump(renja), updated_by=user)
            _audit(member, user, "renja.renja.buka", "tahun",
                   f"{year} ({start.SOURCES.get(sumber, sumber)})", plan=plan)
    except IntegrityError as exc:
        raise RenjaError(f"the plan of {agency} for {year} exists",
                         f"Renja {agency} tahun {year} sudah ada.") from exc
    return plan


def add_user(user: Any, username: str, role: str, agency_pk: object = None,
             nama: str = "", email: str = "") -> tuple[User, str]:
    """A new user with a role; returns the user and the first password (shown once)."""
    member = admin_of(user)
    username = clean_text(username).strip()[:150]
    if role not in [value for value, _ in Role.choices] or not username:
        raise RenjaError("give a username and a role", "Isi nama pengguna dan pilih peran.")
    bound = role in (str(Role.PERENCANA), str(Role.KEPALA))
    agency = agency_of(member, agency_pk) if bound else None
    email = clean_text(email).strip()[:254]
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise RenjaError(f"'{email}' is not an e-mail address",
                         f"'{email}' bukan alamat surel yang benar.")
    password = secrets.token_urlsafe(9)
    try:
        with transaction.atomic():
            new = User.objects.create_user(username=username, password=password, email=email,
                                           first_name=clean_text(nama).strip()[:150])
            Membership.objects.create(user=new, role=role, pemda=member.pemda,
                                      perangkat_daerah=agency)
            _audit(member, user, "pemda.pengguna.tambah", f"pengguna {username}",
                   f"{Role(role).label}{f' {agency}' if agency else ''}")
    except IntegrityError as exc:
        raise RenjaError(f"username '{username}' is taken",
                         f"Nama pengguna '{username}' sudah dipakai.") from exc
    return new, password


def load_ranwal(user: Any, agency_pk: object, tahun: str, items: list[RanwalLine],
                ) -> tuple[PerangkatDaerah, int, int]:
    """Replace the ranwal RKPD of an agency and year: (agency, year, lines loaded)."""
    member = admin_of(user)
    agency = agency_of(member, agency_pk)
    year = _year(tahun)
    with transaction.atomic():
        old = RanwalItem.objects.filter(perangkat_daerah=agency, tahun=year)
        before = old.count()
        old.delete()
        RanwalItem.objects.bulk_create([RanwalItem(
            perangkat_daerah=agency, tahun=year, kode=i.kode, nama=i.nama,
            indikator=i.indikator, target=i.target.text if i.target else "", pagu=i.pagu,
            lokasi=i.lokasi) for i in items])
        _audit(member, user, "pemda.ranwal.muat", f"ranwal {agency} {year}",
               f"{len(items)} baris", old=f"{before} baris")
    return agency, year, len(items)


def set_bands(user: Any, tahun: str, teks: str, kolom_tambahan: bool = False
              ) -> SkalaPredikat:
    """The pemda's predikat bands for a year (checked: from the highest, minimums going down,
    the last without one), and whether its E.81 carries the optional columns."""
    member = admin_of(user)
    year = _year(tahun)
    bands = parse_bands(clean_text(teks)[:2000])
    with transaction.atomic():
        skala, _ = SkalaPredikat.objects.update_or_create(
            pemda=member.pemda, tahun=year, defaults={"teks": bands_text(bands),
                                                      "kolom_tambahan": kolom_tambahan})
        extra = "; E.81 dengan kolom tambahan" if kolom_tambahan else ""
        _audit(member, user, "pemda.predikat.ubah", f"predikat {year}",
               bands_text(bands).replace("\n", "; ") + extra)
    return skala


def set_schedule(user: Any, tahun: str, tahapan: str, mulai: str, selesai: str) -> Jadwal:
    member = admin_of(user)
    try:
        start = datetime.date.fromisoformat(mulai.strip())
        end = datetime.date.fromisoformat(selesai.strip())
    except ValueError as exc:
        raise RenjaError("give the year, the stage, and dates start <= end (YYYY-MM-DD)",
                         SCHEDULE) from exc
    year = _year(tahun)
    if tahapan not in (*STAGES, "perubahan", *words.PERIODS) or end < start:
        raise RenjaError("give the year, the stage, and dates start <= end (YYYY-MM-DD)",
                         SCHEDULE)
    with transaction.atomic():
        jadwal, _ = Jadwal.objects.update_or_create(
            pemda=member.pemda, tahun=year, tahapan=tahapan,
            defaults={"mulai": start, "selesai": end})
        _audit(member, user, "pemda.jadwal.ubah", f"jadwal {words.stage(tahapan)} {year}",
               f"{start.isoformat()} s/d {end.isoformat()}")
    return jadwal


def reset_password(user: Any, target_pk: object) -> tuple[User, str]:
    """A new first password for a user of the admin's pemda (shown once, audited)."""
    member = admin_of(user)
    try:
        target = Membership.objects.select_related("user").get(
            user_id=int(str(target_pk or 0)), pemda=member.pemda).user
    except (Membership.DoesNotExist, ValueError) as exc:
        raise NotFound("no such user in your pemda",
                       "pengguna tidak ditemukan di pemda Anda") from exc
    password = secrets.token_urlsafe(9)
    with transaction.atomic():
        target.set_password(password)
        target.save(update_fields=["password"])
        _audit(member, user, "pemda.pengguna.sandi", f"pengguna {target.username}",
               "kata sandi diatur ulang")
    return target, password
