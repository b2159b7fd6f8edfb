"""Tabel T-C.27 rendered: the PDF and DOCX carry every value under the regulation's header,
the workbook's money are numbers with live sums whose values equal the Renstra's."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
from pypdf import PdfReader

from renja.io.xlsx.renstra import read_renstra
from renja.render.renstra import render_tc27
from tests.io.xlsx.test_renstra import ROWS, three_row_header


def renstra(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = three_row_header(tmp_path / "tc27.xlsx", ROWS, "Rp (000)")
    return read_renstra(path, perangkat_daerah="Dinas Perhubungan", pemda="Kabupaten Lembah Hijau")


def test_the_pdf_has_the_title_the_header_and_every_row(tmp_path):
    text = "\n".join(p.extract_text() for p in PdfReader(
        io.BytesIO(render_tc27(renstra(tmp_path), "pdf"))).pages)
    flat = " ".join(text.split())
    assert ("Rencana Program, Kegiatan, dan Pendanaan Dinas Perhubungan Kabupaten Lembah Hijau "
            "Tahun 2025–2029") in flat
    for expected in ("Tahun-1 (2025)", "2.09.02.2.01.0001", "Persentase simpang bersinyal",
                     "6.750.000.000", "1.450.000.000", "Bidang Lalu Lintas", "80 kejadian"):
        assert expected in flat, expected


def test_the_docx_table_has_twenty_numbered_columns(tmp_path):
    document = docx.Document(io.BytesIO(render_tc27(renstra(tmp_path), "docx")))
    table = document.tables[0]
    numbers = next(row for row in table.rows if row.cells[0].text == "1")
    assert [c.text for c in numbers.cells] == [str(n) for n in range(1, 21)]
    texts = [c.text for row in table.rows for c in row.cells]
    assert "Penetapan Rencana Induk Jaringan LLAJ" in texts and "Jumlah" in texts


def test_the_workbook_sums_each_row_s_years_and_the_programs(tmp_path):
    found = renstra(tmp_path)
    found.rows[3].pagu_akhir = None  # the kegiatan states no total: the sum of its years
    data = render_tc27(found, "xlsx")
    formulas = openpyxl.load_workbook(io.BytesIO(data))["T-C.27"]
    values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)["T-C.27"]
    rows = {values.cell(r, 3).value: r for r in range(1, values.max_row + 1)}
    kegiatan = rows["2.09.02.2.01"]
    assert formulas.cell(kegiatan, 18).value == (
        f'=IF(COUNT(H{kegiatan},J{kegiatan},L{kegiatan},N{kegiatan},P{kegiatan})=0,"",'
        f"SUM(H{kegiatan},J{kegiatan},L{kegiatan},N{kegiatan},P{kegiatan}))")
    assert values.cell(kegiatan, 18).value == 1_250_000_000
    program = rows["2.09.02"]
    assert values.cell(program, 8).value == 1_250_000_000  # money as a number
    total = next(r for r in range(1, values.max_row + 1) if values.cell(r, 4).value == "Jumlah")
    assert formulas.cell(total, 18).value == f"=SUM(R{program})"
    assert [values.cell(total, c).value for c in (8, 10, 12, 14, 16, 18)] == [
        1_250_000_000, 1_300_000_000, 1_350_000_000, 1_400_000_000, 1_450_000_000,
        6_750_000_000]


def test_the_workbook_reads_back_as_the_same_renstra(tmp_path):
    found = renstra(tmp_path)
    path = tmp_path / "out.xlsx"
    path.write_bytes(render_tc27(found, "xlsx"))
    again = read_renstra(path, perangkat_daerah="Dinas Perhubungan",
                         pemda="Kabupaten Lembah Hijau")
    strip = {"rows": {"__all__": {"line"}}}
    assert again.model_dump(exclude=strip) == found.model_dump(exclude=strip)  # type: ignore[arg-type]
