"""E.81 rendered: the workbook's columns (12)–(14) are live formulas whose values equal the
computed evaluation and follow a changed quarter; the DOCX and PDF carry the table, the footer
and both signature blocks."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from renja.calc.e81 import evaluate
from renja.domain import Penandatangan
from renja.io.xlsx.cached import computed
from renja.render.e81 import K_RP, render_e81
from tests.calc.test_e81 import plan, reported

HEAD = Penandatangan(jabatan="Kepala Dinas Perhubungan", nama="Dra. SITI AMINAH",
                     nip="197003121995032004")


@pytest.fixture(scope="module")
def e81():  # type: ignore[no-untyped-def]
    return evaluate(plan(), reported())


def cell(column: int, kind: int) -> int:
    return K_RP[column][kind] + 1


def test_the_workbook_s_formulas_give_the_computed_evaluation(e81):
    data = render_e81(e81, "xlsx", "Lembah Hijau", HEAD)
    values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)["E.81"]
    formulas = openpyxl.load_workbook(io.BytesIO(data))["E.81"]
    lines = {values.cell(r, 4).value: r for r in range(1, values.max_row + 1)}
    for row in e81.rows:
        for ind in row.indikator:
            r = lines[ind.nama]
            assert str(formulas.cell(r, cell(12, 0)).value).startswith("=")
            assert str(formulas.cell(r, cell(14, 0)).value).startswith("=")
            got = [values.cell(r, cell(c, 0)).value for c in (12, 13, 14)]
            want = [ind.realisasi, ind.realisasi_renstra,
                    None if ind.capaian_renstra is None else
                    ind.capaian_renstra.quantize(Decimal("0.01"))]
            assert [None if v is None else Decimal(str(v)) for v in got] == want, ind.nama
    kegiatan = lines["Jumlah dokumen pengendalian"]
    assert values.cell(kegiatan, cell(12, 1)).value == 132_000_000


def test_a_quarter_changed_in_the_workbook_flows_through_its_formulas(e81):
    data = render_e81(e81, "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["E.81"]
    r = next(r for r in range(1, sheet.max_row + 1)
             if sheet.cell(r, 4).value == "Jumlah dokumen pengendalian")
    sheet.cell(r, cell(11, 0)).value = 9  # triwulan IV: 4 → 9
    after = computed(sheet)
    at = f"{openpyxl.utils.get_column_letter(cell(12, 0))}{r}"
    assert Decimal(after[at]) == 16  # 2 + 3 + 2 + 9
    at = f"{openpyxl.utils.get_column_letter(cell(14, 0))}{r}"
    assert Decimal(after[at]) == Decimal("92")  # (30 + 16) / 50


def test_the_docx_holds_the_table_the_footer_and_both_signatures(e81):
    document = docx.Document(io.BytesIO(render_e81(e81, "docx", "Lembah Hijau", HEAD)))
    table, signed = document.tables
    text = "\n".join(c.text for row in table.rows for c in row.cells)
    assert "Realisasi Kinerja pada Triwulan IV" in text
    assert "Rata-rata capaian kinerja (%) — kolom (14)" in text and "91,78" in text
    assert "Sangat Tinggi" in text
    blocks = [c.text for c in signed.rows[0].cells]
    assert blocks[0].split("\n") == ["Disusun", "Lembah Hijau, tanggal ...............",
                                     "Kepala Dinas Perhubungan", "", "", "Dra. SITI AMINAH",
                                     "NIP. 197003121995032004"]
    assert blocks[1].split("\n")[:3] == ["Dievaluasi", "Lembah Hijau, tanggal ...............",
                                         "Kepala Bappeda"]


def test_the_pdf_is_one_landscape_page_with_the_figures(e81):
    reader = PdfReader(io.BytesIO(render_e81(e81, "pdf", "Lembah Hijau", HEAD)))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = page.extract_text()
    for expected in ("Tabel E.81", "93,33", "82,00", "Sangat Tinggi", "132.000.000",
                     "NIP. 197003121995032004", "Kepala Bappeda"):
        assert expected in text, expected


def test_the_optional_columns_give_tingkat_capaian_renja_and_how_each_year_is_counted(e81):
    from renja.render.e81 import KETERANGAN, RENJA_K, RENJA_RP

    data = render_e81(e81, "xlsx", tambahan=True)
    values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)["E.81"]
    formulas = openpyxl.load_workbook(io.BytesIO(data))["E.81"]
    lines = {values.cell(r, 4).value: r for r in range(1, values.max_row + 1)}
    header = [values.cell(r, RENJA_K + 1).value for r in range(1, 9)]
    assert any(str(h).startswith("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD "
                                 "Tahun 2025 (12/7)") for h in header)
    for row in e81.rows:
        for ind in row.indikator:
            r = lines[ind.nama]
            assert str(formulas.cell(r, RENJA_K + 1).value).startswith("=IF(")
            got = values.cell(r, RENJA_K + 1).value
            want = None if ind.capaian_renja is None else ind.capaian_renja.quantize(
                Decimal("0.01"))
            assert (None if got in (None, "") else Decimal(str(got))) == want, ind.nama
    disiplin = lines["Persentase pelanggaran disiplin pegawai"]
    assert values.cell(disiplin, KETERANGAN + 1).value == (
        "nilai triwulan terakhir; makin kecil makin baik")
    assert values.cell(lines["Jumlah dokumen pengendalian"], KETERANGAN + 1).value == (
        "dijumlahkan per triwulan")
    kegiatan = lines["Jumlah dokumen pengendalian"]
    assert Decimal(str(values.cell(kegiatan, RENJA_RP + 1).value)) == Decimal("88.00")  # 132/150
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(render_e81(e81, "pdf", tambahan=True))).pages).split())
    assert "Keterangan" in text and "makin kecil makin baik" in text
    plain = " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(render_e81(e81, "pdf"))).pages).split())
    assert "Keterangan" not in plain
