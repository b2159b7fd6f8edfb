"""The quarterly evaluation of a Renja's results (Permendagri 86/2017, Tabel E.81), computed.

For every program, kegiatan and sub kegiatan of the plan and each of its indicators, columns
5–14 in pairs K (kinerja, in the indicator's unit) and Rp (money):

- (5) target Renstra at the end of its period: the indicator's ``target_renstra``;
- (6) realisation of the Renstra up to last year's Renja: T-C.29's column (10) for the same
  row and indicator;
- (7) the Renja's target (T-C.33 target n) and pagu n;
- (8)–(11) realisation in triwulan I–IV (quarters after the one evaluated count as not
  reported);
- (12) the year's realisation: the sum of the quarters for a cumulative indicator (``jumlah``),
  the last reported value for a level (``terakhir``), their mean for ``rata_rata``; money is
  always the sum;
- (13) Renstra realisation up to this year: (6) + (12) for a cumulative indicator and for money,
  (12) (else (6)) for a level;
- (14) tingkat capaian Renstra = (13) / (5) × 100 %, target / realisation for an indicator
  where lower is better; and, as some pemda add, tingkat capaian Renja = (12) / (7).

A capaian that cannot be computed (a missing value, a target of 0, a realisation of 0 where
lower is better) stays empty and is left out of the averages. The footer's rata-rata capaian is
the weighted mean (``bobot``, default 1) of the indicators' capaian; its predikat comes from the
bands, judged on the capaian rounded to two decimals as printed (90,50 is *Tinggi* under the
default bands, where *Sangat Tinggi* starts at 91,00).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from renja.calc.capaian import (
    DEFAULT_BANDS,
    Band,
    capaian,
    combine,
    daya_serap,
    infer_agregasi,
    infer_polaritas,
    predikat,
    rounded,
)
from renja.calc.renstra import bidang_of, indicator_of, links, same_code, sasaran_of
from renja.domain import Indikator, PlanNode, Renja
from renja.domain.plan import Agregasi, Polaritas
from renja.domain.realisasi import QUARTERS, CatatanTriwulan, Realisasi
from renja.domain.renstra import Renstra, RenstraIndikator, RenstraRow

Dasar = Literal["renstra", "renja"]
"""Which capaian the footer averages: column (14) (the regulation's) or (12)/(7)."""


@dataclass(frozen=True)
class E81Indikator:
    nama: str
    satuan: str | None
    agregasi: Agregasi
    polaritas: Polaritas
    bobot: Decimal
    target_renstra: Decimal | None  # (5) K
    realisasi_renstra_lalu: Decimal | None  # (6) K
    target: Decimal | None  # (7) K
    triwulan: tuple[Decimal | None, ...]  # (8)–(11) K
    realisasi: Decimal | None  # (12) K
    realisasi_renstra: Decimal | None  # (13) K
    capaian_renstra: Decimal | None  # (14) K, %
    capaian_renja: Decimal | None  # (12)/(7), %


@dataclass(frozen=True)
class E81Row:
    nomor: int
    level: str
    kode: str
    nama: str
    unit: str  # (15)
    indikator: tuple[E81Indikator, ...]
    pagu_renstra: int | None  # (5) Rp: the Renstra's money for the whole period
    pagu: int | None  # (7) Rp
    anggaran_triwulan: tuple[int | None, ...]  # (8)–(11) Rp
    anggaran: int | None  # (12) Rp
    serapan: Decimal | None  # (12)/(7) Rp, %
    sasaran: str = ""  # (2): the Renstra's sasaran a program serves


@dataclass(frozen=True)
class E81:
    tahun: int
    perangkat_daerah: str
    sampai_triwulan: int
    rows: tuple[E81Row, ...]
    dasar: Dasar
    rata_rata_capaian: Decimal | None
    predikat: str | None
    pagu: int | None
    anggaran: int | None
    daya_serap: Decimal | None
    catatan: CatatanTriwulan | None = None
    bands: tuple[Band, ...] = field(default=DEFAULT_BANDS)


def evaluate(renja: Renja, realisasi: Realisasi, sampai_triwulan: int = QUARTERS,
             dasar: Dasar = "renstra", bands: Sequence[Band] = DEFAULT_BANDS,
             renstra: Renstra | None = None) -> E81:
    """E.81 of ``renja`` with its realisation up to and including ``sampai_triwulan``; column
    (5) from the agency's ``renstra`` when given (its kondisi akhir and money for the period),
    else from the plan's own target at the end of the Renstra."""
    if not 1 <= sampai_triwulan <= QUARTERS:
        raise ValueError(f"triwulan {sampai_triwulan} is not 1–4")
    lalu = _tc29_lalu(renja)
    unit = renja.perangkat_daerah.singkatan or renja.perangkat_daerah.nama
    linked = {id(link.node): link.row for link in links(renja, renstra)} if renstra else {}
    bidang = bidang_of(renja)
    goals = sasaran_of(renstra, bidang) if renstra else {}
    rows = tuple(_row(number, node, realisasi, sampai_triwulan, lalu, unit,
                      linked.get(id(node)),
                      goals.get(same_code(node.kode, bidang) or "", "")
                      if node.level == "program" else "")
                 for number, node in enumerate(_evaluated(renja), start=1))
    indicators = [ind for row in rows for ind in row.indikator]
    average = weighted_mean(
        [(ind.capaian_renstra if dasar == "renstra" else ind.capaian_renja, ind.bobot)
         for ind in indicators])
    subs = [row for row in rows if row.level == "sub_kegiatan"]
    pagu = known_sum([row.pagu for row in subs])
    spent = known_sum([row.anggaran for row in subs])
    return E81(
        tahun=renja.tahun, perangkat_daerah=renja.perangkat_daerah.nama,
        sampai_triwulan=sampai_triwulan, rows=rows, dasar=dasar,
        rata_rata_capaian=average,
        predikat=predikat(rounded(average), bands) if average is not None else None,
        pagu=pagu, anggaran=spent, daya_serap=daya_serap(spent, pagu),
        catatan=realisasi.note(sampai_triwulan), bands=tuple(bands))


def _evaluated(renja: Renja) -> Iterator[PlanNode]:
    """Programs, kegiatan and sub kegiatan, in the plan's order."""
    return (node for node in renja.rencana.walk()
            if node.level in ("program", "kegiatan", "sub_kegiatan"))


def _row(number: int, node: PlanNode, realisasi: Realisasi, upto: int,
         lalu: dict[tuple[str, str], Decimal | None], unit: str,
         renstra: RenstraRow | None = None, sasaran: str = "") -> E81Row:
    kode = node.kode or node.kode_asal or ""
    money = _money(node, realisasi, upto)
    spent = known_sum(list(money))
    return E81Row(
        nomor=number, level=node.level or "", kode=kode, nama=node.nama,
        unit=node.penanggung_jawab or (renstra.unit if renstra else None) or unit,
        pagu_renstra=renstra.pagu_akhir if renstra else None, sasaran=sasaran,
        indikator=tuple(_indicator(kode, ind, realisasi, upto, lalu,
                                   indicator_of(renstra, ind) if renstra else None)
                        for ind in node.indikator),
        pagu=node.pagu_n, anggaran_triwulan=money, anggaran=spent,
        serapan=daya_serap(spent, node.pagu_n))


def _indicator(kode: str, ind: Indikator, realisasi: Realisasi, upto: int,
               lalu: dict[tuple[str, str], Decimal | None],
               planned: RenstraIndikator | None = None) -> E81Indikator:
    reported = realisasi.of_indicator(kode, ind.nama)
    satuan = ind.satuan or (ind.target_n.satuan if ind.target_n else None)
    agregasi = (reported.agregasi if reported else None) or ind.agregasi or \
        infer_agregasi(ind.nama, satuan) or "jumlah"
    polaritas = infer_polaritas(ind.nama, (reported.polaritas if reported else None) or
                                ind.polaritas)
    quarters = tuple(v if i < upto else None for i, v in enumerate(
        reported.triwulan if reported else [None] * QUARTERS))
    year = combine(list(quarters), agregasi)
    before = lalu.get((kode, _key(ind.nama)))
    stated = planned.kondisi_akhir if planned and planned.kondisi_akhir else ind.target_renstra
    target_renstra = stated.value if stated else None
    target = ind.target_n.value if ind.target_n else None
    renstra = _renstra_to_date(before, year, agregasi)
    return E81Indikator(
        nama=ind.nama, satuan=satuan, agregasi=agregasi, polaritas=polaritas,
        bobot=reported.bobot if reported else Decimal(1),
        target_renstra=target_renstra, realisasi_renstra_lalu=before, target=target,
        triwulan=quarters, realisasi=year, realisasi_renstra=renstra,
        capaian_renstra=capaian(target_renstra, renstra, polaritas),
        capaian_renja=capaian(target, year, polaritas))


def _renstra_to_date(before: Decimal | None, year: Decimal | None, agregasi: Agregasi
                     ) -> Decimal | None:
    """(13): (6) + (12) for a cumulative indicator; the latest known value for a level."""
    if agregasi == "jumlah":
        return None if before is None or year is None else before + year
    return year if year is not None else before


def _money(node: PlanNode, realisasi: Realisasi, upto: int) -> tuple[int | None, ...]:
    """Money spent per quarter: the sub kegiatan's own, else the sum of the ones below."""
    leaves = [node] if not node.children else list(_leaves(node))
    quarters: list[int | None] = []
    for q in range(QUARTERS):
        if q >= upto:
            quarters.append(None)
            continue
        values = [r.triwulan[q] for leaf in leaves
                  if (r := realisasi.of_money(leaf.kode or leaf.kode_asal or "")) is not None]
        quarters.append(known_sum(values))
    return tuple(quarters)


def _leaves(node: PlanNode) -> Iterator[PlanNode]:
    for child in node.children:
        if child.children:
            yield from _leaves(child)
        else:
            yield child


def _tc29_lalu(renja: Renja) -> dict[tuple[str, str], Decimal | None]:
    """T-C.29's column (10), realisation up to last year, by (kode, indicator name)."""
    found: dict[tuple[str, str], Decimal | None] = {}
    for row in renja.tc29.rows:
        for ind in row.indikator:
            value = ind.realisasi_sd_n1.value if ind.realisasi_sd_n1 else None
            found.setdefault((row.kode or "", _key(ind.nama)), value)
    return found


def _key(nama: str) -> str:
    return " ".join(nama.split()).casefold()


def known_sum(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def weighted_mean(pairs: Sequence[tuple[Decimal | None, Decimal]]) -> Decimal | None:
    known = [(value, weight) for value, weight in pairs if value is not None and weight > 0]
    total = sum((weight for _, weight in known), Decimal(0))
    if not known or total == 0:
        return None
    return sum((value * weight for value, weight in known), Decimal(0)) / total
