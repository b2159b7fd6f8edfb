"""Synthetic quarterly realisation of a plan, for the demo and tests: counts spread over the
quarters, levels rising towards their target, spending following the usual slow start; each
row a little ahead or behind, the same every time for the same plan."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from renja.calc.capaian import infer_agregasi
from renja.domain import Renja
from renja.domain.realisasi import (
    CatatanTriwulan,
    Realisasi,
    RealisasiAnggaran,
    RealisasiIndikator,
)

SPENDING = (Decimal("0.15"), Decimal("0.25"), Decimal("0.25"), Decimal("0.30"))


def demo_realisasi(renja: Renja, quarters: int = 4, seed: int = 0) -> Realisasi:
    found = Realisasi(tahun=renja.tahun, perangkat_daerah=renja.perangkat_daerah.nama)
    for node in renja.rencana.walk():
        if node.level not in ("program", "kegiatan", "sub_kegiatan"):
            continue
        kode = node.kode or node.kode_asal or ""
        pace = random.Random(f"{seed}:{kode}")
        for ind in node.indikator:
            target = ind.target_n.value if ind.target_n else None
            if target is None:
                continue
            satuan = ind.satuan or (ind.target_n.satuan if ind.target_n else None)
            level = infer_agregasi(ind.nama, satuan) == "terakhir"
            factor = Decimal(pace.randint(75, 110)) / 100
            values = [_round(target * factor * (Decimal("0.7") + Decimal("0.1") * q)
                             if level else target * factor / 4, target)
                      for q in range(1, quarters + 1)]
            found.indikator.append(RealisasiIndikator(kode=kode, indikator=ind.nama,
                                                      triwulan=values))
        if node.level == "sub_kegiatan" and node.pagu_n:
            factor = Decimal(pace.randint(80, 100)) / 100
            spent = [int((node.pagu_n * share * factor).quantize(Decimal(1000),
                                                                 rounding=ROUND_HALF_UP))
                     for share in SPENDING[:quarters]]
            found.anggaran.append(RealisasiAnggaran(kode=kode, triwulan=spent))
    found.catatan = [CatatanTriwulan(
        triwulan=q, faktor_pendorong="Dukungan anggaran dan koordinasi antarbidang",
        faktor_penghambat="Pengadaan barang dan jasa mundur dari jadwal" if q == 1 else "",
        tindak_lanjut="Percepatan pelaksanaan kegiatan") for q in range(1, quarters + 1)]
    return found


def _round(value: Decimal, target: Decimal) -> Decimal:
    """Whole numbers for whole targets (documents, people), two decimals otherwise."""
    places = Decimal(1) if target == target.to_integral_value() else Decimal("0.01")
    return value.quantize(places, rounding=ROUND_HALF_UP)
