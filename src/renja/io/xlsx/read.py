"""Read a Renja workbook in the official layout: one sheet per table.

Each sheet becomes a :class:`~renja.io.grid.Block` (title rows as caption, merged header
cells resolved, numbers written the way documents print them) and goes through the same
table recognisers as text extracted from PDF.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from renja.domain import Source
from renja.errors import FormatError
from renja.io.grid import Block, Cell, GridRow, clean, is_column_number_row
from renja.io.metadata import plan_from_titles
from renja.io.report import ImportResult, Report
from renja.io.tables.assemble import TableSet
from renja.io.text.blocks import block_from_rows
from renja.numbers import format_number

_MONEY_LABEL = re.compile(r"pagu|dana|anggaran|belanja|rp\b|rupiah", re.IGNORECASE)
_CODE_LABEL = re.compile(r"^kode", re.IGNORECASE)
RawCell = tuple[Any, str, str]  # value, number format, coordinate


def read_xlsx(path: str | Path) -> ImportResult:
    path = Path(path)
    try:
        workbook = load_workbook(path, data_only=True, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise FormatError(
            f"{path.name}: not a readable XLSX workbook (damaged, or another format saved "
            f"with an .xlsx name)",
            f"{path.name}: bukan buku kerja XLSX yang dapat dibaca (rusak, atau format lain "
            f"yang dinamai .xlsx)") from exc
    report = Report()
    tables = TableSet(report, path.name)
    titles: list[str] = []
    for sheet in workbook.worksheets:
        block = _sheet_block(sheet, path.name)
        if block is None:
            continue
        titles.extend(block.caption)
        titles.extend(f"Nama Perangkat Daerah : {note}" for _, note in block.notes)
        if tables.add(block) is None:
            report.add(Source(file=path.name, sheet=sheet.title),
                       f"sheet '{sheet.title}' is not a Renja table; left out",
                       f"lembar '{sheet.title}' bukan tabel Renja; tidak dimasukkan")
    renja = plan_from_titles(titles, tables.header_years(), path.name)
    tables.finish(renja)
    return ImportResult(renja, report)


def _sheet_block(sheet: Worksheet, file: str) -> Block | None:
    raw = _raw_rows(sheet)
    if not raw:
        return None
    start = _table_start(raw)
    caption, notes = _caption(raw[:start], sheet, file)
    provisional = [_row(r, sheet.title, file, None) for r in raw[start:]]
    block = block_from_rows(provisional, [f"Sheet {sheet.title}", *caption])
    labels = block.column_labels()
    rows = [_row(r, sheet.title, file, labels) for r in raw[start:]]
    block = block_from_rows(rows, caption if caption else [sheet.title])
    block.notes = notes
    return block


def _raw_rows(sheet: Worksheet) -> list[list[RawCell]]:
    """Every row as (value, number format, coordinate); merged areas keep only their first cell."""
    rows = []
    for row in sheet.iter_rows():
        cells = [(c.value, c.number_format or "General", c.coordinate) for c in row
                 if hasattr(c, "coordinate")]
        rows.append(cells)
    return rows


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
    if _CODE_LABEL.match(label):
        return _code(number)
    if "%" in fmt:
        return format_number(number * 100) + "%"
    if _MONEY_LABEL.search(label) and number == 0:
        return "-"
    if _MONEY_LABEL.search(label) and number == number.to_integral_value() and abs(number) >= 1000:
        return format_number(int(number))
    return format(number.normalize(), "f").replace(".", ",") if number != 0 else "0"


def _code(number: Decimal) -> str:
    """A code typed as a number: ``5030220102`` stays whole; ``5.03`` keeps two decimals."""
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number:.2f}"


__all__ = ["is_column_number_row", "read_xlsx"]
