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

from collections.abc import Sequence
from decimal import Decimal

from renja.calc.capaian import combine, infer_agregasi
from renja.calc.evaluation import fill_tc29
from renja.calc.renstra import bidang_of, indicator_of, same_code
from renja.domain import (
    Indikator,
    NilaiTahun,
    Renja,
    Target,
    Tc29,
    Tc29Indikator,
    Tc29Row,
    Tc30,
    Tc30Row,
)
from renja.domain.realisasi import Realisasi
from renja.domain.renstra import Renstra, RenstraIndikator
from renja.numbers import format_number


def generate_tc29(before: Renja, realisasi: Realisasi, last: Renja | None = None,
                  renstra: Renstra | None = None) -> Tc29:
    """T-C.29 for the plan of year ``before.tahun + 2``; column (4) from the agency's
    ``renstra`` (its kondisi akhir) where it has the row and indicator."""
    previous = _index(last) if last is not None else {}
    bidang = bidang_of(before)
    planned = {same_code(row.kode, bidang): row for row in renstra.coded()} if renstra else {}
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
            in_renstra = planned.get(same_code(node.kode, bidang))
            ends = indicator_of(in_renstra, ind) if in_renstra else None
            item = Tc29Indikator(
                nama=ind.nama,
                target_renstra=(ends.kondisi_akhir if ends and ends.kondisi_akhir else
                                then.target_renstra if then and then.target_renstra
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


def generate_tc30(tahun: int, renstra: Renstra | None = None,
                  realised: Sequence[tuple[Renja, Realisasi]] = (),
                  previous: Tc30 | None = None, current: Tc30 | None = None) -> Tc30:
    """T-C.30 (pencapaian kinerja pelayanan) for the plan of ``tahun``, from the data:

    - rows: the Renstra's tujuan and sasaran indicators (``kelompok`` Tujuan or Sasaran), else
      last year's T-C.30 rows;
    - target Renstra for n-2 … n+1 from the Renstra's yearly targets (else last year's);
    - realisasi n-2 and n-1: the year's realisation of a set plan (``realised``: plan and its
      quarters) for an indicator of the same name, by its kind; else what last year's T-C.30
      said for that year;
    - proyeksi n and n+1: the Renstra's targets for those years, else last year's proyeksi;
    - SPM, IKK and catatan analisis: what the agency wrote in this plan's T-C.30 (``current``)
      or, failing that, last year's."""
    years_target = [tahun - 2, tahun - 1, tahun, tahun + 1]
    years_real, years_next = [tahun - 2, tahun - 1], [tahun, tahun + 1]
    history = _history(realised)
    kept = {_key(r.indikator): r for r in (current.rows if current else [])}
    before = {_key(r.indikator): r for r in (previous.rows if previous else [])}
    rows: list[Tc30Row] = []
    for kelompok, nama, satuan, planned in _tc30_indicators(renstra, previous):
        own, last = kept.get(_key(nama)), before.get(_key(nama))
        rows.append(Tc30Row(
            kelompok=kelompok, indikator=nama,
            spm=(own.spm if own else None) or (last.spm if last else None),
            ikk=(own.ikk if own else None) or (last.ikk if last else None),
            target_renstra=[NilaiTahun(tahun=y, label=f"Tahun {y}",
                                       nilai=_planned(renstra, planned, y) or _said(
                                           last, "target_renstra", y)) for y in years_target],
            realisasi=[NilaiTahun(tahun=y, label=f"Tahun {y}",
                                  nilai=_target(history.get((y, _key(nama))), satuan) or _said(
                                      last, "realisasi", y)) for y in years_real],
            proyeksi=[NilaiTahun(tahun=y, label=f"Tahun {y}",
                                 nilai=_planned(renstra, planned, y) or _said(
                                     last, "proyeksi", y)) for y in years_next],
            catatan=(own.catatan if own else None) or (last.catatan if last else None),
            polaritas=(own.polaritas if own else None) or (last.polaritas if last else None)))
    return Tc30(judul="Tabel T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah", rows=rows)


def _tc30_indicators(renstra: Renstra | None, previous: Tc30 | None
                     ) -> list[tuple[str | None, str, str | None, RenstraIndikator | None]]:
    """(kelompok heading, indicator, satuan, its Renstra indicator) in the table's order."""
    if renstra is not None:
        found = [(row.level.capitalize(), ind.nama, ind.satuan, ind)
                 for row in renstra.rows if row.level in ("tujuan", "sasaran")
                 for ind in row.indikator]
        if found:
            return found  # type: ignore[return-value]
    result: list[tuple[str | None, str, str | None, RenstraIndikator | None]] = []
    for row in previous.rows if previous else []:
        if not row.indikator:
            continue
        values = [v.nilai for v in (*row.realisasi, *row.target_renstra) if v.nilai]
        result.append((row.kelompok, row.indikator,
                       next((v.satuan for v in values if v.satuan), None), None))
    return result


def _history(realised: Sequence[tuple[Renja, Realisasi]]) -> dict[tuple[int, str], Decimal]:
    """Each reported indicator's value for its plan's year, by (year, name)."""
    found: dict[tuple[int, str], Decimal] = {}
    for renja, realisasi in realised:
        for node in renja.rencana.walk():
            kode = node.kode or node.kode_asal or ""
            for ind in node.indikator:
                reported = realisasi.of_indicator(kode, ind.nama)
                if reported is None:
                    continue
                satuan = ind.satuan or (ind.target_n.satuan if ind.target_n else None)
                kind = reported.agregasi or ind.agregasi or infer_agregasi(ind.nama, satuan) \
                    or "jumlah"
                value = combine(list(reported.triwulan), kind)
                if value is not None:
                    found.setdefault((renja.tahun, _key(ind.nama)), value)
    return found


def _planned(renstra: Renstra | None, ind: RenstraIndikator | None, tahun: int
             ) -> Target | None:
    if renstra is None or ind is None:
        return None
    index = renstra.year_index(tahun)
    return ind.target[index] if index is not None else None


def _said(row: Tc30Row | None, column: str, tahun: int) -> Target | None:
    """What last year's T-C.30 row said for ``tahun`` in a column group."""
    if row is None:
        return None
    values: list[NilaiTahun] = getattr(row, column)
    return next((v.nilai for v in values if v.tahun == tahun and v.nilai is not None), None)
