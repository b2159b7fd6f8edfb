"""Each table of a Renja laid out once, in the regulation's layout, for every output format.

A :class:`TableLayout` holds the header rows (with spans), the column-number row and the body
rows already formatted the Indonesian way; DOCX, PDF, HTML and XLSX writers only draw it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from renja.domain import Belanja, Indikator, Jumlah, PlanNode, Renja, Target
from renja.domain.plan import BELANJA_OPERASI_PARTS
from renja.numbers import format_rupiah

RowKind = Literal["urusan", "bidang", "program", "kegiatan", "sub_kegiatan", "indikator",
                  "belanja", "total", "group", "plain", "nihil"]

BELANJA_LINES = (("operasi", "Belanja operasi"), ("pegawai", "Belanja pegawai"),
                 ("barang_jasa", "Belanja barang dan jasa"), ("bunga", "Belanja bunga"),
                 ("subsidi", "Belanja subsidi"), ("hibah", "Belanja hibah"),
                 ("bantuan_sosial", "Belanja bantuan sosial"), ("modal", "Belanja modal"),
                 ("tidak_terduga", "Belanja tidak terduga"), ("transfer", "Belanja transfer"))
ALWAYS = ("operasi", "pegawai", "barang_jasa", "modal")


@dataclass(frozen=True)
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Row:
    cells: list[str]
    kind: RowKind = "plain"
    kode: str | None = None
    values: dict[int, int | None] = field(default_factory=dict)
    """Money columns of this row as numbers (column index → Rupiah), for workbooks."""
    node: PlanNode | Jumlah | None = None
    belanja: str | None = None
    year_columns: tuple[int, int] | None = None


@dataclass
class TableLayout:
    key: str
    nomor: str
    title: str
    header: list[list[HeaderCell]]
    numbers: list[str]
    rows: list[Row]
    widths: list[float]
    numeric: frozenset[int] = frozenset()
    note: str | None = None
    font_size: float = 6.5  # points, in PDF: a table of many columns needs a smaller one
    label: str = ""
    """The caption's label as printed (``Tabel T-C.33``, ``Tabel 3.2.``)."""
    closing: list[str] = field(default_factory=list)
    """Signature blocks side by side under the table, on its page (E.81); lines by ``\n``."""

    def __post_init__(self) -> None:
        self.label = self.label or f"Tabel {self.nomor}"

    @property
    def columns(self) -> int:
        return len(self.numbers)


def t(target: Target | None) -> str:
    """A target exactly as the plan states it."""
    return "" if target is None else target.text


def rp(value: int | None) -> str:
    return format_rupiah(value)


def _place(renja: Renja) -> str:
    return renja.pemda.nama or ""


def _agency(renja: Renja) -> str:
    return renja.perangkat_daerah.singkatan or renja.perangkat_daerah.nama


def title(judul: str | None, nomor: str, default: str) -> str:
    """The caption the plan printed (without its ``Tabel T-C.xx`` label), else the standard one."""
    return split_caption(judul, nomor)[1] or default


def split_caption(judul: str | None, nomor: str) -> tuple[str, str]:
    """``Tabel 3.2. Tujuan …`` → (``Tabel 3.2.``, ``Tujuan …``)."""
    if not judul:
        return f"Tabel {nomor}", ""
    match = re.match(r"^(Tabel\s+" + re.escape(nomor) + r"\.?)\s*(.*)$", judul.strip())
    if match:
        return match.group(1), match.group(2)
    return f"Tabel {nomor}", judul.strip()


def money_label(label: str | None, scale: int | None = None) -> str:
    """The money header as printed, except that renja prints full Rupiah: amounts read from
    thousands (``scale``) are labelled ``(Rp)``."""
    return f"({label})" if label and not (scale and scale > 1) else "(Rp)"


# --- T-C.33 ---------------------------------------------------------------------------


