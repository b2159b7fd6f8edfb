"""Tables generated from data: T-C.31 from the ranwal RKPD, T-C.32 from the proposals."""

from __future__ import annotations

from dataclasses import dataclass

from renja.domain import IndikatorTarget, Renja, Target, Tc31, Tc31Row, Tc31Side, Usulan
from renja.numbers import format_rupiah


@dataclass(frozen=True)
class RanwalItem:
    """A line of the ranwal RKPD for one agency: what the pemda's first draft gives it."""

    kode: str
    nama: str
    indikator: str = ""
    target: Target | None = None
    pagu: int | None = None
    lokasi: str = ""


def ranwal_total(ranwal: list[RanwalItem]) -> int | None:
    """The ranwal's total: the amounts of the lines that no other line with an amount
    contains (programs, or sub kegiatan given alone), so nothing is counted twice."""
    priced = {item.kode for item in ranwal if item.pagu is not None}
    roots = [item for item in ranwal if item.pagu is not None
             and not any(item.kode.startswith(other + ".") for other in priced)]
    return sum(item.pagu or 0 for item in roots) or None


def generate_tc31(renja: Renja, ranwal: list[RanwalItem]) -> Tc31:
    """The ranwal RKPD (left) beside the plan (right), one row per code of either; the catatan
    the agency wrote for a code is kept, and a difference without one is named."""
    reasons = {row.kode: row.catatan for row in renja.tc31.rows if row.kode and row.catatan}
    plan = {n.kode: n for n in renja.rencana.walk()
            if n.kode and n.level in ("program", "kegiatan", "sub_kegiatan")}
    left = {item.kode: item for item in ranwal}
    codes = [*plan] + [k for k in left if k not in plan]
    table = Tc31(judul=renja.tc31.judul, satuan_uang="Rp")
    for kode in codes:
        node, item = plan.get(kode), left.get(kode)
        row = Tc31Row(kode=kode, level=node.level if node else None)
        if item is not None:
            row.ranwal = Tc31Side(nama=item.nama, lokasi=item.lokasi or None, pagu=item.pagu,
                                  indikator=[IndikatorTarget(nama=item.indikator,
                                                             target=item.target)])
        if node is not None:
            row.kebutuhan = Tc31Side(
                nama=node.nama, lokasi=node.lokasi, pagu=node.pagu_n,
                indikator=[IndikatorTarget(nama=i.nama, target=i.target_n)
                           for i in node.indikator])
        row.catatan = reasons.get(kode) or _difference(item, node)
        table.rows.append(row)
    table.total_ranwal = ranwal_total(ranwal)
    total = renja.rencana.total
    table.total_kebutuhan = total.pagu_n if total else None
    return table


def _difference(item: RanwalItem | None, node: object) -> str | None:
    if item is None:
        return "Tidak ada dalam rancangan awal RKPD (tambahan hasil analisis kebutuhan)"
    if node is None:
        return "Tidak dilanjutkan dalam Renja"
    pagu = getattr(node, "pagu_n", None)
    if item.pagu is not None and pagu is not None and item.pagu != pagu:
        delta = pagu - item.pagu
        sign = "bertambah" if delta > 0 else "berkurang"
        return f"Pagu {sign} Rp {format_rupiah(abs(delta), dash_for_zero=False)}"
    return None


def usulan_catatan(usulan: Usulan, renja: Renja) -> str:
    """T-C.32's catatan from the decision: where a proposal went, or why it did not."""
    if usulan.diterima and usulan.kode:
        node = next((n for n in renja.rencana.walk() if n.kode == usulan.kode), None)
        name = f" {node.nama}" if node else ""
        return f"Diakomodir pada {usulan.kode}{name}"
    if usulan.diterima is False:
        return f"Tidak diakomodir: {usulan.alasan}" if usulan.alasan else "Tidak diakomodir"
    return usulan.catatan or ""
