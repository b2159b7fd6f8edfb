"""How a Renja's rows stand to its agency's Renstra: rows matched by code (a cross-cutting
``X.XX`` code matched through the agency's own bidang), indicators by name, and the Renstra's
target and money for the Renja's year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from renja.codes.kode import parse_kode
from renja.domain import Indikator, PlanNode, Renja
from renja.domain.renstra import Renstra, RenstraIndikator, RenstraRow
from renja.domain.target import Target
from renja.errors import CodeError
from renja.nomenklatur import normalise_name

LEVELS = ("program", "kegiatan", "sub_kegiatan")


def bidang_of(renja: Renja) -> str | None:
    """The agency's own bidang (``5.03``): the one most of its non-cross-cutting codes carry."""
    found: Counter[str] = Counter()
    for node in renja.rencana.walk():
        try:
            kode = parse_kode(node.kode or "")
        except CodeError:
            continue
        if not kode.is_cross_cutting and kode.bidang is not None:
            found[f"{kode.urusan}.{kode.bidang}"] += 1
    return found.most_common(1)[0][0] if found else None


def same_code(text: str | None, bidang: str | None) -> str | None:
    """A code as both plans are compared: canonical, ``X.XX`` replaced by the bidang."""
    if not text:
        return None
    try:
        return parse_kode(text, bidang).canonical
    except CodeError:
        return None


@dataclass(frozen=True)
class Link:
    node: PlanNode
    row: RenstraRow | None  # None: the Renstra has no row with this code


def links(renja: Renja, renstra: Renstra) -> list[Link]:
    """Every program, kegiatan and sub kegiatan of the Renja with its Renstra row."""
    bidang = bidang_of(renja)
    rows = {same_code(row.kode, bidang): row for row in renstra.coded()}
    return [Link(node, rows.get(same_code(node.kode, bidang)))
            for node in renja.rencana.walk() if node.level in LEVELS and node.kode]


def levels_present(renstra: Renstra) -> set[str]:
    return {row.level for row in renstra.rows}


def indicator_of(row: RenstraRow, ind: Indikator | str) -> RenstraIndikator | None:
    """The Renstra row's indicator with the same name (spacing, case and punctuation aside)."""
    name = normalise_name(ind if isinstance(ind, str) else ind.nama)
    return next((r for r in row.indikator if normalise_name(r.nama) == name), None)


def target_for(renstra: Renstra, ind: RenstraIndikator, tahun: int) -> Target | None:
    index = renstra.year_index(tahun)
    return None if index is None else ind.target[index]


def pagu_for(renstra: Renstra, row: RenstraRow, tahun: int) -> int | None:
    index = renstra.year_index(tahun)
    return None if index is None else row.pagu[index]


def value(target: Target | None) -> Decimal | None:
    return target.value if target is not None else None


def sasaran_of(renstra: Renstra, bidang: str | None) -> dict[str, str]:
    """Each program's sasaran: the last sasaran row above it in T-C.27, by program code."""
    found: dict[str, str] = {}
    current = ""
    for row in renstra.rows:
        if row.level == "sasaran":
            current = row.nama
        elif row.level == "program" and current:
            code = same_code(row.kode, bidang)
            if code:
                found[code] = current
    return found
