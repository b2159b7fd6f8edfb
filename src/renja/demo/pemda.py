"""A whole pemda for Bappeda's view: 40 agencies with plans of one year, their ceilings (in
total and per sumber dana), stage deadlines and the RKPD total; consistent, or with one of each
cross-agency problem planted (:data:`PLANTED` says which rule finds it)."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from renja.codes import parse_kode
from renja.demo.corpus import pemda_plans
from renja.demo.generate import Spec, generate
from renja.domain import Belanja, PlanNode, Renja, parse_target
from renja.edit import recode
from renja.nomenklatur import Catalogue, default_catalogue
from renja.rkpd.model import PemdaPlans, Unit

PLANTED = {
    "P001": "a sub kegiatan of one agency planned again by another",
    "P002": "a program of a bidang the agency holds no mandate for",
    "P003": "an agency over its pagu ceiling",
    "P004": "an agency over its ceiling for one sumber dana",
    "P005": "an agency without a plan",
    "P006": "a plan still a draft of rancangan awal after that stage's deadline",
    "P007": "two agencies running one program with one indicator and different targets",
    "P008": "a published RKPD total the plans do not reach",
}
MARGIN = 50_000_000


@dataclass
class DemoPemda:
    pemda: PemdaPlans
    planted: dict[str, str]
    """Rule code → the agency (short name) it was planted in (``-`` for the pemda itself)."""


def demo_pemda(count: int = 40, tahun: int = 2025, planted: bool = True, seed: int = 1,
               pemda: str = "Kabupaten Sumber Makmur",
               catalogue: Catalogue | None = None) -> DemoPemda:
    catalogue = catalogue or default_catalogue()
    rng = random.Random(seed)
    plans = list(pemda_plans(pemda, count, tahun, seed, sub_kegiatan=(8, 30)))
    units = [Unit(nama=p.perangkat_daerah.nama, singkatan=p.perangkat_daerah.singkatan,
                  bidang=(p.perangkat_daerah.bidang or "",), plan=p, tahapan="rancangan",
                  status="diajukan") for p in plans]
    for i, unit in enumerate(units):
        if i % 3 == 0:
            _sumber(unit, ("DAU", "PAD", "DAK Fisik"))
    found: dict[str, str] = {}
    jadwal = {"rancangan_awal": datetime.date(tahun - 1, 1, 31),
              "rancangan": datetime.date(tahun - 1, 3, 31)}
    if planted:
        found = _plant(units, catalogue, tahun, pemda, rng)
    for unit in units:
        if unit.plan is None:
            continue
        total = unit.total or 0
        unit.pagu = total + MARGIN if found.get("P003") != unit.label else total - 1_000_000
        spent = _per_sumber(unit)
        for name, amount in spent.items():
            if name == "APBD":
                continue
            over = found.get("P004") == unit.label and name == "DAK Fisik"
            unit.pagu_sumber[name] = amount - 2_000_000 if over else amount + MARGIN // 2
    sum_plans = sum(u.total or 0 for u in units if u.plan is not None)
    total_rkpd = sum_plans + (5_000_000 if planted else 0)
    if planted:
        found["P008"] = "-"
    result = PemdaPlans(pemda=pemda, tahun=tahun, units=units, tahapan="rancangan",
                        jadwal=jadwal, tanggal=datetime.date(tahun - 1, 3, 1),
                        total_rkpd=total_rkpd)
    return DemoPemda(result, found)


def _plant(units: list[Unit], catalogue: Catalogue, tahun: int, pemda: str,
           rng: random.Random) -> dict[str, str]:
    found: dict[str, str] = {}
    # P001: agency 2 also plans one of agency 1's sub kegiatan (a mandate it shares)
    a, b = units[1], units[2]
    program = _own_program(a)
    kegiatan = program.children[0]
    copy = program.model_copy(deep=True)
    copy.children = [kegiatan.model_copy(deep=True)]
    copy.children[0].children = copy.children[0].children[:1]
    _append(b, copy)
    b.bidang = (*b.bidang, *a.bidang)
    found["P001"] = b.label
    # P007: agency 5 runs agency 4's program, with sub kegiatan of its own, another target
    h, i = units[4], units[5]
    program = _own_program(h)
    used = {n.kode for n in h.plan.rencana.walk()} if h.plan else set()
    other = _unused_branch(catalogue, program, used, tahun)
    if other is not None:
        other.indikator = [ind.model_copy(deep=True) for ind in program.indikator]
        target = other.indikator[0].target_n
        assert target is not None and target.value is not None
        other.indikator[0].target_n = parse_target(f"{int(target.value) - 5}%")
        _append(i, other)
        i.bidang = (*i.bidang, *h.bidang)
        found["P007"] = i.label
    # P002: agency 8 runs a program of a bidang nobody holds
    c = units[8]
    held = {bidang for u in units for bidang in u.bidang}
    spare = next(e.kode for e in catalogue.entries(tahun) if e.level == "bidang"
                 and e.kode not in held and e.kode.split(".")[0] not in "78")
    foreign = generate(Spec(pemda=pemda, agency="-", bidang=spare, tahun=tahun,
                            sub_kegiatan=4, seed=rng.randint(1, 999)))
    _append(c, _own_program(Unit("-", plan=foreign)))
    found["P002"] = c.label
    found["P003"] = units[11].label
    _sumber(units[12], ("DAU", "DAK Fisik"))
    found["P004"] = units[12].label
    units[15].plan = None
    units[15].tahapan = units[15].status = None
    found["P005"] = units[15].label
    units[18].tahapan, units[18].status = "rancangan_awal", "draf"
    found["P006"] = units[18].label
    return found


def _own_program(unit: Unit) -> PlanNode:
    """The unit's first program of its own bidang (not the cross-cutting .01)."""
    assert unit.plan is not None
    return next(n for n in unit.plan.rencana.walk() if n.level == "program"
                and not (n.kode or "").endswith(".01") and n.children)


