"""Reading a Renstra's T-C.27 from workbooks typed the ways agencies type them: a header of
three rows with merged cells and the years by place, or one row with calendar years; money in
thousands; tujuan and sasaran merged down; several indicators of a row on the lines under it;
codes undotted; and the mistakes that must be refused with their row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from renja.errors import FormatError
from renja.io.xlsx.renstra import read_renstra

D = Decimal


def three_row_header(path: Path, rows: list[list[object]], money_label: str = "Rp") -> Path:
    """T-C.27 as the regulation draws it: a title naming the period, a header of three rows
    (years merged over K and Rp, under a merged *Target Kinerja …*), a row of column numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tabel T-C.27 Rencana Program, Kegiatan, dan Pendanaan Dinas Perhubungan "
                  "Kabupaten Lembah Hijau Tahun 2025-2029"])
    sheet.append([])
    top = ["Tujuan", "Sasaran", "Kode", "Program dan Kegiatan",
           "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
           "Satuan", "Data Capaian pada Tahun Awal Perencanaan",
           "Target Kinerja Program dan Kerangka Pendanaan", *[None] * 9,
           "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah", None,
           "Unit Kerja Perangkat Daerah Penanggung Jawab", "Lokasi"]
    sheet.append(top)
    sheet.append([None] * 7 + [x for i in range(1, 6) for x in (f"Tahun-{i}", None)] +
                 [None] * 4)
    sheet.append([None] * 7 + ["Target", money_label] * 6 + [None, None])
    sheet.append([f"({i})" for i in range(1, 22)])
    for row in rows:
        sheet.append(row)
    for column in range(1, 8):
        sheet.merge_cells(start_row=3, end_row=5, start_column=column, end_column=column)
    sheet.merge_cells(start_row=3, end_row=3, start_column=8, end_column=17)
    for i in range(5):
        sheet.merge_cells(start_row=4, end_row=4, start_column=8 + 2 * i, end_column=9 + 2 * i)
    sheet.merge_cells(start_row=3, end_row=4, start_column=18, end_column=19)
    for column in (20, 21):
        sheet.merge_cells(start_row=3, end_row=5, start_column=column, end_column=column)
    body = 7
    sheet.merge_cells(start_row=body, end_row=body + 3, start_column=1, end_column=1)
    book.save(path)
    return path


ROWS: list[list[object]] = [
    ["Meningkatnya keselamatan transportasi", "Menurunnya angka kecelakaan", None, None,
     "Angka kecelakaan lalu lintas", "kejadian", 120, 110, None, 100, None, 90, None, 85, None,
     80, None, 80, None, None, None],
    [None, None, "20902", "PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN",
     "Persentase ruas jalan berambu", "%", 60, 65, 1_250_000, 70, 1_300_000, 75, 1_350_000,
     80, 1_400_000, 85, 1_450_000, 85, 6_750_000, "Bidang Lalu Lintas", "Kabupaten"],
    [None, None, None, None, "Persentase simpang bersinyal", "%", 40, 45, None, 50, None, 55,
     None, 60, None, 65, None, 65, None, None, None],
    [None, None, "2.09.02.2.01", "Penetapan Rencana Induk Jaringan LLAJ",
     "Jumlah dokumen rencana induk", "dokumen", "-", 1, 250_000, "1", 250_000, 1, 250_000, 1,
     250_000, 1, 250_000, 5, 1_250_000, "Bidang Lalu Lintas", "Kec. Bangil, Kec. Beji"],
    [None, None, "2090220101", "Penyusunan Rencana Induk Jaringan LLAJ Kabupaten",
     "Jumlah dokumen", "dokumen", 0, 1, 100_000, 1, "100.000", 1, 100_000, 1, 100_000, 1,
     100_000, 5, 500_000, None, None],
]


