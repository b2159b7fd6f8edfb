"""Money printed in thousands: T-C.31 headed "Pagu Indikatif (Rp.000)", "(dalam ribuan
rupiah)", "(Rp ribu)" prints 9.325.851 for Rp 9.325.851.000.

The label is read from the header, and the values are compared with the rest of the plan (the
T-C.33 total, else its programs): the reading that agrees with the plan wins. Amounts are then
kept in full Rupiah; a label that contradicts its values is reported once (rule H004), never
as a mismatch on every row.
"""

from __future__ import annotations

from renja.domain import Renja, Source
from renja.io.report import Report
from renja.numbers import format_rupiah, money_scale


def _plan_total(renja: Renja) -> int | None:
    total = renja.rencana.total
    if total is not None and total.pagu_n:
        return total.pagu_n
    programs = [n.pagu_n for n in renja.rencana.walk() if n.level == "program" and n.pagu_n]
    return sum(programs) or None


def _tc31_total(renja: Renja) -> int | None:
    tc31 = renja.tc31
    if tc31.total_kebutuhan:
        return tc31.total_kebutuhan
    amounts = [r.kebutuhan.pagu for r in tc31.rows if r.kebutuhan.pagu and r.level == "program"]
    return sum(amounts) or None


def printed_scale(printed: int | None, reference: int | None, label: int) -> int:
    """What amounts printed like ``printed`` are counted in (1, 1000 or 1000000), given the
    plan's ``reference`` total in Rupiah and what the label says (``label``)."""
    if printed and reference:
        ratio = reference / printed
        for scale in (1, 1000, 1_000_000):
            if scale / 2 <= ratio <= scale * 2:
                return scale
    return label


def settle_tc31(renja: Renja, report: Report, file: str) -> None:
    """Multiply T-C.31's amounts back to full Rupiah when they were printed in thousands (or
    millions)."""
    tc31 = renja.tc31
    label = money_scale(tc31.satuan_uang)
    scale = printed_scale(_tc31_total(renja), _plan_total(renja), label) if tc31.rows else 1
    if scale == 1:
        return
    for row in tc31.rows:
        for side in (row.ranwal, row.kebutuhan):
            if side.pagu is not None:
                side.pagu *= scale
    if tc31.total_ranwal is not None:
        tc31.total_ranwal *= scale
    if tc31.total_kebutuhan is not None:
        tc31.total_kebutuhan *= scale
    tc31.skala_uang = scale
    where = tc31.source_of("header") or Source(file=file)
    shown = f"'{tc31.satuan_uang}'" if tc31.satuan_uang else "Rp"
    unit_id, unit_en = ("ribuan", "thousands") if scale == 1000 else ("jutaan", "millions")
    total = format_rupiah(tc31.total_kebutuhan) if tc31.total_kebutuhan else "-"
    if label == scale:
        report.add(where, f"T-C.31: amounts in {unit_en} ({shown}) read as full Rupiah "
                          f"(total {total})",
                   f"T-C.31: nilai dalam {unit_id} ({shown}) dibaca sebagai Rupiah penuh "
                   f"(jumlah {total})", "info")
    else:
        report.add(where, f"T-C.31: the header says {shown} but the amounts are in {unit_en} "
                          f"(compared with T-C.33): read ×{format_rupiah(scale)}",
                   f"T-C.31: judul kolom menyebut {shown} tetapi nilainya dalam {unit_id} "
                   f"(dibandingkan dengan T-C.33): dibaca ×{format_rupiah(scale)}", "warning")
