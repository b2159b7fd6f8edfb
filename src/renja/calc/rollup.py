"""Roll-ups of pagu and belanja: what a parent row and the total should be."""

from __future__ import annotations

from collections.abc import Iterable

from renja.domain import Belanja, PlanNode, Renja
from renja.domain.plan import BELANJA_OPERASI_PARTS, BELANJA_TOP

YEARS = ("n", "n1")


def pagu(node: PlanNode | None, year: str) -> int | None:
    return None if node is None else getattr(node, f"pagu_{year}")


def belanja(node: PlanNode, year: str) -> Belanja:
    return getattr(node, f"belanja_{year}")  # type: ignore[no-any-return]


def total_of(values: Iterable[int | None]) -> int | None:
    """The sum, or None when any value is missing (a sum of unknowns is unknown)."""
    result = 0
    for value in values:
        if value is None:
            return None
        result += value
    return result


def children_pagu(node: PlanNode, year: str) -> int | None:
    """The sum of the children's pagu, or None without children or with a missing one."""
    if not node.children:
        return None
    return total_of(pagu(child, year) for child in node.children)


def children_belanja(node: PlanNode, year: str, field: str) -> int | None:
    """The sum of one belanja field over the children (None if any child does not print it)."""
    if not node.children:
        return None
    return total_of(getattr(belanja(child, year), field) for child in node.children)


def operasi_parts(b: Belanja) -> int | None:
    """pegawai + barang dan jasa + bunga + subsidi + hibah + bantuan sosial (printed ones)."""
    printed = [getattr(b, f) for f in BELANJA_OPERASI_PARTS if getattr(b, f) is not None]
    return sum(printed) if printed else None


def belanja_total(b: Belanja) -> int | None:
    """operasi + modal + tidak terduga + transfer (operasi from its parts when not printed)."""
    operasi = b.operasi if b.operasi is not None else operasi_parts(b)
    printed = [v for v in (operasi, b.modal, b.tidak_terduga, b.transfer) if v is not None]
    return sum(printed) if printed else None


def plan_total(renja: Renja, year: str, programs: list[PlanNode] | None = None) -> int | None:
    """The sum over the programs (the level the official total adds up); ``programs``: the
    plan's program rows, if already found."""
    programs = _programs(renja) if programs is None else programs
    if not programs:
        return None
    return total_of(pagu(p, year) for p in programs)


def plan_belanja(renja: Renja, year: str, field: str,
                 programs: list[PlanNode] | None = None) -> int | None:
    programs = _programs(renja) if programs is None else programs
    if not programs:
        return None
    return total_of(getattr(belanja(p, year), field) for p in programs)


def _programs(renja: Renja) -> list[PlanNode]:
    return [n for n in renja.rencana.walk() if n.level == "program"]


__all__ = ["BELANJA_OPERASI_PARTS", "BELANJA_TOP", "YEARS", "belanja", "belanja_total",
           "children_belanja", "children_pagu", "operasi_parts", "pagu", "plan_belanja",
           "plan_total", "total_of"]
