"""Bounds on a workbook, checked before it is read: a Renja workbook is a few sheets of some
hundred rows, so a file far beyond that is refused at once with what was too large, instead of
taking gigabytes and minutes (a zip bomb, a cell at ZZ200000, 100,000 rows, an XML DOCTYPE)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl.utils import column_index_from_string

from renja.errors import FormatError

MAX_ENTRIES = 500
MAX_UNPACKED = 200 * 1024 * 1024  # bytes of all parts together, unpacked
MAX_RATIO = 200  # unpacked / packed of one part (XML of real sheets packs ~10-30×)
MAX_ROWS = 10_000
MAX_COLUMNS = 100
_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _refuse(name: str, en: str, id: str) -> FormatError:
    return FormatError(f"{name}: {en}", f"{name}: {id}")


def check_package(path: Path) -> None:
    """Refuse a workbook whose package is too large, packs too tightly, declares a DOCTYPE,
    or has a sheet whose cells reach beyond ``MAX_ROWS`` rows or ``MAX_COLUMNS`` columns."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
            if len(parts) > MAX_ENTRIES:
                raise _refuse(name, f"{len(parts)} parts in the package, at most {MAX_ENTRIES}",
                              f"berisi {len(parts)} bagian, paling banyak {MAX_ENTRIES}")
            unpacked = sum(p.file_size for p in parts)
            if unpacked > MAX_UNPACKED:
                raise _refuse(name, f"unpacks to {unpacked // 2**20} MB, at most "
                                    f"{MAX_UNPACKED // 2**20} MB",
                              f"terlalu besar setelah dibuka ({unpacked // 2**20} MB, paling "
                              f"besar {MAX_UNPACKED // 2**20} MB)")
            for part in parts:
                _check_part(package, part, name)
    except zipfile.BadZipFile as exc:
        raise _refuse(name, "not a readable XLSX workbook (damaged, or another format saved "
                            "with an .xlsx name)",
                      "bukan buku kerja XLSX yang dapat dibaca (rusak, atau format lain yang "
                      "dinamai .xlsx)") from exc


def _check_part(package: zipfile.ZipFile, part: zipfile.ZipInfo, name: str) -> None:
    if part.compress_size and part.file_size / part.compress_size > MAX_RATIO and \
            part.file_size > 1024 * 1024:
        raise _refuse(name, f"part {part.filename} packs {part.file_size // part.compress_size}"
                            f"× (a zip bomb?)",
                      f"bagian {part.filename} termampatkan {part.file_size // part.compress_size}"
                      f"× (bom zip?)")
    if not part.filename.endswith((".xml", ".rels", ".vml")):
        return
    sheet = part.filename.startswith("xl/worksheets/")
    tail = b""
    with package.open(part) as stream:
        while chunk := stream.read(1024 * 1024):
            data = tail + chunk
            if _DOCTYPE.search(data):
                raise _refuse(name, f"part {part.filename} declares a DOCTYPE or ENTITY",
                              f"bagian {part.filename} memuat DOCTYPE atau ENTITY")
            if sheet:
                _check_cells(data, part.filename, name)
            tail = data[-200:]


def _check_cells(data: bytes, part: str, name: str) -> None:
    for match in _CELL.finditer(data):
        column, row = column_index_from_string(match.group(1).decode()), int(match.group(2))
        if row > MAX_ROWS or column > MAX_COLUMNS:
            raise _refuse(name, f"{part}: cell {match.group(1).decode()}{row} is beyond "
                                f"{MAX_ROWS} rows or {MAX_COLUMNS} columns",
                          f"sel {match.group(1).decode()}{row} pada {part} melewati batas "
                          f"{MAX_ROWS} baris atau {MAX_COLUMNS} kolom")


def check_size(sheet: str, rows: int, columns: int, name: str) -> None:
    """Refuse a sheet larger than a Renja table can be (after reading, whatever its XML)."""
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise _refuse(name, f"sheet '{sheet}' has {rows} rows and {columns} columns, at most "
                            f"{MAX_ROWS} and {MAX_COLUMNS}",
                      f"lembar '{sheet}' berisi {rows} baris dan {columns} kolom, paling banyak "
                      f"{MAX_ROWS} dan {MAX_COLUMNS}")
