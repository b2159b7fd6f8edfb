"""Demo data: Kabupaten Pasuruan, its agencies, their plans and one user per role."""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction

from renja.calc.rollup import plan_total
from renja.demo.conventions import DEFECTS
from renja.demo.generate import Spec, generate
from renja.demo.pemda import share_one
from renja.demo.realisasi import demo_realisasi
from renja.demo.renstra import demo_renstra
from renja.io.text.read import read_text
from renja.web.accounts.models import (
    Membership,
    PaguCeiling,
    PaguRkpd,
    Pemda,
    PerangkatDaerah,
    Role,
)
from renja.web.accounts.views import DEMO_PASSWORD
from renja.web.plans.actions.renstra import recount
from renja.web.plans.models import (
    AgencyRenstra,
    LaporanTriwulan,
    Plan,
    PlanRealisasi,
    RanwalItem,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "demo_data" / \
    "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"
AGENCIES = (
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "5.03"),
    ("Dinas Pendidikan", "DISDIK", "1.01"),
    ("Dinas Kesehatan", "DINKES", "1.02"),
    ("Dinas Lingkungan Hidup", "DLH", "2.11"),
    ("Badan Perencanaan Pembangunan Daerah", "BAPPEDA", "5.01"),
    ("Rumah Sakit Umum Daerah Bangil", "RSUD", "1.02"),
)
# The other bidang urusan an agency holds (BKPSDM also runs pengembangan SDM, 5.04).
MANDATES = {"BKPSDM": "5.04", "BAPPEDA": "5.05"}
# Drafts carry the mistakes real documents have (see renja.demo.conventions.DEFECTS), so the
# overview, the findings and the verification can be tried on more than one plan.
MISTAKES = {"DINKES": ("pagu-induk", "realisasi-beda"), "DLH": ("kegiatan-kosong",),
            "BAPPEDA": ("pagu-induk", "judul-tahun")}
USERS = (
    ("perencana_bkpsdm", "Perencana BKPSDM", Role.PERENCANA, "BKPSDM"),
    ("kepala_bkpsdm", "Kepala BKPSDM", Role.KEPALA, "BKPSDM"),
    ("perencana_dinkes", "Perencana Dinas Kesehatan", Role.PERENCANA, "DINKES"),
    ("kepala_dinkes", "Kepala Dinas Kesehatan", Role.KEPALA, "DINKES"),
    ("perencana_disdik", "Perencana Dinas Pendidikan", Role.PERENCANA, "DISDIK"),
    ("verifikator_bappeda", "Verifikator Bappeda", Role.VERIFIKATOR, None),
    ("admin_pasuruan", "Admin Pemda Pasuruan", Role.ADMIN, None),
)


