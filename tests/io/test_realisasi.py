"""Quarterly realisation read from the template renja writes, from a plain sheet (CSV or
XLSX) and from JSON; every value checked against the plan, every problem named with its line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from renja.domain.realisasi import Realisasi, RealisasiAnggaran, RealisasiIndikator
from renja.errors import FormatError
from renja.io.realisasi import read_realisasi
from renja.io.xlsx.realisasi import realisasi_template
from tests.calc.test_e81 import plan, reported

D = Decimal


def test_the_template_filled_in_reads_back_every_value(tmp_path: Path):
    path = tmp_path / "realisasi.xlsx"
    path.write_bytes(realisasi_template(plan()))
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[3]]
    assert header[:6] == ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan",
                          "Target", "Realisasi TW I"]
    lines = {(r[0].value, r[2].value): r[0].row for r in sheet.iter_rows(min_row=4)}
    want = reported()
    for item in want.indikator:
        r = lines[(item.kode, item.indikator)]
        for q, value in enumerate(item.triwulan):
            sheet.cell(r, 6 + q).value = float(value) if value is not None else None
    for spent in want.anggaran:
        r = next(row for (kode, _), row in lines.items() if kode == spent.kode)
        for q, value in enumerate(spent.triwulan):
            sheet.cell(r, 11 + q).value = value
    book.save(path)
    got = read_realisasi(path, plan())
    assert {(i.kode, i.indikator): i.triwulan for i in got.indikator} == \
        {(i.kode, i.indikator): i.triwulan for i in want.indikator}
    assert {a.kode: a.triwulan for a in got.anggaran} == {a.kode: a.triwulan
                                                          for a in want.anggaran}


def test_the_template_shows_what_is_already_reported(tmp_path: Path):
    path = tmp_path / "realisasi.xlsx"
    path.write_bytes(realisasi_template(plan(), reported()))
    again = read_realisasi(path, plan())
    assert len(again.indikator) == 4 and again.of_money("2.15.02.2.01.0001").triwulan == [
        20_000_000, 25_000_000, 25_000_000, 30_000_000]


def test_a_plain_sheet_with_indonesian_numbers_and_roman_quarters(tmp_path: Path):
    path = tmp_path / "realisasi.csv"
    path.write_text(
        "Kode;Indikator;Triwulan;Realisasi;Anggaran\n"
        "2.15.02;Persentase ruas jalan berambu;I;62,5;\n"
        "2.15.02;persentase  ruas jalan berambu;TW II;70;\n"
        "2.15.02.2.01.0001;Jumlah laporan yang disusun;1;3;20.000.000\n"
        "2.15.02.2.01.0001;;2;;25.500.000\n", encoding="cp1252")
    got = read_realisasi(path, plan())
    assert got.indikator == [
        RealisasiIndikator(kode="2.15.02", indikator="Persentase ruas jalan berambu",
                           triwulan=[D("62.5"), D(70), None, None]),
        RealisasiIndikator(kode="2.15.02.2.01.0001", indikator="Jumlah laporan yang disusun",
                           triwulan=[D(3), None, None, None])]
    assert got.anggaran == [RealisasiAnggaran(kode="2.15.02.2.01.0001",
                                              triwulan=[20_000_000, 25_500_000, None, None])]


def test_every_problem_is_named_with_its_line_and_nothing_is_read(tmp_path: Path):
    path = tmp_path / "realisasi.csv"
    path.write_text(
        "kode,indikator,triwulan,realisasi\n"
        "2.15.02,Persentase ruas jalan berambu,1,60\n"
        "9.99.99,Persentase ruas jalan berambu,1,60\n"
        "2.15.02,Jumlah rambu,1,3\n"
        "2.15.02,Persentase ruas jalan berambu,V,60\n"
        "2.15.02,Persentase ruas jalan berambu,1,61\n"
        "2.15.02,Persentase ruas jalan berambu,2,enam puluh\n", encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        read_realisasi(path, plan())
    assert exc.value.message("id") == (
        "realisasi.csv: baris 3: kode 9.99.99 tidak ada dalam Renja ini; "
        "realisasi.csv: baris 4: 2.15.02 tidak memiliki indikator 'Jumlah rambu'; "
        "realisasi.csv: baris 5: triwulan 'v' bukan 1–4 atau I–IV; "
        "realisasi.csv: baris 6: 2.15.02 'Persentase ruas jalan berambu': triwulan 1 diisi "
        "dua kali; "
        "realisasi.csv: baris 7: 'enam puluh' bukan angka")


def test_json_is_checked_against_the_plan_too(tmp_path: Path):
    path = tmp_path / "realisasi.json"
    path.write_text(reported().model_dump_json(), encoding="utf-8")
    assert read_realisasi(path, plan()) == reported()
    other = Realisasi(tahun=2024, anggaran=[RealisasiAnggaran(kode="1.01.01.2.01.0001")])
    path.write_text(other.model_dump_json(), encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        read_realisasi(path, plan())
    assert exc.value.message("id") == ("realisasi.json: tahun 2024 bukan tahun Renja (2025); "
                                       "realisasi.json: kode 1.01.01.2.01.0001 tidak ada "
                                       "dalam Renja ini")
