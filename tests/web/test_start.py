"""Starting a year's plan as agencies do: from last year's set plan, from the ranwal RKPD, or
empty with its first program chosen from the nomenclature."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from renja.web.accounts.models import PerangkatDaerah
from renja.web.plans.models import Plan
from tests.web.conftest import client_for


@pytest.fixture
def admin(db):  # type: ignore[no-untyped-def]
    return client_for("admin_pasuruan")


def open_year(admin, sumber: str, singkatan: str = "BKPSDM", tahun: str = "2025"):  # type: ignore[no-untyped-def]
    agency = PerangkatDaerah.objects.get(singkatan=singkatan)
    return admin.post("/pemda/tahun/", {"perangkat_daerah": agency.pk, "tahun": tahun,
                                        "sumber": sumber}, follow=True)


def test_a_year_starts_from_last_year_s_set_plan(admin, bkpsdm):
    Plan.objects.filter(pk=bkpsdm.pk).update(status="ditetapkan")
    assert "Renja BKPSDM tahun 2025 dibuka." in open_year(admin, "tahun-lalu").content.decode()
    last = bkpsdm.renja()
    new = Plan.objects.get(perangkat_daerah=bkpsdm.perangkat_daerah, tahun=2025).renja()
    assert [n.kode for n in new.rencana.walk()] == [n.kode for n in last.rencana.walk()]
    for mine, before in zip(new.rencana.walk(), last.rencana.walk(), strict=True):
        if before.pagu_n1 is not None:  # last year's prakiraan maju is this year's plan
            assert mine.pagu_n == before.pagu_n1
        assert [i.target_n for i in mine.indikator] == [i.target_n1 for i in before.indikator]
        assert mine.pagu_n1 is None
    assert new.rencana.total.pagu_n == 22_864_405_190


def test_last_year_must_be_set_before_a_year_starts_from_it(admin, bkpsdm):
    response = open_year(admin, "tahun-lalu")
    assert "BKPSDM belum memiliki Renja tahun 2024 yang ditetapkan." in response.content.decode()
    assert not Plan.objects.filter(tahun=2025, perangkat_daerah=bkpsdm.perangkat_daerah).exists()


def test_a_year_starts_from_the_ranwal_rkpd(admin, db):
    dinkes = PerangkatDaerah.objects.get(singkatan="DINKES")
    csv = ("kode;nama;indikator;target;pagu;lokasi\n"
           "1.02.02.2.01.0001;Pengelolaan Pelayanan Kesehatan Ibu Hamil;Jumlah Ibu Hamil;"
           "1.200 org;450.000.000;Kab\n"
           "1.02.02.2.01.0002;Pengelolaan Pelayanan Kesehatan Ibu Bersalin;Jumlah Ibu Bersalin;"
           "1.150 org;300.000.000;Kab\n")
    admin.post("/pemda/ranwal/", {"perangkat_daerah": dinkes.pk, "tahun": "2026",
                                  "file": SimpleUploadedFile("ranwal.csv", csv.encode())})
    assert "Renja DINKES tahun 2026 dibuka." in \
        open_year(admin, "ranwal", "DINKES", "2026").content.decode()
    renja = Plan.objects.get(perangkat_daerah=dinkes, tahun=2026).renja()
    assert [(n.kode, n.level) for n in renja.rencana.walk()] == [
        ("1.02", "bidang"), ("1.02.02", "program"), ("1.02.02.2.01", "kegiatan"),
        ("1.02.02.2.01.0001", "sub_kegiatan"), ("1.02.02.2.01.0002", "sub_kegiatan")]
    assert renja.rencana.total.pagu_n == 750_000_000
    sub = list(renja.rencana.walk())[3]
    assert (sub.indikator[0].nama, sub.indikator[0].target_n.text) == ("Jumlah Ibu Hamil",
                                                                      "1.200 org")


def test_an_empty_plan_receives_its_first_program_from_the_nomenclature(admin, planner, bkpsdm):
    open_year(admin, "kosong")
    plan = Plan.objects.get(perangkat_daerah=bkpsdm.perangkat_daerah, tahun=2025)
    editor = planner.get(f"/renja/{plan.pk}/").content.decode()
    assert "Renja ini belum berisi program." in editor
    options = planner.get(f"/renja/{plan.pk}/program/tambah/?q=kepegawaian").content.decode()
    assert "5.03.02 PROGRAM KEPEGAWAIAN DAERAH" in options
    response = planner.post(f"/renja/{plan.pk}/program/tambah/simpan/",
                            {"version": plan.version, "kode": "5.03.02"})
    assert response.status_code == 200
    renja = Plan.objects.get(pk=plan.pk).renja()
    assert [(n.kode, n.nama) for n in renja.rencana.walk()] == [
        ("5.03", "KEPEGAWAIAN"), ("5.03.02", "PROGRAM KEPEGAWAIAN DAERAH")]
    again = planner.post(f"/renja/{plan.pk}/program/tambah/simpan/",
                         {"version": plan.version + 1, "kode": "5.03.02"})
    assert "5.03.02 sudah ada dalam Renja" in again.content.decode()
