"""Tabel E.81 (Permendagri 86/2017), "Evaluasi terhadap Hasil Renja Perangkat Daerah Lingkup
Kabupaten/Kota", laid out once for DOCX, PDF and XLSX: 15 columns, 5–14 each split into K
(kinerja) and Rp; footer rows with the rata-rata capaian, predikat, factors and follow-ups;
signed by the head of the agency and evaluated by the head of Bappeda."""

from __future__ import annotations

from decimal import Decimal

from renja.calc.capaian import rounded
from renja.calc.e81 import E81, E81Indikator, E81Row
from renja.domain import Penandatangan
from renja.errors import RenjaError
from renja.numbers import format_number, format_rupiah
from renja.render.layout import HeaderCell, Row, RowKind, TableLayout
from renja.render.outline import Table

ROMAN = ("I", "II", "III", "IV")
COLUMNS = 25  # 1–4, ten K/Rp pairs (5–14), 15
K_RP = {n: (4 + 2 * (n - 5), 5 + 2 * (n - 5)) for n in range(5, 15)}
"""Column number of the regulation → (cell index of K, of Rp)."""
UNIT = 24
RENJA_K, RENJA_RP, KETERANGAN = 25, 26, 27
"""The optional columns some pemda add after (15): tingkat capaian Renja = (12)/(7) in K and
Rp, and keterangan (how each indicator's year is counted)."""
EXTRA = 3
KINDS = {"jumlah": "dijumlahkan per triwulan", "terakhir": "nilai triwulan terakhir",
         "rata_rata": "rata-rata triwulan"}

def header(e81: E81, tambahan: bool = False) -> list[list[HeaderCell]]:
    n = e81.tahun
    upper = [
        HeaderCell("No", rowspan=2), HeaderCell("Sasaran", rowspan=2),
        HeaderCell("Program/Kegiatan", rowspan=2),
        HeaderCell("Indikator Kinerja Program (outcome)/Kegiatan (output)", rowspan=2),
        HeaderCell("Target Renstra PD pada Tahun Akhir Periode Renstra", colspan=2),
        HeaderCell(f"Realisasi Capaian Kinerja Renstra PD s/d Renja PD Tahun Lalu ({n - 1})",
                   colspan=2),
        HeaderCell(f"Target Kinerja dan Anggaran Renja PD Tahun Berjalan ({n}) yang "
                   f"Dievaluasi", colspan=2),
        *[HeaderCell(f"Realisasi Kinerja pada Triwulan {r}", colspan=2) for r in ROMAN],
        HeaderCell(f"Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi ({n})",
                   colspan=2),
        HeaderCell(f"Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun {n}", colspan=2),
        HeaderCell(f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun {n} "
                   f"(%)", colspan=2),
        HeaderCell("Unit PD Penanggung Jawab", rowspan=2),
    ]
    lower = [HeaderCell(part) for _ in range(10) for part in ("K", "Rp")]
    if tambahan:
        upper += [HeaderCell(f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD Tahun "
                             f"{n} (12/7) (%)", colspan=2),
                  HeaderCell("Keterangan", rowspan=2)]
        lower += [HeaderCell("K"), HeaderCell("Rp")]
    return [upper, lower]


def numbers(tambahan: bool = False) -> list[str]:
    cells = ["1", "2", "3", "4"]
    for n in range(5, 15):
        cells += [f"{n}", ""]
    return [*cells, "15", *(("16", "", "17") if tambahan else ())]


def e81_layout(e81: E81, tambahan: bool = False) -> TableLayout:
    """The table; with ``tambahan``, the optional columns (16) tingkat capaian Renja and (17)
    keterangan after the regulation's fifteen."""
    width = COLUMNS + (EXTRA if tambahan else 0)
    rows: list[Row] = []
    for row in e81.rows:
        rows.extend(_rows(row, width))
    rows.extend(_footer(e81, width))
    upto = "" if e81.sampai_triwulan == 4 else f" s/d Triwulan {ROMAN[e81.sampai_triwulan - 1]}"
    widths = [1.6, 3.5, 9, 9, *[3.3, 5.8] * 10, 5, *((3.3, 3.3, 6) if tambahan else ())]
    money = frozenset({rp for _, rp in K_RP.values()} | {k for k, _ in K_RP.values()} |
                      ({RENJA_K, RENJA_RP} if tambahan else set()))
    return TableLayout(
        "e81", "E.81",
        f"Evaluasi terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten/Kota Tahun "
        f"{e81.tahun}{upto}",
        header(e81, tambahan), numbers(tambahan), rows, widths, money,
        note=f"Perangkat Daerah : {e81.perangkat_daerah} · Periode pelaksanaan : "
             f"{e81.tahun}{upto} · Indikator dan target kinerja mengacu pada sasaran RKPD",
        font_size=4.6, label="Tabel E.81")


