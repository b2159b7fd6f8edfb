"""The RKPD table of a pemda: every agency's programs, kegiatan and sub kegiatan grouped by
urusan and bidang urusan, then by agency (unit), with the sums of each group and a TOTAL row.

A program is placed under the bidang its code names (the cross-cutting program under the
agency's primary bidang), so an agency that runs programs of two bidang appears under both.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from renja.domain import PlanNode
from renja.nomenklatur import Catalogue, default_catalogue
from renja.rkpd.model import PemdaPlans, Unit, bidang_of, effective_sumber, sumber_key

RowKind = Literal["urusan", "bidang", "unit", "program", "kegiatan", "sub_kegiatan", "total"]
PLAN_LEVELS = ("program", "kegiatan", "sub_kegiatan")


@dataclass
class RkpdRow:
    kind: RowKind
    kode: str
    nama: str
    unit: Unit | None = None
    node: PlanNode | None = None
    pagu_n: int | None = None
    pagu_n1: int | None = None
    parent: int | None = None
    """Index of the group row this row adds into (None for urusan rows and TOTAL)."""


@dataclass
class Ceiling:
    """An agency's pagu indikatif against its ceiling, in total or for one sumber dana."""

    unit: Unit
    sumber_dana: str | None
    pagu: int | None
    ceiling: int | None

    @property
    def selisih(self) -> int | None:
        """Ceiling minus pagu: negative when over."""
        if self.pagu is None or self.ceiling is None:
            return None
        return self.ceiling - self.pagu

    @property
    def over(self) -> bool:
        return self.selisih is not None and self.selisih < 0


@dataclass
class Rkpd:
    pemda: str
    tahun: int
    tahapan: str | None
    rows: list[RkpdRow]
    units: list[Unit]
    ceilings: list[Ceiling] = field(default_factory=list)

    @property
    def total(self) -> RkpdRow:
        return self.rows[-1]

    def unit_ceilings(self, unit: Unit) -> list[Ceiling]:
        return [c for c in self.ceilings if c.unit is unit]


def _sum(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def unit_programs(unit: Unit) -> list[PlanNode]:
    if unit.plan is None:
        return []
    return [n for n in unit.plan.rencana.walk() if n.level == "program"]


def pagu_per_sumber(unit: Unit) -> dict[str, tuple[str, int]]:
    """Pagu of year n per sumber dana: key → (the name as first written, amount); rows that
    name no sumber dana are left out."""
    found: dict[str, tuple[str, int]] = {}
    for node, sumber in effective_sumber(unit_programs(unit)):
        if sumber is None or node.pagu_n is None:
            continue
        key = sumber_key(sumber)
        label, amount = found.get(key, (sumber, 0))
        found[key] = (label, amount + node.pagu_n)
    return found


def ceilings_of(unit: Unit) -> list[Ceiling]:
    """The total against the ceiling, then each sumber dana the pemda set a ceiling for."""
    found = [Ceiling(unit, None, unit.total if unit.plan else None, unit.pagu)]
    spent = pagu_per_sumber(unit)
    for name, ceiling in unit.pagu_sumber.items():
        _, amount = spent.get(sumber_key(name), (name, 0))
        found.append(Ceiling(unit, name, amount if unit.plan else None, ceiling))
    return found


def compile_rkpd(pemda: PemdaPlans, catalogue: Catalogue | None = None) -> Rkpd:
    catalogue = catalogue or default_catalogue()
    per_bidang: dict[str, list[tuple[Unit, list[PlanNode]]]] = defaultdict(list)
    for unit in pemda.units:
        grouped: dict[str, list[PlanNode]] = defaultdict(list)
        for program in unit_programs(unit):
            bidang = bidang_of(program.kode) or (unit.bidang[0] if unit.bidang else "")
            grouped[bidang].append(program)
        for bidang, programs in grouped.items():
            per_bidang[bidang].append((unit, programs))

    rows: list[RkpdRow] = []
    urusan_rows: list[int] = []
    for bidang in sorted(per_bidang, key=_code_order):
        urusan = bidang.split(".")[0]
        if not urusan_rows or rows[urusan_rows[-1]].kode != urusan:
            urusan_rows.append(len(rows))
            rows.append(RkpdRow("urusan", urusan, _name(catalogue, urusan, pemda.tahun)))
        bidang_at = len(rows)
        rows.append(RkpdRow("bidang", bidang, _name(catalogue, bidang, pemda.tahun),
                            parent=urusan_rows[-1]))
        for unit, programs in per_bidang[bidang]:
            unit_at = len(rows)
            rows.append(RkpdRow("unit", bidang, unit.nama, unit=unit, parent=bidang_at))
            for program in programs:
                _add(rows, unit, program, unit_at)
    _sum_groups(rows)
    urusan_total = [rows[i] for i in urusan_rows]
    rows.append(RkpdRow("total", "", "TOTAL", pagu_n=_sum([r.pagu_n for r in urusan_total]),
                        pagu_n1=_sum([r.pagu_n1 for r in urusan_total])))
    ceilings = [c for unit in pemda.units for c in ceilings_of(unit)]
    return Rkpd(pemda.pemda, pemda.tahun, pemda.tahapan, rows, list(pemda.units), ceilings)


def _add(rows: list[RkpdRow], unit: Unit, node: PlanNode, parent: int) -> None:
    at = len(rows)
    rows.append(RkpdRow(node.level, node.kode or node.kode_asal or "",  # type: ignore[arg-type]
                        node.nama, unit=unit, node=node, pagu_n=node.pagu_n,
                        pagu_n1=node.pagu_n1, parent=parent))
    for child in node.children:
        if child.level in PLAN_LEVELS:
            _add(rows, unit, child, at)


def _sum_groups(rows: list[RkpdRow]) -> None:
    """Each unit, bidang and urusan row is the sum of the rows directly under it (units add
    their programs: the level a plan's total adds up)."""
    under_of: dict[int, list[RkpdRow]] = defaultdict(list)
    for row in rows:
        if row.parent is not None:
            under_of[row.parent].append(row)
    for kind, child in (("unit", "program"), ("bidang", "unit"), ("urusan", "bidang")):
        for i, row in enumerate(rows):
            if row.kind != kind:
                continue
            under = [r for r in under_of[i] if r.kind == child]
            row.pagu_n = _sum([r.pagu_n for r in under])
            row.pagu_n1 = _sum([r.pagu_n1 for r in under])


def _code_order(kode: str) -> tuple[str, ...]:
    return tuple(part.zfill(3) for part in kode.split("."))


def _name(catalogue: Catalogue, kode: str, tahun: int) -> str:
    entry = catalogue.get(kode, tahun) if kode else None
    return entry.nama if entry else kode