class Command(BaseCommand):
    help = "Load the demo data (idempotent): agencies, plans and one user per role."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        pasuruan, _ = Pemda.objects.get_or_create(
            slug="kabupaten-pasuruan",
            defaults={"nama": "Kabupaten Pasuruan", "jenis": "kabupaten",
                      "provinsi": "Jawa Timur"})
        agencies = {}
        for nama, singkatan, bidang in AGENCIES:
            agencies[singkatan], _ = PerangkatDaerah.objects.get_or_create(
                pemda=pasuruan, nama=nama, defaults={"singkatan": singkatan, "bidang": bidang,
                                                     "bidang_lain": MANDATES.get(singkatan,
                                                                                 "")})
        self._plans(agencies)
        self._ranwal_and_ceilings(agencies.values())
        self._rkpd(pasuruan, agencies)
        self._realisasi(agencies["DISDIK"])
        for key, departures in (("DISDIK", 0), ("DINKES", 2)):
            self._renstra(agencies[key], departures)
        for username, full_name, role, agency in USERS:
            self._user(username, full_name, role, pasuruan, agencies.get(agency or ""))
        other, _ = Pemda.objects.get_or_create(
            slug="kota-contoh", defaults={"nama": "Kota Contoh", "jenis": "kota",
                                          "provinsi": "Jawa Tengah"})
        dinas, _ = PerangkatDaerah.objects.get_or_create(
            pemda=other, nama="Dinas Pendidikan", defaults={"singkatan": "DISDIK-KC",
                                                             "bidang": "1.01"})
        self._generated(dinas, 11)
        self._user("perencana_kotacontoh", "Perencana Kota Contoh", Role.PERENCANA, other, dinas)
        self.stdout.write(f"Demo data ready; password for every demo user: {DEMO_PASSWORD}")

    def _plans(self, agencies: dict[str, PerangkatDaerah]) -> None:
        bkpsdm = agencies["BKPSDM"]
        if not Plan.objects.filter(perangkat_daerah=bkpsdm, tahun=2024).exists():
            renja = read_text(EXAMPLE).renja
            Plan.create_from(renja, perangkat_daerah=bkpsdm, tahapan="rancangan")
        for seed, key in enumerate(("DISDIK", "DINKES", "DLH", "BAPPEDA"), start=2):
            self._generated(agencies[key], seed, published=key == "DISDIK",
                            defects=MISTAKES.get(key, ()))
        self._hospital(agencies["RSUD"], agencies["DINKES"])

    def _hospital(self, rsud: PerangkatDaerah, dinkes: PerangkatDaerah) -> None:
        """The hospital's plan, which also claims one of the health office's sub kegiatan
        (for Bappeda's RKPD page to find: rule P001)."""
        if Plan.objects.filter(perangkat_daerah=rsud, tahun=2024).exists():
            return
        renja = generate(Spec(pemda=rsud.pemda.nama, agency=rsud.nama, singkatan=rsud.singkatan,
                              bidang=rsud.bidang, tahun=2024, sub_kegiatan=12, seed=7))
        office = Plan.objects.filter(perangkat_daerah=dinkes, tahun=2024).first()
        if office is not None:
            share_one(renja, office.renja())
        Plan.create_from(renja, perangkat_daerah=rsud, tahapan="rancangan", status="draf")

    def _rkpd(self, pemda: Pemda, agencies: dict[str, PerangkatDaerah]) -> None:
        """The RKPD 2024 total as the sum of the demo plans, a ceiling per sumber dana for
        DINKES, and DLH's ceiling set below its plan (rule P003)."""
        plans = Plan.objects.filter(perangkat_daerah__pemda=pemda, tahun=2024)
        totals = {p.perangkat_daerah.singkatan: plan_total(p.renja(), "n") or 0 for p in plans}
        PaguRkpd.objects.get_or_create(pemda=pemda, tahun=2024,
                                       defaults={"pagu": sum(totals.values())})
        if "DLH" in totals:
            PaguCeiling.objects.update_or_create(
                perangkat_daerah=agencies["DLH"], tahun=2024, sumber_dana="",
                defaults={"pagu": totals["DLH"] * 95 // 100_000_000 * 1_000_000})
        if "DINKES" in totals:
            PaguCeiling.objects.get_or_create(
                perangkat_daerah=agencies["DINKES"], tahun=2024, sumber_dana="APBD",
                defaults={"pagu": -(-totals["DINKES"] * 102 // 100_000_000) * 1_000_000})

    def _generated(self, agency: PerangkatDaerah, seed: int, published: bool = False,
                   defects: tuple[str, ...] = ()) -> None:
        if Plan.objects.filter(perangkat_daerah=agency, tahun=2024).exists():
            return
        renja = generate(Spec(pemda=agency.pemda.nama, agency=agency.nama,
                              singkatan=agency.singkatan, bidang=agency.bidang, tahun=2024,
                              sub_kegiatan=30, seed=seed))
        rng = random.Random(seed)
        for name in defects:  # the mistakes typed documents have, for the checks to find
            DEFECTS[name][2](renja, rng)
        Plan.create_from(renja, perangkat_daerah=agency,
                         tahapan="penetapan" if published else "rancangan",
                         status="ditetapkan" if published else "draf", published=published)

    def _realisasi(self, agency: PerangkatDaerah) -> None:
        """The set plan's first quarter reported (accepted by Bappeda) and the second one
        begun, so monitoring and E.81 can be tried."""
        plan = Plan.objects.filter(perangkat_daerah=agency, tahun=2024, status="ditetapkan").first()
        if plan is None or PlanRealisasi.objects.filter(plan=plan).exists():
            return
        PlanRealisasi.objects.create(plan=plan, version=1, data=demo_realisasi(
            plan.renja(), quarters=2).model_dump(mode="json"))
        LaporanTriwulan.objects.create(plan=plan, triwulan=1, status="diterima")

    def _renstra(self, agency: PerangkatDaerah, departures: int) -> None:
        """A Renstra 2023–2027 behind the agency's 2024 plan (DINKES's with two rows whose
        2024 pagu departs from it, for the Renstra rules to find)."""
        plan = Plan.objects.filter(perangkat_daerah=agency, tahun=2024).first()
        if plan is None or AgencyRenstra.objects.filter(perangkat_daerah=agency).exists():
            return
        found = demo_renstra(plan.renja(), 2023, seed=sum(map(ord, agency.singkatan)),
                             departures=departures)
        AgencyRenstra.objects.create(perangkat_daerah=agency, tahun_awal=2023,
                                     data=found.model_dump(mode="json", exclude_none=True))
        recount(AgencyRenstra.objects.get(perangkat_daerah=agency), found)

    def _ranwal_and_ceilings(self, agencies: Iterable[PerangkatDaerah]) -> None:
        """Each demo plan's ranwal RKPD (the left side of its T-C.31) and a pagu ceiling a
        little above its total, so T-C.31 generation and ceilings can be tried."""
        for agency in agencies:
            plan = Plan.objects.filter(perangkat_daerah=agency, tahun=2024).first()
            if plan is None:
                continue
            renja = plan.renja()
            for row in renja.tc31.rows:
                side = row.ranwal
                if not row.kode or not side.nama:
                    continue
                first = side.indikator[0] if side.indikator else None
                RanwalItem.objects.get_or_create(
                    perangkat_daerah=agency, tahun=2024, kode=row.kode, defaults={
                        "nama": side.nama, "indikator": first.nama if first else "",
                        "target": first.target.text if first and first.target else "",
                        "pagu": side.pagu, "lokasi": side.lokasi or ""})
            total = renja.rencana.total.pagu_n if renja.rencana.total else None
            if total:
                PaguCeiling.objects.get_or_create(
                    perangkat_daerah=agency, tahun=2024, sumber_dana="",
                    defaults={"pagu": -(-total * 105 // 100_000_000) * 1_000_000})

    def _demo_hash(self) -> str:
        """The demo password hashed once for every demo user (each hash takes 0.4 s on purpose;
        seven of them were most of loading the demo). Demo accounts only."""
        if not hasattr(self, "_hashed"):
            self._hashed = make_password(DEMO_PASSWORD)
        return self._hashed

    def _user(self, username: str, full_name: str, role: Any, pemda: Pemda,
              agency: PerangkatDaerah | None) -> None:
        first, _, last = full_name.partition(" ")
        user, created = User.objects.get_or_create(username=username,
                                                   defaults={"first_name": first,
                                                             "last_name": last})
        if created:
            user.password = self._demo_hash()
            user.save()
        jabatan = f"Kepala {agency.nama}" if agency is not None and role == Role.KEPALA else ""
        Membership.objects.update_or_create(user=user, defaults={
            "role": role, "pemda": pemda, "perangkat_daerah": agency, "jabatan": jabatan})
