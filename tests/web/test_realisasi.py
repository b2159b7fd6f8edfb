"""Quarterly realisation of a set plan in the web app: the grid, its refusals, import, the
review by Bappeda, the schedule, the audit trail, E.81 and the route's people."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import User

from renja import monitoring
from renja.web.plans import actions
from renja.web.plans.actions import realisasi as quarter
from renja.web.plans.models import AuditEntry, Jadwal, LaporanTriwulan, Notification, Plan
from tests.web.conftest import client_for


@pytest.fixture
def disdik(db) -> Plan:  # type: ignore[no-untyped-def]
    return Plan.objects.get(perangkat_daerah__singkatan="DISDIK", status="ditetapkan")


@pytest.fixture
def planner(db):  # type: ignore[no-untyped-def]
    return client_for("perencana_disdik")


def grid(plan: Plan) -> list[monitoring.Line]:
    return monitoring.lines(plan.renja())


def first_indicator(plan: Plan) -> monitoring.Line:
    return next(line for line in grid(plan) if line.indikator and line.level == "sub_kegiatan")


def version(plan: Plan) -> int:
    return quarter.current(plan)[1]


def test_the_demo_has_its_first_quarter_accepted_and_the_second_begun(disdik, planner):
    page = planner.get(f"/renja/{disdik.pk}/realisasi/").content.decode()
    assert 'id="tab-1" class="tab"' in page and "Diterima" in page
    assert 'aria-current="page"' in page.split('id="tab-2"')[1].split("</a>")[0]
    assert 'id="rata-rata">' in page


def test_the_planner_saves_a_quarter_and_each_value_is_audited(disdik, planner):
    line = first_indicator(disdik)
    response = planner.post(f"/renja/{disdik.pk}/realisasi/3/simpan/", {
        "version": version(disdik), f"r{line.index}": "7,5", f"a{line.index}": "12.500.000",
        "faktor_pendorong": "Dukungan sekolah"})
    assert response.status_code == 302
    data, _ = quarter.current(disdik)
    assert data.of_indicator(line.kode, line.indikator).triwulan[2] == 7.5  # type: ignore[arg-type,union-attr]
    assert data.of_money(line.kode).triwulan[2] == 12_500_000  # type: ignore[union-attr]
    assert data.note(3).faktor_pendorong == "Dukungan sekolah"  # type: ignore[union-attr]
    entries = {(e.field, e.old, e.new) for e in AuditEntry.objects.filter(
        plan=disdik, action="renja.realisasi.ubah", kode=line.kode)}
    assert ("realisasi_tw3", "", "7,5") in entries and ("anggaran_tw3", "", "12.500.000") in entries


def test_a_value_that_cannot_be_read_is_refused_at_once_and_what_was_typed_stays(disdik,
                                                                                 planner):
    line = first_indicator(disdik)
    before = version(disdik)
    response = planner.post(f"/renja/{disdik.pk}/realisasi/3/simpan/", {
        "version": before, f"r{line.index}": "tujuh", f"a{line.index}": "12.500.000"})
    assert response.status_code == 422
    page = response.content.decode()
    assert f"{line.kode} {line.indikator}: &#x27;tujuh&#x27; bukan angka" in page
    assert f'name="r{line.index}" value="tujuh"' in page
    assert version(disdik) == before  # nothing stored, the money neither


def test_someone_who_saved_first_is_named_and_nothing_is_stored(disdik, planner):
    line = first_indicator(disdik)
    old = version(disdik)
    quarter.save_quarter(disdik.pk, User.objects.get(username="perencana_disdik"), 3,
                         {line.index: "1"}, {}, {}, old)
    refused = planner.post(f"/renja/{disdik.pk}/realisasi/3/simpan/", {
        "version": old, f"r{line.index}": "2"})
    assert refused.status_code == 409
    assert quarter.current(disdik)[0].of_indicator(
        line.kode, line.indikator).triwulan[2] == 1  # type: ignore[arg-type,union-attr]


def test_a_submitted_quarter_is_read_only_then_returned_with_a_reason_and_accepted(disdik,
                                                                                   planner):
    verifier = client_for("verifikator_bappeda")
    planner.post(f"/renja/{disdik.pk}/realisasi/2/ajukan/")
    assert LaporanTriwulan.objects.get(plan=disdik, triwulan=2).status == "diajukan"
    line = first_indicator(disdik)
    refused = planner.post(f"/renja/{disdik.pk}/realisasi/2/simpan/", {
        "version": version(disdik), f"r{line.index}": "1"})
    assert refused.status_code == 403
    assert "laporan triwulan 2 sudah diajukan ke Bappeda" in refused.content.decode()
    assert verifier.post(f"/renja/{disdik.pk}/realisasi/2/kembalikan/",
                         {"note": ""}, follow=True).status_code == 200
    assert LaporanTriwulan.objects.get(plan=disdik, triwulan=2).status == "diajukan"
    verifier.post(f"/renja/{disdik.pk}/realisasi/2/kembalikan/",
                  {"note": "Realisasi anggaran TW II belum sesuai SP2D"})
    page = planner.get(f"/renja/{disdik.pk}/realisasi/?tw=2").content.decode()
    assert "Realisasi anggaran TW II belum sesuai SP2D" in page.split('id="alasan-kembali"')[1]
    assert Notification.objects.filter(recipient__username="perencana_disdik",
                                       kind="renja.realisasi.kembalikan").exists()
    planner.post(f"/renja/{disdik.pk}/realisasi/2/ajukan/")
    verifier.post(f"/renja/{disdik.pk}/realisasi/2/terima/")
    assert LaporanTriwulan.objects.get(plan=disdik, triwulan=2).status == "diterima"
    assert [e.new for e in AuditEntry.objects.filter(plan=disdik, field="laporan_tw2")] == [
        "diajukan", "dikembalikan", "diajukan", "diterima"]


def test_a_quarter_outside_its_schedule_is_closed(disdik, planner):
    Jadwal.objects.create(pemda=disdik.perangkat_daerah.pemda, tahun=2024,
                          tahapan="triwulan_3", mulai=datetime.date(2024, 10, 1),
                          selesai=datetime.date(2024, 10, 15))
    line = first_indicator(disdik)
    refused = planner.post(f"/renja/{disdik.pk}/realisasi/3/simpan/", {
        "version": version(disdik), f"r{line.index}": "1"})
    assert refused.status_code == 403
    assert "pengisian triwulan 3 ditutup menurut jadwal (01-10-2024 s/d 15-10-2024)" in \
        refused.content.decode()


def test_the_template_filled_in_is_imported_for_the_open_quarters_only(disdik, planner):
    template = planner.get(f"/renja/{disdik.pk}/realisasi/templat/")
    book = openpyxl.load_workbook(io.BytesIO(template.content))
    sheet = book.active
    line = first_indicator(disdik)
    r = next(row[0].row for row in sheet.iter_rows(min_row=4)
             if row[0].value == line.kode and row[2].value == line.indikator)
    sheet.cell(r, 8).value = 5  # triwulan III
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "realisasi.xlsx"
    response = planner.post(f"/renja/{disdik.pk}/realisasi/impor/", {
        "version": version(disdik), "tw": "3", "file": out}, follow=True)
    assert "realisasi.xlsx: 1 nilai diisi" in response.content.decode()
    assert AuditEntry.objects.get(plan=disdik, field="realisasi_tw3").via == "import"
    sheet.cell(r, 6).value = 99  # triwulan I was accepted: closed, and 99 is not its value
    again = io.BytesIO()
    book.save(again)
    again.seek(0)
    again.name = "realisasi.xlsx"
    refused = planner.post(f"/renja/{disdik.pk}/realisasi/impor/", {
        "version": version(disdik), "tw": "3", "file": again})
    assert refused.status_code == 422
    assert ("berkas berisi nilai triwulan 1 yang berbeda dari yang tersimpan, padahal triwulan "
            "itu tidak dapat diubah sekarang") in refused.content.decode()


def test_e81_downloads_up_to_the_quarter(disdik, planner):
    response = planner.get(f"/renja/{disdik.pk}/realisasi/e81/xlsx/?tw=2")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), data_only=True)["E.81"]
    assert sheet["A2"].value.endswith("s/d Triwulan II")
    assert response["Content-Disposition"] == 'attachment; filename="e81-tw2-DISDIK-2024.xlsx"'


def test_a_plan_not_yet_set_has_no_realisation(bkpsdm):
    assert client_for("perencana_bkpsdm").get(f"/renja/{bkpsdm.pk}/realisasi/").status_code \
        == 404
    with pytest.raises(actions.ActionRefused) as exc:
        quarter.save_quarter(bkpsdm.pk, User.objects.get(username="perencana_bkpsdm"), 1, {},
                             {}, {}, 0)
    assert exc.value.message("id") == "realisasi diisi untuk Renja yang sudah ditetapkan"


def test_the_plan_two_years_later_builds_its_t_c_29_from_the_data(disdik, planner):
    from renja.demo.generate import Spec, generate

    agency = disdik.perangkat_daerah
    later = Plan.create_from(generate(Spec(
        pemda=agency.pemda.nama, agency=agency.nama, singkatan=agency.singkatan,
        bidang=agency.bidang, tahun=2026, sub_kegiatan=30, seed=2)),
        perangkat_daerah=agency, tahapan="rancangan")
    page = planner.get(f"/renja/{later.pk}/tabel/tc29/").content.decode()
    assert "Susun T-C.29 dari Renja 2024 dan realisasinya" in page
    response = planner.post(f"/renja/{later.pk}/tabel/tc29/susun/", {"version": later.version})
    assert response.status_code == 200
    tc29 = Plan.objects.get(pk=later.pk).renja().tc29
    realised, _ = quarter.current(disdik)
    item = realised.indikator[0]
    row = next(r for r in tc29.rows if r.kode == item.kode)
    got = next(i for i in row.indikator if i.nama == item.indikator)
    assert got.realisasi_n2 is not None and got.tingkat_realisasi_n2 is not None
    assert AuditEntry.objects.filter(plan=later, table="T-C.29").exists()


def test_without_a_plan_two_years_before_there_is_nothing_to_build_from(bkpsdm):
    page = client_for("perencana_bkpsdm").get(f"/renja/{bkpsdm.pk}/tabel/tc29/")
    assert "Susun T-C.29 dari" not in page.content.decode()
    refused = client_for("perencana_bkpsdm").post(f"/renja/{bkpsdm.pk}/tabel/tc29/susun/",
                                                  {"version": bkpsdm.version})
    assert refused.status_code == 422
    assert "belum ada Renja 2022 yang ditetapkan beserta realisasinya" in \
        refused.content.decode()


def test_the_planner_chooses_how_an_indicator_s_quarters_add_up(disdik, planner):
    line = first_indicator(disdik)
    page = planner.get(f"/renja/{disdik.pk}/realisasi/?tw=3").content.decode()
    assert '<option value="">otomatis: Kumulatif (dijumlah)</option>' in page
    planner.post(f"/renja/{disdik.pk}/realisasi/3/simpan/", {
        "version": version(disdik), f"k{line.index}": "terakhir",
        f"p{line.index}": "negatif"})
    item = quarter.current(disdik)[0].of_indicator(line.kode, line.indikator)
    assert (item.agregasi, item.polaritas) == ("terakhir", "negatif")  # type: ignore[union-attr]
    entry = AuditEntry.objects.get(plan=disdik, field="agregasi")
    assert (entry.kode, entry.old, entry.new) == (line.kode, "", "terakhir")
    refused = planner.post(f"/renja/{disdik.pk}/realisasi/3/simpan/", {
        "version": version(disdik), f"k{line.index}": "acak"})
    assert refused.status_code == 422
    assert f"{line.kode} {line.indikator}: &#x27;acak&#x27; bukan pilihan cara menghitung" in \
        refused.content.decode()


def test_the_cli_stores_a_realisation_file_through_the_same_action(disdik, tmp_path):
    from click.testing import CliRunner

    from renja.cli import cli

    line = first_indicator(disdik)
    path = tmp_path / "tw3.csv"
    path.write_text(f"kode;indikator;triwulan;realisasi\n{line.kode};{line.indikator};III;4\n",
                    encoding="utf-8")
    done = CliRunner().invoke(cli, ["plan", "realisasi", str(path), "--plan", str(disdik.pk),
                                    "--user", "perencana_disdik"])
    assert (done.exit_code, done.output) == (0, f"1\t{version(disdik)}\n")
    assert AuditEntry.objects.get(plan=disdik, field="realisasi_tw3").via == "cli"
    refused = CliRunner().invoke(cli, ["plan", "realisasi", str(path), "--plan",
                                       str(disdik.pk), "--user", "verifikator_bappeda"],
                                 env={"RENJA_LANG": "id"})
    assert (refused.exit_code, refused.output) == (
        2, "Error: hanya perencana perangkat daerah yang mengisi realisasi\n")


def test_a_weight_set_in_the_grid_counts_in_the_average_and_is_audited(disdik, planner):
    from renja.calc.e81 import evaluate

    line = first_indicator(disdik)
    refused = planner.post(f"/renja/{disdik.pk}/realisasi/2/simpan/", {
        "version": version(disdik), f"w{line.index}": "tiga"})
    assert refused.status_code == 422
    assert f"{line.kode} {line.indikator}: bobot" in refused.content.decode().replace(
        "&#x27;", "'")
    before = evaluate(disdik.renja(), quarter.current(disdik)[0], 2,
                      dasar="renja").rata_rata_capaian
    saved = planner.post(f"/renja/{disdik.pk}/realisasi/2/simpan/", {
        "version": version(disdik), f"w{line.index}": "3"})
    assert saved.status_code == 302
    data = quarter.current(disdik)[0]
    assert data.of_indicator(line.kode, line.indikator).bobot == 3  # type: ignore[union-attr]
    assert evaluate(disdik.renja(), data, 2, dasar="renja").rata_rata_capaian != before
    assert before is not None
    assert AuditEntry.objects.filter(plan=disdik, field="bobot", old="1", new="3").exists()
    page = planner.get(f"/renja/{disdik.pk}/realisasi/?tw=2").content.decode()
    assert f'name="w{line.index}" value="3"' in page
