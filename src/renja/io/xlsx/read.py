"""Read a Renja workbook in the official layout: one sheet per table.

Each sheet becomes a :class:`~renja.io.grid.Block` (title rows as caption, merged header
cells resolved, numbers written the way documents print them) and goes through the same
table recognisers as text extracted from PDF.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from renja.domain import TAHAPAN, Renja, Source
from renja.errors import FormatError
from renja.io.grid import Block, Cell, GridRow, clean, is_column_number_row
from renja.io.metadata import plan_from_titles
from renja.io.polarity import apply_stated_polarity
from renja.io.report import ImportResult, Report
from renja.io.tables.assemble import TableSet
from renja.io.text.blocks import block_from_rows
from renja.io.xlsx.formula import FormulaError, evaluate
from renja.io.xlsx.limits import check_package, check_size
from renja.io.xlsx.texts import is_text_sheet, read_texts
from renja.numbers import format_number

_MONEY_LABEL = re.compile(r"pagu|dana|anggaran|belanja|rp\b|rupiah", re.IGNORECASE)
_CODE_LABEL = re.compile(r"^kode", re.IGNORECASE)
RawCell = tuple[Any, str, str]  # value, number format, coordinate
_SUFFIX = re.compile(r'"([^"]+)"\s*$')
_THOUSANDS_FORMAT = re.compile(r"#[,.]##0")  # a number shown with thousands separators
MAX_CHAIN = 60


def read_xlsx(path: str | Path) -> ImportResult:
    path = Path(path)
    check_package(path)
    try:
        # from the bytes, so a workbook saved under another name (.txt, .xls) is read too
        data = path.read_bytes()
        workbook = load_workbook(io.BytesIO(data), data_only=False, read_only=False)
        cached = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise FormatError(
            f"{path.name}: not a readable XLSX workbook (damaged, or another format saved "
            f"with an .xlsx name)",
            f"{path.name}: bukan buku kerja XLSX yang dapat dibaca (rusak, atau format lain "
            f"yang dinamai .xlsx)") from exc
    return read_workbook(workbook, cached, path.name)


def read_workbook(workbook: Any, cached: Any, name: str) -> ImportResult:
    """A Renja from an open workbook (``cached``: the same with the values Excel saved)."""
    report = Report()
    tables = TableSet(report, name)
    titles: list[str] = []
    info: dict[str, str] = {}
    traits: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    text_sheet: Worksheet | None = None
    for sheet in workbook.worksheets:
        check_size(sheet.title, sheet.max_row, sheet.max_column, name)
        values = Values(sheet, cached[sheet.title], report, name)
        if _is_info(sheet):
            info = _read_info(sheet)
            continue
        if _is_indicator_sheet(sheet):
            traits = _read_traits(sheet)
            continue
        if is_text_sheet(sheet):
            text_sheet = sheet
            continue
        block = _sheet_block(sheet, name, values)
        if block is None:
            continue
        titles.extend(block.caption)
        titles.extend(f"Nama Perangkat Daerah : {note}" for _, note in block.notes)
        if tables.add(block) is None:
            report.add(Source(file=name, sheet=sheet.title),
                       f"sheet '{sheet.title}' is not a Renja table; left out",
                       f"lembar '{sheet.title}' bukan tabel Renja; tidak dimasukkan")
    if info.get("Rencana Kerja"):
        titles.insert(0, info["Rencana Kerja"])
    renja = plan_from_titles(titles, tables.header_years(), name)
    _apply_info(renja, info)
    tables.finish(renja)
    _apply_traits(renja, traits)
    if text_sheet is not None:
        read_texts(text_sheet, renja, name, report)
        apply_stated_polarity(renja, report, name)
    return ImportResult(renja, report)


def _sheet_block(sheet: Worksheet, file: str, values: Values) -> Block | None:
    raw = _raw_rows(sheet, values)
    if not raw:
        return None
    start = _table_start(raw)
    caption, notes = _caption(raw[:start], sheet, file)
    provisional = [_row(r, sheet.title, file, None) for r in raw[start:]]
    block = block_from_rows(provisional, [f"Sheet {sheet.title}", *caption])
    labels = _merged_labels(sheet, block, block.column_labels())
    rows = [_row(r, sheet.title, file, labels) for r in raw[start:]]
    block = block_from_rows(rows, caption if caption else [sheet.title])
    block.notes = notes
    return block


def _merged_labels(sheet: Worksheet, block: Block, labels: list[str]) -> list[str]:
    """Column labels with each merged header cell carried to every column it spans, in every
    header row (a money header merged over the label column and the amount column)."""
    rows = {_row_number(r.source.cell) for r in block.header if r.source and r.source.cell}
    labels = list(labels)
    for area in sheet.merged_cells.ranges:
        if area.min_row not in rows:
            continue
        text = _text(sheet.cell(area.min_row, area.min_col).value).strip()
        for column in range(area.min_col, area.max_col + 1):
            while len(labels) < column:
                labels.append("")
            if text and text not in labels[column - 1]:
                labels[column - 1] = f"{labels[column - 1]} {text}".strip()
    return labels


def _row_number(coordinate: str) -> int:
    return int("".join(ch for ch in coordinate if ch.isdigit()) or 0)


def _raw_rows(sheet: Worksheet, values: Values) -> list[list[RawCell]]:
    """Every row as (value, number format, coordinate); merged areas keep only their first cell."""
    rows = []
    for row in sheet.iter_rows():
        cells = [(values.get(c.coordinate), c.number_format or "General", c.coordinate)
                 for c in row if hasattr(c, "coordinate")]
        rows.append(cells)
    return rows


class Values:
    """Cell values: saved results where Excel saved them, else formulas computed here."""

    def __init__(self, sheet: Worksheet, cached: Worksheet, report: Report, file: str) -> None:
        self.sheet, self.cached, self.report, self.file = sheet, cached, report, file
        self.done: dict[str, Any] = {}
        self.chain = 0  # formulas being computed inside each other (A1 = B1 + 1, B1 = …)

    def get(self, coordinate: str) -> Any:
        if coordinate in self.done:
            return self.done[coordinate]
        raw = self.sheet[coordinate].value
        value = raw
        if isinstance(raw, str) and raw.startswith("="):
            value = self.cached[coordinate].value
            if value is None:
                self.done[coordinate] = None  # guards against circular references
                value = self._compute(coordinate, raw)
        self.done[coordinate] = value
        return value

    def _compute(self, coordinate: str, formula: str) -> Any:
        self.chain += 1
        try:
            if self.chain > MAX_CHAIN:
                raise FormulaError(f"refers to formulas more than {MAX_CHAIN} deep")
            return evaluate(formula, self.get)
        except FormulaError as exc:
            shown = formula if len(formula) <= 60 else formula[:59] + "…"
            self.report.add(Source(file=self.file, sheet=self.sheet.title, cell=coordinate),
                            f"formula {shown} could not be computed ({exc})",
                            f"rumus {shown} tidak dapat dihitung ({exc})")
            return None
        finally:
            self.chain -= 1


def _is_indicator_sheet(sheet: Worksheet) -> bool:
    header = [c for c in next(sheet.iter_rows(min_row=2, max_row=2, values_only=True), ())]
    return sheet.title.lower() == "indikator" and header[:5] == [
        "tabel", "kode", "indikator", "polaritas", "agregasi"]


def _read_traits(sheet: Worksheet) -> dict[tuple[str, str, str], tuple[str | None, str | None]]:
    return {(str(t), str(k), str(i)): (str(p) if p else None, str(a) if a else None)
            for t, k, i, p, a in sheet.iter_rows(min_row=3, max_col=5, values_only=True) if t}


def _apply_traits(renja: Renja,
                  traits: dict[tuple[str, str, str], tuple[str | None, str | None]]) -> None:
    """Polarity and aggregation from our own workbooks' Indikator sheet."""
    if not traits:
        return
    rows: list[tuple[str, str | None, Any]] = [
        ("tc33", n.kode, i) for n in renja.rencana.walk() for i in n.indikator]
    rows += [("tc29", r.kode, i) for r in renja.tc29.rows for i in r.indikator]
    for table, kode, ind in rows:
        found = traits.get((table, str(kode), ind.nama))
        if found is None:
            continue
        if found[0] in ("positif", "negatif"):
            ind.polaritas = found[0]
        if found[1] in ("jumlah", "terakhir", "rata_rata"):
            ind.agregasi = found[1]


