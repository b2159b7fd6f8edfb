"""T-C.33 in the 17-column Renja layout SIPD-RI prints: No, Kode, Urusan/…/Sub Kegiatan,
Indikator, Target Akhir Periode Renstra, Realisasi Capaian n-2, Prakiraan Capaian n-1, Target n,
Pagu Indikatif n, Lokasi, Sumber Dana, Prioritas Nasional, Prioritas Daerah, Kelompok Sasaran,
Target n+1, Pagu Indikatif n+1, Perangkat Daerah Penanggung Jawab, closed by a Jumlah row.

The layout prints no belanja breakdown; the plan keeps it (and T-C.33 prints it)."""

from __future__ import annotations

from collections.abc import Iterator

from renja.domain import Indikator, PlanNode, Renja
from renja.render.layout import HeaderCell, Row, RowKind, TableLayout, money_label, rp, t, title

PAGU_N, PAGU_N1 = 8, 15  # cell indexes of the two money columns


def header(n: int, money: str) -> list[list[HeaderCell]]:
    return [[
        HeaderCell("No"), HeaderCell("Kode"),
        HeaderCell("Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan"),
        HeaderCell("Indikator Kinerja"),
        HeaderCell("Target Akhir Periode Renstra Perangkat Daerah"),
        HeaderCell(f"Realisasi Capaian {n - 2}"), HeaderCell(f"Prakiraan Capaian {n - 1}"),
        HeaderCell(f"Target {n}"), HeaderCell(f"Pagu Indikatif {n} {money}"),
        HeaderCell("Lokasi"), HeaderCell("Sumber Dana"), HeaderCell("Prioritas Nasional"),
        HeaderCell("Prioritas Daerah"), HeaderCell("Kelompok Sasaran"),
        HeaderCell(f"Target {n + 1}"), HeaderCell(f"Pagu Indikatif {n + 1} {money}"),
        HeaderCell("Perangkat Daerah Penanggung Jawab"),
    ]]


def sipd_ri(renja: Renja) -> TableLayout:
    n = renja.tahun
    rows: list[Row] = []
    for number, node in enumerate(renja.rencana.walk(), start=1):
        rows.extend(_node(node, number))
    total = renja.rencana.total
    if total is not None:
        cells = [""] * 17
        cells[2] = "Jumlah"
        cells[PAGU_N], cells[PAGU_N1] = rp(total.pagu_n), rp(total.pagu_n1)
        rows.append(Row(cells, "total", None, {PAGU_N: total.pagu_n, PAGU_N1: total.pagu_n1},
                        node=total))
    return TableLayout(
        "tc33", "T-C.33",
        title(renja.rencana.judul, "T-C.33",
              f"Rencana Kerja Perangkat Daerah Tahun {n} {renja.pemda.nama or ''}".strip()),
        header(n, money_label(renja.rencana.satuan_uang, renja.rencana.skala_uang)),
        [f"({i})" for i in range(1, 18)], rows,
        [2.5, 9, 10.5, 10, 6, 6, 6, 5.5, 8, 5.5, 5, 5.5, 7, 7, 5.5, 8, 7],
        frozenset({PAGU_N, PAGU_N1}),
        note=f"Nama Perangkat Daerah : {renja.perangkat_daerah.nama}", font_size=5.5)


def _node(node: PlanNode, number: int) -> Iterator[Row]:
    indikator: list[Indikator | None] = list(node.indikator) or [None]
    for i, ind in enumerate(indikator):
        first = i == 0
        cells = [
            str(number) if first else "", node.kode or node.kode_asal or "" if first else "",
            node.nama if first else "", ind.nama if ind else "",
            t(ind.target_renstra) if ind else "", t(ind.realisasi_n2) if ind else "",
            t(ind.prakiraan_n1) if ind else "", t(ind.target_n) if ind else "",
            rp(node.pagu_n) if first else "", node.lokasi or "" if first else "",
            node.sumber_dana or "" if first else "",
            node.prioritas_nasional or "" if first else "",
            node.prioritas_daerah or "" if first else "",
            node.kelompok_sasaran or "" if first else "",
            t(ind.target_n1) if ind else "", rp(node.pagu_n1) if first else "",
            node.penanggung_jawab or "" if first else "",
        ]
        kind: RowKind = (node.level or "sub_kegiatan") if first else "indikator"
        values = {PAGU_N: node.pagu_n, PAGU_N1: node.pagu_n1} if first else {}
        yield Row(cells, kind, node.kode, values, node=node if first else None)
