"""Money printed in thousands: a table headed "Pagu Indikatif (Rp.000)", "(dalam ribuan
rupiah)", "(Rp ribu)" prints 9.325.851 for Rp 9.325.851.000.

The label is read from the header, and the values are compared with the rest of the plan: the
reading that agrees with the plan wins (T-C.31 against the T-C.33 total, else its programs;
T-C.33 against a T-C.31 printed in Rupiah, else its label is trusted). Amounts are then kept
in full Rupiah; a label that contradicts its values is reported once (rule H004), never as a
mismatch on every row.
"""

from __future__ import annotations

from renja.domain import Jumlah, PlanNode, Renja, Source
from renja.domain.plan import BELANJA_OPERASI_PARTS, BELANJA_TOP
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


def settle_tc33(renja: Renja, report: Report, file: str) -> None:
    """Multiply T-C.33's amounts back to full Rupiah when its header says they are printed in
    thousands (or millions) and no table in Rupiah says otherwise."""
    rencana = renja.rencana
    label = money_scale(rencana.satuan_uang)
    if label == 1 or not rencana.rows:
        return
    reference = _tc31_total(renja) if money_scale(renja.tc31.satuan_uang) == 1 else None
    scale = printed_scale(_plan_total(renja), reference, label)
    if reference is None and too_large(renja, label):
        scale = 1  # a label copied from another document: the values are Rupiah
    if scale == 1:
        return  # the values are Rupiah whatever the label says: H004 reports it
    for node in rencana.walk():
        _scale(node, scale)
    if rencana.total is not None:
        _scale(rencana.total, scale)
    rencana.skala_uang = scale
    total = format_rupiah(rencana.total.pagu_n) if rencana.total and rencana.total.pagu_n \
        else "-"
    unit_id, unit_en = ("ribuan", "thousands") if scale == 1000 else ("jutaan", "millions")
    report.add(rencana.source_of("header") or Source(file=file),
               f"T-C.33: amounts in {unit_en} ('{rencana.satuan_uang}') read as full Rupiah "
               f"(total {total})",
               f"T-C.33: nilai dalam {unit_id} ('{rencana.satuan_uang}') dibaca sebagai Rupiah "
               f"penuh (jumlah {total})", "info")


RUPIAH_SIZED = 50_000_000  # a typical sub kegiatan printed in Rupiah; in thousands: 50 billion


def too_large(renja: Renja, scale: int) -> bool:
    """Whether T-C.33's amounts read in ``scale`` would make the typical sub kegiatan cost
    more than 50 billion Rupiah: printed in Rupiah, whatever the label says."""
    amounts = sorted(n.pagu_n for n in renja.rencana.walk()
                     if n.level == "sub_kegiatan" and n.pagu_n)
    return bool(amounts) and scale > 1 and amounts[len(amounts) // 2] >= RUPIAH_SIZED


def _scale(owner: PlanNode | Jumlah, scale: int) -> None:
    for name in ("pagu_n", "pagu_n1"):
        value = getattr(owner, name)
        if value is not None:
            setattr(owner, name, value * scale)
    for belanja in (owner.belanja_n, owner.belanja_n1):
        for name in (*BELANJA_TOP, *BELANJA_OPERASI_PARTS):
            value = getattr(belanja, name)
            if value is not None:
                setattr(belanja, name, value * scale)


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