def _is_info(sheet: Worksheet) -> bool:
    return sheet.title.lower() == "info" and any(
        row[0] == "format" and row[1] == "renja/1"
        for row in sheet.iter_rows(max_col=2, values_only=True))


def _read_info(sheet: Worksheet) -> dict[str, str]:
    return {str(k): "" if v is None else str(v)
            for k, v in sheet.iter_rows(max_col=2, values_only=True) if k}


def _apply_info(renja: Renja, info: dict[str, str]) -> None:
    """The metadata our own workbooks carry on their Info sheet."""
    if not info:
        return
    if info.get("tahun", "").isdigit():
        renja.tahun = int(info["tahun"])
    if info.get("tahapan") in TAHAPAN:
        renja.tahapan = info["tahapan"]  # type: ignore[assignment]
    renja.pemda.nama = info.get("pemda") or renja.pemda.nama
    if info.get("jenis_pemda") in ("provinsi", "kabupaten", "kota"):
        renja.pemda.jenis = info["jenis_pemda"]  # type: ignore[assignment]
    renja.pemda.provinsi = info.get("provinsi") or renja.pemda.provinsi
    pd = renja.perangkat_daerah
    pd.nama = info.get("perangkat_daerah") or pd.nama
    pd.singkatan = info.get("singkatan") or pd.singkatan
    pd.bidang = info.get("bidang") or pd.bidang
    renja.nomenklatur_versi = info.get("nomenklatur_versi") or renja.nomenklatur_versi