def test_it_reads_a_three_row_header_with_years_by_place_and_money_in_thousands(tmp_path):
    path = three_row_header(tmp_path / "tc27.xlsx", ROWS, "Rp (000)")
    renstra = read_renstra(path, perangkat_daerah="Dinas Perhubungan")
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2025, 2029)
    assert [(r.level, r.kode) for r in renstra.rows] == [
        ("tujuan", None), ("sasaran", None), ("program", "2.09.02"),
        ("kegiatan", "2.09.02.2.01"), ("sub_kegiatan", "2.09.02.2.01.0001")]
    sasaran = renstra.rows[1]
    [angka] = sasaran.indikator
    assert angka.nama == "Angka kecelakaan lalu lintas" and angka.satuan == "kejadian"
    assert angka.kondisi_awal.value == 120  # type: ignore[union-attr]
    assert [t.value for t in angka.target] == [D(110), D(100), D(90), D(85), D(80)]  # type: ignore[union-attr]
    program = renstra.by_kode("2.09.02")
    assert program is not None
    assert [i.nama for i in program.indikator] == [
        "Persentase ruas jalan berambu", "Persentase simpang bersinyal"]
    assert program.pagu == [1_250_000_000, 1_300_000_000, 1_350_000_000, 1_400_000_000,
                            1_450_000_000]
    assert program.pagu_akhir == 6_750_000_000
    assert program.indikator[1].kondisi_akhir.text == "65 %"  # type: ignore[union-attr]
    assert (program.unit, program.lokasi) == ("Bidang Lalu Lintas", "Kabupaten")
    kegiatan = renstra.by_kode("2.09.02.2.01")
    assert kegiatan.indikator[0].kondisi_awal.value == 0  # "-" is nil  # type: ignore[union-attr]
    sub = renstra.by_kode("2.09.02.2.01.0001")
    assert sub.pagu[1] == 100_000_000  # typed as text "100.000" (thousands)  # type: ignore[union-attr]
    assert sub.line == 11  # type: ignore[union-attr]


def test_it_reads_one_header_row_with_calendar_years(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kode", "Program/Kegiatan", "Indikator", "Satuan", "Kondisi awal 2024",
                  *[x for y in range(2026, 2031) for x in (f"Target {y}", f"Pagu {y}")],
                  "Target akhir periode", "Pagu akhir periode", "Unit penanggung jawab"])
    sheet.append(["1.02.02", "Program Pemenuhan Upaya Kesehatan", "Cakupan layanan", "%", 70,
                  75, 10_000_000, 78, 11_000_000, 80, 12_000_000, 83, 13_000_000, 85,
                  14_000_000, 85, 60_000_000, "Bidang Yankes"])
    path = tmp_path / "renstra.xlsx"
    book.save(path)
    renstra = read_renstra(path)
    assert renstra.tahun == [2026, 2027, 2028, 2029, 2030]
    [program] = renstra.rows
    assert program.pagu == [10_000_000, 11_000_000, 12_000_000, 13_000_000, 14_000_000]
    assert program.indikator[0].target[4].value == 85  # type: ignore[union-attr]
    assert program.indikator[0].kondisi_akhir.value == 85  # type: ignore[union-attr]
    assert program.pagu_akhir == 60_000_000


def test_it_refuses_codes_damaged_by_excel_and_unreadable_money_with_their_rows(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[3][2] = "2,09E+07"
    rows[4][8] = "seratus juta"
    path = three_row_header(tmp_path / "rusak.xlsx", rows)
    with pytest.raises(FormatError) as caught:
        read_renstra(path)
    assert caught.value.message("id").splitlines() == [
        "rusak.xlsx: baris 10: kode '2,09E+07' rusak oleh Excel (notasi ilmiah); ketik kode "
        "sebagai teks",
        "rusak.xlsx: baris 11: 'seratus juta' bukan angka"]


def test_it_asks_for_the_first_year_when_no_header_or_title_names_it(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kode", "Program", "Indikator", "Target Tahun-1", "Rp Tahun-1"])
    sheet.append(["2.09.02", "Program LLAJ", "Persentase", "60", 100])
    path = tmp_path / "tanpa-tahun.xlsx"
    book.save(path)
    with pytest.raises(FormatError) as caught:
        read_renstra(path)
    assert caught.value.message("id") == (
        "tanpa-tahun.xlsx: tahun periode Renstra tidak disebut di judul kolom maupun judul "
        "tabel; sebutkan tahun awal periode")
    assert read_renstra(path, tahun_awal=2025).rows[0].pagu[0] == 100


def test_a_workbook_without_a_tc27_table_is_named(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Nama", "Nilai"])
    path = tmp_path / "lain.xlsx"
    book.save(path)
    with pytest.raises(FormatError) as caught:
        read_renstra(path)
    assert caught.value.message("id") == (
        "lain.xlsx: tidak ada tabel T-C.27 (baris judul dengan kolom 'kode' dan 'indikator')")


def test_a_tujuan_typed_again_on_every_row_is_one_tujuan(tmp_path):
    rows = [list(r) for r in ROWS]
    for row in rows[1:]:
        row[0] = rows[0][0]  # not merged: the same tujuan typed on each line
    path = three_row_header(tmp_path / "ulang.xlsx", rows)
    found = read_renstra(path)
    assert [r.level for r in found.rows].count("tujuan") == 1
    assert [r.level for r in found.rows] == ["tujuan", "sasaran", "program", "kegiatan",
                                             "sub_kegiatan"]
