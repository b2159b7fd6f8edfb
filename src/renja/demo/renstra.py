"""A synthetic Renstra (T-C.27) behind a plan, for the demo and tests: the plan's programs,
kegiatan and sub kegiatan with their indicators over a five-year period that holds the plan's
year; that year's targets and money are the plan's own, the other years move towards the end
of the period; ``departures`` rows differ in the plan's year, as real plans often do."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from renja.domain import Renja
from renja.domain.renstra import PERIOD_YEARS, Renstra, RenstraIndikator, RenstraRow
from renja.domain.target import Target
from renja.numbers import format_number

STEP = Decimal("0.05")


def demo_renstra(renja: Renja, tahun_awal: int | None = None, seed: int = 0,
                 departures: int = 0) -> Renstra:
    first = tahun_awal if tahun_awal is not None else renja.tahun - 1
    place = renja.tahun - first
    if not 0 <= place < PERIOD_YEARS:
        raise ValueError(f"{renja.tahun} is not in {first}–{first + PERIOD_YEARS - 1}")
    rng = random.Random(seed)
    rows = _goals(renja, place) or [
        RenstraRow(level="tujuan", nama=f"Meningkatnya kinerja {renja.perangkat_daerah.nama}"),
        RenstraRow(level="sasaran", nama="Meningkatnya kualitas layanan perangkat daerah")]
    nodes = [n for n in renja.rencana.walk() if n.level in ("program", "kegiatan",
                                                            "sub_kegiatan") and n.kode]
    departing = set(rng.sample(range(len(nodes)), min(departures, len(nodes))))
    # the plan's own word for the end of the period (T-C.29 column 4) is the Renstra's
    ends = {(row.kode, _key(ind.nama)): ind.target_renstra for row in renja.tc29.rows
            for ind in row.indikator if ind.target_renstra is not None}
    for i, node in enumerate(nodes):
        pagu = [_money(node.pagu_n, y - place) for y in range(PERIOD_YEARS)]
        if i in departing and node.pagu_n:
            pagu[place] = node.pagu_n + 50_000_000
        indicators = [_indicator(ind.nama, ind.satuan, ind.target_n, place,
                                 ind.target_renstra or ends.get((node.kode, _key(ind.nama))))
                      for ind in node.indikator]
        known = [p for p in pagu if p is not None]
        rows.append(RenstraRow(level=node.level, kode=node.kode,
                               nama=node.nama, indikator=indicators, pagu=pagu,
                               pagu_akhir=sum(known) if known else None,
                               unit=node.penanggung_jawab, lokasi=node.lokasi))
    return Renstra(pemda=renja.pemda.nama, perangkat_daerah=renja.perangkat_daerah.nama,
                   tahun_awal=first, rows=rows)


def _goals(renja: Renja, place: int) -> list[RenstraRow]:
    """The plan's tujuan and sasaran (its Tabel 3.2) with their indicators over the period."""
    rows: list[RenstraRow] = []
    for line in renja.tujuan_sasaran.rows:
        if line.kelompok not in ("tujuan", "sasaran"):
            continue
        nama = line.uraian or (rows[-1].nama if rows else line.kelompok.capitalize())
        if not rows or (rows[-1].level, rows[-1].nama) != (line.kelompok, nama):
            rows.append(RenstraRow(level=line.kelompok, nama=nama))
        if line.indikator:
            satuan = line.target_n.satuan if line.target_n else None
            rows[-1].indikator = [*rows[-1].indikator,
                                  _indicator(line.indikator, satuan, line.target_n, place)]
    return rows


def _money(pagu: int | None, offset: int) -> int | None:
    if pagu is None:
        return None
    return int((Decimal(pagu) * (1 + STEP * offset)).quantize(Decimal(1000),
                                                            rounding=ROUND_HALF_UP))


def _key(nama: str) -> str:
    return " ".join(nama.split()).casefold()


def _indicator(nama: str, satuan: str | None, target: Target | None, place: int,
               end: Target | None = None) -> RenstraIndikator:
    if target is None or target.value is None:
        return RenstraIndikator(nama=nama, satuan=satuan)
    unit = satuan or target.satuan
    values = [_scaled(target, y - place) for y in range(PERIOD_YEARS)]
    if end is not None and end.value is not None and place < PERIOD_YEARS - 1:
        # after the plan's year the targets move evenly to the end of the period
        step = (end.value - target.value) / (PERIOD_YEARS - 1 - place)
        places = Decimal(1) if target.value == target.value.to_integral_value() else \
            Decimal("0.01")
        for y in range(place + 1, PERIOD_YEARS):
            values[y] = (target.value + step * (y - place)).quantize(places,
                                                                     rounding=ROUND_HALF_UP)
    targets = [target if y == place else _target(v, unit) for y, v in enumerate(values)]
    if end is not None and place < PERIOD_YEARS - 1:
        targets[-1] = end
    start = _target(_scaled(target, -place - 1), unit)
    return RenstraIndikator(nama=nama, satuan=unit, kondisi_awal=start, target=targets,
                            kondisi_akhir=end or targets[-1])


def _scaled(target: Target, offset: int) -> Decimal:
    assert target.value is not None
    value = target.value * (1 + STEP * offset)
    places = Decimal(1) if target.value == target.value.to_integral_value() else Decimal("0.01")
    return max(Decimal(0), value.quantize(places, rounding=ROUND_HALF_UP))


def _target(value: Decimal, satuan: str | None) -> Target:
    shown = format_number(value)
    return Target(text=f"{shown} {satuan}" if satuan else shown, value=value, satuan=satuan)
