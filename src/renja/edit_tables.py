"""Editing the other tables (T-C.29, T-C.30, T-C.31, T-C.32, Tabel 3.2) cell by cell.

A cell is addressed by table, row index and a dotted field path (``indikator.0.target_n2``,
``kebutuhan.pagu``, ``realisasi.1.nilai``). What is typed is read by the field's type: a target
(value and satuan), an amount of Rupiah, or text.
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from renja.calc.evaluation import FORMULA_COLUMNS, fill_tc29
from renja.domain import Renja, Target, Usulan, parse_target
from renja.errors import RenjaError
from renja.numbers import parse_rupiah

TABLES = ("tc29", "tc30", "tc31", "tc32", "tujuan_sasaran")

# Which cells each table offers for editing (per row; {i} is an indicator or year index).
EDITABLE: dict[str, tuple[str, ...]] = {
    "tc29": ("nama", "indikator.{i}.nama", "indikator.{i}.target_renstra",
             "indikator.{i}.realisasi_sd_n3", "indikator.{i}.target_n2",
             "indikator.{i}.realisasi_n2", "indikator.{i}.tingkat_realisasi_n2",
             "indikator.{i}.target_n1", "indikator.{i}.realisasi_sd_n1",
             "indikator.{i}.capaian_renstra"),
    "tc30": ("indikator", "spm", "ikk", "target_renstra.{i}.nilai", "realisasi.{i}.nilai",
             "proyeksi.{i}.nilai", "catatan"),
    "tc31": ("kebutuhan.nama", "kebutuhan.lokasi", "kebutuhan.indikator.{i}.nama",
             "kebutuhan.indikator.{i}.target", "kebutuhan.pagu", "catatan"),
    "tc32": ("nomor", "program_kegiatan", "pengusul", "lokasi", "indikator", "volume",
             "diterima", "kode", "alasan", "catatan"),
    "tujuan_sasaran": ("uraian", "indikator", "realisasi_n2", "proyeksi_n1", "target_n"),
}


def rows_of(renja: Renja, table: str) -> list[Any]:
    if table not in TABLES:
        raise RenjaError(f"unknown table '{table}'", f"tabel '{table}' tidak dikenal")
    return getattr(renja, table).rows  # type: ignore[no-any-return]


def row_key(renja: Renja, table: str, index: int) -> str:
    """How a comment names a row of a table: its code, else ``baris N`` (1-based)."""
    return getattr(rows_of(renja, table)[index], "kode", None) or f"baris {index + 1}"


def find_row(renja: Renja, table: str, key: str) -> int | None:
    """The index of the row :func:`row_key` names, or None."""
    return next((i for i in range(len(rows_of(renja, table)))
                 if row_key(renja, table, i) == key), None)


def cells(renja: Renja, table: str, index: int) -> list[tuple[str, str]]:
    """(field path, current text) of every editable cell of one row."""
    row = rows_of(renja, table)[index]
    found = []
    for pattern in EDITABLE[table]:
        if "{i}" not in pattern:
            found.append((pattern, _text(_get(row, pattern))))
            continue
        head = pattern.split(".{i}")[0]
        for i in range(len(_get(row, head) or [])):
            path = pattern.replace("{i}", str(i))
            found.append((path, _text(_get(row, path))))
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, Target):
        return value.text
    if isinstance(value, int):
        from renja.numbers import format_rupiah

        return format_rupiah(value, dash_for_zero=False)
    return str(value)


def _get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj


def computed(table: str, path: str) -> bool:
    """Whether a cell is a formula column (T-C.29 (8), (10), (11)): shown, never typed."""
    return table == "tc29" and path.rsplit(".", 1)[-1] in FORMULA_COLUMNS


def recompute(renja: Renja, table: str, index: int) -> None:
    """The formula columns of one row, from its typed cells."""
    if table == "tc29":
        for ind in rows_of(renja, table)[index].indikator:
            fill_tc29(ind)


def set_cell(renja: Renja, table: str, index: int, path: str, text: str) -> None:
    """Set one cell from what a person typed."""
    rows = rows_of(renja, table)
    if not 0 <= index < len(rows) or not _allowed(table, path):
        raise RenjaError(f"{table} row {index + 1} has no cell '{path}'",
                         f"baris {index + 1} {table} tidak memiliki kolom '{path}'")
    parts = path.split(".")
    try:
        owner = _get(rows[index], ".".join(parts[:-1])) if len(parts) > 1 else rows[index]
    except (IndexError, AttributeError) as exc:
        raise RenjaError(f"{table} row {index + 1} has no cell '{path}'",
                         f"baris {index + 1} {table} tidak memiliki kolom '{path}'") from exc
    try:
        setattr(owner, parts[-1], _read(owner, parts[-1], text.strip()))
    except ValidationError as exc:
        raise RenjaError(f"'{text}' is not allowed in '{parts[-1]}'",
                         f"'{text}' tidak dapat diisikan pada kolom '{parts[-1]}'") from exc


def _allowed(table: str, path: str) -> bool:
    generic = ".".join("{i}" if p.isdigit() else p for p in path.split("."))
    return generic in EDITABLE.get(table, ())


def _read(owner: BaseModel, name: str, text: str) -> Any:
    annotation = type(owner).model_fields[name].annotation
    kinds = _kinds(annotation)
    if not text:
        return None if type(None) in kinds else ""
    if Target in kinds:
        return parse_target(text)
    if bool in kinds:
        answers = {"ya": True, "y": True, "diterima": True, "tidak": False, "t": False,
                   "ditolak": False}
        if text.lower() not in answers:
            raise RenjaError(f"'{text}': answer ya or tidak",
                             f"'{text}': jawab ya atau tidak")
        return answers[text.lower()]
    if int in kinds:
        return parse_rupiah(text)
    return text


def _kinds(annotation: Any) -> set[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return set(get_args(annotation))
    return {annotation}


def add_usulan(renja: Renja, program_kegiatan: str) -> None:
    if not program_kegiatan.strip():
        raise RenjaError("a proposal needs a program or kegiatan",
                         "usulan harus menyebut program atau kegiatan")
    renja.tc32.rows.append(Usulan(nomor=str(len(renja.tc32.rows) + 1),
                                  program_kegiatan=program_kegiatan.strip()))
    renja.tc32.nihil = False


def remove_usulan(renja: Renja, index: int) -> None:
    rows = renja.tc32.rows
    if not 0 <= index < len(rows):
        raise RenjaError(f"T-C.32 has no row {index + 1}", f"T-C.32 tidak punya baris {index + 1}")
    del rows[index]
    renja.tc32.nihil = not rows


def add_usulan_rows(renja: Renja, rows: list[tuple[int, dict[str, str]]],
                    name: str = "usulan") -> None:
    """Proposals read from a CSV appended to T-C.32; a bad value names its line."""
    for line, row in rows:
        renja.tc32.rows.append(Usulan(nomor=str(len(renja.tc32.rows) + 1),
                                      program_kegiatan=row.get("program_kegiatan", "")))
        index = len(renja.tc32.rows) - 1
        for field in ("lokasi", "indikator", "volume", "pengusul"):
            if row.get(field):
                try:
                    set_cell(renja, "tc32", index, field, row[field])
                except RenjaError as exc:
                    raise RenjaError(f"{name}: line {line}: {exc.message('en')}",
                                     f"{name}: baris {line}: {exc.message('id')}") from exc
    renja.tc32.nihil = not renja.tc32.rows