def tc33(renja: Renja) -> TableLayout:
    n = renja.tahun
    money = money_label(renja.rencana.satuan_uang, renja.rencana.skala_uang)
    header = [
        [HeaderCell("Kode", rowspan=2),
         HeaderCell("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub "
                    "Kegiatan", rowspan=2),
         HeaderCell("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", rowspan=2),
         HeaderCell(f"Rencana Tahun {n}", colspan=4),
         HeaderCell("Catatan Penting", rowspan=2),
         HeaderCell(f"Prakiraan Maju Rencana Tahun {n + 1}", colspan=2)],
        [HeaderCell("Lokasi"), HeaderCell("Target Capaian Kinerja"),
         HeaderCell(f"Kebutuhan Dana/Pagu Indikatif {money}"), HeaderCell("Sumber Dana"),
         HeaderCell("Target Capaian Kinerja"),
         HeaderCell(f"Kebutuhan Dana/Pagu Indikatif {money}")],
    ]
    rows: list[Row] = [Row(["", line, *[""] * 8]) for line in renja.rencana.catatan]
    for node in renja.rencana.walk():
        rows.extend(_tc33_node(node))
    if renja.rencana.total is not None:
        rows.extend(_tc33_total(renja.rencana.total))
    return TableLayout(
        "tc33", "T-C.33",
        title(renja.rencana.judul, "T-C.33",
              f"Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {n} dan Prakiraan "
              f"Maju Tahun {n + 1} {_place(renja)}"), header,
        [f"({i})" for i in range(1, 11)], rows, [11, 19, 18, 5, 8, 11, 6, 6, 7, 11],
        frozenset({5, 9}), note=f"Nama Perangkat Daerah : {_agency(renja)}")


def _tc33_node(node: PlanNode) -> Iterator[Row]:
    indikator: list[Indikator | None] = list(node.indikator) or [None]
    for i, ind in enumerate(indikator):
        first = i == 0
        cells = [node.kode or node.kode_asal or "" if first else "",
                 node.nama if first else "",
                 ind.nama if ind else "",
                 node.lokasi or "" if first else "",
                 t(ind.target_n) if ind else "",
                 rp(node.pagu_n) if first else "",
                 node.sumber_dana or "" if first else "",
                 node.catatan or "" if first else "",
                 t(ind.target_n1) if ind else "",
                 rp(node.pagu_n1) if first else ""]
        kind: RowKind = (node.level or "sub_kegiatan") if first else "indikator"
        values = {5: node.pagu_n, 9: node.pagu_n1} if first else {}
        yield Row(cells, kind, node.kode, values, node=node if first else None)
    yield from _belanja_rows(node.belanja_n, node.belanja_n1, node, node.kode)


def _belanja_rows(b_n: Belanja, b_n1: Belanja, owner: PlanNode | Jumlah,
                  kode: str | None) -> Iterator[Row]:
    if b_n.is_empty() and b_n1.is_empty():
        return
    for name, label in BELANJA_LINES:
        a, b = getattr(b_n, name), getattr(b_n1, name)
        if a is None and b is None and name not in ALWAYS:
            continue
        cells = [""] * 10
        cells[4] = label
        cells[5] = rp(a if a is not None else 0)
        cells[9] = rp(b if b is not None else 0)
        yield Row(cells, "belanja", kode, {5: a, 9: b}, node=owner, belanja=name)


def _tc33_total(total: Jumlah) -> Iterator[Row]:
    cells = ["", "JUMLAH TOTAL", "", "", "", rp(total.pagu_n), "", "", "", rp(total.pagu_n1)]
    yield Row(cells, "total", None, {5: total.pagu_n, 9: total.pagu_n1}, node=total)
    yield from _belanja_rows(total.belanja_n, total.belanja_n1, total, None)


# --- T-C.29 ---------------------------------------------------------------------------


def tc29(renja: Renja) -> TableLayout:
    n = renja.tahun
    header = [
        [HeaderCell("Kode", rowspan=2),
         HeaderCell("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub "
                    "Kegiatan", rowspan=2),
         HeaderCell("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", rowspan=2),
         HeaderCell(f"Target Kinerja Capaian (Renstra PD) Tahun {n - 1} (Kondisi Akhir)",
                    rowspan=2),
         HeaderCell(f"Realisasi Target Kinerja s/d Tahun {n - 3}", rowspan=2),
         HeaderCell(f"Target dan Realisasi Kinerja Tahun {n - 2}", colspan=3),
         HeaderCell(f"Target Tahun {n - 1}", rowspan=2),
         HeaderCell(f"Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun {n - 1}",
                    colspan=2)],
        [HeaderCell(f"Target Renja Tahun {n - 2}"), HeaderCell(f"Realisasi Renja Tahun {n - 2}"),
         HeaderCell("Tingkat Realisasi (%)"),
         HeaderCell(f"Realisasi Capaian s/d Tahun {n - 1}"),
         HeaderCell("Tingkat Capaian Realisasi Target Renstra (%)")],
    ]
    fields = ("target_renstra", "realisasi_sd_n3", "target_n2", "realisasi_n2",
              "tingkat_realisasi_n2", "target_n1", "realisasi_sd_n1", "capaian_renstra")
    rows = []
    for row in renja.tc29.rows:
        for i, ind in enumerate(row.indikator or [None]):
            values = [t(getattr(ind, f)) if ind else "" for f in fields]
            head = [row.kode or row.kode_asal or "", row.nama] if i == 0 else ["", ""]
            kind: RowKind = (row.level or "sub_kegiatan") if i == 0 else "indikator"
            rows.append(Row([*head, ind.nama if ind else "", *values], kind, row.kode))
    return TableLayout(
        "tc29", "T-C.29",
        title(renja.tc29.judul, "T-C.29",
              f"Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian "
              f"Renstra Perangkat Daerah s/d Tahun {n - 1} {_place(renja)}"), header,
        ["1", "2", "3", "4", "5", "6", "7", "8=(7/6)", "9", "10=(5+7+9)", "11=(10/4)"], rows,
        [11, 17, 17, 8, 7, 7, 7, 6, 7, 8, 7], frozenset(range(3, 11)))


