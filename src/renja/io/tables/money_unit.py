"""Money printed in thousands: T-C.31 headed "Pagu Indikatif (Rp.000)", "(dalam ribuan
rupiah)", "(Rp ribu)" prints 9.325.851 for Rp 9.325.851.000.

The label is read from the header, and the values are compared with the rest of the plan (the
T-C.33 total, else its programs): the reading that agrees with the plan wins. Amounts are then
kept in full Rupiah; a label that contradicts its values is reported once (rule H004), never
as a mismatch on every row.
"""

from __future__ import annotations

import re

from renja.domain import Renja, Source
from renja.io.report import Report
from renja.numbers import format_rupiah

THOUSANDS = re.compile(r"\.?\s*000\b|ribu", re.IGNORECASE)


def says_thousands(label: str | None) -> bool:
    return bool(label and THOUSANDS.search(label))


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


def in_thousands(printed: int | None, reference: int | None, label: bool) -> bool:
    """Whether amounts printed like ``printed`` are thousands, given the plan's ``reference``
    total in Rupiah and whether the label says thousands."""
    if printed and reference:
        ratio = reference / printed
        if 500 <= ratio <= 2000:
            return True
        if 0.5 <= ratio <= 2:
            return False
    return label


def settle_tc31(renja: Renja, report: Report, file: str) -> None:
    """Multiply T-C.31's amounts by 1000 when they were printed in thousands."""
    tc31 = renja.tc31
    label = says_thousands(tc31.satuan_uang)
    if not tc31.rows or not in_thousands(_tc31_total(renja), _plan_total(renja), label):
        return
    for row in tc31.rows:
        for side in (row.ranwal, row.kebutuhan):
            if side.pagu is not None:
                side.pagu *= 1000
    if tc31.total_ranwal is not None:
        tc31.total_ranwal *= 1000
    if tc31.total_kebutuhan is not None:
        tc31.total_kebutuhan *= 1000
    tc31.skala_uang = 1000
    where = tc31.source_of("header") or Source(file=file)
    shown = f"'{tc31.satuan_uang}'" if tc31.satuan_uang else "Rp"
    total = format_rupiah(tc31.total_kebutuhan) if tc31.total_kebutuhan else "-"
    if label:
        report.add(where, f"T-C.31: amounts in thousands ({shown}) read as full Rupiah "
                          f"(total {total})",
                   f"T-C.31: nilai dalam ribuan ({shown}) dibaca sebagai Rupiah penuh (jumlah "
                   f"{total})", "info")
    else:
        report.add(where, f"T-C.31: the header says {shown} but the amounts are in thousands "
                          f"(a thousandth of T-C.33): read ×1000",
                   f"T-C.31: judul kolom menyebut {shown} tetapi nilainya dalam ribuan "
                   f"(seperseribu T-C.33): dibaca ×1000", "warning")
