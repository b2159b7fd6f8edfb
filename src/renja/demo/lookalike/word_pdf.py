"""A Renja PDF laid out the way a Word user would, not the way renja prints: T-C.33 alone in
landscape, a merged two-row header, money as Word prints it, a sub kegiatan that starts in
year n+1 ("-" under year n), the total row named in the Kode column, and a page number in
the footer. Typeset with Typst from a generated plan, so every value is known."""

from __future__ import annotations

import json

import typst

from renja.domain import Renja
from renja.domain.target import format_target
from renja.numbers import format_rupiah


def q(text: str) -> str:
    return f"[#{json.dumps(text, ensure_ascii=False)}]"


def _money(value: int | None) -> str:
    return "-" if not value else format_rupiah(value)


def handmade_pdf(renja: Renja, new_next_year: set[str]) -> bytes:
    """``renja`` as a Word-like PDF; rows whose code is in ``new_next_year`` print "-" in
    year n."""
    n, n1 = renja.tahun, renja.tahun + 1
    agency = renja.perangkat_daerah.nama.upper()
    pemda = renja.pemda.nama.upper()
    cells: list[str] = []
    for node in renja.rencana.walk():
        new = node.kode in new_next_year
        first = node.indikator[0] if node.indikator else None
        target_n = "" if new or first is None else format_target(first.target_n)
        target_n1 = "" if first is None else format_target(first.target_n1)
        cells += [q(node.kode or ""), q(node.nama), q(first.nama if first else ""),
                  q(node.lokasi or ""), q(target_n), q("-" if new else _money(node.pagu_n)),
                  q(node.sumber_dana or ""), q(""), q(target_n1), q(_money(node.pagu_n1))]
    total = renja.rencana.total
    cells += [q("JUMLAH"), "table.cell(colspan: 4)[]", q(_money(total.pagu_n if total else 0)),
              "table.cell(colspan: 3)[]", q(_money(total.pagu_n1 if total else 0))]
    return typst.compile(f"""
#set page(paper: "a4", margin: 2.5cm, footer: context align(right, counter(page).display()))
#set text(font: "DejaVu Sans", size: 11pt)
#set par(justify: true)
#align(center)[#text(weight: "bold")[RENCANA KERJA \\ {agency} \\ {pemda} \\ TAHUN {n}]]
#pagebreak()
#align(center)[*BAB I* \\ *PENDAHULUAN*]

1.1 Latar Belakang

Rencana Kerja ini disusun sebagai pedoman pelaksanaan program dan kegiatan pada tahun {n}
dengan memperhatikan hasil evaluasi pelaksanaan rencana kerja tahun sebelumnya serta
usulan para pemangku kepentingan yang telah dibahas dalam forum perangkat daerah.

#align(center)[*BAB IV* \\ *RENCANA KERJA DAN PENDANAAN*]

#set page(flipped: true, margin: 1.5cm)
#set text(size: 7pt, hyphenate: false)
#set par(justify: false)
Tabel T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {n} dan Prakiraan
Maju Tahun {n1}

#table(columns: (11.5em, 1fr, 1fr, 7.5em, 5.5em, 9.5em, 5em, 5em, 5.5em, 9.5em),
  table.header(
    table.cell(rowspan: 2)[Kode],
    table.cell(rowspan: 2)[Urusan/Bidang Urusan Pemerintahan Daerah dan
      Program/Kegiatan/Sub Kegiatan],
    table.cell(rowspan: 2)[Indikator Kinerja Program/Kegiatan/Sub Kegiatan],
    table.cell(colspan: 4)[Rencana Tahun {n}],
    table.cell(rowspan: 2)[Catatan Penting],
    table.cell(colspan: 2)[Prakiraan Maju Rencana Tahun {n1}],
    [Lokasi], [Target Capaian Kinerja], [Kebutuhan Dana/Pagu Indikatif (Rp)], [Sumber Dana],
    [Target Capaian Kinerja], [Kebutuhan Dana/Pagu Indikatif (Rp)],
    ..range(1, 11).map(i => [(#i)]),
  ),
  {", ".join(cells)}
)
""".encode())
