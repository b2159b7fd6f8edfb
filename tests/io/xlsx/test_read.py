"""Workbooks in the official layout, as agency staff make them by hand.

Each test builds its workbook with openpyxl the way staff lay one out in Excel: title rows,
a two-row header with merged cells, a column-number row, codes typed as numbers, amounts as
numbers with a thousands format, percentages as percent cells, blank spacer rows, breakdown
rows under each T-C.33 row.
"""

from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja.errors import FormatError
from renja.io.read import read_plan
from renja.io.report import ImportResult

MONEY = "#,##0"


def tc33_sheet(ws: Worksheet) -> None:
    ws["A1"] = "Tabel T-C.33"
    ws["A2"] = ("Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2025 dan Prakiraan "
                "Maju Tahun 2026 Kota Batu")
    ws.merge_cells("A2:J2")
    ws["A3"] = "Nama Perangkat Daerah : DISDIK"
    for cell, text in {"A5": "Kode", "B5": "Urusan/ Bidang Urusan Pemerintahan Daerah dan "
                       "Program/ Kegiatan/ Sub Kegiatan", "C5": "Indikator Kinerja",
                       "D5": "Rencana Tahun 2025", "H5": "Catatan Penting",
                       "I5": "Prakiraan Maju Rencana Tahun 2026", "D6": "Lokasi",
                       "E6": "Target Capaian Kinerja", "F6": "Kebutuhan Dana/ Pagu Indikatif",
                       "G6": "Sumber Dana", "I6": "Target Capaian Kinerja",
                       "J6": "Kebutuhan Dana/ Pagu Indikatif"}.items():
        ws[cell] = text
    for area in ("A5:A6", "B5:B6", "C5:C6", "D5:G5", "H5:H6", "I5:J5"):
        ws.merge_cells(area)
    for i in range(10):
        ws.cell(row=7, column=i + 1, value=f"({i + 1})")
    rows = [
        [1.01, "URUSAN PEMERINTAHAN BIDANG PENDIDIKAN"],
        [10102, "PROGRAM PENGELOLAAN PENDIDIKAN", "Angka Partisipasi Murni SD", "Kota Batu",
         0.985, 4_250_000_000, "APBD", None, 0.99, 4_500_000_000],
        [None, None, "Angka Partisipasi Murni SMP", None, 0.92, None, None, None, 0.93],
        [None, None, None, None, "Belanja Operasi", 1_250_000_000, None, None, None,
         1_300_000_000],
        [None, None, None, None, "Belanja Modal", 3_000_000_000, None, None, None,
         3_200_000_000],
        [],
        ["1.01.02.2.01", "Pengelolaan Pendidikan Sekolah Dasar", "Persentase SD terakreditasi",
         "Kota Batu", 0.95, 4_250_000_000, "APBD", None, 0.96, 4_500_000_000],
        [1010220108, "Rehabilitasi Sedang/Berat Ruang Kelas", "Jumlah ruang kelas",
         "Kec. Batu", "12 unit", 3_000_000_000, "APBD", None, "13 unit", 3_200_000_000],
        [None, None, None, None, "Belanja Operasi", 0, None, None, None, 0],
        [None, None, None, None, "Belanja Modal", 3_000_000_000, None, None, None,
         3_200_000_000],
        [None, "JUMLAH TOTAL", None, None, None, 4_250_000_000, None, None, None,
         4_500_000_000],
    ]
    for r, values in enumerate(rows, start=8):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, float) and value < 1:
                cell.number_format = "0.0%"
            elif isinstance(value, int) and c in (6, 10):
                cell.number_format = MONEY


