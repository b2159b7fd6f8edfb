"""Reading a Renstra's Tabel T-C.27 from a workbook as agencies type it.

The header may take one, two or three rows (*Target Kinerja Program dan Kerangka Pendanaan*
merged over the years, each year merged over its K and Rp, then ``Target``/``Rp`` or ``K``/``Rp``)
and may be followed by a row of column numbers. Years are named by the year (``2025``) or by
their place (``Tahun-1``, ``Tahun ke-1``; the period's first year then comes from the title,
``2025-2029``, or from ``tahun_awal``). Money is in Rupiah unless the header says otherwise
(``(Rp 000)``, ``dalam ribuan rupiah``, ``Rp juta``). Tujuan and sasaran may be merged over the
rows they cover; a line without code and name adds an indicator to the row above it. Codes
dotted or undotted; a code Excel turned into ``5,03E+09`` is refused with its line, as is any
value that cannot be read. Nothing is returned when anything is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from renja.codes.kode import DamagedKode, parse_kode_or_damaged
from renja.domain.renstra import PERIOD_YEARS, Renstra, RenstraIndikator, RenstraRow
from renja.domain.target import Target, parse_target
from renja.errors import FormatError, RenjaError
from renja.numbers import format_number, money_scale, money_unit_label, parse_rupiah

MAX_PROBLEMS = 10
HEADER_SCAN = 20
_YEAR = re.compile(r"\b(20\d\d)\b")
_PLACE = re.compile(r"\btahun\s*(?:ke)?\s*[-–]?\s*([1-5])\b", re.IGNORECASE)
_PERIOD = re.compile(r"\b(20\d\d)\s*[-–/s.d]+\s*(20\d\d)\b")
_MONEY = re.compile(r"\b(rp|pagu|dana|anggaran|pendanaan)\b", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_LEVELS = {"program", "kegiatan", "sub_kegiatan"}
_TOTAL = re.compile(r"^(jumlah|total)\b", re.IGNORECASE)


@dataclass
class Columns:
    tujuan: int | None = None
    sasaran: int | None = None
    kode: int | None = None
    nama: int | None = None
    indikator: int | None = None
    satuan: int | None = None
    awal: int | None = None
    target: dict[int, int] = field(default_factory=dict)  # year place 0–4 → column
    pagu: dict[int, int] = field(default_factory=dict)
    akhir: int | None = None
    akhir_pagu: int | None = None
    unit: int | None = None
    lokasi: int | None = None


def read_renstra(path: str | Path, tahun_awal: int | None = None,
                 perangkat_daerah: str = "", pemda: str = "") -> Renstra:
    """The T-C.27 of the first sheet that has one, or :class:`FormatError` naming each problem
    (up to ten) with its file and row."""
    path = Path(path)
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # a damaged file: say so, whatever broke inside openpyxl
        raise FormatError(f"{path.name}: not a readable XLSX workbook",
                          f"{path.name}: bukan buku kerja XLSX yang dapat dibaca") from exc
    for sheet in book.worksheets:
        grid = _grid(sheet)
        start = _header_start(grid)
        if start is not None:
            return _read(grid, start, path.name, tahun_awal, perangkat_daerah, pemda)
    raise FormatError(f"{path.name}: no T-C.27 table (a header with 'kode' and 'indikator')",
                      f"{path.name}: tidak ada tabel T-C.27 (baris judul dengan kolom 'kode' "
                      "dan 'indikator')")


def _grid(sheet: Worksheet) -> list[list[Any]]:
    """The sheet's values; a merged header cell's text in every cell it spans (values of
    merged body cells stay in their first cell: a tujuan merged down is read once)."""
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    for area in sheet.merged_cells.ranges:
        value = sheet.cell(area.min_row, area.min_col).value
        if area.min_row > HEADER_SCAN + 4:
            continue
        for r in range(area.min_row, area.max_row + 1):
            for c in range(area.min_col, area.max_col + 1):
                if r - 1 < len(rows) and c - 1 < len(rows[r - 1]) and (r, c) != (
                        area.min_row, area.min_col) and area.max_col > area.min_col:
                    rows[r - 1][c - 1] = value
    return rows


def _text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _header_start(grid: list[list[Any]]) -> int | None:
    for index, row in enumerate(grid[:HEADER_SCAN]):
        texts = [_text(v).casefold() for v in row]
        if any(t.startswith("kode") for t in texts) and any("indikator" in t for t in texts):
            return index
    return None


def _is_column_numbers(row: list[Any]) -> bool:
    texts = [_text(v) for v in row if _text(v)]
    return len(texts) >= 3 and all(_COLUMN_NUMBER.match(t) for t in texts)


def _read(grid: list[list[Any]], start: int, name: str, tahun_awal: int | None,
          perangkat_daerah: str, pemda: str) -> Renstra:
    header_rows = _header_rows(grid, start)
    width = max(len(r) for r in grid[start:start + header_rows])
    labels = [[_text(grid[start + i][c]) if c < len(grid[start + i]) else ""
               for i in range(header_rows)] for c in range(width)]
    columns, years = _columns(labels)
    whole = " ".join(t for column in labels for t in column)
    scale = money_scale(money_unit_label(whole))
    first = _first_year(years, grid[:start], tahun_awal, name)
    for mapping in (columns.target, columns.pagu):  # calendar years to places in the period
        for key in [k for k in mapping if k >= 2000]:
            mapping[key - first] = mapping.pop(key)
    body = start + header_rows
    problems: list[tuple[str, str]] = []
    rows: list[RenstraRow] = []
    for offset, values in enumerate(grid[body:], start=body + 1):
        if not any(_text(v) for v in values) or _is_column_numbers(values):
            continue
        try:
            _line(values, offset, columns, scale, rows)
        except RenjaError as exc:
            problems.append((f"{name}: row {offset}: {exc.message('en')}",
                             f"{name}: baris {offset}: {exc.message('id')}"))
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        tail_en = f"\n… and {more} more" if more else ""
        tail_id = f"\n… dan {more} lagi" if more else ""
        raise FormatError("\n".join(p[0] for p in shown) + tail_en,
                          "\n".join(p[1] for p in shown) + tail_id)
    if not any(row.kode for row in rows):
        raise FormatError(f"{name}: the T-C.27 table has no program or kegiatan with a code",
                          f"{name}: tabel T-C.27 tidak memuat program atau kegiatan berkode")
    try:
        return Renstra(pemda=pemda, perangkat_daerah=perangkat_daerah, tahun_awal=first,
                       rows=rows)
    except ValueError as exc:
        raise FormatError(f"{name}: {exc}", f"{name}: {exc}") from exc


def _header_rows(grid: list[list[Any]], start: int) -> int:
    """How many rows the header takes: the first row, and the rows under it whose name and
    code columns are empty (under merged header cells) or hold header words."""
    count = 1
    first = [_text(v).casefold() for v in grid[start]]
    kode = next(i for i, t in enumerate(first) if t.startswith("kode"))
    while start + count < len(grid) and count < 4:
        row = grid[start + count]
        if _is_column_numbers(row):
            break
        texts = [_text(v).casefold() for v in row]
        words = [t for t in texts if t]
        code_cell = texts[kode] if kode < len(texts) else ""
        if not words or (code_cell and code_cell != first[kode]):
            break
        if not all(_YEAR.search(t) or _PLACE.search(t) or _MONEY.search(t) or
                   t in ("k", "target", "kinerja", "realisasi", "satuan") or t in first
                   for t in words):
            break
        count += 1
    return count


def _columns(labels: list[list[str]]) -> tuple[Columns, dict[int, int]]:
    """Each column's role from its header texts (top to bottom); the years named."""
    found = Columns()
    years: dict[int, int] = {}  # year place → the calendar year, where the header names it
    for index, texts in enumerate(labels):
        whole = " ".join(texts).casefold()
        last = next((t.casefold() for t in reversed(texts) if t), "")
        if not whole:
            continue
        money = bool(_MONEY.search(last)) and "kinerja" not in last
        if "indikator" in whole:
            found.indikator = _first(found.indikator, index)
        elif whole.startswith("kode"):
            found.kode = _first(found.kode, index)
        elif "tujuan" in whole and "sasaran" not in whole:
            found.tujuan = _first(found.tujuan, index)
        elif "sasaran" in whole and "program" not in whole:
            found.sasaran = _first(found.sasaran, index)
        elif "satuan" in whole and "kerja" not in whole:
            found.satuan = _first(found.satuan, index)
        elif "awal" in whole or "baseline" in whole:
            found.awal = _first(found.awal, index)
        elif "akhir" in whole:
            if money:
                found.akhir_pagu = _first(found.akhir_pagu, index)
            else:
                found.akhir = _first(found.akhir, index)
        elif "unit" in whole or "penanggung" in whole:
            found.unit = _first(found.unit, index)
        elif "lokasi" in whole:
            found.lokasi = _first(found.lokasi, index)
        elif (place := _year_place(texts)) is not None:
            key, year = place
            if year is not None:
                years[key] = year
            target = found.pagu if money else found.target
            target.setdefault(key, index)
        elif "program" in whole or "kegiatan" in whole or "uraian" in whole:
            found.nama = _first(found.nama, index)
    if found.kode is None or found.indikator is None or found.nama is None:
        missing = [n for n, c in (("kode", found.kode), ("program dan kegiatan", found.nama),
                                  ("indikator", found.indikator)) if c is None]
        raise FormatError(f"T-C.27 header without column {', '.join(missing)}",
                          f"judul tabel T-C.27 tanpa kolom {', '.join(missing)}")
    return found, years


