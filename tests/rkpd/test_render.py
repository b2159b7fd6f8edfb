"""The RKPD rendered: the workbook's TOTAL (a live sum of the urusan, which sum their bidang,
agencies and programs) equals the sum of the agencies' plans; DOCX and PDF carry the two
layouts' headers and rows; open data has one line per plan row."""

from __future__ import annotations

import csv
import io
import json

import docx
import openpyxl
from pypdf import PdfReader

from renja.calc.rollup import plan_total
from renja.render.rkpd import render_rkpd
from renja.rkpd import PemdaPlans, compile_rkpd
from tests.rkpd.small import dinkes, rsud


def small():  # type: ignore[no-untyped-def]
    a, b = dinkes(), rsud()
    a.pagu, a.pagu_sumber = 1_000_000_000, {"DAK Fisik": 800_000_000}
    return compile_rkpd(PemdaPlans("Kabupaten Contoh", 2025, [a, b], tahapan="rancangan"))


def test_the_workbook_totals_equal_the_sum_of_the_agencies_plans(planted):
    rkpd = compile_rkpd(planted.pemda)
    book = openpyxl.load_workbook(io.BytesIO(render_rkpd(rkpd, "xlsx")))
    values = openpyxl.load_workbook(io.BytesIO(render_rkpd(rkpd, "xlsx")), data_only=True)
    sheet, shown = book["RKPD"], values["RKPD"]
    last = sheet.max_row
    assert sheet.cell(last, 2).value == "TOTAL"
    assert str(sheet.cell(last, 6).value).startswith("=SUM(")
    plans = [u.plan for u in planted.pemda.units if u.plan]
    assert shown.cell(last, 6).value == sum(plan_total(p, "n") for p in plans)
    assert shown.cell(last, 10).value == sum(plan_total(p, "n1") for p in plans)
    units = [r for r in range(1, last) if str(shown.cell(r, 2).value).startswith(
        "Perangkat Daerah: ")]
    assert sum(shown.cell(r, 6).value for r in units) == shown.cell(last, 6).value


def test_the_workbook_lists_each_ceiling_with_a_live_difference():
    sheet = openpyxl.load_workbook(io.BytesIO(render_rkpd(small(), "xlsx")),
                                   data_only=True)["Pagu"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows == [
        ["Dinas Kesehatan", "Total", 1_010_000_000, 1_000_000_000, -10_000_000,
         "Melebihi pagu"],
        ["Dinas Kesehatan", "DAK Fisik", 700_000_000, 800_000_000, 100_000_000, None],
        ["RSUD Bangil", "Total", 42_000_000, None, None, None]]


def test_the_docx_has_the_default_layouts_eleven_columns_and_every_row():
    table = docx.Document(io.BytesIO(render_rkpd(small(), "docx"))).tables[0]
    numbers = next(row for row in table.rows if row.cells[0].text == "1")
    assert [c.text for c in numbers.cells] == [str(n) for n in range(1, 12)]
    texts = [c.text for row in table.rows for c in row.cells]
    for expected in ("Perangkat Daerah: RSUD Bangil", "1.02.02.2.01.0003", "1.052.000.000",
                     "TOTAL", "DAK Fisik", "Catatan Penting"):
        assert expected in texts, expected


def test_the_pdf_in_the_format_rkpd_layout_has_its_priority_columns():
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(render_rkpd(small(), "pdf", "prioritas"))).pages).split())
    for expected in ("Rencana Program dan Kegiatan Prioritas Daerah (format RKPD) Kabupaten "
                     "Contoh Tahun 2025 (Rancangan)", "Prioritas Daerah", "Sasaran Daerah",
                     "Prioritas Nasional", "Penanggung Jawab", "Rehabilitasi Rumah Sakit",
                     "1.052.000.000"):
        assert expected in text, expected


def test_open_data_has_one_line_per_plan_row_with_its_agency():
    rkpd = small()
    lines = list(csv.DictReader(io.StringIO(render_rkpd(rkpd, "csv").decode())))
    assert len(lines) == 13
    assert lines[-1] == {
        "tahun": "2025", "urusan": "1", "bidang": "1.02", "perangkat_daerah": "RSUD Bangil",
        "level": "sub_kegiatan", "kode": "1.02.02.2.01.0003", "nama": "Rehabilitasi Rumah Sakit",
        "indikator": "Jumlah Rehabilitasi Rumah Sakit", "target_n": "3 dok",
        "lokasi": "Kab. Contoh", "pagu_n": "40000000", "sumber_dana": "", "catatan": "",
        "target_n1": "4 dok", "pagu_n1": "80000000", "prioritas_nasional": "",
        "prioritas_daerah": "", "sasaran_daerah": ""}
    document = json.loads(render_rkpd(rkpd, "json"))
    assert document["format"] == "renja-rkpd/1" and document["total"]["pagu_n"] == 1_052_000_000
    assert document["perangkat_daerah"][0]["pagu"] == [
        {"sumber_dana": None, "pagu_renja": 1_010_000_000, "pagu": 1_000_000_000,
         "selisih": -10_000_000},
        {"sumber_dana": "DAK Fisik", "pagu_renja": 700_000_000, "pagu": 800_000_000,
         "selisih": 100_000_000}]
