from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from renja.web.accounts.models import PerangkatDaerah
from renja.web.plans.models import Jadwal, Plan, RanwalItem
from tests.web.conftest import client_for

CSV = ("kode;nama;indikator;target;pagu;lokasi\n"
       "5.03.01.2.01.0001;Penyusunan Dokumen Perencanaan Perangkat Daerah;Jumlah Dokumen;"
       "5 dok;8.000.000;Pas\n"
       "5.03.02.2.01.0004;Evaluasi Pengadaan ASN;Jumlah Dokumen;1 dok;5.000.000;Pas\n")


@pytest.fixture
def admin(db):  # type: ignore[no-untyped-def]
    return client_for("admin_pasuruan")


def load(admin, content: str, tahun: str = "2024"):  # type: ignore[no-untyped-def]
    bkpsdm = PerangkatDaerah.objects.get(singkatan="BKPSDM")
    return admin.post("/pemda/ranwal/", {"perangkat_daerah": bkpsdm.pk, "tahun": tahun,
                                         "file": SimpleUploadedFile("ranwal.csv",
                                                                    content.encode())},
                      follow=True)


def test_the_admin_loads_the_ranwal_and_the_planner_builds_tc31_from_it(admin, planner, bkpsdm):
    assert "Ranwal RKPD BKPSDM 2024: 2 baris dimuat." in load(admin, CSV).content.decode()
    response = planner.post(f"/renja/{bkpsdm.pk}/tabel/tc31/susun/", {"version": bkpsdm.version})
    assert response.status_code == 200
    tc31 = Plan.objects.get(pk=bkpsdm.pk).renja().tc31
    rows = {r.kode: r for r in tc31.rows}
    assert rows["5.03.01.2.01.0001"].catatan == "Pagu bertambah Rp 1.058.600"
    assert rows["5.03.02.2.01.0004"].catatan == "Tidak dilanjutkan dalam Renja"
    assert rows["5.03.02.2.01.0004"].ranwal.pagu == 5_000_000


def test_a_bad_ranwal_line_is_refused_with_its_line_number(admin):
    bad = CSV.replace("8.000.000", "delapan juta")
    before = list(RanwalItem.objects.values_list("kode", "pagu"))  # the demo's own ranwal
    page = load(admin, bad).content.decode()
    assert "ranwal.csv: baris 2: &#x27;delapan juta&#x27; bukan angka" in page
    assert list(RanwalItem.objects.values_list("kode", "pagu")) == before


def test_building_tc31_without_a_ranwal_says_so(planner, bkpsdm):
    RanwalItem.objects.filter(perangkat_daerah=bkpsdm.perangkat_daerah).delete()
    response = planner.post(f"/renja/{bkpsdm.pk}/tabel/tc31/susun/", {"version": bkpsdm.version})
    assert response.status_code == 422
    assert "Ranwal RKPD untuk perangkat daerah dan tahun ini belum dimuat" in \
        response.content.decode()


def test_the_admin_sets_the_schedule(admin):
    admin.post("/pemda/jadwal/", {"tahun": "2024", "tahapan": "rancangan",
                                  "mulai": "2023-02-01", "selesai": "2023-03-15"})
    entry = Jadwal.objects.get()
    assert (entry.tahapan, entry.mulai, entry.selesai) == (
        "rancangan", datetime.date(2023, 2, 1), datetime.date(2023, 3, 15))
    page = admin.post("/pemda/jadwal/", {"tahun": "2024", "tahapan": "rancangan",
                                         "mulai": "2023-03-15", "selesai": "2023-02-01"},
                      follow=True).content.decode()
    assert "Isi tahun, tahapan, dan tanggal mulai ≤ selesai (tttt-bb-hh)." in page


def test_the_planner_imports_proposals_and_decides_on_them(planner, bkpsdm):
    csv_text = ("program_kegiatan,lokasi,indikator,volume,pengusul\n"
                "Pelatihan kepemimpinan,Bangil,Jumlah peserta,40 org,pokir\n"
                "Gedung diklat baru,Pandaan,Jumlah gedung,1 unit,musrenbang\n")
    response = planner.post(f"/renja/{bkpsdm.pk}/tabel/tc32/impor/", {
        "version": bkpsdm.version, "file": SimpleUploadedFile("usulan.csv", csv_text.encode())})
    assert response.status_code == 200
    plan = Plan.objects.get(pk=bkpsdm.pk)
    rows = plan.renja().tc32.rows
    assert [(u.program_kegiatan, u.pengusul, u.volume.text) for u in rows] == [
        ("Pelatihan kepemimpinan", "pokir", "40 org"),
        ("Gedung diklat baru", "musrenbang", "1 unit")]
    planner.post(f"/renja/{bkpsdm.pk}/tabel/tc32/1/", {
        "version": plan.version, "diterima": "tidak", "alasan": "bukan kewenangan BKPSDM"})
    from renja.render.layout import layout

    renja = Plan.objects.get(pk=bkpsdm.pk).renja()
    assert layout(renja, "tc32").rows[1].cells[5] == "Tidak diakomodir: bukan kewenangan BKPSDM"


def test_a_bad_proposal_line_is_refused_with_its_line_number(planner, bkpsdm):
    csv_text = "program_kegiatan,pengusul\nPelatihan,bupati\n"
    response = planner.post(f"/renja/{bkpsdm.pk}/tabel/tc32/impor/", {
        "version": bkpsdm.version, "file": SimpleUploadedFile("usulan.csv", csv_text.encode())})
    assert response.status_code == 422
    assert ("usulan.csv: baris 2: &#x27;bupati&#x27; tidak dapat diisikan pada kolom "
            "&#x27;pengusul&#x27;") in response.content.decode()
    assert Plan.objects.get(pk=bkpsdm.pk).renja().tc32.rows == []
