"""T-C.29's derived columns: (8) = 7/6, (10) = 5+7+9 or the latest, (11) = 10/4."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from renja.calc.capaian import capaian, combine, infer_agregasi, infer_polaritas
from renja.domain import Target, Tc29Indikator


def value(target: Target | None) -> Decimal | None:
    return None if target is None else target.value


@dataclass(frozen=True)
class Tc29Expected:
    tingkat_realisasi_n2: Decimal | None
    realisasi_sd_n1: tuple[Decimal | None, ...]
    """Every acceptable (10): the sum, the latest value, or the one the stated rule gives."""
    capaian_renstra: Decimal | None


def tc29_expected(ind: Tc29Indikator) -> Tc29Expected:
    polaritas = infer_polaritas(ind.nama, ind.polaritas)
    satuan = ind.target_renstra.satuan if ind.target_renstra else None
    agregasi = infer_agregasi(ind.nama, satuan, ind.agregasi)
    parts = [value(ind.realisasi_sd_n3), value(ind.realisasi_n2), value(ind.target_n1)]
    options: tuple[Decimal | None, ...]
    if agregasi is None:
        options = (combine(parts, "jumlah"), combine(parts, "terakhir"))
    else:
        options = (combine(parts, agregasi),)
    return Tc29Expected(
        tingkat_realisasi_n2=capaian(value(ind.target_n2), value(ind.realisasi_n2), polaritas),
        realisasi_sd_n1=options,
        capaian_renstra=capaian(value(ind.target_renstra), value(ind.realisasi_sd_n1), polaritas),
    )


FORMULA_COLUMNS = ("tingkat_realisasi_n2", "realisasi_sd_n1", "capaian_renstra")
"""T-C.29's columns (8), (10) and (11): computed from the others, never typed."""


def fill_tc29(ind: Tc29Indikator) -> None:
    """Compute (8) = 7/6, (10) = 5+7+9 (the latest value for a level indicator) and
    (11) = 10/4 from the typed columns; a column whose inputs are missing is left empty."""
    from renja.numbers import format_number

    def percent(number: Decimal | None) -> Target | None:
        return None if number is None else Target(
            text=f"{format_number(number, 2)}%", value=number.quantize(Decimal("0.01")),
            satuan="%")

    expected = tc29_expected(ind)
    ind.tingkat_realisasi_n2 = percent(expected.tingkat_realisasi_n2)
    total = expected.realisasi_sd_n1[0]
    satuan = next((t.satuan for t in (ind.target_n1, ind.realisasi_n2, ind.target_renstra)
                   if t is not None and t.satuan), None)
    shown = None if total is None else format_number(total)
    ind.realisasi_sd_n1 = None if shown is None else Target(
        text=f"{shown}%" if satuan == "%" else f"{shown} {satuan}".strip(), value=total,
        satuan=satuan)
    ind.capaian_renstra = percent(tc29_expected(ind).capaian_renstra)
