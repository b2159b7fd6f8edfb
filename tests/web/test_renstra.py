"""An agency's Renstra in the web app: uploaded from a workbook (refused whole, with rows,
when anything is wrong), shown as T-C.27, edited row by row (typed values kept on a refusal,
every change on the audit trail), downloaded, and the agency's plan checked against it."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from renja.domain.renstra import Renstra, RenstraIndikator, RenstraRow
from renja.domain.target import parse_target
from renja.web.plans.models import AgencyRenstra, AuditEntry, Plan
from tests.web.conftest import client_for


@pytest.fixture
def bkpsdm(db) -> Plan:  # type: ignore[no-untyped-def]
    return Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")


def workbook(plan: Plan, damaged: bool = False) -> bytes:
    """A T-C.27 for the plan's agency, 2024–2028, one header row with calendar years: the
    plan's first program with its first indicator and a pagu for 2024 other than the plan's."""
    renja = plan.renja()
    program = next(n for n in renja.rencana.walk() if n.level == "program")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kode", "Program dan Kegiatan", "Indikator",
                  *[x for y in range(2024, 2029) for x in (f"Target {y}", f"Rp {y}")]])
    sheet.append(["5,03E+09" if damaged else program.kode, program.nama,
                  program.indikator[0].nama,
                  *[x for _ in range(5) for x in ("80", 1_000_000)]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, plan: Plan, data: bytes, name: str = "tc27.xlsx"):  # type: ignore[no-untyped-def]
    return client.post("/renstra/impor/", {
        "perangkat_daerah": plan.perangkat_daerah_id,
        "file": _named(data, name)})


def _named(data: bytes, name: str):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_the_planner_uploads_a_tc27_and_reads_it_as_the_regulation_prints_it(bkpsdm):
    planner = client_for("perencana_bkpsdm")
    response = upload(planner, bkpsdm, workbook(bkpsdm))
    record = AgencyRenstra.objects.get(perangkat_daerah=bkpsdm.perangkat_daerah)
    assert response.status_code == 302 and response["Location"] == f"/renstra/{record.pk}/"
    page = planner.get(f"/renstra/{record.pk}/").content.decode()
    assert "tc27.xlsx: T-C.27 Badan Kepegawaian" in page and "2024–2028 dibaca" in page
    assert "Target Kinerja Program dan Kerangka Pendanaan Tahun-1 (2024)" in page
    assert "1.000.000" in page
    assert AuditEntry.objects.filter(action="renja.renstra.impor", new="tc27.xlsx").count() == 1


def test_a_damaged_workbook_is_refused_with_its_row_and_nothing_is_stored(bkpsdm):
    response = upload(client_for("perencana_bkpsdm"), bkpsdm, workbook(bkpsdm, damaged=True),
                      "rusak.xlsx")
    assert response.status_code == 422
    assert ("rusak.xlsx: baris 2: kode &#x27;5,03E+09&#x27; rusak oleh Excel (notasi ilmiah); "
            "ketik kode sebagai teks") in response.content.decode()
    assert not AgencyRenstra.objects.filter(perangkat_daerah=bkpsdm.perangkat_daerah).exists()


def test_the_agency_s_plan_is_checked_against_its_renstra(bkpsdm):
    planner = client_for("perencana_bkpsdm")
    before = planner.get(f"/renja/{bkpsdm.pk}/").content.decode()
    assert "tanpa catatan di T-C.31 atau T-C.33" not in before
    upload(planner, bkpsdm, workbook(bkpsdm))
    after = planner.get(f"/renja/{bkpsdm.pk}/").content.decode()
    assert "berbeda dari Renstra 1.000.000 tanpa catatan di T-C.31 atau T-C.33" in after
    bkpsdm.refresh_from_db()
    assert bkpsdm.n_warnings > 0


def test_a_row_is_edited_and_every_change_is_audited(bkpsdm):
    planner = client_for("perencana_bkpsdm")
    upload(planner, bkpsdm, workbook(bkpsdm))
    record = AgencyRenstra.objects.get(perangkat_daerah=bkpsdm.perangkat_daerah)
    form = planner.get(f"/renstra/{record.pk}/baris/0/").content.decode()
    assert 'name="pagu_1" value="1.000.000"' in form
    refused = planner.post(f"/renstra/{record.pk}/baris/0/", {
        "version": record.version, "pagu_1": "satu juta", "0:target_2": "85"})
    assert refused.status_code == 422
    text = refused.content.decode()
    assert "Rp 2024: &#x27;satu juta&#x27; bukan angka" in text
    assert 'value="satu juta"' in text and 'value="85"' in text  # what was typed stays
    saved = planner.post(f"/renstra/{record.pk}/baris/0/", {
        "version": record.version, "pagu_1": "1.250.000", "0:target_2": "85",
        "unit": "Bidang Pengembangan"})
    assert saved.status_code == 302
    record.refresh_from_db()
    row = record.renstra().rows[0]
    assert (row.pagu[0], row.indikator[0].target[1].value, row.unit) == (  # type: ignore[union-attr]
        1_250_000, 85, "Bidang Pengembangan")
    changes = {(e.field, e.old, e.new) for e in AuditEntry.objects.filter(
        action="renja.renstra.ubah")}
    assert ("pagu_1", "1.000.000", "1.250.000") in changes
    assert ("unit", "", "Bidang Pengembangan") in changes
    stale = planner.post(f"/renstra/{record.pk}/baris/0/", {"version": 1, "unit": "X"})
    assert record.version == 2
    assert stale.status_code == 409
    assert "Renstra ini sudah diubah orang lain" in stale.content.decode()


def test_the_head_and_bappeda_read_it_but_may_not_change_it(bkpsdm):
    upload(client_for("perencana_bkpsdm"), bkpsdm, workbook(bkpsdm))
    record = AgencyRenstra.objects.get(perangkat_daerah=bkpsdm.perangkat_daerah)
    for name in ("kepala_bkpsdm", "verifikator_bappeda"):
        client = client_for(name)
        response = client.get(f"/renstra/{record.pk}/")
        assert response.status_code == 200
        assert "/baris/0/" not in response.content.decode()  # no Ubah link
        assert client.post(f"/renstra/{record.pk}/baris/0/", {"version": 1}).status_code == 403
    download = client_for("verifikator_bappeda").get(f"/renstra/{record.pk}/unduh/xlsx/")
    assert download["Content-Disposition"] == (
        'attachment; filename="renstra-tc27-BKPSDM-2024.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(download.content))["T-C.27"]
    assert any(c.value == 1_000_000 for row in sheet.iter_rows() for c in row)


def test_e81_takes_column_5_from_the_renstra(db):
    disdik = Plan.objects.get(perangkat_daerah__singkatan="DISDIK", status="ditetapkan")
    renja = disdik.renja()
    program = next(n for n in renja.rencana.walk() if n.level == "program")
    AgencyRenstra.objects.create(
        perangkat_daerah=disdik.perangkat_daerah, tahun_awal=2024,  # later than the demo's
        data=Renstra(tahun_awal=2024, rows=[RenstraRow(
            level="program", kode=program.kode, nama=program.nama, pagu_akhir=987_654_321,
            indikator=[RenstraIndikator(nama=program.indikator[0].nama,
                                        kondisi_akhir=parse_target("99 %"))])]
                     ).model_dump(mode="json", exclude_none=True))
    response = client_for("verifikator_bappeda").get(
        f"/renja/{disdik.pk}/realisasi/e81/xlsx/?tw=1")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), data_only=True)["E.81"]
    line = next(r for r in sheet.iter_rows() if str(r[2].value).startswith(f"{program.kode} "))
    assert (line[4].value, line[5].value) == (99, 987_654_321)
    assert re.fullmatch(r"\d+", str(line[5].value))


def test_next_year_s_t_c_30_is_built_from_the_renstra_and_the_realised_year(db):
    """DISDIK's 2025 draft: T-C.30 from its Renstra 2023–2027 (tujuan and sasaran indicators,
    targets 2023–2026), the 2024 plan's realisation, keeping a note the planner wrote."""
    from renja.domain import Tc30, Tc30Row

    disdik = Plan.objects.get(perangkat_daerah__singkatan="DISDIK", status="ditetapkan")
    renja = disdik.renja()
    renja.tahun = 2025
    indicator = next(r.indikator for r in renja.tujuan_sasaran.rows if r.indikator)
    renja.tc30 = Tc30(rows=[Tc30Row(indikator=indicator or "", catatan="Catatan perencana")])
    draft = Plan.create_from(renja, perangkat_daerah=disdik.perangkat_daerah,
                             tahapan="rancangan")
    planner = client_for("perencana_disdik")
    page = planner.get(f"/renja/{draft.pk}/tabel/tc30/").content.decode()
    assert "Susun T-C.30 dari Renstra 2023–2027, realisasi 2024, T-C.30 Renja 2024" in page
    response = planner.post(f"/renja/{draft.pk}/tabel/tc30/susun/", {"version": draft.version})
    assert response.status_code == 200
    draft.refresh_from_db()
    tc30 = draft.renja().tc30
    renstra = AgencyRenstra.objects.get(perangkat_daerah=disdik.perangkat_daerah).renstra()
    expected = [ind.nama for row in renstra.rows if row.level in ("tujuan", "sasaran")
                for ind in row.indikator]
    assert [r.indikator for r in tc30.rows] == expected and expected
    first = next(r for r in tc30.rows if r.indikator == indicator)
    assert first.catatan == "Catatan perencana"
    assert [v.tahun for v in first.target_renstra] == [2023, 2024, 2025, 2026]
    assert [v.tahun for v in first.proyeksi] == [2025, 2026]