def _first(current: int | None, index: int) -> int:
    return index if current is None else current


def _year_place(texts: list[str]) -> tuple[int, int | None] | None:
    """The year a column belongs to: by calendar year (place filled in later) or by place."""
    for text in texts:
        if match := _PLACE.search(text):
            named = _YEAR.search(text)
            return int(match.group(1)) - 1, int(named.group(1)) if named else None
    for text in texts:
        if match := _YEAR.search(text):
            calendar = int(match.group(1))
            return calendar, calendar  # its place once the first year is known
    return None


def _first_year(years: dict[int, int], title: list[list[Any]], stated: int | None,
                name: str) -> int:
    by_place = {k: v for k, v in years.items() if k < PERIOD_YEARS}
    if by_place:
        return min(v - k for k, v in by_place.items())
    calendar = sorted(years.values())
    if calendar:
        return calendar[0]
    if stated is not None:
        return stated
    for row in title:
        for value in row:
            if match := _PERIOD.search(_text(value)):
                return int(match.group(1))
    raise FormatError(f"{name}: the Renstra's years are named neither in the header nor in "
                      "the title; give the first year of the period",
                      f"{name}: tahun periode Renstra tidak disebut di judul kolom maupun "
                      "judul tabel; sebutkan tahun awal periode")


def _line(values: list[Any], number: int, columns: Columns, scale: int,
          rows: list[RenstraRow]) -> None:
    cell = _cells(values)
    kode_text = cell(columns.kode)
    nama = cell(columns.nama)
    if not kode_text and _TOTAL.match(nama):
        return  # the table's Jumlah: computed, not read
    created: RenstraRow | None = None
    for level, column in (("tujuan", columns.tujuan), ("sasaran", columns.sasaran)):
        text = cell(column)
        latest = next((r for r in reversed(rows) if r.level == level), None)
        if text and (latest is None or latest.nama != text):  # typed again on each row: once
            created = RenstraRow(level=level, nama=text, line=number)
            rows.append(created)
    if kode_text:
        kode = parse_kode_or_damaged(kode_text)
        if isinstance(kode, DamagedKode):
            raise RenjaError(f"code '{kode_text}' was damaged by Excel (scientific notation); "
                             "type the code as text",
                             f"kode '{kode_text}' rusak oleh Excel (notasi ilmiah); ketik kode "
                             "sebagai teks")
        if kode.level not in _LEVELS:
            return  # an urusan or bidang heading
        if not nama:
            raise RenjaError(f"code {kode.canonical} has no name",
                             f"kode {kode.canonical} tanpa nama")
        created = RenstraRow(level=kode.level, kode=kode.canonical, nama=nama,
                             line=number)
        rows.append(created)
    elif nama and not created:
        raise RenjaError(f"'{nama[:60]}' has no code", f"'{nama[:60]}' tanpa kode")
    row = created or (rows[-1] if rows else None)
    if row is None:
        raise RenjaError("a value before any tujuan, sasaran or program",
                         "nilai sebelum tujuan, sasaran atau program mana pun")
    _money(row, values, columns, scale)
    row.unit = row.unit or cell(columns.unit) or None
    row.lokasi = row.lokasi or cell(columns.lokasi) or None
    indicator = cell(columns.indikator)
    if indicator:
        row.indikator = [*row.indikator, _indicator(indicator, values, columns)]