def _unused_branch(catalogue: Catalogue, program: PlanNode, used: set[str | None],
                   tahun: int) -> PlanNode | None:
    """The program again with one kegiatan and sub kegiatan the agency does not plan."""
    assert program.kode is not None
    for kegiatan in catalogue.children(program.kode, tahun):
        for sub in catalogue.children(kegiatan.kode, tahun):
            if sub.kode in used:
                continue
            pagu = 25_000_000
            leaf = PlanNode(level="sub_kegiatan", kode=sub.kode, kode_asal=sub.kode,
                            nama=sub.nama, sumber_dana="APBD", pagu_n=pagu, pagu_n1=pagu,
                            indikator=[])
            node = PlanNode(level="kegiatan", kode=kegiatan.kode, kode_asal=kegiatan.kode,
                            nama=kegiatan.nama, sumber_dana="APBD", pagu_n=pagu, pagu_n1=pagu,
                            children=[leaf])
            return PlanNode(level="program", kode=program.kode, kode_asal=program.kode,
                            nama=program.nama, sumber_dana="APBD", pagu_n=pagu,
                            pagu_n1=pagu, children=[node])
    return None


def _append(unit: Unit, program: PlanNode) -> None:
    """Add a program to the unit's plan, its roll-ups and printed total kept true."""
    assert unit.plan is not None
    plan: Renja = unit.plan
    program.pagu_n = sum(s.pagu_n or 0 for s in program.walk() if s.level == "sub_kegiatan")
    program.pagu_n1 = sum(s.pagu_n1 or 0 for s in program.walk() if s.level == "sub_kegiatan")
    for kegiatan in program.children:
        kegiatan.pagu_n = sum(s.pagu_n or 0 for s in kegiatan.children)
        kegiatan.pagu_n1 = sum(s.pagu_n1 or 0 for s in kegiatan.children)
    plan.rencana.rows.append(PlanNode(level="bidang", kode=_bidang(program.kode),
                                      nama=_bidang(program.kode), pagu_n=program.pagu_n,
                                      pagu_n1=program.pagu_n1, children=[program]))
    if plan.rencana.total is not None:
        plan.rencana.total.pagu_n = unit.total
        plan.rencana.total.pagu_n1 = sum(p.pagu_n1 or 0 for p in plan.rencana.walk()
                                         if p.level == "program")


def _bidang(kode: str | None) -> str:
    parsed = parse_kode(kode or "")
    return f"{parsed.urusan}.{parsed.bidang}"


def _sumber(unit: Unit, names: tuple[str, ...]) -> None:
    """Fund the unit's sub kegiatan from several sources in turn."""
    assert unit.plan is not None
    leaves = [n for n in unit.plan.rencana.walk() if n.level == "sub_kegiatan"]
    for index, leaf in enumerate(leaves):
        leaf.sumber_dana = names[index % len(names)]


