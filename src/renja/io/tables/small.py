"""The small tables: T-C.32 (usulan pemangku kepentingan) and Tabel 3.2 (tujuan dan sasaran)."""

from __future__ import annotations

import re

from renja.domain import TujuanSasaran, TujuanSasaranRow, Usulan
from renja.domain.tables import KelompokTujuan, Tc32
from renja.io.grid import Block, GridRow
from renja.io.report import Report
from renja.io.tables.columns import by_label
from renja.io.tables.rowparts import join_spill, read_target

NIHIL = re.compile(r"^(nihil|tidak ada|-)$", re.IGNORECASE)

TC32_RULES = (
    (r"^no\b", "nomor"),
    (r"program|kegiatan", "program_kegiatan"),
    (r"lokasi", "lokasi"),
    (r"indikator", "indikator"),
    (r"besaran|volume", "volume"),
    (r"cat|keterangan", "catatan"),
)
TS_RULES = (
    (r"realisasi", "realisasi_n2"),
    (r"proyeksi", "proyeksi_n1"),
    (r"target", "target_n"),
    (r"indikator", "indikator"),
    (r"tujuan|sasaran", "uraian"),
)
_GROUPS: dict[str, KelompokTujuan] = {
    "tujuan": "tujuan",
    "sasaran": "sasaran",
    "indikator kinerja daerah": "indikator_kinerja_daerah",
}


def read_tc32(block: Block, report: Report) -> Tc32:
    table = Tc32(judul=block.caption_text or None)
    mapping = by_label(block, TC32_RULES)
    for row in block.rows:
        fields = {mapping.get(i, f"?{i}"): (i, c.text) for i, c in row.filled()}
        texts = [text for _, text in fields.values()]
        if len(texts) == 1 and NIHIL.match(texts[0]):
            table.nihil = True
            continue
        if "program_kegiatan" not in fields:
            _continue_usulan(table, row, fields, report)
            continue
        item = Usulan(program_kegiatan=fields["program_kegiatan"][1])
        item.trace("row", row.source)
        for name in ("nomor", "lokasi", "indikator", "catatan"):
            if name in fields:
                setattr(item, name, fields[name][1])
        if "volume" in fields:
            index, text = fields["volume"]
            item.volume = read_target(text, row.source_at(index), report)
        table.rows.append(item)
    return table


def _continue_usulan(table: Tc32, row: GridRow, fields: dict[str, tuple[int, str]],
                     report: Report) -> None:
    if not table.rows:
        for index, text in fields.values():
            report.unplaced(row.source_at(index), text)
        return
    last = table.rows[-1]
    for name in ("indikator", "catatan", "lokasi"):
        if name in fields:
            setattr(last, name, join_spill(getattr(last, name) or "", fields[name][1]))


def read_tujuan_sasaran(block: Block, report: Report) -> TujuanSasaran:
    table = TujuanSasaran(judul=block.caption_text or None)
    mapping = by_label(block, TS_RULES)
    kelompok: KelompokTujuan = "lainnya"
    uraian: str | None = None
    for row in block.rows:
        fields = {mapping.get(i, f"?{i}"): (i, c.text) for i, c in row.filled()}
        group = _group(fields)
        if group is not None:
            kelompok, uraian = group, None
            continue
        if "uraian" in fields:
            uraian = fields["uraian"][1]
        table.rows.append(_ts_row(row, fields, kelompok, uraian, report))
    return table


def _group(fields: dict[str, tuple[int, str]]) -> KelompokTujuan | None:
    if len(fields) != 1:
        return None
    text = next(iter(fields.values()))[1].rstrip(": ").strip().lower()
    return _GROUPS.get(text)


def _ts_row(row: GridRow, fields: dict[str, tuple[int, str]], kelompok: KelompokTujuan,
            uraian: str | None, report: Report) -> TujuanSasaranRow:
    item = TujuanSasaranRow(kelompok=kelompok, uraian=uraian,
                            indikator=fields.get("indikator", (0, None))[1])
    item.trace("row", row.source)
    for name in ("realisasi_n2", "proyeksi_n1", "target_n"):
        if name in fields:
            index, text = fields[name]
            setattr(item, name, read_target(text, row.source_at(index), report))
            item.trace(name, row.source_at(index))
    for name, (index, text) in fields.items():
        if name.startswith("?"):
            report.unplaced(row.source_at(index), text)
    return item