def _table_start(raw: list[list[RawCell]]) -> int:
    """The first row of the table: the first with two or more filled cells."""
    for index, row in enumerate(raw):
        if sum(1 for value, _, _ in row if _text(value)) >= 2:
            return index
    return len(raw)


def _caption(raw: list[list[RawCell]], sheet: Worksheet, file: str
             ) -> tuple[list[str], list[tuple[Source, str]]]:
    caption: list[str] = []
    notes: list[tuple[Source, str]] = []
    for row in raw:
        for value, _, coordinate in row:
            text = clean(_text(value))
            if not text:
                continue
            source = Source(file=file, sheet=sheet.title, cell=coordinate)
            match = re.match(r"^Nama\s+(?:Perangkat Daerah|OPD|SKPD)\s*:\s*(.+)$", text, re.I)
            if match:
                notes.append((source, match.group(1).strip()))
            else:
                caption.append(text)
    return caption, notes


def _row(raw: list[RawCell], sheet: str, file: str, labels: list[str] | None) -> GridRow:
    cells = []
    for index, (value, fmt, coordinate) in enumerate(raw):
        label = labels[index] if labels is not None and index < len(labels) else ""
        cells.append(Cell(clean(_format(value, fmt, label)),
                          Source(file=file, sheet=sheet, cell=coordinate)))
    while cells and not cells[-1].text:
        cells.pop()
    first = raw[0][2] if raw else "A1"
    return GridRow(cells, Source(file=file, sheet=sheet, cell=first))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _format(value: Any, fmt: str, label: str) -> str:
    """A cell value as a document would print it, judged by its column's label."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d-%m-%Y")
    if not isinstance(value, int | float | Decimal):
        return str(value)
    number = Decimal(str(value))
    if not number.is_finite():  # NaN or infinity typed in a cell: printed as typed
        return str(value)
    if _CODE_LABEL.match(label):
        return _code(number)
    suffix = _SUFFIX.search(fmt.split(";")[0])
    if suffix:
        unit = suffix.group(1)
        return format_number(number) + unit
    if "%" in fmt:
        return format_number(number * 100) + "%"
    money = _MONEY_LABEL.search(label) or _THOUSANDS_FORMAT.search(fmt)
    if money and number == 0:
        return "-"
    if money and number == number.to_integral_value() and abs(number) >= 1000:
        return format_number(int(number))
    return format(number.normalize(), "f").replace(".", ",") if number != 0 else "0"


def _code(number: Decimal) -> str:
    """A code typed as a number: ``5030220102`` stays whole; ``5.03`` keeps two decimals."""
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number:.2f}"


__all__ = ["is_column_number_row", "read_xlsx"]