# --- T-C.30, T-C.31, T-C.32, Tabel 3.2 ------------------------------------------------


def tc30(renja: Renja) -> TableLayout:
    groups = {"target_renstra": [], "realisasi": [], "proyeksi": []}  # type: dict[str, list[str]]
    for row in renja.tc30.rows:
        for group in groups:
            labels = [f"Tahun {v.tahun}" if v.tahun else (v.label or "") for v in
                      getattr(row, group)]
            if len(labels) > len(groups[group]):
                groups[group] = labels
    n = renja.tahun
    defaults = {"target_renstra": [f"Tahun {y}" for y in range(n - 2, n + 2)],
                "realisasi": [f"Tahun {n - 2}", f"Tahun {n - 1}"],
                "proyeksi": [f"Tahun {n}", f"Tahun {n + 1}"]}
    years = {g: groups[g] or defaults[g] for g in groups}
    titles = {"target_renstra": "Target Renstra Perangkat Daerah",
              "realisasi": "Realisasi Capaian", "proyeksi": "Proyeksi"}
    top = [HeaderCell("No", rowspan=2), HeaderCell("Indikator", rowspan=2),
           HeaderCell("SPM/Standar Nasional", rowspan=2), HeaderCell("IKK", rowspan=2)]
    top += [HeaderCell(titles[g], colspan=len(years[g])) for g in years]
    top.append(HeaderCell("Catatan Analisis", rowspan=2))
    second = [HeaderCell(label) for g in years for label in years[g]]
    width = 4 + sum(len(v) for v in years.values()) + 1
    rows: list[Row] = []
    kelompok = None
    for row in renja.tc30.rows:
        if row.kelompok and row.kelompok != kelompok:
            kelompok = row.kelompok
            rows.append(Row(["", f"{kelompok} :", *[""] * (width - 2)], "group"))
        values = []
        for g in years:
            items = getattr(row, g)
            values += [t(items[i].nilai) if i < len(items) else "" for i in range(len(years[g]))]
        rows.append(Row([row.nomor or "", row.indikator, row.spm or "", row.ikk or "", *values,
                         row.catatan or ""]))
    return TableLayout("tc30", "T-C.30",
                       title(renja.tc30.judul, "T-C.30",
                             f"Pencapaian Kinerja Pelayanan Perangkat Daerah {_place(renja)}"),
                       [top, second], [f"({i})" for i in range(1, width + 1)], rows,
                       [4, 24, 8, 6, *[6] * (width - 5), 12],
                       frozenset(range(4, width - 1)))


def tc31(renja: Renja) -> TableLayout:
    n = renja.tahun
    money = money_label(renja.tc31.satuan_uang, renja.tc31.skala_uang)
    side = ["Program/Kegiatan/Sub Kegiatan", "Lokasi", "Indikator Kinerja", "Target Capaian"]
    header = [
        [HeaderCell("No", rowspan=2), HeaderCell("Rancangan Awal RKPD", colspan=5),
         HeaderCell("Hasil Analisis Kebutuhan", colspan=5),
         HeaderCell("Catatan Penting", rowspan=2)],
        [*(HeaderCell(s) for s in side), HeaderCell(f"Pagu Indikatif {money}"),
         *(HeaderCell(s) for s in side), HeaderCell(f"Kebutuhan Dana {money}")],
    ]
    rows = []
    for row in renja.tc31.rows:
        count = max(len(row.ranwal.indikator), len(row.kebutuhan.indikator), 1)
        for i in range(count):
            cells = [row.nomor or "" if i == 0 else ""]
            for s in (row.ranwal, row.kebutuhan):
                ind = s.indikator[i] if i < len(s.indikator) else None
                cells += [s.nama if i == 0 else "", s.lokasi or "" if i == 0 else "",
                          ind.nama if ind else "", t(ind.target) if ind else "",
                          rp(s.pagu) if i == 0 else ""]
            cells.append(row.catatan or "" if i == 0 else "")
            kind: RowKind = (row.level or "plain") if i == 0 else "indikator"
            rows.append(Row(cells, kind, row.kode, {5: row.ranwal.pagu, 10: row.kebutuhan.pagu}
                            if i == 0 else {}))
    tc = renja.tc31
    if tc.total_ranwal is not None or tc.total_kebutuhan is not None:
        cells = ["", "JUMLAH TOTAL", "", "", "", rp(tc.total_ranwal), "", "", "", "",
                 rp(tc.total_kebutuhan), ""]
        rows.append(Row(cells, "total", None, {5: tc.total_ranwal, 10: tc.total_kebutuhan}))
    return TableLayout("tc31", "T-C.31",
                       title(renja.tc31.judul, "T-C.31",
                             f"Review terhadap Rancangan Awal RKPD Tahun {n} {_place(renja)}"),
                       header,
                       [f"({i})" for i in range(1, 13)], rows,
                       [3, 14, 5, 13, 6, 9, 14, 5, 13, 6, 9, 8], frozenset({4, 5, 9, 10}),
                       note=f"Nama Perangkat Daerah : {_agency(renja)}")


