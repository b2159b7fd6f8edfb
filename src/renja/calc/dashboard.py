"""What a dashboard shows of a plan's realisation, computed from its E.81 (plain data).

Per agency, up to a quarter:

- **daya serap per triwulan**: the money realised up to each quarter (cumulative) beside the
  plan for that quarter. A Renja has no quarterly cash plan, so the plan is the pagu spread
  evenly over the year (a quarter of it per triwulan); the chart says so.
- **capaian per program**: the weighted mean of the capaian against the Renja target
  (E.81 (12)/(7)) of the indicators of the program, its kegiatan and sub kegiatan, with its
  predikat under the pemda's bands, and the program's money.
- **indikator di bawah target**: indicators whose realisation up to the quarter is below what
  the quarter should have reached: the target pro-rated over the quarters for an indicator
  whose quarters add up (``jumlah``), the whole target for a level or mean; for an indicator
  where lower is better, a realisation above that.

Per pemda: each agency's figures side by side, and how many agencies earned each predikat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from renja.calc.capaian import Band, capaian, daya_serap, predikat, rounded
from renja.calc.e81 import E81, E81Indikator, E81Row, known_sum, weighted_mean
from renja.domain.realisasi import QUARTERS

BELUM_DINILAI = "Belum dinilai"


@dataclass(frozen=True)
class Serapan:
    """Money up to the end of one quarter."""

    triwulan: int
    rencana: int | None  # pagu × triwulan / 4
    realisasi: int | None  # spent up to and including the quarter; None when not reported
    persen: Decimal | None  # realisasi / pagu × 100


@dataclass(frozen=True)
class ProgramCapaian:
    kode: str
    nama: str
    capaian: Decimal | None
    predikat: str | None
    pagu: int | None
    anggaran: int | None
    daya_serap: Decimal | None


@dataclass(frozen=True)
class Tertinggal:
    """An indicator below what the quarter should have reached."""

    kode: str
    nama: str
    indikator: str
    satuan: str | None
    seharusnya: Decimal  # the target pro-rated to the quarter (or the whole target)
    realisasi: Decimal
    capaian: Decimal  # realisasi against seharusnya, %


@dataclass(frozen=True)
class AgencyDashboard:
    tahun: int
    perangkat_daerah: str
    sampai_triwulan: int
    pagu: int | None
    anggaran: int | None
    daya_serap: Decimal | None
    rata_rata_capaian: Decimal | None  # against the Renja target, weighted
    predikat: str | None
    serapan: tuple[Serapan, ...]
    program: tuple[ProgramCapaian, ...]
    tertinggal: tuple[Tertinggal, ...]


def agency(e81: E81) -> AgencyDashboard:
    """The agency dashboard of an E.81 computed with ``dasar="renja"`` (or either: the program
    and indicator figures always use the capaian against the Renja target)."""
    bands = e81.bands
    programs = tuple(_program(head, rows, bands) for head, rows in _programs(e81.rows))
    average = _mean([ind for row in e81.rows for ind in row.indikator])
    return AgencyDashboard(
        tahun=e81.tahun, perangkat_daerah=e81.perangkat_daerah,
        sampai_triwulan=e81.sampai_triwulan, pagu=e81.pagu, anggaran=e81.anggaran,
        daya_serap=e81.daya_serap, rata_rata_capaian=average,
        predikat=predikat(rounded(average), bands) if average is not None else None,
        serapan=_serapan(e81), program=programs,
        tertinggal=tuple(sorted(_behind(e81), key=lambda t: (t.capaian, t.kode))))


def predikat_counts(dashboards: Sequence[AgencyDashboard | None], bands_order: Sequence[str]
                    ) -> dict[str, int]:
    """How many agencies earned each predikat (in the bands' order), and how many could not be
    judged yet (no plan set, nothing reported): ``Belum dinilai``."""
    counts = dict.fromkeys(bands_order, 0)
    counts[BELUM_DINILAI] = 0
    for dash in dashboards:
        key = dash.predikat if dash is not None and dash.predikat else BELUM_DINILAI
        counts[key] = counts.get(key, 0) + 1
    return counts


def _serapan(e81: E81) -> tuple[Serapan, ...]:
    subs = [row for row in e81.rows if row.level == "sub_kegiatan"]
    found: list[Serapan] = []
    running: int | None = None
    for q in range(QUARTERS):
        spent = [row.anggaran_triwulan[q] for row in subs if row.anggaran_triwulan[q] is not None]
        # a quarter without any money reported stays "not reported", not its predecessor's sum
        reported = None
        if q < e81.sampai_triwulan and spent:
            running = (running or 0) + sum(v for v in spent if v is not None)
            reported = running
        plan = None if e81.pagu is None else round(e81.pagu * (q + 1) / QUARTERS)
        found.append(Serapan(triwulan=q + 1, rencana=plan, realisasi=reported,
                             persen=daya_serap(reported, e81.pagu)))
    return tuple(found)


def _programs(rows: Sequence[E81Row]) -> list[tuple[E81Row, list[E81Row]]]:
    """Each program row with the rows of its branch (itself included)."""
    groups: list[tuple[E81Row, list[E81Row]]] = []
    for row in rows:
        if row.level == "program":
            groups.append((row, [row]))
        elif groups:
            groups[-1][1].append(row)
    return groups


def _program(head: E81Row, rows: list[E81Row], bands: Sequence[Band]) -> ProgramCapaian:
    value = _mean([ind for row in rows for ind in row.indikator])
    subs = [row for row in rows if row.level == "sub_kegiatan"]
    pagu = head.pagu if head.pagu is not None else known_sum([row.pagu for row in subs])
    spent = known_sum([row.anggaran for row in subs]) if subs else head.anggaran
    return ProgramCapaian(
        kode=head.kode, nama=head.nama, capaian=value,
        predikat=predikat(rounded(value), bands) if value is not None else None,
        pagu=pagu, anggaran=spent, daya_serap=daya_serap(spent, pagu))


def _behind(e81: E81) -> list[Tertinggal]:
    found = []
    for row in e81.rows:
        for ind in row.indikator:
            due = _due(ind, e81.sampai_triwulan)
            if due is None or ind.realisasi is None:
                continue
            value = capaian(due, ind.realisasi, ind.polaritas)
            if value is not None and value < 100:
                found.append(Tertinggal(
                    kode=row.kode, nama=row.nama, indikator=ind.nama, satuan=ind.satuan,
                    seharusnya=due, realisasi=ind.realisasi, capaian=value))
    return found


def _due(ind: E81Indikator, upto: int) -> Decimal | None:
    """What the indicator should have reached by the end of quarter ``upto``."""
    if ind.target is None:
        return None
    if ind.agregasi == "jumlah":
        return ind.target * upto / QUARTERS
    return ind.target


def _mean(indicators: Sequence[E81Indikator]) -> Decimal | None:
    return weighted_mean([(i.capaian_renja, i.bobot) for i in indicators])