def _rows(row: E81Row, width: int = COLUMNS) -> list[Row]:
    indicators: list[E81Indikator | None] = list(row.indikator) or [None]
    out = []
    for i, ind in enumerate(indicators):
        cells = [""] * width
        first = i == 0
        if first:
            cells[0], cells[2] = str(row.nomor), f"{row.kode} {row.nama}".strip()
            cells[1] = row.sasaran
            cells[UNIT] = row.unit
            cells[K_RP[5][1]] = format_rupiah(row.pagu_renstra)
            cells[K_RP[7][1]] = format_rupiah(row.pagu)
            for q in range(4):
                cells[K_RP[8 + q][1]] = format_rupiah(row.anggaran_triwulan[q])
            cells[K_RP[12][1]] = format_rupiah(row.anggaran)
            if width > COLUMNS:
                cells[RENJA_RP] = _percent(row.serapan)
        if ind is not None:
            cells[3] = ind.nama
            cells[K_RP[5][0]] = _k(ind.target_renstra, ind.satuan)
            cells[K_RP[6][0]] = _k(ind.realisasi_renstra_lalu, ind.satuan)
            cells[K_RP[7][0]] = _k(ind.target, ind.satuan)
            for q in range(4):
                cells[K_RP[8 + q][0]] = _k(ind.triwulan[q], ind.satuan)
            cells[K_RP[12][0]] = _k(ind.realisasi, ind.satuan)
            cells[K_RP[13][0]] = _k(ind.realisasi_renstra, ind.satuan)
            cells[K_RP[14][0]] = _percent(ind.capaian_renstra)
            if width > COLUMNS:
                cells[RENJA_K] = _percent(ind.capaian_renja)
                cells[KETERANGAN] = keterangan(ind)
        kind: RowKind = row.level if first and row.level in (  # type: ignore[assignment]
            "program", "kegiatan", "sub_kegiatan") else "indikator"
        values = {K_RP[5][1]: row.pagu_renstra, K_RP[7][1]: row.pagu,
                  K_RP[12][1]: row.anggaran,
                  **{K_RP[8 + q][1]: row.anggaran_triwulan[q] for q in range(4)}} \
            if first else {}
        out.append(Row(cells, kind, row.kode if first else None, values))
    return out


def keterangan(ind: E81Indikator) -> str:
    """How the indicator's year was counted, for the optional keterangan column."""
    said = KINDS[ind.agregasi]
    return f"{said}; makin kecil makin baik" if ind.polaritas == "negatif" else said


def _footer(e81: E81, width: int = COLUMNS) -> list[Row]:
    note = e81.catatan
    basis = "(14)" if e81.dasar == "renstra" else "(12)/(7)"
    lines = [
        (f"Rata-rata capaian kinerja (%) — kolom {basis}", _percent(e81.rata_rata_capaian)),
        ("Predikat kinerja", e81.predikat or ""),
        ("Daya serap anggaran (%)", _percent(e81.daya_serap)),
        ("Faktor pendorong keberhasilan pencapaian", note.faktor_pendorong if note else ""),
        ("Faktor penghambat pencapaian kinerja", note.faktor_penghambat if note else ""),
        ("Tindak lanjut yang diperlukan dalam triwulan berikutnya",
         note.tindak_lanjut if note else ""),
        ("Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
         note.tindak_lanjut_renja if note else ""),
    ]
    rows = []
    for label, value in lines:
        cells = [""] * width
        cells[2], cells[3] = label, value
        rows.append(Row(cells, "total"))
    return rows


def signatures(tempat: str = "", kepala: Penandatangan | None = None) -> list[str]:
    """The two signature blocks under the table: drawn up by the head of the agency (their
    name and NIP when the plan carries their approval), evaluated by the head of Bappeda;
    blanks to be signed by hand."""
    blank = "(" + "." * 30 + ")"
    place = f"{tempat}, " if tempat else ""
    head = [kepala.nama or blank, f"NIP. {kepala.nip}" if kepala.nip else "NIP."] \
        if kepala else [blank, "NIP."]
    return ["\n".join(["Disusun", f"{place}tanggal ...............",
                       (kepala.jabatan if kepala and kepala.jabatan else
                        "Kepala Perangkat Daerah"), "", "", *head]),
            "\n".join(["Dievaluasi", f"{place}tanggal ...............", "Kepala Bappeda", "",
                       "", blank, "NIP."])]


def render_e81(e81: E81, fmt: str, tempat: str = "",
               kepala: Penandatangan | None = None, tambahan: bool = False) -> bytes:
    """E.81 as a DOCX, PDF or XLSX document (the XLSX with live formulas); ``tambahan`` adds
    the optional columns (16) tingkat capaian Renja and (17) keterangan."""
    table = e81_layout(e81, tambahan)
    table.closing = signatures(tempat, kepala)
    if fmt == "xlsx":
        from renja.io.xlsx.e81 import render_e81_xlsx

        return render_e81_xlsx(e81, table)
    if fmt == "docx":
        from renja.io.docx.write import render_blocks

        return render_blocks([Table(table)])
    if fmt == "pdf":
        from renja.io.pdf.write import render_blocks as render_pdf

        return render_pdf([Table(table)], table.title)
    raise RenjaError(f"E.81 is rendered as docx, pdf or xlsx, not '{fmt}'",
                     f"E.81 dapat dibuat sebagai docx, pdf atau xlsx, bukan '{fmt}'")


def _k(value: Decimal | None, satuan: str | None) -> str:
    if value is None:
        return ""
    return format_number(value.normalize() if value == value.to_integral_value() else
                         rounded(value))


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{format_number(rounded(value), 2)}"
