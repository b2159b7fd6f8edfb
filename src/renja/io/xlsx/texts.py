"""The "Teks" sheet: what a Renja says outside its tables, so our workbooks import back whole.

One row per piece, in document order: the legal basis (``dasar_hukum``, as renja/1 JSON),
each chapter (``bab``) and section (``bagian``) with its number, title and text, the important
issues (``isu``), policies (``kebijakan``) and the list of programs and activities of
chapter 3.3 (``daftar``: number, level, name). Texts longer than an Excel cell holds continue
on ``lanjutan`` rows.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet
from pydantic import ValidationError

from renja.codes import LEVELS
from renja.domain import Bab, Bagian, DaftarItem, Peraturan, Renja, Source
from renja.io.report import Report

TITLE = "Teks"
HEADER = ["jenis", "nomor", "judul", "teks"]
CELL_LIMIT = 32_000  # Excel holds 32,767 characters in a cell


def write_texts(sheet: Worksheet, renja: Renja) -> None:
    sheet.append(["Teks Renja di luar tabel (bab, bagian, isu penting, kebijakan, daftar "
                  "program): dibaca kembali oleh renja import"])
    sheet.append(HEADER)
    if renja.dasar_hukum is not None:
        _append(sheet, "dasar_hukum", "", "",
                renja.dasar_hukum.model_dump_json(exclude_none=True, exclude={"provenance"}))
    for bab in renja.bab:
        _append(sheet, "bab", bab.nomor, bab.judul, bab.teks)
        for bagian in bab.bagian:
            _append(sheet, "bagian", bagian.nomor or "", bagian.judul, bagian.teks)
    for isu in renja.isu_penting:
        _append(sheet, "isu", "", "", isu)
    for kebijakan in renja.kebijakan:
        _append(sheet, "kebijakan", "", "", kebijakan)
    for item in renja.daftar_program.rows:
        _append(sheet, "daftar", item.nomor or "", item.level or "", item.nama)
    for column, width in zip("ABCD", (12, 10, 50, 100), strict=True):
        sheet.column_dimensions[column].width = width


def _append(sheet: Worksheet, jenis: str, nomor: str, judul: str, teks: str) -> None:
    chunks = [teks[i:i + CELL_LIMIT] for i in range(0, len(teks), CELL_LIMIT)] or [""]
    sheet.append([jenis, nomor, judul, chunks[0]])
    for chunk in chunks[1:]:
        sheet.append(["lanjutan", "", "", chunk])


def is_text_sheet(sheet: Worksheet) -> bool:
    header = next(sheet.iter_rows(min_row=2, max_row=2, max_col=4, values_only=True), None)
    return sheet.title == TITLE and header is not None and list(header) == HEADER


def read_texts(sheet: Worksheet, renja: Renja, file: str, report: Report) -> None:
    """Put the sheet's texts into ``renja``; a row that cannot be read is reported."""
    for number, jenis, nomor, judul, teks in _rows(sheet):
        source = Source(file=file, sheet=TITLE, cell=f"A{number}")
        if jenis == "dasar_hukum":
            try:
                renja.dasar_hukum = Peraturan.model_validate_json(teks)
            except ValidationError:
                report.add(source, "the legal basis (dasar_hukum) is not readable JSON",
                           "dasar hukum (dasar_hukum) bukan JSON yang dapat dibaca")
        elif jenis == "bab":
            renja.bab.append(Bab(nomor=nomor, judul=judul, teks=teks))
        elif jenis == "bagian" and renja.bab:
            renja.bab[-1].bagian.append(Bagian(nomor=nomor or None, judul=judul, teks=teks))
        elif jenis == "bagian":
            report.add(source, "a section (bagian) before any chapter (bab); left out",
                       "bagian sebelum bab mana pun; tidak dimasukkan")
        elif jenis == "isu":
            renja.isu_penting.append(teks)
        elif jenis == "kebijakan":
            renja.kebijakan.append(teks)
        elif jenis == "daftar" and judul in ("", *LEVELS):
            renja.daftar_program.rows.append(DaftarItem(
                nomor=nomor or None, level=judul or None, nama=teks))
        elif jenis == "daftar":
            report.add(source, f"list item with unknown level '{judul}'; left out",
                       f"butir daftar dengan level '{judul}' yang tidak dikenal; tidak "
                       f"dimasukkan")
        elif jenis:
            report.add(source, f"row of kind '{jenis}' is not understood; left out",
                       f"baris berjenis '{jenis}' tidak dikenali; tidak dimasukkan")


def _rows(sheet: Worksheet) -> list[tuple[int, str, str, str, str]]:
    """(row number, jenis, nomor, judul, teks), ``lanjutan`` rows joined to the row above."""
    rows: list[tuple[int, str, str, str, str]] = []
    for number, row in enumerate(sheet.iter_rows(min_row=3, max_col=4, values_only=True),
                                 start=3):
        jenis, nomor, judul, teks = (("" if v is None else str(v)) for v in row)
        if jenis == "lanjutan" and rows:
            at, kind, number_above, title, text = rows[-1]
            rows[-1] = (at, kind, number_above, title, text + teks)
        else:
            rows.append((number, jenis, nomor, judul, teks))
    return rows