def _cells(values: list[Any]) -> Any:
    def cell(index: int | None) -> str:
        return _text(values[index]) if index is not None and index < len(values) else ""
    return cell


def _money(row: RenstraRow, values: list[Any], columns: Columns, scale: int) -> None:
    years = list(row.pagu)
    for place, column in columns.pagu.items():
        if 0 <= place < PERIOD_YEARS and years[place] is None:
            years[place] = _rupiah(values, column, scale)
    row.pagu = years
    if row.pagu_akhir is None:
        row.pagu_akhir = _rupiah(values, columns.akhir_pagu, scale)


def _rupiah(values: list[Any], column: int | None, scale: int) -> int | None:
    if column is None or column >= len(values) or values[column] in (None, ""):
        return None
    value = values[column]
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return round(Decimal(str(value)) * scale)
    text = _text(value)
    if text in ("-", "–"):
        return 0
    return parse_rupiah(text) * scale


def _indicator(nama: str, values: list[Any], columns: Columns) -> RenstraIndikator:
    cell = _cells(values)
    satuan = cell(columns.satuan) or None
    targets: list[Target | None] = [None] * PERIOD_YEARS
    for place, column in columns.target.items():
        if 0 <= place < PERIOD_YEARS:
            targets[place] = _target(values, column, satuan)
    awal, akhir = _target(values, columns.awal, satuan), _target(values, columns.akhir, satuan)
    # T-C.27 has no satuan column: the unit is the one the targets are written with
    satuan = satuan or next((t.satuan for t in (*targets, akhir, awal) if t and t.satuan), None)
    return RenstraIndikator(nama=nama, satuan=satuan, kondisi_awal=awal, target=targets,
                            kondisi_akhir=akhir)


def _target(values: list[Any], column: int | None, satuan: str | None) -> Target | None:
    if column is None or column >= len(values) or values[column] in (None, ""):
        return None
    value = values[column]
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = Decimal(str(value))
        number = number.quantize(Decimal(1)) if number == number.to_integral_value() else \
            number.normalize()
        shown = format_number(number)
        return Target(text=f"{shown} {satuan}" if satuan else shown, value=number,
                      satuan=satuan)
    text = _text(value)
    found = parse_target(f"{text} {satuan}" if satuan and text[-1:].isdigit() else text)
    return found
