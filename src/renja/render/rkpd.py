"""The RKPD table of a pemda in the two layouts the national system prints, laid out once for
DOCX, PDF and XLSX:

- ``rkpd`` (default): kode, urusan/bidang/program/kegiatan/sub kegiatan, indikator kinerja,
  lokasi, target, pagu indikatif, sumber dana, catatan penting, prakiraan maju (target,
  kebutuhan dana), perangkat daerah;
- ``prioritas`` ("format RKPD", Rencana Program dan Kegiatan Prioritas Daerah): kode, uraian,
  prioritas daerah, sasaran daerah, prioritas nasional, lokasi, indikator, target, pagu
  indikatif, prakiraan maju (target, pagu), perangkat daerah penanggung jawab.

Rows are grouped by urusan, bidang urusan and perangkat daerah (unit); every group row carries
its sum and a TOTAL row closes the table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from renja.domain import Indikator, PlanNode
from renja.errors import RenjaError
from renja.numbers import format_rupiah
from renja.render.layout import HeaderCell, Row, RowKind, TableLayout
from renja.render.outline import Table
from renja.rkpd.compile import Rkpd, RkpdRow

Layout = Literal["rkpd", "prioritas"]
LAYOUTS: dict[str, str] = {
    "rkpd": "Rencana Program dan Kegiatan (tata letak bawaan SIPD)",
    "prioritas": "Rencana Program dan Kegiatan Prioritas Daerah (format RKPD)",
}
KINDS: dict[str, RowKind] = {"urusan": "urusan", "bidang": "bidang", "unit": "group",
                             "program": "program", "kegiatan": "kegiatan",
                             "sub_kegiatan": "sub_kegiatan", "total": "total"}


@dataclass(frozen=True)
class Columns:
    """Where each field goes in one layout (``None``: the layout has no such column)."""

    count: int
    kode: int
    nama: int
    indikator: int
    target: int
    pagu: int
    target_n1: int
    pagu_n1: int
    unit: int
    lokasi: int
    sumber_dana: int | None = None
    catatan: int | None = None
    prioritas_daerah: int | None = None
    sasaran_daerah: int | None = None
    prioritas_nasional: int | None = None


COLUMNS = {
    "rkpd": Columns(11, kode=0, nama=1, indikator=2, lokasi=3, target=4, pagu=5, sumber_dana=6,
                    catatan=7, target_n1=8, pagu_n1=9, unit=10),
    "prioritas": Columns(12, kode=0, nama=1, prioritas_daerah=2, sasaran_daerah=3,
                         prioritas_nasional=4, lokasi=5, indikator=6, target=7, pagu=8,
                         target_n1=9, pagu_n1=10, unit=11),
}


def _header(layout: str, tahun: int) -> list[list[HeaderCell]]:
    uraian = "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"
    if layout == "rkpd":
        return [[HeaderCell("Kode", rowspan=2), HeaderCell(uraian, rowspan=2),
                 HeaderCell("Indikator Kinerja Program (Outcome)/Kegiatan (Output)/Sub "
                            "Kegiatan", rowspan=2),
                 HeaderCell(f"Rencana Tahun {tahun}", colspan=4),
                 HeaderCell("Catatan Penting", rowspan=2),
                 HeaderCell(f"Prakiraan Maju Rencana Tahun {tahun + 1}", colspan=2),
                 HeaderCell("Perangkat Daerah", rowspan=2)],
                [HeaderCell("Lokasi"), HeaderCell("Target Capaian Kinerja"),
                 HeaderCell("Pagu Indikatif (Rp)"), HeaderCell("Sumber Dana"),
                 HeaderCell("Target Capaian Kinerja"), HeaderCell("Kebutuhan Dana (Rp)")]]
    return [[HeaderCell("Kode", rowspan=2), HeaderCell(uraian, rowspan=2),
             HeaderCell("Prioritas Daerah", rowspan=2), HeaderCell("Sasaran Daerah", rowspan=2),
             HeaderCell("Prioritas Nasional", rowspan=2), HeaderCell("Lokasi", rowspan=2),
             HeaderCell("Indikator Kinerja", colspan=2),
             HeaderCell(f"Pagu Indikatif {tahun} (Rp)", rowspan=2),
             HeaderCell(f"Prakiraan Maju {tahun + 1}", colspan=2),
             HeaderCell("Perangkat Daerah Penanggung Jawab", rowspan=2)],
            [HeaderCell("Tolok Ukur"), HeaderCell("Target"), HeaderCell("Target"),
             HeaderCell("Pagu (Rp)")]]


def rkpd_layout(rkpd: Rkpd, layout: str = "rkpd") -> tuple[TableLayout, list[int | None]]:
    """The table, and for each of its lines the compile row it starts (None: an indicator's
    continuation line)."""
    if layout not in COLUMNS:
        raise RenjaError(f"unknown RKPD layout '{layout}' (rkpd, prioritas)",
                         f"tata letak RKPD '{layout}' tidak dikenal (rkpd, prioritas)")
    cols = COLUMNS[layout]
    rows: list[Row] = []
    origin: list[int | None] = []
    for index, row in enumerate(rkpd.rows):
        for i, line in enumerate(_lines(row, cols)):
            rows.append(line)
            origin.append(index if i == 0 else None)
    widths = ([2.6, 6.4, 6.0, 2.8, 2.4, 3.2, 2.2, 3.0, 2.4, 3.2, 3.4] if layout == "rkpd"
              else [2.6, 6.0, 3.4, 3.4, 3.0, 2.6, 5.0, 2.2, 3.2, 2.2, 3.2, 3.4])
    numeric = frozenset({cols.pagu, cols.pagu_n1})
    stage = f" ({rkpd.tahapan.replace('_', ' ').title()})" if rkpd.tahapan else ""
    title = (f"{LAYOUTS[layout]} {rkpd.pemda} Tahun {rkpd.tahun}{stage}")
    table = TableLayout(f"rkpd-{layout}", "RKPD", title, _header(layout, rkpd.tahun),
                        [str(n) for n in range(1, cols.count + 1)], rows, widths, numeric,
                        font_size=5.2, label="RKPD")
    return table, origin


def _lines(row: RkpdRow, cols: Columns) -> list[Row]:
    cells = [""] * cols.count
    values: dict[int, int | None] = {cols.pagu: row.pagu_n, cols.pagu_n1: row.pagu_n1}
    cells[cols.kode], cells[cols.nama] = row.kode, row.nama
    cells[cols.pagu] = format_rupiah(row.pagu_n)
    cells[cols.pagu_n1] = format_rupiah(row.pagu_n1)
    if row.kind == "unit":
        cells[cols.kode] = ""
        cells[cols.nama] = f"Perangkat Daerah: {row.nama}"
    node = row.node
    indicators: list[Indikator | None] = [None]
    if node is not None:
        _node_cells(cells, node, cols)
        cells[cols.unit] = row.unit.nama if row.unit else ""
        indicators = list(node.indikator) or [None]
    _indicator(cells, indicators[0], cols)
    lines = [Row(cells, KINDS[row.kind], row.kode or None, values)]
    for extra in indicators[1:]:
        more = [""] * cols.count
        _indicator(more, extra, cols)
        lines.append(Row(more, "indikator"))
    return lines


def _node_cells(cells: list[str], node: PlanNode, cols: Columns) -> None:
    cells[cols.lokasi] = node.lokasi or ""
    for column, text in ((cols.sumber_dana, node.sumber_dana), (cols.catatan, node.catatan),
                         (cols.prioritas_daerah, node.prioritas_daerah),
                         (cols.sasaran_daerah, node.sasaran_daerah),
                         (cols.prioritas_nasional, node.prioritas_nasional)):
        if column is not None:
            cells[column] = text or ""


def _indicator(cells: list[str], indikator: Indikator | None, cols: Columns) -> None:
    if indikator is None:
        return
    cells[cols.indikator] = indikator.nama
    cells[cols.target] = indikator.target_n.text if indikator.target_n else ""
    cells[cols.target_n1] = indikator.target_n1.text if indikator.target_n1 else ""


def by_urusan(table: TableLayout) -> list[TableLayout]:
    """The table cut before each urusan after the first: in print each urusan starts a page
    under the repeated header (and Typst lays separate page runs out in parallel: a 40-agency
    RKPD typesets about a third faster)."""
    starts = [i for i, row in enumerate(table.rows) if row.kind == "urusan"][1:]
    parts, begin = [], 0
    for start in [*starts, len(table.rows)]:
        part = replace(table, rows=table.rows[begin:start])
        if begin:
            part.label, part.title = "", f"{table.title} (lanjutan)"
        parts.append(part)
        begin = start
    return parts


def render_rkpd(rkpd: Rkpd, fmt: str, layout: str = "rkpd") -> bytes:
    """The RKPD as a DOCX, PDF or XLSX document (the XLSX with live sums), or as open data
    (``csv``: one line per program, kegiatan and sub kegiatan; ``json``: renja-rkpd/1)."""
    if fmt in ("csv", "json"):
        from renja.rkpd.opendata import rkpd_csv, rkpd_json

        return (rkpd_csv(rkpd) if fmt == "csv" else rkpd_json(rkpd)).encode("utf-8")
    table, origin = rkpd_layout(rkpd, layout)
    if fmt == "xlsx":
        from renja.io.xlsx.rkpd import render_rkpd_xlsx

        return render_rkpd_xlsx(rkpd, table, origin, COLUMNS[layout])
    if fmt == "docx":
        from renja.io.docx.write import render_blocks

        return render_blocks([Table(table)])
    if fmt == "pdf":
        from renja.io.pdf.write import render_blocks as render_pdf

        return render_pdf([Table(part) for part in by_urusan(table)], table.title)
    raise RenjaError(f"the RKPD is rendered as docx, pdf, xlsx, csv or json, not '{fmt}'",
                     f"RKPD dapat dibuat sebagai docx, pdf, xlsx, csv atau json, bukan '{fmt}'")
