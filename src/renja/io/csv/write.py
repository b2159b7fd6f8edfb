"""One function per table, each giving a header and rows of plain values."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from renja.domain import Belanja, Indikator, PlanNode, Renja, Target, Tc29Indikator, Tc31Side
from renja.errors import RenjaError
from renja.text import spreadsheet_safe

Row = list[Any]

TC33_COLUMNS = (
    "kode", "kode_asal", "level", "nama", "indikator", "target_n", "satuan_n", "target_n1",
    "satuan_n1", "lokasi", "sumber_dana", "pagu_n", "pagu_n1", "belanja_operasi_n",
    "belanja_pegawai_n", "belanja_barang_jasa_n", "belanja_modal_n", "belanja_operasi_n1",
    "belanja_pegawai_n1", "belanja_barang_jasa_n1", "belanja_modal_n1",
)


def plain(target: Target | None) -> str:
    """A target's value in plain notation (``36.5``), or its text when it is not a number."""
    if target is None:
        return ""
    if target.value is not None and target.grade is None:
        return format(target.value.normalize(), "f") if target.value != 0 else "0"
    return target.text


def _satuan(target: Target | None) -> str:
    return (target.satuan or "") if target is not None and target.grade is None else ""


def _money(belanja: Belanja) -> Row:
    return [belanja.operasi, belanja.pegawai, belanja.barang_jasa, belanja.modal]


def tc33_rows(renja: Renja) -> Iterator[Row]:
    for node in renja.rencana.walk():
        yield from _node_rows(node)


def _node_rows(node: PlanNode) -> Iterator[Row]:
    money = [node.pagu_n, node.pagu_n1, *_money(node.belanja_n), *_money(node.belanja_n1)]
    indikator: list[Indikator | None] = list(node.indikator) or [None]
    for i, ind in enumerate(indikator):
        head = [node.kode, node.kode_asal, node.level, node.nama]
        if ind is None:
            cells = ["", "", "", "", ""]
        else:
            cells = [ind.nama, plain(ind.target_n), _satuan(ind.target_n),
                     plain(ind.target_n1), _satuan(ind.target_n1)]
        place = [node.lokasi, node.sumber_dana]
        yield head + cells + place + (money if i == 0 else [None] * len(money))


TC29_FIELDS = ("target_renstra", "realisasi_sd_n3", "target_n2", "realisasi_n2",
               "tingkat_realisasi_n2", "target_n1", "realisasi_sd_n1", "capaian_renstra")


def tc29_rows(renja: Renja) -> Iterator[Row]:
    for row in renja.tc29.rows:
        indikator: list[Tc29Indikator | None] = list(row.indikator) or [None]
        for ind in indikator:
            values = [getattr(ind, f).text if ind and getattr(ind, f) else ""
                      for f in TC29_FIELDS]
            yield [row.kode, row.kode_asal, row.level, row.nama, ind.nama if ind else "", *values]


def _year_columns(row: Any) -> list[tuple[str, str]]:
    """(column name, printed value) of a T-C.30 row; a repeated year gets a ``b`` suffix."""
    found: list[tuple[str, str]] = []
    for group in ("target_renstra", "realisasi", "proyeksi"):
        seen: set[str] = set()
        for i, value in enumerate(getattr(row, group)):
            name = f"{group}_{value.tahun or i + 1}"
            while name in seen:
                name += "b"
            seen.add(name)
            found.append((name, value.nilai.text if value.nilai else ""))
    return found


def tc30_header(renja: Renja) -> list[str]:
    columns: list[str] = []
    for row in renja.tc30.rows:
        columns += [name for name, _ in _year_columns(row) if name not in columns]
    return ["kelompok", "nomor", "indikator", "spm", "ikk", *columns, "catatan"]


def tc30_rows(renja: Renja) -> Iterator[Row]:
    header = tc30_header(renja)
    for row in renja.tc30.rows:
        values = dict(_year_columns(row))
        yield [row.kelompok, row.nomor, row.indikator, row.spm, row.ikk,
               *[values.get(c, "") for c in header[5:-1]], row.catatan]


def _side(side: Tc31Side, i: int) -> Row:
    ind = side.indikator[i] if i < len(side.indikator) else None
    first = i == 0
    return [side.nama if first else "", side.lokasi if first else "",
            ind.nama if ind else "", ind.target.text if ind and ind.target else "",
            side.pagu if first else None]


def tc31_rows(renja: Renja) -> Iterator[Row]:
    for row in renja.tc31.rows:
        count = max(len(row.ranwal.indikator), len(row.kebutuhan.indikator), 1)
        for i in range(count):
            yield [row.nomor, row.kode, row.level, *_side(row.ranwal, i),
                   *_side(row.kebutuhan, i), row.catatan if i == 0 else ""]


def tc32_rows(renja: Renja) -> Iterator[Row]:
    for u in renja.tc32.rows:
        yield [u.nomor, u.program_kegiatan, u.lokasi, u.indikator,
               u.volume.text if u.volume else "", u.catatan, u.pengusul,
               "" if u.diterima is None else ("ya" if u.diterima else "tidak")]


def tujuan_sasaran_rows(renja: Renja) -> Iterator[Row]:
    for r in renja.tujuan_sasaran.rows:
        yield [r.kelompok, r.uraian, r.indikator,
               *[t.text if t else "" for t in (r.realisasi_n2, r.proyeksi_n1, r.target_n)]]


SideCols = ["nama", "lokasi", "indikator", "target", "pagu"]
EXPORTS: dict[str, tuple[Callable[[Renja], list[str]], Callable[[Renja], Iterator[Row]]]] = {
    "tc29": (lambda r: ["kode", "kode_asal", "level", "nama", "indikator", *TC29_FIELDS],
             tc29_rows),
    "tc30": (tc30_header, tc30_rows),
    "tc31": (lambda r: ["nomor", "kode", "level", *[f"ranwal_{c}" for c in SideCols],
                        *[f"kebutuhan_{c}" for c in SideCols], "catatan"], tc31_rows),
    "tc32": (lambda r: ["nomor", "program_kegiatan", "lokasi", "indikator", "volume",
                        "catatan", "pengusul", "diterima"], tc32_rows),
    "tc33": (lambda r: list(TC33_COLUMNS), tc33_rows),
    "tujuan_sasaran": (lambda r: ["kelompok", "uraian", "indikator", "realisasi_n2",
                                  "proyeksi_n1", "target_n"], tujuan_sasaran_rows),
}


def _lookup(table: str) -> tuple[Callable[[Renja], list[str]], Callable[[Renja], Iterator[Row]]]:
    if table not in EXPORTS:
        names = ", ".join(EXPORTS)
        raise RenjaError(f"unknown table '{table}': expected one of {names}",
                         f"tabel '{table}' tidak dikenal: pilih salah satu dari {names}")
    return EXPORTS[table]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return spreadsheet_safe(value)


def table_csv(renja: Renja, table: str) -> str:
    header, rows = _lookup(table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header(renja))
    for row in rows(renja):
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def table_json(renja: Renja, table: str) -> str:
    header, rows = _lookup(table)
    names = header(renja)
    records = [dict(zip(names, [None if v == "" else v for v in row], strict=True))
               for row in rows(renja)]
    return json.dumps(records, indent=2, ensure_ascii=False, default=str) + "\n"


__all__ = ["EXPORTS", "TC33_COLUMNS", "table_csv", "table_json"]