def _per_sumber(unit: Unit) -> dict[str, int]:
    from renja.rkpd.compile import pagu_per_sumber

    return {label: amount for label, amount in pagu_per_sumber(unit).values()}


def share_one(renja: Renja, other: Renja, catalogue: Catalogue | None = None) -> str | None:
    """Leave ``renja`` sharing exactly one sub kegiatan with ``other`` (two agencies of one
    bidang drawn from the nomenclature plan many of the same): every other shared one is
    renamed to a sibling neither plans. The shared code, or None when none could be made."""
    catalogue = catalogue or default_catalogue()
    theirs = {n.kode for n in other.rencana.walk() if n.level == "sub_kegiatan"}
    mine = {n.kode for n in renja.rencana.walk() if n.kode}
    shared = [n for n in renja.rencana.walk() if n.level == "sub_kegiatan" and n.kode in theirs
              and (n.kode or "").split(".")[2:3] != ["01"]]
    if not shared:
        return claim_one(renja, other)
    dropped = []
    for node in shared[1:]:
        parent = (node.kode or "").rsplit(".", 1)[0]
        free = next((e for e in catalogue.children(parent, renja.tahun)
                     if e.kode not in theirs and e.kode not in mine), None)
        if free is not None:
            recode(renja, node, free.kode, free.nama)
            mine.add(free.kode)
        else:
            dropped.append(node.kode)
    if dropped:
        _drop(renja, set(dropped))
    return shared[0].kode


def _drop(renja: Renja, codes: set[str | None]) -> None:
    """Take these sub kegiatan out of the plan (and kegiatan and programs left empty), with
    the roll-ups, the total and the tables that name them made true again."""
    from renja.demo.generate import _roll_up

    def prune(node: PlanNode) -> bool:
        node.children = [c for c in node.children if c.kode not in codes and prune(c)]
        return node.level == "sub_kegiatan" or bool(node.children)

    renja.rencana.rows = [r for r in renja.rencana.rows if prune(r)]
    for row in renja.rencana.rows:
        _roll_up(row)
    gone = {n for n in codes}
    kept = {n.kode for n in renja.rencana.walk()}
    renja.tc29.rows = [r for r in renja.tc29.rows if r.kode in kept and r.kode not in gone]
    renja.tc31.rows = [r for r in renja.tc31.rows if r.kode in kept and r.kode not in gone]
    names = {n.nama for n in renja.rencana.walk()}
    renja.daftar_program.rows = [i for i in renja.daftar_program.rows if i.nama in names]
    rows = renja.rencana.rows
    if renja.rencana.total is not None:
        total = renja.rencana.total
        total.pagu_n = sum(r.pagu_n or 0 for r in rows)
        total.pagu_n1 = sum(r.pagu_n1 or 0 for r in rows)
        for year in ("n", "n1"):
            summed = Belanja()
            for part in ("operasi", "pegawai", "barang_jasa", "modal"):
                setattr(summed, part, sum(getattr(getattr(r, f"belanja_{year}"), part) or 0
                                          for r in rows))
            setattr(total, f"belanja_{year}", summed)
    pagu = {n.kode: n.pagu_n for n in renja.rencana.walk()}
    for review in renja.tc31.rows:
        review.ranwal.pagu = review.kebutuhan.pagu = pagu.get(review.kode)
    renja.tc31.total_ranwal = renja.tc31.total_kebutuhan = \
        renja.rencana.total.pagu_n if renja.rencana.total else None


def claim_one(renja: Renja, other: Renja) -> str | None:
    """Make one sub kegiatan of ``renja`` one that ``other`` plans (same code and name, under a
    kegiatan both plan), in T-C.33 and every table that names it; the code, or None when the
    two plans share no kegiatan. Money and roll-ups are left as they were."""
    mine = {n.kode: n for n in renja.rencana.walk() if n.kode}
    for kegiatan in (n for n in other.rencana.walk() if n.level == "kegiatan"):
        own = mine.get(kegiatan.kode or "")
        if own is None or not own.children:
            continue
        theirs = next((s for s in kegiatan.children if s.kode not in mine), None)
        if theirs is None or theirs.kode is None:
            continue
        recode(renja, own.children[0], theirs.kode, theirs.nama)
        return theirs.kode
    return None
