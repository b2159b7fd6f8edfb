"""The loop closed: next year's T-C.29 from the data instead of retyped.

The Renja of year n evaluates year n-2 and estimates n-1 in T-C.29. From the set plan of n-2,
its four quarters' realisation, and (when there is one) the set plan of n-1:

- rows: every program, kegiatan and sub kegiatan of plan n-2 (with its urusan and bidang
  headings), in its order;
- (4) target Renstra at the end of the period: the indicator's ``target_renstra`` in plan n-1,
  else in plan n-2;
- (5) realisation up to n-3: column (10) of plan n-2's own T-C.29 (its estimate up to n-3);
- (6) target n-2: plan n-2's target n; (7) realisation n-2: the four quarters by the
  indicator's kind; (9) target n-1: plan n-1's target n, else plan n-2's prakiraan maju;
- (8), (10), (11): computed (:func:`renja.calc.evaluation.fill_tc29`).

Indicators are matched by the row's code and the indicator's name (spaces and case ignored).
"""

from __future__ import annotations

from decimal import Decimal

from renja.calc.capaian import combine, infer_agregasi
from renja.calc.evaluation import fill_tc29
from renja.domain import Indikator, Renja, Target, Tc29, Tc29Indikator, Tc29Row
from renja.domain.realisasi import Realisasi
from renja.numbers import format_number


def generate_tc29(before: Renja, realisasi: Realisasi, last: Renja | None = None) -> Tc29:
    """T-C.29 for the plan of year ``before.tahun + 2``."""
    previous = _index(last) if last is not None else {}
    estimated = _tc29_index(before)
    rows = []
    for node in before.rencana.walk():
        kode = node.kode or node.kode_asal or ""
        row = Tc29Row(level=node.level, kode=node.kode, nama=node.nama)
        for ind in node.indikator:
            key = (kode, _key(ind.nama))
            then = previous.get(key)
            satuan = ind.satuan or (ind.target_n.satuan if ind.target_n else None)
            agregasi = ind.agregasi or infer_agregasi(ind.nama, satuan) or "jumlah"
            reported = realisasi.of_indicator(kode, ind.nama)
            year = combine(list(reported.triwulan), agregasi) if reported else None
            item = Tc29Indikator(
                nama=ind.nama,
                target_renstra=(then.target_renstra if then and then.target_renstra
                                else ind.target_renstra),
                realisasi_sd_n3=estimated.get(key),
                target_n2=ind.target_n,
                realisasi_n2=_target(year, satuan),
                target_n1=then.target_n if then and then.target_n else ind.target_n1,
                polaritas=ind.polaritas, agregasi=ind.agregasi)
            fill_tc29(item)
            row.indikator.append(item)
        rows.append(row)
    return Tc29(judul=f"Tabel T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat "
                      f"Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun "
                      f"{before.tahun + 1}", rows=rows)


def _index(renja: Renja) -> dict[tuple[str, str], Indikator]:
    return {((node.kode or node.kode_asal or ""), _key(ind.nama)): ind
            for node in renja.rencana.walk() for ind in node.indikator}


def _tc29_index(renja: Renja) -> dict[tuple[str, str], Target | None]:
    return {(row.kode or row.kode_asal or "", _key(ind.nama)): ind.realisasi_sd_n1
            for row in renja.tc29.rows for ind in row.indikator}


def _key(nama: str) -> str:
    return " ".join(nama.split()).casefold()


def _target(value: Decimal | None, satuan: str | None) -> Target | None:
    if value is None:
        return None
    shown = format_number(value)
    return Target(text=f"{shown}%" if satuan == "%" else f"{shown} {satuan or ''}".strip(),
                  value=value, satuan=satuan)