def tc32(renja: Renja) -> TableLayout:
    header = [[HeaderCell("No"), HeaderCell("Program/Kegiatan"), HeaderCell("Lokasi"),
               HeaderCell("Indikator Kinerja"), HeaderCell("Besaran/Volume"),
               HeaderCell("Catatan")]]
    from renja.review import usulan_catatan

    rows = [Row([u.nomor or "", u.program_kegiatan, u.lokasi or "", u.indikator or "",
                 t(u.volume), usulan_catatan(u, renja)]) for u in renja.tc32.rows]
    if not rows:
        rows = [Row(["", "NIHIL", "", "", "", ""], "nihil")]
    return TableLayout("tc32", "T-C.32",
                       title(renja.tc32.judul, "T-C.32",
                             f"Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun "
                             f"{renja.tahun} {_place(renja)}"), header,
                       [f"({i})" for i in range(1, 7)], rows, [4, 26, 12, 26, 10, 22],
                       frozenset({4}))


GROUP_TITLES = {"tujuan": "Tujuan :", "sasaran": "Sasaran :",
                "indikator_kinerja_daerah": "Indikator Kinerja Daerah :", "lainnya": ""}


def tujuan_sasaran(renja: Renja) -> TableLayout:
    n = renja.tahun
    header = [[HeaderCell("Tujuan/Sasaran"), HeaderCell("Indikator Kinerja"),
               HeaderCell(f"Realisasi {n - 2}"), HeaderCell(f"Proyeksi {n - 1}"),
               HeaderCell(f"Target {n}")]]
    rows: list[Row] = []
    kelompok = None
    previous_uraian = None
    for r in renja.tujuan_sasaran.rows:
        if r.kelompok != kelompok:
            kelompok, previous_uraian = r.kelompok, None
            if GROUP_TITLES[r.kelompok]:
                rows.append(Row([GROUP_TITLES[r.kelompok], "", "", "", ""], "group"))
        uraian = r.uraian if r.uraian != previous_uraian else ""
        previous_uraian = r.uraian
        rows.append(Row([uraian or "", r.indikator or "", t(r.realisasi_n2), t(r.proyeksi_n1),
                         t(r.target_n)]))
    return TableLayout("tujuan_sasaran", "3.2",
                       title(renja.tujuan_sasaran.judul, "3.2",
                             f"Tujuan dan Sasaran {renja.perangkat_daerah.nama} Tahun {n}"),
                       header,
                       [f"({i})" for i in range(1, 6)], rows, [30, 34, 12, 12, 12],
                       frozenset({2, 3, 4}))


TABLES = {"tc29": tc29, "tc30": tc30, "tc31": tc31, "tc32": tc32,
          "tujuan_sasaran": tujuan_sasaran, "tc33": tc33}


JUDUL = {"tc29": lambda r: r.tc29.judul, "tc30": lambda r: r.tc30.judul,
         "tc31": lambda r: r.tc31.judul, "tc32": lambda r: r.tc32.judul,
         "tujuan_sasaran": lambda r: r.tujuan_sasaran.judul, "tc33": lambda r: r.rencana.judul}


def layout(renja: Renja, key: str) -> TableLayout:
    if key == "tc33" and renja.rencana.tata_letak == "sipd-ri":
        from renja.render.sipd_ri import sipd_ri  # imports this module's helpers

        table = sipd_ri(renja)
    else:
        table = TABLES[key](renja)
    table.label = split_caption(JUDUL[key](renja), table.nomor)[0]
    return table


__all__ = ["BELANJA_OPERASI_PARTS", "HeaderCell", "Row", "TableLayout", "layout"]
