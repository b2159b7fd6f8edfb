"""Tabel T-C.27 of a Renstra (Permendagri 86/2017, *Rencana Program, Kegiatan, dan Pendanaan
Perangkat Daerah*), laid out once for DOCX, PDF and XLSX: 20 columns: tujuan, sasaran, kode,
program dan kegiatan, indikator, data capaian tahun awal, target and Rp for years 1–5, kondisi
kinerja pada akhir periode (target, Rp), unit penanggung jawab, lokasi; a Jumlah row of the
programs' money closes it."""

from __future__ import annotations

from renja.domain.renstra import PERIOD_YEARS, Renstra, RenstraIndikator, RenstraRow
from renja.errors import RenjaError
from renja.numbers import format_rupiah
from renja.render.layout import HeaderCell, Row, RowKind, TableLayout
from renja.render.outline import Table

COLUMNS = 20
TUJUAN, SASARAN, KODE, NAMA, INDIKATOR, AWAL = range(6)
YEAR_K = tuple(6 + 2 * i for i in range(PERIOD_YEARS))
YEAR_RP = tuple(7 + 2 * i for i in range(PERIOD_YEARS))
AKHIR_K, AKHIR_RP, UNIT, LOKASI = 16, 17, 18, 19
MONEY_COLUMNS = (*YEAR_RP, AKHIR_RP)
KINDS: dict[str, RowKind] = {"tujuan": "group", "sasaran": "group", "program": "program",
                             "kegiatan": "kegiatan", "sub_kegiatan": "sub_kegiatan"}


def header(renstra: Renstra) -> list[list[HeaderCell]]:
    upper = [
        HeaderCell("Tujuan", rowspan=2), HeaderCell("Sasaran", rowspan=2),
        HeaderCell("Kode", rowspan=2), HeaderCell("Program dan Kegiatan", rowspan=2),
        HeaderCell("Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
                   rowspan=2),
        HeaderCell(f"Data Capaian pada Tahun Awal Perencanaan ({renstra.tahun_awal - 1})",
                   rowspan=2),
        *[HeaderCell(f"Target Kinerja Program dan Kerangka Pendanaan Tahun-{i + 1} ({year})",
                     colspan=2) for i, year in enumerate(renstra.tahun)],
        HeaderCell(f"Kondisi Kinerja pada Akhir Periode Renstra PD ({renstra.tahun_akhir})",
                   colspan=2),
        HeaderCell("Unit Kerja PD Penanggung Jawab", rowspan=2),
        HeaderCell("Lokasi", rowspan=2),
    ]
    lower = [HeaderCell(part) for _ in range(PERIOD_YEARS + 1) for part in ("Target", "Rp")]
    return [upper, lower]


def tc27_layout(renstra: Renstra) -> TableLayout:
    rows: list[Row] = []
    for row in renstra.rows:
        rows.extend(_rows(row))
    rows.append(_total(renstra))
    name = renstra.perangkat_daerah or "Perangkat Daerah"
    widths = [4.6, 4.2, 5.6, 7.4, 7.4, 3.2, *[2.9, 5.9] * (PERIOD_YEARS + 1), 4, 3.8]
    return TableLayout(
        "tc27", "T-C.27",
        f"Rencana Program, Kegiatan, dan Pendanaan {name} "
        f"{renstra.pemda + ' ' if renstra.pemda else ''}"
        f"Tahun {renstra.tahun_awal}–{renstra.tahun_akhir}",
        header(renstra), [str(n) for n in range(1, COLUMNS + 1)], rows, widths,
        frozenset({AWAL, *YEAR_K, *YEAR_RP, AKHIR_K, AKHIR_RP}), font_size=4.8,
        label="Tabel T-C.27")


def _rows(row: RenstraRow) -> list[Row]:
    indicators: list[RenstraIndikator | None] = list(row.indikator) or [None]
    out = []
    for i, ind in enumerate(indicators):
        cells = [""] * COLUMNS
        first = i == 0
        if first:
            if row.level == "tujuan":
                cells[TUJUAN] = row.nama
            elif row.level == "sasaran":
                cells[SASARAN] = row.nama
            else:
                cells[KODE], cells[NAMA] = row.kode or "", row.nama
            for year in range(PERIOD_YEARS):
                cells[YEAR_RP[year]] = format_rupiah(row.pagu[year])
            cells[AKHIR_RP] = format_rupiah(row.pagu_akhir)
            cells[UNIT], cells[LOKASI] = row.unit or "", row.lokasi or ""
        if ind is not None:
            cells[INDIKATOR] = ind.nama
            cells[AWAL] = ind.kondisi_awal.text if ind.kondisi_awal else ""
            for year in range(PERIOD_YEARS):
                target = ind.target[year]
                cells[YEAR_K[year]] = target.text if target else ""
            cells[AKHIR_K] = ind.kondisi_akhir.text if ind.kondisi_akhir else ""
        kind: RowKind = KINDS[row.level] if first else "indikator"
        values = {**{YEAR_RP[y]: row.pagu[y] for y in range(PERIOD_YEARS)},
                  AKHIR_RP: row.pagu_akhir} if first and row.kode else {}
        out.append(Row(cells, kind, row.kode if first else None, values))
    return out


def _total(renstra: Renstra) -> Row:
    """Jumlah: the programs' money per year and for the period."""
    programs = [row for row in renstra.rows if row.level == "program"]
    cells = [""] * COLUMNS
    cells[NAMA] = "Jumlah"
    values: dict[int, int | None] = {}
    for year in range(PERIOD_YEARS):
        known = [p.pagu[year] for p in programs if p.pagu[year] is not None]
        values[YEAR_RP[year]] = sum(v for v in known if v is not None) if known else None
    known_end = [p.pagu_akhir for p in programs if p.pagu_akhir is not None]
    values[AKHIR_RP] = sum(v for v in known_end if v is not None) if known_end else None
    for column, value in values.items():
        cells[column] = format_rupiah(value)
    return Row(cells, "total", None, values)


def render_tc27(renstra: Renstra, fmt: str) -> bytes:
    """T-C.27 as a DOCX, PDF or XLSX document (the XLSX with live sums)."""
    table = tc27_layout(renstra)
    if fmt == "xlsx":
        from renja.io.xlsx.tc27 import render_tc27_xlsx

        return render_tc27_xlsx(renstra, table)
    if fmt == "docx":
        from renja.io.docx.write import render_blocks

        return render_blocks([Table(table)])
    if fmt == "pdf":
        from renja.io.pdf.write import render_blocks as render_pdf

        return render_pdf([Table(table)], table.title)
    raise RenjaError(f"T-C.27 is rendered as docx, pdf or xlsx, not '{fmt}'",
                     f"T-C.27 dapat dibuat sebagai docx, pdf atau xlsx, bukan '{fmt}'")
