"""An HTML table saved as .xls, the way SIPD-based tools answer "Download Excel": Windows-1252,
upper-case tags, title rows inside the table, a two-row merged header, amounts as Excel
numbers (``x:num``) shown with separators, some amounts as text with ``,00``, ``&nbsp;`` in
empty cells, a sub kegiatan that starts in year n+1, and the total row in the Kode column."""

from __future__ import annotations

from html import escape

from renja.domain import Indikator, Renja, Target
from renja.domain.target import format_target
from renja.numbers import format_rupiah


def _money(value: int | None, as_text: bool) -> str:
    if not value:
        return "<TD>-</TD>"
    if as_text:
        return f"<TD>{format_rupiah(value)},00</TD>"
    return f'<TD class="num" x:num="{value}">{format_rupiah(value)}</TD>'


def sipd_xls(renja: Renja, new_next_year: set[str]) -> bytes:
    n, n1 = renja.tahun, renja.tahun + 1
    rows = []
    for i, node in enumerate(renja.rencana.walk()):
        new = node.kode in new_next_year
        first = node.indikator[0] if node.indikator else None
        target_n = "" if new or first is None else format_target(first.target_n)
        target_n1 = "" if first is None else format_target(first.target_n1)
        as_text = i % 3 == 0
        rows.append(
            f"<TR><TD>{escape(node.kode or '')}</TD><TD>{escape(node.nama)}</TD>"
            f"<TD>{escape(first.nama if first else '')}</TD>"
            f"<TD>{escape(node.lokasi or '')}</TD><TD>{escape(target_n) or '&nbsp;'}</TD>"
            + ("<TD>-</TD>" if new else _money(node.pagu_n, as_text))
            + f"<TD>{escape(node.sumber_dana or '')}</TD><TD>&nbsp;</TD>"
            f"<TD>{escape(target_n1)}</TD>" + _money(node.pagu_n1, as_text) + "</TR>")
    total = renja.rencana.total
    rows.append("<TR><TD><B>JUMLAH</B></TD><TD colspan=4>&nbsp;</TD>"
                + _money(total.pagu_n if total else 0, False)
                + "<TD colspan=3>&nbsp;</TD>" + _money(total.pagu_n1 if total else 0, False)
                + "</TR>")
    agency = escape(renja.perangkat_daerah.nama.upper())
    pemda = escape(renja.pemda.nama.upper())
    page = f"""<HTML xmlns:x="urn:schemas-microsoft-com:office:excel">
<HEAD><META http-equiv="Content-Type" content="text/html; charset=windows-1252">
<STYLE>.num {{ mso-number-format:"\\#\\,\\#\\#0"; }}</STYLE></HEAD>
<BODY>
<TABLE border="1">
<TR><TD colspan="10" align="center"><B>RENCANA KERJA PERANGKAT DAERAH</B></TD></TR>
<TR><TD colspan="10" align="center"><B>{agency} {pemda} TAHUN {n}</B></TD></TR>
<TR><TD colspan="10">Tabel T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah
Tahun {n} dan Prakiraan Maju Tahun {n1} &#8211; {escape(renja.pemda.nama)}</TD></TR>
<TR><TH rowspan="2">Kode</TH>
<TH rowspan="2">Urusan/Bidang Urusan Pemerintahan Daerah dan<BR>Program/Kegiatan/Sub Kegiatan</TH>
<TH rowspan="2">Indikator Kinerja Program/Kegiatan/Sub Kegiatan</TH>
<TH colspan="4">Rencana Tahun {n}</TH><TH rowspan="2">Catatan Penting</TH>
<TH colspan="2">Prakiraan Maju Rencana Tahun {n1}</TH></TR>
<TR><TH>Lokasi</TH><TH>Target Capaian Kinerja</TH><TH>Kebutuhan Dana/Pagu Indikatif (Rp)</TH>
<TH>Sumber Dana</TH><TH>Target Capaian Kinerja</TH><TH>Kebutuhan Dana/Pagu Indikatif (Rp)</TH></TR>
<TR>{"".join(f"<TD>({i})</TD>" for i in range(1, 11))}</TR>
{chr(10).join(rows)}
</TABLE></BODY></HTML>
"""
    return page.encode("cp1252")


SIPD_RI_HEADER = ("No", "Kode", "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan",
                  "Indikator Kinerja Program/Kegiatan/Sub Kegiatan",
                  "Target Akhir Periode Renstra PD", "Realisasi Capaian Tahun {n2}",
                  "Prakiraan Capaian Tahun {n1p}", "Target Kinerja Tahun {n}",
                  "Pagu Indikatif Tahun {n} (Rp)", "Lokasi", "Sumber Dana",
                  "Prioritas Nasional", "Prioritas Daerah", "Kelompok Sasaran",
                  "Target Kinerja Tahun {nn}", "Pagu Indikatif Tahun {nn} (Rp)",
                  "Perangkat Daerah Penanggung Jawab")


def txt(target: Target | None) -> str:
    return escape(format_target(target)) if target is not None else "&nbsp;"


def sipd_ri_xls(renja: Renja) -> bytes:
    """The plan as SIPD-RI's 17-column Renja table, downloaded as "Excel" (HTML)."""
    n = renja.tahun
    rows = []
    for number, node in enumerate(renja.rencana.walk(), start=1):
        indikator: list[Indikator | None] = list(node.indikator) or [None]
        for i, ind in enumerate(indikator):
            first = i == 0

            cells = [
                str(number) if first else "", escape(node.kode or "") if first else "",
                escape(node.nama) if first else "", escape(ind.nama) if ind else "",
                txt(ind.target_renstra if ind else None), txt(ind.realisasi_n2 if ind else None),
                txt(ind.prakiraan_n1 if ind else None), txt(ind.target_n if ind else None),
                None if first else "", escape(node.lokasi or "") if first else "",
                escape(node.sumber_dana or "") if first else "",
                escape(node.prioritas_nasional or "") if first else "",
                escape(node.prioritas_daerah or "") if first else "",
                escape(node.kelompok_sasaran or "") if first else "",
                txt(ind.target_n1 if ind else None), None if first else "",
                escape(node.penanggung_jawab or "") if first else ""]
            html = []
            for j, cell in enumerate(cells):
                if cell is None:
                    value = node.pagu_n if j == 8 else node.pagu_n1
                    html.append(_money(value, as_text=False))
                else:
                    html.append(f"<TD>{cell or '&nbsp;'}</TD>")
            rows.append("<TR>" + "".join(html) + "</TR>")
    total = renja.rencana.total
    rows.append("<TR><TD colspan=8><B>Jumlah</B></TD>" + _money(total.pagu_n if total else 0,
                False) + "<TD colspan=6></TD>" + _money(total.pagu_n1 if total else 0, False)
                + "<TD></TD></TR>")
    labels = [h.format(n=n, n2=n - 2, n1p=n - 1, nn=n + 1) for h in SIPD_RI_HEADER]
    page = f"""<html><head><meta charset="utf-8"></head><body>
<h3>RENCANA KERJA {escape(renja.perangkat_daerah.nama.upper())}
{escape(renja.pemda.nama.upper())} TAHUN {n}</h3>
<table border="1">
<tr>{"".join(f"<th>{escape(label)}</th>" for label in labels)}</tr>
<tr>{"".join(f"<th>{i}</th>" for i in range(1, 18))}</tr>
{chr(10).join(rows)}
</table></body></html>"""
    return page.encode("utf-8")
