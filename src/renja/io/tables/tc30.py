"""T-C.30: service performance per indicator, with Renstra targets, realisasi and proyeksi."""

from __future__ import annotations

import re

from renja.domain import NilaiTahun, Tc30, Tc30Row
from renja.io.grid import Block, GridRow
from renja.io.report import Report
from renja.io.tables.columns import by_label, year_of
from renja.io.tables.rowparts import join_spill, read_target

RULES = (
    (r"^no\b", "nomor"),
    (r"catatan|keterangan", "catatan"),
    (r"target\s+renstra|target", "target_renstra"),
    (r"realisasi", "realisasi"),
    (r"proyeksi", "proyeksi"),
    (r"\bspm\b|standar", "spm"),
    (r"\bikk\b", "ikk"),
    (r"indikator", "indikator"),
)
_GROUP = re.compile(r"^(tujuan|sasaran|indikator kinerja daerah|[a-z ]+)\s*:$", re.IGNORECASE)
YEARLY = ("target_renstra", "realisasi", "proyeksi")


def read_tc30(block: Block, report: Report) -> Tc30:
    table = Tc30(judul=block.caption_text or None)
    mapping = by_label(block, RULES)
    labels = block.column_labels()
    kelompok: str | None = None
    for row in block.rows:
        fields = {mapping.get(i, ""): (i, c.text) for i, c in row.filled()}
        name = fields.get("indikator", (0, ""))[1]
        if name and _GROUP.match(name) and len(fields) == 1:
            kelompok = name.rstrip(": ").strip()
            continue
        if not name and table.rows and row.after_break and len(fields) == 0:
            continue
        if not name:
            _leftovers(row, fields, report, table)
            continue
        table.rows.append(_row(row, fields, mapping, labels, kelompok, report))
    return table


def _row(row: GridRow, fields: dict[str, tuple[int, str]], mapping: dict[int, str],
         labels: list[str], kelompok: str | None, report: Report) -> Tc30Row:
    item = Tc30Row(indikator=fields["indikator"][1], kelompok=kelompok)
    item.trace("row", row.source)
    for name in ("nomor", "spm", "ikk", "catatan"):
        if name in fields:
            setattr(item, name, fields[name][1])
            item.trace(name, row.source_at(fields[name][0]))
    for index, cell in row.filled():
        group = mapping.get(index)
        if group in YEARLY:
            source = row.source_at(index)
            value = NilaiTahun(tahun=year_of(labels[index]), label=labels[index],
                               nilai=read_target(cell.text, source, report))
            getattr(item, group).append(value)
            item.trace(f"{group}.{len(getattr(item, group)) - 1}", source)
        elif group is None:
            report.unplaced(row.source_at(index), cell.text)
    return item


def _leftovers(row: GridRow, fields: dict[str, tuple[int, str]], report: Report,
               table: Tc30) -> None:
    if "catatan" in fields and table.rows and len(fields) == 1:
        last = table.rows[-1]
        last.catatan = join_spill(last.catatan or "", fields["catatan"][1])
        return
    for index, text in fields.values():
        report.unplaced(row.source_at(index), text)
