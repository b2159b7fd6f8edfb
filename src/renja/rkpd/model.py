"""What Bappeda holds for a year: every agency (unit) with its mandate, its plan (or none), its
pagu ceilings in total and per sumber dana, the stage deadlines and the RKPD total the pemda
published. Built by the web app from its database and by the CLI from a folder of files."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from renja.codes import parse_kode
from renja.domain import PlanNode, Renja
from renja.domain.renja import TAHAPAN
from renja.errors import CodeError
from renja.nomenklatur import normalise_name


@dataclass
class Unit:
    """One perangkat daerah of the pemda."""

    nama: str
    singkatan: str | None = None
    bidang: tuple[str, ...] = ()
    """The bidang urusan it holds a mandate for; the first is its primary bidang."""
    plan: Renja | None = None
    tahapan: str | None = None
    """The plan's stage (the web app's workflow stage; else the plan's own)."""
    status: str | None = None
    """The plan's workflow status (draf, diajukan, …), when known."""
    pagu: int | None = None
    """Ceiling of its pagu indikatif for the year (ranwal RKPD)."""
    pagu_sumber: dict[str, int] = field(default_factory=dict)
    """Ceilings per sumber dana, as the pemda names them (``DAU``, ``DAK Fisik``)."""
    link: str | None = None
    """Where its plan is: a web address, or the file it was read from."""

    @property
    def label(self) -> str:
        return self.singkatan or self.nama

    @property
    def total(self) -> int | None:
        """The plan's pagu indikatif for year n: the sum over its programs that state one, as
        the RKPD table adds them (a program without a pagu adds nothing; None when none
        states one)."""
        if self.plan is None:
            return None
        known = [n.pagu_n for n in self.plan.rencana.walk()
                 if n.level == "program" and n.pagu_n is not None]
        return sum(known) if known else None

    def stage(self) -> str | None:
        return self.tahapan or (self.plan.tahapan if self.plan else None)


@dataclass
class PemdaPlans:
    """All agencies of a pemda for one plan year."""

    pemda: str
    tahun: int
    units: list[Unit]
    tahapan: str | None = None
    """The stage the compile is of (None: each plan's latest)."""
    jadwal: dict[str, datetime.date] = field(default_factory=dict)
    """The last day of each stage (tahapan → date)."""
    tanggal: datetime.date | None = None
    """The day the checks are run for (deadlines before it have passed)."""
    total_rkpd: int | None = None
    """The pagu indikatif total the pemda published in its RKPD (ranwal or final)."""
    lintas: frozenset[str] = frozenset()
    """Sub kegiatan codes the pemda lets several agencies plan, besides the cross-cutting ones."""


def stage_index(tahapan: str | None) -> int:
    return TAHAPAN.index(tahapan) if tahapan in TAHAPAN else -1


def sumber_key(text: str | None) -> str:
    """A sumber dana as compared: ``DAU``, ``dau``, ``D.A.U`` are one."""
    return normalise_name(text or "").replace(" ", "")


def effective_sumber(nodes: list[PlanNode]) -> list[tuple[PlanNode, str | None]]:
    """Each leaf row with the sumber dana it is funded from (its own, else its parent's)."""
    found: list[tuple[PlanNode, str | None]] = []

    def walk(node: PlanNode, inherited: str | None) -> None:
        own = node.sumber_dana.strip() if node.sumber_dana and node.sumber_dana.strip() \
            else inherited
        if not node.children:
            found.append((node, own))
        for child in node.children:
            walk(child, own)

    for node in nodes:
        walk(node, None)
    return found


def bidang_of(kode: str | None) -> str | None:
    """``U.BB`` of a code (``None`` for unreadable codes and the unsubstituted ``X.XX``)."""
    if not kode:
        return None
    try:
        parsed = parse_kode(kode)
    except CodeError:
        return None
    if parsed.bidang is None or parsed.is_cross_cutting:
        return None
    return f"{parsed.urusan}.{parsed.bidang}"
