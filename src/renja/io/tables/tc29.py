"""T-C.29: evaluation of last year's Renja and Renstra achievement, by official column."""

from __future__ import annotations

from renja.codes import DamagedKode, Kode
from renja.domain import Tc29, Tc29Indikator, Tc29Row
from renja.io.grid import Block, GridRow, column_numbers
from renja.io.report import Report
from renja.io.tables.cells import looks_like_kode, read_kode
from renja.io.tables.rowparts import code_columns, join_spill, left_part, read_target

# official column number → field of Tc29Indikator
FIELDS = {
    4: "target_renstra", 5: "realisasi_sd_n3", 6: "target_n2", 7: "realisasi_n2",
    8: "tingkat_realisasi_n2", 9: "target_n1", 10: "realisasi_sd_n1", 11: "capaian_renstra",
}


def read_tc29(block: Block, report: Report
              ) -> tuple[Tc29, list[tuple[Tc29Row, Kode | DamagedKode | None]]]:
    """Rows with their printed codes; the caller resolves levels and recovers codes."""
    table = Tc29(judul=block.caption_text or None)
    numbers = column_numbers(block)
    coded: list[tuple[Tc29Row, Kode | DamagedKode | None]] = []
    code_cols = code_columns(block.column_labels())
    for row in block.rows:
        left = left_part(row, code_cols=code_cols)
        values = _values(row, numbers, left.rest)
        if left.kode:
            coded.append(_new_row(row, left.kode, left.nama, report))
            table.rows.append(coded[-1][0])
        elif not coded:
            table.catatan.append(" ".join(c.text for _, c in row.filled()))
            continue
        current = coded[-1][0]
        if not left.kode and left.nama:
            current.nama = join_spill(current.nama, left.nama)
        if left.indikator and (values or not current.indikator or left.kode):
            current.indikator.append(_indicator(left.indikator, row, values, report))
        elif left.indikator:
            current.indikator[-1].nama = join_spill(current.indikator[-1].nama, left.indikator)
        elif values and current.indikator:
            _fill(current.indikator[-1], row, values, report)
    return table, coded


def _new_row(row: GridRow, kode_text: str, nama: str, report: Report
             ) -> tuple[Tc29Row, Kode | DamagedKode | None]:
    kode = read_kode(kode_text)
    item = Tc29Row(kode_asal=kode_text, nama=nama)
    item.trace("row", row.source)
    item.trace("kode", row.source_at(0))
    item.trace("nama", row.source_at(1))
    if kode is None and looks_like_kode(kode_text):
        report.add(row.source_at(0), f"'{kode_text}' is not a valid code",
                   f"'{kode_text}' bukan kode yang sah", "warning")
    return item, kode


def _values(row: GridRow, numbers: dict[int, int], start: int) -> dict[str, int]:
    """Field name → cell index, for the filled value cells of a row."""
    found = {}
    for index, cell in row.filled():
        if index >= start and numbers.get(index) in FIELDS:
            found[FIELDS[numbers[index]]] = index
        elif index >= start and cell.text:
            found.setdefault(f"_extra{index}", index)
    return found


def _indicator(nama: str, row: GridRow, values: dict[str, int], report: Report) -> Tc29Indikator:
    ind = Tc29Indikator(nama=nama)
    ind.trace("nama", row.source_at(2))
    _fill(ind, row, values, report)
    return ind


def _fill(ind: Tc29Indikator, row: GridRow, values: dict[str, int], report: Report) -> None:
    for name, index in values.items():
        source = row.source_at(index)
        if name.startswith("_extra"):
            report.unplaced(source, row.text(index))
            continue
        setattr(ind, name, read_target(row.text(index), source, report))
        ind.trace(name, source)
