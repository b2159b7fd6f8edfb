"""Bappeda's RKPD page on the demo pemda: the compile of every agency's 2024 plan, ceilings in
total and per sumber dana set by the admin (and refused when unreadable), mandates, the
published RKPD total, the compile at a stage, and its downloads."""

from __future__ import annotations

import csv
import io
import re

import pytest

from renja.calc.rollup import plan_total
from renja.numbers import format_rupiah
from renja.web.accounts.models import PaguCeiling, PaguRkpd, PerangkatDaerah
from renja.web.plans.models import AuditEntry, Plan, PlanVersion
from tests.web.conftest import client_for


@pytest.fixture
def admin(db):  # type: ignore[no-untyped-def]
    return client_for("admin_pasuruan")


def findings(html: str) -> list[tuple[str, str]]:
    found = re.findall(r'data-rule="(P\d+)">.*?</strong> (.*?)(?: <a class="row-link"|</div>)',
                       html)
    return [(rule, re.sub(r"<[^>]+>", "", text)) for rule, text in found]


def test_the_verifier_sees_the_duplicate_and_the_agency_over_its_ceiling(verifier):
    html = verifier.get("/rkpd/?tahun=2024").content.decode()
    rules = [rule for rule, _ in findings(html)]
    assert rules.count("P001") == 1 and rules.count("P003") == 1
    assert ("P003", "DLH: pagu indikatif Rp 13.532.000.000 melebihi pagu Rp 12.855.000.000 "
                    "sebesar Rp 677.000.000") in findings(html)
    assert 'id="jumlah-melebihi">1<' in html
    assert "Renja <strong>6</strong> dari 6 perangkat daerah" in html


def test_a_ceiling_per_sumber_dana_is_checked_and_an_unreadable_one_refused(admin, verifier):
    dinkes = PerangkatDaerah.objects.get(singkatan="DINKES")
    response = admin.post("/pemda/pagu/", {"perangkat_daerah": dinkes.pk, "tahun": "2024",
                                           "pagu": "1,5 M", "sumber_dana": "DAK Fisik"},
                          follow=True)
    assert "1,5 M" in response.content.decode()
    assert not PaguCeiling.objects.filter(perangkat_daerah=dinkes, sumber_dana="DAK Fisik")
    admin.post("/pemda/pagu/", {"perangkat_daerah": dinkes.pk, "tahun": "2024",
                                "pagu": "5.000.000", "sumber_dana": " APBD "})
    assert PaguCeiling.objects.get(perangkat_daerah=dinkes, tahun=2024,
                                   sumber_dana="APBD").pagu == 5_000_000
    assert PaguCeiling.objects.get(perangkat_daerah=dinkes, tahun=2024, sumber_dana="").pagu \
        != 5_000_000  # the total ceiling is a ceiling of its own
    html = verifier.get("/rkpd/?tahun=2024").content.decode()
    assert ("P004", "DINKES: sumber dana APBD Rp 16.944.000.000 melebihi pagu Rp 5.000.000 "
                    "sebesar Rp 16.939.000.000") in findings(html)
    entry = AuditEntry.objects.filter(action="pemda.pagu.ubah").latest("pk")
    assert (entry.field, entry.new) == ("pagu DINKES 2024 APBD", "5.000.000")


def test_the_admin_sets_the_bidang_an_agency_holds_and_a_bad_code_is_refused(admin):
    bappeda = PerangkatDaerah.objects.get(singkatan="BAPPEDA")
    response = admin.post("/pemda/bidang/", {"perangkat_daerah": bappeda.pk,
                                             "bidang_lain": "5.05, 5.0x"}, follow=True)
    assert ("&#x27;5.0x&#x27; bukan kode yang sah: bidang &#x27;0x&#x27; harus 2 digit"
            in response.content.decode())
    assert PerangkatDaerah.objects.get(pk=bappeda.pk).bidang_lain == "5.05"  # as before
    admin.post("/pemda/bidang/", {"perangkat_daerah": bappeda.pk, "bidang_lain": "5.02 5.05"})
    assert PerangkatDaerah.objects.get(pk=bappeda.pk).mandat == ("5.01", "5.02", "5.05")


def test_the_published_rkpd_total_is_compared_with_the_plans(admin, verifier):
    admin.post("/pemda/pagu-rkpd/", {"tahun": "2024", "pagu": "90.000.000.000"})
    assert PaguRkpd.objects.get(tahun=2024).pagu == 90_000_000_000
    plans = sum(plan_total(p.renja(), "n") or 0 for p in Plan.objects.filter(
        tahun=2024, perangkat_daerah__pemda__slug="kabupaten-pasuruan"))
    html = verifier.get("/rkpd/?tahun=2024").content.decode()
    assert ("P008", f"Jumlah pagu indikatif 6 perangkat daerah Rp {format_rupiah(plans)} tidak "
                    f"sama dengan total RKPD Rp 90.000.000.000 (selisih Rp "
                    f"{format_rupiah(90_000_000_000 - plans)})") in findings(html)
    assert f'id="total-rkpd">Rp {format_rupiah(plans)}<' in html


def test_the_compile_at_a_stage_uses_each_plans_version_of_that_stage(verifier, bkpsdm):
    version = PlanVersion.objects.create(plan=bkpsdm, number=1, label="rancangan awal",
                                         tahapan="rancangan_awal", status="diajukan",
                                         data=bkpsdm.data)
    html = verifier.get("/rkpd/?tahun=2024&tahapan=rancangan_awal").content.decode()
    assert "Renja <strong>1</strong> dari 6 perangkat daerah" in html
    assert "Badan Kepegawaian" in html.split('id="tabel-rkpd"')[1]
    assert version.pk


def test_the_open_data_lists_every_plan_row_with_its_agency(verifier):
    response = verifier.get("/rkpd/unduh/csv/?tahun=2024")
    assert response["Content-Disposition"] == \
        'attachment; filename="rkpd-kabupaten-pasuruan-2024.csv"'
    lines = list(csv.DictReader(io.StringIO(response.content.decode())))
    agencies = {line["perangkat_daerah"] for line in lines}
    assert len(agencies) == Plan.objects.filter(tahun=2024,
                                                perangkat_daerah__pemda__slug="kabupaten-pasuruan"
                                                ).count()


def test_the_overview_shows_a_sumber_dana_over_its_ceiling(admin, verifier):
    dinkes = PerangkatDaerah.objects.get(singkatan="DINKES")
    admin.post("/pemda/pagu/", {"perangkat_daerah": dinkes.pk, "tahun": "2024",
                                "pagu": "1.000.000.000", "sumber_dana": "APBD"})
    plan = Plan.objects.get(perangkat_daerah=dinkes, tahun=2024)
    spent = sum(n.pagu_n or 0 for n in plan.renja().rencana.walk()
                if n.level == "sub_kegiatan" and not n.children)
    html = verifier.get("/verifikasi/?tahun=2024").content.decode()
    row = next(r for r in html.split("<tr") if "Dinas Kesehatan" in r)
    assert f'<span class="sumber-over">APBD melebihi {format_rupiah(spent - 1_000_000_000)}' \
           f"</span>" in row
