"""A hand-typed T-C.33 workbook as agencies make them: a two-row header whose money header is
one cell merged over the label column (Belanja operasi/pegawai/…) and the amount column, the
column-number row merged the same way, no "Uraian | Jumlah (Rp)" sub-row, numbers as numbers."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from renja.domain import Belanja, PlanNode, Renja

MONEY = "#,##0"
BELANJA = (("operasi", "Belanja Operasi"), ("pegawai", "Belanja Pegawai"),
           ("barang_jasa", "Belanja Barang dan Jasa"), ("modal", "Belanja Modal"))


def write(renja: Renja, path: Path, total_in_kode: bool = True) -> Path:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "T-C.33"
    n = renja.tahun
    sheet["A1"] = (f"Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {n} dan "
                   f"Prakiraan Maju Tahun {n + 1}")
    sheet["A2"] = f"{renja.pemda.nama}"
    sheet["A3"] = f"Nama Perangkat Daerah : {renja.perangkat_daerah.singkatan}"
    top = 5
    heads = {"A": "Kode", "B": "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/"
             "Sub Kegiatan", "C": "Indikator Kinerja Program/Kegiatan/Sub Kegiatan",
             "I": "Catatan Penting"}
    for column, text in heads.items():
        sheet[f"{column}{top}"] = text
        sheet.merge_cells(f"{column}{top}:{column}{top + 1}")
    sheet[f"D{top}"] = f"Rencana Tahun {n}"
    sheet.merge_cells(f"D{top}:H{top}")
    sheet[f"J{top}"] = f"Prakiraan Maju Rencana Tahun {n + 1}"
    sheet.merge_cells(f"J{top}:L{top}")
    for column, text in (("D", "Lokasi"), ("E", "Target Capaian Kinerja"),
                         ("F", "Kebutuhan Dana/Pagu Indikatif (Rp)"), ("H", "Sumber Dana"),
                         ("J", "Target Capaian Kinerja"),
                         ("K", "Kebutuhan Dana/Pagu Indikatif (Rp)")):
        sheet[f"{column}{top + 1}"] = text
    sheet.merge_cells(f"F{top + 1}:G{top + 1}")
    sheet.merge_cells(f"K{top + 1}:L{top + 1}")
    numbers = {"A": "(1)", "B": "(2)", "C": "(3)", "D": "(4)", "E": "(5)", "F": "(6)",
               "H": "(7)", "I": "(8)", "J": "(9)", "K": "(10)"}
    for column, text in numbers.items():
        sheet[f"{column}{top + 2}"] = text
    sheet.merge_cells(f"F{top + 2}:G{top + 2}")
    sheet.merge_cells(f"K{top + 2}:L{top + 2}")
    row = top + 3
    for node in renja.rencana.walk():
        row = _node(sheet, node, row)
    total = renja.rencana.total
    if total is not None:
        sheet[f"{'A' if total_in_kode else 'B'}{row}"] = "JUMLAH TOTAL"
        _money(sheet, row, total.pagu_n, total.pagu_n1)
        row = _breakdown(sheet, row + 1, total.belanja_n, total.belanja_n1)
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)
    return path


def _node(sheet: Worksheet, node: PlanNode, row: int) -> int:
    sheet[f"A{row}"] = node.kode
    sheet[f"B{row}"] = node.nama
    first = node.indikator[0] if node.indikator else None
    if first is not None:
        sheet[f"C{row}"] = first.nama
        sheet[f"E{row}"] = first.target_n.text if first.target_n else None
        sheet[f"J{row}"] = first.target_n1.text if first.target_n1 else None
    sheet[f"D{row}"] = node.lokasi
    sheet[f"H{row}"] = node.sumber_dana
    _money(sheet, row, node.pagu_n, node.pagu_n1)
    row += 1
    for ind in node.indikator[1:]:
        sheet[f"C{row}"] = ind.nama
        sheet[f"E{row}"] = ind.target_n.text if ind.target_n else None
        sheet[f"J{row}"] = ind.target_n1.text if ind.target_n1 else None
        row += 1
    return _breakdown(sheet, row, node.belanja_n, node.belanja_n1)


def _money(sheet: Worksheet, row: int, n: int | None, n1: int | None) -> None:
    for column, value in (("G", n), ("L", n1)):
        if value is not None:
            sheet[f"{column}{row}"] = value
            sheet[f"{column}{row}"].number_format = MONEY


def _breakdown(sheet: Worksheet, row: int, n: Belanja, n1: Belanja) -> int:
    for field, label in BELANJA:
        a, b = getattr(n, field), getattr(n1, field)
        if a is None and b is None:
            continue
        sheet[f"F{row}"] = label
        sheet[f"K{row}"] = label
        _money(sheet, row, a, b)
        row += 1
    return row
