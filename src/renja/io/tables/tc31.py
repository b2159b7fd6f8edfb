"""T-C.31: the ranwal RKPD (2)-(6) beside the hasil analisis kebutuhan (7)-(11), catatan (12)."""

from __future__ import annotations

from renja.domain import IndikatorTarget, Tc31, Tc31Row, Tc31Side
from renja.io.grid import Block, GridRow, column_numbers
from renja.io.report import Report
from renja.io.tables.cells import is_money, try_money
from renja.io.tables.rowparts import is_total_label, join_spill, read_target
from renja.numbers import money_unit_label

SIDES = {2: ("ranwal", "nama"), 3: ("ranwal", "lokasi"), 4: ("ranwal", "indikator"),
         5: ("ranwal", "target"), 6: ("ranwal", "pagu"), 7: ("kebutuhan", "nama"),
         8: ("kebutuhan", "lokasi"), 9: ("kebutuhan", "indikator"),
         10: ("kebutuhan", "target"), 11: ("kebutuhan", "pagu")}


def read_tc31(block: Block, report: Report) -> Tc31:
    table = Tc31(judul=block.caption_text or None,
                 satuan_uang=money_unit_label(block.header_text()))
    numbers = column_numbers(block)
    for row in block.rows:
        cells = {i: c.text for i, c in row.filled()}
        if any(is_total_label(t) for t in cells.values()):
            _total(row, table)
            continue
        parts = _parts(row, numbers, report)
        if parts.get(("ranwal", "nama")) or parts.get(("kebutuhan", "nama")):
            if row.after_break and table.rows and not _has_values(parts):
                _spill(table.rows[-1], parts)
            else:
                table.rows.append(_new_row(row, parts, numbers, report))
        elif table.rows:
            _more_indicators(table.rows[-1], parts, row, numbers, report)
        else:
            report.unplaced(row.source, "\t".join(row.texts()))
    return table


def _parts(row: GridRow, numbers: dict[int, int], report: Report) -> dict[tuple[str, str], str]:
    parts: dict[tuple[str, str], str] = {}
    for index, cell in row.filled():
        number = numbers.get(index)
        if number in SIDES:
            parts[SIDES[number]] = cell.text
        elif number == 1:
            parts[("row", "nomor")] = cell.text
        elif number == 12:
            parts[("row", "catatan")] = cell.text
        else:
            report.unplaced(row.source_at(index), cell.text)
    return parts


def _has_values(parts: dict[tuple[str, str], str]) -> bool:
    return any(key[1] in ("target", "pagu") for key in parts)


def _index_of(numbers: dict[int, int], number: int) -> int | None:
    return next((i for i, n in numbers.items() if n == number), None)


def _new_row(row: GridRow, parts: dict[tuple[str, str], str], numbers: dict[int, int],
             report: Report) -> Tc31Row:
    item = Tc31Row(nomor=parts.get(("row", "nomor")), catatan=parts.get(("row", "catatan")))
    item.trace("row", row.source)
    for side_name, base in (("ranwal", 2), ("kebutuhan", 7)):
        side: Tc31Side = getattr(item, side_name)
        side.nama = parts.get((side_name, "nama"), "")
        side.lokasi = parts.get((side_name, "lokasi"))
        pagu = parts.get((side_name, "pagu"))
        if pagu is not None:
            side.pagu = try_money(pagu)
            index = _index_of(numbers, base + 4)
            side.trace("pagu", row.source_at(index if index is not None else 0))
        _indicator(side, parts, side_name, row, numbers, base, report)
    return item


def _indicator(side: Tc31Side, parts: dict[tuple[str, str], str], side_name: str,
               row: GridRow, numbers: dict[int, int], base: int, report: Report) -> None:
    nama = parts.get((side_name, "indikator"))
    target = parts.get((side_name, "target"))
    if nama is None and target is None:
        return
    ind = IndikatorTarget(nama=nama or "")
    if target is not None:
        index = _index_of(numbers, base + 3)
        source = row.source_at(index if index is not None else 0)
        ind.target = read_target(target, source, report)
        ind.trace("target", source)
    side.indikator.append(ind)


def _more_indicators(item: Tc31Row, parts: dict[tuple[str, str], str], row: GridRow,
                     numbers: dict[int, int], report: Report) -> None:
    for side_name, base in (("ranwal", 2), ("kebutuhan", 7)):
        side: Tc31Side = getattr(item, side_name)
        if parts.get((side_name, "target")) is None and side.indikator and \
                parts.get((side_name, "indikator")):
            side.indikator[-1].nama = join_spill(side.indikator[-1].nama,
                                                 parts[(side_name, "indikator")])
        else:
            _indicator(side, parts, side_name, row, numbers, base, report)
    if ("row", "catatan") in parts:
        item.catatan = join_spill(item.catatan or "", parts[("row", "catatan")])


def _spill(item: Tc31Row, parts: dict[tuple[str, str], str]) -> None:
    """The rest of a row a page break cut: its names and its last indicator's name."""
    for side_name in ("ranwal", "kebutuhan"):
        side: Tc31Side = getattr(item, side_name)
        side.nama = join_spill(side.nama, parts.get((side_name, "nama"), ""))
        if side.indikator and parts.get((side_name, "indikator")):
            side.indikator[-1].nama = join_spill(side.indikator[-1].nama,
                                                 parts[(side_name, "indikator")])


def _total(row: GridRow, table: Tc31) -> None:
    amounts = [try_money(c.text) for _, c in row.filled() if is_money(c.text)]
    if amounts:
        table.total_ranwal = amounts[0]
    if len(amounts) > 1:
        table.total_kebutuhan = amounts[1]