def tc29_sheet(ws: Worksheet) -> None:
    ws["A1"] = "Tabel T-C.29 Evaluasi Hasil Renja Perangkat Daerah s/d Tahun 2024 Kota Batu"
    header = ["Kode", "Urusan/Bidang/Program/Kegiatan", "Indikator Kinerja",
              "Target Renstra (Kondisi Akhir)", "Realisasi s/d 2022", "Target Renja 2023",
              "Realisasi Renja 2023", "Tingkat Realisasi (%)", "Target Renja 2024",
              "Perkiraan Realisasi s/d 2024", "Tingkat Capaian Renstra (%)"]
    ws.append([])
    ws.append(header)
    ws.append(["1", "2", "3", "4", "5", "6", "7", "8=(7/6)", "9", "10=(5+7+9)", "11=(10/4)"])
    ws.append([1010220108, "Rehabilitasi Sedang/Berat Ruang Kelas", "Jumlah ruang kelas",
               "40 unit", "10 unit", "12 unit", "12 unit", 1, "12 unit", "34 unit", 0.85])
    ws["H5"].number_format = "0%"
    ws["K5"].number_format = "0%"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    wb = Workbook()
    tc33_sheet(wb.active)
    wb.active.title = "T-C.33"
    tc29_sheet(wb.create_sheet("T-C.29"))
    wb.create_sheet("Catatan")["A1"] = "Disusun oleh tim perencana"
    path = tmp_path_factory.mktemp("xlsx") / "renja-disdik-2025.xlsx"
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def result(workbook) -> ImportResult:
    return read_plan(workbook)


def node(result: ImportResult, kode: str):
    return next(n for n in result.renja.rencana.walk() if n.kode == kode)


def test_it_reads_the_plan_year_pemda_and_agency_from_the_titles(result):
    renja = result.renja
    assert (renja.tahun, renja.pemda.nama, renja.perangkat_daerah.singkatan) == (
        2025, "Kota Batu", "DISDIK")


def test_it_reads_codes_typed_as_numbers(result):
    assert [(n.kode, n.kode_asal, n.level) for n in result.renja.rencana.walk()] == [
        ("1.01", "1.01", "bidang"),
        ("1.01.02", "10102", "program"),
        ("1.01.02.2.01", "1.01.02.2.01", "kegiatan"),
        ("1.01.02.2.01.0008", "1010220108", "sub_kegiatan"),
    ]


def test_it_reads_amounts_percentages_and_breakdown_rows(result):
    program = node(result, "1.01.02")
    assert (program.pagu_n, program.pagu_n1) == (4_250_000_000, 4_500_000_000)
    assert [(i.nama, i.target_n.text, i.target_n1.text) for i in program.indikator] == [
        ("Angka Partisipasi Murni SD", "98,5%", "99%"),
        ("Angka Partisipasi Murni SMP", "92%", "93%"),
    ]
    assert (program.belanja_n.operasi, program.belanja_n1.modal) == (1_250_000_000,
                                                                    3_200_000_000)
    sub = node(result, "1.01.02.2.01.0008")
    assert (sub.belanja_n.operasi, sub.belanja_n.modal) == (0, 3_000_000_000)


def test_it_keeps_the_sheet_and_cell_of_each_value(result):
    program = node(result, "1.01.02")
    source = program.provenance["pagu_n"]
    assert (source.sheet, source.cell) == ("T-C.33", "F9")
    assert program.belanja_n1.provenance["modal"].cell == "J12"


def test_it_reads_the_total_row(result):
    total = result.renja.rencana.total
    assert (total.pagu_n, total.pagu_n1) == (4_250_000_000, 4_500_000_000)


def test_it_reads_tc29_with_codes_typed_as_numbers(result):
    row = result.renja.tc29.rows[0]
    assert (row.kode, row.nama) == ("1.01.02.2.01.0008", "Rehabilitasi Sedang/Berat Ruang Kelas")
    ind = row.indikator[0]
    assert (ind.tingkat_realisasi_n2.text, ind.capaian_renstra.text) == ("100%", "85%")
    assert ind.provenance["capaian_renstra"].cell == "K5"


def test_it_reports_a_sheet_that_is_not_a_table(result):
    assert [(n.source.sheet, n.message("id")) for n in result.report.notices
            if n.severity != "info"] == [
        ("Catatan", "lembar 'Catatan' bukan tabel Renja; tidak dimasukkan")]


def test_it_refuses_a_broken_workbook(tmp_path: Path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(FormatError) as exc:
        read_plan(path)
    assert exc.value.message("id") == (
        "rusak.xlsx: bukan buku kerja XLSX yang dapat dibaca (rusak, atau format lain yang "
        "dinamai .xlsx)")
