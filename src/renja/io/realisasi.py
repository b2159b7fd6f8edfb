"""Reading a plan's quarterly realisation from the files agencies keep.

Three shapes, recognised by their columns (header names in any case; the first row that has
a ``kode`` column is the header):

- the template renja writes (``renja realisasi template``): one line per indicator with
  ``Realisasi TW I`` … ``Realisasi TW IV`` and, on a sub kegiatan's first line,
  ``Anggaran TW I`` … ``Anggaran TW IV``;
- a plain sheet, one value per line: ``kode, indikator, triwulan, realisasi`` (and
  ``anggaran`` for money; a line with money and no indicator is money only);
- ``renja-realisasi/1`` JSON.

CSV (comma or semicolon, UTF-8 or Windows-1252) or XLSX. Every value is checked against the
plan: the row's code and the indicator's name must be the plan's; numbers are read the
Indonesian way (``1.234,5``); each problem names the file and the line. Nothing is returned
when anything is wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from pydantic import ValidationError

from renja.domain import Renja
from renja.domain.realisasi import (
    QUARTERS,
    Realisasi,
    RealisasiAnggaran,
    RealisasiIndikator,
)
from renja.errors import FormatError, RenjaError
from renja.io.csv.read import read_rows
from renja.numbers import parse_decimal, parse_rupiah

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
MAX_PROBLEMS = 10
MAX_BYTES = 10 * 1024 * 1024
_WIDE = re.compile(r"^(realisasi|anggaran)\s*(?:tw|triwulan)\s*([iv]+|[1-4])$")


def read_realisasi(path: str | Path, renja: Renja) -> Realisasi:
    """The realisation in ``path`` for ``renja``, or :class:`FormatError` naming every
    problem (up to ten) with its line."""
    path = Path(path)
    name = path.name
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise FormatError(f"{name}: larger than {MAX_BYTES // 1024 // 1024} MB",
                          f"{name}: lebih besar dari {MAX_BYTES // 1024 // 1024} MB")
    if not data.strip():
        raise FormatError(f"{name}: the file is empty", f"{name}: berkas kosong")
    if data.lstrip()[:1] == b"{":
        return _json(data, name, renja)
    rows = _xlsx_rows(path) if data[:2] == b"PK" else _csv_rows(data, name)
    return _from_rows(rows, name, renja)


def _json(data: bytes, name: str, renja: Renja) -> Realisasi:
    try:
        found = Realisasi.model_validate(json.loads(data))
    except (ValueError, ValidationError) as exc:
        raise FormatError(f"{name}: not renja-realisasi/1 JSON: {str(exc)[:200]}",
                          f"{name}: bukan JSON renja-realisasi/1: {str(exc)[:200]}") from exc
    _raise([(f"{name}: {en}", f"{name}: {id_}") for en, id_ in _unknown(found, renja)])
    return found


def _csv_rows(data: bytes, name: str) -> list[tuple[int, dict[str, str]]]:
    rows = read_rows(data, name, ("kode",))
    return [(line, {_key(k): v for k, v in row.items()}) for line, row in rows]


def _xlsx_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged file: say so, whatever broke inside openpyxl
        raise FormatError(f"{path.name}: not a readable XLSX workbook",
                          f"{path.name}: bukan buku kerja XLSX yang dapat dibaca") from exc
    sheet = book.worksheets[0]
    header: list[str] | None = None
    rows = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = ["" if v is None else v for v in values]
        if header is None:
            names = [_key(str(c)) for c in cells]
            if "kode" in names:
                header = names
            continue
        if any(str(c).strip() for c in cells):
            rows.append((number, {h: c for h, c in zip(header, cells, strict=False) if h}))
    book.close()
    if header is None:
        raise FormatError(f"{path.name}: no header row with a 'kode' column",
                          f"{path.name}: tidak ada baris judul dengan kolom 'kode'")
    return rows


def _key(label: str) -> str:
    return " ".join(label.replace("_", " ").replace(".", " ").split()).casefold()


def _from_rows(rows: list[tuple[int, dict[str, Any]]], name: str, renja: Renja) -> Realisasi:
    plan = _plan_index(renja)
    found = Realisasi(tahun=renja.tahun, perangkat_daerah=renja.perangkat_daerah.nama)
    problems: list[tuple[str, str]] = []
    indicators: dict[tuple[str, str], RealisasiIndikator] = {}
    money: dict[str, RealisasiAnggaran] = {}
    for line, row in rows:
        try:
            for kode, nama, quarter, value, rupiah in _values(row):
                if kode not in plan:
                    raise RenjaError(f"code {kode} is not in the plan",
                                     f"kode {kode} tidak ada dalam Renja ini")
                if nama:
                    official = plan[kode].get(" ".join(nama.split()).casefold())
                    if official is None:
                        raise RenjaError(f"{kode} has no indicator '{nama}'",
                                         f"{kode} tidak memiliki indikator '{nama}'")
                    if value is not None:
                        item = indicators.setdefault((kode, official), RealisasiIndikator(
                            kode=kode, indikator=official))
                        _put(item.triwulan, quarter, value, f"{kode} '{official}'")
                if rupiah is not None:
                    spent = money.setdefault(kode, RealisasiAnggaran(kode=kode))
                    _put(spent.triwulan, quarter, rupiah, f"{kode} anggaran")
        except RenjaError as exc:
            problems.append((f"{name}: line {line}: {exc.message('en')}",
                             f"{name}: baris {line}: {exc.message('id')}"))
    _raise(problems)
    found.indikator = list(indicators.values())
    found.anggaran = list(money.values())
    return found


def _values(row: dict[str, Any]) -> Iterator[tuple[str, str, int, Decimal | None, int | None]]:
    """(kode, indikator, triwulan, realisasi, anggaran) of one line, wide or long."""
    kode = str(row.get("kode", "")).strip()
    nama = str(row.get("indikator", "") or row.get("indikator kinerja", "")).strip()
    if not kode:
        raise RenjaError("no code", "kode kosong")
    wide = {(m.group(1), ROMAN[m.group(2)]): v for k, v in row.items()
            if (m := _WIDE.match(k)) and m.group(2) in ROMAN}
    if wide:
        for quarter in range(1, QUARTERS + 1):
            value = _decimal(wide.get(("realisasi", quarter)))
            rupiah = _rupiah(wide.get(("anggaran", quarter)))
            if value is not None or rupiah is not None:
                yield kode, nama, quarter, value, rupiah
        return
    quarter_text = str(row.get("triwulan", "") or row.get("tw", "")).strip().casefold()
    said = ROMAN.get(quarter_text.removeprefix("tw").strip())
    if said is None:
        raise RenjaError(f"quarter '{quarter_text}' is not 1–4 or I–IV",
                         f"triwulan '{quarter_text}' bukan 1–4 atau I–IV")
    yield kode, nama, said, _decimal(row.get("realisasi")), _rupiah(row.get("anggaran"))


def _decimal(value: Any) -> Decimal | None:
    if value is None or str(value).strip() in ("", "-"):
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    return parse_decimal(str(value).strip().rstrip("%").strip())


def _rupiah(value: Any) -> int | None:
    if value is None or str(value).strip() in ("", "-"):
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if Decimal(str(value)) != int(value):
            raise RenjaError(f"{value} is not whole Rupiah", f"{value} bukan Rupiah bulat")
        return int(value)
    return parse_rupiah(str(value))


def _put(quarters: list[Any], quarter: int, value: Any, what: str) -> None:
    if quarters[quarter - 1] is not None and quarters[quarter - 1] != value:
        raise RenjaError(f"{what}: triwulan {quarter} given twice",
                         f"{what}: triwulan {quarter} diisi dua kali")
    quarters[quarter - 1] = value


def _plan_index(renja: Renja) -> dict[str, dict[str, str]]:
    """Each row code of the plan → its indicators (matching key → name as the plan has it)."""
    index: dict[str, dict[str, str]] = {}
    for node in renja.rencana.walk():
        kode = node.kode or node.kode_asal
        if kode and node.level in ("program", "kegiatan", "sub_kegiatan"):
            index[kode] = {" ".join(i.nama.split()).casefold(): i.nama for i in node.indikator}
    return index


def _unknown(found: Realisasi, renja: Renja) -> Iterator[tuple[str, str]]:
    plan = _plan_index(renja)
    if found.tahun != renja.tahun:
        yield (f"year {found.tahun} is not the plan's ({renja.tahun})",
               f"tahun {found.tahun} bukan tahun Renja ({renja.tahun})")
    for kode, nama in [(i.kode, i.indikator) for i in found.indikator] + \
            [(a.kode, "") for a in found.anggaran]:
        if kode not in plan:
            yield f"code {kode} is not in the plan", f"kode {kode} tidak ada dalam Renja ini"
        elif nama and " ".join(nama.split()).casefold() not in plan[kode]:
            yield (f"{kode} has no indicator '{nama}'",
                   f"{kode} tidak memiliki indikator '{nama}'")


def _raise(problems: list[tuple[str, str]]) -> None:
    if not problems:
        return
    shown = problems[:MAX_PROBLEMS]
    more = len(problems) - len(shown)
    raise FormatError("; ".join(en for en, _ in shown) + (f"; and {more} more" if more else ""),
                      "; ".join(id_ for _, id_ in shown)
                      + (f"; dan {more} masalah lain" if more else ""))
